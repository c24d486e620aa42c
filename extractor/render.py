"""Kept blocks -> output text.  Markdown, HTML and JSON renderers join this module later."""

from __future__ import annotations

from extractor.types import Block

PARAGRAPH_SEPARATOR = "\n\n"


def render_text(blocks: tuple[Block, ...]) -> str:
    """Paragraphs in reading order, one blank line between them."""
    return PARAGRAPH_SEPARATOR.join(b.text for b in blocks)
