"""All language tables together, and the lookups the pipeline uses across languages.

Phrases are matched in every language at once: a page's language is often undeclared
or wrong, and a German "Anzeige" on an English-declared page is still an ad label.
"""

from __future__ import annotations

import re

from extractor.patterns.base import EDGE_PUNCT, LanguagePatterns, normalise_line
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
    parts = [_phrase_part(phrase) for phrase in sorted(set(phrases), key=len, reverse=True)]
    return re.compile(("^(?:" if anchored else "(?:") + "|".join(parts) + ")")


def _phrase_part(phrase: str) -> str:
    """One phrase as a regex, whole words only."""
    head = r"\b" if phrase[0].isalnum() else ""
    tail = r"\b" if phrase[-1].isalnum() else ""
    return head + re.escape(phrase) + tail


def _opening_word(lowered: str) -> str:
    """A lower-cased line's first word, up to a space or a colon ("tags" of "tags:x")."""
    return lowered.partition(" ")[0].partition(":")[0]


# A short line opening with a related-stories phrase of two words or more is one too
# ("Mehr zum Thema auf example.de", "More from Science").
_RELATED_PREFIX = _phrase_regex([p for p in _RELATED if " " in p], anchored=True)
_PROMPT_PHRASES = [p for lang in ALL_LANGUAGES for p in lang.prompt_phrases]
# Every prompt phrase in one alternation: the definition `_prompt_start` answers for,
# faster (tests/test_patterns.py holds the two together).
_PROMPTS = _phrase_regex(_PROMPT_PHRASES, anchored=False)
_BYLINES = _phrase_regex([p for lang in ALL_LANGUAGES for p in lang.byline_prefixes], anchored=True)
_CROSSLINKS = _phrase_regex(
    [p for lang in ALL_LANGUAGES for p in lang.crosslink_prefixes], anchored=True
)
MONTHS: frozenset[str] = frozenset(m for lang in ALL_LANGUAGES for m in lang.months)
# A teaser's closing link label, as the last words of a line, decoration after it
# stripped; in spaced languages after a space or punctuation ("thread" does not end in
# "read").
_TEASER_TAIL = re.compile(
    "(?:"
    + "|".join(
        ("(?<!\\w)" if lang.spaced else "") + re.escape(p)
        for lang in ALL_LANGUAGES
        for p in sorted(lang.teaser_tails, key=len, reverse=True)
    )
    + ")$"
)
# The labels themselves: a line ending in none of them needs no regex (one C-level
# `endswith`, where the anchored search tries every position of the tail).
_TEASER_LABELS: tuple[str, ...] = tuple(p for lang in ALL_LANGUAGES for p in lang.teaser_tails)
# How much of a line's end the teaser labels are looked for in (the longest label fits).
TEASER_TAIL_CHARS = 40
# What follows the label: a line's edge decoration, and arrows ("Continue reading →").
_TEASER_DECORATION = EDGE_PUNCT + "→⟶"
_TAXONOMY = _phrase_regex(
    [p for lang in ALL_LANGUAGES for p in lang.taxonomy_prefixes], anchored=True
)
# A browser notice opening a line ("This page is best viewed in ...").
_NOTICES = _phrase_regex(
    [p for lang in ALL_LANGUAGES for p in lang.notice_phrases], anchored=True
)
# A diagnostic the server printed into the page (PHP's "Warning: Creating default object
# from empty value in /www/htdocs/wp-includes/classes.php on line 407", one after another
# on a misconfigured blog): the same words in every language, and never the page's text.
# Its level opens the line, the file and line number close it (a block of several
# diagnostics in a row opens and closes the same way).
_DIAGNOSTIC_HEAD = re.compile(
    r"(?:php\s+)?(?:warning|notice|deprecated|strict\s+standards"
    r"|(?:catchable\s+|recoverable\s+)?fatal\s+error|parse\s+error)\s*:\s",
    re.IGNORECASE,
)
_DIAGNOSTIC_TAIL = re.compile(r"\sin\s+\S*[/\\]\S*\s+on\s+line\s+\d+\s*\.?$")
# How much of a line's end the file and line number are looked for in (a path fits).
DIAGNOSTIC_TAIL_CHARS = 300
# Its first words, as `_opening_word` reads them.
_DIAGNOSTIC_OPENERS: frozenset[str] = frozenset(
    {"php", "warning", "notice", "deprecated", "strict", "fatal", "catchable", "recoverable",
     "parse"}
)
# The first words of browser notices and server diagnostics: a line opening with none of
# them is neither (the compiled walk reads the same set).
_NOTICE_OPENERS: frozenset[str] = _DIAGNOSTIC_OPENERS | frozenset(
    _opening_word(p) for lang in ALL_LANGUAGES for p in lang.notice_phrases
)
# How much of a line's start the filing labels and browser notices are looked for in (the
# longest label, "this entry was posted", and leading space fit with room to spare).
LABEL_HEAD_CHARS = 40
# The labels' first words: a line opening with none of them is not looked at further,
# which keeps the check (run on every kept block) to one set lookup for ordinary prose.
_TAXONOMY_OPENERS: frozenset[str] = frozenset(
    _opening_word(p) for lang in ALL_LANGUAGES for p in lang.taxonomy_prefixes
)

# A numeric date (12/03/2024, 2024-03-12, 3.12.24); features.py uses the same pattern.
# A year has two or four digits and a day or month one or two, so a phone number
# ("+81 158-23-2012") is not a date.
NUMERIC_DATE = re.compile(r"\b(?:\d{4}|\d{1,2})[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b")
# A date written with the month and day counters of Chinese, Japanese ("6月24日", after
# an optional "2019年") and Korean ("6월 24일"), which have no month names to look up.
# Every match holds one of CJK_MONTH_MARKS, which callers test for first.
CJK_DATE = re.compile(r"\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]")
CJK_MONTH_MARKS = ("月", "월")
_WORDS = re.compile(r"\w+")
_SPACED_COLON = re.compile(r"\s+:")
# A caption ends with its credit: "... near its nest. Photograph: Rafael Quesada" or
# "... the protests (Image: Getty)".  The credit word opens the line, follows a sentence
# end or an opening bracket, and nothing after it ends a sentence, so prose that
# mentions a photo does not match.
_CREDIT_WORDS = (
    r"(?:Photo|Photograph|Photos|Picture|Image|Foto|Fotos|Bild|Crédit|Crédits|Credit|Credits"
    r"|Source|Фото|Imagen|Bildquelle|Fotocredit|Titelbild)"
)
# A figure's caption opens with its label and number ("Abbildung 4: ...", "Fig. 2: ...").
_FIGURE_WORDS = r"(?:Abbildung|Abb|Figure|Fig|Grafik|Figura|Rycina|Ryc|Рисунок|Рис)"
# Lower-cased credit and figure words: a line holding none of them is no credit.
_CREDIT_LEADS: tuple[str, ...] = (
    *(w.lower() for w in _CREDIT_WORDS.strip("(?:)").split("|")),
    *(w.lower() for w in _FIGURE_WORDS.strip("(?:)").split("|")),
    "©",
)
# The same test as one search: a substring of the line, as `in` finds it.
_CREDIT_LEAD = re.compile("|".join(map(re.escape, _CREDIT_LEADS)))
_CREDIT = re.compile(
    # after a sentence end or bracket, with or without a colon ...
    rf"(?:^|[.!?)”\]]\s+|\(){_CREDIT_WORDS}\b\s*[:/©]?\s*[^.!?]{{0,60}}$"
    # ... or anywhere as a "Photo:" label (a credit span printed after a caption span)
    rf"|\s{_CREDIT_WORDS}\s*:\s*[^.!?:]{{1,60}}$"
    # ... or a copyright sign and a name closing a short line ("... at dawn. © Jane Roe",
    # "© photo-agency.test": a dot inside a name does not end a sentence)
    rf"|©\s*(?:[^.!?©]|\.(?=\S)){{1,80}}$"
    # ... or a bracketed credit closing the line before its full stop ("... (Foto: AFP).")
    rf"|\({_CREDIT_WORDS}\b[^.!?()]{{0,60}}\)\.$"
    # ... or a lower-case "photo:" label after a comma ("Jane Roe, photo: Press office")
    rf"|,\s(?i:{_CREDIT_WORDS})\s*:\s*[^.!?:]{{1,60}}$"
    # ... or a figure's label opening the line ("Abbildung 4: ...", "Fig. 2a: ...")
    rf"|^{_FIGURE_WORDS}\.?(?:\s*\d+[a-z]?)?\s*:\s"
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


def _words_of(phrase: str) -> list[str]:
    words: list[str] = _WORDS.findall(phrase)
    return words


def _key_word(phrase: str) -> str:
    """The phrase's longest word: a phrase is found only in a line holding all its words,
    and its longest is the one fewest lines hold ("cookies" of "we use cookies")."""
    return max(_words_of(phrase), key=len)


# Phrases matched against the whole line or its start.  Each opens with a word, so a line
# that matches opens with the phrase's words, in order.
_WHOLE_OR_PREFIX: frozenset[str] = _RELATED | _COMMENTS | _PLACEHOLDERS | frozenset(
    p for lang in ALL_LANGUAGES for p in (*lang.byline_prefixes, *lang.crosslink_prefixes)
)
assert all(re.match(r"\w", p) for p in _WHOLE_OR_PREFIX), "such phrases must open with a word"


def _openings(phrases: frozenset[str]) -> dict[str, frozenset[str] | None]:
    """First word -> the second words that may follow it, or None when a one-word phrase
    opens with it (then any line starting with that word may match)."""
    split = [_words_of(p) for p in phrases]
    alone = {words[0] for words in split if len(words) == 1}
    seconds: dict[str, set[str]] = {}
    for first, second, *_ in (words for words in split if len(words) > 1):
        seconds.setdefault(first, set()).add(second)
    return {
        **{first: frozenset(after) for first, after in seconds.items()},
        **dict.fromkeys(alone),
    }


_OPENINGS = _openings(_WHOLE_OR_PREFIX)
_NO_OPENING: frozenset[str] = frozenset()
# Prompt phrases by key word, each as the set of its words (all must be in the line) and
# its own regex (`_phrase_part`, as in `_PROMPTS`).
_PROMPTS_BY_KEY: dict[str, list[tuple[frozenset[str], re.Pattern[str]]]] = {}
for _prompt in sorted(set(_PROMPT_PHRASES)):
    _PROMPTS_BY_KEY.setdefault(_key_word(_prompt), []).append(
        (frozenset(_words_of(_prompt)), re.compile(_phrase_part(_prompt)))
    )
_PROMPT_KEYS: frozenset[str] = frozenset(_PROMPTS_BY_KEY)
# A phrase found in a line has each of its words as a whole word of the line (what
# `_prompt_start` relies on) when it opens and closes with a letter or digit (then
# bounded by `\b`) or with a character that is no word character at all.
assert all(
    (edge.isalnum() or not re.match(r"\w", edge)) for p in _PROMPT_PHRASES for edge in (p[0], p[-1])
), "a prompt phrase must open and close with a letter, a digit or punctuation"
# Credit words are looked for as words; credit signs that are not words ("©") in the text.
_CREDIT_WORD_SET: frozenset[str] = frozenset(w for w in _CREDIT_LEADS if w.isalnum())
_CREDIT_SIGNS: tuple[str, ...] = tuple(w for w in _CREDIT_LEADS if not w.isalnum())
_COMMENT_COUNT_FIRSTS: frozenset[str] = frozenset(_words_of(p)[0] for p in _COMMENT_COUNT_WORDS)


def _may_match(text: str, tokens: list[str], words: int) -> bool:
    """Whether any rule of `phrase_kind` could match `text` of `words` words, whose
    lower-case word tokens are `tokens` (which are the normalised line's: normalising
    strips no word characters).  Each test is implied by the rule it stands for.

    The compiled walk skips `phrase_kind` by the same tests (`_may_phrase` in
    extractor/_fastwalk.pyx): a rule here with a new trigger needs it there too
    (tests/test_fastwalk.py holds the two together)."""
    for sign in _CREDIT_SIGNS:
        if sign in text:
            return True
    if not tokens:
        return False
    seconds = _OPENINGS.get(tokens[0], _NO_OPENING)
    if seconds is None or (len(tokens) > 1 and tokens[1] in seconds):
        return True  # a whole-line or opening phrase's first two words
    if tokens[0].isdigit() and len(tokens) > 1 and tokens[1] in _COMMENT_COUNT_FIRSTS:
        return True  # "12 comments"
    if not _CREDIT_WORD_SET.isdisjoint(tokens):
        return True
    if words > PROMPT_MAX_WORDS:
        return False  # the share-bar and prompt rules below only judge short lines
    if (
        words <= SOCIAL_LINE_MAX_WORDS
        and not SOCIAL_NETWORKS.isdisjoint(tokens)
        and _mostly_social(tokens)
    ):
        return True
    if _PROMPT_KEYS.isdisjoint(tokens):
        return False
    present = set(tokens)
    return any(
        words <= present for key in _PROMPT_KEYS & present for words, _ in _PROMPTS_BY_KEY[key]
    )


def _prompt_start(norm: str, tokens: list[str]) -> int | None:
    """Where `_PROMPTS.search(norm)` would match, or None; `tokens` are the line's
    lower-case words (a superset of `norm`'s).  The leftmost match of an alternation is
    the leftmost of its phrases' own first matches, and a phrase can match only in a line
    holding all its words: so only those phrases are searched, each alone (a literal
    regex, which the engine scans for at C speed), where the whole alternation tries
    every phrase at every position of the line."""
    present = set(tokens)
    starts = [
        found.start()
        for key in _PROMPT_KEYS & present
        for words, pattern in _PROMPTS_BY_KEY[key]
        if words <= present and (found := pattern.search(norm)) is not None
    ]
    return min(starts) if starts else None


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
    lowered = text.lower()
    return phrase_kind_of(text, lowered, _WORDS.findall(lowered), words)


def phrase_kind_of(text: str, lowered: str, tokens: list[str], words: int) -> str | None:
    """`phrase_kind`, given the line lower-cased and the `\\w+` words of that (the
    compiled walk has found them already)."""
    # Every rule below needs one of its trigger words in the line; most lines hold none.
    if not _may_match(text, tokens, words):
        return None
    norm = normalise_line(_close_colons(text))
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
    return _short_line_kind(text, lowered, norm, words, tokens)


def _close_colons(text: str) -> str:
    """French typography puts a space before colons: "Mots-clés : ..." is "mots-clés: ..."."""
    return _SPACED_COLON.sub(":", text) if ":" in text else text


def _short_line_kind(
    text: str, lowered: str, norm: str, words: int, tokens: list[str]
) -> str | None:
    """The groups recognised by how a short line starts or ends, in order of precedence:
    "Read more: <title>" is a cross-link before "Read more ..." is a section title.
    `lowered` is the text lower-cased, `tokens` its words."""
    lead = _close_colons(lowered.lstrip())
    if _CROSSLINKS.match(lead):
        return "crosslink"
    if words <= RELATED_PREFIX_MAX_WORDS and _RELATED_PREFIX.match(norm):
        return "related-heading"
    byline = _BYLINES.match(lead)
    if byline and _is_byline(byline.group(0), text, words):
        return "byline"
    if (
        words <= SOCIAL_LINE_MAX_WORDS
        and not SOCIAL_NETWORKS.isdisjoint(tokens)
        and _mostly_social(tokens)
    ):
        return "prompt"
    # The alternation of every prompt phrase is slow; most lines hold no phrase's key word.
    if not _PROMPT_KEYS.isdisjoint(tokens):
        start = _prompt_start(norm, tokens)
        if start is not None and (start == 0 or words <= PROMPT_ANYWHERE_MAX_WORDS):
            return "prompt"
    if _CREDIT_LEAD.search(lowered) and _CREDIT.search(text):
        return "credit"
    return None


def mentions_prompt(text: str) -> bool:
    """Whether `text` holds a prompt phrase anywhere ("... Submit a letter to the editor",
    "... sign up for our newsletter"): `phrase_kind` condemns only short lines or lines
    opening with one, and leaves the longer appeal to where it stands (the text's end)."""
    tokens = _WORDS.findall(text.lower())
    if _PROMPT_KEYS.isdisjoint(tokens):
        return False
    return _prompt_start(normalise_line(text), tokens) is not None


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
    """Whether `text` names a calendar date: numeric, with CJK counters, or a month name
    beside a number."""
    if NUMERIC_DATE.search(text) or names_cjk_date(text):
        return True
    lowered = text.lower()
    return any(m in MONTHS for m in _WORDS.findall(lowered)) and bool(_NUMBER.search(text))


def names_cjk_date(text: str) -> bool:
    """Whether `text` holds a month and a day written with CJK counters (`CJK_DATE`)."""
    return any(mark in text for mark in CJK_MONTH_MARKS) and CJK_DATE.search(text) is not None


def ends_teaser(text: str) -> bool:
    """Whether `text` ends with a teaser's link label ("... Read more...", "[Continue
    reading]", "Weiterlesen »"): the opening lines of a story printed on another page."""
    tail = text[-TEASER_TAIL_CHARS:].lower().rstrip(_TEASER_DECORATION)
    return tail.endswith(_TEASER_LABELS) and _TEASER_TAIL.search(tail) is not None


def is_taxonomy_line(text: str) -> bool:
    """Whether `text` opens with a filing label ("Tags:", "Filed under:", "This entry was
    posted ..."): the post's tags and categories, at any length.  A short line that opens
    with "By" may be a byline, a long one is a sentence; a long tag list is still a list."""
    return opening_label(text) == "taxonomy"


def is_notice_line(text: str) -> bool:
    """Whether `text` opens with a notice about the reader's browser ("This page is best
    viewed in ...", "JavaScript is disabled"): furniture at any length, as such notices run
    on into instructions, where a prompt phrase only condemns a short line."""
    return opening_label(text) == "notice"


def opening_label(text: str) -> str | None:
    """"taxonomy" or "notice" when `text` opens with one of those labels (above),
    "diagnostic" when it is a server's diagnostic (`_DIAGNOSTIC`), else None: all are
    looked for in one reading of the line's head, which `select` does for every block."""
    head = text.lstrip()[:LABEL_HEAD_CHARS].lower()
    first = _opening_word(head)
    if first in _TAXONOMY_OPENERS and _TAXONOMY.match(_SPACED_COLON.sub(":", head)):
        return "taxonomy"
    if first in _NOTICE_OPENERS:
        if _NOTICES.match(head):
            return "notice"
        if first in _DIAGNOSTIC_OPENERS and is_diagnostic(text):
            return "diagnostic"
    return None


def is_diagnostic(text: str) -> bool:
    """Whether `text` is a server diagnostic ("Warning: ... in /path/file.php on line
    407"), or several in a row: it opens with the level and closes with the place."""
    text = text.strip()
    return (
        _DIAGNOSTIC_HEAD.match(text) is not None
        and _DIAGNOSTIC_TAIL.search(text[-DIAGNOSTIC_TAIL_CHARS:]) is not None
    )


def _is_comment_count(norm: str) -> bool:
    """'12 comments', '3 responses to ...': the header of a comment thread."""
    head, _, rest = norm.partition(" ")
    return head.isdigit() and rest.split(" ", 1)[0] in _COMMENT_COUNT_WORDS
