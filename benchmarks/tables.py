"""Plain-text and Markdown tables of a data set's results.

The same rows feed the console and the Markdown summary, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks import extractors
from benchmarks.metrics import Estimate, SnippetCounts
from benchmarks.summary import DatasetResult, ExtractorResult

DASH = "-"
QUALITY_HEADERS = ("extractor", "version", "F1", "precision", "recall", "accuracy",
                   "errors", "timeouts")
SNIPPET_HEADERS = ("extractor", "version", "F1", "precision", "recall", "accuracy",
                   "TP", "FP", "FN", "TN", "errors", "timeouts")
SPEED_HEADERS = ("extractor", "pages/s", "median ms", "p95 ms", "peak MB", "extract MB",
                 "import s", "x parse-only", f"x {extractors.OURS}")
NUMERIC_START = 2  # columns from here on are right-aligned


def estimate(value: Estimate | None) -> str:
    """`0.958 ±0.008`: the figure and its bootstrap standard error."""
    return DASH if value is None else f"{value.value:.3f} ±{value.se:.3f}"


def ratio(value: float | None) -> str:
    """A time ratio such as `4.2x`, or a dash when there is nothing to compare with."""
    return DASH if value is None else f"{value:.2f}x"


def _failures(result: ExtractorResult) -> list[str]:
    """Pages that raised or whose worker died, and pages that timed out."""
    run = result.run
    return [str(run.count("error") + run.count("crash")), str(run.count("timeout"))]


def quality_rows(summary: DatasetResult) -> list[list[str]]:
    """One row per extractor with gold-text figures (the floor has none)."""
    rows = []
    for name, result in summary.results.items():
        q = result.quality
        if q is None:
            continue
        rows.append([name, result.run.version, estimate(q["f1"]), estimate(q["precision"]),
                     estimate(q["recall"]), estimate(q["accuracy"]), *_failures(result)])
    return rows


def snippet_rows(summary: DatasetResult) -> list[list[str]]:
    """One row per extractor with snippet figures and the summed counts."""
    rows = []
    for name, result in summary.results.items():
        s = result.snippets
        if s is None:
            continue
        total = sum(result.page_snippets.values(), SnippetCounts())
        rows.append([name, result.run.version, estimate(s["f1"]), estimate(s["precision"]),
                     estimate(s["recall"]), estimate(s["accuracy"]), str(total.tp),
                     str(total.fp), str(total.fn), str(total.tn), *_failures(result)])
    return rows


def _speed_row(name: str, result: ExtractorResult) -> list[str]:
    s = result.speed
    return [name, f"{s.pages_per_second:.1f}", f"{s.median_ms:.2f}", f"{s.p95_ms:.2f}",
            f"{s.peak_rss_mb:.0f}", f"{s.extraction_rss_mb:.0f}", f"{s.import_seconds:.2f}",
            ratio(s.vs_floor), ratio(s.vs_ours)]


def speed_rows(summary: DatasetResult) -> list[list[str]]:
    """One row per extractor with throughput, latency, memory and time ratios."""
    return [_speed_row(name, result) for name, result in summary.results.items()]


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool = False) -> str:
    """Align columns for a terminal, or emit a GitHub-flavoured Markdown table."""
    if markdown:
        align = ["---" if i < NUMERIC_START else "---:" for i in range(len(headers))]
        lines = [headers, align, *rows]
        return "\n".join("| " + " | ".join(line) + " |" for line in lines)
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if i < NUMERIC_START else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def header(summary: DatasetResult) -> str:
    """One line naming the data set, its size, layout and location."""
    data = summary.dataset
    return f"{data.name}: {len(data.pages)} pages, {data.layout} layout ({data.path})"


def notes(summary: DatasetResult) -> list[str]:
    """Skipped extractors and data set notes, one line each."""
    lines = [f"skipped {name}: {reason}" for name, reason in summary.skipped.items()]
    data_notes = list(summary.dataset.notes)
    if data_notes:
        lines.append(f"{len(data_notes)} data set note(s), e.g. {data_notes[0]}")
    return lines


def dataset_tables(summary: DatasetResult, markdown: bool = False,
                   speed_only: bool = False) -> str:
    """The quality, snippet and speed tables of one data set."""
    parts = []
    if not speed_only:
        if rows := quality_rows(summary):
            parts.append(render(QUALITY_HEADERS, rows, markdown))
        if rows := snippet_rows(summary):
            label = "snippets (must appear / must not appear)"
            parts.append((f"{label.capitalize()}:\n\n" if markdown else f"{label}\n")
                         + render(SNIPPET_HEADERS, rows, markdown))
    if summary.results:
        parts.append(render(SPEED_HEADERS, speed_rows(summary), markdown))
    return "\n\n".join(parts)
