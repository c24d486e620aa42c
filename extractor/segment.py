"""Tree -> blocks, in one walk, with every feature the later stages need.

A block is the text between two block-level boundaries, with inline markup (links,
emphasis) folded in.  The walk keeps a stack of open block-level elements; each of them
becomes a `Container` so the selector can reason about regions without touching the
tree again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

import lxml.etree
import lxml.html

from extractor.compiled import load_extension
from extractor.features import measure
from extractor.patterns import NameMemo, read_names
from extractor.types import Block, BlockKind, Container

INLINE_TAGS: frozenset[str] = frozenset(
    """a abbr acronym b bdi bdo big cite code data del dfn em font i img ins kbd label mark
    nobr q rp rt ruby s samp small span strike strong sub sup time tt u var wbr""".split()
)
# Inline elements that render as a glyph or picture when empty.
GLYPH_TAGS: frozenset[str] = frozenset({"img", "i"})
HEADING_LEVELS: dict[str, int] = {f"h{n}": n for n in range(1, 7)}
LIST_TAGS: frozenset[str] = frozenset({"ul", "ol", "dl", "menu"})
ITEM_TAGS: frozenset[str] = frozenset({"li", "dt", "dd"})
CELL_TAGS: frozenset[str] = frozenset({"td", "th"})
CAPTION_TAGS: frozenset[str] = frozenset({"figcaption", "caption"})
BOILERPLATE_TAGS: frozenset[str] = frozenset({"nav", "header", "footer", "aside"})
ARTICLE_TAGS: frozenset[str] = frozenset({"article", "main"})
# Elements that are structure, never themselves a region worth naming.
_ROOT_TAGS: frozenset[str] = frozenset({"html", "body"})
# Block ancestors shown in a block's tag path.
TAG_PATH_DEPTH = 4
# Blocks in which a single <br> is a line break inside one paragraph, not a boundary.
LINE_BREAK_KEEPERS: frozenset[str] = frozenset({"p", "pre", "li", "dd", "blockquote", "address"})
# Ancestors close enough that their class names describe the block itself.
NEAR_ANCESTORS = 3


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The page as blocks in reading order, and the containers that hold them."""

    blocks: tuple[Block, ...]
    containers: tuple[Container, ...]


@dataclass(slots=True)
class _Frame:
    """One open block-level element during the walk."""

    cid: int
    tag: str
    own: int  # markup groups this element's class/id/role names
    groups: int  # union of `own` over this element and its ancestors
    article: bool
    boilerplate: bool
    tokens: tuple[str, ...]  # nearest signal-bearing class/id words


# What an element's tag, id, class and role say: class/id words, their markup groups and
# the container's label.  Pages repeat the same few names on many elements.
_Names = tuple[tuple[str, ...], int, str]
# One block before its features are measured: kind, text, tag, level, depth, container
# ids, innermost frame, link text, groups of the nearest ancestors, tag path.
_RawBlock = tuple[BlockKind, str, str, int, int, tuple[int, ...], _Frame, str, int, str]


@dataclass(slots=True)
class _Walk:
    """Mutable state of one segmentation; local to a call, so calls never share it."""

    max_blocks: int
    frames: list[_Frame] = field(default_factory=list)
    # Parallel to `frames`, for slicing: container ids, tags and own markup groups.
    cids: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    owns: list[int] = field(default_factory=list)
    names: dict[tuple[str, str, str, str], _Names] = field(default_factory=dict)
    name_tokens: NameMemo = field(default_factory=dict)
    containers: list[tuple[int, str, int, int, str, int, bool, int]] = field(
        default_factory=list
    )
    ends: list[int] = field(default_factory=list)
    raw: list[_RawBlock] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    link_pieces: list[str] = field(default_factory=list)
    link_depth: int = 0
    pre_depth: int = 0
    list_depth: int = 0
    quote_depth: int = 0
    last_was_br: bool = False


def segment(root: lxml.html.HtmlElement, *, max_blocks: int) -> Segmentation:
    """Walk `root` once and return its blocks and containers.

    Uses the compiled walk (`extractor._fastwalk`) when it is built and matches this
    lxml; otherwise, and for the rare tree it declines, the Python walk below.  Both give
    identical results (tests/test_fastwalk.py, benchmarks/golden_fastwalk.py).
    """
    if COMPILED_WALK is not None:
        body = root.find("body")
        found = COMPILED_WALK(body if body is not None else root, max_blocks)
        if found is not None:
            return found
    return segment_python(root, max_blocks=max_blocks)


def segment_python(root: lxml.html.HtmlElement, *, max_blocks: int) -> Segmentation:
    """The reference walk, in Python: what the compiled walk must reproduce exactly."""
    body = root.find("body")
    walk = _Walk(max_blocks=max_blocks)
    top = body if body is not None else root
    _open_frame(walk, top)
    if top.text:  # text set straight in <body>, before its first element
        _add_text(walk, top.text)
    events = lxml.etree.iterwalk(top, events=("start", "end"))
    next(events)  # the root's own start event: already opened above
    raw = walk.raw
    for event, element in events:
        if len(raw) >= max_blocks:
            break
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            _start(walk, element, tag)
        else:
            _end(walk, element, tag)
    if len(walk.raw) < max_blocks:
        _flush(walk)
    for frame in walk.frames:  # still open when the walk stopped early
        walk.ends[frame.cid] = len(walk.raw)
    return _finish(walk)


def _start(walk: _Walk, element: lxml.html.HtmlElement, tag: str) -> None:
    if tag == "br":
        # Two breaks end a paragraph anywhere; one break ends a line, which outside a <p>
        # (table layouts, bare <div> text) separates headline, byline and body lines.
        if walk.last_was_br or walk.frames[-1].tag not in LINE_BREAK_KEEPERS:
            _flush(walk)
        else:
            walk.pieces.append("\n")
        walk.last_was_br = True
        return
    if tag in INLINE_TAGS:
        if tag == "a":
            walk.link_depth += 1
        if element.text:
            _add_text(walk, element.text)
        elif tag in GLYPH_TAGS and len(element) == 0 and walk.pieces:
            # An image or an empty icon element separates words visually
            # ("Home<i class=icon></i>World" reads as two words).
            walk.pieces.append(" ")
        return
    _flush(walk)
    _open_frame(walk, element)
    if tag == "pre":
        walk.pre_depth += 1
    elif tag in LIST_TAGS:
        walk.list_depth += 1
    elif tag == "blockquote":
        walk.quote_depth += 1
    if element.text:
        _add_text(walk, element.text)


def _end(walk: _Walk, element: lxml.html.HtmlElement, tag: str) -> None:
    if tag == "br":
        pass
    elif tag in INLINE_TAGS:
        if tag == "a":
            walk.link_depth -= 1
    else:
        _flush(walk)
        _close_frame(walk)
        if tag == "pre":
            walk.pre_depth -= 1
        elif tag in LIST_TAGS:
            walk.list_depth -= 1
        elif tag == "blockquote":
            walk.quote_depth -= 1
    # The walk's root has no parent to give its tail to (text after </body>).
    if element.tail and walk.frames:
        _add_text(walk, element.tail)


def _add_text(walk: _Walk, text: str) -> None:
    if walk.last_was_br and text.isspace():
        return
    walk.last_was_br = False
    walk.pieces.append(text)
    if walk.link_depth:
        walk.link_pieces.append(text)


def _open_frame(walk: _Walk, element: lxml.html.HtmlElement) -> None:
    tag = element.tag if isinstance(element.tag, str) else "?"
    get = element.get
    ident, classes, role = get("id", ""), get("class", ""), get("role", "")
    key = (tag, ident, classes, role)
    names = walk.names.get(key)
    if names is None:
        names = walk.names[key] = _names(tag, ident, classes, role, walk.name_tokens)
    tokens, own, label = names
    semantic = tag in ARTICLE_TAGS or role == "main" or get("itemprop") == "articleBody"
    parent = walk.frames[-1] if walk.frames else None
    cid = len(walk.containers)
    depth = len(walk.frames)
    walk.containers.append(
        (cid, tag, parent.cid if parent else -1, depth, label, own, semantic, len(walk.raw))
    )
    walk.ends.append(len(walk.raw))
    if parent is None:
        frame = _Frame(cid, tag, 0, 0, semantic, False, ())
    else:
        frame = _Frame(
            cid,
            tag,
            own,
            parent.groups | own,
            parent.article or semantic,
            parent.boilerplate or tag in BOILERPLATE_TAGS,
            tokens if own else parent.tokens,
        )
    walk.frames.append(frame)
    walk.cids.append(cid)
    walk.tags.append(tag)
    walk.owns.append(frame.own)


def _close_frame(walk: _Walk) -> None:
    frame = walk.frames.pop()
    walk.cids.pop()
    walk.tags.pop()
    walk.owns.pop()
    walk.ends[frame.cid] = len(walk.raw)


def _names(tag: str, ident: str, classes: str, role: str, memo: NameMemo) -> _Names:
    if tag in _ROOT_TAGS:
        return (), 0, _label(tag, ident, classes)
    tokens, groups = read_names(f"{ident} {classes} {role}", memo)
    return tokens, groups, _label(tag, ident, classes)


def _label(tag: str, ident: str, classes: str) -> str:
    label = tag
    if ident:
        label += f"#{ident.strip()}"
    if classes:
        label += "." + ".".join(classes.split()[:3])
    return label


def _flush(walk: _Walk) -> None:
    """Close the text gathered so far into a block, if it holds any words."""
    walk.last_was_br = False
    if not walk.pieces:  # link text is always gathered into `pieces` too
        return
    raw = "".join(walk.pieces)
    link_text = " ".join(walk.link_pieces)  # separate links are separate words
    walk.pieces.clear()
    walk.link_pieces.clear()
    if len(walk.raw) >= walk.max_blocks:
        return
    if walk.pre_depth:
        text = raw.strip("\n")
        if not text.strip():
            return
    else:
        text = " ".join(raw.split())  # whitespace runs to one space, ends trimmed
        if not text:
            return
    frame = walk.frames[-1]
    kind, level = _kind(walk, frame.tag)
    near = 0
    for own in walk.owns[-NEAR_ANCESTORS:]:
        near |= own
    walk.raw.append(
        (
            kind,
            text,
            frame.tag,
            level,
            len(walk.frames),
            tuple(walk.cids),
            frame,
            link_text,
            near,
            ">".join(walk.tags[-TAG_PATH_DEPTH:]),
        )
    )


def _kind(walk: _Walk, tag: str) -> tuple[BlockKind, int]:
    if tag in HEADING_LEVELS:
        return BlockKind.HEADING, HEADING_LEVELS[tag]
    if walk.pre_depth:
        return BlockKind.CODE, 0
    if tag in ITEM_TAGS:
        return BlockKind.LIST_ITEM, walk.list_depth
    if tag in CELL_TAGS:
        return BlockKind.TABLE_CELL, 0
    if tag in CAPTION_TAGS:
        return BlockKind.CAPTION, 0
    if walk.quote_depth:
        return BlockKind.QUOTE, walk.quote_depth
    return BlockKind.PARAGRAPH, 0


def _finish(walk: _Walk) -> Segmentation:
    total = len(walk.raw)
    blocks = []
    for index, row in enumerate(walk.raw):
        kind, text, tag, level, depth, ids, frame, link_text, near, tag_path = row
        features = measure(
            text,
            link_text,
            depth=depth,
            position=index / (total - 1) if total > 1 else 0.0,
            tag_path=tag_path,
            class_tokens=frame.tokens,
            near_groups=near,
            far_groups=frame.groups,
            in_article=frame.article,
            in_boilerplate_tag=frame.boilerplate,
        )
        blocks.append(Block(index, kind, text, tag, level, ids, features))
    containers = tuple(Container(*row, end) for row, end in zip(walk.containers, walk.ends))
    return Segmentation(tuple(blocks), containers)


# --- which walk (and clean's scan) runs: the one place that decides --------------------

# The compiled walk: (walk root, max_blocks) -> Segmentation, or None to decline a tree.
CompiledWalk = Callable[[lxml.html.HtmlElement, int], "Segmentation | None"]
# The compiled scan `clean` uses: root -> its candidates, or None to decline a tree.
CompiledScan = Callable[
    [lxml.html.HtmlElement],
    "list[tuple[lxml.html.HtmlElement, str | None, str | None]] | None",
]

# The compiled scan `metadata.sources` uses: root -> (metas, title, h1s, JSON-LD
# scripts, noscripts), or None to decline a tree.
SourcesScan = Callable[
    [lxml.html.HtmlElement],
    "tuple[dict[str, str], lxml.html.HtmlElement | None, list[lxml.html.HtmlElement],"
    " list[lxml.html.HtmlElement], list[lxml.html.HtmlElement]] | None",
]


def _walk_incompatibility(module: ModuleType) -> str | None:
    """An extension built against another lxml/libxml2 could misread the tree's C
    structs; the module itself says whether it was built against this very one."""
    reason: str | None = module.incompatibility()
    return reason


_COMPILED = load_extension("_fastwalk", _walk_incompatibility)
COMPILED_WALK: CompiledWalk | None = _COMPILED.segment if _COMPILED else None
COMPILED_SCAN: CompiledScan | None = _COMPILED.clean_candidates if _COMPILED else None
COMPILED_SOURCES: SourcesScan | None = _COMPILED.head_sources if _COMPILED else None
# The compiled text-size gate `clean` uses: (element, n) -> False when the text under
# the element holds fewer than n bytes.
COMPILED_TEXT_BYTES: Callable[[lxml.html.HtmlElement, int], bool] | None = (
    _COMPILED.has_text_bytes if _COMPILED else None
)
# The compiled UTF-8 check `parse` uses: bytes -> whether they decode as UTF-8 to text
# without U+FFFE and U+FFFF.
COMPILED_UTF8_PLAIN: Callable[[bytes], bool] | None = (
    getattr(_COMPILED, "utf8_plain", None) if _COMPILED else None
)
