"""`extractor.patterns`: every entry group of every noise table is recognised as its group.

Each language table (`en`, `de`, `fr`, `es`) is checked entry by entry, so an entry that
is shadowed by another group (the lookup order in `registry.phrase_kind` decides) fails
here by name.  Known collisions are listed in `KNOWN_COLLISIONS` as strict xfails: when
the table is fixed, the xfail turns into a failure that asks for the entry to be removed.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import pytest

from extractor.features import measure
from extractor.patterns import (
    ALL_LANGUAGES,
    STOPWORDS,
    class_tokens,
    markup,
    match_phrase,
    phrase_kind,
)
from extractor.patterns.base import LanguagePatterns, normalise_line
from extractor.patterns.registry import BYLINE_MAX_WORDS, MONTHS, PROMPT_MAX_WORDS

LINE_GROUPS = {
    "related_headings": "related-heading",
    "comment_headings": "comment-heading",
    "placeholder_lines": "placeholder",
    "prompt_phrases": "prompt",
}
PREFIX_GROUPS = {
    "byline_prefixes": "byline",
    "crosslink_prefixes": "crosslink",
}
# (language, group, entry) -> why it is not recognised as its own group.
KNOWN_COLLISIONS: dict[tuple[str, str, str], str] = {
    ("en", "comment_headings", "comments"): (
        "'comments' is also an en placeholder line, checked first: a 'Comments' heading "
        "never opens a comment section"
    ),
    ("en", "prompt_phrases", "click here to"): (
        "starts with the en crosslink prefix 'click here', checked first"
    ),
}


def words(text: str) -> int:
    return len(text.split())


def kind(text: str) -> str | None:
    return phrase_kind(text, words(text))


def _entries(groups: dict[str, str], *, collisions: bool = True) -> Iterator[object]:
    for lang in ALL_LANGUAGES:
        for group, expected in groups.items():
            for entry in getattr(lang, group):
                key = (lang.language, group, entry)
                marks = []
                if collisions and key in KNOWN_COLLISIONS:
                    marks.append(pytest.mark.xfail(reason=KNOWN_COLLISIONS[key], strict=True))
                yield pytest.param(
                    entry, expected, id=f"{lang.language}-{group}-{entry}", marks=marks
                )


def _by_language(group: str) -> Iterator[object]:
    for lang in ALL_LANGUAGES:
        for entry in getattr(lang, group):
            yield pytest.param(lang, entry, id=f"{lang.language}-{entry}")


def _capitalised(entry: str) -> str:
    return entry[:1].upper() + entry[1:]


# --- the tables themselves -------------------------------------------------------------


def test_all_four_languages_registered() -> None:
    assert sorted(lang.language for lang in ALL_LANGUAGES) == ["de", "en", "es", "fr"]


@pytest.mark.parametrize("lang", ALL_LANGUAGES, ids=lambda lang: lang.language)
def test_every_group_is_filled_and_lower_case(lang: LanguagePatterns) -> None:
    for group in (*LINE_GROUPS, *PREFIX_GROUPS, "months"):
        entries = getattr(lang, group)
        assert entries, f"{lang.language}.{group} is empty"
        assert all(e == e.lower() for e in entries), group
        assert len(set(entries)) == len(entries), f"duplicate entry in {lang.language}.{group}"
    assert lang.stopwords
    assert all(w == w.lower() and " " not in w for w in lang.stopwords)


# --- whole-line and contained-phrase groups --------------------------------------------


@pytest.mark.parametrize(("entry", "expected"), list(_entries(LINE_GROUPS)))
def test_line_entry_recognised_as_its_group(entry: str, expected: str) -> None:
    assert kind(entry) == expected


@pytest.mark.parametrize(("entry", "expected"), list(_entries(LINE_GROUPS)))
def test_line_entry_recognised_with_decoration(entry: str, expected: str) -> None:
    # Sites capitalise and decorate: "Related Stories »", "• Advertisement •".
    assert kind(f"  {_capitalised(entry)} » ") == expected
    assert kind(f"• {entry.upper() if 'ß' not in entry else entry} •") == expected


@pytest.mark.parametrize(
    ("entry", "expected"), list(_entries({"prompt_phrases": "prompt"}, collisions=False))
)
def test_prompt_phrase_recognised_inside_a_short_line(entry: str, expected: str) -> None:
    assert kind(f"Please {entry} now") == expected


@pytest.mark.parametrize(
    "heading",
    ["12 comments", "1 comment", "3 Responses", "45 Kommentare", "2 commentaires", "0 replies"],
)
def test_comment_counts_are_comment_headings(heading: str) -> None:
    assert kind(heading) == "comment-heading"


# --- prefix groups ---------------------------------------------------------------------


def _prefixed(entry: str) -> str:
    return f"{_capitalised(entry.rstrip())} Jane Doe, 3 March"


@pytest.mark.parametrize(("entry", "expected"), list(_entries(PREFIX_GROUPS)))
def test_prefix_entry_starts_a_line_of_its_group(entry: str, expected: str) -> None:
    assert kind(_prefixed(entry)) == expected


def test_byline_prefix_needs_a_short_line() -> None:
    short = "By Jane Doe and John Smith"
    assert kind(short) == "byline"
    long_line = "By " + " ".join(["word"] * BYLINE_MAX_WORDS)
    assert kind(long_line) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "By the time the council met on Tuesday, most residents had already left the town "
        "hall, and the vote was taken in an almost empty room.",
        "Par ailleurs, le conseil municipal a voté mardi la fermeture du vieux pont, malgré "
        "les protestations des habitants du quartier.",
        "Von den rund zweihundert Anwohnern, die am Dienstag in den Saal gekommen waren, "
        "stimmten nur wenige für den Abriss der alten Brücke.",
    ],
)
def test_long_sentence_starting_like_a_byline_is_not_a_byline(sentence: str) -> None:
    assert words(sentence) > BYLINE_MAX_WORDS
    assert kind(sentence) is None


def test_prose_mentioning_a_prompt_word_is_not_a_prompt() -> None:
    sentence = (
        "Readers who want a weekly summary of the council's decisions can find one in the "
        "newsletter that the town hall publishes every Friday, which also lists the agendas "
        "of the meetings coming up in the next few weeks and months."
    )
    assert words(sentence) >= 40 > PROMPT_MAX_WORDS
    assert kind(sentence) is None


def test_lines_longer_than_thirty_words_carry_no_phrase_feature() -> None:
    f = _measure("Subscribe " + "word " * 30)
    assert f.phrase is None


@pytest.mark.parametrize(
    "line",
    [
        "The council voted to close the bridge.",
        "Residents were worried.",
        "Related work by other teams was also cited in the report on the bridge.",
        "",
        "   ",
        "»",
    ],
)
def test_ordinary_lines_match_no_group(line: str) -> None:
    assert kind(line) is None


# --- months ----------------------------------------------------------------------------


def _measure(text: str) -> object:
    kwargs: dict[str, object] = {
        "depth": 1, "position": 0.0, "tag_path": "p", "class_tokens": (),
        "in_article": False, "in_boilerplate_tag": False,
    }
    for name, param in inspect.signature(measure).parameters.items():
        if param.kind is param.KEYWORD_ONLY and name not in kwargs:
            kwargs[name] = 0
    return measure(text, "", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "month"), list(_by_language("months")))
def test_month_entry_makes_a_date_line(lang: LanguagePatterns, month: str) -> None:
    assert month in MONTHS
    assert _measure(f"{_capitalised(month)} 3, 2024").date_like  # type: ignore[attr-defined]
    assert _measure(f"3. {month} 2024").date_like  # type: ignore[attr-defined]
    assert _measure(f"{month} 14:30").date_like  # type: ignore[attr-defined]


@pytest.mark.parametrize(("lang", "month"), list(_by_language("months")))
def test_month_without_year_or_clock_is_not_a_date_line(lang: LanguagePatterns, month: str) -> None:
    assert not _measure(f"{_capitalised(month)} is here").date_like  # type: ignore[attr-defined]


# --- stop words ------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "word"), list(_by_language("stopwords")))
def test_stopword_counts_as_stopword(lang: LanguagePatterns, word: str) -> None:
    assert word in STOPWORDS
    f = _measure(f"{_capitalised(word)},")
    assert f.stopword_ratio == 1.0  # type: ignore[attr-defined]


def test_content_words_are_not_stopwords() -> None:
    for word in ("bridge", "council", "brücke", "pont", "puente", "tuesday"):
        assert word not in STOPWORDS


# --- normalising and matching ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("  Latest Stories »", "latest stories"),
        ("### Related:", "related"),
        ("«Lire aussi»", "lire aussi"),
        ("Read  \n more", "read more"),
        ("— Advertisement —", "advertisement"),
        ("ÄHNLICHE ARTIKEL", "ähnliche artikel"),
    ],
)
def test_normalise_line(raw: str, norm: str) -> None:
    assert normalise_line(raw) == norm


def test_match_phrase_exact_and_prefix() -> None:
    phrases = ("see also", "by ")
    assert match_phrase("See also »", phrases) == "see also"
    assert match_phrase("See also the report", phrases) is None
    assert match_phrase("See also the report", phrases, prefix=True) == "see also"
    assert match_phrase("Nothing here", phrases, prefix=True) is None


# --- markup tokens ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tokens"),
    [
        ("relatedPosts", ("related", "posts")),
        ("RelatedPosts", ("related", "posts")),
        ("article-body", ("article", "body")),
        ("entry_content main", ("entry", "content", "main")),
        ("  post__header--big  ", ("post", "header", "big")),
        ("sidebar2 col-md-4", ("sidebar2", "col", "md", "4")),
        ("commentList:item", ("comment", "list", "item")),
        ("h1Title", ("h1", "title")),
        ("", ()),
        ("---", ()),
    ],
)
def test_class_tokens_split(value: str, tokens: tuple[str, ...]) -> None:
    assert class_tokens(value) == tokens


# Markup groups.  `markup.py` is being reshaped from strong/weak/content token sets into
# named group bit masks; `_signal` reads either shape, so the behavioural tests below
# hold for both, and the per-entry tests follow whichever tables exist.


def _signal(value: str) -> tuple[bool, bool]:
    """(names a noise region, names the article) for one class/id value."""
    tokens = class_tokens(value)
    if hasattr(markup, "token_signal"):
        strong, weak, content = markup.token_signal(tokens)
        return strong + weak > 0, content > 0 and strong == 0
    mask = markup.token_groups(tokens)
    content_bit = markup.GROUP_BITS["content"]
    return bool(mask & ~content_bit), bool(mask & content_bit) and not mask & ~content_bit


def _table(name: str) -> list[str]:
    return sorted(getattr(markup, name, ()))


@pytest.mark.parametrize("token", _table("STRONG_NOISE_TOKENS"))
def test_strong_noise_token(token: str) -> None:
    assert markup.token_signal(class_tokens(token))[0] >= 1


@pytest.mark.parametrize("token", _table("NOISE_TOKENS"))
def test_weak_noise_token(token: str) -> None:
    strong, weak, _ = markup.token_signal((token,))
    assert (strong, weak) == (0, 1), "weak token shadowed by a strong one or a prefix"


@pytest.mark.parametrize("token", _table("CONTENT_TOKENS"))
def test_content_token(token: str) -> None:
    assert markup.token_signal((token,)) == (0, 0, 1), "content token shadowed by a noise prefix"


@pytest.mark.parametrize(
    "value",
    [
        "sidebar", "related-posts", "relatedPosts", "shareButtons", "share_buttons",
        "sharebuttons", "comment-list", "commentsArea", "cookie-banner", "newsletterSignup",
        "site-footer", "breadcrumbs", "navbar navbar-expand", "advertisement", "ad-slot",
        "outbrain_widget", "social-links", "trendingNow", "author-bio", "meta",
        "byline", "dateline",
    ],
)
def test_noise_names(value: str) -> None:
    noise, content = _signal(value)
    assert noise and not content


@pytest.mark.parametrize(
    "value",
    ["article-body", "entry-content", "post-content", "storyBody", "main-content", "prose",
     "richtext", "articleBody"],
)
def test_content_names(value: str) -> None:
    noise, content = _signal(value)
    assert content and not noise


@pytest.mark.parametrize(
    "value",
    [
        "css-1x2y3z", "sc-bdVaJa", "jsx-2893482716", "_3kXkz9", "e1k2j3l0",
        "Box-sc-1ot8cx4-0", "styles_root__q9Z1x", "css-79elbk", "x7z8w9", "col-md-8 row",
        "container", "wrapper", "grid", "clearfix", "",
    ],
)
def test_hashed_and_layout_names_are_neutral(value: str) -> None:
    assert _signal(value) == (False, False)


def test_article_with_comments_is_noise_not_content() -> None:
    noise, content = _signal("article-comments")
    assert noise and not content
