"""Bytes or text in, an lxml tree out: decoding, sanity checks and size limits.

Every way the input can be unusable ends here as `ExtractionError`; nothing from lxml
escapes this module.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

from extractor.segment import COMPILED_UTF8_PLAIN as _UTF8_PLAIN
from extractor.tuning import UTF8_MIN_VALID_PER_BROKEN
from extractor.types import ExtractionError

# Bytes scanned for a <meta charset>: browsers look at the first 1024, pages are sloppy.
CHARSET_SCAN_BYTES = 4096
# Bytes inspected to decide whether the input is HTML at all.
SNIFF_BYTES = 8192
# Longest encoded character of any supported codec, for tolerating a cut at the end.
MAX_CHAR_BYTES = 4
# Share of control characters above which the input is binary, not text.
MAX_CONTROL_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
# Control characters and non-characters an XML tree cannot hold.
_FORBIDDEN_CHARS = "".join(
    map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF))
)
_FORBIDDEN = re.compile(f"[{re.escape(_FORBIDDEN_CHARS)}]")
# The same characters split by width: the ASCII ones are searched in the bytes (one
# memchr each), the others in the decoded text (free when it holds no wide characters).
_FORBIDDEN_BYTES: tuple[bytes, ...] = tuple(c.encode() for c in _FORBIDDEN_CHARS if c < "\x80")
_FORBIDDEN_WIDE: tuple[str, ...] = tuple(c for c in _FORBIDDEN_CHARS if c >= "\x80")
_BOM_PREFIXES: tuple[bytes, ...] = tuple(bom for bom, _ in _BOMS)
# Bytes of the head `_plain_utf8` decodes: the span `_reject_non_html` searches for a tag.
HEAD_BYTES = SNIFF_BYTES * 8
# Bytes of the head tried first: enough for a doctype or the <html> tag of most pages.
SHORT_HEAD_BYTES = 1024
# Bytes counted as control characters when sniffing binary input (tab to CR are text).
_BINARY_BYTES = bytes((*range(0x09), *range(0x0E, 0x20)))
_TAG = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9:-]*|!doctype)[\s/>]", re.IGNORECASE)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
)
# A UTF-8 character of two to four bytes, well formed: a lead byte, then as many
# continuation bytes as the lead asks for.  Written to start with one character class
# (the lookbehinds pick the branch from the lead already matched) because the regex
# engine then skips ahead to candidate leads at C speed; spelled as three alternatives
# each with its own lead class, it tries every branch at every byte, five times slower.
_UTF8_LEADS = bytes(range(0xC2, 0xF5))
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xf4]"
    rb"(?:(?<=[\xc2-\xdf])[\x80-\xbf]|(?<=[\xe0-\xef])[\x80-\xbf]{2}|(?<=[\xf0-\xf4])[\x80-\xbf]{3})"
)
# WHATWG: labels that browsers decode as windows-1252, which is a superset of them.
_AS_CP1252 = frozenset({"iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii", "iso8859-1"})

# Every element is an `HtmlElement`, chosen in C.  lxml.html's own lookup calls Python for
# each element (to give forms and inputs their own classes, which nothing here uses), and
# that call is a large share of the cost of walking the tree.
_HTML_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """The tree and how the text was decoded (for callers who want to know)."""

    root: lxml.html.HtmlElement
    encoding: str


def parse(html: bytes | str, *, encoding: str | None = None, max_bytes: int) -> ParsedPage:
    """Decode and parse `html`; `encoding` is a caller's hint such as an HTTP Content-Type."""
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html[:max_bytes])
        _reject_binary(data)
        if _plain_utf8(data, encoding):
            return ParsedPage(root=_build_tree(data), encoding="utf-8")
        text, used, exact = _decode(data, encoding)
        if exact and used == "utf-8" and _parses_as_is(data, text):
            # libxml2 reads UTF-8 natively: handing it the bytes saves lxml re-encoding
            # the decoded text, and the tree is the same.
            _reject_non_html(text)
            return ParsedPage(root=_build_tree(data), encoding=used)
    elif isinstance(html, str):
        text, used = html[:max_bytes], "unicode"
    else:
        raise ExtractionError(f"expected HTML as bytes or str, got {type(html).__name__}")
    text = _sanitise(text)
    _reject_non_html(text)
    return ParsedPage(root=_build_tree(text), encoding=used)


def _plain_utf8(data: bytes, hint: str | None) -> bool:
    """Whether `parse` would take its UTF-8 path with `data` (decoded as UTF-8, exactly,
    needing no repair, looking like HTML), decided without decoding the whole page: the
    compiled check says the bytes are UTF-8 holding no character a tree cannot hold,
    and the checks that read text read only its head.  False means only "look closer": `parse` then
    decodes as before.  Most pages are plain UTF-8, and decoding one only to learn so
    cost more than the check."""
    if _UTF8_PLAIN is None or data.startswith(_BOM_PREFIXES):
        return False
    if (_hint_charset(hint) or _declared_charset(data)) not in (None, "utf-8"):
        return False  # another label is tried first (`_decode`)
    # The compiled check also rules out every character of `_FORBIDDEN_CHARS`.
    if not _UTF8_PLAIN(data):
        return False
    # A prefix of the text (the last character may be cut, and is dropped).  Bytes of
    # more than HEAD_BYTES hold more than SNIFF_BYTES characters, all `_reject_non_html`
    # reads but its tag search, which finding a tag in the head settles.
    head = _head(data)
    if head.lstrip().startswith("<?"):
        return False  # perhaps an XML declaration: `_sanitise` must drop it
    try:
        _reject_non_html(head)
    except ExtractionError:
        return False  # said again, or not, by the full text
    return True


def decode(data: bytes, *, hint: str | None = None) -> tuple[str, str]:
    """Decode page bytes: BOM, caller's hint, <meta> declaration, UTF-8, then windows-1252.

    A hint or declaration the bytes do not decode under loses to valid UTF-8.

    The last step cannot fail (undecodable bytes become U+FFFD), so neither can this.
    """
    text, used, _ = _decode(data, hint)
    return text, used


def _decode(data: bytes, hint: str | None) -> tuple[str, str, bool]:
    """`decode`, also saying whether the text is all of `data`, decoded as is (no BOM
    dropped, no character cut at the end, nothing replaced)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name, False
    for candidate in (_hint_charset(hint), _declared_charset(data)):
        if candidate:
            try:
                return _strict(data, candidate)
            except UnicodeDecodeError:
                if candidate != "utf-8":
                    # Bytes that contradict the label but are valid UTF-8 are UTF-8: a
                    # page re-saved by a UTF-8 tool keeps its old <meta charset>.
                    try:
                        return _strict(data, "utf-8")
                    except UnicodeDecodeError:
                        return data.decode(candidate, errors="replace"), candidate, False
    try:
        return _strict(data, "utf-8")
    except UnicodeDecodeError:
        if _mostly_utf8(data):
            return data.decode("utf-8", errors="replace"), "utf-8", False
        return data.decode("cp1252", errors="replace"), "cp1252", False


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are UTF-8 with a few broken characters (a
    CMS that cut a string inside a character, one pasted legacy byte), not legacy text:
    legacy bytes rarely form a well-made UTF-8 sequence, so many such sequences per
    broken one say UTF-8.  Read as windows-1252, every character of the page would be
    garbled to fix a few."""
    # Every sequence starts at a lead byte: too few leads settle it without the scan
    # (legacy English text has hardly any), counted by one C pass over the bytes.  The
    # bytes are known not to be UTF-8, so at least one character is broken, and fewer
    # leads than one broken character asks for settle it before decoding anything.
    leads = len(data) - len(data.translate(None, _UTF8_LEADS))
    if leads < UTF8_MIN_VALID_PER_BROKEN:
        return False
    needed = UTF8_MIN_VALID_PER_BROKEN * data.decode("utf-8", errors="replace").count("\ufffd")
    if leads < needed:
        return False
    return len(_UTF8_SEQUENCE.findall(data)) >= needed


def _strict(data: bytes, codec: str) -> tuple[str, str, bool]:
    """Decode strictly, forgiving only a character cut in half at the very end
    (input truncated at `max_bytes` may end inside a multi-byte sequence)."""
    try:
        return data.decode(codec), codec, True
    except UnicodeDecodeError as exc:
        if exc.start < len(data) - MAX_CHAR_BYTES or exc.reason != "unexpected end of data":
            raise
        return data[: exc.start].decode(codec), codec, False


def _hint_charset(hint: str | None) -> str | None:
    if not hint:
        return None
    found = _HEADER_CHARSET.search(hint)
    return _normalise_charset(found.group(1) if found else hint.strip())


def _declared_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:CHARSET_SCAN_BYTES])
    return _normalise_charset(found.group(1).decode("ascii", "ignore")) if found else None


def _normalise_charset(label: str) -> str | None:
    """Map a charset label to a Python codec name, or None if Python has no such codec."""
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page declaring UTF-16 in ASCII-compatible bytes is lying: the declaration was readable.
    return None if name.startswith("utf-16") or name.startswith("utf-32") else name


def _reject_binary(data: bytes) -> None:
    head = data[:SNIFF_BYTES]
    if not head.strip():
        raise ExtractionError("empty input: no HTML to extract from")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ExtractionError(f"input is {what}, not HTML")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    if controls > MAX_CONTROL_SHARE * len(head):
        raise ExtractionError("input looks like binary data, not HTML")


def _parses_as_is(data: bytes, text: str) -> bool:
    """Whether UTF-8 `data` needs none of `_sanitise`'s repairs, checked on the bytes."""
    return (
        not any(char in data for char in _FORBIDDEN_BYTES)
        and not any(char in text for char in _FORBIDDEN_WIDE)
        and not _XML_DECLARATION.match(text)
    )


def _sanitise(text: str) -> str:
    """Drop characters XML trees cannot hold and a leading XML declaration lxml rejects."""
    # One substring search per character is several times faster than a regex scan,
    # and such characters are rare: the substitution runs only when one is present.
    if any(char in text for char in _FORBIDDEN_CHARS):
        text = _FORBIDDEN.sub("", text)
    return _XML_DECLARATION.sub("", text, count=1)


def _head(data: bytes) -> str:
    """The decoded head of UTF-8 `data` that `_plain_utf8` judges.  A short head with
    two characters after its leading spaces, the first not a JSON bracket, and a tag
    passes every test the long one would (the long one opens the same way and holds
    the same tag); most pages have their first tag in their first bytes."""
    short = data[:SHORT_HEAD_BYTES].decode("utf-8", errors="ignore")
    opening = short.lstrip()[:2]
    if len(opening) == 2 and opening[0] not in "{[" and _TAG.search(short):
        return short
    return data[:HEAD_BYTES].decode("utf-8", errors="ignore")


def _reject_non_html(text: str) -> None:
    head = text[:SNIFF_BYTES].lstrip()
    if not head:
        raise ExtractionError("empty input: no HTML to extract from")
    if head[0] in "{[" and not _TAG.search(head[:200]):
        raise ExtractionError("input looks like JSON, not HTML")
    if not _TAG.search(text, 0, SNIFF_BYTES * 8):
        raise ExtractionError("input has no HTML tags; it does not look like a web page")


def _build_tree(source: str | bytes) -> lxml.html.HtmlElement:
    """Parse text, or bytes known to be UTF-8."""
    parser = lxml.etree.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        # No table of id attributes: nothing looks elements up by id, and building
        # the table is a measurable share of the parse.
        collect_ids=False,
        encoding="utf-8" if isinstance(source, bytes) else None,
    )
    parser.set_element_class_lookup(_HTML_CLASSES)
    try:
        root = lxml.etree.fromstring(source, parser=parser)
    except (lxml.etree.ParserError, ValueError, TypeError) as exc:
        raise ExtractionError(f"could not parse the input as HTML: {exc}") from None
    if root is None:
        # The wording lxml.html.document_fromstring used for this case.
        raise ExtractionError("could not parse the input as HTML: Document is empty")
    _gather_into_body(root)
    return root


def _gather_into_body(root: lxml.html.HtmlElement) -> None:
    """Move what libxml2 leaves after <body> (behind a stray `</body>` mid-page, which
    broken templates print) into it: browsers show that text as part of the body, and
    the walk reads the body only."""
    body = root.find("body")
    if body is None:
        return
    after = list(body.itersiblings())
    tail = body.tail
    if not after and not (tail and tail.strip()):
        return
    body.tail = None
    if tail:
        last = body[-1] if len(body) else None
        if last is None:
            body.text = (body.text or "") + tail
        else:
            last.tail = (last.tail or "") + tail
    body.extend(after)
