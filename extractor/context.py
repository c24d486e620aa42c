"""Revise each block's score with its surroundings: neighbours and the card it sits in.

A block alone cannot tell a teaser from a paragraph: both are prose.  Its context can:
a teaser shares a small container (a "card") with a linked headline, and sits among
other cards; a paragraph sits among paragraphs.  This stage is a second logistic model
over the first stage's logits and such context measurements (`data/context.json`,
fitted by `benchmarks/train.py` on the first stage's outputs).
"""

from __future__ import annotations

import math
from itertools import accumulate

from extractor.score import Model, Score, load_model
from extractor.segment import Segmentation
from extractor.types import Block

# A container holding at least this many blocks is a card: the smallest unit around a
# block whose make-up (links, words) says what the block is part of.
CARD_MIN_BLOCKS = 2
# Logits are clipped so one extreme neighbour cannot dominate.
MAX_LOGIT = 8.0

CONTEXT_FEATURES: tuple[str, ...] = (
    "own", "prev", "next", "prev2", "next2", "card_link_density", "card_mean", "in_list",
)

CONTEXT_MODEL = load_model("context.json", names=CONTEXT_FEATURES)


def logit(probability: float) -> float:
    p = min(max(probability, 1e-6), 1 - 1e-6)
    return max(-MAX_LOGIT, min(MAX_LOGIT, math.log(p / (1 - p))))


def context_vectors(seg: Segmentation, scores: tuple[Score, ...]) -> list[dict[str, float]]:
    """Context features of every block; the training script calls this too."""
    blocks = seg.blocks
    z = [logit(s.probability) for s in scores]
    words = [b.features.words for b in blocks]
    cum_words = [0, *accumulate(words)]
    cum_links = [0, *accumulate(b.features.link_words for b in blocks)]
    cum_z = [0.0, *accumulate(zi * w for zi, w in zip(z, words))]
    n = len(blocks)
    vectors = []
    for i, block in enumerate(blocks):
        first, end = _card(seg, block)
        card_words = cum_words[end] - cum_words[first]
        vectors.append(
            {
                "own": z[i],
                "prev": z[i - 1] if i > 0 else 0.0,
                "next": z[i + 1] if i + 1 < n else 0.0,
                "prev2": z[i - 2] if i > 1 else 0.0,
                "next2": z[i + 2] if i + 2 < n else 0.0,
                "card_link_density": (cum_links[end] - cum_links[first]) / max(card_words, 1),
                "card_mean": (cum_z[end] - cum_z[first]) / max(card_words, 1),
                "in_list": 1.0 if any(seg.containers[c].tag == "li" for c in block.containers)
                else 0.0,
            }
        )
    return vectors


def _card(seg: Segmentation, block: Block) -> tuple[int, int]:
    """The block range of the innermost container around `block` holding >= 2 blocks."""
    for cid in reversed(block.containers):
        container = seg.containers[cid]
        if container.end_block - container.first_block >= CARD_MIN_BLOCKS:
            return container.first_block, container.end_block
    return block.index, block.index + 1


def revise(
    seg: Segmentation, scores: tuple[Score, ...], model: Model = CONTEXT_MODEL
) -> tuple[Score, ...]:
    """Second-stage scores: the first stage's verdict, corrected by the block's context."""
    revised = []
    for score, values in zip(scores, context_vectors(seg, scores)):
        contributions = sorted(
            ((model.weights.get(k, 0.0) * v, k, v) for k, v in values.items() if v),
            key=lambda c: -abs(c[0]),
        )
        total = model.bias + sum(c for c, _, _ in contributions)
        probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
        top = ", ".join(f"{k}={v:.2f}({w:+.2f})" for w, k, v in contributions[:3])
        revised.append(
            Score(probability, (*score.reasons, f"context {score.probability:.2f}->"
                                f"{probability:.2f}: {top}"))
        )
    return tuple(revised)
