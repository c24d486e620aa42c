"""The compiled scoring arithmetic (`extractor._fastscore`) against the Python stages.

Both must give the same probabilities, to the last bit, for both stages: on the corpus,
on generated pages, and with a model whose every weight is non-zero (the shipped models
leave some at zero, which would hide a feature the compiled code forgot).  Skipped when
the extension is not built.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given

import extractor
import extractor.context as context_module
import extractor.score as score_module
from extractor.context import CONTEXT_FEATURES, CONTEXT_MODEL, cards, revise
from extractor.options import Options
from extractor.pipeline import Prepared, prepare
from extractor.score import DEFAULT_MODEL, FEATURE_NAMES, Model, Score, score
from extractor.select import python_region_totals, region_totals
from extractor.tuning import REGION_PIVOT
from tests.test_properties import SETTINGS, pages

fastscore = pytest.importorskip("extractor._fastscore")
pytestmark = pytest.mark.skipif(
    score_module.COMPILED_STAGES is None, reason="compiled scoring disabled in this environment"
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# A page whose JSON-LD declares its body, so the two JSON-LD context features fire.
BODY = (
    "The council met on Monday to discuss the new bridge over the river and its cost. "
    "Members agreed that the old crossing can no longer carry buses, and asked the "
    "engineers for a plan before the summer recess begins next year."
)
DECLARED = (
    '<html><head><script type="application/ld+json">'
    + json.dumps({"@type": "NewsArticle", "articleBody": BODY})
    + "</script></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
    f"<article><h1>Bridge</h1><p>{BODY}</p><p>Another paragraph the page adds.</p>"
    "</article><ul><li><a href='/a'>Latest stories</a></li><li>More</li></ul></body></html>"
)


def dense(names: tuple[str, ...], seed: int) -> Model:
    """A model with a distinct non-zero weight for every feature."""
    rng = random.Random(seed)
    weights = {name: rng.uniform(-2.0, 2.0) for name in names}
    return Model.from_json({"bias": rng.uniform(-1, 1), "weights": weights}, names)


def python_scores(prepared: Prepared, model: Model, context: Model) -> list[float]:
    """Both stages through the Python code (reasons on, which never compiles)."""
    layout = cards(prepared.seg)
    own = score(prepared.seg.blocks, model, with_reasons=True)
    revised = revise(prepared.seg, own, context, prepared.body_hint, layout, with_reasons=True)
    return [s.probability for s in own] + [s.probability for s in revised]


def compiled_scores(prepared: Prepared, model: Model, context: Model) -> list[float]:
    layout = cards(prepared.seg)
    own = score(prepared.seg.blocks, model, with_reasons=False)
    # The second stage is checked on the Python first stage's output, and vice versa
    # the first stage above on its own: a difference shows which stage it comes from.
    exact_own = score(prepared.seg.blocks, model, with_reasons=True)
    plain = tuple(Score(s.probability, ()) for s in exact_own)
    revised = revise(prepared.seg, plain, context, prepared.body_hint, layout, with_reasons=False)
    return [s.probability for s in own] + [s.probability for s in revised]


def assert_same(html: str | bytes, seed: int = 0) -> None:
    try:
        prepared = prepare(html, None, None, Options())
    except extractor.ExtractionError:
        return
    for model, context in (
        (DEFAULT_MODEL, CONTEXT_MODEL),
        (dense(FEATURE_NAMES, seed), dense(CONTEXT_FEATURES, seed + 1)),
    ):
        assert compiled_scores(prepared, model, context) == python_scores(
            prepared, model, context
        )
    assert_same_totals(prepared)


def assert_same_totals(prepared: Prepared) -> None:
    """select's region totals, compiled and Python, at every pivot the dial uses."""
    layout = cards(prepared.seg)
    probs = [s.probability for s in score(prepared.seg.blocks, DEFAULT_MODEL, with_reasons=True)]
    for pivot in REGION_PIVOT.values():
        assert region_totals(prepared.seg, probs, pivot, layout) == python_region_totals(
            prepared.seg, probs, pivot, layout.named_repeats
        )


def test_the_compiled_stages_are_the_ones_selected() -> None:
    assert score_module.COMPILED_STAGES is fastscore
    assert context_module._COMPILED is fastscore


@pytest.mark.parametrize(
    "page", sorted(CORPUS.glob("*/page.html")), ids=lambda p: p.parent.name
)
def test_corpus_page_scores_identically(page: Path) -> None:
    assert_same(page.read_bytes(), seed=len(page.parent.name))


def test_declared_body_scores_identically() -> None:
    prepared = prepare(DECLARED, None, None, Options())
    assert prepared.body_hint  # the JSON-LD features really are exercised
    assert_same(DECLARED)


@SETTINGS
@given(pages())
def test_generated_page_scores_identically(html: str) -> None:
    assert_same(html)
