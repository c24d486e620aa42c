"""Shared test material: sample paragraphs that read like article prose, and a shortcut
from a body fragment to its segmentation."""

from __future__ import annotations

from extractor.clean import clean
from extractor.parse import parse
from extractor.segment import Segmentation, segment

P1 = (
    "The council voted on Tuesday to close the old bridge, and residents said they were "
    "worried about the longer drive to the hospital in the next town."
)
P2 = (
    "The mayor, who had argued for repairs, said she would ask the regional government "
    "for money before the winter comes and the roads freeze."
)
P3 = (
    "Engineers had warned for years that the structure was failing, but the budget was "
    "always spent on other things first, according to the minutes of the meetings."
)


def segment_body(body: str, max_blocks: int = 10_000) -> Segmentation:
    """Parse, clean and segment `<html><body>{body}</body></html>`."""
    root = parse(f"<html><body>{body}</body></html>", max_bytes=1_000_000).root
    return segment(clean(root), max_blocks=max_blocks)
