"""All language tables together, and the lookups the pipeline uses across languages.

Phrases are matched in every language at once: a page's language is often undeclared
or wrong, and a German "Anzeige" on an English-declared page is still an ad label.
"""

from __future__ import annotations

import re

from extractor.patterns.base import LanguagePatterns, normalise_line
from extractor.patterns.de import GERMAN
from extractor.patterns.en import ENGLISH
from extractor.patterns.es import SPANISH
from extractor.patterns.fr import FRENCH
from extractor.patterns.it import ITALIAN
from extractor.patterns.ja import JAPANESE
from extractor.patterns.pl import POLISH
from extractor.patterns.pt import PORTUGUESE
from extractor.patterns.ru import RUSSIAN
from extractor.patterns.zh import CHINESE

ALL_LANGUAGES: tuple[LanguagePatterns, ...] = (
    ENGLISH, GERMAN, FRENCH, SPANISH, RUSSIAN, PORTUGUESE, ITALIAN, POLISH, CHINESE,
    JAPANESE,
)

# Stop words of every language: the stop-word ratio is a prose detector, not a language one.
STOPWORDS: frozenset[str] = frozenset().union(*(lang.stopwords for lang in ALL_LANGUAGES))

_RELATED = frozenset(p for lang in ALL_LANGUAGES for p in lang.related_headings)
_COMMENTS = frozenset(p for lang in ALL_LANGUAGES for p in lang.comment_headings)
_PLACEHOLDERS = frozenset(p for lang in ALL_LANGUAGES for p in lang.placeholder_lines)


def _phrase_regex(phrases: list[str], *, anchored: bool) -> re.Pattern[str]:
    """One regex for a phrase group; phrases match whole words only ("log in" is not
    found in "backlog in", "published" does not start "Published research")."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        head = r"\b" if phrase[0].isalnum() else ""
        tail = r"\b" if phrase[-1].isalnum() else ""
        parts.append(head + re.escape(phrase) + tail)
    return re.compile(("^(?:" if anchored else "(?:") + "|".join(parts) + ")")


# A short line opening with a related-stories phrase of two words or more is one too
# ("Mehr zum Thema auf example.de", "More from Science").
_RELATED_PREFIX = _phrase_regex([p for p in _RELATED if " " in p], anchored=True)
_PROMPT_PHRASES = [p for lang in ALL_LANGUAGES for p in lang.prompt_phrases]
_PROMPTS = _phrase_regex(_PROMPT_PHRASES, anchored=False)
_BYLINES = _phrase_regex([p for lang in ALL_LANGUAGES for p in lang.byline_prefixes], anchored=True)
_CROSSLINKS = _phrase_regex(
    [p for lang in ALL_LANGUAGES for p in lang.crosslink_prefixes], anchored=True
)
MONTHS: frozenset[str] = frozenset(m for lang in ALL_LANGUAGES for m in lang.months)

# A numeric date (12/03/2024, 2024-03-12); features.py uses the same pattern.
NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
_WORDS = re.compile(r"\w+")
_SPACED_COLON = re.compile(r"\s+:")
# A caption ends with its credit: "... near its nest. Photograph: Rafael Quesada" or
# "... the protests (Image: Getty)".  The credit word opens the line, follows a sentence
# end or an opening bracket, and nothing after it ends a sentence, so prose that
# mentions a photo does not match.
_CREDIT_WORDS = (
    r"(?:Photo|Photograph|Photos|Picture|Image|Foto|Bild|Crédit|Credit|Source|Фото|Imagen)"
)
# Lower-cased credit words: a line holding none of them cannot end in a credit.
_CREDIT_LEADS: tuple[str, ...] = (
    *(w.lower() for w in _CREDIT_WORDS.strip("(?:)").split("|")),
    "©",
)
_CREDIT = re.compile(
    # after a sentence end or bracket, with or without a colon ...
    rf"(?:^|[.!?)”\]]\s+|\(){_CREDIT_WORDS}\b\s*[:/©]?\s*[^.!?]{{0,60}}$"
    # ... or anywhere as a "Photo:" label (a credit span printed after a caption span)
    rf"|\s{_CREDIT_WORDS}\s*:\s*[^.!?:]{{1,60}}$"
    # ... or a copyright sign and a name closing a short line ("... at dawn. © Jane Roe",
    # "© photo-agency.test": a dot inside a name does not end a sentence)
    rf"|(?:^|\s)©\s*(?:[^.!?©]|\.(?=\S)){{1,60}}$"
)
_NUMBER = re.compile(r"\d")
# What follows the number in a comment count ("12 comments", "3 responses to ...").
_COMMENT_COUNT_WORDS: frozenset[str] = _COMMENTS | {"responses", "replies"}

RELATED_PREFIX_MAX_WORDS = 7
# Names of networks share bars list; a short line made mostly of them is a share bar.
SOCIAL_NETWORKS: frozenset[str] = frozenset(
    """facebook twitter whatsapp pinterest pin linkedin reddit telegram tumblr email mail
    messenger flipboard xing vk viber mastodon bluesky copy link print""".split()
)
SOCIAL_LINE_MAX_WORDS = 12


def _first_word(phrase: str) -> str:
    words: list[str] = _WORDS.findall(phrase)
    return words[0]


def _key_word(phrase: str) -> str:
    """The phrase's longest word: a phrase is found only in a line holding all its words,
    and its longest is the one fewest lines hold ("cookies" of "we use cookies")."""
    words: list[str] = _WORDS.findall(phrase)
    return max(words, key=len)


# A prompt phrase can only be found in a line holding its key word.
_PROMPT_KEYS: frozenset[str] = frozenset(map(_key_word, _PROMPT_PHRASES))
# The line's first word, when a rule matches the whole line or its start: every such
# phrase opens with a word, so the line opens with that word.
_WHOLE_OR_PREFIX: frozenset[str] = _RELATED | _COMMENTS | _PLACEHOLDERS | frozenset(
    p for lang in ALL_LANGUAGES for p in (*lang.byline_prefixes, *lang.crosslink_prefixes)
)
assert all(re.match(r"\w", p) for p in _WHOLE_OR_PREFIX), "such phrases must open with a word"
_FIRST_TRIGGERS: frozenset[str] = frozenset(map(_first_word, _WHOLE_OR_PREFIX))
# Words a rule looks for anywhere in the line: prompt keys, network names, credit words;
# and the credit signs that are not words ("©"), looked for in the text itself.
_ANYWHERE_TRIGGERS: frozenset[str] = (
    _PROMPT_KEYS | SOCIAL_NETWORKS | frozenset(w for w in _CREDIT_LEADS if w.isalnum())
)
_CREDIT_SIGNS: tuple[str, ...] = tuple(w for w in _CREDIT_LEADS if not w.isalnum())
_COMMENT_COUNT_FIRSTS: frozenset[str] = frozenset(map(_first_word, _COMMENT_COUNT_WORDS))


def _may_match(text: str, tokens: list[str]) -> bool:
    """Whether any rule of `phrase_kind` could match `text`, whose lower-case words are
    `tokens` (which are the normalised line's words: normalising strips no word
    characters)."""
    if any(sign in text for sign in _CREDIT_SIGNS):
        return True
    if not tokens:
        return False
    first = tokens[0]
    if first in _FIRST_TRIGGERS or not _ANYWHERE_TRIGGERS.isdisjoint(tokens):
        return True
    return first.isdigit() and len(tokens) > 1 and tokens[1] in _COMMENT_COUNT_FIRSTS


# A prompt phrase only condemns a short line: prose may mention "newsletter" in passing.
PROMPT_MAX_WORDS = 25
# In a longer line the prompt must open it ("Sign up for ..."): in mid-sentence the same
# words are prose ("... as the company continued to sign up subscribers").
PROMPT_ANYWHERE_MAX_WORDS = 12
# Bylines and credits are short; a long line starting "By ..." is a sentence.
BYLINE_MAX_WORDS = 12


def phrase_kind(text: str, words: int) -> str | None:
    """Name the noise group a short line belongs to, or None.

    Returns one of "related-heading", "comment-heading", "placeholder", "prompt",
    "byline", "crosslink", "credit" (a caption ending in a photo credit).
    """
    # Every rule below needs one of its trigger words in the line; most lines hold none.
    tokens = _WORDS.findall(text.lower())
    if not _may_match(text, tokens):
        return None
    norm = normalise_line(_SPACED_COLON.sub(":", text))
    if not norm:
        return None
    if norm in _PLACEHOLDERS:
        return "placeholder"
    if norm in _RELATED:
        return "related-heading"
    if norm in _COMMENTS or _is_comment_count(norm):
        return "comment-heading"
    if words > PROMPT_MAX_WORDS:
        return None
    return _short_line_kind(text, norm, words, tokens)


def _short_line_kind(text: str, norm: str, words: int, tokens: list[str]) -> str | None:
    """The groups recognised by how a short line starts or ends, in order of precedence:
    "Read more: <title>" is a cross-link before "Read more ..." is a section title.
    `tokens` are the line's lower-case words."""
    # French typography puts a space before colons: "Mots-clés : ..." is "mots-clés: ...".
    lead = _SPACED_COLON.sub(":", text.lstrip().lower())
    if _CROSSLINKS.match(lead):
        return "crosslink"
    if words <= RELATED_PREFIX_MAX_WORDS and _RELATED_PREFIX.match(norm):
        return "related-heading"
    byline = _BYLINES.match(lead)
    if byline and _is_byline(byline.group(0), text, words):
        return "byline"
    if words <= SOCIAL_LINE_MAX_WORDS and _mostly_social(tokens):
        return "prompt"
    # The alternation of every prompt phrase is slow; most lines hold no phrase's key word.
    if not _PROMPT_KEYS.isdisjoint(tokens):
        prompt = _PROMPTS.search(norm)
        if prompt and (prompt.start() == 0 or words <= PROMPT_ANYWHERE_MAX_WORDS):
            return "prompt"
    lowered = text.lower()
    if any(word in lowered for word in _CREDIT_LEADS) and _CREDIT.search(text):
        return "credit"
    return None


def _mostly_social(words: list[str]) -> bool:
    """A row of network names is a share bar, in any language ("Whatsapp Facebook Pin")."""
    return bool(words) and sum(w in SOCIAL_NETWORKS for w in words) * 2 >= len(words)


def _is_byline(prefix: str, text: str, words: int) -> bool:
    """A one-word prefix ("Published", "Updated") opens prose too: it needs a date beside
    it.  Other prefixes ("By ", "Photo:") need only a short line, or a date."""
    if prefix.isalpha():
        return has_date(text)
    return words <= BYLINE_MAX_WORDS or has_date(text)


def has_date(text: str) -> bool:
    """Whether `text` names a calendar date: numeric, or a month name beside a number."""
    if NUMERIC_DATE.search(text):
        return True
    lowered = text.lower()
    return any(m in MONTHS for m in _WORDS.findall(lowered)) and bool(_NUMBER.search(text))


def _is_comment_count(norm: str) -> bool:
    """'12 comments', '3 responses to ...': the header of a comment thread."""
    head, _, rest = norm.partition(" ")
    return head.isdigit() and rest.split(" ", 1)[0] in _COMMENT_COUNT_WORDS
