"""Block features -> a content probability and the reasons behind it.

The score is a logistic model over named features.  Its weights are data
(`data/weights.json`, written by `benchmarks/train.py`), read once at import; the
feature definitions here are shared with the training script, so training and
run time can never disagree about what a feature means.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType, ModuleType
from typing import Any, NamedTuple

from extractor.compiled import load_extension
from extractor.patterns import GROUP_BITS, GROUP_NAMES
from extractor.types import Block, BlockKind

# Caps keep one extreme value from dominating a linear model.
MAX_LOG_WORDS = math.log1p(400)
MAX_PUNCTUATION = 0.5
MAX_TEXT_DENSITY = 20.0
# How many of the strongest contributions a block's explanation lists.
REASONS_SHOWN = 4

PHRASE_GROUPS: tuple[str, ...] = (
    "placeholder", "related-heading", "comment-heading", "prompt", "byline", "crosslink",
    "credit",
)
_KIND_FEATURES: dict[BlockKind, str] = {
    BlockKind.HEADING: "kind_heading",
    BlockKind.LIST_ITEM: "kind_list_item",
    BlockKind.TABLE_CELL: "kind_table_cell",
    BlockKind.QUOTE: "kind_quote",
    BlockKind.CODE: "kind_code",
    BlockKind.CAPTION: "kind_caption",
}

FEATURE_NAMES: tuple[str, ...] = (
    "log_words", "few_words", "link_density", "all_link", "stopword_ratio", "punctuation",
    "text_density", "capital_ratio", "sentence_end", "in_article", "in_boilerplate_tag",
    "date_like", "position_middle",
    *_KIND_FEATURES.values(),
    *(f"phrase_{g}" for g in PHRASE_GROUPS),
    *(f"near_{g}" for g in GROUP_NAMES),
    *(f"far_{g}" for g in GROUP_NAMES),
)
# Feature names of each group's bit; dict order is bit order, which is GROUP_NAMES order.
_GROUP_FEATURES: dict[int, tuple[str, str]] = {
    GROUP_BITS[g]: (f"near_{g}", f"far_{g}") for g in GROUP_NAMES
}
_ALL_GROUP_BITS = sum(_GROUP_FEATURES)
# How many leading FEATURE_NAMES every block has a value for (kinds, phrases and groups
# follow); the compiled arithmetic relies on this count and order.
_BASE_FEATURES = 13


# A model's weight lookup: `weights.get`, bound to a mapping.
WeightOf = Callable[[str, float], float]


@dataclass(frozen=True, slots=True)
class Model:
    """A fitted logistic model: a bias and one weight per feature name."""

    bias: float
    weights: Mapping[str, float]
    source: str

    @classmethod
    def from_json(
        cls, payload: dict[str, object], names: tuple[str, ...] = FEATURE_NAMES
    ) -> Model:
        """Build a model, rejecting weights for features `names` does not define."""
        weights = payload.get("weights", {})
        if not isinstance(weights, dict):
            raise ValueError("weights must be a mapping of feature name to number")
        unknown = set(weights) - set(names)
        if unknown:
            raise ValueError(f"weights name unknown features: {sorted(unknown)}")
        bias = payload.get("bias", 0.0)
        return cls(
            bias=float(bias) if isinstance(bias, (int, float)) else 0.0,
            weights=MappingProxyType({k: float(v) for k, v in weights.items()}),
            source=str(payload.get("source", "")),
        )


def load_model(name: str = "weights.json", names: tuple[str, ...] = FEATURE_NAMES) -> Model:
    """Read a model shipped in `extractor/data/`."""
    text = resources.files("extractor.data").joinpath(name).read_text(encoding="utf-8")
    return Model.from_json(json.loads(text), names)


DEFAULT_MODEL = load_model()


class Score(NamedTuple):
    """A block's content probability and the contributions that decided it.

    A named tuple, not a frozen dataclass: two are made per block per page, and a
    frozen dataclass's `__init__` costs several times more."""

    probability: float
    reasons: tuple[str, ...]


def vector(block: Block) -> dict[str, float]:
    """The block's feature values by name; the training script calls this too."""
    f = block.features
    values = {
        "log_words": min(math.log1p(f.words), MAX_LOG_WORDS),
        "few_words": 1.0 if f.words < 5 else 0.0,
        "link_density": f.link_density,
        "all_link": 1.0 if f.link_density > 0.95 else 0.0,
        "stopword_ratio": f.stopword_ratio,
        "punctuation": min(f.punctuation, MAX_PUNCTUATION),
        "text_density": min(f.text_density, MAX_TEXT_DENSITY) / MAX_TEXT_DENSITY,
        "capital_ratio": f.capital_ratio,
        "sentence_end": 1.0 if f.sentence_end else 0.0,
        "in_article": 1.0 if f.in_article else 0.0,
        "in_boilerplate_tag": 1.0 if f.in_boilerplate_tag else 0.0,
        "date_like": 1.0 if f.date_like else 0.0,
        "position_middle": 1.0 - abs(2.0 * f.position - 1.0),
    }
    kind = _KIND_FEATURES.get(block.kind)
    if kind:
        values[kind] = 1.0
    if f.phrase:
        values[f"phrase_{f.phrase}"] = 1.0
    if f.far_groups:
        _add_groups(values, f.near_groups, f.far_groups)
    return values


def _add_groups(values: dict[str, float], near_groups: int, far_groups: int) -> None:
    """Set the near/far feature of every group named, in group order (the order of the
    contributions decides how the logit is summed, to the last bit)."""
    named = (near_groups | far_groups) & _ALL_GROUP_BITS
    while named:
        bit = named & -named  # the lowest bit still set
        named ^= bit
        near, far = _GROUP_FEATURES[bit]
        if near_groups & bit:
            values[near] = 1.0
        if far_groups & bit:
            values[far] = 1.0


def score_block(block: Block, model: Model = DEFAULT_MODEL) -> Score:
    """Probability that `block` is article text, judged on the block alone."""
    return _judge(vector(block), model.bias, model.weights.get)


def score(
    blocks: tuple[Block, ...], model: Model = DEFAULT_MODEL, *, with_reasons: bool = True
) -> tuple[Score, ...]:
    """Score every block on its own; context comes later, in `select`.

    `with_reasons=False` skips writing the explanations (only `explain()` shows them)
    and runs the compiled arithmetic when it is built; the probabilities are the same
    either way."""
    if not with_reasons:
        return tuple([Score(p, ()) for p in probabilities(blocks, model)])
    weight_of = dict(model.weights).get  # a plain dict answers faster than the proxy
    return tuple([_judge(vector(b), model.bias, weight_of) for b in blocks])


def probabilities(blocks: tuple[Block, ...], model: Model = DEFAULT_MODEL) -> list[float]:
    """Each block's probability alone, without reasons: all `extract` needs.  The
    compiled arithmetic when it is built (the same numbers, to the last bit)."""
    if COMPILED_STAGES is not None:
        layout = _DEFAULT_LAYOUT if model is DEFAULT_MODEL else first_stage_layout(model)
        found: list[float] = COMPILED_STAGES.first_stage(blocks, *layout)
        return found
    weight_of = dict(model.weights).get
    return [_judge(vector(b), model.bias, weight_of, False).probability for b in blocks]


def first_stage_layout(model: Model) -> tuple[Any, ...]:
    """`model`'s weights laid out as `_fastscore.first_stage` reads them: the 13
    always-computed features in `vector`'s order, then kinds, phrases and groups."""
    weight = dict(model.weights).get
    return (
        model.bias,
        [weight(name, 0.0) for name in FEATURE_NAMES[:_BASE_FEATURES]],
        {kind: weight(name, 0.0) for kind, name in _KIND_FEATURES.items()},
        {g: weight(f"phrase_{g}", 0.0) for g in PHRASE_GROUPS},
        [weight(near, 0.0) for near, _ in _GROUP_FEATURES.values()],
        [weight(far, 0.0) for _, far in _GROUP_FEATURES.values()],
        MAX_LOG_WORDS,
        MAX_PUNCTUATION,
        MAX_TEXT_DENSITY,
    )


def _judge(
    values: dict[str, float], bias: float, weight_of: WeightOf, with_reasons: bool = True
) -> Score:
    contributions = [
        (weight_of(name, 0.0) * value, name, value) for name, value in values.items() if value
    ]
    logit = bias + sum([c for c, _, _ in contributions])
    probability = sigmoid(logit)
    if not with_reasons:
        return Score(probability, ())
    strongest = sorted(contributions, key=strength)[:REASONS_SHOWN]
    reasons = tuple([f"{name}={value:.2f} ({weight:+.2f})" for weight, name, value in strongest])
    return Score(probability, reasons)


def sigmoid(logit: float) -> float:
    """Logit to probability, clipped so extreme sums cannot overflow `exp`."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


def strength(contribution: tuple[float, str, float]) -> float:
    """Sort key: the strongest contribution, whatever its sign, first."""
    return -abs(contribution[0])


# --- the compiled arithmetic: the one place that decides whether it runs ---------------

def _stages_incompatibility(module: ModuleType) -> str | None:
    """Why `extractor._fastscore` must not run: it computes the features it was built
    for, which must be those `FEATURE_NAMES` lists, in that order."""
    laid_out = (
        *module.BASE_FEATURES,
        *_KIND_FEATURES.values(),
        *(f"phrase_{g}" for g in PHRASE_GROUPS),
        *(f"near_{g}" for g in GROUP_NAMES),
        *(f"far_{g}" for g in GROUP_NAMES),
    )
    if laid_out != FEATURE_NAMES:
        return "built for another feature layout"
    if not hasattr(module, "region_totals"):
        return "built before select's region totals were compiled (reinstall to rebuild)"
    return None


COMPILED_STAGES = load_extension("_fastscore", _stages_incompatibility)
# The shipped model's layout, laid out once rather than on every page.
_DEFAULT_LAYOUT = first_stage_layout(DEFAULT_MODEL)
