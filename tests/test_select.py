"""`extractor.select`: region choice, thresholds, hard rules, context rescue, marked sections.

Most tests pin the block probabilities by hand, so they test the selection rules and
not the current model weights; a few run the real scorer end to end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import P1, P2, P3, segment_body

import extractor
from extractor.context import cards, named_signature, signature
from extractor.options import Options
from extractor.patterns import GROUP_NAMES, group_names, markup, token_groups
from extractor.pipeline import prepare
from extractor.postprocess import postprocess
from extractor.score import Score, score
from extractor.segment import HEADING_LEVELS, TAG_PATH_DEPTH, Segmentation
from extractor.select import (
    Selection,
    _is_heading,
    _numbers_slides,
    best_region,
    choose_region,
    hard_rule,
    inside,
    mostly_date,
    paragraph_run,
    region_totals,
    select,
    select_by_probability,
)
from extractor.tuning import (
    AFTER_BODY_MIN_PROBABILITY,
    CONTEXT_RESCUE_SHARE,
    HEADING_MIN_PROBABILITY,
    HEADING_WRAP_DEPTH,
    KEEP_THRESHOLD,
    LEAD_SEARCH_WORDS,
    LIST_ITEM_MIN_WORDS,
    LIST_MOSTLY_KEPT_SHARE,
    NOISE_BOX_TAGS,
    NOISE_REGION_GROUPS,
    REGION_TIGHTER_MAX,
    REGION_TIGHTER_SHARE,
    RELATED_SECTION_MAX_CONFIDENCE,
    SLIDESHOW_ARTICLE_MIN_WORDS,
    SLIDESHOW_MIN_SLIDES,
    TABLE_CELL_MAX_WORDS,
    TAXONOMY_LINE_MAX_WORDS,
    UNDER_HEADLINE_MAX_LINK_DENSITY,
    UNDER_HEADLINE_MIN_PROBABILITY,
)
from extractor.types import BlockKind

# Above the keep threshold, below the confidence of article text.
MODERATE = (KEEP_THRESHOLD["balanced"] + RELATED_SECTION_MAX_CONFIDENCE) / 2



def seg(body: str) -> Segmentation:
    return segment_body(body, max_blocks=10_000)


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


def test_region_is_the_box_inside_a_wrapper_that_wins_by_a_sliver() -> None:
    # The wrapper adds a sidebar whose confident blurb and weak link lists nearly cancel
    # out: the article's own box is the region.
    blurb = "This blog is about everything related to buying and using tech products."
    links = "".join(f"<li>Older post {i}</li>" for i in range(6))
    body = (
        f"<div id='wrap'><div id='story'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        f"<div id='side'><p>{blurb}</p><ul>{links}</ul></div></div>"
    )
    s = seg(body)
    probs = [0.95, 0.95, 0.95, 0.8] + [0.1] * 6
    totals = region_totals(s, probs, 0.4)
    wrap = next(c.id for c in s.containers if c.label == "div#wrap")
    story = next(c.id for c in s.containers if c.label == "div#story")
    assert totals[story] < totals[wrap] <= totals[story] / (1 - REGION_TIGHTER_SHARE)
    assert s.containers[choose_region(s, probs)].label == "div#story"
    # A wrapper that adds real evidence (a blurb not offset by anything) stays the region.
    probs = [0.95, 0.95, 0.95, 0.8] + [0.4] * 6
    assert s.containers[choose_region(s, probs)].label == "div#wrap"


def test_tighter_region_margin_is_capped_for_long_articles() -> None:
    # In a long article 5% of the evidence is more than a paragraph's worth: the box
    # that would leave out the standfirst (past a table of contents) does not win.
    lead = " ".join([P1, P2])
    toc = "".join(f"<li>Section {i}</li>" for i in range(4))
    paragraphs = "".join(f"<p>{P1} {P2} {P3}</p>" for _ in range(40))
    s = seg(f"<div id='page'><p>{lead}</p><ul>{toc}</ul><div id='body'>{paragraphs}</div></div>")
    probs = [0.95] + [0.1] * 4 + [0.95] * 40
    totals = region_totals(s, probs, 0.4)
    page = next(c.id for c in s.containers if c.label == "div#page")
    inner = next(c.id for c in s.containers if c.label == "div#body")
    assert totals[page] - totals[inner] > REGION_TIGHTER_MAX
    assert totals[page] - totals[inner] < REGION_TIGHTER_SHARE * totals[page]
    assert choose_region(s, probs) == page


def test_named_signature_keeps_an_id_that_is_the_only_name() -> None:
    # A label of a tag and an id keeps the id, numbers zeroed; a classed label drops it.
    assert signature("div#content") == "div"
    assert named_signature("div#content") == "div#content"
    assert named_signature("div#post-12") == named_signature("div#post-13") == "div#post-0"
    assert named_signature("div#post-12.entry.hentry") == "div.entry.hentry"
    assert named_signature("div") == "div"


def _plain_div_page(article: str) -> str:
    """A page of unnamed <div>s (each a two-line box) around the article's box."""
    boxes = "".join(f"<div><div>Box {i}</div><div>Link {i}</div></div>" for i in range(8))
    return f"<div id='page'>{article}<div id='side'>{boxes}</div></div>"


def test_plain_divs_are_not_copies_of_the_box_named_by_its_id() -> None:
    s = seg(_plain_div_page("<div id='content'>a<br><br>b<br><br>c</div>"))
    layout = cards(s)
    # By markup alone div#content is one more <div>; by its id it is one of a kind.
    assert layout.repeats[0] > 1
    assert layout.named_repeats[0] == 1
    numbered = seg("".join(f"<div id='post-{i}'><h2>t{i}</h2><p>x{i}</p></div>" for i in (1, 2, 3)))
    assert cards(numbered).named_repeats == (3,) * 6


def test_region_is_the_id_named_box_among_plain_divs() -> None:
    # Text set straight in div#content, with a related list under it (as old CMSs print
    # them): the body's box wins, not its one-line byline, though the page holds a
    # dozen unnamed <div>s that share its bare markup.
    article = (
        "<div id='content'><p>Posted by Ann</p>a<br><br>b<br><br>c<br><br>d"
        "<div><div>More</div><div>r1</div><div>r2</div><div>r3</div><div>r4</div></div></div>"
    )
    s = seg(_plain_div_page(article))
    probs = [0.85, 0.8, 0.8, 0.8, 0.8] + [0.1] * 5 + [0.0] * 16
    sel = select(s, pinned(probs), Options())
    assert s.containers[sel.region].label == "div#content"
    assert kept_texts(s, sel)[-4:] == ["a", "b", "c", "d"]


def _column(paragraphs: str) -> str:
    """A column holding the article's paragraphs straight, then a long comment thread."""
    comments = "".join(f"<li><p>{P1} {P2}</p></li>" for _ in range(6))
    return f"<div id='main'>{paragraphs}<ol>{comments}</ol></div><div id='side'><p>x</p></div>"


def test_paragraph_run_keeps_the_sibling_paragraphs_of_a_one_paragraph_region() -> None:
    # The comments sink the column; the region falls to the long paragraph, and its
    # short sibling paragraphs (and a line set straight in the column) join it.
    s = seg(_column(f"<p>{P1} {P2} {P3}</p><p>a b c</p>d e f<p>g h i</p>"))
    probs = [0.98, 0.8, 0.8, 0.7] + [0.05] * 6 + [0.0]
    sel = select(s, pinned(probs), Options())
    assert s.containers[sel.region].tag == "p"
    assert kept_texts(s, sel) == [f"{P1} {P2} {P3}", "a b c", "d e f", "g h i"]


def test_paragraph_run_stops_where_what_follows_weighs_less_than_nothing() -> None:
    # A weak line after the body would pay for a later good one only at a loss: the run
    # ends before it, whatever lies beyond.
    s = seg(_column(f"<p>{P1} {P2} {P3}</p><p>a b c</p><p>{P1}</p><p>g h</p>"))
    probs = [0.98, 0.8, 0.05, 0.9] + [0.05] * 6 + [0.0]
    sel = select(s, pinned(probs), Options())
    assert kept_texts(s, sel) == [f"{P1} {P2} {P3}", "a b c"]


def test_paragraph_run_only_for_a_one_block_region() -> None:
    # A region that is a box of several blocks is the article's own box: no run.
    s = seg(f"<div id='page'><div id='story'><p>{P1}</p><p>{P2}</p></div><p>{P3}</p></div>")
    totals = region_totals(s, [0.9, 0.9, 0.3], 0.4)
    region = best_region(s, totals)
    assert s.containers[region].label == "div#story"
    assert paragraph_run(s, totals, [0.9, 0.9, 0.3], 0.4, cards(s), region) == ([], [])


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
    near_miss = KEEP_THRESHOLD["balanced"] * CONTEXT_RESCUE_SHARE + 0.05
    assert near_miss < KEEP_THRESHOLD["balanced"]
    _, sel = run(
        f"<div><p>{P1}</p><p>It was cold.</p><p>x</p><p>{P2}</p></div>", [0.9, near_miss, 0.01, 0.9]
    )
    assert not sel.kept[1]


def test_prose_near_miss_past_a_dropped_furniture_line_is_rescued() -> None:
    # "Advertisement" between two paragraphs does not part them: the prose paragraph
    # after it is between kept text.
    near_miss = KEEP_THRESHOLD["balanced"] * CONTEXT_RESCUE_SHARE + 0.05
    body = f"<div><p>{P1}</p><p>Advertisement</p><p>{P3}</p><p>{P2}</p></div>"
    _, sel = run(body, [0.9, 0.9, near_miss, 0.9])
    assert sel.kept == (True, False, True, True)
    assert "kept: between two kept blocks" in sel.reasons[2]


def test_short_line_past_a_dropped_furniture_line_is_not_rescued() -> None:
    # Only prose is read across the furniture line: a short line beside an ad slot or a
    # prompt ("Follow us", a credit) is as likely the slot's own furniture.
    near_miss = KEEP_THRESHOLD["balanced"] * CONTEXT_RESCUE_SHARE + 0.05
    body = f"<div><p>{P1}</p><p>Advertisement</p><p>Follow us</p><p>{P2}</p></div>"
    _, sel = run(body, [0.9, 0.9, near_miss, 0.9])
    assert sel.kept == (True, False, False, True)


def test_prose_near_miss_past_a_line_outside_the_region_is_not_rescued() -> None:
    # The article's last paragraph, a near miss: what follows the region is no kept text.
    near_miss = KEEP_THRESHOLD["balanced"] * CONTEXT_RESCUE_SHARE + 0.05
    body = f"<div><p>{P1}</p><p>{P3}</p></div><div><p>Advertisement</p><p>{P2}</p></div>"
    _, sel = run(body, [0.95, near_miss, 0.9, 0.05])
    assert not sel.kept[1]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("March 3, 2024", "date line"),
        ("By Jane Doe", "furniture line (byline)"),
        ("Read more: other story", "furniture line (crosslink)"),
    ],
)
def test_dates_and_phrases_are_not_rescued(line: str, why: str) -> None:
    # A near miss between two kept paragraphs, which context would rescue if it were prose.
    near_miss = KEEP_THRESHOLD["balanced"] * CONTEXT_RESCUE_SHARE + 0.05
    _, sel = run(f"<div><p>{P1}</p><p>{line}</p><p>{P2}</p></div>", [0.9, near_miss, 0.9])
    assert sel.kept == (True, False, True)
    assert sel.reasons[1] == (why,)


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
    # Even if the scorer mildly liked the list items, the section rule drops them.
    s, sel = run(body, [0.9, 0.9, 0.9, 0.6, 0.6])
    assert kept_texts(s, sel) == [P1, P2]
    assert any("Related stories" in r for r in sel.reasons[3])


def test_related_marker_over_confident_teaser_cards_drops_them() -> None:
    # "You may like" over teasers written as full sentences, each in a card like the
    # others: confident prose, but set in repeated cards, so the section goes.
    teaser_a = "The council voted to rebuild the harbour wall before the winter storms came in."
    teaser_b = "Residents of the old town asked for more buses to the station on Sunday evenings."
    cards = "".join(
        f"<article class='card'><h3><a href='/x'>Story</a></h3><p>{t}</p></article>"
        for t in (teaser_a, teaser_b)
    )
    body = (
        f"<div class='content'><p>{P1}</p><p>{P2}</p>"
        f"<div><h3>You may like</h3>{cards}</div></div>"
    )
    confident = RELATED_SECTION_MAX_CONFIDENCE + 0.05
    s, sel = run(body, [0.9, 0.9, 0.3, 0.3, confident, 0.3, confident])
    assert kept_texts(s, sel) == [P1, P2]


def test_related_marker_over_confident_prose_keeps_the_prose() -> None:
    # A "Read more" expander followed by the rest of the story: the section reads as
    # confident article text, so only the marker goes.
    body = (
        f"<div class='content'><p>{P1}</p>"
        f"<div><p>Read more</p><p>{P2}</p><p>{P3}</p></div></div>"
    )
    confident = RELATED_SECTION_MAX_CONFIDENCE + 0.05
    s, sel = run(body, [0.9, 0.3, confident, confident])
    assert P2 in kept_texts(s, sel)
    assert "Read more" not in kept_texts(s, sel)


def test_related_section_ends_at_next_heading_of_same_level() -> None:
    body = (
        f"<div><p>{P1}</p><h2>Related</h2><p>Other story</p>"
        f"<h2>Analysis</h2><p>{P2}</p></div>"
    )
    # "Other story" scores well but not like article text, so the section rule decides.
    s, sel = run(body, [0.9, 0.9, MODERATE, 0.9, 0.9])
    assert kept_texts(s, sel) == [P1, "Analysis", P2]


def test_related_section_ends_with_its_container() -> None:
    body = (
        f"<div id='a'><p>{P1}</p><div class='box'><p>See also</p><p>Other story</p></div>"
        f"<p>{P2}</p></div>"
    )
    s, sel = run(body, [0.9, 0.9, MODERATE, 0.9])
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


def test_comment_count_link_opening_the_text_titles_nothing() -> None:
    # A byline's "3 Comments" jump link opens the box holding the body; it names the
    # thread it links to, not that box.
    # (The headline is long enough that the region is the post, not the box inside it.)
    title = "Council votes to close the old bridge before the winter comes"
    body = (
        f"<div class='post'><h1>{title}</h1><div class='inner'>"
        f"<div class='comments-link'><a href='#comments'>3 Comments</a></div>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div><div class='side'><p>Ad</p></div>"
    )
    s, sel = run(body, [0.9, 0.1, 0.9, 0.9, 0.9, 0.1])
    assert s.containers[sel.region].label == "div.post"  # the box is inside the region
    assert kept_texts(s, sel) == [title, P1, P2, P3]


def test_lower_level_heading_does_not_end_section() -> None:
    body = f"<div><p>{P1}</p><h2>Related</h2><h3>Sub</h3><p>Other story</p></div>"
    s, sel = run(body, [0.9, 0.9, MODERATE, MODERATE])
    assert kept_texts(s, sel) == [P1]


def test_comments_heading_drops_comments_pinned() -> None:
    # "Comments" used to be read as a placeholder line, which opens no section.
    comment = "I think this is a great article and I agree with the author on every point."
    body = f"<div><p>{P1}</p><p>{P2}</p><h2>Comments</h2><p>{comment}</p></div>"
    s, sel = run(body, [0.9, 0.9, 0.9, 0.9])
    assert kept_texts(s, sel) == [P1, P2]


def test_comments_under_comments_heading_are_dropped_end_to_end() -> None:
    comment = (
        "I think this is a great article and I completely agree with the author on every "
        "single point made here."
    )
    html = (
        f"<html><body><article><p>{P1}</p><p>{P2}</p><h2>Comments</h2><p>{comment}</p>"
        "</article></body></html>"
    )
    text = extractor.extract(html).text
    assert comment not in text
    assert P1 in text and P2 in text


# --- hard rules: dropped whatever the score ---------------------------------------------

# Every block is scored as certain article text: only a hard rule can drop it.
SURE = 0.99


def in_story(inner: str) -> str:
    return f"<div id='story'><p>{P1}</p>{inner}<p>{P2}</p></div>"


def story_run(inner: str, options: Options | None = None) -> tuple[Segmentation, Selection]:
    s = seg(in_story(inner))
    sel = select(s, pinned([SURE] * len(s.blocks)), options or Options())
    assert s.containers[sel.region].label == "div#story"
    return s, sel


def middle(s: Segmentation, sel: Selection) -> list[tuple[str, bool, tuple[str, ...]]]:
    """(text, kept, reasons) of the blocks between P1 and P2."""
    return [
        (b.text, k, r) for b, k, r in zip(s.blocks, sel.kept, sel.reasons) if b.text not in (P1, P2)
    ]


def test_plain_paragraph_has_no_hard_rule() -> None:
    s, sel = story_run(f"<p>{P3}</p>")
    assert all(hard_rule(s, b, sel.region, Options()) is None for b in s.blocks)
    assert all(sel.kept)


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ("Advertisement", "placeholder"),
        ("By Jane Doe", "byline"),
        ("Subscribe to our newsletter", "prompt"),
        ("Read more: the budget", "crosslink"),
    ],
)
def test_furniture_lines_dropped_whatever_the_score(line: str, phrase: str) -> None:
    s, sel = story_run(f"<p>{line}</p>")
    assert s.blocks[1].features.phrase == phrase
    assert middle(s, sel) == [(line, False, (f"furniture line ({phrase})",))]
    assert sel.kept[0] and sel.kept[2]


def test_date_line_dropped_whatever_the_score() -> None:
    s, sel = story_run("<p>March 3, 2024</p>")
    assert middle(s, sel) == [("March 3, 2024", False, ("date line",))]


@pytest.mark.parametrize("line", ["Related stories", "Comments"])
def test_section_headings_are_not_hard_rules(line: str) -> None:
    # Section markers are handled by the section rule, which drops what follows too.
    s = seg(in_story(f"<h2>{line}</h2>"))
    block = next(b for b in s.blocks if b.text == line)
    assert block.features.phrase in ("related-heading", "comment-heading")
    assert hard_rule(s, block, container_id(s, "div#story"), Options()) is None


def container_id(s: Segmentation, label: str) -> int:
    return next(c.id for c in s.containers if c.label == label)


def test_caption_dropped_unless_include_captions() -> None:
    figure = "<figure><figcaption>The old bridge in 1950.</figcaption></figure>"
    s, sel = story_run(figure)
    assert middle(s, sel) == [
        ("The old bridge in 1950.", False, ("caption (include_captions=False)",))
    ]
    s, sel = story_run(figure, Options(include_captions=True))
    assert all(sel.kept)


def test_table_cell_dropped_only_when_tables_excluded() -> None:
    table = "<table><tr><td>Bridge</td><td>1950</td></tr></table>"
    s, sel = story_run(table)
    assert Options().include_tables
    assert all(sel.kept)
    s, sel = story_run(table, Options(include_tables=False))
    assert [(t, k) for t, k, _ in middle(s, sel)] == [("Bridge", False), ("1950", False)]
    assert all(r == ("table cell (include_tables=False)",) for _, _, r in middle(s, sel))


@pytest.mark.parametrize("tag", sorted(NOISE_BOX_TAGS))
def test_noise_tag_inside_the_region_is_dropped(tag: str) -> None:
    # A <form> must wrap a paragraph, or `clean` removes it before segmentation.
    s, sel = story_run(f"<{tag}><div><p>Inside the box, scored high.</p></div></{tag}>")
    assert middle(s, sel) == [
        (
            "Inside the box, scored high.",
            False,
            (f"inside a box named as noise inside the article (<{tag}>)",),
        )
    ]
    assert sel.kept[0] and sel.kept[-1]


def _token_of(group: str) -> str:
    """One class name that names `group` and nothing else (and is no caption name)."""
    token = sorted(markup._GROUPS[group][0] - {"caption", "credit", "credits"})[0]
    assert group_names(token_groups((token,))) == (group,)
    return token


@pytest.mark.parametrize("name", ["img-caption", "wp-caption-text", "photo-credit"])
def test_box_named_as_caption_is_a_caption(name: str) -> None:
    s, sel = story_run(f"<div class='{name}'>The old harbour wall in 1989 Photo: Jane Roe</div>")
    [(_, kept, why)] = middle(s, sel)
    assert not kept
    assert why == ("caption (include_captions=False)",)
    s, sel = story_run(
        f"<div class='{name}'>The old harbour wall in 1989</div>",
        Options(include_captions=True),
    )
    assert all(sel.kept)


@pytest.mark.parametrize("group", NOISE_REGION_GROUPS)
def test_box_named_as_noise_group_inside_the_region_is_dropped(group: str) -> None:
    token = _token_of(group)
    s, sel = story_run(f"<div class='{token}'><div><p>Inside the box, scored high.</p></div></div>")
    [(_, kept, why)] = middle(s, sel)
    assert not kept
    assert why == (f"inside a box named as noise inside the article ({group})",)


@pytest.mark.parametrize("group", [g for g in GROUP_NAMES if g not in NOISE_REGION_GROUPS])
def test_box_named_as_other_group_is_left_to_the_scorer(group: str) -> None:
    token = _token_of(group) if group != "content" else "content"
    s, sel = story_run(f"<div class='{token}'><p>Inside the box, scored high.</p></div>")
    assert all(sel.kept), middle(s, sel)


@pytest.mark.parametrize("group", NOISE_REGION_GROUPS)
def test_noise_named_region_itself_is_not_a_box_inside_it(group: str) -> None:
    # A site that wraps its whole article in such a class has named the article.
    token = _token_of(group)
    body = f"<div class='wrap'><div class='{token}'><p>{P1}</p><p>{P2}</p></div></div>"
    s, sel = run(body, [SURE, SURE])
    assert s.containers[sel.region].label == f"div.{token}"
    assert sel.kept == (True, True)


def test_noise_tag_outside_the_region_counts_as_outside() -> None:
    body = f"<nav><div id='story'><p>{P1}</p><p>{P2}</p></div></nav>"
    s, sel = run(body, [SURE, SURE])
    assert s.containers[sel.region].label == "div#story"
    assert sel.kept == (True, True)


def test_hard_rule_vetoes_are_not_rescued_by_context() -> None:
    near_miss = KEEP_THRESHOLD["balanced"] * CONTEXT_RESCUE_SHARE + 0.05
    body = (
        f"<div id='story'><p>{P1}</p><div class='share'><p>Share it.</p></div><p>{P2}</p>"
        "<p>y</p><nav><h2>Sections</h2></nav>"
        f"<p>{P3}</p></div>"
    )
    s, sel = run(body, [0.9, near_miss, 0.9, 0.0, HEADING_MIN_PROBABILITY + 0.05, 0.9])
    assert kept_texts(s, sel) == [P1, P2, P3]
    assert "between two kept blocks" not in " ".join(sel.reasons[1])
    assert "heading of kept text" not in " ".join(sel.reasons[4])


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


def test_box_after_the_body_in_the_region_needs_high_confidence() -> None:
    # The region holds the body box and, after it, a bio box the template appends (long
    # enough to weigh more than a sliver of the region, which would leave it outside).
    bio = "Jane Roe has covered local government for the paper since 2011 and lives in Millbrook."
    body = (
        f"<article><div class='body'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        f"<div class='bio'><p>{bio}</p></div></article>"
    )
    s, sel = run(body, [0.95, 0.95, 0.95, MODERATE])
    assert kept_texts(s, sel) == [P1, P2, P3]
    assert sel.reasons[3][-1].startswith("dropped: after the article's body")
    # A confident block after the body is the article's and stays.
    s, sel = run(body, [0.95, 0.95, 0.95, AFTER_BODY_MIN_PROBABILITY])
    assert kept_texts(s, sel) == [P1, P2, P3, bio]


def test_region_that_is_its_own_body_box_is_left_alone() -> None:
    body = f"<article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
    s, sel = run(body, [0.95, 0.95, MODERATE])
    assert kept_texts(s, sel) == [P1, P2, P3]


def test_photo_page_keeps_its_caption_when_nothing_else_is_kept() -> None:
    caption = "A crowd gathers at the harbour to watch the tall ships leave at dawn."
    body = f"<div><h1>Tall ships</h1><div class='caption'>{caption}</div></div>"
    s, sel = run(body, [0.9, 0.7])
    assert kept_texts(s, sel) == ["Tall ships", caption]
    assert sel.reasons[1][-1] == "kept: the caption of a photo page with little other text"
    # a gallery's pager beside it is not text enough to drop it
    pager = "<div>Previous 1 / 6 Next</div>"
    s, sel = run(body.replace("</h1>", f"</h1>{pager}"), [0.9, 0.5, 0.7])
    assert kept_texts(s, sel) == ["Tall ships", "Previous 1 / 6 Next", caption]
    # with article text beside it, the caption goes as usual
    s, sel = run(f"<div><p>{P1}</p><div class='caption'>{caption}</div></div>", [0.9, 0.7])
    assert kept_texts(s, sel) == [P1]
    # and a caption the scorer doubts is not promoted
    s, sel = run(body, [0.9, KEEP_THRESHOLD["balanced"] / 2])
    assert kept_texts(s, sel) == ["Tall ships"]


# --- filing lines -------------------------------------------------------------------------


def test_long_tag_list_in_the_article_is_dropped_whatever_its_score() -> None:
    # A byline-like prefix only condemns a short line; a tag list is furniture at any length.
    tags = "Tags: " + ", ".join(f"garden topic {n}" for n in range(15))  # 46 words
    body = f"<div id='post'><p>{P1}</p><p>{P2}</p><p>{tags}</p></div>"
    s, sel = run(body, [0.95, 0.95, 0.95])
    assert kept_texts(s, sel) == [P1, P2]
    assert sel.reasons[2] == ("furniture line (tags and categories)",)


def test_long_browser_notice_in_the_article_is_dropped_whatever_its_score() -> None:
    # A prompt phrase only condemns a short line; a browser notice runs on into advice.
    notice = (
        "This page is best viewed in an up-to-date web browser with style sheets enabled. "
        "While you will be able to read the content of this page in your current browser, "
        "you will not see the full layout. Please consider upgrading your browser or "
        "turning style sheets on if you are able to do so."
    )
    body = f"<div id='post'><p>{notice}</p><p>{P1}</p><p>{P2}</p></div>"
    s, sel = run(body, [0.95, 0.95, 0.95])
    assert kept_texts(s, sel) == [P1, P2]
    assert sel.reasons[0] == ("furniture line (browser notice)",)


def test_server_diagnostics_in_the_article_are_dropped_whatever_their_score() -> None:
    # A misconfigured blog prints PHP's warnings between its paragraphs, each its own line.
    warning = (
        "Warning: Creating default object from empty value in "
        "/var/www/blog/wp-includes/classes.php on line 407"
    )
    body = f"<div id='post'><p>{warning}</p><p>{P1}</p><p>{P2}</p></div>"
    s, sel = run(body, [0.95, 0.95, 0.95])
    assert kept_texts(s, sel) == [P1, P2]
    assert sel.reasons[0] == ("furniture line (server diagnostic)",)


def test_diagnostic_shown_in_a_code_box_is_text() -> None:
    # A tutorial quoting the message it explains keeps it.
    warning = "Notice: Undefined index: name in /var/www/form.php on line 12"
    body = f"<div id='post'><p>{P1}</p><pre>{warning}</pre><p>{P2}</p></div>"
    s, sel = run(body, [0.95, 0.95, 0.95])
    assert warning in kept_texts(s, sel)


def test_entry_footer_sentence_is_dropped() -> None:
    footer = (
        "This entry was posted on Monday, March 4th, 2024 at 9:12 am and is filed under "
        "Gardening, Soil. You can follow any responses to this entry through the RSS 2.0 "
        "feed. You can leave a response, or trackback from your own site."
    )
    body = f"<div id='post'><p>{P1}</p><p>{P2}</p><p>{footer}</p></div>"
    s, sel = run(body, [0.95, 0.95, 0.9])
    assert kept_texts(s, sel) == [P1, P2]


def test_paragraph_glued_to_a_filing_label_is_kept() -> None:
    # No break between "Filed under: News" and the story: the block is the story.
    story = " ".join([P1, P2, P3] * 3)
    glued = f"Filed under: News {story}"
    assert len(glued.split()) > TAXONOMY_LINE_MAX_WORDS
    body = f"<div id='post'><p>{P1}</p><p>{glued}</p></div>"
    s, sel = run(body, [0.95, 0.95])
    assert kept_texts(s, sel) == [P1, glued]


# --- the lead between the headline and the body ------------------------------------------

LEAD = (
    "Residents of the valley will have to drive an extra half hour to reach the hospital "
    "after the council closed the old bridge."
)
HEADLINE = "Council closes the old bridge"
TEASER = "<li><a href='/x'>A story from elsewhere on the site, one of many in a list</a></li>"
SIDE = f"<ul>{TEASER * 6}</ul>"


def lead_page(between: str = "<p>By Jane Roe</p>", heading: str = HEADLINE) -> str:
    """A header box with the headline, the lead and a byline, then the body's box."""
    return (
        f"<div id='page'><div class='head'><h1>{heading}</h1><p>{LEAD}</p>{between}</div>"
        f"<div id='body'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        f"<div id='side'><h2>Most read</h2>{SIDE}</div></div>"
    )


def lead_run(
    body: str, lead_p: float = MODERATE, title: str = HEADLINE
) -> tuple[Segmentation, Selection]:
    s = seg(body)
    probs = [lead_p if b.text == LEAD else 0.95 if b.text in (P1, P2, P3) else 0.1
             for b in s.blocks]
    sel = select(s, pinned(probs), Options(), title=title)
    assert s.containers[sel.region].label == "div#body"
    return s, sel


def test_lead_under_the_headline_is_kept_across_furniture() -> None:
    s, sel = lead_run(lead_page())
    assert kept_texts(s, sel) == [LEAD, P1, P2, P3]
    lead = next(r for b, r in zip(s.blocks, sel.reasons) if b.text == LEAD)
    assert lead[-1] == "kept: the lead between the headline and the body"


def test_lead_needs_the_title_and_the_headline() -> None:
    s, sel = lead_run(lead_page(), title="")
    assert LEAD not in kept_texts(s, sel)
    # a site-name heading sharing one word with the title is not the headline
    s, sel = lead_run(lead_page(heading="Valley Council News"))
    assert LEAD not in kept_texts(s, sel)


def test_lead_below_the_threshold_is_not_kept() -> None:
    s, sel = lead_run(lead_page(), lead_p=KEEP_THRESHOLD["balanced"] / 2)
    assert LEAD not in kept_texts(s, sel)


def test_paragraph_above_another_heading_is_not_a_lead() -> None:
    # A blog's description under the site name, then the post's own title.
    s, sel = lead_run(lead_page(between="<h2>On the road</h2>"))
    assert LEAD not in kept_texts(s, sel)


def test_lead_is_not_sought_past_much_furniture() -> None:
    # Neither walk goes far: back from the body (to the lead, then to the headline) nor
    # down from the headline (to the lead).
    furniture = "<p>Updated at noon by the night desk of the paper, three staff writers</p>" * 4
    page = lead_page(between="").replace(f"</h1><p>{LEAD}", f"</h1>{furniture}<p>{LEAD}")
    s, sel = lead_run(page)
    assert LEAD not in kept_texts(s, sel)


def test_one_line_dek_is_not_a_lead() -> None:
    dek = "The bridge is closed."
    s, sel = lead_run(lead_page().replace(LEAD, dek))
    assert dek not in kept_texts(s, sel)


def test_headline_text_in_a_block_inside_the_h1_finds_the_lead() -> None:
    # `<h1><div>Title</div></h1>`: the block is a paragraph by its own tag.
    page = lead_page().replace(f"<h1>{HEADLINE}</h1>", f"<h1><div>{HEADLINE}</div></h1>")
    s, sel = lead_run(page)
    assert kept_texts(s, sel) == [LEAD, P1, P2, P3]


def test_block_inside_another_heading_stops_the_lead_search() -> None:
    # ... and like a heading, one between the paragraph and the region means the
    # paragraph sits above another title.
    s, sel = lead_run(lead_page(between="<h2><div>On the road</div></h2>"))
    assert LEAD not in kept_texts(s, sel)


# --- the lead parted from the body by a box of furniture ---------------------------------

LINKED = "<h3><a href='/y'>Another story from elsewhere on the site, in the sidebar</a></h3>"
BOX = f"<div class='most-read'><div>Most read</div>{LINKED * 5}</div>"


def boxed_lead_page(box: str = BOX, credit: str = "") -> str:
    """The header box (headline, byline, lead), a box of teasers, then the body's box."""
    return (
        f"<div id='page'><div class='head'><h1>{HEADLINE}</h1><p>By Jane Roe</p>"
        f"<p>{LEAD}</p>{credit}</div>{box}"
        f"<div id='body'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        f"<div id='side'><h2>Most read</h2>{SIDE}</div></div>"
    )


def boxed_run(body: str, pins: dict[str, float] | None = None) -> tuple[Segmentation, Selection]:
    """Lead `MODERATE`, body confident, everything else 0.1 unless pinned by text."""
    s = seg(body)
    pins = {LEAD: MODERATE, P1: 0.95, P2: 0.95, P3: 0.95, **(pins or {})}
    sel = select(s, pinned([pins.get(b.text, 0.1) for b in s.blocks]), Options(), title=HEADLINE)
    assert s.containers[sel.region].label == "div#body"
    return s, sel


def test_lead_parted_from_the_body_by_teasers_is_kept() -> None:
    # The walk back from the body stops at the teasers' headings; the walk down from the
    # headline finds the lead, and nothing confident lies between it and the body.
    s, sel = boxed_run(boxed_lead_page())
    assert kept_texts(s, sel) == [LEAD, P1, P2, P3]
    lead = next(r for b, r in zip(s.blocks, sel.reasons) if b.text == LEAD)
    assert lead[-1] == "kept: the lead under the headline, furniture between it and the body"


def test_furniture_lines_between_do_not_part_the_lead() -> None:
    # A photo credit scores well and is a furniture line: the lead still flows on.
    credit = "<p>Photo: Jane Roe</p>"
    s, sel = boxed_run(boxed_lead_page(credit=credit), {"Photo: Jane Roe": 0.9})
    assert kept_texts(s, sel) == [LEAD, P1, P2, P3]


def test_confident_text_between_parts_the_lead_from_the_body() -> None:
    other = "A paragraph of some other story set in a box of its own, which reads well."
    box = f"<div class='x'><p>{other}</p>{LINKED * 5}</div>"
    s, sel = boxed_run(boxed_lead_page(box=box), {other: 0.8})
    assert LEAD not in kept_texts(s, sel)


def test_plain_heading_between_means_the_paragraph_sits_above_another_title() -> None:
    box = "<div class='post-head'><h2>On the road</h2><p>March 3</p></div>"
    s, sel = boxed_run(boxed_lead_page(box=box))
    assert LEAD not in kept_texts(s, sel)


def test_linked_teaser_of_the_same_story_is_not_the_headline() -> None:
    # The sidebar repeats this story's title as a linked teaser: the search for the
    # headline passes it and finds the real one above.
    teaser = f"<h3><a href='/z'>{HEADLINE}</a></h3>"
    box = f"<div class='most-read'>{LINKED * 3}{teaser}{LINKED}</div>"
    s, sel = boxed_run(boxed_lead_page(box=box))
    assert kept_texts(s, sel) == [LEAD, P1, P2, P3]


def test_no_lead_search_without_a_title() -> None:
    s = seg(boxed_lead_page())
    probs = [MODERATE if b.text == LEAD else 0.95 if b.text in (P1, P2, P3) else 0.1
             for b in s.blocks]
    sel = select(s, pinned(probs), Options(), title="")
    assert LEAD not in kept_texts(s, sel)


# --- a page whose story is short: nothing clears the threshold ---------------------------

SHORT = "A storm took the roof off the old boathouse on Sunday night."
SHORT2 = "Nobody was hurt."
LOW = (UNDER_HEADLINE_MIN_PROBABILITY + KEEP_THRESHOLD["balanced"]) / 2
NOTICE = (
    "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled. "
    "While you will be able to view the content of this page in your current browser, you "
    "will not be able to get the full visual experience."
)


def short_page(between: str = "<p>By Jane Roe</p>", after: str = "") -> str:
    """A short post: headline, byline, two sentences, then the site's furniture."""
    return (
        f"<div id='page'><div class='post'><h1>{HEADLINE}</h1>{between}"
        f"<p>{SHORT}</p><p>{SHORT2}</p>{after}</div>"
        f"<div id='side'><h2>Most read</h2>{SIDE}</div></div>"
    )


def short_run(
    body: str, p: float = LOW, title: str = HEADLINE, heading_p: float = 0.1
) -> tuple[Segmentation, Selection]:
    s = seg(body)
    probs = [p if b.text in (SHORT, SHORT2) else heading_p if b.text == HEADLINE else 0.1
             for b in s.blocks]
    return s, select(s, pinned(probs), Options(), title=title)


def test_story_under_the_headline_is_kept_when_nothing_else_is() -> None:
    s, sel = short_run(short_page())
    assert kept_texts(s, sel) == [SHORT, SHORT2]
    why = next(r for b, r in zip(s.blocks, sel.reasons) if b.text == SHORT)
    assert why[-1] == "kept: the story under the headline, on a page where no text was"


def test_story_under_the_headline_needs_the_headline() -> None:
    s, sel = short_run(short_page(), title="")
    assert kept_texts(s, sel) == []
    s, sel = short_run(short_page(), title="Valley Council News")
    assert kept_texts(s, sel) == []


def test_story_under_the_headline_not_below_the_floor() -> None:
    s, sel = short_run(short_page(), p=UNDER_HEADLINE_MIN_PROBABILITY / 2)
    assert kept_texts(s, sel) == []


def test_story_under_the_headline_not_sought_past_much_furniture() -> None:
    line = "<p>Updated at noon by the night desk of the paper, three staff writers</p>"
    count = LEAD_SEARCH_WORDS // 12 + 1
    s, sel = short_run(short_page(between=line * count))
    assert kept_texts(s, sel) == []


def test_story_under_the_headline_stops_at_a_heading_and_at_links() -> None:
    s, sel = short_run(short_page(between="<h2>On the road</h2>"))
    assert kept_texts(s, sel) == []
    linked = f"<p><a href='/x'>{SHORT}</a></p>"
    assert UNDER_HEADLINE_MAX_LINK_DENSITY < 1.0
    s, sel = short_run(short_page().replace(f"<p>{SHORT}</p>", linked))
    assert kept_texts(s, sel) == [SHORT2]  # the linked line is passed like furniture


def test_story_under_the_headline_not_when_text_is_kept() -> None:
    # The usual page: the region holds text, and the rule leaves it alone.
    extra = f"<div class='more'><p>{P1}</p><p>{P2}</p></div>"
    s = seg(short_page(after=extra))
    probs = [0.95 if b.text in (P1, P2) else LOW if b.text in (SHORT, SHORT2) else 0.1
             for b in s.blocks]
    sel = select(s, pinned(probs), Options(), title=HEADLINE)
    assert kept_texts(s, sel) == [P1, P2]


def test_headings_kept_above_the_headline_go_with_the_story_under_it() -> None:
    body = f"<div id='top'><h2>Local news</h2></div>{short_page()}"
    s = seg(body)
    probs = [0.9 if b.text == "Local news" else LOW if b.text in (SHORT, SHORT2) else 0.1
             for b in s.blocks]
    sel = select(s, pinned(probs), Options(), title=HEADLINE)
    assert kept_texts(s, sel) == [SHORT, SHORT2]


def test_browser_notice_does_not_pull_the_region() -> None:
    # A confident notice in the footer outweighed a short story's paragraphs: the region
    # was the notice's box, which the hard rules empty.
    body = (
        f"<div id='page'><div class='post'><h1>{HEADLINE}</h1><p>{P1}</p></div>"
        f"<div id='foot'><p>{NOTICE}</p></div></div>"
    )
    s = seg(body)
    assert s.blocks[-1].features.label == "notice"
    probs = [0.9 if b.text == P1 else 0.95 if b.text == NOTICE else 0.1 for b in s.blocks]
    sel = select(s, pinned(probs), Options(), title=HEADLINE)
    assert s.containers[sel.region].label != "div#foot"
    assert kept_texts(s, sel) == [P1]


# --- a list mostly kept keeps its other items -----------------------------------------------

STEPS = [
    "Wash the jars in hot soapy water and rinse them well.",
    "Boil for ten minutes",
    "Crush the berries in a wide pan, one layer at a time.",
    "Stir in the sugar and bring the pan to a full rolling boil.",
]


def steps_run(
    probs_of_steps: list[float], items: list[str] = STEPS
) -> tuple[Segmentation, Selection]:
    body = (
        f"<div id='page'><div id='body'><p>{P1}</p>"
        f"<ol>{''.join(f'<li>{t}</li>' for t in items)}</ol><p>{P2}</p></div>"
        f"<div id='side'><h2>Most read</h2>{SIDE}</div></div>"
    )
    s = seg(body)
    by_text = dict(zip(items, probs_of_steps))
    probs = [0.95 if b.text in (P1, P2) else by_text.get(b.text, 0.1) for b in s.blocks]
    return s, select(s, pinned(probs), Options())


def test_list_mostly_kept_keeps_its_other_items() -> None:
    s, sel = steps_run([0.8, 0.1, 0.8, 0.8])  # too low to be kept between its neighbours
    assert kept_texts(s, sel) == [P1, *STEPS, P2]
    why = next(r for b, r in zip(s.blocks, sel.reasons) if b.text == STEPS[1])
    assert why[-1] == "kept: an item of a list mostly kept"


def test_list_mostly_dropped_is_left_alone() -> None:
    assert LIST_MOSTLY_KEPT_SHARE > 0.25
    s, sel = steps_run([0.8, 0.2, 0.2, 0.2])
    assert kept_texts(s, sel) == [P1, STEPS[0], P2]


def test_list_completion_skips_lone_words_and_links() -> None:
    items = [*STEPS[:3], "Jam", "<a href='/more'>More jam recipes from our archive</a>"]
    assert len("Jam".split()) < LIST_ITEM_MIN_WORDS
    s, sel = steps_run([0.8, 0.8, 0.8, 0.2, 0.2], items)
    assert kept_texts(s, sel) == [P1, *STEPS[:3], P2]


# --- a data table inside the article keeps its cells -----------------------------------------

ROWS = [("Species", "2005"), ("Dunlin", "4,310"), ("Knot", "1,925"), ("Grey plover", "158")]
CELLS = [cell for row in ROWS for cell in row]


def table_run(
    rows: list[tuple[str, str]] = ROWS, after: str = f"<p>{P2}</p>", cell_prob: float = 0.1
) -> tuple[Segmentation, Selection]:
    table = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
    body = (
        f"<div id='page'><div id='body'><p>{P1}</p><table>{table}</table>{after}</div>"
        f"<div id='side'><h2>Most read</h2>{SIDE}</div></div>"
    )
    s = seg(body)
    probs = [0.95 if b.text in (P1, P2) else cell_prob for b in s.blocks]
    return s, select(s, pinned(probs), Options())


def test_data_table_between_kept_text_keeps_its_cells() -> None:
    s, sel = table_run()
    assert kept_texts(s, sel) == [P1, *CELLS, P2]
    why = next(r for b, r in zip(s.blocks, sel.reasons) if b.text == "4,310")
    assert why[-1] == "kept: a cell of a data table inside the article"


def test_table_at_the_end_of_the_article_is_left_to_the_scorer() -> None:
    # Nothing kept after it: a table closing the region may be the page's furniture.
    s, sel = table_run(after="")
    assert kept_texts(s, sel) == [P1]


def test_table_of_links_or_of_paragraphs_is_left_to_the_scorer() -> None:
    linked = [(f"<a href='/s/{n}'>{a}</a>", f"<a href='/c/{n}'>{b}</a>") for n, (a, b) in
              enumerate(ROWS)]
    s, sel = table_run(linked)
    assert kept_texts(s, sel) == [P1, P2]
    long_cell = " ".join(["word"] * (TABLE_CELL_MAX_WORDS + 1))
    s, sel = table_run([*ROWS, (long_cell, "x")])
    assert kept_texts(s, sel) == [P1, P2]


# --- teaser cards ending in a "Read more" link -------------------------------------------

SUMMARIES = (
    "Engineers will inspect the stone arches of the bridge this winter after reports of damage.",
    "Forty apple trees of old local varieties went into the ground behind the school on Friday.",
    "Stallholders agreed by a narrow margin to try Sunday trading in the weeks before Christmas.",
)


def teaser_page(tail: str = " Read more...") -> str:
    cards = "".join(
        f"<li><h3><a href='/x'>Story {n}</a></h3><p>{t}{tail}</p><p>2024-10-0{n}</p></li>"
        for n, t in enumerate(SUMMARIES, 1)
    )
    return f"<div class='col'><p>{P1}</p><p>{P2}</p><p>{P3}</p><ul>{cards}</ul></div>"


def test_repeated_cards_ending_in_read_more_are_dropped_with_their_titles() -> None:
    s = seg(teaser_page())
    probs = [0.95 if b.text in (P1, P2, P3) else MODERATE for b in s.blocks]
    sel = select(s, pinned(probs), Options())
    assert kept_texts(s, sel) == [P1, P2, P3]
    title = next(r for b, r in zip(s.blocks, sel.reasons) if b.text == "Story 1")
    assert title[-1] == "dropped: a teaser card ending in a 'read more' link"


def test_repeated_cards_without_a_teaser_link_are_left_to_the_scorer() -> None:
    s = seg(teaser_page(tail=""))
    probs = [0.95 if b.text in (P1, P2, P3) else MODERATE for b in s.blocks]
    sel = select(s, pinned(probs), Options())
    assert set(SUMMARIES) <= set(kept_texts(s, sel))


def test_lone_paragraph_ending_in_read_more_is_kept() -> None:
    # Not in a repeated card: an excerpt the article itself quotes (a trackback).
    excerpt = f"{SUMMARIES[0]} [Read More]"
    s = seg(f"<div class='col'><p>{P1}</p><p>{excerpt}</p><p>{P2}</p></div>")
    sel = select(s, pinned([0.95, MODERATE, 0.95]), Options())
    assert excerpt in kept_texts(s, sel)


def test_card_holding_most_of_the_text_is_not_a_teaser() -> None:
    # A site that sets its article in the same card markup as the teasers beside it:
    # the article's own excerpt link does not condemn the article.
    article = (
        f"<article class='card'><h3>Story</h3><p>{P1}</p><p>{P2}</p>"
        f"<p>{P3} Read more</p></article>"
    )
    teaser = f"<article class='card'><h3>Other</h3><p>{SUMMARIES[0]} Read more</p></article>"
    s = seg(f"<div class='col'>{article}{teaser}</div>")
    probs = [0.95 if b.text.startswith((P1, P2, P3)) else MODERATE for b in s.blocks]
    sel = select(s, pinned(probs), Options())
    assert cards(s).repeats[1] > 1, "the two articles are cards alike"
    kept = kept_texts(s, sel)
    assert P1 in kept and P2 in kept
    assert f"{SUMMARIES[0]} Read more" not in kept


CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("favor", ["precision", "balanced", "recall"])
@pytest.mark.parametrize(
    "page", sorted(CORPUS.glob("*/page.html")), ids=lambda p: p.parent.name
)
def test_selection_without_reasons_decides_the_same(page: Path, favor: str) -> None:
    """`extract` writes no reasons; its keep/drop decisions are `explain`'s, through
    select and post-processing alike."""
    options = Options(favor=favor)  # type: ignore[arg-type]
    prepared = prepare(page.read_bytes(), None, None, options)
    s = prepared.seg
    probs = [x.probability for x in score(s.blocks)]
    full = select_by_probability(s, probs, options)
    bare = select_by_probability(s, probs, options, with_reasons=False)
    assert (bare.region, bare.kept, bare.reasons) == (full.region, full.kept, ())
    title = prepared.meta.title
    full_post = postprocess(s, full, title, probs)
    bare_post = postprocess(s, bare, title, probs)
    assert (bare_post.region, bare_post.kept) == (full_post.region, full_post.kept)
    assert bare_post.reasons == ()
    assert len(full_post.reasons) == len(s.blocks)


def descendants(s: Segmentation, cid: int) -> list[int]:
    """Ids of the containers below `cid`, by their parent links."""
    below: set[int] = {cid}
    for c in s.containers[cid + 1 :]:
        if c.parent in below:
            below.add(c.id)
    return sorted(below - {cid})


@pytest.mark.parametrize(
    "page", sorted(CORPUS.glob("*/page.html")), ids=lambda p: p.parent.name
)
def test_inside_lists_the_descendants_that_matter(page: Path) -> None:
    s = prepare(page.read_bytes(), None, None, Options()).seg
    for c in s.containers:
        found = [box.id for box in inside(s, c.id)]
        below = descendants(s, c.id)
        assert set(found) <= set(below) and found == sorted(found)
        # Only empty descendants after the container's last block are left out.
        assert all(
            s.containers[d].first_block == s.containers[d].end_block == c.end_block
            for d in set(below) - set(found)
        )


def _story_with_slides(slides: int, total: int, body_paragraphs: int = 3) -> str:
    """A story's paragraphs around an embedded gallery of numbered slides."""
    prose = "".join(
        f"<p>{P1} Paragraph {i} of the story goes on.</p>" for i in range(body_paragraphs)
    )
    items = "".join(
        f"<li><h3>{n}/{total} Slide title {n}</h3>"
        f"<p>The legend of photo {n} is a full sentence that reads like prose in a story.</p></li>"
        for n in range(1, slides + 1)
    )
    return f"<article><div>{prose}<ul class='pictures'>{items}</ul>{prose}</div></article>"


def test_slides_of_a_gallery_inside_an_article_are_dropped() -> None:
    text = extractor.extract(f"<html><body>{_story_with_slides(5, 5)}</body></html>").text
    assert "Paragraph 0 of the story" in text
    assert "legend of photo" not in text
    assert "Slide title" not in text


def test_two_numbered_lines_are_not_a_gallery() -> None:
    """Below SLIDESHOW_MIN_SLIDES counters ("1/3", "2/3": a thread, a pager) nothing goes."""
    s = seg(_story_with_slides(SLIDESHOW_MIN_SLIDES - 1, 9))
    sel = select_by_probability(s, [MODERATE] * len(s.blocks), Options())
    assert any("legend of photo" in t for t in kept_texts(s, sel))


def test_gallery_that_is_the_page_stays() -> None:
    """A photo page: the text outside the slides is under SLIDESHOW_ARTICLE_MIN_WORDS, so
    the slides are the story."""
    assert SLIDESHOW_ARTICLE_MIN_WORDS > 0
    s = seg(_story_with_slides(5, 5, body_paragraphs=0))
    sel = select_by_probability(s, [MODERATE] * len(s.blocks), Options())
    assert any("legend of photo" in t for t in kept_texts(s, sel))


def test_slide_veto_is_reported() -> None:
    s = seg(_story_with_slides(4, 4))
    sel = select_by_probability(s, [MODERATE] * len(s.blocks), Options())
    vetoed = [b.text for b, r in zip(s.blocks, sel.reasons) if r[0].startswith("a slide of")]
    assert any(t.startswith("1/4") for t in vetoed)
    assert not any("Paragraph" in t for t in vetoed)


@pytest.mark.parametrize(
    ("numbers", "slides"),
    [
        ([4, 5, 6], True),  # a gallery counts its slides one by one
        ([1, 2, 3, 4, 5, 6, 7], True),
        ([1, 3, 5, 7], False),  # a recipe's "1/8", "3/8", "5/8 cup"
        ([3, 9, 10], False),  # dates in day/month form: "3/11", "9/11", "10/11"
        ([1, 2], False),  # a pager's "1/3", "2/3"
    ],
)
def test_slides_are_counted_in_sequence(numbers: list[int], slides: bool) -> None:
    assert _numbers_slides({n: i for i, n in enumerate(numbers)}) is slides


def test_recipe_fractions_opening_lines_are_not_a_gallery() -> None:
    lines = "".join(
        f"<p>{n}/8 cup of ingredient number {n}, chopped and set aside for later.</p>"
        for n in (1, 3, 5, 7)
    )
    story = "".join(f"<p>{P1} Paragraph {i} of the recipe story.</p>" for i in range(4))
    s = seg(f"<article><div>{story}{lines}{story}</div></article>")
    sel = select_by_probability(s, [MODERATE] * len(s.blocks), Options())
    assert sum("cup of ingredient" in t for t in kept_texts(s, sel)) == 4


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Posted: Thursday, September 16, 2004", True),
        ("[06月24日 11時30分]", True),
        ("1975年1月28日（农历1974年腊月十七）", True),
        # a run of Chinese is one token: weighed by its words, the date is a detail
        ("2017年7月18日，正式加盟环球音乐并在北京举行亚洲签约记者会。", False),
    ],
)
def test_mostly_date_weighs_cjk_runs_by_their_words(line: str, date: bool) -> None:
    assert mostly_date(line) is date


@pytest.mark.parametrize(
    "page", sorted(CORPUS.glob("*/page.html")), ids=lambda p: p.parent.name
)
def test_heading_test_reads_the_tag_path_as_the_containers_say(page: Path) -> None:
    """`_is_heading` reads the nearest containers' tags off the block's tag path, which
    holds the last `TAG_PATH_DEPTH` of them: the same answer as the containers give."""
    assert HEADING_WRAP_DEPTH <= TAG_PATH_DEPTH
    s = prepare(page.read_bytes(), None, None, Options()).seg
    for block in s.blocks:
        wrapped = any(
            s.containers[c].tag in HEADING_LEVELS
            for c in block.containers[-HEADING_WRAP_DEPTH:]
        )
        assert _is_heading(block) is (block.kind is BlockKind.HEADING or wrapped)


def test_block_wrapped_in_a_heading_is_a_heading() -> None:
    s = seg("<header><h1><div>Title of the story</div></h1></header><p>Text.</p>")
    assert [_is_heading(b) for b in s.blocks] == [True, False]
