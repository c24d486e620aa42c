"""`extractor.select`: region choice, thresholds, context rescue and marked sections.

Most tests pin the block probabilities by hand, so they test the selection rules and
not the current model weights; a few run the real scorer end to end.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.clean import clean
from extractor.options import Options
from extractor.parse import parse
from extractor.score import Score, score
from extractor.segment import Segmentation, segment
from extractor.select import Selection, choose_region, select
from extractor.tuning import CONTEXT_RESCUE_SHARE, HEADING_MIN_PROBABILITY, KEEP_THRESHOLD

P1 = (
    "The council voted on Tuesday to close the old bridge, and residents said they were "
    "worried about the longer drive to the hospital in the next town."
)
P2 = (
    "The mayor, who had argued for repairs, said she would ask the regional government "
    "for money before the winter comes and the roads freeze."
)
P3 = (
    "Engineers had warned for years that the structure was failing, but the budget was "
    "always spent on other things first, according to the minutes of the meetings."
)


def seg(body: str) -> Segmentation:
    root = parse(f"<html><body>{body}</body></html>", max_bytes=1_000_000).root
    return segment(clean(root), max_blocks=10_000)


def pinned(probs: list[float]) -> tuple[Score, ...]:
    return tuple(Score(p, ()) for p in probs)


def run(body: str, probs: list[float], favor: str = "balanced") -> tuple[Segmentation, Selection]:
    s = seg(body)
    assert len(s.blocks) == len(probs), [b.text for b in s.blocks]
    return s, select(s, pinned(probs), Options(favor=favor))  # type: ignore[arg-type]


def kept_texts(s: Segmentation, sel: Selection) -> list[str]:
    return [b.text for b, k in zip(s.blocks, sel.kept) if k]


def test_empty_segmentation() -> None:
    s = seg("")
    sel = select(s, (), Options())
    assert sel == Selection(region=-1, kept=(), reasons=())


def test_region_is_article_not_sidebar_pinned() -> None:
    body = (
        "<div id='page'><div id='story'><p>a</p><p>b</p><p>c</p></div>"
        "<div id='side'><p>x</p><p>y</p><p>z</p></div></div>"
    )
    s, sel = run(body, [0.9, 0.9, 0.9, 0.1, 0.1, 0.1])
    assert s.containers[sel.region].label == "div#story"
    assert kept_texts(s, sel) == ["a", "b", "c"]
    assert sel.reasons[3] == ("outside the article region",)


def test_region_excludes_confident_block_outside_it() -> None:
    # A lone good-looking block in the sidebar does not drag the region out to the page.
    body = (
        "<div id='page'><div id='story'><p>a</p><p>b</p><p>c</p></div>"
        "<div id='side'><p>x</p><p>y</p><p>z</p></div></div>"
    )
    s, sel = run(body, [0.95, 0.95, 0.95, 0.6, 0.01, 0.01])
    assert s.containers[sel.region].label == "div#story"
    assert not sel.kept[3]


def test_region_tie_goes_to_tighter_container() -> None:
    body = "<div id='outer'><div id='inner'><p>a</p><p>b</p></div></div>"
    s, sel = run(body, [0.9, 0.9])
    assert s.containers[sel.region].label == "div#inner"


def test_region_weights_words() -> None:
    # One long, fairly confident paragraph outweighs two short, very confident lines.
    body = (
        f"<div id='long'><p>{P1}</p></div><div id='short'><p>a b</p><p>c d</p></div>"
        f"<div id='noise'><p>{P2}</p></div>"
    )
    s = seg(body)
    region = s.containers[choose_region(s, [0.7, 0.99, 0.99, 0.1])]
    assert (region.first_block, region.end_block) == (0, 1)


def test_region_article_not_sidebar_end_to_end() -> None:
    body = (
        "<div id='wrap'><div class='article-body'>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        "<div class='sidebar'><h3>Most popular</h3><ul>"
        + "".join(f"<li><a href='/s{i}'>Story headline number {i}</a></li>" for i in range(8))
        + "</ul><p>Subscribe to our newsletter</p></div></div>"
    )
    explanation = extractor.explain(f"<html><body>{body}</body></html>")
    assert explanation.region.startswith("div.article-body")
    assert explanation.article.text == "\n\n".join([P1, P2, P3])


@pytest.mark.parametrize("favor", ["precision", "balanced", "recall"])
def test_threshold_per_favor(favor: str) -> None:
    threshold = KEEP_THRESHOLD[favor]
    body = "<div><p>a</p><p>b</p><p>c</p><p>d</p></div>"
    # The near miss sits at the edge, where no context rule can rescue it.
    probs = [threshold - 0.01, 0.99, threshold, 0.99]
    s, sel = run(body, probs, favor)
    assert s.containers[sel.region].tag == "div"
    assert sel.kept == (False, True, True, True)
    assert sel.reasons[2] == (f"probability {threshold:.2f} >= {threshold:.2f}",)
    assert sel.reasons[0] == (f"probability {threshold - 0.01:.2f} < {threshold:.2f}",)


def test_placeholder_never_kept_even_when_scored_high() -> None:
    _, sel = run("<div><p>a</p><p>Advertisement</p><p>b</p></div>", [0.9, 0.99, 0.9])
    assert sel.kept == (True, False, True)
    assert any("placeholder" in r for r in sel.reasons[1])


def test_short_line_between_paragraphs_is_rescued() -> None:
    near_miss = KEEP_THRESHOLD["balanced"] * CONTEXT_RESCUE_SHARE + 0.05
    _, sel = run(f"<div><p>{P1}</p><p>It was cold.</p><p>{P2}</p></div>", [0.9, near_miss, 0.9])
    assert sel.kept == (True, True, True)
    assert "kept: between two kept blocks" in sel.reasons[1]


def test_far_miss_between_paragraphs_is_not_rescued() -> None:
    far_miss = KEEP_THRESHOLD["balanced"] * CONTEXT_RESCUE_SHARE - 0.05
    _, sel = run(f"<div><p>{P1}</p><p>It was cold.</p><p>{P2}</p></div>", [0.9, far_miss, 0.9])
    assert sel.kept == (True, False, True)


def test_near_miss_with_one_kept_neighbour_is_not_rescued() -> None:
    _, sel = run(
        f"<div><p>{P1}</p><p>It was cold.</p><p>x</p><p>{P2}</p></div>", [0.9, 0.4, 0.01, 0.9]
    )
    assert not sel.kept[1]


@pytest.mark.parametrize("line", ["March 3, 2024", "By Jane Doe", "Read more: other story"])
def test_dates_and_phrases_are_not_rescued(line: str) -> None:
    _, sel = run(f"<div><p>{P1}</p><p>{line}</p><p>{P2}</p></div>", [0.9, 0.45, 0.9])
    assert sel.kept == (True, False, True)


def test_heading_of_kept_text_is_kept() -> None:
    p = HEADING_MIN_PROBABILITY + 0.05
    # Not between two kept blocks (the line before it is dropped): the heading rule keeps it.
    body = f"<div><p>{P1}</p><p>x</p><h2>Background</h2><p>{P2}</p></div>"
    _, sel = run(body, [0.9, 0.0, p, 0.9])
    assert sel.kept == (True, False, True, True)
    assert "kept: heading of kept text" in sel.reasons[2]


def test_heading_below_minimum_is_not_kept() -> None:
    p = HEADING_MIN_PROBABILITY - 0.05
    _, sel = run(
        f"<div><p>{P1}</p><p>y</p><h2>Background</h2><p>{P2}</p></div>", [0.9, 0.0, p, 0.9]
    )
    assert not sel.kept[2]


def test_heading_before_heading_is_not_kept_by_context() -> None:
    _, sel = run(
        f"<div><p>{P1}</p><p>y</p><h2>Part</h2><h3>Sub</h3><p>{P2}</p></div>",
        [0.9, 0.0, 0.3, 0.9, 0.9],
    )
    assert not sel.kept[2]


def test_related_heading_drops_list_under_it() -> None:
    body = (
        f"<div class='content'><p>{P1}</p><p>{P2}</p><h2>Related stories</h2><ul>"
        "<li>Bridge closures across the region this year</li>"
        "<li>Mayor announces new budget plan for roads</li></ul></div>"
    )
    # Even if the scorer liked the list items, the section rule drops them.
    s, sel = run(body, [0.9, 0.9, 0.9, 0.9, 0.9])
    assert kept_texts(s, sel) == [P1, P2]
    assert any("Related stories" in r for r in sel.reasons[3])


def test_related_section_ends_at_next_heading_of_same_level() -> None:
    body = (
        f"<div><p>{P1}</p><h2>Related</h2><p>Other story</p>"
        f"<h2>Analysis</h2><p>{P2}</p></div>"
    )
    s, sel = run(body, [0.9, 0.9, 0.9, 0.9, 0.9])
    assert kept_texts(s, sel) == [P1, "Analysis", P2]


def test_related_section_ends_with_its_container() -> None:
    body = (
        f"<div id='a'><p>{P1}</p><div class='box'><p>See also</p><p>Other story</p></div>"
        f"<p>{P2}</p></div>"
    )
    s, sel = run(body, [0.9, 0.9, 0.9, 0.9])
    assert kept_texts(s, sel) == [P1, P2]


def test_comment_heading_drops_comments() -> None:
    body = (
        f"<div><p>{P1}</p><p>{P2}</p><h3>Leave a comment</h3>"
        "<p>I completely agree with the author about this bridge and the council.</p></div>"
    )
    s, sel = run(body, [0.9, 0.9, 0.1, 0.9])
    assert kept_texts(s, sel) == [P1, P2]


def test_comment_count_heading_drops_comments() -> None:
    body = f"<div><p>{P1}</p><h3>12 Comments</h3><p>First!</p><p>{P3}</p></div>"
    s, sel = run(body, [0.9, 0.1, 0.9, 0.9])
    assert kept_texts(s, sel) == [P1]


def test_lower_level_heading_does_not_end_section() -> None:
    body = f"<div><p>{P1}</p><h2>Related</h2><h3>Sub</h3><p>Other story</p></div>"
    s, sel = run(body, [0.9, 0.9, 0.9, 0.9])
    assert kept_texts(s, sel) == [P1]


def test_reasons_one_tuple_per_block() -> None:
    body = f"<div><p>{P1}</p><p>x</p></div><aside><p>y</p></aside>"
    s, sel = run(body, [0.9, 0.1, 0.1])
    assert len(sel.reasons) == len(sel.kept) == len(s.blocks)
    assert all(sel.reasons)


def _page(n_side: int) -> str:
    return (
        "<html><body><header><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></header>"
        f"<article><h1>Bridge to close</h1><p>By Jane Doe</p><p>{P1}</p><p>Short one.</p>"
        f"<p>{P2}</p><p>Photo: Reuters</p><p>{P3}</p><p>Read more: the budget</p></article>"
        "<aside><ul>"
        + "".join(f"<li><a href='/{i}'>Other headline {i}</a></li>" for i in range(n_side))
        + "</ul></aside><footer>© 2024 Example News. All rights reserved.</footer></body></html>"
    )


@pytest.mark.parametrize("n_side", [0, 3, 12])
def test_precision_keeps_no_more_than_balanced_no_more_than_recall(n_side: int) -> None:
    html = _page(n_side)
    favors = ("precision", "balanced", "recall")
    counts = [len(extractor.extract(html, favor=f).blocks) for f in favors]
    assert counts[0] <= counts[1] <= counts[2]
    assert counts[0] >= 3  # all of the real paragraphs survive even at high precision


def test_favor_monotone_with_pinned_scores() -> None:
    # One container holds every block, so the region is the same for every setting.
    body = "<div>" + "<br><br>".join(f"w{i}" for i in range(8)) + "</div>"
    t = KEEP_THRESHOLD
    probs = [0.99, t["precision"] + 0.01, 0.0, t["balanced"] + 0.01, 0.0, t["recall"] + 0.01]
    probs += [0.0, 0.99]
    s = seg(body)
    kept = {
        favor: sum(select(s, pinned(probs), Options(favor=favor)).kept)  # type: ignore[arg-type]
        for favor in ("precision", "balanced", "recall")
    }
    assert kept == {"precision": 3, "balanced": 4, "recall": 5}


def test_select_uses_real_scores() -> None:
    s = seg(f"<article><p>{P1}</p><p>{P2}</p></article><nav><a href='/'>Home</a></nav>")
    sel = select(s, score(s.blocks), Options())
    assert kept_texts(s, sel) == [P1, P2]
