"""`extractor.jsonld`: the articleBody a page declares in JSON-LD."""

from __future__ import annotations

import json

from extractor.jsonld import MIN_BODY_WORDS, article_body
from extractor.parse import parse

BODY = " ".join(f"word{i}" for i in range(MIN_BODY_WORDS + 5))


def body_of(*scripts: str, kind: str = "application/ld+json") -> str:
    tags = "".join(f"<script type='{kind}'>{s}</script>" for s in scripts)
    return article_body(parse(f"<html><head>{tags}</head><body><p>x</p></body></html>",
                              max_bytes=1_000_000).root)


def test_body_found_through_graph() -> None:
    data = {"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "articleBody": BODY}]}
    assert body_of(json.dumps(data)) == BODY


def test_body_key_written_with_unicode_escapes_is_found() -> None:
    source = '{"\\u0061rticleBody": ' + json.dumps(BODY) + "}"
    assert "articleBody" not in source
    assert body_of(source) == BODY


def test_json_ld_without_a_body_gives_nothing() -> None:
    assert body_of(json.dumps({"@type": "Organization", "name": "Daily News"})) == ""


def test_longest_body_wins_and_type_is_matched_loosely() -> None:
    short = {"articleBody": BODY}
    longer = {"articleBody": BODY + " more words"}
    assert body_of(json.dumps(short), json.dumps(longer), kind=" Application/LD+JSON ") == (
        BODY + " more words"
    )


def test_teaser_body_and_broken_json_give_nothing() -> None:
    assert body_of(json.dumps({"articleBody": "too short"})) == ""
    assert body_of('{"articleBody": ') == ""


def test_other_script_types_are_ignored() -> None:
    assert body_of(json.dumps({"articleBody": BODY}), kind="application/json") == ""
