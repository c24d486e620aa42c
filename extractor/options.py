"""Caller-facing settings, in one frozen record so no signature repeats them."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from extractor.score import Model

Favor = Literal["precision", "balanced", "recall"]


@dataclass(frozen=True, slots=True)
class Options:
    """How `extract` behaves.

    favor: move the keep/drop threshold along the precision/recall curve.
    include_tables: keep table cells that sit inside the article.
    include_captions: keep figure captions that sit inside the article.
    max_input_bytes: longer input is cut here (documented, never an error), bounding memory.
    max_blocks: segmentation stops after this many blocks, bounding time on huge pages.
    model: block-scoring weights; None uses the shipped `data/weights.json`.
    context_model: second-stage weights; None uses the shipped `data/context.json`.
    """

    favor: Favor = "balanced"
    include_tables: bool = True
    include_captions: bool = False
    max_input_bytes: int = 16_000_000
    max_blocks: int = 50_000
    model: Model | None = None
    context_model: Model | None = None

    def with_overrides(self, overrides: dict[str, Any]) -> Options:
        """Return a copy with keyword overrides applied, rejecting unknown names early."""
        if not overrides:
            return self
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}; known: {sorted(known)}")
        if "favor" in overrides and overrides["favor"] not in ("precision", "balanced", "recall"):
            raise ValueError("favor must be 'precision', 'balanced' or 'recall'")
        return replace(self, **overrides)
