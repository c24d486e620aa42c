"""`extractor.context`: cards, their signatures, and the probability-only path that
`extract` takes (the same numbers as the Score records `explain` reads)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from helpers import P1, P2, segment_body
from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor.context import (
    CONTEXT_MODEL,
    Cards,
    _signatures,
    card_of,
    cards,
    named_signature,
    revise,
    revised_probabilities,
    signature,
    zero_numbers,
)
from extractor.options import Options
from extractor.pipeline import prepare
from extractor.score import DEFAULT_MODEL, probabilities, score
from extractor.segment import Segmentation
from tests.test_properties import SETTINGS, pages

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def reference_cards(seg: Segmentation) -> Cards:
    """`cards` as defined: each block's `card_of`, and how many multi-block containers
    share its card's signature (and its named signature)."""
    found = tuple(card_of(seg, b) for b in seg.blocks)
    multi = [c.label for c in seg.containers if c.end_block - c.first_block >= 2]
    counts = Counter(signature(label) for label in multi)
    named = Counter(named_signature(label) for label in multi)
    return Cards(
        found,
        tuple(counts[signature(c.label)] if c else 1 for c in found),
        tuple(named[named_signature(c.label)] if c else 1 for c in found),
    )


def check(html: str | bytes) -> None:
    try:
        prepared = prepare(html, None, None, Options())
    except extractor.ExtractionError:
        return
    seg = prepared.seg
    layout = cards(seg)
    assert layout == reference_cards(seg)
    first = probabilities(seg.blocks, DEFAULT_MODEL)
    assert first == [s.probability for s in score(seg.blocks, DEFAULT_MODEL)]
    revised = revise(seg, score(seg.blocks), CONTEXT_MODEL, prepared.body_hint, layout)
    assert revised_probabilities(seg, first, CONTEXT_MODEL, prepared.body_hint, layout) == [
        s.probability for s in revised
    ]


@pytest.mark.parametrize(
    "page", sorted(CORPUS.glob("*/page.html")), ids=lambda p: p.parent.name
)
def test_corpus_cards_and_probabilities(page: Path) -> None:
    check(page.read_bytes())


@SETTINGS
@given(pages())
def test_generated_cards_and_probabilities(html: str) -> None:
    check(html)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("div.teaser", "div.teaser"),
        ("div#story-12.card.card-3", "div.card.card-0"),
        ("li.item-2024-05", "li.item-0-0"),
        ("section#main", "section"),
        ("div.col٣", "div.col0"),  # any Unicode digit is a number
    ],
)
def test_signature_drops_ids_and_numbers(label: str, expected: str) -> None:
    assert signature(label) == expected


@given(
    st.lists(st.sampled_from(["div", "#", ".", "a", "7", "٣", "é", "-", "post", " "]), max_size=9)
)
def test_signatures_together_equal_each_alone(parts: list[str]) -> None:
    label = "".join(parts)
    assert _signatures(label) == (signature(label), named_signature(label))


@given(
    st.lists(
        st.sampled_from(["div", "#", ".", "a", "7", "12", "٣", "é", "-", "post", " "]), max_size=9
    )
)
def test_signatures_follow_their_definition(parts: list[str]) -> None:
    # signature: ids dropped, then every run of digits a 0; named_signature: the same,
    # but a label of a tag and an id alone (no class) keeps its id, its numbers zeroed.
    label = "".join(parts)
    sign = re.sub(r"\d+", "0", re.sub(r"#[^.]*", "", label))
    named = re.sub(r"\d+", "0", label) if "#" in label and "." not in label else sign
    assert _signatures(label) == (sign, named)


@given(st.text(alphabet="div.#-_07٣a", max_size=30))
def test_zero_numbers_is_the_regex_one(label: str) -> None:
    assert zero_numbers(label) == re.sub(r"\d+", "0", label)


def test_repeated_cards_are_counted_across_ids_and_numbers() -> None:
    card = (
        "<div id='c{n}' class='card card-{n}'>"
        "<h3><a href='/{n}'>Story {n}</a></h3><p>{p}</p></div>"
    )
    seg = segment_body("".join(card.format(n=n, p=P1) for n in range(3)) + f"<p>{P2}</p>")
    layout = cards(seg)
    assert layout.repeats[:6] == (3,) * 6
    assert layout.card[-1] is not None and layout.card[-1].tag == "body"
    assert layout == reference_cards(seg)
