"""Text measurements of one block: the context-free evidence the scorer weighs.

Each text is scanned a fixed number of times, whatever its length; nothing here looks at
other blocks.
"""

from __future__ import annotations

import re

from extractor.patterns import STOPWORDS, opening_label, phrase_kind
from extractor.patterns.registry import MONTHS, NUMERIC_DATE, names_cjk_date
from extractor.types import Features

# Width of a wrapped line when measuring text density (boilerpipe's convention).
LINE_WIDTH = 80
# Lines longer than this many words are never taken for a date line.
DATE_LINE_MAX_WORDS = 16
# Lines longer than this many words are never named as a noise phrase: noise phrases are
# short lines, and a long line that holds one is prose mentioning it.
PHRASE_LINE_MAX_WORDS = 30

_WORD_EDGES = "\"'“”‘’«»()[]{}.,;:!?…-–—*"
_SENTENCE_PUNCT = re.compile(r"[.,;:!?。、！？]")
# A sentence ends with one of these, then maybe closing quotes or brackets, then spaces.
_SENTENCE_ENDS = frozenset(".!?。！？…:")
_CLOSERS = "\"'”’»)]"
# Chinese and Japanese write words without spaces between them (Korean spaces its words):
# their characters are counted, this many to a word (a typical word's length).
CJK_CHARS_PER_WORD = 2
# Han ideographs (with extension A and compatibility forms), hiragana, katakana (with
# half-width forms).
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
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
    words = count_words(text, tokens)
    link_words = min(words, count_words(link_text, link_text.split())) if link_text else 0
    # Lower-casing the text, then splitting, gives the same words as lower-casing each.
    lowered = [w.strip(_WORD_EDGES) for w in text.lower().split()]
    return Features(
        words=words,
        link_words=link_words,
        link_density=link_words / words if words else 0.0,
        text_density=words / (len(text) // LINE_WIDTH + 1),
        punctuation=len(_SENTENCE_PUNCT.findall(text)) / words if words else 0.0,
        stopword_ratio=sum(map(STOPWORDS.__contains__, lowered)) / words if words else 0.0,
        capital_ratio=sum(map(str.isupper, [t[0] for t in tokens])) / words if words else 0.0,
        sentence_end=ends_sentence(text),
        tag_path=tag_path,
        class_tokens=class_tokens,
        near_groups=near_groups,
        far_groups=far_groups,
        depth=depth,
        position=position,
        in_article=in_article,
        in_boilerplate_tag=in_boilerplate_tag,
        phrase=phrase_kind(text, words) if words <= PHRASE_LINE_MAX_WORDS else None,
        date_like=words <= DATE_LINE_MAX_WORDS and _names_date(text, lowered),
        label=opening_label(text),
    )


def has_cjk(text: str) -> bool:
    """Whether `text` holds Chinese or Japanese characters (written without spaces)."""
    return not text.isascii() and _CJK.search(text) is not None


def count_words(text: str, tokens: list[str]) -> int:
    """Words of `text` (`tokens` is `text.split()`): one per token, but a token holding
    Chinese or Japanese characters counts one word per `CJK_CHARS_PER_WORD` of them, so
    a paragraph written without spaces is not taken for one word."""
    if not has_cjk(text):
        return len(tokens)
    words = 0
    for token in tokens:
        cjk = len(_CJK.findall(token))
        words += -(-cjk // CJK_CHARS_PER_WORD) if cjk else 1
    return words


def ends_sentence(text: str) -> bool:
    """Ends like a sentence: a full stop (or ! ? … :), maybe closing quotes, maybe spaces."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS


def is_date_line(text: str, lowered: list[str]) -> bool:
    """A short line that names a date: a numeric date, a month and day with CJK counters,
    or a month name next to a year."""
    return _names_date(text, [w.strip(".,") for w in lowered])


def _names_date(text: str, words: list[str]) -> bool:
    """`is_date_line` for words already stripped of edge punctuation (which `measure`'s
    are: its edge characters include "." and ",")."""
    if NUMERIC_DATE.search(text) or names_cjk_date(text):
        return True
    has_month = not MONTHS.isdisjoint(words)
    return has_month and (bool(_YEAR.search(text)) or bool(_CLOCK.search(text)))
