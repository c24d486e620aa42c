"""Clean the chosen text: the headline, repeated paragraphs, and furniture at the edges.

Works on the keep/drop decisions, never on text: every removal is a decision with a
reason, visible in `explain()`.
"""

from __future__ import annotations

import re
from itertools import compress

from extractor.patterns import GROUP_BITS, mentions_prompt
from extractor.segment import Segmentation
from extractor.select import Selection, note
from extractor.tuning import (
    APPEAL_MAX_WORDS,
    AUTHOR_BOX_MAX_BLOCKS,
    DEDUP_MIN_CHARS,
    DEDUP_SAME_FLOW_MAX_WORDS,
    EDGE_MAX_WORDS,
    HEADLINE_OVERLAP,
    REPEATED_TEASER_MAX_PROBABILITY,
    REPEATED_TEASER_MIN_WORDS,
)
from extractor.types import Block, BlockKind

# An author box closing the text is a bio, however much it reads like prose.
_AUTHOR_BIT = GROUP_BITS["author"]
_WORDS = re.compile(r"\w+")
_NON_WORD = re.compile(r"[\W_]+")
# The ASCII bytes `_NON_WORD` matches: deleting them from ASCII text is a C table lookup.
_ASCII_NON_WORD = bytes(b for b in range(128) if not chr(b).isalnum())
# Every byte to itself, but A-Z to a-z: `bytes.translate` lower-cases ASCII text in the
# same pass that deletes `_ASCII_NON_WORD`, where `str.lower` would make a second one.
_ASCII_LOWER = bytes(range(256)).lower()
# Non-ASCII marks that prose is full of (curly quotes, dashes, ellipsis, guillemets,
# bullets, the soft hyphen), none of them a word character: `text_key` deletes them with
# `str.replace` (a C search for one character), which leaves most non-ASCII lines all
# letters and digits, where `_NON_WORD` tests every character's category.
_TYPOGRAPHIC_MARKS = ("’", "“", "”", "‘", "„", "–", "—", "…", "«", "»", "•", "·", "©", "\xad")
# Block kinds the rules test per block, read once: an Enum member read off its class
# costs a descriptor call, several times a global's read.
_HEADING, _LIST_ITEM = BlockKind.HEADING, BlockKind.LIST_ITEM
# How many characters of a text's key tell most paragraphs apart (`_drop_duplicates`
# compares these first), and how much of the text is read for them first.  Only the
# speed depends on them: `key_head` is the key's head whatever they are.
KEY_HEAD = 16
KEY_HEAD_TEXT = 64
# Phrase groups that are furniture when they open or close the text.
_EDGE_PHRASES = frozenset(
    {"placeholder", "byline", "prompt", "crosslink", "related-heading", "comment-heading"}
)


def postprocess(
    seg: Segmentation,
    selection: Selection,
    title: str,
    probabilities: list[float],
) -> Selection:
    """Apply the clean-up rules in order and return the revised selection.

    A selection written without reasons (`Selection.reasons` empty) stays without them."""
    blocks = seg.blocks
    kept = list(selection.kept)
    reasons = [list(r) for r in selection.reasons] if selection.reasons else None
    _drop_teasers_listed_twice(blocks, probabilities, kept, reasons)
    _drop_headline(blocks, kept, reasons, title)
    _drop_duplicates(blocks, kept, reasons)
    _trim_edges(seg, selection.region, kept, reasons)
    written = tuple([tuple(r) for r in reasons]) if reasons is not None else ()
    return Selection(selection.region, tuple(kept), written)


def text_key(text: str) -> str:
    """Text reduced to lower-case word characters: what makes two paragraphs 'the same'."""
    if text.isascii():  # the same result, several times faster than the regex
        return text.encode("ascii").translate(_ASCII_LOWER, _ASCII_NON_WORD).decode("ascii")
    # Other text loses its ASCII spaces and punctuation by the same table (in UTF-8 an
    # ASCII byte is always a character of its own), then the typographic marks of prose;
    # the regex looks only at what is left, often nothing but words.
    rest = (
        text.encode("utf-8", "surrogatepass")
        .translate(None, _ASCII_NON_WORD)
        .decode("utf-8", "surrogatepass")
    )
    if not rest.isalnum():
        for mark in _TYPOGRAPHIC_MARKS:
            if mark in rest:
                rest = rest.replace(mark, "")
        if not rest.isalnum():
            rest = _NON_WORD.sub("", rest)
    return rest.lower()


def key_head(text: str) -> str:
    """`text_key(text)[:KEY_HEAD]`, from the text's first `KEY_HEAD_TEXT` characters
    when they hold that much of the key: the key is made character by character (each
    kept or deleted, then lower-cased), so their key starts the whole text's key.  All
    but the Greek capital sigma, whose lower case depends on what follows it."""
    start = text[:KEY_HEAD_TEXT]
    if start.isascii():  # the usual case, spelled out: `text_key` of ASCII text
        head = start.encode("ascii").translate(_ASCII_LOWER, _ASCII_NON_WORD)
        if len(head) >= KEY_HEAD or len(start) == len(text):
            return head[:KEY_HEAD].decode("ascii")
    elif len(start) < len(text) and "Σ" not in start:
        head_key = text_key(start)
        if len(head_key) >= KEY_HEAD:
            return head_key[:KEY_HEAD]
    return text_key(text)[:KEY_HEAD]


def _drop(kept: list[bool], reasons: list[list[str]] | None, i: int, why: str) -> None:
    kept[i] = False
    note(reasons, i, f"dropped: {why}")


def _drop_teasers_listed_twice(
    blocks: tuple[Block, ...], probs: list[float], kept: list[bool], reasons: list[list[str]] | None
) -> None:
    """A kept list item that links elsewhere and is printed again, word for word, in a
    dropped block is a teaser: sites show one story list twice (a ticker above the story,
    the same list in the sidebar), and an item of a title and its excerpt reads as prose.
    An article's own paragraphs are not list items with links repeated outside it."""
    candidates = [
        i
        for i in compress(range(len(blocks)), kept)
        if blocks[i].kind is _LIST_ITEM
        and blocks[i].features.link_words
        and blocks[i].features.words >= REPEATED_TEASER_MIN_WORDS
        and probs[i] < REPEATED_TEASER_MAX_PROBABILITY
    ]
    if not candidates:
        return
    elsewhere = {
        text_key(b.text)
        for i, b in enumerate(blocks)
        if not kept[i] and b.features.words >= REPEATED_TEASER_MIN_WORDS
    }
    for i in candidates:
        if text_key(blocks[i].text) in elsewhere:
            _drop(kept, reasons, i, "a linked list item printed again outside the text (a teaser)")


def _drop_headline(
    blocks: tuple[Block, ...], kept: list[bool], reasons: list[list[str]] | None, title: str
) -> None:
    """The headline lives in `Article.title`; remove its copies before the body starts.

    A copy is the title's text, a heading that is mostly the title's words (sites add
    or drop a word between <title> and <h1>), or an <h1> opening the text.
    """
    key = text_key(title)
    title_words = set(_WORDS.findall(title.lower()))
    opening = True
    for i in compress(range(len(blocks)), kept):
        block = blocks[i]
        if (key and text_key(block.text) == key) or (
            block.kind is _HEADING
            and (_mostly_within(block.text, title_words) or (opening and block.level == 1))
        ):
            _drop(kept, reasons, i, "the headline, reported as the title")
        elif block.kind is not _HEADING and block.features.words > EDGE_MAX_WORDS:
            return
        opening = False


def _mostly_within(text: str, words: set[str]) -> bool:
    """Whether most of `text`'s words are among `words`."""
    own = _WORDS.findall(text.lower())
    return bool(own) and sum(w in words for w in own) >= HEADLINE_OVERLAP * len(own)


def _authored_repeat(first: Block, second: Block) -> bool:
    """In one flow of text (the same parent element), a line of a sentence or so printed
    twice is the author's (a recipe's repeated step, a refrain, a line of dialogue), and
    so is a paragraph printed twice in a row.  A template's echo stands apart from what
    it copies (a standfirst printed again further down the body, a hidden alternate
    version in a box of its own); a paragraph set twice in succession in one flow is what
    the reader sees there (a chorus sung twice, the writer's own repetition)."""
    if first.containers[:-1] != second.containers[:-1]:
        return False
    return first.features.words <= DEDUP_SAME_FLOW_MAX_WORDS or second.index == first.index + 1


def _drop_duplicates(
    blocks: tuple[Block, ...], kept: list[bool], reasons: list[list[str]] | None
) -> None:
    """A paragraph printed twice is kept where it first appears.

    Twice is the defect (a standfirst repeated as the body's lead, a mobile and a desktop
    copy); a paragraph printed three times or more, or a short line printed twice or a
    paragraph printed twice in a row in one flow of text, is repetition the author chose
    (a refrain, a recipe's repeated step) and stays.
    """
    # Paragraphs whose keys start differently are not the same: most kept paragraphs are
    # told apart by their keys' heads, read off their first lines, and only the rest keyed.
    by_head: dict[str, list[int]] = {}
    for i in compress(range(len(blocks)), kept):
        by_head.setdefault(key_head(blocks[i].text), []).append(i)
    alike = sorted([i for group in by_head.values() if len(group) > 1 for i in group])
    copies: dict[str, list[int]] = {}
    for i in alike:
        key = text_key(blocks[i].text)
        if len(key) >= DEDUP_MIN_CHARS:
            copies.setdefault(key, []).append(i)
    for first, *later in copies.values():
        if len(later) == 1 and not _authored_repeat(blocks[first], blocks[later[0]]):
            _drop(kept, reasons, later[0], f"repeats block {first}")


def _trim_edges(
    seg: Segmentation, region: int, kept: list[bool], reasons: list[list[str]] | None
) -> None:
    """Strip bylines, dates and prompts that open or close the text, dangling headings,
    and an author box or an appeal that closes it."""
    blocks = seg.blocks
    order = list(compress(range(len(kept)), kept))
    while order and _is_edge_furniture(blocks[order[0]]):
        _drop(kept, reasons, order.pop(0), "furniture at the start of the text")
    while order and (
        _is_edge_furniture(blocks[order[-1]])
        or _is_dangling_heading(blocks[order[-1]])
        or _in_author_box(seg, blocks[order[-1]], region)
        or _is_closing_appeal(blocks[order[-1]])
    ):
        _drop(kept, reasons, order.pop(), "furniture at the end of the text")


def _is_dangling_heading(block: Block) -> bool:
    """A heading closing the text titles nothing; a long one is prose in heading markup
    (a page that sets its whole text in <h3>s), and trimming it would strip them all."""
    return block.kind is _HEADING and block.features.words <= EDGE_MAX_WORDS


def _in_author_box(seg: Segmentation, block: Block, region: int) -> bool:
    """Inside a small box named for the author, strictly within the article region."""
    if region not in block.containers:
        return False
    inner = (seg.containers[c] for c in block.containers[block.containers.index(region) + 1 :])
    return any(
        c.groups & _AUTHOR_BIT and c.end_block - c.first_block <= AUTHOR_BOX_MAX_BLOCKS
        for c in inner
    )


def _is_closing_appeal(block: Block) -> bool:
    """A short paragraph with a prompt phrase anywhere, closing the text, is the site's
    appeal ("Enjoyed this? Sign up for our newsletter", "Submit a letter to the editor",
    a copyright and its "All rights reserved"), whatever the sentence it opens with."""
    return block.features.words <= APPEAL_MAX_WORDS and mentions_prompt(block.text)


def _is_edge_furniture(block: Block) -> bool:
    f = block.features
    if f.words > EDGE_MAX_WORDS:
        return False
    return f.date_like or f.phrase in _EDGE_PHRASES
