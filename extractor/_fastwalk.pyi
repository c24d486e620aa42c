"""Types of the compiled walk (extractor/_fastwalk.pyx)."""

import lxml.html

from extractor.segment import Segmentation

BUILT_LXML: str
BUILT_LIBXML: str

def segment(top: lxml.html.HtmlElement, max_blocks: int) -> Segmentation | None: ...
def incompatibility() -> str | None: ...
def names_of(name: str) -> tuple[tuple[str, ...], int]: ...
def clean_candidates(
    root: lxml.html.HtmlElement,
) -> list[tuple[lxml.html.HtmlElement, str | None, str | None]] | None: ...
