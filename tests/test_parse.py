"""Stage 1, `extractor.parse`: decoding bytes, rejecting non-HTML, sanitising, truncating."""

from __future__ import annotations

import codecs
import random
import re

import lxml.etree
import pytest

import extractor
from extractor import ExtractionError
from extractor.parse import _FORBIDDEN_CHARS, ParsedPage, decode, parse

LIMIT = 1_000_000
RUSSIAN = "Привет, мир! Это статья о погоде в Москве."
JAPANESE = "日本語のテキストです。東京は晴れ。"
FRENCH = "Café crème à l'été, naïve façade – «voilà» €5."


def page(body_text: str, head: str = "") -> str:
    """A minimal page whose only paragraph is `body_text`."""
    return f"<html><head>{head}</head><body><p>{body_text}</p></body></html>"


def body_text(parsed: ParsedPage) -> str:
    body = parsed.root.find("body")
    assert body is not None
    return body.text_content()


# --- byte-order marks ------------------------------------------------------------------


def test_utf8_bom_is_used_and_stripped() -> None:
    parsed = parse(codecs.BOM_UTF8 + page(FRENCH).encode("utf-8"), max_bytes=LIMIT)
    assert parsed.encoding == "utf-8"
    assert body_text(parsed) == FRENCH
    assert "\ufeff" not in parsed.root.text_content()


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_bom(bom: bytes, codec: str) -> None:
    data = bom + page(JAPANESE).encode(codec)
    parsed = parse(data, max_bytes=LIMIT)
    assert parsed.encoding == codec
    assert body_text(parsed) == JAPANESE


def test_bom_beats_hint_and_meta() -> None:
    data = codecs.BOM_UTF8 + page(FRENCH, '<meta charset="windows-1251">').encode("utf-8")
    parsed = parse(data, encoding="cp1252", max_bytes=LIMIT)
    assert parsed.encoding == "utf-8"
    assert body_text(parsed) == FRENCH


def test_utf16_bom_page_is_not_rejected_as_binary() -> None:
    # UTF-16 text is full of NUL bytes; the BOM must exempt it from the binary sniff.
    data = codecs.BOM_UTF16_LE + page("plain ascii words only").encode("utf-16-le")
    article = extractor.extract(data)
    assert isinstance(article, extractor.Article)


# --- caller's hint ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "hint",
    [
        "windows-1251",
        "cp1251",
        " Windows-1251 ",
        "text/html; charset=windows-1251",
        'text/html; charset="windows-1251"',
        "text/html;charset=WINDOWS-1251",
    ],
)
def test_hint_bare_charset_or_content_type(hint: str) -> None:
    data = page(RUSSIAN).encode("cp1251")
    parsed = parse(data, encoding=hint, max_bytes=LIMIT)
    assert parsed.encoding == "cp1251"
    assert body_text(parsed) == RUSSIAN


def test_hint_beats_meta_declaration() -> None:
    data = page(RUSSIAN, '<meta charset="iso-8859-5">').encode("cp1251")
    parsed = parse(data, encoding="windows-1251", max_bytes=LIMIT)
    assert body_text(parsed) == RUSSIAN


def test_unknown_hint_is_ignored() -> None:
    data = page(FRENCH).encode("utf-8")
    parsed = parse(data, encoding="x-no-such-charset", max_bytes=LIMIT)
    assert parsed.encoding == "utf-8"
    assert body_text(parsed) == FRENCH


def test_hint_via_public_api() -> None:
    data = page(RUSSIAN * 3).encode("cp1251")
    explanation = extractor.explain(data, encoding="text/html; charset=windows-1251")
    assert [d.block.text for d in explanation.decisions] == [(RUSSIAN * 3).strip()]


# --- <meta> declarations ---------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1251">',
        "<meta charset=windows-1251>",
        "<META CHARSET='Windows-1251'>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        '<meta content="text/html; charset=windows-1251" http-equiv="Content-Type">',
    ],
)
def test_meta_charset_windows_1251(head: str) -> None:
    parsed = parse(page(RUSSIAN, head).encode("cp1251"), max_bytes=LIMIT)
    assert parsed.encoding == "cp1251"
    assert body_text(parsed) == RUSSIAN


@pytest.mark.parametrize("label", ["shift_jis", "Shift_JIS", "sjis"])
def test_meta_charset_shift_jis(label: str) -> None:
    parsed = parse(page(JAPANESE, f'<meta charset="{label}">').encode("shift_jis"), max_bytes=LIMIT)
    assert body_text(parsed) == JAPANESE


def test_meta_after_long_head_within_scan_window() -> None:
    filler = "<!-- " + "x" * 2000 + " -->"
    data = (filler + page(RUSSIAN, '<meta charset="windows-1251">')).encode("cp1251")
    assert body_text(parse(data, max_bytes=LIMIT)) == RUSSIAN


def test_unknown_meta_label_is_ignored() -> None:
    data = page(FRENCH, '<meta charset="x-bogus-charset">').encode("utf-8")
    parsed = parse(data, max_bytes=LIMIT)
    assert parsed.encoding == "utf-8"
    assert body_text(parsed) == FRENCH


def test_meta_utf16_in_ascii_bytes_is_ignored() -> None:
    # A declaration readable as ASCII cannot be telling the truth about UTF-16.
    data = page(FRENCH, '<meta charset="utf-16">').encode("utf-8")
    parsed = parse(data, max_bytes=LIMIT)
    assert parsed.encoding == "utf-8"
    assert body_text(parsed) == FRENCH


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO-8859-1", "latin1", "us-ascii", "ascii"])
def test_latin1_labels_mean_cp1252(label: str) -> None:
    # WHATWG: these labels decode as windows-1252, where 0x80 is the euro sign.
    text = "Prix: 5 € – «très» cher"
    data = page(text, f'<meta charset="{label}">').encode("cp1252")
    parsed = parse(data, max_bytes=LIMIT)
    assert parsed.encoding == "cp1252"
    assert body_text(parsed) == text


# --- defaults and fallbacks ------------------------------------------------------------


def test_undeclared_valid_utf8_is_utf8() -> None:
    parsed = parse(page(FRENCH + RUSSIAN + JAPANESE).encode("utf-8"), max_bytes=LIMIT)
    assert parsed.encoding == "utf-8"
    assert body_text(parsed) == FRENCH + RUSSIAN + JAPANESE


def test_invalid_utf8_falls_back_to_cp1252() -> None:
    parsed = parse(page(FRENCH).encode("cp1252"), max_bytes=LIMIT)
    assert parsed.encoding == "cp1252"
    assert body_text(parsed) == FRENCH


def test_declared_utf8_but_invalid_falls_back_to_cp1252() -> None:
    data = page(FRENCH, '<meta charset="utf-8">').encode("cp1252")
    parsed = parse(data, max_bytes=LIMIT)
    assert parsed.encoding == "cp1252"
    assert body_text(parsed) == FRENCH


@pytest.mark.parametrize("head", ["", '<meta charset="utf-8">'])
def test_utf8_with_one_broken_character_stays_utf8(head: str) -> None:
    # A CMS cut a teaser inside a character ("papieros\xc3..."): the page is still UTF-8,
    # and reading it as windows-1252 would garble every accented letter of the article.
    text = "Zażółć gęślą jaźń, mówiła prezes. " * 3
    data = page(text, head).encode("utf-8") + b"<p>papieros\xc3...</p>"
    parsed = parse(data, max_bytes=LIMIT)
    assert parsed.encoding == "utf-8"
    assert text in body_text(parsed)


def test_legacy_bytes_with_a_stray_utf8_sequence_are_cp1252() -> None:
    # One accidental UTF-8 pair among many legacy letters does not make a page UTF-8.
    data = page(FRENCH * 3 + "é", '<meta charset="utf-8">').encode("cp1252") + "é".encode()
    assert parse(data, max_bytes=LIMIT).encoding == "cp1252"


def test_utf8_sequence_pattern_counts_as_the_plain_spelling() -> None:
    # The lead-first pattern (fast to scan) must find exactly the sequences the plain
    # three-branch spelling finds, including overlongs, cut and stray bytes.
    from extractor.parse import _UTF8_SEQUENCE, _mostly_utf8
    from extractor.tuning import UTF8_MIN_VALID_PER_BROKEN

    plain = re.compile(
        rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
    )
    rng = random.Random(5)
    alphabet = bytes([0x41, 0x80, 0x9F, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5])
    for _ in range(3000):
        data = bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 24)))
        assert _UTF8_SEQUENCE.findall(data) == plain.findall(data), data
        try:
            data.decode("utf-8")
            continue  # `_mostly_utf8` judges only bytes that are not UTF-8
        except UnicodeDecodeError:
            pass
        needed = UTF8_MIN_VALID_PER_BROKEN * data.decode("utf-8", errors="replace").count("\ufffd")
        assert _mostly_utf8(data) == (len(plain.findall(data)) >= needed), data


def test_declared_charset_contradicted_by_valid_utf8_is_utf8() -> None:
    # A page re-saved as UTF-8 that still declares its old legacy charset.
    text = "谷歌在2014年收购的人工智能公司开发出一款计算机。"
    data = page(text, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    parsed = parse(data.encode("utf-8"), max_bytes=LIMIT)
    assert parsed.encoding == "utf-8"
    assert body_text(parsed) == text


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe\x00", b"\x81\x8d\x8f\x90\x9d", bytes(range(128, 256)), b"<p>\xc3</p>"],
)
def test_decode_never_raises(data: bytes) -> None:
    text, used = decode(data)
    assert isinstance(text, str)
    assert used


def test_decode_with_hint_that_cannot_decode_replaces() -> None:
    text, used = decode("Привет".encode() + b"\x98", hint="shift_jis")
    assert used == "shift_jis"
    assert isinstance(text, str)


def test_bytearray_and_memoryview_accepted() -> None:
    data = page(FRENCH).encode("utf-8")
    for wrapped in (bytearray(data), memoryview(data)):
        assert body_text(parse(wrapped, max_bytes=LIMIT)) == FRENCH


def test_str_input_reports_unicode() -> None:
    parsed = parse(page(JAPANESE), max_bytes=LIMIT)
    assert parsed.encoding == "unicode"
    assert body_text(parsed) == JAPANESE


def test_str_with_meta_charset_is_not_redecoded() -> None:
    parsed = parse(page(RUSSIAN, '<meta charset="windows-1251">'), max_bytes=LIMIT)
    assert body_text(parsed) == RUSSIAN


# --- rejection -------------------------------------------------------------------------


def _random_binary() -> bytes:
    rng = random.Random(1234)
    return bytes(rng.randrange(256) for _ in range(4096))


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty-bytes"),
        pytest.param(b"   \n\t\r\n  ", id="whitespace-bytes"),
        pytest.param("", id="empty-str"),
        pytest.param(" \n\t ", id="whitespace-str"),
        pytest.param(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj", id="pdf"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", id="jpeg"),
        pytest.param(b"GIF89a\x01\x00\x01\x00", id="gif"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00", id="zip"),
        pytest.param(b"\x1f\x8b\x08\x00\x00\x00\x00\x00", id="gzip"),
        pytest.param(_random_binary(), id="random-binary"),
        pytest.param(bytes(1000), id="nul-bytes"),
        pytest.param(b'{"title": "x", "body": [1, 2, 3]}', id="json-object-bytes"),
        pytest.param('  [{"a": 1}, {"b": "text"}]', id="json-array-str"),
        pytest.param(b"Just some plain text.\nNo markup at all, 3 < 4 and 5 > 2.", id="plain-text"),
        pytest.param("Dear reader, this is a letter without tags.", id="plain-text-str"),
    ],
)
def test_non_html_is_rejected(data: bytes | str) -> None:
    with pytest.raises(ExtractionError):
        parse(data, max_bytes=LIMIT)
    with pytest.raises(ExtractionError):
        extractor.extract(data)


@pytest.mark.parametrize("value", [42, 3.5, None, ["<p>x</p>"], {"html": "<p>x</p>"}, object()])
def test_wrong_type_is_extraction_error(value: object) -> None:
    with pytest.raises(ExtractionError, match="bytes or str"):
        extractor.extract(value)  # type: ignore[arg-type]


def test_extraction_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        extractor.extract(b"")


def test_pdf_magic_only_counts_at_start() -> None:
    data = page("The file header %PDF-1.4 appears in this sentence.").encode()
    assert "%PDF-1.4" in body_text(parse(data, max_bytes=LIMIT))


def test_json_with_html_inside_first_bytes_is_allowed() -> None:
    # Starts like JSON but carries tags right away: treated as (odd) markup, not rejected.
    parsed = parse("[<b>bold</b>] <p>then a paragraph</p>", max_bytes=LIMIT)
    assert "then a paragraph" in parsed.root.text_content()


def test_fragment_without_html_wrapper_is_accepted() -> None:
    parsed = parse("<p>Only a fragment of a page.</p>", max_bytes=LIMIT)
    assert parsed.root.tag == "html"
    assert "Only a fragment" in parsed.root.text_content()


# --- sanitising ------------------------------------------------------------------------


def test_control_characters_in_str_are_dropped() -> None:
    parsed = parse(page("a\x00b\x01c\x08d\x0be\x0cf\x1fg\x7fh"), max_bytes=LIMIT)
    assert body_text(parsed) == "abcdefgh"


def test_few_nul_bytes_in_a_page_are_dropped_not_fatal() -> None:
    data = page("Some \x00text with a stray\x00 NUL.").encode("utf-8")
    parsed = parse(data, max_bytes=LIMIT)
    assert body_text(parsed) == "Some text with a stray NUL."


def test_tabs_and_newlines_survive() -> None:
    parsed = parse("<html><body><pre>a\tb\nc\r\nd</pre></body></html>", max_bytes=LIMIT)
    text = body_text(parsed)
    assert "a\tb" in text
    assert "\nc" in text


@pytest.mark.parametrize(
    "decl",
    [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<?xml version='1.0' encoding='ISO-8859-1'?>\n",
        '  <?XML version="1.0" encoding="UTF-8" standalone="yes"?>',
    ],
)
def test_xml_declaration_in_str_is_removed(decl: str) -> None:
    # lxml refuses unicode strings that carry an encoding declaration.
    parsed = parse(decl + page(FRENCH), max_bytes=LIMIT)
    assert body_text(parsed) == FRENCH


def test_xml_declaration_in_bytes() -> None:
    data = ('<?xml version="1.0" encoding="utf-8"?>' + page(FRENCH)).encode("utf-8")
    assert body_text(parse(data, max_bytes=LIMIT)) == FRENCH


def test_xhtml_namespace_page() -> None:
    html = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hello there.</p></body></html>'
    )
    assert "Hello there." in parse(html, max_bytes=LIMIT).root.text_content()


# --- size limit ------------------------------------------------------------------------


def test_bytes_truncated_at_max_bytes() -> None:
    data = ("<html><body><p>" + "a" * 50 + "</p><p>TAILMARK</p></body></html>").encode()
    parsed = parse(data, max_bytes=70)
    text = parsed.root.text_content()
    assert "a" * 50 in text
    assert "TAILMARK" not in text


def test_str_truncated_at_max_bytes() -> None:
    html = "<html><body><p>" + "b" * 50 + "</p><p>TAILMARK</p></body></html>"
    text = parse(html, max_bytes=70).root.text_content()
    assert "b" * 50 in text
    assert "TAILMARK" not in text


def test_truncation_via_option_is_not_an_error() -> None:
    html = "<html><body><article>" + "<p>word " * 2000 + "</article></body></html>"
    article = extractor.extract(html.encode(), max_input_bytes=500)
    assert isinstance(article, extractor.Article)
    assert len(article.text) < 500


def test_truncation_that_cuts_before_any_tag_is_rejected() -> None:
    with pytest.raises(ExtractionError):
        parse(b"plain text first, <p>markup later</p>", max_bytes=10)


# --- truncation inside a multi-byte character (formerly pending bug 2) ------------------


def test_truncation_inside_utf8_sequence_stays_utf8() -> None:
    data = ("<html><body><p>" + "é" * 100 + "</p></body></html>").encode("utf-8")
    parsed = parse(data, max_bytes=16)  # 15 ASCII bytes + the first byte of "é"
    assert parsed.encoding == "utf-8"
    assert "Ã" not in parsed.root.text_content()


@pytest.mark.parametrize("char", ["é", "€", "日", "😀"])
def test_decode_forgives_a_character_cut_at_the_very_end(char: str) -> None:
    encoded = char.encode("utf-8")
    for cut in range(1, len(encoded)):
        data = "<p>naïve ".encode() + encoded[:cut]
        assert decode(data) == ("<p>naïve ", "utf-8"), cut
        assert decode(data, hint="utf-8") == ("<p>naïve ", "utf-8"), cut
        declared = b'<meta charset="utf-8">' + data
        assert decode(declared) == ('<meta charset="utf-8"><p>naïve ', "utf-8"), cut


@pytest.mark.parametrize(
    "data",
    [
        b"abc\xff",  # an invalid byte at the end is not a cut character
        b"a\xc3bcdefgh",  # an incomplete sequence far from the end is not a cut either
    ],
)
def test_invalid_utf8_near_the_end_still_falls_back(data: bytes) -> None:
    assert decode(data)[1] == "cp1252"


def test_truncation_inside_utf8_sequence_end_to_end() -> None:
    prose = (
        "This paragraph is ordinary running prose, with enough words and commas, so that the "
        "scorer is confident it belongs to the article and keeps it in the output."
    ).replace("ordinary", "ordinäre")
    head = "<html><body><article><p>"
    html = (head + prose * 3 + "</p>" + "<p>ü</p>" * 10 + "</article></body></html>").encode()
    # Cut in the middle of the "ä" of the third copy of the paragraph.
    cut = len(head.encode()) + 2 * len(prose.encode()) + prose.encode().index("ä".encode()) + 1
    assert html[cut - 1 : cut] == "ä".encode()[:1]
    article = extractor.extract(html, max_input_bytes=cut)
    assert "Ã" not in article.text
    assert "ordinäre" in article.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>naïve café, Привет, 東京</p></body></html>",
        "<html><body><p>bad\x01control and \ufffe non-character</p></body></html>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>déclaré</p></body></html>',
    ],
)
def test_utf8_bytes_parse_to_the_same_tree_as_their_text(page: str) -> None:
    # UTF-8 bytes that need no repair go to libxml2 undecoded; the tree must not differ.
    from_bytes = parse(page.encode(), max_bytes=LIMIT)
    from_text = parse(page, max_bytes=LIMIT)
    assert lxml.etree.tostring(from_bytes.root) == lxml.etree.tostring(from_text.root)
    assert from_bytes.encoding == "utf-8"


def _parse_outcome(data: bytes, hint: str | None) -> tuple[str, bytes] | str:
    try:
        parsed = parse(data, encoding=hint, max_bytes=LIMIT)
    except ExtractionError as exc:
        return str(exc)
    return parsed.encoding, lxml.etree.tostring(parsed.root)


@pytest.mark.parametrize(
    "data",
    [
        page(FRENCH).encode(),
        page(RUSSIAN, '<meta charset="utf-8">').encode(),
        page(FRENCH, '<meta charset="iso-8859-1">').encode(),  # the label is tried first
        page(FRENCH, '<meta charset="utf-8">').encode("cp1252"),
        codecs.BOM_UTF8 + page(JAPANESE).encode(),
        b"  \n" + b'<?xml version="1.0"?>' + page(FRENCH).encode(),
        page("bad\x01control").encode(),
        page("non\ufffecharacter").encode(),
        page("cut é").encode()[:-len("</p></body></html>") - 1],
        ("\u3000" * 9000 + page(JAPANESE)).encode(),  # a long head of wide spaces
        (" " * 70_000 + page(FRENCH)).encode(),  # no tag in the head the check decodes
        ("é" * 40_000 + page(FRENCH)).encode(),
        ("<" + "x" * 2_000 + page(FRENCH)).encode(),  # the first tag past the short head
        ("[" + page(FRENCH)).encode(),  # a tag in the short head, but a JSON opening
        (" " * 1_023 + "<" + page(FRENCH)).encode(),  # one character in the short head
        '{"json": "é"}'.encode(),
        "plain text, no tags, é".encode(),
    ],
)
@pytest.mark.parametrize("hint", [None, "text/html; charset=utf-8", "windows-1252"])
def test_plain_utf8_check_changes_no_outcome(
    data: bytes, hint: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The compiled UTF-8 check lets plain UTF-8 pages skip decoding; with it or without
    # it, every input must parse to the same tree and encoding, or fail the same way.
    import extractor.parse as parse_module

    found = _parse_outcome(data, hint)
    monkeypatch.setattr(parse_module, "_UTF8_PLAIN", None)
    assert _parse_outcome(data, hint) == found


def test_compiled_utf8_check_agrees_with_the_decoder() -> None:
    from extractor.segment import COMPILED_UTF8_PLAIN

    if COMPILED_UTF8_PLAIN is None:
        pytest.skip("compiled walk not built")
    rng = random.Random(7)
    edges = bytes.fromhex(
        "00 09 0a 0b 0d 1f 20 41 7f 80 8f 90 9f a0 bd be bf c0 c1 c2 df e0 e1 ec ed ee ef"
        "f0 f1 f3 f4 f5 ff"
    )
    for _ in range(20_000):
        data = b"a" * rng.randrange(0, 17) + bytes(
            rng.choice(edges) for _ in range(rng.randrange(0, 10))
        ) + b"b" * rng.randrange(0, 9)
        try:
            plain = not any(c in data.decode("utf-8") for c in _FORBIDDEN_CHARS)
        except UnicodeDecodeError:
            plain = False
        assert COMPILED_UTF8_PLAIN(data) is plain, data
    for cp in (*range(0x80), 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10FFFF):
        for data in (chr(cp).encode() * 3, b"<p>text</p>\n" + chr(cp).encode() + b"x" * 20):
            assert COMPILED_UTF8_PLAIN(data) is (chr(cp) not in _FORBIDDEN_CHARS), (cp, data)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # A stray </body> mid-page: libxml2 leaves the rest beside <body>, browsers in it.
        ("<html><body><p>a</p></body><p>b</p><div>c</div></html>",
         "<html><body><p>a</p><p>b</p><div>c</div></body></html>"),
        ("<html><body><p>a</p></body>tail <b>x</b> y</html>",
         "<html><body><p>a</p>tail <b>x</b> y</body></html>"),
        ("<html><body></body>only text</html>", "<html><body>only text</body></html>"),
        ("<html><body><p>a</p></body>\n</html>", "<html><body><p>a</p></body></html>"),
    ],
)
def test_content_after_a_stray_body_end_is_in_the_body(html: str, expected: str) -> None:
    root = parse(html, max_bytes=LIMIT).root
    assert lxml.etree.tostring(root, encoding="unicode").replace("\n", "") == expected
