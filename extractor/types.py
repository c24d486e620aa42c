"""The data that flows between pipeline stages: small, frozen, typed.

Scores and decisions live in these records (a side table), never on DOM nodes, so a
stage can be tested with hand-made blocks and the caller's input is never mutated.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class ExtractionError(ValueError):
    """Raised when the input cannot be read as an HTML page at all.

    A valid page that simply has no article is *not* an error: it yields an
    `Article` whose `text` is empty.
    """


class BlockKind(str, Enum):
    """What a block is, kept so later renderers (Markdown, HTML) can rebuild structure."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE_CELL = "table_cell"
    CODE = "code"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Features:
    """What the scorer knows about a block, measured once during segmentation."""

    words: int
    link_words: int
    link_density: float
    text_density: float  # words per 80-character line: running prose is dense
    punctuation: float  # sentence punctuation marks per word
    stopword_ratio: float
    capital_ratio: float  # share of words starting with a capital: menus and titles are high
    sentence_end: bool  # ends like a sentence (., !, ?, closing quote)
    tag_path: str  # e.g. "div>article>p": the nearest few block ancestors
    class_tokens: tuple[str, ...]  # class/id words of the nearest ancestor that names a group
    near_groups: int  # bit mask of markup groups (patterns.GROUP_BITS) of the 3 nearest ancestors
    far_groups: int  # the same over all ancestors below <body>
    depth: int
    position: float  # 0.0 at the first block of the page, 1.0 at the last
    in_article: bool  # inside <article>, <main>, itemprop=articleBody or role=main
    in_boilerplate_tag: bool  # inside <nav>, <header>, <footer>, <aside>
    phrase: str | None  # the noise-phrase group this line matches, if any
    date_like: bool  # a short line that is mostly a date
    label: str | None  # "taxonomy", "notice" or "diagnostic": the line opens with a filing
    # label or a browser notice, or is a server's diagnostic (`patterns.opening_label`),
    # which no length makes prose


@dataclass(frozen=True, slots=True)
class Container:
    """A block-level element that holds blocks: the unit the selector chooses between."""

    id: int
    tag: str
    parent: int  # -1 for the root
    depth: int
    label: str  # readable `tag#id.class` for explanations
    groups: int  # bit mask of the markup groups its own class/id/role names
    semantic: bool  # <article>, <main>, itemprop=articleBody, role=main
    first_block: int
    end_block: int  # one past its last block


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text in reading order: a paragraph, heading, list item, cell...

    `containers` lists the ids of the block's ancestor elements, outermost first, so
    the selector can score regions without walking the tree again.
    """

    index: int
    kind: BlockKind
    text: str
    tag: str
    level: int  # heading level (1-6), list nesting depth, or 0
    containers: tuple[int, ...]
    features: Features


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether a block is kept, its score, and the reasons, for `explain()`."""

    block: Block
    score: float
    kept: bool
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.block.index,
            "kind": self.block.kind.value,
            "tag": self.block.tag,
            "text": self.block.text,
            "score": round(self.score, 4),
            "kept": self.kept,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class Metadata:
    """Page-level facts found outside the article body."""

    title: str = ""
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """The extraction result.

    `text` holds the kept paragraphs in reading order, each once, separated by a
    blank line; the headline is in `title`, never repeated at the start of `text`.
    """

    text: str
    title: str
    blocks: tuple[Block, ...]
    url: str | None = None
    language: str | None = None
    metadata: Metadata = field(default_factory=Metadata)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "language": self.language,
            "text": self.text,
            "blocks": [
                {"kind": b.kind.value, "tag": b.tag, "level": b.level, "text": b.text}
                for b in self.blocks
            ],
            "metadata": asdict(self.metadata),
        }


@dataclass(frozen=True, slots=True)
class Explanation:
    """Every block of the page, kept or dropped, with the region the selector chose."""

    article: Article
    decisions: tuple[Decision, ...]
    region: str  # a readable description of the chosen container

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "article": self.article.to_dict(),
            "decisions": [d.to_dict() for d in self.decisions],
        }
