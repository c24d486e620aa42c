"""Outputs: summary figures, highlighting, the HTML/Markdown report and the CLI end to end."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from benchmarks import cli, extractors, report, summary
from benchmarks.datasets import Dataset, Page
from benchmarks.progress import Progress
from benchmarks.runners import ExtractorRun, PageRun

GOLD = "The council voted to keep the library open on Sundays.\n\nIt will cost little."


def _dataset() -> Dataset:
    pages = (
        Page(id="good", html=b"", gold=GOLD),
        Page(id="bad", html=b"", gold=GOLD, must_include=("keep the library",),
             must_exclude=("Subscribe now",)),
    )
    return Dataset("toy", Path("/toy"), "corpus", pages)


def _run(name: str, texts: dict[str, str], seconds: float) -> ExtractorRun:
    pages = [PageRun(page_id, text, seconds) for page_id, text in texts.items()]
    return ExtractorRun(name, "1.0", pages, base_rss_mb=10.0, peak_rss_mb=12.5)


def _summary() -> summary.DatasetResult:
    runs = [
        _run(extractors.OURS, {"good": GOLD, "bad": "Subscribe now! " + GOLD[:40]}, 0.002),
        _run(extractors.FLOOR, {"good": "", "bad": ""}, 0.001),
    ]
    return summary.summarise(_dataset(), runs, samples=50)


def test_summary_scores_quality_snippets_and_speed() -> None:
    result = _summary().results[extractors.OURS]
    assert result.quality is not None and result.snippets is not None
    assert result.page_scores["good"].f1 == 1.0
    assert result.page_snippets["bad"].fp == 1
    assert result.speed.pages == 2
    assert result.speed.median_ms == pytest.approx(2.0)
    assert result.speed.vs_floor == pytest.approx(2.0)
    assert result.speed.vs_ours == pytest.approx(1.0)
    assert result.speed.extraction_rss_mb == pytest.approx(2.5)
    assert _summary().results[extractors.FLOOR].quality is None  # the floor is not scored


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert summary.percentile(values, 0.95) == 95.0
    assert summary.percentile([3.0], 0.95) == 3.0
    assert summary.percentile([], 0.95) == 0.0


def test_missing_and_extra_text_are_highlighted() -> None:
    marked = report.mark_unshared("one two three four five six <i>!", "one two three four",
                                  "missing")
    assert marked == 'one two three four <mark class="missing">five six &lt;i</mark>&gt;!'
    assert report.mark_unshared("a b", "a b", "extra") == "a b"


def test_snippet_highlight_tolerates_line_breaks() -> None:
    page = Page(id="p", html=b"", must_exclude=("Subscribe now",))
    assert report.mark_snippets("Read.\nSubscribe\nnow", page) == (
        'Read.\n<mark class="leak">Subscribe\nnow</mark>')


def test_report_files_show_worst_pages_first(tmp_path: Path) -> None:
    paths = report.write(tmp_path, [_summary()], ["context line"])
    assert [p.name for p in paths] == ["summary.md", "toy.html"]
    page = (tmp_path / "toy.html").read_text(encoding="utf-8")
    assert page.index("#1 bad") < page.index("#2 good")
    assert "LEAKED: Subscribe now" in page
    assert '<mark class="missing">' in page
    markdown = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "| extractor |" in markdown and "[toy.html](toy.html)" in markdown


def test_cli_runs_end_to_end_on_a_small_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "set"
    (data / "html").mkdir(parents=True)
    (data / "ground-truth.json").write_text(json.dumps({
        "a": {"articleBody": "alpha beta gamma delta", "url": None},
        "b": {"articleBody": "one two three four five", "url": None}}))
    (data / "html" / "a.html.gz").write_bytes(gzip.compress(b"<p>alpha beta gamma delta</p>"))
    (data / "html" / "b.html").write_bytes(b"<p>six seven</p>")
    (tmp_path / "bench_cli_fake.py").write_text(
        "import lxml.html\n"
        "def text(html, url):\n    return lxml.html.fromstring(html).text_content()\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    out = tmp_path / "out.json"
    code = cli.main(["--dataset", str(data), "--dataset", str(tmp_path / "absent"),
                     "--extractors", "bench_cli_fake:text,nonesuch", "--json", str(out),
                     "--report", str(tmp_path / "report"), "--bootstrap", "20"])
    assert code == 0
    printed = capsys.readouterr()
    assert "bench_cli_fake:text" in printed.out and "parse-only" in printed.out
    assert "skipped nonesuch" in printed.err and "absent" in printed.err
    (result,) = json.loads(out.read_text())["datasets"]
    quality = result["extractors"]["bench_cli_fake:text"]["quality"]
    assert quality["recall"]["value"] == pytest.approx(0.5)  # page a 1.0, page b 0.0
    assert (tmp_path / "report" / "set.html").is_file()


def test_progress_bar_draws_only_when_enabled() -> None:
    shown, hidden = io.StringIO(), io.StringIO()
    for stream, enabled in ((shown, True), (hidden, False)):
        bar = Progress(enabled, stream)
        bar.start("set / extractor", 2)
        bar.step()
        bar.step()
        bar.finish()
    assert "set / extractor" in shown.getvalue() and "2/2" in shown.getvalue()
    assert hidden.getvalue() == ""
