"""Types of the compiled walk (extractor/_fastwalk.pyx)."""

import lxml.html

from extractor.segment import Segmentation

BUILT_LXML: str
BUILT_LIBXML: str

def segment(top: lxml.html.HtmlElement, max_blocks: int) -> Segmentation | None: ...
def incompatibility() -> str | None: ...
class _Vocabulary:
    longest: int
    def flags_of(self, word: str) -> int: ...

VOCABULARY: _Vocabulary

def collapse_spaces(raw: str) -> tuple[str, tuple[int, int, int, bool]]: ...
def class_of(c: str) -> int: ...
def numeric_date_shape(text: str) -> bool: ...
def may_phrase(text: str, words: int) -> bool: ...
def names_of(name: str) -> tuple[tuple[str, ...], int]: ...
def clean_candidates(
    root: lxml.html.HtmlElement,
) -> list[tuple[lxml.html.HtmlElement, str | None, str | None]] | None: ...
def head_sources(
    root: lxml.html.HtmlElement,
) -> (
    tuple[
        dict[str, str],
        lxml.html.HtmlElement | None,
        list[lxml.html.HtmlElement],
        list[lxml.html.HtmlElement],
        list[lxml.html.HtmlElement],
    ]
    | None
): ...
def has_text_bytes(element: lxml.html.HtmlElement, at_least: int) -> bool: ...
