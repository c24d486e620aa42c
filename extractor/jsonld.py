"""Structured data a page ships in `<script type="application/ld+json">`.

Many news sites publish the article's own text as schema.org `articleBody`.  It is not
trusted as the output (it is often truncated, stale or stripped of structure), but it is
strong evidence of which blocks are the article; the context stage weighs it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import lxml.html

# JSON-LD scripts longer than this are skipped: no article needs more, and parsing
# megabytes of embedded state is a cost and a memory risk.
MAX_SCRIPT_CHARS = 2_000_000
# Nesting deeper than this is not schema.org data worth walking.
MAX_DEPTH = 20
# A body shorter than this many words is a teaser, not the article.
MIN_BODY_WORDS = 30

_WORD = re.compile(r"\w+")
# ASCII bytes to themselves lower-cased if word characters (`_WORD`'s: letters, digits,
# "_"), else to a space: split on spaces, the text gives `_WORD`'s words of it lower-cased
# in one C table pass where the regex tests every character.
_ASCII_WORDS = bytes(
    ord(chr(b).lower()) if chr(b).isalnum() or chr(b) == "_" else ord(" ") for b in range(128)
) + bytes(128)  # (no byte of ASCII text is above 127)


def article_body(
    root: lxml.html.HtmlElement, scripts: Iterable[lxml.html.HtmlElement] | None = None
) -> str:
    """The longest `articleBody` the page declares, or "" when none is long enough.

    `scripts` are the page's JSON-LD <script> elements when the caller has gathered
    them (`metadata.sources`, in the walk it makes anyway)."""
    best = ""
    for script in root.iter("script") if scripts is None else scripts:
        if not is_json_ld(script):
            continue
        source = script.text or ""
        if not source or len(source) > MAX_SCRIPT_CHARS or not _may_name_body(source):
            continue
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):
            continue
        for body in _bodies(data, 0):
            if len(body) > len(best):
                best = body
    return best if len(_WORD.findall(best)) >= MIN_BODY_WORDS else ""


def is_json_ld(script: lxml.html.HtmlElement) -> bool:
    """Whether a <script> declares its content JSON-LD (`type`, spaces and case aside)."""
    return (script.get("type") or "").strip().lower() == "application/ld+json"


def _may_name_body(source: str) -> bool:
    """Whether a JSON text can hold an `articleBody` key: spelled out, or written with
    `\\u` escapes (the only way JSON can spell a letter otherwise).  Most JSON-LD
    describes a page without its body, and is then not worth decoding."""
    return "articleBody" in source or "\\u" in source


def _bodies(node: Any, depth: int) -> Iterator[str]:
    """Every articleBody string in a JSON-LD value, through @graph and nested objects."""
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from _bodies(item, depth + 1)
    elif isinstance(node, dict):
        body = node.get("articleBody")
        if isinstance(body, str):
            yield body
        for value in node.values():
            if isinstance(value, (list, dict)):
                yield from _bodies(value, depth + 1)


def shingle_set(text: str, size: int = 4) -> frozenset[tuple[str, ...]]:
    """Lower-case word n-grams of `text`, for matching blocks against it."""
    return frozenset(_grams(words_of(text), size))


def words_of(text: str) -> list[str]:
    """`text`'s words (`\\w+`), lower-cased: ASCII text by a byte table (`_ASCII_WORDS`)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    return _WORD.findall(text.lower())


def match_share(text: str, body: frozenset[tuple[str, ...]], size: int = 4) -> float:
    """Share of `text`'s word n-grams found in `body` (0.0 for text shorter than n).

    The n-grams are only looked up, never kept: `zip` hands each one over and reuses
    its tuple for the next (the context stage matches every block of the page)."""
    if len(text) < 2 * size - 1 and text.isascii():
        return 0.0  # n words need n characters and n - 1 between them
    words = words_of(text)
    count = len(words) - size + 1
    if count <= 0:
        return 0.0
    return sum(map(body.__contains__, _grams(words, size))) / count


def _grams(words: list[str], size: int) -> Iterator[tuple[str, ...]]:
    """The word n-grams of `words`, in order (zipping shifted word lists builds the
    tuples in C)."""
    return zip(*(words[i:] for i in range(size)))
