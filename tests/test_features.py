"""`extractor.features`: the context-free text measurements of one block."""

from __future__ import annotations

import pytest

from extractor.features import (
    CJK_CHARS_PER_WORD,
    DATE_LINE_MAX_WORDS,
    LINE_WIDTH,
    count_words,
    is_date_line,
    measure,
)
from extractor.patterns import GROUP_BITS
from extractor.types import Features

PROSE = (
    "The council voted on Tuesday to close the old bridge, and residents said they were "
    "worried about the longer drive to the hospital in the next town."
)


def m(text: str, link_text: str = "", **context: object) -> Features:
    """Measure `text` with neutral context: no markup groups, outside any article."""
    kwargs: dict[str, object] = {
        "depth": 3,
        "position": 0.5,
        "tag_path": "body>div>p",
        "class_tokens": (),
        "near_groups": 0,
        "far_groups": 0,
        "in_article": False,
        "in_boilerplate_tag": False,
    }
    kwargs.update(context)
    return measure(text, link_text, **kwargs)  # type: ignore[arg-type]


def test_context_is_passed_through() -> None:
    f = m(
        "x",
        depth=7,
        position=0.25,
        tag_path="article>p",
        class_tokens=("entry",),
        in_article=True,
        in_boilerplate_tag=True,
    )
    assert (f.depth, f.position, f.tag_path, f.class_tokens) == (7, 0.25, "article>p", ("entry",))
    assert f.in_article and f.in_boilerplate_tag


def test_markup_groups_are_passed_through() -> None:
    near = GROUP_BITS["share"]
    far = GROUP_BITS["share"] | GROUP_BITS["content"]
    f = m("x", near_groups=near, far_groups=far)
    assert (f.near_groups, f.far_groups) == (near, far)
    assert (m("x").near_groups, m("x").far_groups) == (0, 0)


def test_word_and_link_counts() -> None:
    f = m("one two three four", "two three")
    assert f.words == 4
    assert f.link_words == 2
    assert f.link_density == 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one two three", 3),
        ("Café crème brûlée", 3),  # accented Latin: one word per token, as ever
        ("서울은 오늘 맑음", 3),  # Korean spaces its words
        ("今天北京天气晴朗", 8 // CJK_CHARS_PER_WORD),  # Chinese: characters, not tokens
        ("東京は晴れ。", -(-5 // CJK_CHARS_PER_WORD)),  # kana count; "。" does not
        ("iPhone15を買った 昨日", 2 + 1),  # 4 CJK characters, then 2 more in a token
        ("ｶﾀｶﾅ", 2),  # half-width katakana
    ],
)
def test_words_of_scripts_written_without_spaces(text: str, expected: int) -> None:
    assert count_words(text, text.split()) == expected
    assert m(text).words == expected


def test_cjk_paragraph_is_many_words_and_its_links_count_alike() -> None:
    text = "记者从文化局获悉，该区计划在明年年底前建成三座社区图书馆。"
    f = m(text, link_text="文化局")
    assert f.words == count_words(text, text.split()) > 10
    assert f.link_words == 2  # three characters, two to a word, rounded up


def test_link_words_never_exceed_words() -> None:
    f = m("short", "a much longer link text than the block")
    assert f.link_words == 1
    assert f.link_density == 1.0


def test_empty_text_has_zero_ratios() -> None:
    f = m("")
    assert f.words == 0
    assert (f.link_density, f.punctuation, f.stopword_ratio, f.capital_ratio) == (0, 0, 0, 0)
    assert f.phrase is None


def test_text_density_is_words_per_wrapped_line() -> None:
    short = m("a b c")
    assert short.text_density == 3.0
    text = ("word " * 40).strip()  # 199 characters -> 3 lines of 80
    assert m(text).text_density == pytest.approx(40 / (len(text) // LINE_WIDTH + 1))


def test_prose_versus_menu() -> None:
    prose = m(PROSE)
    menu = m("Home News Sport Weather Business Culture", "Home News Sport Weather Business Culture")
    assert prose.sentence_end and not menu.sentence_end
    assert prose.stopword_ratio > 0.3 > menu.stopword_ratio
    assert prose.punctuation > menu.punctuation == 0.0
    assert menu.capital_ratio == 1.0 > prose.capital_ratio
    assert menu.link_density == 1.0 and prose.link_density == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It ended.", True),
        ("Did it end?", True),
        ("It ended!", True),
        ('He said "it ended."', True),
        ("Elle a dit «c'est fini.»", True),
        ("It ended…", True),
        ("As follows:", True),
        ("It ended.  ", True),
        ("(It ended.)", True),
        ("Home News Sport", False),
        ("It ended,", False),
        ("3.5", False),
    ],
)
def test_sentence_end(text: str, expected: bool) -> None:
    assert m(text).sentence_end is expected


def test_stopwords_across_languages() -> None:
    assert m("the and of").stopword_ratio == 1.0
    assert m("der und die").stopword_ratio == 1.0
    assert m("le et les").stopword_ratio == 1.0
    assert m("el y los").stopword_ratio == 1.0
    assert m("Zebra Quokka Axolotl").stopword_ratio == 0.0


def test_stopwords_ignore_case_and_edge_punctuation() -> None:
    assert m('"The," (And) Of.').stopword_ratio == 1.0


def test_punctuation_rate() -> None:
    assert m("a, b. c; d").punctuation == pytest.approx(3 / 4)


def test_phrase_only_for_short_lines() -> None:
    assert m("Advertisement").phrase == "placeholder"
    long_line = "Related stories " + "word " * 40
    assert m(long_line).phrase is None


def test_phrase_none_for_prose() -> None:
    assert m(PROSE).phrase is None


@pytest.mark.parametrize(
    "text",
    [
        "March 3, 2024",
        "3 March 2024",
        "Updated 10:45, May 2",
        "12.03.2024",
        "2024-03-12",
        "3/12/24",
        "15. Januar 2024",
        "le 3 février 2023",
        "12 de octubre de 2022",
        "Sept. 9, 2021",
        "Mai 2024",
        "[06月24日 11時30分]",  # Japanese, month and day counters
        "2024年3月12日 10:30",  # Chinese with its year
        "2024년 3월 12일",  # Korean
    ],
)
def test_date_lines(text: str) -> None:
    assert m(text).date_like, text


@pytest.mark.parametrize(
    "text",
    [
        "March on!",  # a month word but no year or clock
        "The year 2024 was long",  # a year but no month
        "Version 10.2 released",
        "Tel. +81 158-23-2012",  # a phone number: no day or month has three digits
        "ISBN 978-1-234-56789-7",  # an ISBN's groups are no date either
        "Ref. 12.345.678",
        PROSE + " It happened on March 3, 2024.",  # too long to be a date line
        "毎月の予定と6月の雨",  # a month counter without a day
    ],
)
def test_not_date_lines(text: str) -> None:
    assert not m(text).date_like, text


def test_date_line_word_limit() -> None:
    base = "March 3, 2024"
    padded_ok = base + " x" * (DATE_LINE_MAX_WORDS - 3)
    padded_long = base + " x" * (DATE_LINE_MAX_WORDS - 2)
    assert m(padded_ok).date_like
    assert not m(padded_long).date_like


def test_is_date_line_directly() -> None:
    assert is_date_line("Jan 5 2020", ["jan", "5", "2020"])
    assert not is_date_line("Jan 5", ["jan", "5"])
