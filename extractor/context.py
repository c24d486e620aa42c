"""Revise each block's score with its surroundings: neighbours and the card it sits in.

A block alone cannot tell a teaser from a paragraph: both are prose.  Its context can:
a teaser shares a small container (a "card") with a linked headline, and sits among
other cards; a paragraph sits among paragraphs.  This stage is a second logistic model
over the first stage's logits and such context measurements (`data/context.json`,
fitted by `benchmarks/train.py` on the first stage's outputs).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from extractor.jsonld import match_share, shingle_set
from extractor.score import COMPILED_STAGES, Model, Score, load_model, sigmoid, strength
from extractor.segment import Segmentation
from extractor.types import Block, Container

# A container holding at least this many blocks is a card: the smallest unit around a
# block whose make-up (links, words) says what the block is part of.
CARD_MIN_BLOCKS = 2
# The counts of a block in no card: its own, once.
_NO_CARD = (1, 1)
_ID = re.compile(r"#[^.]*")
_DIGITS = re.compile(r"\d+")
# Characters `signature` looks for in ASCII labels; most labels hold none, and deleting
# them by a byte table (then comparing lengths) is cheaper than a regex or a set.
_ID_OR_DIGIT_BYTES = b"#0123456789"
# Every byte to itself but the ASCII digits, to "0" (`zero_numbers`).
_ZERO_DIGITS = bytes(ord("0") if chr(b).isdigit() and b < 128 else b for b in range(256))
# Logits are clipped so one extreme neighbour cannot dominate.
MAX_LOGIT = 8.0

CONTEXT_FEATURES: tuple[str, ...] = (
    "own", "prev", "next", "prev2", "next2", "card_link_density", "card_mean", "in_list",
    "card_repeats", "jsonld_page", "jsonld_match",
)

CONTEXT_MODEL = load_model("context.json", names=CONTEXT_FEATURES)
# The compiled arithmetic, while it computes these very features.
_COMPILED = (
    COMPILED_STAGES
    if COMPILED_STAGES is not None and COMPILED_STAGES.CONTEXT_FEATURES == CONTEXT_FEATURES
    else None
)


def logit(probability: float) -> float:
    p = min(max(probability, 1e-6), 1 - 1e-6)
    return max(-MAX_LOGIT, min(MAX_LOGIT, math.log(p / (1 - p))))


def context_vectors(
    seg: Segmentation, scores: tuple[Score, ...], body_hint: str = ""
) -> list[dict[str, float]]:
    """Context features of every block; the training script calls this too."""
    return [dict(zip(CONTEXT_FEATURES, row)) for row in context_rows(seg, scores, body_hint)]


def context_rows(
    seg: Segmentation,
    scores: tuple[Score, ...],
    body_hint: str = "",
    layout: Cards | None = None,
) -> list[tuple[float, ...]]:
    """Context features of every block, in `CONTEXT_FEATURES` order."""
    blocks = seg.blocks
    z = [logit(s.probability) for s in scores]
    words = [b.features.words for b in blocks]
    cum_words = [0, *accumulate(words)]
    cum_links = [0, *accumulate(b.features.link_words for b in blocks)]
    cum_z = [0.0, *accumulate(zi * w for zi, w in zip(z, words))]
    padded = [0.0, 0.0, *z, 0.0, 0.0]  # padded[i + 2] is z[i]; neighbours past the ends are 0
    list_items = list_item_ids(seg)
    layout = layout or cards(seg)
    declared = shingle_set(body_hint) if body_hint else None
    rows: list[tuple[float, ...]] = []
    for i, block in enumerate(blocks):
        card = layout.card[i]
        first, end = (card.first_block, card.end_block) if card else (i, i + 1)
        card_words = max(cum_words[end] - cum_words[first], 1)
        rows.append(
            (
                z[i],
                padded[i + 1],
                padded[i + 3],
                padded[i],
                padded[i + 4],
                (cum_links[end] - cum_links[first]) / card_words,
                (cum_z[end] - cum_z[first]) / card_words,
                0.0 if list_items.isdisjoint(block.containers) else 1.0,
                math.log(layout.repeats[i]),
                1.0 if declared else 0.0,
                match_share(block.text, declared) if declared else 0.0,
            )
        )
    return rows


def list_item_ids(seg: Segmentation) -> frozenset[int]:
    """Ids of the page's <li> containers (the `in_list` feature)."""
    return frozenset(c.id for c in seg.containers if c.tag == "li")


def card_of(seg: Segmentation, block: Block) -> Container | None:
    """The innermost container around `block` holding >= 2 blocks."""
    containers = seg.containers
    for cid in reversed(block.containers):
        container = containers[cid]
        if container.end_block - container.first_block >= CARD_MIN_BLOCKS:
            return container
    return None


def signature(label: str) -> str:
    """A container's markup without its id and numbers: what repeated cards share."""
    return _signatures(label)[0]


def named_signature(label: str) -> str:
    """`signature`, except that a label of only a tag and an id keeps the id (numbers
    zeroed): the id is then all that names the element, and without it every plain
    `<div>` of the page would count as a copy of the one holding the article
    (`div#content` is no card of a listing; `div#post-12`, `div#post-13` still are)."""
    return _signatures(label)[1]


@dataclass(frozen=True, slots=True)
class Cards:
    """Per block: the card it sits in (None if none) and how many identical cards the
    page holds (1 if none), by `signature` (`repeats`, a feature of the context model)
    and by `named_signature` (`named_repeats`, the region choice's discount).  Computed
    once per page; context and select both use it."""

    card: tuple[Container | None, ...]
    repeats: tuple[int, ...]
    named_repeats: tuple[int, ...]


def cards(seg: Segmentation) -> Cards:
    """Every block's card (`card_of`) and how many cards share its card's `signature`
    and its `named_signature`: one pass over the containers, then one look-up per block."""
    # A container's card is itself when it holds enough blocks, else its parent's card;
    # containers come parents first, so the parent's is already known.  A block's card
    # is its innermost container's.
    card_at: list[Container | None] = [None] * len(seg.containers)  # by container id
    labels: list[str] = []  # the label of every card, once per card
    for c in seg.containers:
        if c.end_block - c.first_block >= CARD_MIN_BLOCKS:
            card_at[c.id] = c
            labels.append(c.label)
        elif c.parent >= 0:
            card_at[c.id] = card_at[c.parent]
    # How many cards share each signature, looked up by label: a page repeats a few
    # labels many times, so each distinct label is worked once.
    signs: dict[str, tuple[str, str]] = {}
    per_sign: dict[str, int] = {}
    per_named: dict[str, int] = {}
    for label, n in Counter(labels).items():
        sign, named = signs[label] = _signatures(label)
        per_sign[sign] = per_sign.get(sign, 0) + n
        per_named[named] = per_named.get(named, 0) + n
    both = {label: (per_sign[sign], per_named[named]) for label, (sign, named) in signs.items()}
    found = tuple([card_at[b.containers[-1]] if b.containers else None for b in seg.blocks])
    if not found:
        return Cards((), (), ())
    # (repeats, named repeats) of each block, then the two columns apart
    repeats, named_repeats = zip(*[both[c.label] if c else _NO_CARD for c in found])
    return Cards(found, repeats, named_repeats)


def _signatures(label: str) -> tuple[str, str]:
    """`signature(label)` and `named_signature(label)`, worked together (`cards` needs
    both): most labels hold no id and no digit (both are the label), and with a class
    the two are equal."""
    if label.isascii() and len(label.encode().translate(None, _ID_OR_DIGIT_BYTES)) == len(label):
        return label, label
    if "#" not in label:
        numbered = zero_numbers(label)
        return numbered, numbered
    sign = zero_numbers(_ID.sub("", label))
    return (sign, sign) if "." in label else (sign, zero_numbers(label))


def zero_numbers(label: str) -> str:
    """`label` with every run of digits a single 0 (`_DIGITS.sub("0", label)`); in ASCII,
    every digit a 0 by a byte table, then runs of 0s halved until none is left, several
    times faster than the regex."""
    if not label.isascii():
        return _DIGITS.sub("0", label)
    zeroed = label.encode().translate(_ZERO_DIGITS).decode()
    while "00" in zeroed:
        zeroed = zeroed.replace("00", "0")
    return zeroed


def revise(
    seg: Segmentation,
    scores: tuple[Score, ...],
    model: Model = CONTEXT_MODEL,
    body_hint: str = "",
    layout: Cards | None = None,
    *,
    with_reasons: bool = True,
) -> tuple[Score, ...]:
    """Second-stage scores: the first stage's verdict, corrected by the block's context.

    `body_hint` is the article text the page declares in JSON-LD, if any.  The sum runs
    in feature order with or without reasons (and compiled or not), so the probabilities
    are identical."""
    weights = [model.weights.get(name, 0.0) for name in CONTEXT_FEATURES]
    if not with_reasons and _COMPILED is not None:
        own = [s.probability for s in scores]
        found = _compiled_revise(seg, own, model.bias, weights, body_hint, layout)
        return tuple([Score(p, ()) for p in found])
    revised = []
    for score, row in zip(scores, context_rows(seg, scores, body_hint, layout)):
        contributions = [(w * v, k, v) for w, k, v in zip(weights, CONTEXT_FEATURES, row) if v]
        total = model.bias + sum([c for c, _, _ in contributions])
        probability = sigmoid(total)
        if not with_reasons:
            revised.append(Score(probability, ()))
            continue
        strongest = sorted(contributions, key=strength)[:3]
        top = ", ".join([f"{k}={v:.2f}({w:+.2f})" for w, k, v in strongest])
        change = f"context {score.probability:.2f}->{probability:.2f}: {top}"
        revised.append(Score(probability, (*score.reasons, change)))
    return tuple(revised)


def revised_probabilities(
    seg: Segmentation,
    probabilities: list[float],
    model: Model = CONTEXT_MODEL,
    body_hint: str = "",
    layout: Cards | None = None,
) -> list[float]:
    """`revise`'s probabilities alone, from the first stage's: all `extract` needs."""
    if _COMPILED is not None:
        weights = [model.weights.get(name, 0.0) for name in CONTEXT_FEATURES]
        return _compiled_revise(seg, probabilities, model.bias, weights, body_hint, layout)
    own = tuple([Score(p, ()) for p in probabilities])
    return [s.probability for s in revise(seg, own, model, body_hint, layout, with_reasons=False)]


def _compiled_revise(
    seg: Segmentation,
    probabilities: list[float],
    bias: float,
    weights: list[float],
    body_hint: str,
    layout: Cards | None,
) -> list[float]:
    """`revise`'s probabilities, its arithmetic in `extractor._fastscore`."""
    assert _COMPILED is not None
    layout = layout or cards(seg)
    declared = shingle_set(body_hint) if body_hint else None
    found: list[float] = _COMPILED.second_stage(
        seg.blocks,
        probabilities,
        layout.card,
        layout.repeats,
        list_item_ids(seg),
        [match_share(b.text, declared) for b in seg.blocks] if declared else None,
        bias,
        weights,
        MAX_LOGIT,
    )
    return found
