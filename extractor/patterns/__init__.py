"""Vocabularies that recognise noise, one table per language plus one for markup words.

Everything a rule matches by name lives here, documented and grouped, so a reader can see
what the extractor looks for and a test can cover each group.  No rule anywhere else in
the package matches a class name or a phrase.
"""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns, match_phrase
from extractor.patterns.markup import (
    CONTENT_TOKENS,
    NOISE_TOKENS,
    STRONG_NOISE_TOKENS,
    class_tokens,
    token_signal,
)
from extractor.patterns.registry import ALL_LANGUAGES, STOPWORDS, phrase_kind

__all__ = [
    "ALL_LANGUAGES",
    "CONTENT_TOKENS",
    "NOISE_TOKENS",
    "STOPWORDS",
    "STRONG_NOISE_TOKENS",
    "LanguagePatterns",
    "class_tokens",
    "match_phrase",
    "phrase_kind",
    "token_signal",
]
