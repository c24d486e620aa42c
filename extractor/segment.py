"""Tree -> blocks, in one walk, with every feature the later stages need.

A block is the text between two block-level boundaries, with inline markup (links,
emphasis) folded in.  The walk keeps a stack of open block-level elements; each of them
becomes a `Container` so the selector can reason about regions without touching the
tree again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from extractor.features import measure
from extractor.patterns import class_tokens, token_groups
from extractor.types import Block, BlockKind, Container

INLINE_TAGS: frozenset[str] = frozenset(
    """a abbr acronym b bdi bdo big cite code data del dfn em font i img ins kbd label mark
    nobr q rp rt ruby s samp small span strike strong sub sup time tt u var wbr""".split()
)
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

_SPACES = re.compile(r"\s+")


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


@dataclass(slots=True)
class _Walk:
    """Mutable state of one segmentation; local to a call, so calls never share it."""

    max_blocks: int
    frames: list[_Frame] = field(default_factory=list)
    containers: list[tuple[int, str, int, int, str, int, bool, int]] = field(
        default_factory=list
    )
    ends: list[int] = field(default_factory=list)
    raw: list[tuple[BlockKind, str, str, int, int, tuple[int, ...], _Frame, str, int]] = field(
        default_factory=list
    )
    pieces: list[str] = field(default_factory=list)
    link_pieces: list[str] = field(default_factory=list)
    link_depth: int = 0
    pre_depth: int = 0
    list_depth: int = 0
    quote_depth: int = 0
    last_was_br: bool = False


def segment(root: lxml.html.HtmlElement, *, max_blocks: int) -> Segmentation:
    """Walk `root` once and return its blocks and containers."""
    body = root.find("body")
    walk = _Walk(max_blocks=max_blocks)
    walk.frames.append(_open_frame(walk, body if body is not None else root, None))
    events = lxml.etree.iterwalk(body if body is not None else root, events=("start", "end"))
    next(events)  # the root's own start event: already opened above
    for event, element in events:
        if len(walk.raw) >= max_blocks:
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
        elif len(element) == 0 and walk.pieces:
            # An empty inline element is an icon or image; it separates words visually.
            walk.pieces.append(" ")
        return
    _flush(walk)
    walk.frames.append(_open_frame(walk, element, walk.frames[-1]))
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
        frame = walk.frames.pop()
        walk.ends[frame.cid] = len(walk.raw)
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


def _open_frame(walk: _Walk, element: lxml.html.HtmlElement, parent: _Frame | None) -> _Frame:
    tag = element.tag if isinstance(element.tag, str) else "?"
    attrib = element.attrib
    ident = attrib.get("id", "")
    classes = attrib.get("class", "")
    role = attrib.get("role", "")
    itemprop = attrib.get("itemprop", "")
    tokens = class_tokens(f"{ident} {classes} {role}") if tag not in _ROOT_TAGS else ()
    own = token_groups(tokens)
    semantic = tag in ARTICLE_TAGS or itemprop == "articleBody" or role == "main"
    cid = len(walk.containers)
    walk.containers.append(
        (
            cid,
            tag,
            parent.cid if parent else -1,
            len(walk.frames),
            _label(tag, ident, classes),
            own,
            semantic,
            len(walk.raw),
        )
    )
    walk.ends.append(len(walk.raw))
    if parent is None:
        return _Frame(cid, tag, 0, 0, semantic, False, ())
    return _Frame(
        cid=cid,
        tag=tag,
        own=own,
        groups=parent.groups | own,
        article=parent.article or semantic,
        boilerplate=parent.boilerplate or tag in BOILERPLATE_TAGS,
        tokens=tokens if own else parent.tokens,
    )


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
    if not walk.pieces or len(walk.raw) >= walk.max_blocks:
        walk.pieces.clear()
        walk.link_pieces.clear()
        return
    raw = "".join(walk.pieces)
    link_text = " ".join(walk.link_pieces)  # separate links are separate words
    walk.pieces.clear()
    walk.link_pieces.clear()
    if walk.pre_depth:
        text = raw.strip("\n")
        if not text.strip():
            return
    else:
        text = _SPACES.sub(" ", raw).strip()
        if not text:
            return
    frame = walk.frames[-1]
    kind, level = _kind(walk, frame.tag)
    ids = tuple(f.cid for f in walk.frames)
    near = 0
    for nearby in walk.frames[-NEAR_ANCESTORS:]:
        near |= nearby.own
    walk.raw.append((kind, text, frame.tag, level, len(walk.frames), ids, frame, link_text, near))


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
    for index, (kind, text, tag, level, depth, ids, frame, link_text, near) in enumerate(walk.raw):
        features = measure(
            text,
            link_text,
            depth=depth,
            position=index / (total - 1) if total > 1 else 0.0,
            tag_path=">".join(walk.containers[i][1] for i in ids[-TAG_PATH_DEPTH:]),
            class_tokens=frame.tokens,
            near_groups=near,
            far_groups=frame.groups,
            in_article=frame.article,
            in_boilerplate_tag=frame.boilerplate,
        )
        blocks.append(Block(index, kind, text, tag, level, ids, features))
    containers = tuple(Container(*row, end) for row, end in zip(walk.containers, walk.ends))
    return Segmentation(tuple(blocks), containers)
