"""Run one extractor over pages in its own process, with a per-page timeout.

Why a process per extractor: libraries differ wildly in import cost, global state,
memory and failure modes (C-extension crashes, pathological regexes that hang). In a
separate `spawn`ed process, one library's crash, hang, import time or leaked memory
cannot spoil another's numbers, and its peak memory is that library's alone.

Protocol over a `multiprocessing` pipe: the worker builds the extractor (untimed) and
answers "ready"; the parent then sends one page at a time and waits at most `timeout`
seconds for the answer. A timeout or a dead worker scores the page as empty and the
worker is replaced before the next page. Only the extraction call itself is timed,
inside the worker, with `time.perf_counter`; a timed-out page is charged the full
timeout, since a hang costs a user at least that much.

Workers cannot reach the network (socket connects raise), so no baseline can
quietly download anything while it is being measured.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import socket
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from benchmarks import extractors
from benchmarks.datasets import Page

DEFAULT_TIMEOUT = 20.0  # seconds per page; the slowest baseline needs ~2 s on huge pages
# Pages an extractor runs before the next takes its turn: enough to run warm, as in a
# batch job, few enough (a second or so) that the machine cannot drift in between.
TURN_PAGES = 25
STARTUP_TIMEOUT = 180.0  # seconds to import a library and build its extractor
STOP_GRACE = 5.0  # seconds a worker gets to exit before it is killed
MESSAGE_LIMIT = 300  # characters of an exception message kept for the report
KIB_PER_MIB = 1024.0  # /proc and ru_maxrss report KiB on Linux
PROC_STATUS = "/proc/self/status"
PROC_CLEAR_REFS = "/proc/self/clear_refs"
RESET_PEAK_RSS = "5"  # clear_refs command that resets VmHWM to the current RSS

OK, ERROR, TIMEOUT, CRASH = "ok", "error", "timeout", "crash"


@dataclass(frozen=True, slots=True)
class PageRun:
    """What one extraction call produced: text (empty on failure), time and status."""

    page_id: str
    text: str
    seconds: float
    status: str = OK
    message: str = ""


@dataclass(slots=True)
class ExtractorRun:
    """All pages of one data set through one extractor, with its memory figures.

    `skipped` holds the one-line reason when the extractor could not run at all.
    Memory is the worker's resident set size: `base_rss_mb` right after importing
    the library and building the extractor, `peak_rss_mb` the highest it reached
    while extracting (Linux VmHWM, reset after the imports), so `peak - base` is
    what extraction itself needed at most.
    """

    name: str
    version: str = ""
    pages: list[PageRun] = field(default_factory=list)
    import_seconds: float = 0.0
    base_rss_mb: float = 0.0
    peak_rss_mb: float = 0.0
    skipped: str | None = None

    def count(self, status: str) -> int:
        """How many pages ended with the given status."""
        return sum(1 for p in self.pages if p.status == status)


def describe(exc: BaseException) -> str:
    """`Type: message`, falling back to the cause when a wrapper's message is empty."""
    origin = exc.__cause__ or exc.__context__
    detail = str(exc) or (describe(origin) if origin else "")
    return f"{type(exc).__name__}: {detail}"[:MESSAGE_LIMIT]


def call(fn: extractors.ExtractFn, page: Page) -> PageRun:
    """Extract one page, timing only the call; any exception scores as empty text."""
    start = time.perf_counter()
    try:
        text = fn(page.html, page.url, page.language)
        status, message = OK, ""
    except Exception as exc:  # any failure is scored as an empty page
        text, status, message = "", ERROR, describe(exc)
    seconds = time.perf_counter() - start
    return PageRun(page.id, text if isinstance(text, str) else "", seconds, status, message)


def run_in_process(fn: extractors.ExtractFn, pages: Sequence[Page]) -> list[PageRun]:
    """Extract pages in this process: for tests and gates, where isolation is not needed."""
    return [call(fn, page) for page in pages]


def _status_mb(field_name: str) -> float | None:
    """A `VmRSS`/`VmHWM` figure from /proc/self/status in MiB (None off Linux)."""
    try:
        with open(PROC_STATUS, encoding="ascii") as status:
            for line in status:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1]) / KIB_PER_MIB
    except OSError:
        pass
    return None


def current_rss_mb() -> float:
    """Resident memory now; `ru_maxrss` stands in where /proc is unavailable."""
    rss = _status_mb("VmRSS")
    return rss if rss is not None else _max_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident memory of this process (since the last `reset_peak`)."""
    hwm = _status_mb("VmHWM")
    return hwm if hwm is not None else _max_rss_mb()


def reset_peak() -> None:
    """Restart the peak-RSS count (Linux `clear_refs` 5), so imports do not set the peak.

    Also why the peak is not `ru_maxrss`: on Linux a spawned child inherits the
    parent's high-water mark across fork+exec, which would charge every worker
    with the size of the harness itself.
    """
    try:
        with open(PROC_CLEAR_REFS, "w", encoding="ascii") as clear_refs:
            clear_refs.write(RESET_PEAK_RSS)
    except OSError:
        pass


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / KIB_PER_MIB


def _refuse_network(*_args: Any, **_kwargs: Any) -> Any:
    raise OSError("network access is disabled inside benchmark workers")


def _isolate(quiet: bool) -> None:
    """Block outgoing connections and, unless debugging, silence library chatter."""
    socket.socket.connect = _refuse_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _refuse_network  # type: ignore[method-assign]
    socket.create_connection = _refuse_network
    if quiet:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)


def worker_main(name: str, conn: Connection, quiet: bool) -> None:
    """Worker process body: build the extractor, then answer page requests until None."""
    _isolate(quiet)
    start = time.perf_counter()
    try:
        fn = extractors.build(name)
    except BaseException as exc:  # report any import/build failure
        conn.send(("unavailable", describe(exc)))
        return
    import_seconds = time.perf_counter() - start
    reset_peak()
    conn.send(("ready", import_seconds, current_rss_mb(), peak_rss_mb()))
    while True:
        request = conn.recv()
        if request is None:
            return
        result = call(fn, request)
        conn.send(("page", result, peak_rss_mb()))


class Worker:
    """The parent's handle on one worker process."""

    def __init__(self, name: str, quiet: bool) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(target=worker_main, args=(name, child_conn, quiet),
                                       daemon=True)
        self.process.start()
        child_conn.close()

    def receive(self, timeout: float) -> tuple[Any, ...] | None:
        """The worker's next message, or None if it timed out or died."""
        try:
            if self.conn.poll(timeout):
                message: tuple[Any, ...] = self.conn.recv()
                return message
        except (EOFError, OSError):
            pass
        return None

    def send(self, message: Any) -> bool:
        """Send a request; False if the worker is gone."""
        try:
            self.conn.send(message)
        except (BrokenPipeError, OSError):
            return False
        return True

    def stop(self) -> None:
        """Ask the worker to exit; kill it if it does not."""
        self.send(None)
        self.process.join(STOP_GRACE)
        self.kill()

    def kill(self) -> None:
        """End the worker now (after a timeout or crash)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(STOP_GRACE)
        self.conn.close()

    def death_note(self) -> str:
        """How the worker ended, for the page's message."""
        self.process.join(STOP_GRACE)
        code = self.process.exitcode
        return f"worker died (exit code {code})" if code is not None else "worker stopped"


def _start(name: str, run: ExtractorRun, quiet: bool) -> Worker | None:
    """Start a worker and wait for it to be ready; record why if it cannot start."""
    worker = Worker(name, quiet)
    message = worker.receive(STARTUP_TIMEOUT)
    if message is None or message[0] != "ready":
        reason = message[1] if message else f"did not start ({worker.death_note()})"
        worker.kill()
        run.skipped = run.skipped or str(reason)
        return None
    if not run.base_rss_mb:
        run.import_seconds, run.base_rss_mb = message[1], message[2]
    run.peak_rss_mb = max(run.peak_rss_mb, message[3])
    return worker


def _one_page(worker: Worker, page: Page, timeout: float,
              run: ExtractorRun) -> tuple[PageRun, bool]:
    """Send one page and collect its result; True means the worker must be replaced.

    A closed pipe (the worker died) and silence past the timeout (it hangs) are told
    apart here, from the pipe itself, rather than by asking whether the process is
    still alive, which races with a dying process's exit.
    """
    if not worker.send(page):
        return PageRun(page.id, "", 0.0, CRASH, worker.death_note()), True
    try:
        answered = worker.conn.poll(timeout)
        message: tuple[Any, ...] = worker.conn.recv() if answered else ()
    except (EOFError, OSError):
        return PageRun(page.id, "", 0.0, CRASH, worker.death_note()), True
    if not answered:
        return PageRun(page.id, "", timeout, TIMEOUT, f"no answer within {timeout:g} s"), True
    run.peak_rss_mb = max(run.peak_rss_mb, message[2])
    result: PageRun = message[1]
    return result, False


class _Lane:
    """One extractor's worker and results, advanced one page at a time."""

    def __init__(self, name: str, timeout: float, quiet: bool) -> None:
        self.run = ExtractorRun(name, extractors.version(name))
        self.timeout = timeout
        self.quiet = quiet
        self.worker: Worker | None = None
        self.gone = False  # could not start at all: the extractor is skipped

    def step(self, page: Page) -> None:
        """Extract one page, replacing the worker after a timeout or crash."""
        if self.gone:
            return
        if self.worker is None:
            self.worker = _start(self.run.name, self.run, self.quiet)
            if self.worker is None:
                if not self.run.pages:
                    self.gone = True
                    return
                self.run.pages.append(
                    PageRun(page.id, "", 0.0, CRASH, "worker failed to restart")
                )
                return
        result, replace = _one_page(self.worker, page, self.timeout, self.run)
        if replace:
            self.worker.kill()
            self.worker = None
        self.run.pages.append(result)

    def close(self) -> ExtractorRun:
        if self.worker is not None:
            self.worker.stop()
        self.run.skipped = None if self.run.pages else self.run.skipped
        return self.run


def run_extractors(names: Sequence[str], pages: Sequence[Page],
                   timeout: float = DEFAULT_TIMEOUT, quiet: bool = True,
                   on_page: Callable[[], None] | None = None) -> list[ExtractorRun]:
    """Run every page through each extractor, each in its own worker, taking turns:
    the first `TURN_PAGES` pages through every extractor, then the next ones, and so on.

    Why turns: these machines drift (other tenants, frequency scaling) over minutes.
    Run one after the other, two extractors are timed under different conditions and
    their ratio measures the drift too.  Why not page by page: a worker woken for one
    page finds its code and data evicted from the CPU caches by the others, which is
    not how a batch job runs.  Only one worker is busy at a time.
    """
    lanes = [_Lane(name, timeout, quiet) for name in names]
    for start in range(0, len(pages), TURN_PAGES):
        turn = pages[start : start + TURN_PAGES]
        for lane in lanes:
            for page in turn:
                lane.step(page)
        if on_page:
            for _ in turn:
                on_page()
    return [lane.close() for lane in lanes]


def run_extractor(name: str, pages: Sequence[Page], timeout: float = DEFAULT_TIMEOUT,
                  quiet: bool = True, on_page: Callable[[], None] | None = None) -> ExtractorRun:
    """Run every page through `name` in a worker process, replacing it after failures."""
    return run_extractors([name], pages, timeout, quiet, on_page)[0]


def interpreter_note() -> str:
    """Which Python ran the benchmark, for the report header."""
    return f"Python {sys.version.split()[0]} on {sys.platform}"
