"""Page facts outside the body text: title and language, from the head and the headline.

Read before `clean` strips the head.  Later work adds authors, dates and site names from
JSON-LD; each fact gets one function here.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from extractor import segment
from extractor.clean import RUBY_READING_TAGS
from extractor.jsonld import is_json_ld
from extractor.types import Metadata

# Separators sites put between headline and site name in <title>: spaced ASCII and
# typographic marks, or the full-width bar of Chinese and Japanese titles, which are
# written without spaces ("サイト名｜見出し").
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»]|::)\s+|\s*｜\s*")
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Sources:
    """The elements page facts are read from, and the <noscript>s `clean` judges,
    gathered in one walk over the tree (each walk of a freshly parsed tree costs about
    as much as the Python reading it)."""

    # Raw `<meta>` contents by lower-case name, property or http-equiv; first one wins.
    # Spaces are folded when a value is read (`_meta`): a page has dozens, few are read.
    metas: dict[str, str] = field(default_factory=dict)
    title: lxml.html.HtmlElement | None = None  # the first <title>
    h1s: list[lxml.html.HtmlElement] = field(default_factory=list)
    # The JSON-LD scripts, for `jsonld` (the compiled scan may add one whose type only
    # Python can judge; `jsonld` checks the type again).
    scripts: list[lxml.html.HtmlElement] = field(default_factory=list)
    noscripts: list[lxml.html.HtmlElement] = field(default_factory=list)  # for `clean`


def read_metadata(
    root: lxml.html.HtmlElement, url: str | None, found: Sources | None = None
) -> Metadata:
    """The page's facts; `found` is `sources(root)` when the caller has gathered it."""
    found = found or sources(root)
    return Metadata(title=_title(found), url=url, language=_language(root, found.metas))


def sources(root: lxml.html.HtmlElement) -> Sources:
    """The page's <meta> values, first <title>, <h1>s, JSON-LD <script>s and
    <noscript>s: from the compiled scan when it is built (it makes no element object
    for the other scripts and the metas, of which pages have dozens), else
    `python_sources`."""
    scan = segment.COMPILED_SOURCES  # decided, with the walk, in segment.py
    found = scan(root) if scan is not None else None
    if found is None:
        return python_sources(root)
    metas, title, h1s, scripts, noscripts = found
    return Sources(metas, title, h1s, scripts, noscripts)


def python_sources(root: lxml.html.HtmlElement) -> Sources:
    """`sources`, read through lxml: the reference the compiled scan is held to."""
    found = Sources()
    metas = found.metas
    for element in root.iter("meta", "title", "h1", "script", "noscript"):
        tag = element.tag
        if tag == "script":
            if is_json_ld(element):
                found.scripts.append(element)
        elif tag == "noscript":
            found.noscripts.append(element)
        elif tag == "meta":
            key = element.get("property") or element.get("name") or element.get("http-equiv")
            content = element.get("content")
            if key and content:
                metas.setdefault(key.lower(), content)
        elif tag == "h1":
            found.h1s.append(element)
        elif found.title is None:
            found.title = element
    return found


def _meta(metas: dict[str, str], key: str) -> str:
    """A `<meta>` value with its spaces folded, "" when the page has none."""
    raw = metas.get(key)
    return _SPACES.sub(" ", raw).strip() if raw else ""


def _title(found: Sources) -> str:
    """The headline: the social-card title, else an <h1> the <title> agrees with, else <title>."""
    for key in ("og:title", "twitter:title"):
        social = _meta(found.metas, key)
        if social:
            return social
    page_title = _text_of(found.title)
    for h1 in found.h1s:
        text = _text_of(h1)
        if text and (not page_title or text.lower() in page_title.lower()):
            return text
    if not page_title:
        return ""
    parts = _TITLE_SEPARATORS.split(page_title)
    return max(parts, key=len) if len(parts) > 1 else page_title


def _language(root: lxml.html.HtmlElement, metas: dict[str, str]) -> str | None:
    raw = (
        root.get("lang") or _meta(metas, "content-language") or _meta(metas, "og:locale") or ""
    )
    code = raw.replace("_", "-").split("-")[0].strip().lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def _text_of(element: lxml.html.HtmlElement | None) -> str:
    """An element's text as read, without the ruby readings set above it (which `clean`
    removes from the body: these elements are read before it runs)."""
    if element is None:
        return ""
    if next(element.iter(*RUBY_READING_TAGS), None) is not None:
        element = copy.deepcopy(element)
        lxml.etree.strip_elements(element, *RUBY_READING_TAGS, with_tail=False)
    return _SPACES.sub(" ", element.text_content()).strip()
