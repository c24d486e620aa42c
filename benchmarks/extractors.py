"""Registry of the extractors the harness can compare: name -> how to import and call.

Each entry's `build` imports its library and returns a function
`(html: bytes, url: str | None, language: str | None) -> str`. Building happens once
per worker process and is not timed; only calls to the returned function are.

Every baseline is called through its normal public API, the way its documentation
shows, with no tuning. Libraries that want `str` get the bytes decoded by
`decode_html`; libraries that take bytes (trafilatura, readability-lxml, jusText,
lxml) get them unchanged, so their own encoding detection is what is measured.

Besides the names below, `--extractors` accepts `package.module:function` for any
importable function `(html: bytes, url: str | None) -> str`.
"""

from __future__ import annotations

import codecs
import importlib
import importlib.metadata
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ExtractFn = Callable[[bytes, "str | None", "str | None"], str]

OURS = "extractor"
FLOOR = "parse-only"
PLACEHOLDER_URL = "http://localhost/"  # for libraries that insist on a URL; never fetched
META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                             re.IGNORECASE)
CHARSET_SNIFF_BYTES = 4096  # the HTML spec's prescan window is 1024; be generous
FALLBACK_ENCODING = "cp1252"  # what browsers assume for undeclared legacy pages
BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "td", "th", "section", "article", "header", "footer", "figure",
    "figcaption", "dd", "dt", "dl", "hr",
})
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
JUSTEXT_LANGUAGES = {  # ISO 639-1 code -> jusText stoplist name, for pages that say
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian", "cs": "Czech",
    "sv": "Swedish", "da": "Danish", "fi": "Finnish", "tr": "Turkish", "uk": "Ukrainian",
}


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """One comparable extractor: the module that must import and how to build a call."""

    name: str
    module: str
    distribution: str | None
    build: Callable[[], ExtractFn]
    description: str


def decode_html(html: bytes) -> str:
    """Bytes to text for libraries that need `str`: BOM, valid UTF-8, declared, cp1252."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if html.startswith(bom):
            return html.decode(encoding, errors="replace")
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = META_CHARSET_RE.search(html[:CHARSET_SNIFF_BYTES])
    if declared:
        try:
            return html.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return html.decode(FALLBACK_ENCODING, errors="replace")


def fragment_text(markup: str) -> str:
    """Text of an HTML fragment with a line break at block boundaries.

    `text_content()` would glue a heading to the next paragraph ("TitleBody"), which
    would turn two tokens into one and cost a baseline shingles it actually found.
    """
    import lxml.html

    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    parts: list[str] = []
    for event, element in _iterwalk(root):
        tag = element.tag if isinstance(element.tag, str) else None  # None: comment, PI
        if tag in BLOCK_TAGS:
            parts.append("\n")
        if event == "start" and tag and tag not in SKIPPED_TAGS and element.text:
            parts.append(element.text)
        if event == "end" and element.tail:
            parts.append(element.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def _iterwalk(root: Any) -> Any:
    import lxml.etree

    return lxml.etree.iterwalk(root, events=("start", "end"))


def _build_ours() -> ExtractFn:
    extractor = importlib.import_module("extractor")
    extract = extractor.extract

    def run(html: bytes, url: str | None, language: str | None) -> str:
        return str(extract(html, url=url).text)

    return run


def _build_trafilatura() -> ExtractFn:
    trafilatura = importlib.import_module("trafilatura")

    def run(html: bytes, url: str | None, language: str | None) -> str:
        return trafilatura.extract(html, url=url, include_comments=False) or ""

    return run


def _build_readability() -> ExtractFn:
    readability = importlib.import_module("readability")

    def run(html: bytes, url: str | None, language: str | None) -> str:
        return fragment_text(readability.Document(html, url=url).summary(html_partial=True))

    return run


def _build_justext() -> ExtractFn:
    justext = importlib.import_module("justext")
    stoplists: dict[str, Any] = {}

    def run(html: bytes, url: str | None, language: str | None) -> str:
        name = JUSTEXT_LANGUAGES.get((language or "en").split("-")[0].lower(), "English")
        if name not in stoplists:
            stoplists[name] = justext.get_stoplist(name)
        paragraphs = justext.justext(html, stoplists[name])
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _build_boilerpy3() -> ExtractFn:
    extractors = importlib.import_module("boilerpy3.extractors")
    article_extractor = extractors.ArticleExtractor()

    def run(html: bytes, url: str | None, language: str | None) -> str:
        return str(article_extractor.get_content(decode_html(html)))

    return run


def _build_resiliparse() -> ExtractFn:
    html2text = importlib.import_module("resiliparse.extract.html2text")
    encoding = importlib.import_module("resiliparse.parse.encoding")
    parse = importlib.import_module("resiliparse.parse.html")

    def run(html: bytes, url: str | None, language: str | None) -> str:
        text = encoding.bytes_to_str(html, encoding.detect_encoding(html))
        tree = parse.HTMLTree.parse(text)
        return str(html2text.extract_plain_text(tree, main_content=True))

    return run


def _build_newspaper() -> ExtractFn:
    newspaper = importlib.import_module("newspaper")

    def run(html: bytes, url: str | None, language: str | None) -> str:
        article = newspaper.Article(url or PLACEHOLDER_URL, fetch_images=False)
        article.download(input_html=decode_html(html))
        article.parse()
        return str(article.text)

    return run


def _build_goose3() -> ExtractFn:
    goose3 = importlib.import_module("goose3")
    goose = goose3.Goose({"enable_image_fetching": False})

    def run(html: bytes, url: str | None, language: str | None) -> str:
        return str(goose.extract(url=url, raw_html=decode_html(html)).cleaned_text)

    return run


def _build_html_text() -> ExtractFn:
    html_text = importlib.import_module("html_text")

    def run(html: bytes, url: str | None, language: str | None) -> str:
        return str(html_text.extract_text(decode_html(html)))

    return run


def _build_floor() -> ExtractFn:
    lxml_html = importlib.import_module("lxml.html")

    def run(html: bytes, url: str | None, language: str | None) -> str:
        lxml_html.fromstring(html)
        return ""

    return run


REGISTRY: dict[str, ExtractorSpec] = {spec.name: spec for spec in (
    ExtractorSpec(OURS, "extractor", "extractor", _build_ours, "this project"),
    ExtractorSpec("trafilatura", "trafilatura", "trafilatura", _build_trafilatura,
                  "trafilatura.extract(html, url=url, include_comments=False)"),
    ExtractorSpec("readability", "readability", "readability-lxml", _build_readability,
                  "readability-lxml Document(html).summary(), block-aware text"),
    ExtractorSpec("justext", "justext", "justext", _build_justext,
                  "jusText, non-boilerplate paragraphs, stoplist of the page language"),
    ExtractorSpec("boilerpy3", "boilerpy3", "boilerpy3", _build_boilerpy3,
                  "boilerpy3 ArticleExtractor"),
    ExtractorSpec("resiliparse", "resiliparse", "resiliparse", _build_resiliparse,
                  "resiliparse extract_plain_text(main_content=True)"),
    ExtractorSpec("newspaper4k", "newspaper", "newspaper4k", _build_newspaper,
                  "newspaper4k Article(...).download(input_html=...).parse().text"),
    ExtractorSpec("goose3", "goose3", "goose3", _build_goose3,
                  "goose3 Goose().extract(raw_html=...).cleaned_text"),
    ExtractorSpec("html-text", "html_text", "html-text", _build_html_text,
                  "html_text.extract_text: all visible text (no boilerplate removal)"),
    ExtractorSpec(FLOOR, "lxml", "lxml", _build_floor,
                  "lxml.html.fromstring only: the cost floor, extracts nothing"),
)}

ALIASES = {
    "ours": OURS, "readability-lxml": "readability", "newspaper": "newspaper4k",
    "html_text": "html-text", "floor": FLOOR, "lxml": FLOOR, "parse": FLOOR,
    "jusText": "justext", "goose": "goose3",
}


def canonical(name: str) -> str:
    """The registry name for a user-typed name or alias (custom specs pass through)."""
    name = name.strip()
    if is_custom(name):
        return name
    return ALIASES.get(name, ALIASES.get(name.lower(), name.lower()))


def is_custom(name: str) -> bool:
    """Whether the name is a `module:function` spec rather than a registry entry."""
    return ":" in name and name not in REGISTRY


def _build_custom(name: str) -> ExtractFn:
    module_name, _, attribute = name.partition(":")
    function = getattr(importlib.import_module(module_name), attribute)

    def run(html: bytes, url: str | None, language: str | None) -> str:
        return str(function(html, url) or "")

    return run


def missing_reason(name: str) -> str | None:
    """Why the extractor cannot run here without importing it, or None if it may."""
    if is_custom(name):
        return None
    spec = REGISTRY.get(name)
    if spec is None:
        return f"unknown extractor (known: {', '.join(REGISTRY)})"
    if importlib.util.find_spec(spec.module) is None:
        return f"not installed (pip install -e '.[bench]' installs {spec.distribution})"
    return None


def build(name: str) -> ExtractFn:
    """Import the extractor's library and return its extraction call."""
    return _build_custom(name) if is_custom(name) else REGISTRY[name].build()


def version(name: str) -> str:
    """The installed distribution's version, for the report header."""
    spec = REGISTRY.get(name)
    if spec is None or spec.distribution is None:
        return ""
    try:
        return importlib.metadata.version(spec.distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""
