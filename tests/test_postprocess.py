"""`extractor.postprocess`: headline removal, de-duplication and edge trimming."""

from __future__ import annotations

import extractor
from extractor.clean import clean
from extractor.parse import parse
from extractor.postprocess import postprocess, text_key
from extractor.segment import segment
from extractor.select import Selection
from extractor.tuning import DEDUP_MIN_CHARS, EDGE_MAX_WORDS
from extractor.types import Block

P1 = (
    "The council voted on Tuesday to close the old bridge, and residents said they were "
    "worried about the longer drive to the hospital in the next town."
)
P2 = (
    "The mayor, who had argued for repairs, said she would ask the regional government "
    "for money before the winter comes and the roads freeze."
)


def blocks_of(body: str) -> tuple[Block, ...]:
    root = parse(f"<html><body>{body}</body></html>", max_bytes=1_000_000).root
    return segment(clean(root), max_blocks=1000).blocks


def run(body: str, title: str = "", kept: list[bool] | None = None) -> list[str]:
    """Post-process with every block (or `kept`) selected; return the texts still kept."""
    blocks = blocks_of(body)
    flags = tuple(kept) if kept is not None else (True,) * len(blocks)
    selection = Selection(region=0, kept=flags, reasons=tuple(() for _ in blocks))
    out = postprocess(blocks, selection, title)
    assert len(out.kept) == len(out.reasons) == len(blocks)
    assert out.region == 0
    return [b.text for b, k in zip(blocks, out.kept) if k]


def reasons(body: str, title: str = "") -> list[tuple[str, ...]]:
    blocks = blocks_of(body)
    selection = Selection(0, (True,) * len(blocks), tuple(() for _ in blocks))
    return list(postprocess(blocks, selection, title).reasons)


def test_text_key() -> None:
    assert text_key("Hello, World!  ") == "helloworld"
    assert text_key("  hello world") == text_key("HELLO—WORLD")
    assert text_key("___") == ""


def test_nothing_to_do_keeps_everything() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p>") == [P1, P2]


def test_never_revives_dropped_blocks() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p>", kept=[False, True]) == [P2]


def test_duplicate_paragraph_keeps_first() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p><p>{P1}</p>") == [P1, P2]
    why = reasons(f"<p>{P1}</p><p>{P2}</p><p>{P1}</p>")[2]
    assert why == ("dropped: repeats block 0",)


def test_duplicate_ignores_case_spacing_and_punctuation() -> None:
    variant = P1.upper().replace(",", "").replace(" ", "  ")
    assert run(f"<p>{P1}</p><p>{variant}</p><p>{P2}</p>") == [P1, P2]


def test_dropped_first_copy_does_not_drop_second() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p><p>{P1}</p>", kept=[False, True, True]) == [P2, P1]


def test_short_repeats_are_not_deduplicated() -> None:
    short = "Yes, it is."  # fewer than DEDUP_MIN_CHARS word characters
    assert len(text_key(short)) < DEDUP_MIN_CHARS
    assert run(f"<p>{P1}</p><p>{short}</p><p>{P2}</p><p>{short}</p><p>{P1[:60]}x</p>") == [
        P1, short, P2, short, P1[:60] + "x",
    ]


def test_headline_copy_removed() -> None:
    title = "Bridge to close after council vote"
    assert run(f"<h1>{title}</h1><p>{P1}</p><p>{P2}</p>", title=title) == [P1, P2]
    assert reasons(f"<h1>{title}</h1><p>{P1}</p>", title)[0] == (
        "dropped: the headline, reported as the title",
    )


def test_headline_copy_as_paragraph_and_with_different_case() -> None:
    title = "Bridge to close after council vote"
    body = f"<p class='kicker'>News</p><h2>BRIDGE to close after council vote!</h2><p>{P1}</p>"
    assert run(body, title=title) == ["News", P1]


def test_headline_text_later_in_body_is_kept() -> None:
    title = "Bridge to close"
    body = f"<p>{P1}</p><h2>Bridge to close</h2><p>{P2}</p>"
    assert run(body, title=title) == [P1, "Bridge to close", P2]


def test_no_title_removes_nothing() -> None:
    assert run(f"<h1>Headline</h1><p>{P1}</p>", title="") == ["Headline", P1]


def test_leading_byline_and_date_trimmed() -> None:
    body = f"<p>By Jane Doe</p><p>March 3, 2024</p><p>{P1}</p><p>{P2}</p>"
    assert run(body) == [P1, P2]


def test_trailing_furniture_trimmed() -> None:
    body = (
        f"<p>{P1}</p><p>{P2}</p><p>Updated March 4, 2024</p><p>Share this article</p>"
        "<p>Tags: bridges, council</p><p>Read more: the budget</p><p>Advertisement</p>"
    )
    assert run(body) == [P1, P2]


def test_trailing_heading_trimmed() -> None:
    assert run(f"<p>{P1}</p><p>{P2}</p><h2>Background</h2>") == [P1, P2]
    assert run(f"<p>{P1}</p><h2>More</h2><h3>Even more</h3>") == [P1]


def test_leading_heading_is_kept() -> None:
    assert run(f"<h2>Background</h2><p>{P1}</p>") == ["Background", P1]


def test_furniture_in_the_middle_is_not_trimmed() -> None:
    body = f"<p>{P1}</p><p>By the way</p><p>March 3, 2024</p><p>{P2}</p>"
    assert run(body) == [P1, "By the way", "March 3, 2024", P2]


def test_long_edge_lines_are_not_trimmed() -> None:
    long_byline = "By " + " ".join(["word"] * (EDGE_MAX_WORDS + 2)) + "."
    assert run(f"<p>{long_byline}</p><p>{P1}</p>") == [long_byline, P1]


def test_everything_furniture_leaves_nothing() -> None:
    assert run("<p>By Jane Doe</p><p>March 3, 2024</p><h2>Title</h2>") == []


def test_end_to_end_edges_and_headline() -> None:
    html = (
        "<html><head><title>Bridge to close | Example News</title></head><body><article>"
        f"<h1>Bridge to close</h1><p>By Jane Doe</p><p>{P1}</p><p>{P2}</p><p>{P1}</p>"
        "<h2>Related</h2></article></body></html>"
    )
    article = extractor.extract(html)
    assert article.title == "Bridge to close"
    assert article.text == f"{P1}\n\n{P2}"
