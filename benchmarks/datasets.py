"""Data set adapters: one small loader per on-disk layout, all producing `Page`s.

Supporting a new layout means writing one `detect` and one `load` function and
adding an `Adapter` to `ADAPTERS`; nothing else in the harness knows about layouts.

Layouts understood today:

- `corpus`: the project's hand-labelled pages, `<dir>/<NNN-slug>/page.html` beside
  `gold.txt` and `meta.json` (see corpus/README.md);
- `ground-truth`: the public article-extraction benchmark's layout,
  `ground-truth.json` = {id: {"articleBody", "url", ...}} beside `html/<id>.html.gz`
  (or `html/<id>.html`); most sets in ../shared/datasets use it;
- `snippets`: trafilatura's evaluation as converted in ../shared/datasets,
  `cases.json` = {id: {"url", "with": [...], "without": [...]}} beside `html/`.

Page bytes are handed to extractors exactly as stored (only gunzipped): every
extractor sees the same input and none is helped by special-casing.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "corpus"
SHARED_DATASETS_DIR = REPO_ROOT.parent / "shared" / "datasets"
SHARED_SET_NAMES = ("scrapinghub", "dragnet", "cleaneval-dev", "readability", "trafilatura-eval")


@dataclass(frozen=True, slots=True)
class Page:
    """One page to extract and what is known to be right about it.

    `gold` is the full article text when the set has it (None for snippet-only sets);
    `must_include` / `must_exclude` are snippets that must / must not appear.
    """

    id: str
    html: bytes
    url: str | None = None
    gold: str | None = None
    must_include: tuple[str, ...] = ()
    must_exclude: tuple[str, ...] = ()
    language: str | None = None
    title: str | None = None

    @property
    def has_snippets(self) -> bool:
        """Whether snippet scoring applies to this page."""
        return bool(self.must_include or self.must_exclude)


@dataclass(frozen=True, slots=True)
class Dataset:
    """A loaded data set: its pages plus notes about anything that was skipped."""

    name: str
    path: Path
    layout: str
    pages: tuple[Page, ...]
    notes: tuple[str, ...] = ()

    @property
    def has_gold(self) -> bool:
        """Whether any page has full gold text (shingle metric applies)."""
        return any(p.gold is not None for p in self.pages)

    @property
    def has_snippets(self) -> bool:
        """Whether any page has snippets (snippet metric applies)."""
        return any(p.has_snippets for p in self.pages)


@dataclass(frozen=True, slots=True)
class Adapter:
    """How to recognise one layout on disk and read it."""

    layout: str
    detect: Callable[[Path], bool]
    load: Callable[[Path, int | None], tuple[list[Page], list[str]]]


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _read_html(html_dir: Path, page_id: str) -> bytes | None:
    """The page's bytes from `<id>.html.gz` or `<id>.html`, None when neither exists."""
    gz = html_dir / f"{page_id}.html.gz"
    if gz.is_file():
        return gzip.decompress(gz.read_bytes())
    plain = html_dir / f"{page_id}.html"
    return plain.read_bytes() if plain.is_file() else None


def _strings(value: Any) -> tuple[str, ...]:
    """A JSON list of strings as a tuple, tolerating null or a bare string."""
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


# --- corpus/ ---------------------------------------------------------------------------

CORPUS_PAGE_FILE = "page.html"


def _corpus_page_dirs(path: Path) -> list[Path]:
    return sorted(d for d in path.iterdir() if d.is_dir() and (d / CORPUS_PAGE_FILE).is_file())


def detect_corpus(path: Path) -> bool:
    """A directory whose subdirectories hold `page.html` files."""
    return path.is_dir() and bool(_corpus_page_dirs(path))


def load_corpus(path: Path, limit: int | None) -> tuple[list[Page], list[str]]:
    """Read `<NNN-slug>/{page.html,gold.txt,meta.json}` folders, in name order."""
    pages: list[Page] = []
    notes: list[str] = []
    for page_dir in _corpus_page_dirs(path)[:limit]:
        meta_path, gold_path = page_dir / "meta.json", page_dir / "gold.txt"
        meta: dict[str, Any] = _read_json(meta_path) if meta_path.is_file() else {}
        gold = gold_path.read_text(encoding="utf-8") if gold_path.is_file() else None
        if gold is None:
            notes.append(f"{page_dir.name}: no gold.txt, scored on snippets only")
        pages.append(Page(
            id=page_dir.name,
            html=(page_dir / CORPUS_PAGE_FILE).read_bytes(),
            url=meta.get("url"),
            gold=gold,
            must_include=_strings(meta.get("must_include")),
            must_exclude=_strings(meta.get("must_exclude")),
            language=meta.get("language"),
            title=meta.get("title"),
        ))
    return pages, notes


# --- ground-truth.json + html/ ---------------------------------------------------------

GROUND_TRUTH_FILE = "ground-truth.json"


def detect_ground_truth(path: Path) -> bool:
    """The public benchmark's layout: `ground-truth.json` beside `html/`."""
    return (path / GROUND_TRUTH_FILE).is_file()


def load_ground_truth(path: Path, limit: int | None) -> tuple[list[Page], list[str]]:
    """Read pages in sorted id order, skipping (with a note) ids without HTML."""
    truth: dict[str, dict[str, Any]] = _read_json(path / GROUND_TRUTH_FILE)
    pages: list[Page] = []
    notes: list[str] = []
    for page_id in sorted(truth)[:limit]:
        entry = truth[page_id]
        html = _read_html(path / "html", page_id)
        if html is None:
            notes.append(f"{page_id}: no html/{page_id}.html(.gz); skipped")
            continue
        pages.append(Page(id=page_id, html=html, url=entry.get("url"),
                          gold=entry.get("articleBody") or "", title=entry.get("title")))
    return pages, notes


# --- cases.json + html/ (snippets) -----------------------------------------------------

CASES_FILE = "cases.json"


def detect_snippets(path: Path) -> bool:
    """trafilatura's evaluation layout: `cases.json` beside `html/`."""
    return (path / CASES_FILE).is_file()


def load_snippets(path: Path, limit: int | None) -> tuple[list[Page], list[str]]:
    """Read snippet cases in sorted id order, skipping (with a note) ids without HTML."""
    cases: dict[str, dict[str, Any]] = _read_json(path / CASES_FILE)
    pages: list[Page] = []
    notes: list[str] = []
    for page_id in sorted(cases)[:limit]:
        case = cases[page_id]
        html = _read_html(path / "html", page_id)
        if html is None:
            notes.append(f"{page_id}: no html/{page_id}.html(.gz); skipped")
            continue
        pages.append(Page(id=page_id, html=html, url=case.get("url"),
                          must_include=_strings(case.get("with")),
                          must_exclude=_strings(case.get("without"))))
    return pages, notes


ADAPTERS: tuple[Adapter, ...] = (
    Adapter("ground-truth", detect_ground_truth, load_ground_truth),
    Adapter("snippets", detect_snippets, load_snippets),
    Adapter("corpus", detect_corpus, load_corpus),
)


class DatasetUnavailable(Exception):
    """The data set is absent or in no known layout; the message says which."""


def resolve(spec: str) -> Path:
    """A path as given, or a bare name of a shared set (`scrapinghub`) or `corpus`."""
    if spec == "corpus":
        return CORPUS_DIR
    path = Path(spec).expanduser()
    if path.exists() or "/" in spec:
        return path
    return SHARED_DATASETS_DIR / spec


def load(spec: str | Path, limit: int | None = None) -> Dataset:
    """Load a data set with the first adapter that recognises its directory."""
    path = resolve(str(spec)) if isinstance(spec, str) else spec
    if not path.is_dir():
        raise DatasetUnavailable(f"{path}: not found")
    for adapter in ADAPTERS:
        if adapter.detect(path):
            pages, notes = adapter.load(path, limit)
            return Dataset(path.name, path, adapter.layout, tuple(pages), tuple(notes))
    layouts = ", ".join(a.layout for a in ADAPTERS)
    raise DatasetUnavailable(f"{path}: no pages in a known layout ({layouts})")


def shared_sets() -> list[Path]:
    """The shared data sets present beside the checkout, in a fixed order."""
    return [SHARED_DATASETS_DIR / n for n in SHARED_SET_NAMES
            if (SHARED_DATASETS_DIR / n).is_dir()]
