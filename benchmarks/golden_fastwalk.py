"""Golden check: the compiled walk against the Python walk, page by page.

For every page it compares the tree `clean` leaves with the compiled scan and with its
XPath, then, on the same cleaned tree, the full Segmentation of
`extractor.segment.segment_python` and of `extractor._fastwalk.segment` (every block's
text, kind, tag, level, containers and every Features field, every Container; values
and their types, floats to 1e-9), then `extract().text` end to end with each walk.

    python -m benchmarks.golden_fastwalk [--shared ../shared] [--limit-large 300]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import lxml.etree

import extractor
import extractor.segment as segment_module
from extractor.clean import clean
from extractor.options import Options
from extractor.parse import parse
from extractor.segment import Segmentation, segment_python

FLOAT_TOLERANCE = 1e-9
# Data sets checked whole, and those checked on their first pages only (by sorted id).
WHOLE_SETS = ("scrapinghub", "cleaneval-dev", "readability")
LARGE_SETS = ("dragnet", "trafilatura-eval")


def differences(a: Any, b: Any, path: str = "") -> Iterator[str]:
    """Where two records differ: field path, both values (types compared too)."""
    if dataclasses.is_dataclass(a) and dataclasses.is_dataclass(b):
        if type(a) is not type(b):
            yield f"{path}: {type(a).__name__} != {type(b).__name__}"
            return
        for f in dataclasses.fields(a):
            yield from differences(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
    elif isinstance(a, tuple) and isinstance(b, tuple):
        if len(a) != len(b):
            yield f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, f"{path}[{i}]")
    elif type(a) is not type(b):
        yield f"{path}: {a!r} ({type(a).__name__}) != {b!r} ({type(b).__name__})"
    elif isinstance(a, float):
        if abs(a - b) > FLOAT_TOLERANCE:
            yield f"{path}: {a!r} != {b!r}"
    elif a != b:
        yield f"{path}: {a!r} != {b!r}"


@contextmanager
def python_walk_only() -> Iterator[None]:
    """Run `extract` with the Python walk and clean's XPath, whatever is built."""
    saved = segment_module.COMPILED_WALK, segment_module.COMPILED_SCAN
    segment_module.COMPILED_WALK = segment_module.COMPILED_SCAN = None
    try:
        yield
    finally:
        segment_module.COMPILED_WALK, segment_module.COMPILED_SCAN = saved


def pages(shared: Path, limit_large: int) -> Iterator[tuple[str, bytes]]:
    """(name, html) of every page checked."""
    for name in (*WHOLE_SETS, *LARGE_SETS):
        root = shared / "datasets" / name
        labels = root / ("cases.json" if name == "trafilatura-eval" else "ground-truth.json")
        keys = sorted(json.loads(labels.read_text(encoding="utf-8")))
        if name in LARGE_SETS:
            keys = keys[:limit_large]
        for key in keys:
            yield f"{name}/{key}", gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for page in sorted(corpus.glob("*/page.html")):
        yield f"corpus/{page.parent.name}", page.read_bytes()


def check_page(html: bytes, compiled: Any, max_blocks: int) -> list[str]:
    """Every difference between the two walks on one page, as readable lines."""
    try:
        tree = clean(parse(html, max_bytes=Options().max_input_bytes).root)
        with python_walk_only():
            by_xpath = clean(parse(html, max_bytes=Options().max_input_bytes).root)
    except extractor.ExtractionError:
        return []
    found = []
    if lxml.etree.tostring(tree) != lxml.etree.tostring(by_xpath):
        found.append("clean leaves another tree with its compiled scan than with its XPath")
    reference = segment_python(tree, max_blocks=max_blocks)
    body = tree.find("body")
    fast: Segmentation | None = compiled(body if body is not None else tree, max_blocks)
    if fast is None:
        return ["compiled walk declined the page"]
    found += differences(reference, fast, "seg")
    with python_walk_only():
        expected = extractor.extract(html).text
    if extractor.extract(html).text != expected:
        found.append("extract().text differs")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).parents[2] / "shared")
    parser.add_argument("--limit-large", type=int, default=300)
    args = parser.parse_args(argv)
    compiled = segment_module.COMPILED_WALK
    if compiled is None:
        print("the compiled walk is not built or not enabled: nothing to compare")
        return 2
    checked = failed = 0
    for name, html in pages(args.shared, args.limit_large):
        found = check_page(html, compiled, Options().max_blocks)
        # A small block limit exercises the early stop, on every page.
        found += [f"max_blocks=7: {d}" for d in _early_stop(html, compiled)]
        checked += 1
        if found:
            failed += 1
            print(f"{name}: {len(found)} differences", *found[:5], sep="\n  ")
    print(f"golden check: {checked} pages, {failed} with differences")
    return 1 if failed else 0


def _early_stop(html: bytes, compiled: Any) -> Iterator[str]:
    try:
        tree = clean(parse(html, max_bytes=Options().max_input_bytes).root)
    except extractor.ExtractionError:
        return
    body = tree.find("body")
    fast = compiled(body if body is not None else tree, 7)
    yield from differences(segment_python(tree, max_blocks=7), fast, "seg")


if __name__ == "__main__":
    sys.exit(main())
