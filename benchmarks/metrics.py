"""Scoring: pure functions from (gold, extracted) text to numbers.

The gold-text metric is the one the public article-extraction benchmark
(github.com/scrapinghub/article-extraction-benchmark) publishes its figures with, so
our numbers can be set beside theirs:

- tokens are runs of `\\w+`; shingles are 4-grams of consecutive tokens, and a text of
  1-3 tokens is a single shingle (an empty text has none);
- per page, true positives, false positives and false negatives are counted over the
  two shingle multisets and divided by their sum, so every page weighs the same
  however long it is;
- precision and recall are each the mean over pages; a page with neither false
  positives nor false negatives counts 1.0 for both, a page with no predicted
  shingles is left out of the precision mean, a page with no gold shingles out of
  the recall mean;
- F1 is the harmonic mean of those two means (not the mean of per-page F1);
- accuracy is the share of pages whose token lists are identical.

One deliberate difference from the upstream script: a page where gold and
extraction are both empty counts 1.0 (upstream drops it), which is what the
independent checker in `../shared/hooks/quickbench.py` does; the two agree exactly
on every page where either text is non-empty.

Snippet data sets (trafilatura's evaluation) are scored as trafilatura's docs say:
each `with` snippet found in the whitespace-normalised extraction is a true positive,
missing a false negative; each `without` snippet found is a false positive, absent a
true negative; precision, recall and F1 are computed over the summed counts.

Uncertainty is a bootstrap standard error over pages with a fixed seed, so two runs
on the same outputs print the same numbers. (The upstream script prints 1.96 times
this, a 95% interval; JSON output carries both.)
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

SHINGLE_SIZE = 4
TOKEN_RE = re.compile(r"\w+")
WHITESPACE_RE = re.compile(r"\s+")
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20240601
CI95_Z = 1.96  # normal quantile for a two-sided 95% interval, as upstream reports

Shingle = tuple[str, ...]
T = TypeVar("T")


def tokens(text: str | None) -> list[str]:
    """Split text into `\\w+` tokens: language-agnostic, punctuation-blind."""
    return TOKEN_RE.findall(text or "")


def shingles(text: str | None) -> Counter[Shingle]:
    """The multiset of 4-token shingles; a 1-3 token text is one shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < SHINGLE_SIZE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + SHINGLE_SIZE]) for i in range(len(toks) - SHINGLE_SIZE + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's shingle counts and the derived per-page figures.

    `precision` is None when nothing was extracted (it does not enter the precision
    mean), `recall` is None when the gold is empty; both are 1.0 when the page has
    no false positive and no false negative.
    """

    tp: int
    fp: int
    fn: int
    precision: float | None
    recall: float | None
    exact: bool

    @property
    def f1(self) -> float:
        """Per-page F1, only for ranking pages from worst to best in reports."""
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(gold: str | None, extracted: str | None) -> PageScore:
    """Compare one extraction with its gold text."""
    g, p = shingles(gold), shingles(extracted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    exact = tokens(gold) == tokens(extracted)
    if fp == 0 and fn == 0:
        return PageScore(tp, fp, fn, 1.0, 1.0, exact)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return PageScore(tp, fp, fn, precision, recall, exact)


@dataclass(frozen=True, slots=True)
class Estimate:
    """A figure with its bootstrap standard error."""

    value: float
    se: float

    @property
    def ci95(self) -> float:
        """Half-width of the 95% interval, the "±" the upstream benchmark prints."""
        return CI95_Z * self.se


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def gold_figures(scores: Sequence[PageScore]) -> dict[str, float]:
    """F1, precision, recall and accuracy of a set of pages (no uncertainty)."""
    precision = _mean([s.precision for s in scores if s.precision is not None])
    recall = _mean([s.recall for s in scores if s.recall is not None])
    accuracy = _mean([1.0 if s.exact else 0.0 for s in scores])
    return {"f1": _f1(precision, recall), "precision": precision, "recall": recall,
            "accuracy": accuracy}


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """Snippet outcomes of one page (or, summed, of a set)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                             self.tn + other.tn)

    @property
    def failures(self) -> int:
        """Snippets this page got wrong: missing `with` plus leaked `without`."""
        return self.fp + self.fn


def normalise_space(text: str | None) -> str:
    """Collapse whitespace runs to one space, so line wrapping never decides a match."""
    return WHITESPACE_RE.sub(" ", text or "").strip()


def score_snippets(extracted: str | None, must_include: Sequence[str],
                   must_exclude: Sequence[str]) -> SnippetCounts:
    """Count found/missing `with` snippets and leaked/absent `without` snippets."""
    text = normalise_space(extracted)
    found_in = [normalise_space(s) in text for s in must_include]
    found_ex = [normalise_space(s) in text for s in must_exclude]
    return SnippetCounts(tp=sum(found_in), fn=len(found_in) - sum(found_in),
                         fp=sum(found_ex), tn=len(found_ex) - sum(found_ex))


def snippet_figures(counts: Sequence[SnippetCounts]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy over the summed snippet counts."""
    total = sum(counts, SnippetCounts())
    precision = total.tp / (total.tp + total.fp) if total.tp + total.fp else 0.0
    recall = total.tp / (total.tp + total.fn) if total.tp + total.fn else 0.0
    judged = total.tp + total.fp + total.fn + total.tn
    accuracy = (total.tp + total.tn) / judged if judged else 0.0
    return {"f1": _f1(precision, recall), "precision": precision, "recall": recall,
            "accuracy": accuracy}


def bootstrap(items: Sequence[T], figures: Callable[[Sequence[T]], dict[str, float]],
                 samples: int = BOOTSTRAP_SAMPLES,
                 seed: int = BOOTSTRAP_SEED) -> dict[str, Estimate]:
    """Each figure with the standard deviation of its value over page resamples.

    Pages are drawn with replacement, `samples` times, from a generator seeded with
    `seed`, so the error bars are reproducible run to run.
    """
    point = figures(items)
    if len(items) < 2 or samples < 2:
        return {key: Estimate(value, 0.0) for key, value in point.items()}
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {key: [] for key in point}
    for _ in range(samples):
        resample = rng.choices(items, k=len(items))
        for key, value in figures(resample).items():
            draws[key].append(value)
    return {key: Estimate(point[key], statistics.stdev(draws[key])) for key in point}
