"""Worker isolation: a crash, hang, exception or missing library spoils one page at most."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from benchmarks import runners
from benchmarks.datasets import Page

FAKES = textwrap.dedent('''
    import os, socket, time

    def echo(html, url):
        return html.decode() + "|" + str(url)

    def misbehave(html, url):
        if html == b"hang":
            time.sleep(60)
        if html == b"crash":
            os._exit(3)
        if html == b"raise":
            raise ValueError("bad page")
        return "fine"

    def dial_out(html, url):
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        except OSError as exc:
            return str(exc)
        return "connected"
''')
PAGE_TIMEOUT = 1.0


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A module of fake extractors importable by spawned workers (they inherit sys.path)."""
    (tmp_path / "bench_fakes.py").write_text(FAKES, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return "bench_fakes"


def _pages(*bodies: bytes) -> list[Page]:
    return [Page(id=f"p{i}", html=body, url=f"u{i}") for i, body in enumerate(bodies)]


def test_worker_returns_texts_and_timings(fakes: str) -> None:
    run = runners.run_extractor(f"{fakes}:echo", _pages(b"one", b"two"), PAGE_TIMEOUT)
    assert run.skipped is None
    assert [(p.page_id, p.text, p.status) for p in run.pages] == [
        ("p0", "one|u0", "ok"), ("p1", "two|u1", "ok")]
    assert all(p.seconds >= 0 for p in run.pages)
    assert run.peak_rss_mb > 0


def test_hang_crash_and_exception_cost_only_their_own_page(fakes: str) -> None:
    pages = _pages(b"ok", b"hang", b"ok", b"crash", b"raise", b"ok")
    run = runners.run_extractor(f"{fakes}:misbehave", pages, PAGE_TIMEOUT)
    assert [p.status for p in run.pages] == ["ok", "timeout", "ok", "crash", "error", "ok"]
    assert [p.text for p in run.pages] == ["fine", "", "fine", "", "", "fine"]
    assert run.pages[1].seconds == PAGE_TIMEOUT
    assert "exit code 3" in run.pages[3].message
    assert run.pages[4].message == "ValueError: bad page"
    assert (run.count("timeout"), run.count("crash"), run.count("error")) == (1, 1, 1)


def test_extractors_run_interleaved_and_each_keeps_its_own_results(fakes: str) -> None:
    calls: list[int] = []
    pages = _pages(b"ok", b"crash", b"ok")
    runs = runners.run_extractors(
        [f"{fakes}:echo", f"{fakes}:misbehave", "no_such_module_here:extract"],
        pages, PAGE_TIMEOUT, on_page=lambda: calls.append(1),
    )
    echo, misbehave, missing = runs
    assert [p.text for p in echo.pages] == ["ok|u0", "crash|u1", "ok|u2"]
    assert [p.status for p in misbehave.pages] == ["ok", "crash", "ok"]  # restarted
    assert missing.skipped and not missing.pages
    assert len(calls) == len(pages)  # progress counts pages, not page x extractor


def test_missing_library_is_skipped_with_its_reason() -> None:
    run = runners.run_extractor("no_such_module_here:extract", _pages(b"x"), PAGE_TIMEOUT)
    assert run.pages == []
    assert run.skipped is not None and "ModuleNotFoundError" in run.skipped


def test_workers_cannot_use_the_network(fakes: str) -> None:
    run = runners.run_extractor(f"{fakes}:dial_out", _pages(b"x"), PAGE_TIMEOUT)
    assert "network access is disabled" in run.pages[0].text


def test_in_process_run_scores_exceptions_as_empty() -> None:
    def flaky(html: bytes, url: str | None, language: str | None) -> str:
        if html == b"bad":
            raise RuntimeError("boom")
        return "text"

    results = runners.run_in_process(flaky, _pages(b"good", b"bad"))
    assert [(r.text, r.status) for r in results] == [("text", "ok"), ("", "error")]


def test_failure_messages_fall_back_to_the_cause() -> None:
    try:
        try:
            raise KeyError("inner")
        except KeyError as inner:
            raise ValueError() from inner
    except ValueError as exc:
        assert runners.describe(exc) == "ValueError: KeyError: 'inner'"
