"""Page facts outside the body text: title and language, from the head and the headline.

Read before `clean` strips the head.  Later work adds authors, dates and site names from
JSON-LD; each fact gets one function here.
"""

from __future__ import annotations

import re

import lxml.html

from extractor.types import Metadata

# Separators sites put between headline and site name in <title>.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»]|::)\s+")
_SPACES = re.compile(r"\s+")


def read_metadata(root: lxml.html.HtmlElement, url: str | None) -> Metadata:
    metas = _meta_values(root)
    return Metadata(title=_title(root, metas), url=url, language=_language(root, metas))


def _meta_values(root: lxml.html.HtmlElement) -> dict[str, str]:
    """`<meta>` contents keyed by lower-case name, property or http-equiv; first one wins."""
    values: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("http-equiv") or ""
        content = meta.get("content")
        if key and content and key.lower() not in values:
            values[key.lower()] = _SPACES.sub(" ", content).strip()
    return values


def _title(root: lxml.html.HtmlElement, metas: dict[str, str]) -> str:
    """The headline: the social-card title, else an <h1> the <title> agrees with, else <title>."""
    for key in ("og:title", "twitter:title"):
        if metas.get(key):
            return metas[key]
    page_title = _text_of(root.find(".//title"))
    for h1 in root.iter("h1"):
        text = _text_of(h1)
        if text and (not page_title or text.lower() in page_title.lower()):
            return text
    if not page_title:
        return ""
    parts = _TITLE_SEPARATORS.split(page_title)
    return max(parts, key=len) if len(parts) > 1 else page_title


def _language(root: lxml.html.HtmlElement, metas: dict[str, str]) -> str | None:
    raw = root.get("lang") or metas.get("content-language") or metas.get("og:locale") or ""
    code = raw.replace("_", "-").split("-")[0].strip().lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def _text_of(element: lxml.html.HtmlElement | None) -> str:
    if element is None:
        return ""
    return _SPACES.sub(" ", element.text_content()).strip()
