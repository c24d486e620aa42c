"""`extractor.patterns`: every entry group of every noise table is recognised as its group.

Each language table (`en`, `de`, `fr`, `es`) is checked entry by entry, so an entry that
is shadowed by another group (the lookup order in `registry.phrase_kind` decides) fails
here by name.  Known collisions are listed in `KNOWN_COLLISIONS` as strict xfails: when
the table is fixed, the xfail turns into a failure that asks for the entry to be removed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.features import measure
from extractor.patterns import (
    ALL_LANGUAGES,
    STOPWORDS,
    class_tokens,
    markup,
    match_phrase,
    phrase_kind,
    registry,
)
from extractor.patterns.base import LanguagePatterns, normalise_line
from extractor.patterns.registry import (
    _TEASER_DECORATION,
    _TEASER_LABELS,
    _TEASER_TAIL,
    BYLINE_MAX_WORDS,
    MONTHS,
    PROMPT_MAX_WORDS,
    TEASER_TAIL_CHARS,
    ends_teaser,
    has_date,
    mentions_prompt,
)
from extractor.types import Features

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
# (language, group, entry) -> why it is not recognised as its own group.  Empty since
# "comments" left the en placeholders and "click here" the en crosslink prefixes; a new
# collision goes here, with the reason, until the table is fixed.
KNOWN_COLLISIONS: dict[tuple[str, str, str], str] = {}


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


def test_all_languages_registered() -> None:
    languages = sorted(lang.language for lang in ALL_LANGUAGES)
    assert languages == ["de", "en", "es", "fr", "it", "ja", "pl", "pt", "ru", "zh"]


@pytest.mark.parametrize(
    "line", ["Whatsapp Facebook Pin Baixar", "Facebook | Twitter | Email", "Copy link"]
)
def test_row_of_network_names_is_a_share_bar(line: str) -> None:
    assert phrase_kind(line, len(line.split())) == "prompt"


def test_prose_naming_one_network_is_not_a_share_bar() -> None:
    line = "The senator announced the decision on Twitter late on Friday"
    assert phrase_kind(line, len(line.split())) is None


@pytest.mark.parametrize("lang", ALL_LANGUAGES, ids=lambda lang: lang.language)
def test_every_group_is_filled_and_lower_case(lang: LanguagePatterns) -> None:
    for group in (*LINE_GROUPS, *PREFIX_GROUPS, "months"):
        entries = getattr(lang, group)
        assert entries or (group == "months" and not lang.spaced), f"{lang.language}.{group}"
        assert all(e == e.lower() for e in entries), group
        assert len(set(entries)) == len(entries), f"duplicate entry in {lang.language}.{group}"
    assert lang.stopwords or not lang.spaced
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


# --- collisions and whole-word matching (formerly pending bugs 6, 7, 8 and 10) ----------


def test_comments_heading_is_a_comment_heading() -> None:
    # "comments" used to be an en placeholder too, checked first: a "Comments" heading
    # never opened a comment section.
    assert kind("Comments") == "comment-heading"
    assert kind("Comments") not in ("placeholder", None)


def test_click_here_to_is_a_prompt() -> None:
    # "click here" used to be an en crosslink prefix that shadowed the prompt.
    assert kind("Click here to") == "prompt"
    assert kind("Click here to subscribe") == "prompt"


@pytest.mark.parametrize(
    "sentence",
    [
        "The new design in Paris won an award.",  # "sign in"
        "There is a huge backlog in the courts.",  # "log in"
        "She was never a subscriber to that theory.",  # "subscribe"
    ],
)
def test_prompt_phrases_match_whole_words(sentence: str) -> None:
    assert words(sentence) <= PROMPT_MAX_WORDS
    assert kind(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Published research shows the same thing.",
        "Updated maps were handed out to drivers.",
        "Publishedby nobody in particular",  # no word boundary after the prefix
    ],
)
def test_sentence_starting_like_a_one_word_byline_is_not_a_byline(sentence: str) -> None:
    assert not has_date(sentence)
    assert kind(sentence) is None


@pytest.mark.parametrize(
    "line",
    ["Published March 3, 2024", "Updated 12.03.2024", "Veröffentlicht am 3. März 2024",
     "Publicado el 12 de octubre de 2022"],
)
def test_one_word_byline_prefix_with_a_date_is_a_byline(line: str) -> None:
    assert has_date(line)
    assert kind(line) == "byline"


def test_byline_prefix_with_a_date_may_be_long() -> None:
    line = "By " + " ".join(["word"] * BYLINE_MAX_WORDS) + " March 3, 2024"
    assert words(line) > BYLINE_MAX_WORDS
    assert kind(line) == "byline"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3, 2024", True), ("12.03.2024", True), ("2024-03-12", True),
        ("3 de octubre", True), ("March on!", False), ("Version 10.2", False), ("", False),
    ],
)
def test_has_date(text: str, expected: bool) -> None:
    assert has_date(text) is expected


# --- months ----------------------------------------------------------------------------


def _measure(text: str) -> Features:
    return measure(
        text, "", depth=1, position=0.0, tag_path="p", class_tokens=(), near_groups=0,
        far_groups=0, in_article=False, in_boilerplate_tag=False,
    )


@pytest.mark.parametrize(("lang", "month"), list(_by_language("months")))
def test_month_entry_makes_a_date_line(lang: LanguagePatterns, month: str) -> None:
    assert month in MONTHS
    assert _measure(f"{_capitalised(month)} 3, 2024").date_like
    assert _measure(f"3. {month} 2024").date_like
    assert _measure(f"{month} 14:30").date_like


@pytest.mark.parametrize(("lang", "month"), list(_by_language("months")))
def test_month_without_year_or_clock_is_not_a_date_line(lang: LanguagePatterns, month: str) -> None:
    assert not _measure(f"{_capitalised(month)} is here").date_like


# --- stop words ------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "word"), list(_by_language("stopwords")))
def test_stopword_counts_as_stopword(lang: LanguagePatterns, word: str) -> None:
    assert word in STOPWORDS
    f = _measure(f"{_capitalised(word)},")
    assert f.stopword_ratio == 1.0


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


# Markup groups: one bit per named group.  The tables are private; the tests read them
# to check every entry, and pin the behaviour on class names seen in the wild.

GROUP_TABLES = {**markup._GROUPS, markup.CONTENT_GROUP: markup._CONTENT}

# Class/id values written without separators (or camelCased), per group: the group's
# prefixes must catch them after `class_tokens` splitting.
COMPOUNDS: dict[str, tuple[str, ...]] = {
    "navigation": ("breadcrumbtrail", "navbarfixed", "menuitem", "navigationMain", "mainNav"),
    "footer": ("footerlinks", "site-footer", "pageFooter"),
    "header": ("site-header", "page-banner", "siteLogo"),
    "related": ("relatedPosts", "relatedarticles", "recommendedforyou", "trendingNow",
                "popularposts", "outbrainwidget", "taboolafeed"),
    "comments": ("commentlist", "commentsArea", "disqusthread", "comment-respond"),
    "signup": ("newsletterbox", "cookiebar", "newsletterSignup", "cookie-banner"),
    "prompt": ("subscriberonly", "subscriptionwall", "promobox", "paywallOverlay"),
    "share": ("sharebuttons", "shareButtons", "share_buttons", "socialicons", "social-links"),
    "ads": ("advertbox", "sponsoredcontent", "ad-slot", "adsbygoogle"),
    "sidebar": ("sidebarleft", "widgetarea", "sidebar-widget"),
    "author": ("authorbox", "author-bio", "authorInfo"),
    "meta": ("post-meta", "entry-date", "article-tags"),
    "media": ("wp-caption", "image-credit", "photoGallery"),
    "hidden": ("visually-hidden", "sronly", "is-collapsed"),
    "title": ("entry-title", "article-headline", "storyKicker"),
    "content": ("articleBody", "articlebody", "storytext", "contentwrapper", "entry-content"),
}


def _mask(value: str) -> int:
    return markup.token_groups(class_tokens(value))


def _signal(value: str) -> tuple[bool, bool]:
    """(names a noise region, names the article) for one class/id value."""
    mask = _mask(value)
    content_bit = markup.GROUP_BITS["content"]
    noise = bool(mask & ~content_bit)
    return noise, bool(mask & content_bit) and not noise


def test_group_names_and_bits() -> None:
    assert (*markup._GROUPS, "content") == markup.GROUP_NAMES
    assert set(COMPOUNDS) == set(markup.GROUP_NAMES)
    bits = [markup.GROUP_BITS[name] for name in markup.GROUP_NAMES]
    assert set(markup.GROUP_BITS) == set(markup.GROUP_NAMES)
    assert all(b > 0 and b & (b - 1) == 0 for b in bits), "one bit per group"
    assert len(set(bits)) == len(bits)
    for name, bit in markup.GROUP_BITS.items():
        assert markup.group_names(bit) == (name,)
    assert markup.group_names(0) == ()
    assert markup.group_names(sum(bits)) == markup.GROUP_NAMES
    assert markup.token_groups(()) == 0


@pytest.mark.parametrize("group", markup.GROUP_NAMES)
def test_group_tokens_and_prefixes(group: str) -> None:
    bit = markup.GROUP_BITS[group]
    exact, prefixes = GROUP_TABLES[group]
    assert exact, f"group {group} names no token"
    for token in sorted(exact):
        assert token == token.lower() and token.isalnum(), token
        assert class_tokens(token) == (token,), "a table token must survive splitting"
        got = markup.token_groups((token,))
        assert got == bit, f"{token!r} -> {markup.group_names(got)}, not only {group}"
    for prefix in prefixes:
        got = markup.token_groups((prefix + "box",))
        assert got & bit, f"prefix {prefix!r} does not catch {prefix + 'box'!r}"
    for value in COMPOUNDS[group]:
        got = _mask(value)
        assert got & bit, f"{value!r} -> {markup.group_names(got)}, missing {group}"


def test_no_token_belongs_to_two_groups() -> None:
    seen: dict[str, str] = {}
    for group, (exact, _) in GROUP_TABLES.items():
        for token in exact:
            assert token not in seen, f"{token!r} in {seen.get(token)} and {group}"
            seen[token] = group


def test_prefix_only_applies_at_the_start_of_a_token() -> None:
    assert _mask("mainmenu") == 0
    assert _mask("mynewsletter") == 0
    assert _mask("reshare") == 0


def test_several_groups_in_one_value() -> None:
    mask = _mask("article-comments share-bar")
    assert markup.group_names(mask) == ("comments", "share", "content")


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
    assert _mask(value) == markup.GROUP_BITS["content"]


@pytest.mark.parametrize(
    "value",
    [
        "css-1x2y3z", "sc-bdVaJa", "jsx-2893482716", "_3kXkz9", "e1k2j3l0",
        "Box-sc-1ot8cx4-0", "styles_root__q9Z1x", "css-79elbk", "x7z8w9", "col-md-8 row",
        "container", "wrapper", "grid", "clearfix", "",
    ],
)
def test_hashed_and_layout_names_are_neutral(value: str) -> None:
    assert _mask(value) == 0
    assert _signal(value) == (False, False)


def test_article_with_comments_is_noise_not_content() -> None:
    noise, content = _signal("article-comments")
    assert noise and not content


@pytest.mark.parametrize(
    "line",
    [
        "The cracked seaward wall that closed the pool in 1989 Photo: Jane Roe",
        "Protesters have worn masks to protect their identities (Image: Getty)",
        "The frame after stripping. Photograph: Ines Marlow",
        "Gulls over the harbour wall at dawn. © Jane Roe / Harbour Press",
        "© Press office | John Doe",
        "Snow clearing on the pavement © Jane Roe/photo-agency.test",
        # the sign glued to the caption's last word, and a long agency name after it
        "The pasture after a night of fog© Jane Roe/photo-agency.test",
        "© Press and Information Office of the Harbour Council | Jane Roe",
        # a bracketed credit before the line's full stop
        "The mayor at the opening of the new pier (Foto: Jane Roe/Pool via Agency).",
        # a lower-case label after a comma, plural and other credit words
        "Jane Roe, photo: Archives of the city council",
        "Crédits photos : Agence Test",
        "Titelbild: Jane Roe/Harbour Press",
        "Fotos: Jane Roe",
    ],
)
def test_caption_ending_in_a_credit(line: str) -> None:
    assert phrase_kind(line, len(line.split())) == "credit"


@pytest.mark.parametrize(
    "line",
    [
        "Abbildung 4: Die Schwachschicht unter dem Triebschnee. Sie bricht zuerst.",
        "Fig. 2: The harbour wall after the storm",
        "Figure 12a: Water levels at the pier, 1990-2020",
        "Abb. 3: Aufbau der Messstation",
    ],
)
def test_figure_label_opens_a_caption(line: str) -> None:
    assert phrase_kind(line, len(line.split())) == "credit"


@pytest.mark.parametrize("line", ["Kontakt:", "Kontakt", "KONTAKT"])
def test_contact_label_alone_is_a_placeholder(line: str) -> None:
    assert phrase_kind(line, len(line.split())) == "placeholder"


@pytest.mark.parametrize(
    "line",
    [
        "She kept the photo of her grandfather on the desk for years.",
        "Photos of the event are available from the town hall.",
        "As the survey showed. Figure 3 shows the result of the second run",
        "The figure: a man in a hat, standing by the pier",
        "He said (see photo) that the wall had been repaired.",
    ],
)
def test_prose_mentioning_a_photo_is_not_a_credit(line: str) -> None:
    assert phrase_kind(line, len(line.split())) is None


_ENTRIES = sorted(
    {
        p
        for lang in ALL_LANGUAGES
        for group in (
            lang.related_headings, lang.comment_headings, lang.placeholder_lines,
            lang.prompt_phrases, lang.byline_prefixes, lang.crosslink_prefixes,
        )
        for p in group
    }
)
_FILLER = [
    "The", "council", "met", "12", "May", "2024", "Photo", "Getty", "and", "you", "by",
    "Photograph: Jane Doe", "(Image: Getty)", "Фото: ТАСС", "Crédit : AFP", "3 comments",
    "© Jane Roe", "at dawn. © Harbour Press", "©",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_ENTRIES).map(str.title),
            st.sampled_from(_ENTRIES),
            st.sampled_from(_FILLER),
            st.sampled_from([":", " :", ".", "(", ")", "»", "—", "|", "©", "\n"]),
            st.text(max_size=6),
        ),
        max_size=8,
    ).map(" ".join)
)
def test_the_trigger_word_check_never_changes_a_verdict(line: str) -> None:
    # `_may_match` only skips work: with it always saying yes, every verdict is the same.
    words = len(line.split())
    expected = phrase_kind(line, words)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(registry, "_may_match", lambda text, tokens, words: True)
        assert phrase_kind(line, words) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Weitere Informationen:", "placeholder"),
        ("TOP THEMEN", "related-heading"),
        ("Alle Angaben ohne Gewähr.", "prompt"),
        ("(Noch keine Bewertungen)", "prompt"),
        ("« Zurück zur Übersicht", "prompt"),
        ("Zurück zu allen Meldungen", "prompt"),
        ("Kontakt:", "placeholder"),
        ("Weitere aktuelle Themen aus der Arbeitswelt", "related-heading"),
        ("Das Thema könnte dich auch interessieren:", "related-heading"),
        ("Dowiedz się więcej: Kto jak głosował w sprawie budżetu?", "crosslink"),
    ],
)
def test_german_site_furniture_labels(line: str, expected: str) -> None:
    assert kind(line) == expected


def test_german_furniture_words_in_prose_are_not_furniture() -> None:
    line = "Weitere Informationen rund um das Thema finden Leser im zweiten Teil der Serie."
    assert kind(line) is None


@pytest.mark.parametrize(
    "line", ["4 Min Read", "5 min. Lesezeit", "11 minut czytania", "3 min de lecture"]
)
def test_reading_time_labels_are_furniture(line: str) -> None:
    assert kind(line) == "prompt"


# --- filing lines: tags and categories at any length -----------------------------------

_LONG_TAG_LIST = ", ".join(f"topic{n} news" for n in range(30))  # 60 words


@pytest.mark.parametrize(("lang", "entry"), list(_by_language("taxonomy_prefixes")))
def test_taxonomy_prefix_opens_a_filing_line_of_any_length(
    lang: LanguagePatterns, entry: str
) -> None:
    line = f"  {_capitalised(entry)} {_LONG_TAG_LIST}"
    assert registry.is_taxonomy_line(line), lang.language
    assert entry == entry.lower()


def test_taxonomy_label_with_french_spaced_colon() -> None:
    assert registry.is_taxonomy_line("Mots-clés : élections, Sénat, budget, réforme")


def test_wordpress_entry_footer_is_a_filing_line() -> None:
    line = (
        "This entry was posted on Monday, March 4th, 2024 at 9:12 am and is filed under "
        "Gardening, Soil. You can follow any responses to this entry through the RSS 2.0 "
        "feed. You can leave a response, or trackback from your own site."
    )
    assert registry.is_taxonomy_line(line)


@pytest.mark.parametrize(("lang", "entry"), list(_by_language("notice_phrases")))
def test_notice_phrase_opens_a_notice_of_any_length(lang: LanguagePatterns, entry: str) -> None:
    line = f"  {_capitalised(entry)} {_LONG_TAG_LIST}"
    assert registry.is_notice_line(line), lang.language
    assert entry == entry.lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "This page is about the history of the harbour and its lighthouse keepers.",
        "JavaScript is a language that most web browsers run.",
        "Your browser history is stored on the device until you clear it.",
    ],
)
def test_prose_about_browsers_is_not_a_notice(sentence: str) -> None:
    assert not registry.is_notice_line(sentence)


def test_german_wordpress_entry_footer_is_a_filing_line() -> None:
    line = (
        "Dieser Beitrag wurde am Montag, den 4. März 2024 um 9:12 Uhr veröffentlicht und "
        "wurde unter Garten, Boden, Kompost, Beete, Frühjahr, Aussaat, Gemüse, Kräuter, "
        "Obst, Hochbeet abgelegt. Sie können die Kommentare zu diesem Eintrag durch den "
        "RSS 2.0 Feed verfolgen."
    )
    assert registry.is_taxonomy_line(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "Filed under seal in March, the complaint names three former directors of the firm.",
        "Tagged birds were released on the island and tracked for the rest of the season.",
        "The categories: fiction, poetry and essays, each judged by a different panel.",
        "Tagsmith is a small company that prints labels for the town's market stalls.",
    ],
)
def test_prose_starting_like_a_filing_label_is_not_a_filing_line(sentence: str) -> None:
    assert not registry.is_taxonomy_line(sentence)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Enjoyed this story? Then sign up for our weekly newsletter.", True),
        ("Lust auf mehr? Abonnieren Sie unseren Newsletter.", True),
        ("We want to hear what you think. Submit a letter to the editor.", True),
        ("The company continued to win subscribers all year.", False),
        ("There is a huge backlog in the courts.", False),
        ("For the latest news updates download our apps for iOS and Android.", True),
        ("Bei Fragen zu diesem Artikel können Sie hier mit uns in Kontakt treten.", True),
        ("¡Mira lo que tiene nuestro canal de YouTube!", True),
        ("Zapraszamy też do subskrypcji naszego tygodnika i do odwiedzin strony.", True),
        ("The app runs on phones with iOS, and an Android version is planned.", False),
        ("Die Firma nahm 1990 Kontakt zu den Behörden auf.", False),
    ],
)
def test_mentions_prompt_finds_a_phrase_anywhere(text: str, found: bool) -> None:
    assert mentions_prompt(text) is found


# --- class/id names that only look like noise -------------------------------------------


@pytest.mark.parametrize("value", ["skip-main", "skip-content", "skiplinks"])
def test_skip_link_names_are_not_navigation(value: str) -> None:
    # `main#skip-main` is the target of a "Skip to main content" link: the content.
    assert not _mask(value) & markup.GROUP_BITS["navigation"]


@pytest.mark.parametrize(
    "value",
    [
        "nav_nur_die_folie_bleibt__1",  # German
        "nav-pour-les-enfants-du-quartier",  # French
        "nav_los_precios_del_alquiler",  # Spanish
        "sharing-with-a-single-developer",  # English, as before
    ],
)
def test_anchor_ids_made_from_headings_name_nothing(value: str) -> None:
    assert class_tokens(value) == ()
    assert _mask(value) == 0


@pytest.mark.parametrize(
    "value",
    ["et_pb_menu_inner_container", "site-nav-de-mobile-menu", "www-example-com-share-bar"],
)
def test_developer_names_with_short_foreign_words_are_not_slugs(value: str) -> None:
    # Page builders' abbreviations ("et_pb") and two-letter words are no function words.
    assert class_tokens(value) != ()
    assert _mask(value) != 0


# --- teaser link labels -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ALL_LANGUAGES, ids=lambda lang: lang.language)
def test_every_language_has_teaser_tails(lang: LanguagePatterns) -> None:
    assert lang.teaser_tails
    assert all(t == t.lower() and t.strip() == t for t in lang.teaser_tails)
    assert len(set(lang.teaser_tails)) == len(lang.teaser_tails)


@pytest.mark.parametrize(("lang", "entry"), list(_by_language("teaser_tails")))
def test_teaser_tail_recognised_after_a_summary(lang: LanguagePatterns, entry: str) -> None:
    del lang
    summary = "The council voted to rebuild the harbour wall."
    assert ends_teaser(f"{summary} {_capitalised(entry)}")
    assert ends_teaser(f"{summary} {entry}... ")
    assert ends_teaser(f"{summary} [{_capitalised(entry)}]")
    assert ends_teaser(f"{summary} {entry} »")
    assert ends_teaser(f"{summary} {entry} →")


@pytest.mark.parametrize(
    "line",
    [
        "The council voted to rebuild the harbour wall.",
        "Replies in this thread",  # ends in "read" only inside a word
        "Read more about the harbour wall in the council minutes.",  # label not at the end
        "Details zum Artikel",
        "",
    ],
)
def test_lines_without_a_teaser_tail(line: str) -> None:
    assert not ends_teaser(line)


@given(
    st.lists(
        st.sampled_from([*_TEASER_LABELS, "read", "more", "x", " ", ".", "»", "thread", "…"]),
        max_size=8,
    ).map("".join)
)
@settings(max_examples=300, deadline=None)
def test_teaser_label_prefilter_changes_no_verdict(text: str) -> None:
    # `ends_teaser` asks `endswith` before the regex; the regex alone is the definition.
    tail = text[-TEASER_TAIL_CHARS:].lower().rstrip(_TEASER_DECORATION)
    assert ends_teaser(text) == (_TEASER_TAIL.search(tail) is not None)


# Words that glue prompt key words into phrases and near-phrases.
STOPWORDS_SAMPLE = ("up", "for", "our", "the", "to", "a", "us", "on", "sign", "and", "in")


def _alternation_start(norm: str) -> int | None:
    found = registry._PROMPTS.search(norm)
    return None if found is None else found.start()


@pytest.mark.parametrize("phrase", sorted(set(registry._PROMPT_PHRASES)))
def test_prompt_start_is_where_the_alternation_matches(phrase: str) -> None:
    # `_prompt_start` searches only the phrases whose words the line holds, each alone;
    # it must find what the one alternation of all phrases finds, at the same place.
    for line in (
        phrase,
        f"before it, {phrase}",
        f"{phrase} and after",
        f"x{phrase}",
        f"{phrase}x",
        f"re{phrase} no {phrase}",
        phrase.replace(" ", "-"),
    ):
        norm = normalise_line(line)
        tokens = registry._WORDS.findall(line.lower())
        assert registry._prompt_start(norm, tokens) == _alternation_start(norm), line


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*STOPWORDS_SAMPLE, *registry._PROMPT_KEYS]), max_size=12))
def test_prompt_start_on_word_salad(words_: list[str]) -> None:
    line = " ".join(words_)
    norm = normalise_line(line)
    tokens = registry._WORDS.findall(line.lower())
    assert registry._prompt_start(norm, tokens) == _alternation_start(norm)


# --- consent, paywall and link-out lines (trafilatura-eval leaks) ------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Polish cookie notices in the everyday word ("cookies"), not only "pliki cookie"
        ("Zachęcamy do regularnych odwiedzin. Informujemy, że korzystamy z cookies.", "prompt"),
        ("Na tej stronie używamy cookies.", "prompt"),
        # "read more in the online edition of ...": a link out to the rest of the story
        ('CZYTAJ WIĘCEJ W INTERNETOWYM WYDANIU "GAZETY MIEJSKIEJ">>>', "crosslink"),
        # German site furniture
        ("Zurück zum Newsroom", "prompt"),
        ("Dieses Skript als PDF herunterladen", "prompt"),
        ("Was sind Cookies?", "prompt"),
        ("Lesen Sie hier einen weiteren spannenden Beitrag …", "crosslink"),
        ("Quellen ausblenden", "placeholder"),
        ("ERSCHIENEN IN", "placeholder"),
        ("Wir nutzen Cookies, um unsere Website zu verbessern.", "prompt"),
        # English paywall offers and app promotions
        ("Instant access to the full article PDF.", "prompt"),
        ("Immediate online access to all issues from 2024. Subscription will auto renew "
         "annually.", "prompt"),
        ("Get the latest news straight to your phone with the Harbour Times app.", "prompt"),
        # a chat widget's invitation, set in the header box where a lead would stand
        ("Chat with us in Facebook Messenger. Find out what's happening in the world as it "
         "unfolds.", "prompt"),
        ("Chat with us on WhatsApp", "prompt"),
    ],
)
def test_consent_paywall_and_link_out_lines(line: str, expected: str) -> None:
    assert kind(line) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # prose that uses the same words is not furniture
        "Po powrocie do domu czytaj więcej książek niż wcześniej, radzi psycholog z Krakowa.",
        "Reporters rarely get the latest news first: the agencies are faster than any paper.",
        "Researchers were given access to the archive for the first time in forty years.",
        "The islanders who chat with us at the pier every morning say the ferry is late again.",
    ],
)
def test_prose_with_consent_or_paywall_words_is_not_furniture(sentence: str) -> None:
    assert kind(sentence) is None


def test_embedded_post_consent_notice_is_a_notice_at_any_length() -> None:
    line = (
        "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis "
        "keine Verbindung zu einem sozialen Netzwerk her. Hier kannst du deine Einstellungen "
        "verwalten, um eine Verbindung zu den Social-Media-Kanälen herzustellen."
    )
    assert registry.is_notice_line(line)
    assert not registry.is_notice_line("Wir respektieren die Entscheidung des Gerichts.")


# --- server diagnostics ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Warning: Creating default object from empty value in /www/htdocs/wp-includes/"
        "classes.php on line 407",
        "Strict Standards: Non-static method Gallery::option() should not be called "
        "statically in /var/www/plugins/gallery/functions.php on line 736",
        "  Deprecated: preg_replace(): The /e modifier is deprecated, use "
        "preg_replace_callback instead in /srv/site/formatting.php on line 82",
        "Notice: Undefined index: id in C:\\xampp\\htdocs\\index.php on line 5",
        "PHP Fatal error: Uncaught Error: Call to undefined function mysql_connect() in "
        "/var/www/db.php:12 Stack trace: #0 {main} thrown in /var/www/db.php on line 12",
        # several in a row, in one block
        "Warning: Cannot modify header information in /a/b.php on line 3 "
        "Warning: session_start() failed in /a/c.php on line 9",
    ],
)
def test_server_diagnostic_is_labelled(line: str) -> None:
    assert registry.opening_label(line) == "diagnostic"


@pytest.mark.parametrize(
    "line",
    [
        "Warning: spoilers ahead for the last episode of the season.",
        "Notice: the office is closed on line 4 days a year.",
        "Warning: the river path in Lower Town floods in spring, walkers report.",
        "Deprecated: the old API still works but will be removed in /v2 on line 3 of the plan",
        "Parse the file in /tmp on line 3",
    ],
)
def test_warnings_in_prose_are_not_diagnostics(line: str) -> None:
    assert registry.opening_label(line) is None
