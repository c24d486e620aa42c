"""`extractor.jsonld`: the articleBody a page declares in JSON-LD."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.jsonld import MIN_BODY_WORDS, article_body, match_share, shingle_set, words_of
from extractor.parse import parse

BODY = " ".join(f"word{i}" for i in range(MIN_BODY_WORDS + 5))


def body_of(*scripts: str, kind: str = "application/ld+json") -> str:
    tags = "".join(f"<script type='{kind}'>{s}</script>" for s in scripts)
    return article_body(parse(f"<html><head>{tags}</head><body><p>x</p></body></html>",
                              max_bytes=1_000_000).root)


def test_body_found_through_graph() -> None:
    data = {"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "articleBody": BODY}]}
    assert body_of(json.dumps(data)) == BODY


def test_body_key_written_with_unicode_escapes_is_found() -> None:
    source = '{"\\u0061rticleBody": ' + json.dumps(BODY) + "}"
    assert "articleBody" not in source
    assert body_of(source) == BODY


def test_json_ld_without_a_body_gives_nothing() -> None:
    assert body_of(json.dumps({"@type": "Organization", "name": "Daily News"})) == ""


def test_longest_body_wins_and_type_is_matched_loosely() -> None:
    short = {"articleBody": BODY}
    longer = {"articleBody": BODY + " more words"}
    assert body_of(json.dumps(short), json.dumps(longer), kind=" Application/LD+JSON ") == (
        BODY + " more words"
    )


def test_teaser_body_and_broken_json_give_nothing() -> None:
    assert body_of(json.dumps({"articleBody": "too short"})) == ""
    assert body_of('{"articleBody": ') == ""


def test_other_script_types_are_ignored() -> None:
    assert body_of(json.dumps({"articleBody": BODY}), kind="application/json") == ""


def listed_share(text: str, body: frozenset[tuple[str, ...]]) -> float:
    """`match_share` as defined: the share of the text's listed 4-grams in the body."""
    words = re.findall(r"\w+", text.lower())
    grams = list(zip(words, words[1:], words[2:], words[3:]))
    return sum(g in body for g in grams) / len(grams) if grams else 0.0


BODY_SET = shingle_set("one two three four five six İİİİ a b c d")


@given(st.text(alphabet="onetwhrfivsxİ abcd,.’", max_size=60))
def test_match_share_is_the_share_of_listed_grams(text: str) -> None:
    assert match_share(text, BODY_SET) == listed_share(text, BODY_SET)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_words_of_ascii_text_are_the_regex_ones(text: str) -> None:
    # ASCII text takes a byte-table shortcut; it must agree with the general rule.
    assert words_of(text) == re.findall(r"\w+", text.lower())


@given(st.text())
def test_words_of_any_text_are_the_regex_ones(text: str) -> None:
    assert words_of(text) == re.findall(r"\w+", text.lower())


@given(st.text(alphabet="onetwhrfivsx abcd,.-_\t\x1f", max_size=40))
def test_match_share_of_ascii_text_is_the_share_of_listed_grams(text: str) -> None:
    assert match_share(text, BODY_SET) == listed_share(text, BODY_SET)


@pytest.mark.parametrize(
    "text", ["", "a b c", "a b c d", "one two three four five", "İİİİ", "x one two three four"]
)
def test_match_share_examples(text: str) -> None:
    assert match_share(text, BODY_SET) == listed_share(text, BODY_SET)
