"""The public API: `extract`, `explain`, `Options`, `Article` and their contracts."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import P1, P2, P3

import extractor
from extractor import Article, Block, BlockKind, ExtractionError, Options
from extractor.render import composed, render_text
from extractor.score import DEFAULT_MODEL, Model

PAGE = (
    "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
    "<title>Bridge to close | Example News</title></head><body>"
    "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li>"
    "<li><a href='/s'>Sport</a></li></ul></nav></header>"
    f"<main><article><h1>Bridge to close</h1><p>By Jane Doe</p><p>{P1}</p><p>{P2}</p>"
    f"<p>{P3}</p></article>"
    "<aside class='sidebar'><h3>Most popular</h3><ul>"
    + "".join(f"<li><a href='/p{i}'>Popular headline number {i}</a></li>" for i in range(6))
    + "</ul></aside></main><footer><p>© 2024 Example News. All rights reserved.</p></footer>"
    "</body></html>"
)


def _page(i: int) -> str:
    paragraphs = "".join(
        f"<p>Paragraph {j} of page {i}: {P1 if (i + j) % 2 else P2}</p>" for j in range(i % 5 + 2)
    )
    return (
        f"<html><head><title>Page {i}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/{i}'>Section {i}</a></nav>"
        f"<div class='content'>{paragraphs}</div>"
        f"<div class='related'><h2>Related</h2><ul><li><a href='/x{i}'>Other {i}</a></li></ul>"
        "</div></body></html>"
    )


PAGES = [_page(i) for i in range(24)]


def test_extract_returns_the_article() -> None:
    article = extractor.extract(PAGE, url="https://example.com/bridge")
    assert isinstance(article, Article)
    assert article.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert article.title == "Bridge to close"
    assert article.url == "https://example.com/bridge"
    assert article.language == "en"
    assert article.metadata.title == article.title
    assert article.metadata.url == article.url
    assert [b.text for b in article.blocks] == [P1, P2, P3]
    assert all(isinstance(b, Block) and b.kind is BlockKind.PARAGRAPH for b in article.blocks)


def test_bytes_and_str_agree() -> None:
    assert extractor.extract(PAGE.encode("utf-8")) == extractor.extract(PAGE)


def test_article_is_frozen() -> None:
    article = extractor.extract(PAGE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.blocks[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.metadata.title = "changed"  # type: ignore[misc]
    assert isinstance(article.blocks, tuple)


def test_article_to_dict_round_trips_through_json() -> None:
    article = extractor.extract(PAGE, url="https://example.com/bridge")
    data = article.to_dict()
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again == data
    assert again["text"] == article.text
    assert again["title"] == article.title
    assert again["url"] == article.url
    assert [b["text"] for b in again["blocks"]] == [b.text for b in article.blocks]
    assert [b["kind"] for b in again["blocks"]] == ["paragraph"] * 3
    assert again["metadata"]["title"] == article.title


def test_explain_has_a_decision_for_every_block() -> None:
    explanation = extractor.explain(PAGE)
    decisions = explanation.decisions
    assert [d.block.index for d in decisions] == list(range(len(decisions)))
    assert len(decisions) > len(explanation.article.blocks)
    for d in decisions:
        assert d.reasons, d.block.text
        assert 0.0 < d.score < 1.0
    kept = tuple(d.block for d in decisions if d.kept)
    assert kept == explanation.article.blocks
    assert explanation.article == extractor.extract(PAGE)
    assert "article" in explanation.region or "main" in explanation.region


def test_explain_to_dict_is_json() -> None:
    data = extractor.explain(PAGE).to_dict()
    again = json.loads(json.dumps(data))
    assert again == data
    assert {"region", "article", "decisions"} <= set(data)
    assert all({"index", "kept", "score", "reasons", "text"} <= set(d) for d in data["decisions"])


def test_explain_of_empty_page() -> None:
    explanation = extractor.explain("<html><body></body></html>")
    assert explanation.decisions == ()
    assert explanation.article.text == ""
    assert explanation.region == "(no blocks)"


def test_unknown_option_name_is_type_error() -> None:
    with pytest.raises(TypeError, match="favour"):
        extractor.extract(PAGE, favour="recall")
    with pytest.raises(TypeError):
        extractor.explain(PAGE, no_such_option=1)


def test_unknown_option_is_rejected_before_parsing() -> None:
    with pytest.raises(TypeError):
        extractor.extract(b"", bogus=True)


def test_options_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Options().favor = "recall"  # type: ignore[misc]


@pytest.mark.parametrize(
    "overrides",
    [
        {"favor": "precision"},
        {"favor": "recall"},
        {"include_tables": False},
        {"include_captions": True},
        {"max_blocks": 4},
        {"max_input_bytes": 1500},
    ],
)
def test_options_object_and_keywords_agree(overrides: dict[str, object]) -> None:
    by_keyword = extractor.extract(PAGE, **overrides)
    by_options = extractor.extract(PAGE, options=Options(**overrides))  # type: ignore[arg-type]
    assert by_keyword == by_options


def test_model_option_replaces_the_shipped_weights() -> None:
    flat = Model.from_json({"bias": 0.0, "weights": {}})
    assert Options().model is None
    assert extractor.extract(PAGE, model=None) == extractor.extract(PAGE)
    assert extractor.extract(PAGE, model=DEFAULT_MODEL) == extractor.extract(PAGE)
    by_keyword = extractor.explain(PAGE, model=flat)
    assert extractor.explain(PAGE, options=Options(model=flat)) == by_keyword
    shipped = extractor.explain(PAGE)
    assert [d.score for d in by_keyword.decisions] != [d.score for d in shipped.decisions]


def _reasons_of(html: str, text: str, **overrides: object) -> tuple[str, ...]:
    explanation = extractor.explain(html, **overrides)
    [decision] = [d for d in explanation.decisions if d.block.text == text]
    return decision.reasons


def test_include_captions_option_reaches_the_hard_rule() -> None:
    caption = "The old bridge, photographed in 1950 from the northern bank."
    html = (
        f"<html><body><article><p>{P1}</p><figure><figcaption>{caption}</figcaption></figure>"
        f"<p>{P2}</p></article></body></html>"
    )
    assert caption not in extractor.extract(html).text
    assert "caption (include_captions=False)" in _reasons_of(html, caption)
    assert "caption (include_captions=False)" not in _reasons_of(
        html, caption, include_captions=True
    )


def test_include_tables_option_reaches_the_hard_rule() -> None:
    html = (
        f"<html><body><article><p>{P1}</p><table><tr><td>Bridge</td><td>Built 1950</td></tr>"
        f"</table><p>{P2}</p></article></body></html>"
    )
    assert "Built 1950" not in extractor.extract(html, include_tables=False).text
    why = "table cell (include_tables=False)"
    assert why in _reasons_of(html, "Built 1950", include_tables=False)
    assert why not in _reasons_of(html, "Built 1950")


def test_keywords_override_options_object() -> None:
    base = Options(favor="precision")
    merged = base.with_overrides({"favor": "recall"})
    assert merged.favor == "recall"
    assert base.favor == "precision"
    assert base.with_overrides({}) is base
    assert extractor.extract(PAGE, options=base, favor="recall") == extractor.extract(
        PAGE, favor="recall"
    )


@pytest.mark.parametrize("favor", ["Precision", "fast", "", None, 1])
def test_favor_validation(favor: object) -> None:
    with pytest.raises(ValueError, match="favor"):
        extractor.extract(PAGE, favor=favor)


@pytest.mark.parametrize("favor", ["precision", "balanced", "recall"])
def test_valid_favor_values(favor: str) -> None:
    article = extractor.extract(PAGE, favor=favor)
    assert P1 in article.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body></body></html>",
        "<html><head><title>Only a title</title></head><body>   </body></html>",
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li>"
        "<li><a href='/s'>Sport</a></li></ul></nav></body></html>",
        "<html><body><script>var x = 1;</script><style>p{}</style></body></html>",
        "<html><body><div hidden><p>" + P1 + "</p></div></body></html>",
        "<p></p>",
    ],
)
def test_page_without_article_gives_empty_text(html: str) -> None:
    for data in (html, html.encode("utf-8")):
        article = extractor.extract(data)
        assert isinstance(article, Article)
        assert article.text == ""
        assert article.blocks == ()


def test_not_html_is_extraction_error_from_both_entry_points() -> None:
    for entry in (extractor.extract, extractor.explain):
        with pytest.raises(ExtractionError):
            entry(b"%PDF-1.7 binary")


def test_deterministic() -> None:
    first = [extractor.explain(p) for p in PAGES[:6]]
    second = [extractor.explain(p) for p in PAGES[:6]]
    assert first == second
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]


def test_thread_safe() -> None:
    serial = [extractor.extract(p) for p in PAGES]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            parallel = list(pool.map(extractor.extract, PAGES))
            assert parallel == serial
        explained = list(pool.map(extractor.explain, PAGES))
    assert [e.article for e in explained] == serial
    assert all(a.text for a in serial)
    assert len({a.text for a in serial}) == len(PAGES)


def test_thread_safe_mixed_options() -> None:
    jobs = [(p, f) for p in PAGES[:12] for f in ("precision", "balanced", "recall")]
    serial = [extractor.extract(p, favor=f) for p, f in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda job: extractor.extract(job[0], favor=job[1]), jobs))
    assert parallel == serial


def test_callers_input_is_not_modified() -> None:
    text = "".join([PAGE])  # a fresh object, compared to the module constant afterwards
    data = bytearray(PAGE.encode("utf-8"))
    data_copy = bytes(data)
    options = Options(favor="recall")
    extractor.extract(text)
    extractor.extract(data, options=options)
    extractor.explain(bytes(data), options=options, max_blocks=10)
    assert text == PAGE
    assert bytes(data) == data_copy
    assert options == Options(favor="recall")


def test_result_does_not_share_state_between_calls() -> None:
    a = extractor.extract(PAGES[0])
    extractor.extract(PAGES[1])
    assert a == extractor.extract(PAGES[0])


def test_public_names() -> None:
    for name in ("extract", "explain", "Options", "ExtractionError", "Article", "Block",
                 "BlockKind"):
        assert name in extractor.__all__
        assert hasattr(extractor, name)
    assert issubclass(ExtractionError, ValueError)


def test_extract_skips_explanations_but_decides_the_same() -> None:
    # extract() does not write the scorer's reasons; its article must not differ for it.
    corpus = sorted((Path(__file__).parent.parent / "corpus").glob("*/page.html"))
    assert corpus
    for page in corpus:
        html = page.read_bytes()
        why = extractor.explain(html)
        assert extractor.extract(html) == why.article
        assert all(any(r.startswith("context ") for r in d.reasons) for d in why.decisions)


def test_text_is_given_in_canonical_composition() -> None:
    # A body typed in decomposed form ('u' + combining diaeresis) reads the same as the
    # usual composed letters; the output uses the composed form (NFC) the web writes in,
    # in the text and in the blocks alike.
    decomposed = unicodedata.normalize("NFD", f"Die Brücke über die Wörnitz ist offen. {P1}")
    page = PAGE.replace(f"<p>{P2}</p>", f"<p>{decomposed}</p>")
    article = extractor.extract(page)
    assert "Die Brücke über die Wörnitz ist offen." in article.text
    assert unicodedata.is_normalized("NFC", article.text)
    assert all(unicodedata.is_normalized("NFC", b.text) for b in article.blocks)
    assert article.text == "\n\n".join(b.text for b in article.blocks)


def test_composed_text_is_left_as_it_is() -> None:
    blocks = extractor.extract(PAGE).blocks
    text = "\n\n".join(b.text for b in blocks)
    assert composed(blocks) is blocks
    assert render_text(composed(blocks)) == text
