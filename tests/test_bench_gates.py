"""Regression gates: the extractor's accuracy must not fall below the floors in the repo.

`benchmarks/floors.json` maps a data set (`corpus`, or a shared set's name such as
`scrapinghub`) to minimum figures (`f1`, optionally `precision`, `recall`). Raise a
floor whenever accuracy improves, so a later change cannot quietly give it back.
Shared sets are skipped cleanly where `../shared` is absent. Extraction runs in this
process (isolation is the CLI's job; here speed matters): 181 pages take seconds.
"""

from __future__ import annotations

import functools
import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import datasets, extractors, metrics, runners
from benchmarks.datasets import Dataset

FLOORS_FILE = Path(__file__).resolve().parent.parent / "benchmarks" / "floors.json"
FLOORS: dict[str, dict[str, float]] = {
    name: figures for name, figures in json.loads(FLOORS_FILE.read_text("utf-8")).items()
    if not name.startswith("_")}


def _extract() -> extractors.ExtractFn:
    """Our extraction call; skip only while `extract` is not written yet.

    A package that fails to import is a regression, so that error is not caught.
    """
    extractor: Any = importlib.import_module("extractor")
    if not hasattr(extractor, "extract"):
        pytest.skip("extractor.extract does not exist yet")
    return extractors.build(extractors.OURS)


@functools.cache
def _load(name: str) -> Dataset | None:
    try:
        return datasets.load(name)
    except datasets.DatasetUnavailable:
        return None


def _dataset(name: str) -> Dataset:
    data = _load(name)
    if data is None or not data.pages:
        pytest.skip(f"data set {name} not present at {datasets.resolve(name)}")
    return data


@functools.cache
def _texts(name: str) -> dict[str, str]:
    """Our extraction of every page of a data set, shared by the tests below."""
    runs = runners.run_in_process(_extract(), _dataset(name).pages)
    return {run.page_id: run.text for run in runs}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_stays_above_floor(name: str) -> None:
    data = _dataset(name)
    texts = _texts(name)
    scores = [metrics.score_page(p.gold, texts[p.id]) for p in data.pages if p.gold is not None]
    if not scores:
        pytest.skip(f"{name} has no gold text")
    figures = metrics.gold_figures(scores)
    below = {k: (round(figures[k], 4), floor) for k, floor in FLOORS[name].items()
             if figures[k] < floor}
    assert not below, (f"{name}: below the floor in benchmarks/floors.json "
                       f"(measured, floor): {below}; run `python -m benchmarks --dataset "
                       f"{name} --report reports/` to see the worst pages")


def _corpus_page_ids() -> list[str]:
    data = _load("corpus")
    return [p.id for p in data.pages if p.must_exclude] if data else []


@pytest.mark.parametrize("page_id", _corpus_page_ids() or ["(no corpus pages)"])
def test_no_must_exclude_snippet_appears_in_corpus_extraction(page_id: str) -> None:
    data = _dataset("corpus")
    page = next((p for p in data.pages if p.id == page_id), None)
    if page is None:
        pytest.skip("corpus/ has no pages with must_exclude snippets yet")
    text = metrics.normalise_space(_texts("corpus")[page_id])
    leaked = [s for s in page.must_exclude if metrics.normalise_space(s) in text]
    assert not leaked, f"corpus/{page_id}: must-not-appear snippets extracted: {leaked}"
