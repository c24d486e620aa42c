"""All language tables together, and the lookups the pipeline uses across languages.

Phrases are matched in every language at once: a page's language is often undeclared
or wrong, and a German "Anzeige" on an English-declared page is still an ad label.
"""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns, normalise_line
from extractor.patterns.de import GERMAN
from extractor.patterns.en import ENGLISH
from extractor.patterns.es import SPANISH
from extractor.patterns.fr import FRENCH

ALL_LANGUAGES: tuple[LanguagePatterns, ...] = (ENGLISH, GERMAN, FRENCH, SPANISH)

# Stop words of every language: the stop-word ratio is a prose detector, not a language one.
STOPWORDS: frozenset[str] = frozenset().union(*(lang.stopwords for lang in ALL_LANGUAGES))

_RELATED = frozenset(p for lang in ALL_LANGUAGES for p in lang.related_headings)
_COMMENTS = frozenset(p for lang in ALL_LANGUAGES for p in lang.comment_headings)
_PLACEHOLDERS = frozenset(p for lang in ALL_LANGUAGES for p in lang.placeholder_lines)
_PROMPTS = tuple(p for lang in ALL_LANGUAGES for p in lang.prompt_phrases)
_BYLINES = tuple(p for lang in ALL_LANGUAGES for p in lang.byline_prefixes)
_CROSSLINKS = tuple(p for lang in ALL_LANGUAGES for p in lang.crosslink_prefixes)
MONTHS: frozenset[str] = frozenset(m for lang in ALL_LANGUAGES for m in lang.months)

# A prompt phrase only condemns a short line: prose may mention "newsletter" in passing.
PROMPT_MAX_WORDS = 25
# Bylines and credits are short; a long line starting "By ..." is a sentence.
BYLINE_MAX_WORDS = 12


def phrase_kind(text: str, words: int) -> str | None:
    """Name the noise group a short line belongs to, or None.

    Returns one of "related-heading", "comment-heading", "placeholder", "prompt",
    "byline", "crosslink".
    """
    norm = normalise_line(text)
    if not norm:
        return None
    if norm in _PLACEHOLDERS:
        return "placeholder"
    if norm in _RELATED:
        return "related-heading"
    if norm in _COMMENTS or _is_comment_count(norm):
        return "comment-heading"
    if words <= PROMPT_MAX_WORDS:
        if norm.startswith(_CROSSLINKS):
            return "crosslink"
        if words <= BYLINE_MAX_WORDS and norm.startswith(_BYLINES):
            return "byline"
        if any(p in norm for p in _PROMPTS):
            return "prompt"
    return None


def _is_comment_count(norm: str) -> bool:
    """'12 comments', '3 responses to ...': the header of a comment thread."""
    head, _, rest = norm.partition(" ")
    return head.isdigit() and rest.split(" ", 1)[0] in _COMMENTS | {"responses", "replies"}
