"""The extractor registry and its helpers (no baseline is imported here)."""

from __future__ import annotations

import pytest

from benchmarks import extractors


@pytest.mark.parametrize(("raw", "expected"), [
    (b"\xef\xbb\xbfcaf\xc3\xa9", "café"),  # BOM wins
    ("café".encode(), "café"),  # valid UTF-8
    (b'<meta charset="iso-8859-2"><p>\xb1', '<meta charset="iso-8859-2"><p>ą'),  # declared
    (b"<p>caf\xe9", "<p>café"),  # undeclared legacy bytes: cp1252
    (b'<meta charset="no-such"><p>\x80', '<meta charset="no-such"><p>€'),  # bogus label
])
def test_decode_html(raw: bytes, expected: str) -> None:
    assert extractors.decode_html(raw) == expected


def test_fragment_text_breaks_blocks_and_skips_scripts_and_comments() -> None:
    markup = ("<div><h2>Title</h2><p>First <b>bold</b> para.</p><!-- note -->"
              "<script>x = 1</script><p>Second</p></div>")
    assert extractors.fragment_text(markup) == "Title\nFirst bold para.\nSecond"
    assert extractors.fragment_text("  ") == ""


def test_names_and_aliases() -> None:
    assert extractors.canonical("readability-lxml") == "readability"
    assert extractors.canonical(" jusText ") == "justext"
    assert extractors.canonical("ours") == extractors.OURS
    assert extractors.canonical("pkg.mod:func") == "pkg.mod:func"
    assert extractors.is_custom("pkg.mod:func") and not extractors.is_custom("trafilatura")
    assert "unknown" in (extractors.missing_reason("nonesuch") or "")
    assert extractors.missing_reason(extractors.FLOOR) is None


def test_parse_only_floor_extracts_nothing() -> None:
    floor = extractors.build(extractors.FLOOR)
    assert floor(b"<html><body><p>text</p></body></html>", None, None) == ""
