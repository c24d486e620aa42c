"""`python -m benchmarks.soak`: is memory flat over many extractions?

One process extracts the pages of a data set over and over (100,000 extractions by
default) and samples its resident memory at checkpoints.  A leak (a cache that grows,
a tree kept alive) shows as memory that keeps climbing after the first pass over the
pages, which is when every code path and allocator arena has been exercised once.

    python -m benchmarks.soak [--count 100000] [--dataset scrapinghub] [--every 10000]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks import datasets, extractors, tables
from benchmarks.runners import current_rss_mb

DEFAULT_COUNT = 100_000
DEFAULT_CHECKPOINTS = 10
# Growth after the first pass, per 10,000 extractions, above which the run is called a
# leak: allocator noise is a few MB at most, a real leak grows with every page.
LEAK_MB_PER_10K = 5.0


@dataclass(frozen=True, slots=True)
class Checkpoint:
    extractions: int
    seconds: float
    rss_mb: float


def soak(
    extract: extractors.ExtractFn, pages: Sequence[datasets.Page], count: int, every: int
) -> list[Checkpoint]:
    """Extract `count` pages, cycling through `pages`; memory sampled every `every`."""
    checkpoints = [Checkpoint(0, 0.0, current_rss_mb())]
    start = time.perf_counter()
    for done in range(1, count + 1):
        page = pages[(done - 1) % len(pages)]
        # A page the extractor rejects still exercises it.
        with contextlib.suppress(Exception):
            extract(page.html, page.url, page.language)
        if done % every == 0 or done == count:
            gc.collect()  # what is still held now is held for good
            checkpoints.append(Checkpoint(done, time.perf_counter() - start, current_rss_mb()))
    return checkpoints


def growth_per_10k(checkpoints: Sequence[Checkpoint], warm_up: int) -> float:
    """MB gained per 10,000 extractions between the first checkpoint at or after
    `warm_up` extractions and the last one (0.0 when there are not two such)."""
    settled = [c for c in checkpoints if c.extractions >= warm_up]
    if len(settled) < 2 or settled[-1].extractions == settled[0].extractions:
        return 0.0
    first, last = settled[0], settled[-1]
    return (last.rss_mb - first.rss_mb) / (last.extractions - first.extractions) * 10_000


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.soak", description=__doc__)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--every", type=int, help="extractions between memory samples")
    parser.add_argument("--dataset", default="scrapinghub", help="name or path")
    parser.add_argument("--extractor", default=extractors.OURS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        pages = datasets.load(args.dataset).pages
    except datasets.DatasetUnavailable:
        pages = datasets.load("corpus").pages
    if not pages:
        raise SystemExit("no pages to extract")
    reason = extractors.missing_reason(args.extractor)
    if reason:
        raise SystemExit(f"{args.extractor}: {reason}")
    every = args.every or max(args.count // DEFAULT_CHECKPOINTS, 1)
    checkpoints = soak(extractors.build(args.extractor), pages, args.count, every)
    rows = [
        [f"{c.extractions:,}", f"{c.seconds:.0f}", f"{c.rss_mb:.1f}",
         f"{c.rss_mb - checkpoints[0].rss_mb:+.1f}"]
        for c in checkpoints
    ]
    print(f"{args.extractor}: {args.count:,} extractions cycling {len(pages)} pages")
    print(tables.render(["extractions", "seconds", "RSS MB", "vs start"], rows))
    growth = growth_per_10k(checkpoints, warm_up=len(pages))
    verdict = "flat" if growth <= LEAK_MB_PER_10K else "GROWING: a leak?"
    print(f"after the first pass: {growth:+.2f} MB per 10,000 extractions ({verdict})")
    return 0 if growth <= LEAK_MB_PER_10K else 1


if __name__ == "__main__":
    sys.exit(main())
