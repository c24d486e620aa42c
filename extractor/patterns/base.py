"""The shape of a language's noise table, and how its phrases are matched."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
# Decoration around a line's words: punctuation, arrows, bullets, quotes, brackets.
EDGE_PUNCT = " \t\n:;,.!?-–—|»«›‹>•·*#()[]\"'“”‘’…"


def normalise_line(text: str) -> str:
    """Lower-case and strip decoration, so 'Latest Stories »' matches 'latest stories'."""
    # Every whitespace character but the ASCII space is unprintable: a printable text
    # without a double space has nothing to collapse (most lines, which come collapsed).
    if not text.isprintable() or "  " in text:
        text = _SPACE.sub(" ", text)
    return text.strip(EDGE_PUNCT).lower()


@dataclass(frozen=True, slots=True)
class LanguagePatterns:
    """Noise phrases of one language, grouped by what they announce.

    Each group is a tuple of lower-case phrases.  A *heading* phrase names a section
    of boilerplate (everything under it is noise); a *line* phrase is a whole short
    line that is noise on its own; a *prefix* phrase starts a noise line.
    """

    language: str
    stopwords: frozenset[str]
    # Section headings announcing lists of other articles ("Latest stories").
    related_headings: tuple[str, ...]
    # Section headings announcing reader comments.
    comment_headings: tuple[str, ...]
    # Whole lines that are ad, image or widget placeholders ("Advertisement").
    placeholder_lines: tuple[str, ...]
    # Lines inviting the reader to share, follow, subscribe or accept cookies.
    prompt_phrases: tuple[str, ...]
    # Prefixes of byline, credit and date lines ("By ", "Posted on").
    byline_prefixes: tuple[str, ...]
    # Prefixes of in-article cross-links ("Read more:", "See also:").
    crosslink_prefixes: tuple[str, ...]
    # Month names, used to recognise date lines.
    months: tuple[str, ...]
    # Labels that open a post's filing line ("Tags:", "Filed under:"): the line lists the
    # post's tags or categories, however long the list, and is never the post's text.
    taxonomy_prefixes: tuple[str, ...] = ()
    # Link labels that close a teaser, the opening of a story printed elsewhere ("...
    # Read more", "Continue reading"): the paragraph they end is not this page's text.
    teaser_tails: tuple[str, ...] = ()
    # Notices about the reader's browser ("This page is best viewed in ...", "JavaScript
    # is disabled") or consent (the stand-in for an embedded post the reader has not
    # allowed): furniture at any length, as they run on into instructions (a prompt
    # phrase only condemns a short line).
    notice_phrases: tuple[str, ...] = ()
    # False for languages written without spaces between words (Chinese, Japanese): stop
    # words and month names are looked up word by word, so those groups stay empty.
    spaced: bool = True


def match_phrase(line: str, phrases: tuple[str, ...], *, prefix: bool = False) -> str | None:
    """Return the phrase that `line` is (or starts with), if any."""
    norm = normalise_line(line)
    for phrase in phrases:
        if norm == phrase or (prefix and norm.startswith(phrase)):
            return phrase
    return None
