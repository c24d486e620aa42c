"""Fit the block-scoring weights on labelled pages, report held-out scores, write them.

    python -m benchmarks.train                       # cross-validate, then fit on all
    python -m benchmarks.train --write               # ... and write extractor/data/weights.json

Labels come from gold article text: a block is content when most of its word 4-grams
occur in the page's gold text.  Every score printed is measured on pages the model did
not see: grouped k-fold by site (pages of one site never straddle train and test),
and leave-one-data-set-out, end to end through the real pipeline.

Needs the `train` extra (numpy, scikit-learn); the library itself never imports them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

from benchmarks.datasets import REPO_ROOT, Page, load
from benchmarks.metrics import (
    SHINGLE_SIZE,
    PageScore,
    SnippetCounts,
    gold_figures,
    normalise_space,
    score_page,
    score_snippets,
    snippet_figures,
    tokens,
)
from extractor.context import CONTEXT_FEATURES, context_vectors
from extractor.options import Options
from extractor.pipeline import Prepared, decide, prepare
from extractor.score import FEATURE_NAMES, Model, Score, vector
from extractor.segment import Segmentation
from extractor.types import ExtractionError

DEFAULT_SETS = ("scrapinghub", "dragnet", "cleaneval-dev", "trafilatura-eval")
# Never trained on: scored with the shipped weights and with the refit, a clean held-out
# check of both (the shipped weights' scores on the training sets are in-sample).
CHECK_SETS = ("readability",)
WEIGHTS_PATH = REPO_ROOT / "extractor" / "data" / "weights.json"
CONTEXT_PATH = REPO_ROOT / "extractor" / "data" / "context.json"
# A block is labelled content when at least this share of its shingles is in the gold.
CONTENT_SHARE = 0.5
# Blocks weigh by their words up to this cap, then each page is scaled to weigh the same,
# mirroring the benchmark metric (word-level, every page equal).
WORD_WEIGHT_CAP = 60
FOLDS = 5
SEED = 20261130
# Inverse L2 strength: mild regularisation, chosen by the held-out sweep in `--sweep`.
DEFAULT_C = 1.0


@dataclass(frozen=True, slots=True)
class Example:
    """One page, segmented once, with per-block vectors, labels and weights."""

    dataset: str
    page: Page
    group: str
    prepared: Prepared
    x: np.ndarray
    y: np.ndarray
    w: np.ndarray


def block_labels(seg: Segmentation, gold: str) -> np.ndarray:
    """1.0 for blocks whose text is mostly found in the gold, else 0.0."""
    gold_tokens = tokens(gold)
    grams = {
        tuple(gold_tokens[i : i + SHINGLE_SIZE])
        for i in range(len(gold_tokens) - SHINGLE_SIZE + 1)
    }
    padded = f" {' '.join(gold_tokens)} "
    labels = np.zeros(len(seg.blocks))
    for i, block in enumerate(seg.blocks):
        toks = tokens(block.text)
        if not toks:
            continue
        if len(toks) < SHINGLE_SIZE:
            labels[i] = float(f" {' '.join(toks)} " in padded)
            continue
        own = [tuple(toks[j : j + SHINGLE_SIZE]) for j in range(len(toks) - SHINGLE_SIZE + 1)]
        labels[i] = float(sum(g in grams for g in own) / len(own) >= CONTENT_SHARE)
    return labels


def to_matrix(seg: Segmentation) -> np.ndarray:
    index = {name: k for k, name in enumerate(FEATURE_NAMES)}
    x = np.zeros((len(seg.blocks), len(FEATURE_NAMES)))
    for i, block in enumerate(seg.blocks):
        for name, value in vector(block).items():
            x[i, index[name]] = value
    return x


def make_example(dataset: str, page: Page) -> Example | None:
    try:
        prepared = prepare(page.html, page.url, None, Options())
    except ExtractionError:
        return None
    seg = prepared.seg
    if not seg.blocks:
        return None
    weights = np.array([min(b.features.words, WORD_WEIGHT_CAP) for b in seg.blocks], float)
    if page.gold is not None:
        labels = block_labels(seg, page.gold)
    else:
        labels, known = snippet_labels(seg, page)
        weights *= known
    if not weights.sum():
        return None
    weights /= weights.sum()
    host = urlparse(page.url).netloc.removeprefix("www.") if page.url else ""
    return Example(
        dataset=dataset,
        page=page,
        group=f"{dataset}:{host or page.id}",
        prepared=prepared,
        x=to_matrix(seg),
        y=labels,
        w=weights,
    )


def snippet_labels(seg: Segmentation, page: Page) -> tuple[np.ndarray, np.ndarray]:
    """Labels from snippet pages: a block holding a must-appear snippet is content, one
    holding a must-not-appear snippet is not; other blocks are unknown (weight 0)."""
    labels = np.zeros(len(seg.blocks))
    known = np.zeros(len(seg.blocks))
    wanted = [normalise_space(s) for s in page.must_include]
    unwanted = [normalise_space(s) for s in page.must_exclude]
    for i, block in enumerate(seg.blocks):
        text = normalise_space(block.text)
        if any(s and s in text for s in wanted):
            labels[i], known[i] = 1.0, 1.0
        elif any(s and s in text for s in unwanted):
            known[i] = 1.0
    return labels, known


@dataclass(frozen=True, slots=True)
class Fitted:
    """Both stages: block weights and context weights."""

    block: Model
    context: Model

    def options(self) -> Options:
        return Options(model=self.block, context_model=self.context)


def _logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float, names: Sequence[str]) -> Model:
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, y, sample_weight=w)
    weights = {n: round(float(v), 4) for n, v in zip(names, clf.coef_[0])}
    return Model(bias=round(float(clf.intercept_[0]), 4), weights=weights, source="")


def fit_blocks(examples: Sequence[Example], c: float) -> Model:
    x = np.vstack([e.x for e in examples])
    y = np.concatenate([e.y for e in examples])
    w = np.concatenate([e.w for e in examples]) * len(examples)
    return _logistic(x, y, w, c, FEATURE_NAMES)


def context_matrix(example: Example, block_model: Model) -> np.ndarray:
    """Context features of one page, given first-stage scores from `block_model`."""
    coef = np.array([block_model.weights.get(n, 0.0) for n in FEATURE_NAMES])
    probs = 1.0 / (1.0 + np.exp(-(example.x @ coef + block_model.bias)))
    scores = tuple(Score(float(p), ()) for p in probs)
    rows = context_vectors(example.prepared.seg, scores, example.prepared.body_hint)
    return np.array([[row[n] for n in CONTEXT_FEATURES] for row in rows])


def fit(examples: Sequence[Example], c: float) -> Fitted:
    """Fit the block stage on all examples and the context stage on cross-fitted outputs:
    each half's context features come from a block model fitted on the other half, so
    the second stage learns from first-stage scores as they look on unseen pages."""
    halves = [examples[0::2], examples[1::2]]
    xs, ys, ws = [], [], []
    for k in (0, 1):
        other = fit_blocks(halves[1 - k], c)
        for e in halves[k]:
            xs.append(context_matrix(e, other))
            ys.append(e.y)
            ws.append(e.w * len(examples))
    context = _logistic(np.vstack(xs), np.concatenate(ys), np.concatenate(ws), c, CONTEXT_FEATURES)
    return Fitted(block=fit_blocks(examples, c), context=context)


def end_to_end(examples: Sequence[Example], opts: Options) -> dict[str, dict[str, float]]:
    """Benchmark F1/P/R per data set, running select/post-process/render with `opts`."""
    outcomes: dict[str, list[PageScore | SnippetCounts]] = defaultdict(list)
    for e in examples:
        outcomes[e.dataset].append(page_outcome(e, opts))
    return summarise(outcomes)


def page_outcome(example: Example, opts: Options) -> PageScore | SnippetCounts:
    """The benchmark's verdict on one page: shingle scores, or snippet counts.  Decided
    without reasons: the probabilities are the same, and writing no explanations (and
    running the compiled arithmetic) makes every held-out pass several times faster."""
    text = decide(example.prepared, opts, with_reasons=False).article.text
    page = example.page
    if page.gold is not None:
        return score_page(page.gold, text)
    return score_snippets(text, page.must_include, page.must_exclude)


def summarise(
    outcomes: dict[str, list[PageScore | SnippetCounts]],
) -> dict[str, dict[str, float]]:
    results = {}
    for name, items in sorted(outcomes.items()):
        gold = [o for o in items if isinstance(o, PageScore)]
        snippets = [o for o in items if isinstance(o, SnippetCounts)]
        results[name] = gold_figures(gold) if gold else snippet_figures(snippets)
    return results


def grouped_folds(examples: Sequence[Example], k: int) -> list[list[int]]:
    """Split example indices into k folds so no group (site) spans two folds."""
    groups = sorted({e.group for e in examples})
    random.Random(SEED).shuffle(groups)
    fold_of = {g: i % k for i, g in enumerate(groups)}
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, e in enumerate(examples):
        folds[fold_of[e.group]].append(i)
    return folds


def cross_validate(examples: Sequence[Example], c: float, k: int) -> dict[str, dict[str, float]]:
    """Every page scored once, by a model fitted on the other folds."""
    held_out: dict[str, list[PageScore | SnippetCounts]] = defaultdict(list)
    for fold in grouped_folds(examples, k):
        test = set(fold)
        opts = fit([e for i, e in enumerate(examples) if i not in test], c).options()
        for i in fold:
            held_out[examples[i].dataset].append(page_outcome(examples[i], opts))
    return summarise(held_out)


def leave_one_set_out(examples: Sequence[Example], c: float) -> dict[str, dict[str, float]]:
    """Each data set scored by a model that never saw any page of it."""
    results = {}
    for name in sorted({e.dataset for e in examples}):
        fitted = fit([e for e in examples if e.dataset != name], c)
        results.update(end_to_end([e for e in examples if e.dataset == name], fitted.options()))
    return results


def show(title: str, results: dict[str, dict[str, float]]) -> None:
    print(title)
    for name, fig in results.items():
        print(
            f"  {name:16s} F1 {fig['f1']:.4f}  P {fig['precision']:.3f}  "
            f"R {fig['recall']:.3f}  acc {fig['accuracy']:.3f}"
        )


def write(fitted: Fitted, examples: Sequence[Example], c: float) -> None:
    sets = ", ".join(sorted({e.dataset for e in examples}))
    source = f"benchmarks/train.py: logistic regression, C={c}, on {len(examples)} pages of {sets}"
    for path, model in ((WEIGHTS_PATH, fitted.block), (CONTEXT_PATH, fitted.context)):
        payload = {"source": source, "bias": model.bias, "weights": dict(model.weights)}
        path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.train", description=__doc__)
    parser.add_argument("--dataset", action="append", help="data set name or path (repeatable)")
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="inverse L2 strength")
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--sweep", action="store_true", help="cross-validate several C values")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_PATH.name}")
    parser.add_argument("--limit", type=int, help="first N pages per data set")
    parser.add_argument("--check", action="append",
                        help=f"never-trained set to score both models on (default {CHECK_SETS})")
    return parser.parse_args(argv)


def labelled_examples(spec: str, limit: int | None) -> list[Example]:
    """The examples of one data set's labelled pages (gold text or snippets)."""
    data = load(spec, limit)
    labelled = [p for p in data.pages if p.gold is not None or p.has_snippets]
    made = [make_example(data.name, p) for p in labelled]
    print(f"{data.name}: {len(made)} pages", file=sys.stderr)
    return [e for e in made if e is not None]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    examples: list[Example] = []
    for spec in args.dataset or DEFAULT_SETS:
        examples.extend(labelled_examples(spec, args.limit))
    checks: list[Example] = []
    for spec in args.check or CHECK_SETS:
        checks.extend(labelled_examples(spec, args.limit))
    show("shipped weights (in-sample for whatever they were fitted on):",
         end_to_end(examples, Options()))
    if checks:
        show("shipped weights on never-trained sets (held out):", end_to_end(checks, Options()))
    for c in (0.01, 0.1, 1.0, 10.0) if args.sweep else (args.c,):
        show(f"grouped {args.folds}-fold by site, C={c} (held out):",
             cross_validate(examples, c, args.folds))
    show(f"leave one data set out, C={args.c} (held out):", leave_one_set_out(examples, args.c))
    if args.write or checks:
        fitted = fit(examples, args.c)
        if checks:
            show(f"refit on all, C={args.c}, on never-trained sets (held out):",
                 end_to_end(checks, fitted.options()))
        if args.write:
            write(fitted, examples, args.c)
    return 0


if __name__ == "__main__":
    sys.exit(main())
