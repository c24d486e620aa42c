"""Choose the article: first the region that holds it, then blocks inside it with context.

The region is the container whose blocks, weighted by words, are most confidently
content: a maximum-sum subtree of the block scores (or the tightest subtree inside it
holding nearly as much; a one-paragraph region grows by the maximum-sum run of its
siblings).  Inside it, blocks are kept by
their own score, then revised by their neighbours and by the sections they sit in
("Related", "Comments").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate, chain, compress, pairwise
from operator import attrgetter

from extractor.context import Cards, cards
from extractor.features import count_words, has_cjk
from extractor.options import Options
from extractor.patterns import (
    GROUP_BITS,
    ends_teaser,
    group_names,
)
from extractor.patterns.registry import MONTHS
from extractor.score import COMPILED_STAGES, Score
from extractor.segment import HEADING_LEVELS, Segmentation
from extractor.tuning import (
    AFTER_BODY_MIN_PROBABILITY,
    BODY_BOX_MIN_BLOCKS,
    BODY_BOX_SHARE,
    CONTEXT_RESCUE_SHARE,
    DATE_LINE_MIN_SHARE,
    EXTEND_MIN_PROBABILITY,
    EXTEND_STOP_WORDS,
    HEADING_MIN_PROBABILITY,
    HEADING_WRAP_DEPTH,
    HEADLINE_OVERLAP,
    HEADLINE_SEARCH_WORDS,
    HEADLINE_TITLE_SHARE,
    KEEP_THRESHOLD,
    LEAD_MAX_LINK_DENSITY,
    LEAD_MIN_WORDS,
    LEAD_SEARCH_WORDS,
    LIST_ITEM_MIN_WORDS,
    LIST_MOSTLY_KEPT_SHARE,
    NOISE_BOX_MAX_SHARE,
    NOISE_BOX_TAGS,
    NOISE_REGION_GROUPS,
    REGION_NEGATIVE_WEIGHT,
    REGION_PIVOT,
    REGION_REPEAT_DISCOUNT,
    REGION_TIGHTER_MAX,
    REGION_TIGHTER_SHARE,
    REGION_WORD_CAP,
    RELATED_SECTION_MAX_CARD_SHARE,
    RELATED_SECTION_MAX_CONFIDENCE,
    SECTION_MARKER_MAX_LINK_DENSITY,
    SIBLING_MIN_SHARE,
    SLIDESHOW_ARTICLE_MIN_WORDS,
    SLIDESHOW_MIN_SLIDES,
    TABLE_CELL_MAX_WORDS,
    TABLE_MAX_LINK_DENSITY,
    TABLE_MIN_CELLS,
    TAXONOMY_LINE_MAX_WORDS,
    TEASER_CARD_MAX_SHARE,
    UNDER_HEADLINE_MAX_LINK_DENSITY,
    UNDER_HEADLINE_MIN_PROBABILITY,
)
from extractor.types import Block, BlockKind, Container

_WORD = re.compile(r"\w+")
_SECTION_MARKERS = frozenset({"related-heading", "comment-heading"})
_FURNITURE_PHRASES = frozenset({"placeholder", "byline", "prompt", "crosslink"})
_NOISE_REGION_BITS = sum(GROUP_BITS[g] for g in NOISE_REGION_GROUPS)
_COMMENTS_BIT = GROUP_BITS["comments"]
# Class words by which a site names a box as a caption or credit.
_CAPTION_TOKENS = frozenset({"caption", "figcaption", "credit", "credits"})
# The veto of a caption, which a photo page overrides (`_keep_photo_captions`).
_CAPTION_VETO = "caption (include_captions=False)"
# A slide's counter opening its legend: "3/50", "3 / 50", "3 of 50".
_SLIDE_COUNTER = re.compile(r"([0-9]{1,3})\s*(?:/|of)\s*([0-9]{1,3})\b")
# The characters a slide counter opens with (galleries number in ASCII digits).
_ASCII_DIGITS = frozenset("0123456789")
_SLIDE_VETO = "a slide of a gallery set inside the article"
# The elements whose items `_complete_lists` completes.
_LIST_TAGS = frozenset({"ul", "ol"})
# The veto of every block outside the areas the article was found in.
_OUTSIDE = "outside the article region"
# What containers are ordered by, for `inside_ids`'s bisection.
_FIRST_BLOCK = attrgetter("first_block")
# Block kinds the rules test per block, read once: an Enum member read off its class
# costs a descriptor call, several times a global's read.
_CAPTION, _CODE, _HEADING, _LIST_ITEM, _PARAGRAPH, _QUOTE, _TABLE_CELL = (
    BlockKind.CAPTION, BlockKind.CODE, BlockKind.HEADING, BlockKind.LIST_ITEM,
    BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.TABLE_CELL,
)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which blocks the selector keeps, why, and the chosen region's container id.

    `reasons` holds one tuple per block, or none at all when nobody asked why (`extract`
    reads only the article; writing a reason for every block is a real share of its time).
    """

    region: int
    kept: tuple[bool, ...]
    reasons: tuple[tuple[str, ...], ...]


def note(reasons: list[list[str]] | None, i: int, why: str) -> None:
    """Add `why` to block `i`'s reasons, if reasons are being written."""
    if reasons is not None:
        reasons[i].append(why)


def select(
    seg: Segmentation,
    scores: tuple[Score, ...],
    options: Options,
    layout: Cards | None = None,
    title: str = "",
) -> Selection:
    """Keep the blocks of the best region that clear the threshold, revised by context.

    `title` is the page's headline as its metadata gives it: it finds the headline block,
    between which and the region a lead paragraph may sit (`_keep_lead`)."""
    return select_by_probability(
        seg, [s.probability for s in scores], options, layout, title
    )


def select_by_probability(
    seg: Segmentation,
    probs: list[float],
    options: Options,
    layout: Cards | None = None,
    title: str = "",
    *,
    with_reasons: bool = True,
) -> Selection:
    """`select` given the blocks' probabilities; `with_reasons=False` writes no reasons
    (the keep/drop decisions are the same)."""
    if not seg.blocks:
        return Selection(region=-1, kept=(), reasons=())
    layout = layout or cards(seg)
    pivot = REGION_PIVOT[options.favor]
    evidence = _region_evidence(seg.blocks, probs, pivot)
    totals = region_totals(seg, evidence, pivot, layout)
    region = best_region(seg, totals)
    areas = (region, *sibling_regions(seg, totals, region))
    run, loose = paragraph_run(seg, totals, evidence, pivot, layout, region)
    areas += tuple([c for c in run if c not in areas])
    threshold = KEEP_THRESHOLD[options.favor]
    kept, vetoes = _initial(seg, probs, areas, loose, threshold, options)
    _drop_slideshow(seg, kept, vetoes)
    reasons = _first_reasons(probs, vetoes, threshold) if with_reasons else None
    _extend_region(seg, probs, kept, reasons, region, threshold)
    title_words = set(_WORD.findall(title.lower()))  # how the headline is recognised
    _keep_lead(seg, probs, kept, reasons, region, threshold, title_words)
    _rescue_by_context(seg.blocks, probs, kept, reasons, vetoes, threshold)
    _complete_lists(seg, kept, reasons, vetoes)
    _complete_tables(seg, kept, reasons, vetoes)
    _drop_marked_sections(seg, probs, layout.repeats, region, kept, reasons)
    _drop_after_body(seg, probs, region, kept, reasons)
    _drop_teaser_cards(seg, layout, kept, reasons)
    _keep_photo_captions(seg.blocks, probs, kept, reasons, vetoes, threshold)
    _keep_under_headline(seg, probs, kept, reasons, title_words)
    written = tuple([tuple(r) for r in reasons]) if reasons is not None else ()
    return Selection(region, tuple(kept), written)


def _region_evidence(blocks: tuple[Block, ...], probs: list[float], pivot: float) -> list[float]:
    """The probabilities the region is chosen by: a browser notice weighs nothing.

    A notice ("This page is best viewed in an up-to-date browser ...") is a long,
    confident sentence that the hard rules drop whatever its score (`_veto`); left to
    pull, it wins the region on a page whose story is a few short paragraphs, and the
    page comes out empty.  Its probability is read as the pivot, which adds nothing.
    Most pages have no notice: the list is then the one given."""
    evidence = probs
    for j in [j for j, b in enumerate(blocks) if b.features.label == "notice"]:
        if probs[j] > pivot:
            if evidence is probs:
                evidence = list(probs)
            evidence[j] = pivot
    return evidence


def choose_region(
    seg: Segmentation, probs: list[float], pivot: float = REGION_PIVOT["balanced"]
) -> int:
    """The container maximising the word-weighted sum of (probability - pivot)."""
    return best_region(seg, region_totals(seg, probs, pivot))


def region_totals(
    seg: Segmentation, probs: list[float], pivot: float, layout: Cards | None = None
) -> list[float]:
    """Each container's word-weighted sum of its blocks' (probability - pivot), each
    block's weight discounted by its card's `named_repeats`.

    The compiled twin, when built, adds the same weights in the same order: the same
    floats, so ties between containers break the same way."""
    repeats = (layout or cards(seg)).named_repeats
    if COMPILED_STAGES is None:
        return python_region_totals(seg, probs, pivot, repeats)
    found: list[float] = COMPILED_STAGES.region_totals(
        seg.blocks,
        probs,
        repeats,
        len(seg.containers),
        pivot,
        REGION_WORD_CAP,
        REGION_NEGATIVE_WEIGHT,
        REGION_REPEAT_DISCOUNT,
    )
    return found


def python_region_totals(
    seg: Segmentation, probs: list[float], pivot: float, repeats: tuple[int, ...]
) -> list[float]:
    """`region_totals` in Python: the reference the compiled twin is held to."""
    totals = [0.0] * len(seg.containers)
    for block, p, n in zip(seg.blocks, probs, repeats):
        weight = _weight(block, p, pivot, n)
        for cid in block.containers:
            totals[cid] += weight
    return totals


def _weight(block: Block, probability: float, pivot: float, repeats: int) -> float:
    """A block's pull on the containers around it (`region_totals`)."""
    weight = min(block.features.words, REGION_WORD_CAP) * (probability - pivot)
    if weight < 0:
        return weight * REGION_NEGATIVE_WEIGHT
    discount: float = repeats**REGION_REPEAT_DISCOUNT
    return weight / discount


def best_region(seg: Segmentation, totals: list[float]) -> int:
    """The container with the largest total, or the tightest one inside it that holds
    nearly as much.

    A wrapper that beats a box inside it by a sliver of evidence has added blocks whose
    pull nearly cancels out: a sidebar's blurb and teasers weighed against its link
    lists.  The margin is a share of the total (`REGION_TIGHTER_SHARE`), capped
    (`REGION_TIGHTER_MAX`) so that a long article's box never loses a paragraph's worth.
    """
    # Ties go to the tighter region, then to the deeper of two wrappers of the same blocks.
    # Only the containers sharing the largest total are compared on that (usually one).
    top = max(totals)
    if totals.count(top) == 1:
        best = totals.index(top)
    else:
        tied = [cid for cid, total in enumerate(totals) if total == top]
        best = max(tied, key=lambda cid: (-_span(seg, cid), seg.containers[cid].depth))
    if top <= 0:
        return best
    floor = top - min(REGION_TIGHTER_SHARE * top, REGION_TIGHTER_MAX)
    tighter = [cid for cid in inside_ids(seg, best) if totals[cid] >= floor]
    if not tighter:
        return best
    return min(tighter, key=lambda cid: (_span(seg, cid), -totals[cid], -seg.containers[cid].depth))


def sibling_regions(seg: Segmentation, totals: list[float], region: int) -> list[int]:
    """Siblings of the region that carry a good share of its evidence: the article's
    body split into boxes with page furniture between them, which the parent's total
    (furniture included) does not win."""
    parent = seg.containers[region].parent
    floor = SIBLING_MIN_SHARE * totals[region]
    if parent < 0 or floor <= 0:
        return []
    return [
        cid
        for cid in inside_ids(seg, parent)
        if totals[cid] > floor and seg.containers[cid].parent == parent and cid != region
    ]


def paragraph_run(
    seg: Segmentation,
    totals: list[float],
    probs: list[float],
    pivot: float,
    layout: Cards,
    region: int,
) -> tuple[list[int], list[int]]:
    """When the region is one paragraph's box, the boxes and loose blocks beside it that
    carry the rest of the article: `(containers, blocks)`.

    A region of one block means the article has no box of its own: its paragraphs are
    children of a column that also holds the comments or teasers, whose weight sinks
    the column.  The article is then the run of the region's consecutive siblings
    (boxes, and text set straight in the parent) with the largest sum, on either side
    of it: a maximum-sum run, so it stops where what follows weighs less than nothing.
    """
    parent = seg.containers[region].parent
    if parent < 0 or _span(seg, region) != 1:
        return [], []
    column = seg.containers[parent]
    # (first block, weight, container id or -1, loose block index or -1), in page order
    items = [
        (c.first_block, totals[c.id], c.id, -1)
        for c in inside(seg, parent)
        if c.parent == parent and c.end_block > c.first_block
    ]
    repeats = layout.named_repeats
    for j in range(column.first_block, column.end_block):
        if seg.blocks[j].containers[-1] == parent:
            items.append((j, _weight(seg.blocks[j], probs[j], pivot, repeats[j]), -1, j))
    items.sort()
    at = next(k for k, item in enumerate(items) if item[2] == region)
    chosen: list[tuple[int, float, int, int]] = []
    for side in (items[at - 1 :: -1] if at else [], items[at + 1 :]):
        run = best = 0.0
        length = 0
        for k, item in enumerate(side):
            run += item[1]
            if run > best:
                best, length = run, k + 1
        chosen += side[:length]
    return [c for _, _, c, _ in chosen if c >= 0], [j for _, _, _, j in chosen if j >= 0]


def _span(seg: Segmentation, cid: int) -> int:
    c = seg.containers[cid]
    return c.end_block - c.first_block


def _initial(
    seg: Segmentation,
    probs: list[float],
    areas: tuple[int, ...],
    loose: list[int],
    threshold: float,
    options: Options,
) -> tuple[list[bool], list[str | None]]:
    """Each block kept by its probability unless vetoed; and the veto of each block
    (None for a block in the areas that no hard rule drops)."""
    blocks = seg.blocks
    vetoes: list[str | None] = [_OUTSIDE] * len(blocks)
    kept = [False] * len(blocks)
    boxed = _noise_boxes(seg, areas)
    spans = [range(c.first_block, c.end_block) for c in map(seg.containers.__getitem__, areas)]
    # `loose`: text set straight in the region's parent, where no box inside it counts
    for j in chain(*spans, loose):
        veto = vetoes[j] = _veto(blocks[j], options, boxed.get(j, ""))
        kept[j] = not veto and probs[j] >= threshold
    return kept, vetoes


def _drop_slideshow(seg: Segmentation, kept: list[bool], vetoes: list[str | None]) -> None:
    """Veto the slides of a gallery embedded in the article ("Business news in pictures":
    "1/50 Title", a legend, a credit, ... "50/50").

    Each legend is a photo's caption, however long, and fifty of them outweigh the story
    they sit in.  When the text kept outside the slides is short, the gallery is the
    page's story (a photo page) and stays."""
    runs = _slide_runs(seg, vetoes)
    if not runs:
        return
    inside = {j for counters in runs for span in _slide_spans(seg, counters) for j in span}
    outside_words = sum(
        b.features.words for i, (b, k) in enumerate(zip(seg.blocks, kept)) if k and i not in inside
    )
    if outside_words < SLIDESHOW_ARTICLE_MIN_WORDS:
        return
    for j in inside:
        if vetoes[j] is None:
            vetoes[j] = _SLIDE_VETO
            kept[j] = False


def _slide_runs(seg: Segmentation, vetoes: list[str | None]) -> list[list[int]]:
    """The blocks opening with a gallery's slide counters, one sorted list per gallery
    (counters against one total, `_numbers_slides`)."""
    by_total: dict[int, dict[int, int]] = {}  # total -> slide number -> block
    blocks = seg.blocks
    # Most blocks open with no digit: one set look-up each rules them out.
    for j in [j for j, b in enumerate(blocks) if b.text[0] in _ASCII_DIGITS]:
        m = _SLIDE_COUNTER.match(blocks[j].text)
        if m and vetoes[j] is None and 0 < int(m[1]) <= int(m[2]):
            by_total.setdefault(int(m[2]), {}).setdefault(int(m[1]), j)
    return [sorted(n.values()) for n in by_total.values() if _numbers_slides(n)]


def _slide_spans(seg: Segmentation, counters: list[int]) -> list[range]:
    """Each slide's blocks: the outermost box around its counter that holds no other
    counter.  The first and last slides have a neighbour on one side only: on the other,
    a slide holds no more blocks than the widest step between two counters."""
    widest = max(b - a for a, b in pairwise(counters))
    spans = []
    for at, j in enumerate(counters):
        low = counters[at - 1] if at else j - widest
        high = counters[at + 1] if at + 1 < len(counters) else j + widest
        span = range(j, j + 1)
        for cid in reversed(seg.blocks[j].containers):
            box = seg.containers[cid]
            if box.first_block <= low or box.end_block > high:
                break
            span = range(box.first_block, box.end_block)
        spans.append(span)
    return spans


def _numbers_slides(numbers: dict[int, int]) -> bool:
    """Whether counters against one total number slides: a gallery counts its slides one
    by one, so at least `SLIDESHOW_MIN_SLIDES` of them run in sequence ("4/50", "5/50",
    "6/50").  Fractions in a recipe ("1/8", "3/8", "5/8 cup") or dates in day/month form
    ("3/11", "9/11") share a total too, but skip numbers."""
    if len(numbers) < SLIDESHOW_MIN_SLIDES:
        return False
    run = longest = 0
    previous = -1
    for n in sorted(numbers):
        run = run + 1 if n == previous + 1 else 1
        longest = max(longest, run)
        previous = n
    return longest >= SLIDESHOW_MIN_SLIDES


def _first_reasons(
    probs: list[float], vetoes: list[str | None], threshold: float
) -> list[list[str]]:
    """The reason of `_initial`'s verdict on each block: its veto, or its probability."""
    return [
        [veto]
        if veto
        else [f"probability {p:.2f} {'>=' if p >= threshold else '<'} {threshold:.2f}"]
        for p, veto in zip(probs, vetoes)
    ]


def _keep_photo_captions(
    blocks: tuple[Block, ...],
    probs: list[float],
    kept: list[bool],
    reasons: list[list[str]] | None,
    vetoes: list[str | None],
    threshold: float,
) -> None:
    """A page whose text is mostly a caption is a photo page, and its caption is its
    story: captions in the region that clear the threshold are kept when they hold more
    words than the kept text that is not a heading (a gallery's "Previous 1 / 6 Next")."""
    if _CAPTION_VETO not in vetoes:  # one C scan: most pages have no caption in the areas
        return
    captions = [
        j
        for j, (p, veto) in enumerate(zip(probs, vetoes))
        if p >= threshold and veto == _CAPTION_VETO
    ]
    if not captions:
        return
    caption_words = sum(blocks[j].features.words for j in captions)
    text_words = sum(
        b.features.words for b, k in zip(blocks, kept) if k and b.kind is not _HEADING
    )
    if text_words >= caption_words:
        return
    for j in captions:
        kept[j] = True
        note(reasons, j, "kept: the caption of a photo page with little other text")


def _extend_region(
    seg: Segmentation,
    probs: list[float],
    kept: list[bool],
    reasons: list[list[str]] | None,
    region: int,
    threshold: float,
) -> None:
    """Keep confident text just outside the region: articles split over sibling boxes
    (an intro box beside the body) lose their first or last paragraphs otherwise.
    Walks outwards in reading order until a substantial block that is not article text."""
    area = seg.containers[region]
    before = range(area.first_block - 1, -1, -1)
    after = range(area.end_block, len(seg.blocks))
    for order in (before, after):
        for j in order:
            block = seg.blocks[j]
            if probs[j] >= EXTEND_MIN_PROBABILITY and _plain_text(block):
                kept[j] = True
                note(reasons, j, "kept: confident text next to the article region")
            elif block.features.words >= EXTEND_STOP_WORDS and probs[j] < threshold:
                break


def _keep_lead(
    seg: Segmentation,
    probs: list[float],
    kept: list[bool],
    reasons: list[list[str]] | None,
    region: int,
    threshold: float,
    title_words: set[str],
) -> None:
    """Keep the lead paragraph(s) printed between the headline and the body: found by the
    walk back from the body (`_lead_above_body`), else by the walk down from the headline
    across the boxes of furniture between them (`_lead_across_box`)."""
    if not title_words:
        return
    j = _lead_above_body(seg, probs, kept, region, threshold, title_words)
    if j >= 0:
        kept[j] = True
        note(reasons, j, "kept: the lead between the headline and the body")
        return
    for k in _lead_across_box(seg, probs, kept, region, threshold, title_words):
        kept[k] = True
        note(reasons, k, "kept: the lead under the headline, furniture between it and the body")


def _lead_above_body(
    seg: Segmentation,
    probs: list[float],
    kept: list[bool],
    region: int,
    threshold: float,
    title_words: set[str],
) -> int:
    """The standfirst set in the header box with the headline, or -1.

    The region (the body's box) leaves it out; the walk back from the region passes
    furniture (byline, date, image credit) to the first paragraph of prose that clears
    the threshold, which is the lead when the headline is just above it.  A heading on
    the way means the paragraph sits above another title (a blog's description above a
    post's title), not this article's.
    """
    passed = 0
    for j in range(seg.containers[region].first_block - 1, -1, -1):
        block = seg.blocks[j]
        if _is_heading(block):
            return -1
        if kept[j]:
            continue
        if _lead_like(block) and probs[j] >= threshold:
            return j if _headline_above(seg, j, title_words) else -1
        passed += block.features.words
        if passed > LEAD_SEARCH_WORDS:
            return -1
    return -1


def _lead_across_box(
    seg: Segmentation,
    probs: list[float],
    kept: list[bool],
    region: int,
    threshold: float,
    title_words: set[str],
) -> list[int]:
    """The lead under the headline when boxes of page furniture part it from the body,
    or no block.

    Templates set the headline and its lead paragraph in a header box and the body in a
    column of its own, with a box between them in the markup: the sidebar's "Most read"
    teasers, a photo gallery, a video strip.  The walk back from the body stops at the
    teasers' headings (`_lead_above_body`), so this walk goes down from the headline
    instead (a heading that is the title and not a link, as a teaser of the same story
    is), past at most `LEAD_SEARCH_WORDS` words of furniture, to the run of prose
    paragraphs that clear the threshold (`_lead_like`) in one box (a heading first means
    no lead).  The run is the article's opening only when the text flows on from it into
    the body: nothing between them is a block the scorer is confident of, but furniture
    lines (a photo credit, a date), and no heading but a teaser's link.  A confident
    paragraph between means the run belongs to something else on the page; a plain
    heading, that it sits above another title (a blog's description above a post's).
    Nothing is found when a block above the body is kept already (`_extend_region`
    found it).
    """
    blocks = seg.blocks
    start = seg.containers[region].first_block
    headline = -1
    for j in range(start - 1, -1, -1):
        if kept[j]:
            return []
        block = blocks[j]
        if (
            block.features.link_density <= LEAD_MAX_LINK_DENSITY
            and _is_headline(block, title_words)
        ):
            headline = j
            break
    if headline < 0:
        return []
    run = _paragraphs_under(
        seg,
        headline,
        start,
        lambda j, run: (
            _lead_like(blocks[j])
            and probs[j] >= threshold
            # the lead's paragraphs: those of its box
            and (not run or blocks[j].containers[:-1] == blocks[run[0]].containers[:-1])
        ),
    )
    if not run:
        return []
    for k in range(run[-1] + 1, start):
        block = blocks[k]
        if _furniture(block):
            continue
        if probs[k] >= threshold or (
            _is_heading(block) and block.features.link_density <= LEAD_MAX_LINK_DENSITY
        ):
            return []
    return run


def _furniture(block: Block) -> bool:
    """A line that is page furniture by what it says (a credit, a date, a prompt, a tag
    list) or a caption, whatever its score: it does not part a lead from its body."""
    f = block.features
    return bool(f.phrase or f.date_like or f.label) or block.kind is _CAPTION


def _keep_under_headline(
    seg: Segmentation,
    probs: list[float],
    kept: list[bool],
    reasons: list[list[str]] | None,
    title_words: set[str],
) -> None:
    """On a page where nothing but headings is kept, keep the prose under the headline.

    A short post (a line introducing a video, a two-sentence news brief) scores low: its
    paragraph has little of what long articles have, and no region's total clears the
    pivot, so the page came out empty though its story sits right under its headline.
    Below the heading that is the title (`_is_headline`), past at most
    `LEAD_SEARCH_WORDS` words of furniture (byline, date), the run of paragraphs that end
    like sentences, are mostly not links and are not furniture lines is the story, unless
    the scorer is sure it is not text (`UNDER_HEADLINE_MIN_PROBABILITY`).  A heading ends
    the search, and so does the first block after the run.  Headings kept above the
    headline (a kicker, a site name) go: the story starts at its headline.
    """
    blocks = seg.blocks
    if any(k and b.kind is not _HEADING for b, k in zip(blocks, kept)):
        return  # the usual case: the region holds text
    if not title_words:
        return
    headline = next((j for j, b in enumerate(blocks) if _is_headline(b, title_words)), -1)
    if headline < 0:
        return
    run = _paragraphs_under(
        seg,
        headline,
        len(blocks),
        lambda j, _: (
            _prose(blocks[j], UNDER_HEADLINE_MAX_LINK_DENSITY)
            and probs[j] >= UNDER_HEADLINE_MIN_PROBABILITY
        ),
    )
    if not run:
        return
    for k in compress(range(headline), kept[:headline]):
        kept[k] = False
        note(reasons, k, "dropped: above the headline of a story found under it")
    for j in run:
        kept[j] = True
        note(reasons, j, "kept: the story under the headline, on a page where no text was")


def _paragraphs_under(
    seg: Segmentation, headline: int, end: int, accepts: Callable[[int, list[int]], bool]
) -> list[int]:
    """The run of blocks before `end` that `accepts` (given the run so far) right under
    the headline, past at most `LEAD_SEARCH_WORDS` words of furniture (a byline, a
    date); a heading ends the search, and so does the first block after the run."""
    run: list[int] = []
    passed = 0
    for j in range(headline + 1, end):
        block = seg.blocks[j]
        if _is_heading(block):
            break
        if accepts(j, run):
            run.append(j)
            continue
        if run:
            break
        passed += block.features.words
        if passed > LEAD_SEARCH_WORDS:
            break
    return run


def _is_headline(block: Block, title_words: set[str]) -> bool:
    """A heading that is mostly the title's words (sites add or drop a word or the site
    name) and holds most of them (a site-name heading shares a word or two with every
    title): the headline."""
    if not _is_heading(block):
        return False
    own = _WORD.findall(block.text.lower())
    if not own:
        return False
    inside = sum(w in title_words for w in own)
    shared = len(title_words.intersection(own))
    return inside >= HEADLINE_OVERLAP * len(own) and shared >= HEADLINE_TITLE_SHARE * len(
        title_words
    )


def _is_heading(block: Block) -> bool:
    """A heading, or a block set inside one: sites wrap the headline's text in a block
    element inside the <h1> (`<h1><div>Title</div></h1>`), which makes the block a
    paragraph by its own tag.  The nearest containers' tags are the tail of the block's
    tag path (`segment.TAG_PATH_DEPTH` of them), which a path with no "h" cannot hold:
    one C search settles most blocks."""
    if block.kind is _HEADING:
        return True
    path = block.features.tag_path
    return "h" in path and any(
        tag in HEADING_LEVELS for tag in path.split(">")[-HEADING_WRAP_DEPTH:]
    )


def _lead_like(block: Block) -> bool:
    """A paragraph of prose: some words, a sentence end, few links, not furniture."""
    return block.features.words >= LEAD_MIN_WORDS and _prose(block, LEAD_MAX_LINK_DENSITY)


def _prose(block: Block, max_link_density: float) -> bool:
    """A paragraph ending like a sentence, with at most `max_link_density` of its words
    linked, that is not a furniture line (a phrase of the tables, a date line)."""
    f = block.features
    return (
        block.kind is _PARAGRAPH
        and f.sentence_end
        and f.link_density <= max_link_density
        and not f.phrase
        and not f.date_like
    )


def _headline_above(seg: Segmentation, j: int, title_words: set[str]) -> bool:
    """Whether the headline (`_is_headline`) is a heading shortly before block `j`."""
    passed = 0
    blocks = seg.blocks
    for k in range(j - 1, -1, -1):
        block = blocks[k]
        if _is_headline(block, title_words):
            return True
        passed += block.features.words
        if passed > HEADLINE_SEARCH_WORDS:
            return False
    return False


def _plain_text(block: Block) -> bool:
    """Not furniture, not a caption, not in page chrome or a noise-named box."""
    f = block.features
    return not (
        f.phrase
        or f.label == "notice"
        or f.date_like
        or f.in_boilerplate_tag
        or f.near_groups & _NOISE_REGION_BITS
        or block.kind is _CAPTION
    )


def hard_rule(seg: Segmentation, block: Block, region: int, options: Options) -> str | None:
    """A reason to drop `block`, inside `region`, whatever its score, or None.

    These encode the product's definition of the article, which the labelled data sets
    disagree on (some gold texts keep bylines, dates and captions): the article is the
    body text, without its furniture.  `select` asks `_veto` for every block of its
    areas at once; this is the same answer for one block.
    """
    return _veto(block, options, _noise_boxes(seg, (region,)).get(block.index, ""))


def _veto(block: Block, options: Options, named: str) -> str | None:
    """`hard_rule`, given the noise box around the block (`named`, "" for none): the
    boxes are worked out once per area for all its blocks (`_noise_boxes`)."""
    kind = block.kind
    if kind is _QUOTE:
        # Quoted material (an embedded post, a pull quote) is the article's own: its
        # attribution line ("— Name (@handle) May 3, 2019") is not page furniture.
        return None
    f = block.features
    phrase = f.phrase
    if phrase in _FURNITURE_PHRASES:
        return f"furniture line ({phrase})"
    label = f.label
    if label is not None:  # "taxonomy", "notice" or "diagnostic"
        if label == "notice":
            return "furniture line (browser notice)"
        if label == "diagnostic":
            # A tutorial shows the message it explains in a code box: that one is text.
            if kind is not _CODE:
                return "furniture line (server diagnostic)"
            return None
        if f.words <= TAXONOMY_LINE_MAX_WORDS:
            return "furniture line (tags and categories)"
    if f.date_like and mostly_date(block.text):
        return "date line"
    is_caption = (
        kind is _CAPTION
        or phrase == "credit"
        or (f.class_tokens and not _CAPTION_TOKENS.isdisjoint(f.class_tokens))
    )
    if is_caption and not options.include_captions:
        return _CAPTION_VETO
    if kind is _TABLE_CELL and not options.include_tables:
        return "table cell (include_tables=False)"
    if named:
        return f"inside a box named as noise inside the article ({named})"
    return None


def mostly_date(text: str) -> bool:
    """Whether the date is what the line says ("Posted: Thursday, September 16, 2004"),
    not a detail of it (a reference: '"Penguins". Department of Conservation. Retrieved
    7 March 2011.')."""
    tokens = _WORD.findall(text.lower())
    if has_cjk(text):
        # A run of Chinese or Japanese is one token however long, so each token weighs
        # its words: "2017年7月18日，正式加盟…" is a sentence opening with its date.
        weights = [count_words(t, [t]) for t in tokens]
        dated = sum(w for t, w in zip(tokens, weights) if _has_digit(t))
        return dated >= DATE_LINE_MIN_SHARE * sum(weights)
    dated = sum(1 for t in tokens if t in MONTHS or _has_digit(t))
    return dated >= DATE_LINE_MIN_SHARE * len(tokens)


def _has_digit(token: str) -> bool:
    """Whether a word holds a digit; a word of letters alone (most words, one C call)
    cannot."""
    return not token.isalpha() and any(map(str.isdigit, token))


def word_offsets(seg: Segmentation) -> list[int]:
    """Words before each block: the words of blocks [a, b) are offsets[b] - offsets[a]."""
    return [0, *accumulate(b.features.words for b in seg.blocks)]


def _noise_boxes(seg: Segmentation, areas: tuple[int, ...]) -> dict[int, str]:
    """The noise groups named by a container between an area and each of its blocks,
    by block index, for the blocks that sit in such a box.

    Only containers strictly inside the area count: a site that wraps its whole
    article in `class="paywall"` has named the article, not a box inside it.  For the
    same reason a box holding most of the area's words is the article, whatever its
    name says (`class="post-content has-share-buttons"`), unless it names comments.

    Worked per box rather than per block: an area holds few boxes named as noise (most
    hold none), and each names all its blocks.  The outermost such box names a block;
    containers come parents first, so it is the first seen."""
    boxed: dict[int, str] = {}
    cum_words: list[int] = []  # counted when the first named box is met: most pages have none
    for area in areas:
        for box in inside(seg, area):
            if _may_be_noise(box):
                cum_words = cum_words or word_offsets(seg)
                named = _noise_name(seg, area, box, cum_words)
                if named:
                    for j in range(box.first_block, box.end_block):
                        boxed.setdefault(j, named)
    return boxed


def _may_be_noise(box: Container) -> bool:
    """Whether `box` is a noise box's tag or names a noise group: most boxes do neither."""
    return box.tag in NOISE_BOX_TAGS or bool(box.groups & _NOISE_REGION_BITS)


def _noise_name(seg: Segmentation, region: int, box: Container, cum_words: list[int]) -> str:
    """The name by which `box`, inside `region`, is a noise box there, or "" (see
    `_noise_boxes`)."""
    if not _may_be_noise(box):
        return ""
    named = box.groups & _NOISE_REGION_BITS
    area = seg.containers[region]
    region_words = max(cum_words[area.end_block] - cum_words[area.first_block], 1)
    share = (cum_words[box.end_block] - cum_words[box.first_block]) / region_words
    if share <= NOISE_BOX_MAX_SHARE or named & _COMMENTS_BIT:
        return f"<{box.tag}>" if box.tag in NOISE_BOX_TAGS else ", ".join(group_names(named))
    return ""


def _rescue_by_context(
    blocks: tuple[Block, ...],
    probs: list[float],
    kept: list[bool],
    reasons: list[list[str]] | None,
    vetoes: list[str | None],
    threshold: float,
) -> None:
    """Keep near-misses that sit between kept blocks, and headings that introduce kept
    text; never a block a hard rule dropped, or one outside the article's areas.

    A furniture line a hard rule dropped inside the areas ("Advertisement", a newsletter
    prompt set between two paragraphs) does not part a paragraph of prose from the text
    around it: the block past the line counts as the neighbour (the context model still
    held the line against the paragraph)."""
    last = len(blocks) - 1
    for i in range(1, last):
        block = blocks[i]
        if kept[i] or vetoes[i]:
            continue
        between = kept[i - 1] and kept[i + 1]
        if not between and _lead_like(block):
            before = i - 1 if i < 2 or not _dropped_inside(vetoes[i - 1]) else i - 2
            after = i + 1 if i + 1 == last or not _dropped_inside(vetoes[i + 1]) else i + 2
            between = kept[before] and kept[after]
        if between and probs[i] >= threshold * CONTEXT_RESCUE_SHARE:
            kept[i] = True
            note(reasons, i, "kept: between two kept blocks")
        elif (
            block.kind is _HEADING
            and kept[i + 1]
            and probs[i] >= HEADING_MIN_PROBABILITY
            and blocks[i + 1].kind is not _HEADING
        ):
            kept[i] = True
            note(reasons, i, "kept: heading of kept text")


def _dropped_inside(veto: str | None) -> bool:
    """Whether a hard rule dropped the block inside the article's areas."""
    return veto is not None and veto != _OUTSIDE


def _complete_lists(
    seg: Segmentation,
    kept: list[bool],
    reasons: list[list[str]] | None,
    vetoes: list[str | None],
) -> None:
    """Keep the rest of a list of which at least `LIST_MOSTLY_KEPT_SHARE` of the items
    in the article's areas are kept.

    A list is one piece of text: a recipe's steps, a post's roundup of links with a
    remark each, a feature list.  Its items are scored one by one, and the short or
    plain ones ("Boil for 10 minutes", "Thunderbolt support") fall below the threshold
    while their neighbours clear it, so the list came out with holes.  When most of
    it is kept, the list is the article's; an item no hard rule vetoes joins it unless
    it is a lone word (a tag, a name, a stray comma: `LIST_ITEM_MIN_WORDS`) or wholly a
    link (a teaser's title set among the article's items).  The rules that drop
    sections, boxes after the body and teaser cards run after this one."""
    blocks = seg.blocks
    lists: dict[int, list[int]] = {}  # list container -> its items in the areas
    for j, veto in enumerate(vetoes):
        if veto is None:
            block = blocks[j]
            if block.kind is _LIST_ITEM and len(block.containers) > 1:
                lists.setdefault(block.containers[-2], []).append(j)
    for cid, items in lists.items():
        if seg.containers[cid].tag not in _LIST_TAGS:
            continue  # items set straight in a <div> or <menu>: not a list of the text
        held = sum([kept[j] for j in items])
        if held == len(items) or held < LIST_MOSTLY_KEPT_SHARE * len(items):
            continue
        _fill_in(
            seg, items, kept, reasons, vetoes, LIST_ITEM_MIN_WORDS,
            "kept: an item of a list mostly kept",
        )


def _complete_tables(
    seg: Segmentation,
    kept: list[bool],
    reasons: list[list[str]] | None,
    vetoes: list[str | None],
) -> None:
    """Keep the cells of a data table set inside the article, between kept text.

    A table of figures or terms (a study's results, a glossary, a schedule) is one piece
    of the text, but its cells are scored one by one: a name, a date, "Self explanatory;
    on ropes" have little of what prose has and fall below the threshold, so the table
    came out as the stray cells that cleared it, or not at all.  A data table is told
    from a layout table by holding no table of its own and no long paragraph, and from
    a box of links by few linked words; set inside the article's areas with kept text
    both before and after it, it is the article's.  Cells a hard rule vetoes, and cells
    wholly a link, stay out."""
    blocks = seg.blocks
    containers = seg.containers
    if kept.count(True) < 2:
        return
    first_kept, last_kept = kept.index(True), len(kept) - 1 - kept[::-1].index(True)
    for table in [c for c in containers if c.tag == "table"]:
        if table.first_block <= first_kept:
            continue
        span = range(table.first_block, table.end_block)
        if table.end_block > last_kept or len(span) < TABLE_MIN_CELLS:
            continue
        # outside the areas, or kept whole already (list searches, in C)
        if _OUTSIDE in vetoes[span.start : span.stop] or False not in kept[span.start : span.stop]:
            continue
        inner = inside(seg, table.id)
        if any(c.tag == "table" for c in inner) or sum(c.tag == "tr" for c in inner) < 2:
            continue
        words = sum(blocks[j].features.words for j in span)
        links = sum(blocks[j].features.link_words for j in span)
        if not words or links > TABLE_MAX_LINK_DENSITY * words:
            continue
        if any(blocks[j].features.words > TABLE_CELL_MAX_WORDS for j in span):
            continue
        _fill_in(
            seg, span, kept, reasons, vetoes, 1, "kept: a cell of a data table inside the article"
        )


def _fill_in(
    seg: Segmentation,
    members: Iterable[int],
    kept: list[bool],
    reasons: list[list[str]] | None,
    vetoes: list[str | None],
    min_words: int,
    why: str,
) -> None:
    """Keep the members of a list or table that is the article's: each one no hard rule
    vetoed, of at least `min_words` words and not wholly a link (a teaser's title set
    among them)."""
    blocks = seg.blocks
    for j in members:
        f = blocks[j].features
        if not kept[j] and vetoes[j] is None and f.words >= min_words and f.link_density < 1.0:
            kept[j] = True
            note(reasons, j, why)


def _drop_marked_sections(
    seg: Segmentation,
    probs: list[float],
    repeats: tuple[int, ...],
    region: int,
    kept: list[bool],
    reasons: list[list[str]] | None,
) -> None:
    """Drop everything under a 'Related' or 'Comments' heading, to the end of its section."""
    blocks = seg.blocks
    markers = [i for i, b in enumerate(blocks) if b.features.phrase in _SECTION_MARKERS]
    section_end = 0  # markers inside a section already dropped open none of their own
    for i in markers:
        if i < section_end:
            continue
        marker = blocks[i]
        end = _section_end(seg, i, region)
        if marker.features.phrase == "related-heading" and _reads_as_article(
            blocks, probs, repeats, i + 1, end
        ):
            end = i + 1
        for j in range(i, end):
            if kept[j]:
                kept[j] = False
                note(reasons, j, f"dropped: in a '{marker.text[:40]}' section")
        section_end = max(end, i + 1)


def _drop_after_body(
    seg: Segmentation,
    probs: list[float],
    region: int,
    kept: list[bool],
    reasons: list[list[str]] | None,
) -> None:
    """Drop what the region holds after the article's body box, unless very confident.

    The body box is the deepest container inside the region that holds most of the kept
    words (`BODY_BOX_SHARE`): a site's template appends its boxes (author bio, donation
    appeal, disclaimer, teasers) to the body inside the same article container, and they
    read like prose.  Nothing changes when the region itself is the body box.
    """
    area = seg.containers[region]
    blocks = seg.blocks
    # Kept words and blocks before each block, counted from the region's first (before
    # it, 0): the boxes weighed are all inside it, so only the region is counted.
    first, end = area.first_block, area.end_block
    window = zip(blocks[first:end], kept[first:end])
    kept_words = [0] * (first + 1) + [*accumulate(b.features.words if k else 0 for b, k in window)]
    elsewhere = chain(compress(blocks[:first], kept[:first]), compress(blocks[end:], kept[end:]))
    floor = BODY_BOX_SHARE * (kept_words[end] + sum(b.features.words for b in elsewhere))
    if not floor:
        return
    kept_blocks = [0] * (first + 1) + [*accumulate(kept[first:end])]
    body = area
    for box in inside(seg, region):
        if (
            box.depth > body.depth
            and kept_words[box.end_block] - kept_words[box.first_block] >= floor
            and kept_blocks[box.end_block] - kept_blocks[box.first_block] >= BODY_BOX_MIN_BLOCKS
        ):
            body = box
    for j in range(body.end_block, area.end_block):
        if kept[j] and probs[j] < AFTER_BODY_MIN_PROBABILITY:
            kept[j] = False
            note(reasons, j, f"dropped: after the article's body (<{body.tag}>) in its region")


def inside(seg: Segmentation, cid: int) -> tuple[Container, ...]:
    """The containers inside container `cid`, in order, but for empty ones after its
    last block: the ones a rule about its blocks needs to look at.

    Containers are numbered in document order, each after its parent, and open where
    their first block will be: `cid`'s descendants follow it, and the first container
    after them opens at or past its end."""
    ids = inside_ids(seg, cid)
    return seg.containers[ids.start : ids.stop]


def inside_ids(seg: Segmentation, cid: int) -> range:
    """The ids of `inside(seg, cid)`: a container's id is its index."""
    end = seg.containers[cid].end_block
    return range(cid + 1, bisect_left(seg.containers, end, lo=cid + 1, key=_FIRST_BLOCK))


def _drop_teaser_cards(
    seg: Segmentation, layout: Cards, kept: list[bool], reasons: list[list[str]] | None
) -> None:
    """Drop a repeated card whose kept text ends in a teaser's link label ("... Read
    more...", "Continue reading"), with everything it holds (its title, its date).

    The card is the opening of a story printed on another page, set in a list of such
    cards beside or under the article; its sentences read like prose and pass the scorer.
    A lone paragraph ending in "Read more" is left alone: it can close an article's own
    excerpt (a trackback, a quoted post), while a repeated card is a listing's item.  So
    is a card holding much of the kept text: a site that sets its article in the same
    markup as its teasers.
    """
    blocks, repeats = seg.blocks, layout.repeats
    kept_words = -1  # the words kept before any card goes, counted if a card is met
    for i in compress(range(len(blocks)), kept):  # reads `kept` as it changes
        if repeats[i] <= 1 or not ends_teaser(blocks[i].text):
            continue
        card = layout.card[i]
        if card is None:
            continue
        if kept_words < 0:
            kept_words = sum(b.features.words for b, k in zip(blocks, kept) if k)
        span = range(card.first_block, card.end_block)
        if sum(blocks[j].features.words for j in span if kept[j]) > (
            TEASER_CARD_MAX_SHARE * kept_words
        ):
            continue  # the "card" holds the article: its own excerpt ends in the label
        for j in span:
            if kept[j]:
                kept[j] = False
                note(reasons, j, "dropped: a teaser card ending in a 'read more' link")


def _reads_as_article(
    blocks: tuple[Block, ...], probs: list[float], repeats: tuple[int, ...], first: int, end: int
) -> bool:
    """Whether a would-be 'Related' section is confidently article text ("Read more"
    buttons that expand the story precede the rest of it): prose, and not prose set in
    repeated cards, which is what teasers written as full sentences are."""
    words = sum(blocks[j].features.words for j in range(first, end))
    if not words:
        return False
    mass = sum(probs[j] * blocks[j].features.words for j in range(first, end))
    in_cards = sum(blocks[j].features.words for j in range(first, end) if repeats[j] > 1)
    return (
        mass / words >= RELATED_SECTION_MAX_CONFIDENCE
        and in_cards < RELATED_SECTION_MAX_CARD_SHARE * words
    )


def _section_end(seg: Segmentation, start: int, region: int) -> int:
    """Where the section a marker opens ends.

    A marker that is a link titles nothing: it names where the link goes.  Otherwise a
    marker titles the smallest container it opens (its first block) that holds more
    than the marker; a heading that opens none titles the blocks up to the next heading
    of its rank inside its parent.  Anything else (a menu item named "Trending") titles
    nothing, and only the marker itself goes.  A section never encloses the article
    region: a "Comments" link that happens to open the page's content column names
    a link target, not the column.
    """
    marker = seg.blocks[start]
    if marker.features.link_density > SECTION_MARKER_MAX_LINK_DENSITY:
        return start + 1  # a link ("3 Comments" jumping to the thread) names its target
    article = seg.containers[region]
    for cid in reversed(marker.containers):
        container = seg.containers[cid]
        if container.first_block != start:
            break
        if container.end_block > start + 1:
            encloses = container.end_block >= article.end_block and cid <= region
            return start + 1 if encloses else container.end_block
    if marker.kind is not _HEADING:
        return start + 1
    parent = seg.containers[marker.containers[-2]] if len(marker.containers) > 1 else None
    end = parent.end_block if parent else len(seg.blocks)
    for j in range(start + 1, end):
        other = seg.blocks[j]
        if other.kind is _HEADING and other.level <= marker.level:
            return j
    return end
