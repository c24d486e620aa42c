"""Kept blocks -> output text.  Markdown, HTML and JSON renderers join this module later."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from extractor.types import Block

PARAGRAPH_SEPARATOR = "\n\n"


def render_text(blocks: tuple[Block, ...]) -> str:
    """Paragraphs in reading order, one blank line between them."""
    return PARAGRAPH_SEPARATOR.join(b.text for b in blocks)


def composed(blocks: tuple[Block, ...], text: str) -> tuple[tuple[Block, ...], str]:
    """The blocks and their text in Unicode canonical composition (NFC).

    Pages carry text typed or pasted in decomposed form ('u' + combining diaeresis, as
    macOS file names and some editors write it) or in code points NFC replaces (Bengali
    'ড়' as one character): a reader sees the same letters, but a search, a word count
    or a comparison with text written the usual way does not.  NFC is the form the web
    is written in (W3C character model), so the output is given in it.  Most pages are
    already in NFC, which one quick check over the text tells."""
    if unicodedata.is_normalized("NFC", text):
        return blocks, text
    blocks = tuple(
        [
            b if unicodedata.is_normalized("NFC", b.text)
            else replace(b, text=unicodedata.normalize("NFC", b.text))
            for b in blocks
        ]
    )
    return blocks, render_text(blocks)
