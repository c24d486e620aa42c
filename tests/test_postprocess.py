"""`extractor.postprocess`: headline removal, de-duplication, edge trimming, author boxes."""

from __future__ import annotations

import re

import pytest
from helpers import P1, P2, segment_body
from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor.postprocess import (
    _TYPOGRAPHIC_MARKS,
    KEY_HEAD,
    KEY_HEAD_TEXT,
    key_head,
    postprocess,
    text_key,
)
from extractor.segment import Segmentation
from extractor.select import Selection
from extractor.tuning import (
    APPEAL_MAX_WORDS,
    AUTHOR_BOX_MAX_BLOCKS,
    DEDUP_MIN_CHARS,
    DEDUP_SAME_FLOW_MAX_WORDS,
    EDGE_MAX_WORDS,
    REPEATED_TEASER_MAX_PROBABILITY,
)
from extractor.types import Block


def seg_of(body: str) -> Segmentation:
    return segment_body(body, max_blocks=1000)


def container(seg: Segmentation, label: str) -> int:
    """The id of the container labelled `label` (`tag#id.class`)."""
    found = [c.id for c in seg.containers if c.label == label]
    assert len(found) == 1, [c.label for c in seg.containers]
    return found[0]


def process(
    body: str,
    title: str = "",
    kept: list[bool] | None = None,
    region: str | None = None,
    probability: float = 0.5,
) -> tuple[tuple[Block, ...], Selection]:
    """Post-process with every block (or `kept`) selected, in `region` (default <body>),
    every block scored `probability`."""
    seg = seg_of(body)
    blocks = seg.blocks
    flags = tuple(kept) if kept is not None else (True,) * len(blocks)
    cid = container(seg, region) if region else 0
    selection = Selection(region=cid, kept=flags, reasons=tuple(() for _ in blocks))
    out = postprocess(seg, selection, title, [probability] * len(blocks))
    assert len(out.kept) == len(out.reasons) == len(blocks)
    assert out.region == cid
    return blocks, out


def run(
    body: str, title: str = "", kept: list[bool] | None = None, region: str | None = None
) -> list[str]:
    """The texts still kept after post-processing."""
    blocks, out = process(body, title, kept, region)
    return [b.text for b, k in zip(blocks, out.kept) if k]


def reasons(body: str, title: str = "", region: str | None = None) -> list[tuple[str, ...]]:
    return list(process(body, title, region=region)[1].reasons)


def test_text_key() -> None:
    assert text_key("Hello, World!  ") == "helloworld"
    assert text_key("  hello world") == text_key("HELLO—WORLD")
    assert text_key("___") == ""


def test_nothing_to_do_keeps_everything() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p>") == [P1, P2]


def test_never_revives_dropped_blocks() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p>", kept=[False, True]) == [P2]


def test_duplicate_paragraph_keeps_first() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p><p>{P1}</p>") == [P1, P2]
    why = reasons(f"<p>{P1}</p><p>{P2}</p><p>{P1}</p>")[2]
    assert why == ("dropped: repeats block 0",)


def test_duplicate_ignores_case_spacing_and_punctuation() -> None:
    variant = P1.upper().replace(",", "").replace(" ", "  ")
    assert run(f"<p>{P1}</p><p>{P2}</p><p>{variant}</p>") == [P1, P2]


def test_dropped_first_copy_does_not_drop_second() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p><p>{P1}</p>", kept=[False, True, True]) == [P2, P1]


def test_short_repeats_are_not_deduplicated() -> None:
    short = "Yes, it is."  # fewer than DEDUP_MIN_CHARS word characters
    assert len(text_key(short)) < DEDUP_MIN_CHARS
    assert run(f"<p>{P1}</p><p>{short}</p><p>{P2}</p><p>{short}</p><p>{P1[:60]}x</p>") == [
        P1, short, P2, short, P1[:60] + "x",
    ]


def test_headline_copy_removed() -> None:
    title = "Bridge to close after council vote"
    assert run(f"<h1>{title}</h1><p>{P1}</p><p>{P2}</p>", title=title) == [P1, P2]
    assert reasons(f"<h1>{title}</h1><p>{P1}</p>", title)[0] == (
        "dropped: the headline, reported as the title",
    )


def test_headline_copy_as_paragraph_and_with_different_case() -> None:
    title = "Bridge to close after council vote"
    body = f"<p class='kicker'>News</p><h2>BRIDGE to close after council vote!</h2><p>{P1}</p>"
    assert run(body, title=title) == ["News", P1]


def test_headline_text_later_in_body_is_kept() -> None:
    title = "Bridge to close"
    body = f"<p>{P1}</p><h2>Bridge to close</h2><p>{P2}</p>"
    assert run(body, title=title) == [P1, "Bridge to close", P2]


def test_no_title_removes_no_subheading() -> None:
    assert run(f"<h2>Background</h2><p>{P1}</p>", title="") == ["Background", P1]


def test_opening_h1_is_the_headline_even_unlike_the_title() -> None:
    # <title> is often an SEO variant; the <h1> that opens the text is the headline.
    assert run(f"<h1>Headline</h1><p>{P1}</p>", title="") == [P1]
    assert run(f"<h1>Council votes</h1><p>{P1}</p>", title="Bridge news") == [P1]


def test_heading_mostly_made_of_title_words_is_the_headline() -> None:
    title = "Council votes to close the old bridge - Town Gazette"
    assert run(f"<h2>Council votes to close old bridge</h2><p>{P1}</p>", title=title) == [P1]


def test_leading_byline_and_date_trimmed() -> None:
    body = f"<p>By Jane Doe</p><p>March 3, 2024</p><p>{P1}</p><p>{P2}</p>"
    assert run(body) == [P1, P2]


def test_trailing_furniture_trimmed() -> None:
    body = (
        f"<p>{P1}</p><p>{P2}</p><p>Updated March 4, 2024</p><p>Share this article</p>"
        "<p>Tags: bridges, council</p><p>Read more: the budget</p><p>Advertisement</p>"
    )
    assert run(body) == [P1, P2]


def test_trailing_heading_trimmed() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p><h2>Background</h2>") == [P1, P2]
    assert run(f"<p>{P1}</p><h2>More</h2><h3>Even more</h3>") == [P1]


def test_leading_heading_is_kept() -> None:
    assert run(f"<h2>Background</h2><p>{P1}</p>") == ["Background", P1]


def test_furniture_in_the_middle_is_not_trimmed() -> None:
    body = f"<p>{P1}</p><p>By the way</p><p>March 3, 2024</p><p>{P2}</p>"
    assert run(body) == [P1, "By the way", "March 3, 2024", P2]


def test_long_edge_lines_are_not_trimmed() -> None:
    long_byline = "By " + " ".join(["word"] * (EDGE_MAX_WORDS + 2)) + "."
    assert run(f"<p>{long_byline}</p><p>{P1}</p>") == [long_byline, P1]


def test_everything_furniture_leaves_nothing() -> None:
    assert run("<p>By Jane Doe</p><p>March 3, 2024</p><h2>Title</h2>") == []


# --- author boxes: a small box named for the author closing the text is a bio -----------

BIO = (
    "Jane Doe has covered the council, its budgets and its bridges for the paper since "
    "2010, and lives in the next town over with her two dogs."
)


def test_trailing_author_box_trimmed() -> None:
    body = (
        f"<div id='story'><p>{P1}</p><p>{P2}</p>"
        f"<div class='author-bio'><p>Jane Doe</p><p>{BIO}</p></div></div>"
    )
    assert run(body, region="div#story") == [P1, P2]
    why = reasons(body, region="div#story")
    assert why[3] == ("dropped: furniture at the end of the text",)


def test_author_box_just_under_the_size_limit_is_trimmed() -> None:
    lines = "".join(f"<p>{BIO} ({i})</p>" for i in range(AUTHOR_BOX_MAX_BLOCKS))
    body = f"<div id='story'><p>{P1}</p><div class='author'>{lines}</div></div>"
    assert run(body, region="div#story") == [P1]


def test_large_author_container_is_a_layout_wrapper_not_a_bio() -> None:
    lines = "".join(f"<p>{BIO} ({i})</p>" for i in range(AUTHOR_BOX_MAX_BLOCKS + 1))
    body = f"<div id='story'><p>{P1}</p><div class='author'>{lines}</div></div>"
    assert run(body, region="div#story") == [P1] + [
        f"{BIO} ({i})" for i in range(AUTHOR_BOX_MAX_BLOCKS + 1)
    ]


def test_author_box_that_is_the_region_is_kept() -> None:
    # The site named the article itself "author...": that names the article, not a box in it.
    body = f"<div class='author-page'><p>{P1}</p><p>{BIO}</p></div>"
    assert run(body, region="div.author-page") == [P1, BIO]


def test_author_box_in_the_middle_is_kept() -> None:
    body = (
        f"<div id='story'><p>{P1}</p><div class='author-bio'><p>{BIO}</p></div>"
        f"<p>{P2}</p></div>"
    )
    assert run(body, region="div#story") == [P1, BIO, P2]


def test_author_box_outside_the_region_is_not_trimmed_by_this_rule() -> None:
    body = f"<div id='story'><p>{P1}</p></div><div class='author-bio'><p>{BIO}</p></div>"
    assert run(body, region="div#story") == [P1, BIO]


def test_dropped_trailing_paragraph_exposes_author_box() -> None:
    # The rule looks at the last *kept* block.
    body = (
        f"<div id='story'><p>{P1}</p><div class='author-bio'><p>{BIO}</p></div>"
        f"<p>{P2}</p></div>"
    )
    assert run(body, kept=[True, True, False], region="div#story") == [P1]


# --- an appeal closing the text ----------------------------------------------------------

APPEAL = (
    "We want to hear what you think about this story. Submit a letter to the editor "
    "using the form on our contact page."
)


def test_closing_appeal_with_a_prompt_phrase_inside_is_trimmed() -> None:
    # Too long, and not opening with the phrase, for the short-line prompt rule.
    assert run(f"<p>{P1}</p><p>{APPEAL}</p>") == [P1]
    why = reasons(f"<p>{P1}</p><p>{APPEAL}</p>")
    assert why[1] == ("dropped: furniture at the end of the text",)


def test_appeals_are_trimmed_only_at_the_end() -> None:
    assert run(f"<p>{APPEAL}</p><p>{P1}</p>") == [APPEAL, P1]
    assert run(f"<p>{P1}</p><p>{APPEAL}</p><p>{P2}</p>") == [P1, APPEAL, P2]


def test_long_closing_paragraph_mentioning_a_prompt_is_prose() -> None:
    long = APPEAL + " " + " ".join(["More words about the story itself."] * 4)
    assert len(long.split()) > APPEAL_MAX_WORDS
    assert run(f"<p>{P1}</p><p>{long}</p>") == [P1, long]


def test_closing_line_without_a_prompt_phrase_is_kept() -> None:
    last = "The council will meet again in the spring to hear what residents think."
    assert run(f"<p>{P1}</p><p>{last}</p>") == [P1, last]


# --- whole-word phrases at the edges (formerly pending bug 8) ---------------------------


def test_last_sentence_with_prompt_word_inside_a_word_is_not_trimmed() -> None:
    last = "There is a huge backlog in the courts."  # contains "log in", not the words
    assert run(f"<p>{P1}</p><p>{P2}</p><p>{last}</p>") == [P1, P2, last]


def test_last_sentence_of_article_not_trimmed_as_prompt_end_to_end() -> None:
    last = "There is a huge backlog in the courts."
    html = f"<html><body><article><p>{P1}</p><p>{P2}</p><p>{last}</p></article></body></html>"
    control = html.replace("backlog in", "queue at")
    assert "queue at" in extractor.extract(control).text  # kept without the word
    assert last in extractor.extract(html).text


def test_end_to_end_edges_and_headline() -> None:
    html = (
        "<html><head><title>Bridge to close | Example News</title></head><body><article>"
        f"<h1>Bridge to close</h1><p>By Jane Doe</p><p>{P1}</p><p>{P2}</p><p>{P1}</p>"
        "<h2>Related</h2></article></body></html>"
    )
    article = extractor.extract(html)
    assert article.title == "Bridge to close"
    assert article.text == f"{P1}\n\n{P2}"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_key_is_the_regex_one(text: str) -> None:
    # ASCII text takes a byte-table shortcut; it must agree with the general rule.
    assert text_key(text) == re.sub(r"[\W_]+", "", text).lower()


@given(st.text())
def test_text_key_is_the_regex_one(text: str) -> None:
    # Other text goes through the byte table first, then the regex on what is left.
    assert text_key(text) == re.sub(r"[\W_]+", "", text).lower()


@pytest.mark.parametrize(
    "text",
    [
        "“Quoted” — said İstanbul’s mayor…",
        "Наши герои знают толк",
        "x\ud800y_٣",
        "‘’",
        "«Ça» – c’est l’été… • © 2024 · Straße „Grüße“",
        "Prix : 12 € § 3 ™",  # marks left to the regex
    ],
)
def test_text_key_of_non_ascii_text(text: str) -> None:
    assert text_key(text) == re.sub(r"[\W_]+", "", text).lower()


@given(st.lists(st.sampled_from([*_TYPOGRAPHIC_MARKS, "a", "É", "ß", " ", "_", "5", "€"])))
def test_text_key_deleting_typographic_marks_is_the_regex_one(parts: list[str]) -> None:
    text = "é" + "".join(parts)  # non-ASCII: the path that deletes the marks
    assert text_key(text) == re.sub(r"[\W_]+", "", text).lower()


@given(st.lists(st.sampled_from(["a", "B", "7", "_", " ", ",", "’", "Σ", "σ", "İ", "ʰ", "ß"])))
def test_key_head_starts_the_key(parts: list[str]) -> None:
    text = "".join(parts)
    assert key_head(text) == text_key(text)[:KEY_HEAD]


def test_key_head_of_a_capital_sigma_reads_what_follows_it() -> None:
    # Its lower case is final or not by the letter after it, past the first characters.
    text = "a" * (KEY_HEAD - 1) + "Σ" + "," * (KEY_HEAD_TEXT - KEY_HEAD) + "a"
    assert text_key(text[:KEY_HEAD_TEXT])[:KEY_HEAD] != text_key(text)[:KEY_HEAD]
    assert key_head(text) == text_key(text)[:KEY_HEAD]


def test_paragraph_printed_twice_long_after_the_same_opening() -> None:
    # Paragraphs whose keys share their heads are told apart by their whole keys.
    opening = (
        "The council met on Tuesday evening to discuss the budget for next year, and after "
        "a long debate that ran past midnight it "
    )
    first, second = opening + "agreed to raise taxes.", opening + "agreed to cut spending."
    assert key_head(first) == key_head(second) and text_key(first) != text_key(second)
    body = f"<p>{first}</p><p>{second}</p><p>{P1}</p><p>{first.upper()}</p>"
    assert run(body) == [first, second, P1]


def test_typographic_marks_are_not_word_characters() -> None:
    # Deleting them early is only a shortcut if the regex would delete them too.
    assert all(re.fullmatch(r"[\W_]", mark) for mark in _TYPOGRAPHIC_MARKS)


def test_long_heading_closing_the_text_is_prose_not_a_dangling_title() -> None:
    prose = "Entries are open to children aged six to twelve until the third of April this year."
    assert len(prose.split()) > EDGE_MAX_WORDS
    body = f"<p>{P1}</p><h3>{prose}</h3><h3>Send your poster</h3>"
    assert run(body) == [P1, prose]


TEASER = (
    '<a href="/story">Minister signs the new budget after weeks of talks</a> The finance '
    "minister signed the budget on Tuesday, ending a dispute that had lasted weeks and "
    "held up spending across departments."
)


def test_linked_list_item_printed_again_outside_the_text_is_a_teaser() -> None:
    aside = f"<aside><ul><li>{TEASER}</li></ul></aside>"
    body = f"<ul><li>{TEASER}</li></ul><p>{P1}</p><p>{P2}</p>{aside}"
    teaser_kept = [True, True, True, False]
    blocks, out = process(body, kept=teaser_kept)
    assert [b.text for b, k in zip(blocks, out.kept) if k] == [P1, P2]
    assert "teaser" in out.reasons[0][-1]
    # ... unless the scorer is sure it is article text, or it is printed only once
    blocks, out = process(body, kept=teaser_kept, probability=REPEATED_TEASER_MAX_PROBABILITY)
    assert out.kept[0]
    blocks, out = process(f"<ul><li>{TEASER}</li></ul><p>{P1}</p>")
    assert out.kept[0]


def test_short_or_unlinked_repeated_list_item_stays() -> None:
    # a title alone (a blog's post list and its archive) or an item without links
    short = '<a href="/s">Minister signs the budget</a>'
    plain = TEASER.replace('<a href="/story">', "").replace("</a>", "")
    for item in (short, plain):
        body = f"<ul><li>{item}</li></ul><p>{P1}</p><aside><ul><li>{item}</li></ul></aside>"
        _, out = process(body, kept=[True, True, False])
        assert out.kept[0], item


def test_paragraph_printed_twice_in_a_row_in_one_flow_is_kept_twice() -> None:
    assert len(P1.split()) > DEDUP_SAME_FLOW_MAX_WORDS
    assert run(f"<div><p>{P1}</p><p>{P1}</p><p>{P2}</p></div>") == [P1, P1, P2]
    # ... not when anything stands between the copies (the seed's lead printed again)
    assert run(f"<div><p>{P1}</p><p>{P2}</p><p>{P1}</p></div>") == [P1, P2]
    # ... nor when the copy opens another box (a standfirst above the body's own lead)
    assert run(f"<div><p>{P1}</p></div><div><p>{P1}</p><p>{P2}</p></div>") == [P1, P2]


def test_short_line_printed_twice_in_one_flow_is_kept_twice() -> None:
    step = "Stir in one cup of berries and blend until smooth."
    assert len(step.split()) <= DEDUP_SAME_FLOW_MAX_WORDS
    body = f"<div><p>{P1}</p><p>{step}</p><p>{P2}</p><p>{step}</p></div>"
    assert run(body) == [P1, step, P2, step]
    # ... but printed in two places (a standfirst and the lead) it is a copy
    body = f"<div><p>{step}</p></div><div><p>{P1}</p><p>{step}</p></div>"
    assert run(body) == [step, P1]
    # and a paragraph printed twice in one flow is a copy too
    assert len(P1.split()) > DEDUP_SAME_FLOW_MAX_WORDS
    assert run(f"<div><p>{P1}</p><p>{P2}</p><p>{P1}</p></div>") == [P1, P2]
