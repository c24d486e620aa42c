"""Vocabularies that recognise noise, one table per language plus one for markup words.

Everything a rule matches by name lives here, documented and grouped, so a reader can see
what the extractor looks for and a test can cover each group.  No rule anywhere else in
the package matches a class name or a phrase.
"""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns, match_phrase
from extractor.patterns.markup import (
    GROUP_BITS,
    GROUP_NAMES,
    NameMemo,
    class_tokens,
    group_names,
    read_names,
    token_groups,
)
from extractor.patterns.registry import (
    ALL_LANGUAGES,
    STOPWORDS,
    ends_teaser,
    is_notice_line,
    is_taxonomy_line,
    mentions_prompt,
    opening_label,
    phrase_kind,
)

__all__ = [
    "ALL_LANGUAGES",
    "GROUP_BITS",
    "GROUP_NAMES",
    "STOPWORDS",
    "LanguagePatterns",
    "NameMemo",
    "class_tokens",
    "ends_teaser",
    "group_names",
    "is_notice_line",
    "is_taxonomy_line",
    "match_phrase",
    "mentions_prompt",
    "opening_label",
    "phrase_kind",
    "read_names",
    "token_groups",
]
