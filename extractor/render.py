"""Kept blocks -> output text.  Markdown, HTML and JSON renderers join this module later."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from extractor.types import Block

PARAGRAPH_SEPARATOR = "\n\n"


def render_text(blocks: tuple[Block, ...]) -> str:
    """Paragraphs in reading order, one blank line between them."""
    return PARAGRAPH_SEPARATOR.join(b.text for b in blocks)


def composed(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with their text in Unicode canonical composition (NFC); the same tuple
    when it already is.

    Pages carry text typed or pasted in decomposed form ('u' + combining diaeresis, as
    macOS file names and some editors write it) or in code points NFC replaces (Bengali
    'ড়' as one character): a reader sees the same letters, but a search, a word count
    or a comparison with text written the usual way does not.  NFC is the form the web
    is written in (W3C character model), so the output is given in it.  ASCII is NFC,
    which a string knows without reading its characters: only the other blocks are
    checked, and most of them are already NFC."""
    odd = [
        i
        for i, b in enumerate(blocks)
        if not b.text.isascii() and not unicodedata.is_normalized("NFC", b.text)
    ]
    if not odd:
        return blocks
    fixed = list(blocks)
    for i in odd:
        fixed[i] = replace(fixed[i], text=unicodedata.normalize("NFC", fixed[i].text))
    return tuple(fixed)
