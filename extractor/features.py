"""Text measurements of one block: the context-free evidence the scorer weighs.

Each text is scanned a fixed number of times, whatever its length; nothing here looks at
other blocks.
"""

from __future__ import annotations

import re

from extractor.patterns import STOPWORDS, phrase_kind
from extractor.patterns.registry import MONTHS
from extractor.types import Features

# Width of a wrapped line when measuring text density (boilerpipe's convention).
LINE_WIDTH = 80
# Lines longer than this many words are never taken for a date line.
DATE_LINE_MAX_WORDS = 16

_WORD_EDGES = "\"'“”‘’«»()[]{}.,;:!?…-–—*"
_SENTENCE_PUNCT = re.compile(r"[.,;:!?。、！？]")
_SENTENCE_END = re.compile(r"[.!?。！？…:][\"'”’»)\]]*\s*$")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def measure(
    text: str,
    link_text: str,
    *,
    depth: int,
    position: float,
    tag_path: str,
    class_tokens: tuple[str, ...],
    near_groups: int,
    far_groups: int,
    in_article: bool,
    in_boilerplate_tag: bool,
) -> Features:
    tokens = text.split()
    words = len(tokens)
    link_words = min(words, len(link_text.split())) if link_text else 0
    lowered = [t.lower().strip(_WORD_EDGES) for t in tokens]
    return Features(
        words=words,
        link_words=link_words,
        link_density=link_words / words if words else 0.0,
        text_density=words / (len(text) // LINE_WIDTH + 1),
        punctuation=len(_SENTENCE_PUNCT.findall(text)) / words if words else 0.0,
        stopword_ratio=sum(1 for w in lowered if w in STOPWORDS) / words if words else 0.0,
        capital_ratio=sum(1 for t in tokens if t[:1].isupper()) / words if words else 0.0,
        sentence_end=bool(_SENTENCE_END.search(text)),
        tag_path=tag_path,
        class_tokens=class_tokens,
        near_groups=near_groups,
        far_groups=far_groups,
        depth=depth,
        position=position,
        in_article=in_article,
        in_boilerplate_tag=in_boilerplate_tag,
        phrase=phrase_kind(text, words) if words <= 30 else None,
        date_like=words <= DATE_LINE_MAX_WORDS and is_date_line(text, lowered),
    )


def is_date_line(text: str, lowered: list[str]) -> bool:
    """A short line that names a date: a numeric date, or a month name next to a year."""
    if _NUMERIC_DATE.search(text):
        return True
    has_month = any(w.strip(".,") in MONTHS for w in lowered)
    return has_month and (bool(_YEAR.search(text)) or bool(_CLOCK.search(text)))
