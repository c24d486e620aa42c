"""Block features -> a content probability and the reasons behind it.

The score is a logistic model over named features.  Its weights are data
(`data/weights.json`, written by `benchmarks/train.py`), read once at import; the
feature definitions here are shared with the training script, so training and
run time can never disagree about what a feature means.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

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
_GROUP_FEATURES: tuple[tuple[int, str, str], ...] = tuple(
    (GROUP_BITS[g], f"near_{g}", f"far_{g}") for g in GROUP_NAMES
)


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


@dataclass(frozen=True, slots=True)
class Score:
    """A block's content probability and the contributions that decided it."""

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
        for bit, near, far in _GROUP_FEATURES:
            if f.near_groups & bit:
                values[near] = 1.0
            if f.far_groups & bit:
                values[far] = 1.0
    return values


def score_block(block: Block, model: Model = DEFAULT_MODEL) -> Score:
    """Probability that `block` is article text, judged on the block alone."""
    contributions = [
        (model.weights.get(name, 0.0) * value, name, value)
        for name, value in vector(block).items()
        if value
    ]
    logit = model.bias + sum(c for c, _, _ in contributions)
    probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
    strongest = sorted(contributions, key=lambda c: -abs(c[0]))[:REASONS_SHOWN]
    reasons = tuple(f"{name}={value:.2f} ({weight:+.2f})" for weight, name, value in strongest)
    return Score(probability, reasons)


def score(blocks: tuple[Block, ...], model: Model = DEFAULT_MODEL) -> tuple[Score, ...]:
    """Score every block on its own; context comes later, in `select`."""
    return tuple(score_block(b, model) for b in blocks)
