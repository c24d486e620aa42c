"""The recipe: each stage in order, nothing else.

parse -> metadata -> clean -> segment -> score -> select -> post-process -> render
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from typing import Any

from extractor.clean import clean
from extractor.context import CONTEXT_MODEL, cards, revise, revised_probabilities
from extractor.jsonld import article_body
from extractor.metadata import read_metadata, sources
from extractor.options import Options
from extractor.parse import parse
from extractor.postprocess import postprocess
from extractor.render import composed, render_text
from extractor.score import DEFAULT_MODEL, score
from extractor.score import probabilities as block_probabilities
from extractor.segment import Segmentation, segment
from extractor.select import select_by_probability
from extractor.types import Article, Decision, Explanation, ExtractionError, Metadata


def explain(
    html: bytes | str,
    url: str | None = None,
    *,
    encoding: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> Explanation:
    """Run the pipeline and return every block with its score, decision and reasons."""
    opts = (options or Options()).with_overrides(overrides)
    return _guarded(html, url, encoding, opts, with_reasons=True)


def _guarded(
    html: bytes | str, url: str | None, encoding: str | None, opts: Options, *, with_reasons: bool
) -> Explanation:
    """Run the pipeline; whatever escapes a stage becomes `ExtractionError` or nothing."""
    try:
        return decide(prepare(html, url, encoding, opts), opts, with_reasons=with_reasons)
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError("the page is nested too deeply to process") from None
    except MemoryError:
        raise ExtractionError("the page is too large to process") from None


def extract(
    html: bytes | str,
    url: str | None = None,
    *,
    encoding: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> Article:
    """Return the article of one page.

    `html` is the page as bytes (the encoding is detected; `encoding` may pass an HTTP
    charset or Content-Type as a hint) or as text.  Option fields may be given as
    keywords (`favor="precision"`) or as an `Options`.  Raises `ExtractionError` when
    the input is not an HTML page; a page without an article gives empty `text`.
    """
    opts = (options or Options()).with_overrides(overrides)
    return _guarded(html, url, encoding, opts, with_reasons=False).article


@dataclass(frozen=True, slots=True)
class Prepared:
    """A page read and segmented, ready to be judged (the training script reuses it)."""

    meta: Metadata
    seg: Segmentation
    body_hint: str  # the page's JSON-LD articleBody, "" when it ships none


def prepare(
    html: bytes | str, url: str | None, encoding: str | None, opts: Options
) -> Prepared:
    """The stages that read the page: parse, metadata, clean, segment."""
    page = parse(html, encoding=encoding, max_bytes=opts.max_input_bytes)
    found = sources(page.root)  # one walk for every reader of the raw tree
    meta = read_metadata(page.root, url, found)
    hint = article_body(page.root, found.scripts)
    root = clean(page.root, found.noscripts)
    return Prepared(meta, segment(root, max_blocks=opts.max_blocks), hint)


def decide(page: Prepared, opts: Options, *, with_reasons: bool = True) -> Explanation:
    """The stages that judge the blocks: score, select, post-process, render.

    Without reasons the Explanation lists no decisions: only its article is wanted."""
    meta, seg = page.meta, page.seg
    url = meta.url
    model = opts.model or DEFAULT_MODEL
    context_model = opts.context_model or CONTEXT_MODEL
    layout = cards(seg)
    if with_reasons:
        own = score(seg.blocks, model)
        scores = revise(seg, own, context_model, page.body_hint, layout)
        probabilities = [s.probability for s in scores]
    else:  # `extract` reads only the article: no reasons, no Score records
        first = block_probabilities(seg.blocks, model)
        probabilities = revised_probabilities(seg, first, context_model, page.body_hint, layout)
    selection = select_by_probability(
        seg, probabilities, opts, layout, meta.title, with_reasons=with_reasons
    )
    chosen = postprocess(seg, selection, meta.title, probabilities)
    kept_blocks = composed(tuple(compress(seg.blocks, chosen.kept)))
    decisions = (
        tuple(
            [
                Decision(block, s.probability, k, s.reasons + r)
                for block, s, k, r in zip(seg.blocks, scores, chosen.kept, chosen.reasons)
            ]
        )
        if with_reasons
        else ()
    )
    article = Article(
        text=render_text(kept_blocks),
        title=meta.title,
        blocks=kept_blocks,
        url=url,
        language=meta.language,
        metadata=meta,
    )
    region = seg.containers[chosen.region].label if chosen.region >= 0 else "(no blocks)"
    return Explanation(article=article, decisions=decisions, region=region)
