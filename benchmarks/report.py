"""`--report DIR`: a Markdown summary and, per data set, an HTML page of the worst pages.

The HTML page exists so a person can look at a failure instead of reading numbers:
for each of the worst pages it shows the gold text and the extracted text side by
side, with the text that the metric counts as missing (gold shingles not extracted)
and as extra (extracted shingles not in the gold) highlighted. Highlighting follows
the metric: a token is marked when none of the 4-token shingles around it occurs on
the other side, so what is red is exactly what cost recall or precision.

Self-contained files (inline CSS, no scripts), so they open from disk anywhere.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from benchmarks import metrics, tables
from benchmarks.datasets import Page
from benchmarks.metrics import SHINGLE_SIZE, Shingle
from benchmarks.summary import DatasetResult, ExtractorResult, focus

WORST_PAGES = 20
MARKDOWN_WORST = 10
MAX_SHOWN_CHARS = 30_000  # per column: enough for any article, bounded for boilerplate dumps
SAFE_NAME_RE = re.compile(r"[^A-Za-z0-9_.-]+")

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 24px; color: #1d1d1f; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 36px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
th { background: #f2f2f2; }
.page { border-top: 3px solid #888; margin-top: 28px; padding-top: 8px; }
.meta { color: #555; font-size: 13px; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; margin-top: 8px; }
.col h3 { font-size: 14px; margin: 0 0 4px; }
.text { white-space: pre-wrap; border: 1px solid #ddd; background: #fafafa; padding: 10px;
        max-height: 640px; overflow: auto; font-size: 14px; }
mark.missing { background: #ffc0c0; }
mark.extra { background: #ffe08a; }
mark.leak { background: #ff8080; font-weight: bold; }
mark.hit { background: #b7ebc0; }
.legend span { padding: 1px 6px; margin-right: 10px; }
.bad { color: #b00; } .good { color: #070; }
ol.index { columns: 2; font-size: 13px; }
ul.snippets { font-size: 13px; margin: 4px 0; }
"""


LEGEND = (
    '<p class="legend">Highlights: <span><mark class="missing">missing</mark> gold text '
    'sharing no 4-word shingle with the extraction</span> <span><mark class="extra">extra'
    '</mark> extracted text sharing none with the gold</span> <span><mark class="leak">'
    'leaked</mark> must-not-appear snippet</span> <span><mark class="hit">found</mark> '
    "must-appear snippet</span></p>")


def _covered(tokens: Sequence[str], other: set[Shingle]) -> list[bool]:
    """For each token, whether some shingle containing it occurs in `other`."""
    n = len(tokens)
    if n < SHINGLE_SIZE:
        return [n > 0 and tuple(tokens) in other] * n
    covered = [False] * n
    for i in range(n - SHINGLE_SIZE + 1):
        if tuple(tokens[i : i + SHINGLE_SIZE]) in other:
            covered[i : i + SHINGLE_SIZE] = [True] * SHINGLE_SIZE
    return covered


def _truncate(text: str) -> tuple[str, str]:
    if len(text) <= MAX_SHOWN_CHARS:
        return text, ""
    hidden = len(text) - MAX_SHOWN_CHARS
    return text[:MAX_SHOWN_CHARS], f"\n\n[... {hidden:,} more characters not shown]"


def mark_unshared(text: str, other: str, css_class: str) -> str:
    """HTML of `text` with the tokens that share no shingle with `other` in <mark>."""
    shown, tail = _truncate(text)
    matches = list(metrics.TOKEN_RE.finditer(shown))
    covered = _covered([m.group() for m in matches], set(metrics.shingles(other)))
    out: list[str] = []
    position, marking = 0, False
    for match, is_covered in zip(matches, covered, strict=True):
        if marking and is_covered:
            out.append("</mark>")
            marking = False
        out.append(html.escape(shown[position : match.start()]))
        if not is_covered and not marking:
            out.append(f'<mark class="{css_class}">')
            marking = True
        out.append(html.escape(match.group()))
        position = match.end()
    if marking:
        out.append("</mark>")
    out.append(html.escape(shown[position:] + tail))
    return "".join(out)


def _snippet_pattern(snippet: str) -> re.Pattern[str] | None:
    """The snippet as a regex where any whitespace run matches any other one."""
    words = snippet.split()
    return re.compile(r"\s+".join(map(re.escape, words))) if words else None


def mark_snippets(text: str, page: Page) -> str:
    """HTML of `text` with leaked `without` and found `with` snippets marked."""
    shown, tail = _truncate(text)
    spans: list[tuple[int, int, str]] = []
    for snippets, css_class in ((page.must_exclude, "leak"), (page.must_include, "hit")):
        for snippet in snippets:
            pattern = _snippet_pattern(snippet)
            found = pattern.search(shown) if pattern else None
            if found:
                spans.append((found.start(), found.end(), css_class))
    out, position = [], 0
    for start, end, css_class in sorted(spans):
        if start < position:
            continue  # overlapping snippets: the first one wins
        out.append(html.escape(shown[position:start]))
        out.append(f'<mark class="{css_class}">{html.escape(shown[start:end])}</mark>')
        position = end
    out.append(html.escape(shown[position:] + tail))
    return "".join(out)


def worst_pages(summary: DatasetResult, name: str, count: int) -> list[str]:
    """Ids of the focus extractor's worst pages: lowest F1, else most snippet failures."""
    result = summary.results[name]
    if result.page_scores:
        order = sorted(result.page_scores.items(), key=lambda kv: (kv[1].f1, kv[0]))
        return [page_id for page_id, _ in order[:count]]
    order_s = sorted(result.page_snippets.items(), key=lambda kv: (-kv[1].failures, kv[0]))
    return [page_id for page_id, counts in order_s[:count] if counts.failures]


def _html_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _page_scores_line(summary: DatasetResult, page_id: str) -> str:
    """Every extractor's F1 (or snippet failures) on this page, for comparison."""
    parts = []
    for name, result in summary.results.items():
        if page_id in result.page_scores:
            parts.append(f"{name} {result.page_scores[page_id].f1:.3f}")
        elif page_id in result.page_snippets:
            parts.append(f"{name} {result.page_snippets[page_id].failures} wrong")
    return "this page, every extractor: " + ", ".join(parts) if parts else ""


def _snippet_list(page: Page, text: str) -> str:
    normalised = metrics.normalise_space(text)
    items = []
    for snippet in page.must_include:
        ok = metrics.normalise_space(snippet) in normalised
        items.append(f'<li class="{"good" if ok else "bad"}">must appear, '
                     f'{"found" if ok else "MISSING"}: {html.escape(snippet)}</li>')
    for snippet in page.must_exclude:
        leaked = metrics.normalise_space(snippet) in normalised
        items.append(f'<li class="{"bad" if leaked else "good"}">must not appear, '
                     f'{"LEAKED" if leaked else "absent"}: {html.escape(snippet)}</li>')
    return f'<ul class="snippets">{"".join(items)}</ul>'


def _columns(result: ExtractorResult, page: Page, text: str) -> str:
    """Gold and extraction side by side, or the extraction alone for snippet pages."""
    who = result.run.name
    if page.gold is None:
        boxes = [(f"Extracted by {who} (leaked snippets red, found ones green)",
                  mark_snippets(text, page))]
    else:
        boxes = [("Gold (text missing from the extraction in red)",
                  mark_unshared(page.gold, text, "missing")),
                 (f"Extracted by {who} (text not in the gold in yellow)",
                  mark_unshared(text, page.gold, "extra"))]
    cells = "".join(f'<div class="col"><h3>{html.escape(title)}</h3>'
                    f'<div class="text">{body or "(empty)"}</div></div>' for title, body in boxes)
    style = "" if len(boxes) == 2 else ' style="grid-template-columns: 1fr"'
    return f'<div class="cols"{style}>{cells}</div>'


def _page_section(summary: DatasetResult, result: ExtractorResult, page: Page,
                  rank: int) -> str:
    """One worst page: its figures, its snippets, then the texts."""
    run_page = next(p for p in result.run.pages if p.page_id == page.id)
    score = result.page_scores.get(page.id)
    figures = (f"F1 {score.f1:.3f} · precision {score.precision or 0:.3f} · "
               f"recall {score.recall or 0:.3f}" if score else "")
    status = (f' · <span class="bad">{html.escape(run_page.status)}: '
              f"{html.escape(run_page.message)}</span>" if run_page.status != "ok" else "")
    parts = [f'<div class="page" id="p{rank}"><h2>#{rank} {html.escape(page.id)}</h2>',
             f'<div class="meta">{figures}{status}<br>{html.escape(page.url or "")}<br>'
             f"{html.escape(_page_scores_line(summary, page.id))}</div>"]
    if page.has_snippets:
        parts.append(_snippet_list(page, run_page.text))
    parts.append(_columns(result, page, run_page.text) + "</div>")
    return "".join(parts)


def _index(summary: DatasetResult, name: str, ids: Sequence[str]) -> str:
    """A linked list of the worst pages with their figure, to jump to one."""
    result = summary.results[name]
    items = []
    for rank, page_id in enumerate(ids, 1):
        score = result.page_scores.get(page_id)
        counts = result.page_snippets.get(page_id)
        figure = f"F1 {score.f1:.3f}" if score else f"{counts.failures if counts else 0} wrong"
        items.append(f'<li><a href="#p{rank}">{html.escape(page_id[:60])}</a> {figure}</li>')
    return f'<ol class="index">{"".join(items)}</ol>'


def _tables_html(summary: DatasetResult) -> str:
    parts = []
    if rows := tables.quality_rows(summary):
        parts.append(_html_table(tables.QUALITY_HEADERS, rows))
    if rows := tables.snippet_rows(summary):
        parts.append("<p>Snippets:</p>" + _html_table(tables.SNIPPET_HEADERS, rows))
    if summary.results:
        parts.append(_html_table(tables.SPEED_HEADERS, tables.speed_rows(summary)))
    parts.extend(f"<p class=meta>{html.escape(n)}</p>" for n in tables.notes(summary))
    return "".join(parts)


def dataset_html(summary: DatasetResult, worst: int = WORST_PAGES) -> str:
    """The whole HTML page of one data set."""
    name = focus(summary)
    title = f"Benchmark: {summary.dataset.name}"
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
             f"</title><style>{CSS}</style></head><body><h1>{html.escape(title)}</h1>",
             f"<p class=meta>{html.escape(tables.header(summary))}</p>", _tables_html(summary)]
    if name is not None:
        pages = {p.id: p for p in summary.dataset.pages}
        ids = worst_pages(summary, name, worst)
        parts.append(f"<h2>{len(ids)} worst pages for {html.escape(name)}</h2>"
                     + _index(summary, name, ids) + LEGEND)
        parts.extend(_page_section(summary, summary.results[name], pages[page_id], rank)
                     for rank, page_id in enumerate(ids, 1))
    parts.append("</body></html>")
    return "\n".join(parts)


def file_stem(summary: DatasetResult) -> str:
    """A safe file name for the data set's HTML page."""
    return SAFE_NAME_RE.sub("_", summary.dataset.name) or "dataset"


def _markdown_worst(summary: DatasetResult) -> list[str]:
    name = focus(summary)
    if name is None:
        return []
    result = summary.results[name]
    lines = [f"Worst pages for {name}:", ""]
    for page_id in worst_pages(summary, name, MARKDOWN_WORST):
        score = result.page_scores.get(page_id)
        counts = result.page_snippets.get(page_id)
        figure = f"F1 {score.f1:.3f}" if score else f"{counts.failures if counts else 0} wrong"
        lines.append(f"- `{page_id}`: {figure}")
    return [*lines, ""]


def markdown_summary(summaries: Sequence[DatasetResult], context: Sequence[str]) -> str:
    """The Markdown summary of every data set, linking to the HTML pages."""
    lines = ["# Benchmark report", "", *(f"- {c}" for c in context), ""]
    for summary in summaries:
        lines += [f"## {summary.dataset.name}", "", tables.header(summary), "",
                  tables.dataset_tables(summary, markdown=True), ""]
        lines += [f"- {n}" for n in tables.notes(summary)]
        lines += ["", f"Side-by-side view of the worst pages: [{file_stem(summary)}.html]"
                  f"({file_stem(summary)}.html)", "", *_markdown_worst(summary)]
    return "\n".join(lines) + "\n"


def write(directory: Path, summaries: Sequence[DatasetResult], context: Sequence[str],
          worst: int = WORST_PAGES) -> list[Path]:
    """Write `summary.md` and one `<dataset>.html` per data set; return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = [directory / "summary.md"]
    written[0].write_text(markdown_summary(summaries, context), encoding="utf-8")
    for summary in summaries:
        path = directory / f"{file_stem(summary)}.html"
        path.write_text(dataset_html(summary, worst), encoding="utf-8")
        written.append(path)
    return written
