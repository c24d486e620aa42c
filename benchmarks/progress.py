"""A one-line progress bar on stderr, so long runs show they are alive.

Our own few lines rather than a dependency: the harness may use only the standard
library and lxml. It draws only when asked (a TTY by default), so logs and pipes
stay clean.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 30
REDRAW_SECONDS = 0.1  # redraw at most ten times a second: drawing must not cost time


class Progress:
    """Counts pages for one (data set, extractor) pair and redraws a bar."""

    def __init__(self, enabled: bool, stream: TextIO = sys.stderr) -> None:
        self.enabled = enabled
        self.stream = stream
        self.label = ""
        self.total = 0
        self.done = 0
        self.started = 0.0
        self.drawn = 0.0

    def start(self, label: str, total: int) -> None:
        """Begin a new bar."""
        self.label, self.total, self.done = label, total, 0
        self.started = time.monotonic()
        self._draw(force=True)

    def step(self) -> None:
        """One more page done."""
        self.done += 1
        self._draw(force=self.done == self.total)

    def finish(self) -> None:
        """Erase the bar so the tables print on a clean line."""
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.drawn < REDRAW_SECONDS):
            return
        self.drawn = now
        share = self.done / self.total if self.total else 1.0
        filled = int(BAR_WIDTH * share)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        elapsed = now - self.started
        self.stream.write(f"\r\033[K{self.label} [{bar}] {self.done}/{self.total} "
                          f"{elapsed:.0f}s")
        self.stream.flush()
