"""The benchmark metric on small cases worked out by hand, and against the checker."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import metrics
from benchmarks.metrics import PageScore, SnippetCounts

QUICKBENCH = Path(__file__).resolve().parents[2] / "shared" / "hooks" / "quickbench.py"


def test_tokens_are_word_runs_and_ignore_punctuation() -> None:
    assert metrics.tokens("Hello, world! It's 2024.") == ["Hello", "world", "It", "s", "2024"]


def test_short_text_is_one_shingle_and_empty_text_none() -> None:
    assert metrics.shingles("one two") == {("one", "two"): 1}
    assert metrics.shingles("") == {}
    assert metrics.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_identical_texts_score_one_and_match_exactly() -> None:
    score = metrics.score_page("The cat sat on the mat.", "The cat  sat on the mat")
    assert (score.precision, score.recall, score.exact) == (1.0, 1.0, True)


def test_partial_extraction() -> None:
    # gold shingles: abcd, bcde; extracted: abcd -> tp 1, fp 0, fn 1
    score = metrics.score_page("a b c d e", "a b c d")
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)
    assert (score.precision, score.recall, score.exact) == (1.0, 0.5, False)


def test_extra_text_costs_precision() -> None:
    # gold: abcd; extracted: abcd, bcdx, cdxy -> tp 1, fp 2
    score = metrics.score_page("a b c d", "a b c d x y")
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == 1.0


def test_shingles_are_counted_as_a_multiset() -> None:
    # gold "a b c d a b c d": abcd x2, bcda, cdab, dabc; extracted abcd once
    score = metrics.score_page("a b c d a b c d", "a b c d")
    assert (score.tp, score.fp, score.fn) == (1, 0, 4)
    assert score.recall == pytest.approx(0.2)


def test_empty_cases() -> None:
    nothing_extracted = metrics.score_page("some gold text here", "")
    assert (nothing_extracted.precision, nothing_extracted.recall) == (None, 0.0)
    both_empty = metrics.score_page("", "")
    assert (both_empty.precision, both_empty.recall, both_empty.exact) == (1.0, 1.0, True)
    no_gold = metrics.score_page("", "boilerplate only")
    assert (no_gold.precision, no_gold.recall) == (0.0, None)


def test_short_texts_compare_as_whole_shingles() -> None:
    score = metrics.score_page("hello world", "hello there")
    assert (score.tp, score.fp, score.fn, score.precision, score.recall) == (0, 1, 1, 0.0, 0.0)


def test_set_figures_average_pages_then_combine() -> None:
    pages = [
        PageScore(1, 0, 1, 1.0, 0.5, False),
        PageScore(0, 0, 3, None, 0.0, False),  # nothing extracted: not in precision
        PageScore(5, 0, 0, 1.0, 1.0, True),
    ]
    figures = metrics.gold_figures(pages)
    assert figures["precision"] == 1.0
    assert figures["recall"] == pytest.approx(0.5)
    assert figures["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert figures["accuracy"] == pytest.approx(1 / 3)


def test_page_f1_is_harmonic_mean_and_zero_for_missing_sides() -> None:
    assert PageScore(1, 0, 1, 1.0, 0.5, False).f1 == pytest.approx(2 / 3)
    assert PageScore(0, 0, 3, None, 0.0, False).f1 == 0.0


def test_snippets_normalise_whitespace_and_count_each_kind() -> None:
    text = "Main   story\nbegins here. Share this"
    counts = metrics.score_snippets(text, ["story begins", "not there"], ["Share this", "Menu"])
    assert counts == SnippetCounts(tp=1, fp=1, fn=1, tn=1)
    assert counts.failures == 2


def test_snippet_figures_pool_counts_over_pages() -> None:
    pages = [SnippetCounts(tp=3, fp=1, fn=0, tn=2), SnippetCounts(tp=1, fp=0, fn=3, tn=3)]
    figures = metrics.snippet_figures(pages)
    assert figures["precision"] == pytest.approx(4 / 5)
    assert figures["recall"] == pytest.approx(4 / 7)
    assert figures["accuracy"] == pytest.approx(9 / 13)
    assert figures["f1"] == pytest.approx(2 * (4 / 5) * (4 / 7) / (4 / 5 + 4 / 7))


def test_bootstrap_is_reproducible_and_zero_for_identical_pages() -> None:
    pages = [metrics.score_page("a b c d e f", t) for t in ("a b c d", "a b c d e f", "x y", "")]
    first = metrics.bootstrap(pages, metrics.gold_figures, samples=200)
    again = metrics.bootstrap(pages, metrics.gold_figures, samples=200)
    assert first == again
    assert first["recall"].se > 0
    assert first["f1"].ci95 == pytest.approx(1.96 * first["f1"].se)
    same = metrics.bootstrap([pages[1]] * 5, metrics.gold_figures, samples=50)
    assert same["f1"].value == 1.0 and same["f1"].se == 0.0


def _quickbench() -> ModuleType:
    if not QUICKBENCH.is_file():
        pytest.skip(f"independent checker not present at {QUICKBENCH}")
    spec = importlib.util.spec_from_file_location("quickbench", QUICKBENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WORDS = st.sampled_from(["the", "cat", "sat", "on", "mat", "a", "dog", "ran", ",", ".", "\n"])
TEXTS = st.lists(WORDS, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(pairs=st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=6))
def test_agrees_exactly_with_the_independent_checker(pairs: list[tuple[str, str]]) -> None:
    quickbench = _quickbench()
    ours = [metrics.score_page(gold, pred) for gold, pred in pairs]
    theirs = [quickbench.page_pr(gold, pred) for gold, pred in pairs]
    assert [(s.precision, s.recall) for s in ours] == theirs
    figures = metrics.gold_figures(ours)
    assert (figures["f1"], figures["precision"], figures["recall"]) == quickbench.f1(theirs)
