"""Types of the compiled scoring arithmetic (extractor/_fastscore.pyx)."""

from typing import Any

BASE_FEATURES: tuple[str, ...]
CONTEXT_FEATURES: tuple[str, ...]

def first_stage(
    blocks: tuple[Any, ...],
    bias: float,
    base: list[float],
    kind_weights: dict[Any, float],
    phrase_weights: dict[str, float],
    near_weights: list[float],
    far_weights: list[float],
    max_log_words: float,
    max_punctuation: float,
    max_text_density: float,
) -> list[float]: ...
def second_stage(
    blocks: tuple[Any, ...],
    probabilities: list[float],
    cards: tuple[Any, ...],
    repeats: tuple[int, ...],
    list_items: frozenset[int],
    matches: list[float] | None,
    bias: float,
    weights: list[float],
    max_logit: float,
) -> list[float]: ...
def region_totals(
    blocks: tuple[Any, ...],
    probabilities: list[float],
    repeats: tuple[int, ...],
    containers: int,
    pivot: float,
    word_cap: int,
    negative_weight: float,
    repeat_discount: float,
) -> list[float]: ...
