"""Turn raw runs into the figures the tables, reports and JSON show.

Kept apart from running and from rendering so each output format reads the same
numbers, and so scoring can be tested on hand-made runs without any process.
"""

from __future__ import annotations

import dataclasses
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks import extractors, metrics
from benchmarks.datasets import Dataset, Page
from benchmarks.metrics import Estimate, PageScore, SnippetCounts
from benchmarks.runners import ExtractorRun

P95 = 0.95
MS_PER_SECOND = 1000.0


@dataclass(frozen=True, slots=True)
class Speed:
    """Cost of one extractor on one data set; ratios are of total extraction time."""

    pages: int
    total_seconds: float
    pages_per_second: float
    median_ms: float
    p95_ms: float
    import_seconds: float
    peak_rss_mb: float
    extraction_rss_mb: float
    vs_floor: float | None = None
    vs_ours: float | None = None


@dataclass(slots=True)
class ExtractorResult:
    """Everything measured for one extractor on one data set."""

    run: ExtractorRun
    speed: Speed
    page_scores: dict[str, PageScore] = field(default_factory=dict)
    quality: dict[str, Estimate] | None = None
    page_snippets: dict[str, SnippetCounts] = field(default_factory=dict)
    snippets: dict[str, Estimate] | None = None

    @property
    def texts(self) -> dict[str, str]:
        """Extracted text per page id."""
        return {p.page_id: p.text for p in self.run.pages}


@dataclass(slots=True)
class DatasetResult:
    """All extractors on one data set, plus the ones that were skipped and why."""

    dataset: Dataset
    results: dict[str, ExtractorResult] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with `share` of values at or below it."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def speed_of(run: ExtractorRun) -> Speed:
    """Throughput, latency percentiles and memory of one run (ratios filled later)."""
    times = [p.seconds for p in run.pages]
    total = sum(times)
    return Speed(
        pages=len(times),
        total_seconds=total,
        pages_per_second=len(times) / total if total else 0.0,
        median_ms=statistics.median(times) * MS_PER_SECOND if times else 0.0,
        p95_ms=percentile(times, P95) * MS_PER_SECOND,
        import_seconds=run.import_seconds,
        peak_rss_mb=run.peak_rss_mb,
        extraction_rss_mb=max(0.0, run.peak_rss_mb - run.base_rss_mb),
    )


def _with_ratios(speed: Speed, floor: Speed | None, ours: Speed | None) -> Speed:
    def ratio(other: Speed | None) -> float | None:
        return speed.total_seconds / other.total_seconds if other and other.total_seconds else None

    return dataclasses.replace(speed, vs_floor=ratio(floor), vs_ours=ratio(ours))


def score_run(run: ExtractorRun, pages: Sequence[Page], samples: int) -> ExtractorResult:
    """Score one run against the pages' gold text and snippets."""
    result = ExtractorResult(run, speed_of(run))
    if run.name == extractors.FLOOR:  # extracts nothing by design: only its speed counts
        return result
    texts = result.texts
    gold_pages = [p for p in pages if p.gold is not None and p.id in texts]
    if gold_pages:
        result.page_scores = {p.id: metrics.score_page(p.gold, texts[p.id]) for p in gold_pages}
        result.quality = metrics.bootstrap(list(result.page_scores.values()),
                                           metrics.gold_figures, samples)
    snippet_pages = [p for p in pages if p.has_snippets and p.id in texts]
    if snippet_pages:
        result.page_snippets = {
            p.id: metrics.score_snippets(texts[p.id], p.must_include, p.must_exclude)
            for p in snippet_pages}
        result.snippets = metrics.bootstrap(list(result.page_snippets.values()),
                                            metrics.snippet_figures, samples)
    return result


def summarise(dataset: Dataset, runs: Sequence[ExtractorRun],
              samples: int = metrics.BOOTSTRAP_SAMPLES) -> DatasetResult:
    """Score every run and relate each one's time to the floor's and to ours."""
    summary = DatasetResult(dataset)
    for run in runs:
        if run.skipped is not None:
            summary.skipped[run.name] = run.skipped
        else:
            summary.results[run.name] = score_run(run, dataset.pages, samples)
    floor = summary.results.get(extractors.FLOOR)
    ours = summary.results.get(extractors.OURS)
    for result in summary.results.values():
        result.speed = _with_ratios(result.speed, floor.speed if floor else None,
                                    ours.speed if ours else None)
    return summary


def focus(summary: DatasetResult) -> str | None:
    """The extractor a report is about: ours if it ran, else the first scored one."""
    if extractors.OURS in summary.results:
        return extractors.OURS
    scored = [n for n, r in summary.results.items() if r.quality or r.snippets]
    return scored[0] if scored else None


def _estimates(values: dict[str, Estimate] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {k: {"value": round(v.value, 6), "se": round(v.se, 6), "ci95": round(v.ci95, 6)}
            for k, v in values.items()}


def result_json(result: ExtractorResult) -> dict[str, Any]:
    """One extractor's figures and per-page outcomes as plain JSON data."""
    run = result.run
    pages = []
    for page in run.pages:
        entry: dict[str, Any] = {"id": page.page_id, "status": page.status,
                                 "ms": round(page.seconds * MS_PER_SECOND, 3)}
        if page.message:
            entry["message"] = page.message
        score = result.page_scores.get(page.page_id)
        if score:
            entry.update(precision=score.precision, recall=score.recall,
                         f1=round(score.f1, 6), exact=score.exact)
        counts = result.page_snippets.get(page.page_id)
        if counts:
            entry["snippets"] = {"tp": counts.tp, "fp": counts.fp, "fn": counts.fn,
                                 "tn": counts.tn}
        pages.append(entry)
    return {
        "version": run.version,
        "quality": _estimates(result.quality),
        "snippets": _estimates(result.snippets),
        "speed": {k: (round(v, 6) if isinstance(v, float) else v)
                  for k, v in dataclasses.asdict(result.speed).items()},
        "errors": run.count("error"), "timeouts": run.count("timeout"),
        "crashes": run.count("crash"),
        "pages": pages,
    }


def dataset_json(summary: DatasetResult) -> dict[str, Any]:
    """One data set's results as plain JSON data."""
    data = summary.dataset
    return {
        "name": data.name, "path": str(data.path), "layout": data.layout,
        "pages": len(data.pages), "notes": list(data.notes),
        "skipped": summary.skipped,
        "extractors": {name: result_json(r) for name, r in summary.results.items()},
    }
