"""The soak benchmark's bookkeeping (the 100,000-extraction run is a benchmark, not a test)."""

from __future__ import annotations

from benchmarks.datasets import Page
from benchmarks.soak import Checkpoint, growth_per_10k, soak


def test_soak_cycles_the_pages_and_samples_memory() -> None:
    seen: list[str] = []

    def fake(html: bytes, url: str | None, language: str | None) -> str:
        seen.append(html.decode())
        if html == b"b":
            raise ValueError("rejected")  # a rejected page does not stop the run
        return ""

    pages = [Page(id=x, html=x.encode()) for x in "abc"]
    checkpoints = soak(fake, pages, count=7, every=3)
    assert seen == ["a", "b", "c", "a", "b", "c", "a"]
    assert [c.extractions for c in checkpoints] == [0, 3, 6, 7]
    assert all(c.rss_mb > 0 for c in checkpoints)


def test_growth_is_measured_after_the_warm_up_only() -> None:
    checkpoints = [
        Checkpoint(0, 0.0, 30.0),
        Checkpoint(1_000, 1.0, 50.0),  # the first pass: caches and arenas fill
        Checkpoint(11_000, 11.0, 52.0),
        Checkpoint(21_000, 21.0, 54.0),
    ]
    assert growth_per_10k(checkpoints, warm_up=1_000) == 2.0
    assert growth_per_10k(checkpoints[:2], warm_up=1_000) == 0.0
