"""`python -m benchmarks.scaling`: does cost grow linearly with page size?

One page's body is repeated 1, 4, 16 and 64 times; each size is extracted in a fresh
process (so peak memory is that size's alone), and the table shows time, time per copy
and peak memory.  A quadratic step anywhere (deduplication, selection, the walk) shows
as a time per copy that climbs with the number of copies.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks import datasets, extractors, tables

DEFAULT_COPIES = (1, 4, 16, 64)
# Repetitions per size; the median is reported (these machines are noisy).
REPEATS = 3
# Seconds one size may take in its process, all repetitions included.
CHILD_TIMEOUT = 600
_BODY = re.compile(rb"(<body[^>]*>)(.*)(</body>)", re.IGNORECASE | re.DOTALL)


def scaled(html: bytes, copies: int) -> bytes:
    """The page with its body content repeated `copies` times (the whole page if no body)."""
    found = _BODY.search(html)
    if not found:
        return html * copies
    return html[: found.start(2)] + found.group(2) * copies + html[found.end(2) :]


def _measure(name: str, html: bytes, repeats: int) -> tuple[float, float]:
    """Median seconds per extraction and peak resident MB added, in this process."""
    extract = extractors.build(name)
    extract(html[: len(html) // 8] or html, None, None)  # warm up imports and caches
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        extract(html, None, None)
        times.append(time.perf_counter() - start)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    return statistics.median(times), peak_kb / 1024


def _child(name: str, html: bytes, repeats: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    try:
        out.put(_measure(name, html, repeats))
    except Exception as exc:  # reported by the parent, which would otherwise wait forever
        out.put(f"{type(exc).__name__}: {exc}")


def measure_in_child(name: str, html: bytes, repeats: int = REPEATS) -> tuple[float, float]:
    """`_measure` in a fresh process, so one size's memory does not hide another's."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(name, html, repeats, queue))
    process.start()
    result = queue.get(timeout=CHILD_TIMEOUT)
    process.join()
    if isinstance(result, str):
        raise RuntimeError(f"{name} failed on a {len(html)}-byte page: {result}")
    return result  # type: ignore[no-any-return]


def rows_for(name: str, html: bytes, copies: Sequence[int]) -> list[list[str]]:
    rows = []
    base: float | None = None
    for k in copies:
        page = scaled(html, k)
        seconds, peak = measure_in_child(name, page)
        per_copy = seconds / k
        base = base or per_copy
        rows.append([
            name, f"x{k}", f"{len(page) / 1e6:.2f}", f"{seconds * 1000:.1f}",
            f"{per_copy * 1000:.2f}", f"{per_copy / base:.2f}x", f"{peak:.1f}",
        ])
    return rows


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scaling", description=__doc__)
    parser.add_argument("--page", type=Path, help="an HTML file (default: a scrapinghub page)")
    parser.add_argument("--copies", default=",".join(map(str, DEFAULT_COPIES)))
    parser.add_argument("--extractors", default=extractors.OURS, metavar="A,B,...")
    return parser.parse_args(argv)


def default_page() -> bytes:
    """The first page of scrapinghub if present, else the first corpus page."""
    for spec in ("scrapinghub", "corpus"):
        try:
            return datasets.load(spec, limit=1).pages[0].html
        except (datasets.DatasetUnavailable, IndexError):
            continue
    raise SystemExit("no page to scale: pass --page FILE")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    html = args.page.read_bytes() if args.page else default_page()
    copies = [int(c) for c in args.copies.split(",")]
    rows: list[list[str]] = []
    for name in args.extractors.split(","):
        if extractors.missing_reason(name):
            print(f"note: {name} skipped: {extractors.missing_reason(name)}", file=sys.stderr)
            continue
        rows.extend(rows_for(name, html, copies))
    headers = ["extractor", "copies", "MB", "ms", "ms per copy", "per copy vs x1", "peak MB"]
    print(tables.render(headers, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
