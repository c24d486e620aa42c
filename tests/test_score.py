"""`extractor.score`: the logistic model, its weights file and its explanations."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from importlib import resources

import pytest

from extractor.clean import clean
from extractor.parse import parse
from extractor.score import (
    DEFAULT_MODEL,
    FEATURE_NAMES,
    REASONS_SHOWN,
    Model,
    load_model,
    score,
    score_block,
    vector,
)
from extractor.segment import segment
from extractor.types import Block, BlockKind

PROSE = (
    "The council voted on Tuesday to close the old bridge, and residents said they were "
    "worried about the longer drive to the hospital in the next town. The mayor, who had "
    "argued for repairs, said she would ask the regional government for money."
)


def blocks_of(body: str) -> tuple[Block, ...]:
    root = parse(f"<html><body>{body}</body></html>", max_bytes=1_000_000).root
    return segment(clean(root), max_blocks=1000).blocks


def one_block(body: str) -> Block:
    blocks = blocks_of(body)
    assert len(blocks) == 1
    return blocks[0]


def test_default_model_loads_from_package_data() -> None:
    model = load_model()
    assert model == DEFAULT_MODEL
    assert model.weights, "the shipped model has no weights"
    assert set(model.weights) <= set(FEATURE_NAMES)
    assert all(math.isfinite(w) for w in model.weights.values())
    assert math.isfinite(model.bias)


def test_weights_file_is_valid_json_naming_known_features() -> None:
    raw = resources.files("extractor.data").joinpath("weights.json").read_text(encoding="utf-8")
    payload = json.loads(raw)
    assert set(payload["weights"]) <= set(FEATURE_NAMES)


def test_model_weights_are_read_only() -> None:
    with pytest.raises(TypeError):
        DEFAULT_MODEL.weights["log_words"] = 0.0  # type: ignore[index]


def test_unknown_feature_names_rejected() -> None:
    with pytest.raises(ValueError, match="no_such_feature"):
        Model.from_json({"bias": 0.0, "weights": {"log_words": 1.0, "no_such_feature": 2.0}})


def test_weights_must_be_a_mapping() -> None:
    with pytest.raises(ValueError):
        Model.from_json({"bias": 0.0, "weights": [1, 2, 3]})


def test_model_from_json_defaults() -> None:
    model = Model.from_json({"weights": {"log_words": 2}})
    assert model.bias == 0.0
    assert model.weights == {"log_words": 2.0}
    assert model.source == ""


def test_vector_names_are_known_features() -> None:
    blocks = blocks_of(
        "<nav><a href='/'>Home</a></nav><article><h2>Section</h2><p>" + PROSE + "</p>"
        "<ul><li>item</li></ul><table><tr><td>cell</td></tr></table>"
        "<blockquote>quoted words</blockquote><pre>code()</pre>"
        "<figure><figcaption>cap</figcaption></figure><p>Advertisement</p>"
        "<p>By Jane Doe</p><p>March 3, 2024</p></article>"
    )
    seen: set[str] = set()
    for block in blocks:
        names = set(vector(block))
        assert names <= set(FEATURE_NAMES), names - set(FEATURE_NAMES)
        seen |= names
    for expected in (
        "kind_heading", "kind_list_item", "kind_table_cell", "kind_quote", "kind_code",
        "kind_caption", "phrase_placeholder", "phrase_byline", "date_like",
    ):
        assert expected in seen


def test_vector_caps_extreme_values() -> None:
    block = one_block("<p>" + "word, " * 2000 + "</p>")
    v = vector(block)
    assert v["log_words"] == pytest.approx(math.log1p(400))
    assert v["punctuation"] <= 0.5
    assert 0.0 <= v["text_density"] <= 1.0
    assert 0.0 <= v["position_middle"] <= 1.0


@pytest.mark.parametrize(
    "body",
    [
        "<p>" + PROSE + "</p>",
        "<p><a href='/'>Home</a></p>",
        "<p>Advertisement</p>",
        "<p>" + "word " * 5000 + "</p>",
        "<nav class='menu sidebar related'><aside><p><a href='/'>x</a></p></aside></nav>",
    ],
)
def test_probability_strictly_between_zero_and_one(body: str) -> None:
    for block in blocks_of(body):
        s = score_block(block)
        assert 0.0 < s.probability < 1.0


def test_extreme_logit_is_clamped() -> None:
    block = one_block("<p>" + PROSE + "</p>")
    huge = Model.from_json({"bias": 1e6, "weights": {}})
    tiny = Model.from_json({"bias": -1e6, "weights": {}})
    assert 0.0 < score_block(block, tiny).probability < 0.5
    assert 0.5 < score_block(block, huge).probability < 1.0


def test_reasons_present_and_ordered_by_strength() -> None:
    block = one_block("<p>" + PROSE + "</p>")
    s = score_block(block)
    assert 1 <= len(s.reasons) <= REASONS_SHOWN
    weights = [float(r.rsplit("(", 1)[1].rstrip(")")) for r in s.reasons]
    assert [abs(w) for w in weights] == sorted((abs(w) for w in weights), reverse=True)
    for reason in s.reasons:
        name = reason.split("=", 1)[0]
        assert name in FEATURE_NAMES


def test_zero_model_gives_one_half() -> None:
    block = one_block("<p>" + PROSE + "</p>")
    s = score_block(block, Model.from_json({"bias": 0.0, "weights": {}}))
    assert s.probability == 0.5


def test_single_weight_model_is_logistic() -> None:
    block = one_block("<p>" + PROSE + "</p>")
    model = Model.from_json({"bias": -1.0, "weights": {"sentence_end": 3.0}})
    assert score_block(block, model).probability == pytest.approx(1 / (1 + math.exp(-2.0)))


def test_long_prose_scores_higher_than_link_menu() -> None:
    prose = one_block("<p>" + PROSE + "</p>")
    menu = one_block(
        "<p><a href='/'>Home</a> <a href='/n'>News</a> <a href='/s'>Sport</a> "
        "<a href='/w'>Weather</a></p>"
    )
    p_prose = score_block(prose).probability
    p_menu = score_block(menu).probability
    assert p_prose > 0.5 > p_menu
    assert p_prose > p_menu


def test_boilerplate_context_lowers_score() -> None:
    inside = one_block("<article><p>" + PROSE + "</p></article>")
    outside = one_block("<aside class='sidebar'><p>" + PROSE + "</p></aside>")
    assert score_block(inside).probability > score_block(outside).probability


def test_noise_phrases_lower_score() -> None:
    placeholder = one_block("<p>Advertisement</p>")
    plain = one_block("<p>Elephants</p>")
    assert score_block(placeholder).probability < score_block(plain).probability


def test_kind_changes_score_only_via_kind_feature() -> None:
    para = one_block("<p>" + PROSE + "</p>")
    caption = replace(para, kind=BlockKind.CAPTION)
    assert score_block(caption).probability < score_block(para).probability


def test_score_is_per_block_in_order() -> None:
    blocks = blocks_of("<p>" + PROSE + "</p><p><a href='/'>Home</a></p>")
    scores = score(blocks)
    assert len(scores) == 2
    assert scores[0] == score_block(blocks[0])
    assert scores[1] == score_block(blocks[1])
    assert score(()) == ()
