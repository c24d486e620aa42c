"""Data set adapters read each layout into the same Page records."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from benchmarks import datasets


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def test_ground_truth_layout_reads_gz_and_plain_html_in_id_order(tmp_path: Path) -> None:
    _write_json(tmp_path / "ground-truth.json", {
        "b": {"articleBody": "Body B", "url": "http://b/"},
        "a": {"articleBody": "Body A", "url": None, "title": "A"},
        "c": {"articleBody": "no html for this one"},
    })
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html.gz").write_bytes(gzip.compress(b"<p>A</p>"))
    (tmp_path / "html" / "b.html").write_bytes(b"<p>B</p>")
    data = datasets.load(tmp_path)
    assert data.layout == "ground-truth"
    assert [(p.id, p.html, p.gold, p.url) for p in data.pages] == [
        ("a", b"<p>A</p>", "Body A", None), ("b", b"<p>B</p>", "Body B", "http://b/")]
    assert data.has_gold and not data.has_snippets
    assert len(data.notes) == 1 and "c" in data.notes[0]
    assert [p.id for p in datasets.load(tmp_path, limit=1).pages] == ["a"]


def test_snippet_layout(tmp_path: Path) -> None:
    _write_json(tmp_path / "cases.json", {
        "x": {"url": "http://x/", "with": ["keep me"], "without": ["drop me", "and me"]}})
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "x.html.gz").write_bytes(gzip.compress(b"<html></html>"))
    (page,) = datasets.load(tmp_path).pages
    assert page.gold is None
    assert page.must_include == ("keep me",)
    assert page.must_exclude == ("drop me", "and me")
    assert datasets.load(tmp_path).layout == "snippets"


def test_corpus_layout(tmp_path: Path) -> None:
    page_dir = tmp_path / "001-example"
    page_dir.mkdir()
    (page_dir / "page.html").write_bytes("<p>caf\xe9</p>".encode("latin-1"))
    (page_dir / "gold.txt").write_text("First.\n\nSecond.\n", encoding="utf-8")
    _write_json(page_dir / "meta.json", {
        "title": "T", "url": "https://example.org/a", "language": "fr", "encoding": "latin-1",
        "noise": ["nav"], "must_exclude": ["Subscribe"], "must_include": ["First."],
        "description": "d"})
    (tmp_path / "README.md").write_text("not a page")
    data = datasets.load(tmp_path)
    (page,) = data.pages
    assert data.layout == "corpus"
    assert page.html == b"<p>caf\xe9</p>"  # bytes untouched, whatever the encoding
    assert (page.gold, page.url, page.language) == ("First.\n\nSecond.\n",
                                                    "https://example.org/a", "fr")
    assert (page.must_include, page.must_exclude) == (("First.",), ("Subscribe",))
    assert data.has_gold and data.has_snippets


def test_absent_or_unknown_directories_raise_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(datasets.DatasetUnavailable, match="not found"):
        datasets.load(tmp_path / "missing")
    with pytest.raises(datasets.DatasetUnavailable, match="known layout"):
        datasets.load(tmp_path)


def test_bare_names_resolve_to_corpus_and_shared_sets() -> None:
    assert datasets.resolve("corpus") == datasets.CORPUS_DIR
    assert datasets.resolve("scrapinghub") == datasets.SHARED_DATASETS_DIR / "scrapinghub"
    assert datasets.resolve("./some/dir") == Path("./some/dir")
