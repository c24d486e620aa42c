"""Drop what is never content: code, media, form controls and hidden elements.

The tree is ours (built by `parse` from the caller's bytes), so removing nodes in place
is safe and cheaper than copying.  Each pass over the whole tree is a C-level lxml call,
never a Python loop over every node; Python looks only at what those calls found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import lxml.etree
import lxml.html

from extractor import segment
from extractor.tuning import PAGE_TEXT_MIN_WORDS

# Ruby annotations (<rt>, and the <rp> parentheses that only browsers without ruby
# show) are readings set above the base text, not words of the sentence: left in, a
# Japanese line with furigana reads "子こどもへの虐待ぎゃくたい".
RUBY_READING_TAGS: tuple[str, ...] = ("rt", "rp")
# Elements whose content is never article text; their tails (text after them) stay.
NEVER_CONTENT_TAGS: tuple[str, ...] = (
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "embed", "video", "audio", "map", "select", "input", "button", "textarea", "option",
    "datalist", "meter", "progress", "dialog", "head", "link", "meta", "base",
    *RUBY_READING_TAGS,
)

# What the rules below look at, when the compiled scan is not built: the attributes that
# can hide an element, and the forms.  Which of them hide is decided here in Python, on
# the few values found, which is much cheaper than a predicate that XPath evaluates on
# every element.
_CANDIDATES = lxml.etree.XPath(".//@hidden | .//@aria-hidden | .//@style | .//form")
# Inline styles are compared as the old XPath rule did: spaces deleted, and only the
# letters of the property searched for folded to lower case.
_DISPLAY_FOLD = str.maketrans("DISPLAYNOE", "displaynoe", " ")
_VISIBILITY_FOLD = str.maketrans("VISBLTYHDN", "visbltyhdn", " ")


def clean(
    root: lxml.html.HtmlElement, noscripts: Iterable[lxml.html.HtmlElement] | None = None
) -> lxml.html.HtmlElement:
    """Remove never-content elements from `root` in place and return it.  `noscripts`
    are its <noscript>s when the caller has gathered them (`metadata.sources`)."""
    for fallback in list(root.iter("noscript")) if noscripts is None else noscripts:
        if _holds_text(fallback):
            # A <noscript> holding a page's worth of text is the page: a site's no-script
            # copy of its article, or an element opened in a <noscript> and closed in
            # another (which browsers, reading a noscript's content as raw text, never
            # see), that took the page inside it.  Its tag goes, its content stays.
            fallback.drop_tag()
    lxml.etree.strip_elements(root, *NEVER_CONTENT_TAGS, with_tail=False)
    forms: list[lxml.html.HtmlElement] = []
    for element, name, value in candidates(root):
        if name is None:
            forms.append(element)
        elif hides(name, value or ""):
            _drop(element)
    # Forms that hold neither a paragraph nor a page's worth of text are search boxes,
    # logins and newsletter sign-ups; a form that wraps the page (ASP.NET wraps every
    # page in one, and a page laid out in table cells has no <p>) must stay.  Judged
    # after hidden elements are gone, so a form whose only paragraph is hidden goes too.
    for form in forms:
        if next(form.iter("p"), None) is None and not _holds_text(form):
            _drop(form)
    return root


def _holds_text(element: lxml.html.HtmlElement) -> bool:
    """Whether an element that is usually a widget (a form, a no-script notice) holds a
    page's worth of text: a widget's labels, buttons and notices are a few words."""
    gate = segment.COMPILED_TEXT_BYTES
    if gate is not None and not gate(element, PAGE_TEXT_MIN_WORDS):
        return False  # every word is a byte at least: too few bytes settle it
    words = 0
    for text in element.itertext():
        words += len(text.split())
        if words >= PAGE_TEXT_MIN_WORDS:
            return True
    return False


Candidate = tuple[lxml.html.HtmlElement, "str | None", "str | None"]


def candidates(root: lxml.html.HtmlElement) -> list[Candidate]:
    """In document order: (form, None, None) for each form, (element, name, value) for
    each attribute that may hide its element.  The compiled scan when it is built (the
    XPath's four `//` scans cost more than the segmentation walk), else the XPath."""
    scan = segment.COMPILED_SCAN  # decided, with the walk, in segment.py
    if scan is not None:
        found = scan(root)
        if found is not None:
            return found
    return [
        (hit, None, None)
        if isinstance(hit, lxml.html.HtmlElement)
        else (hit.getparent(), hit.attrname, str(hit))
        for hit in cast("list[Any]", _CANDIDATES(root))
    ]


def hides(name: str, value: str) -> bool:
    """Whether the attribute `name="value"` makes a browser hide its element."""
    if name == "hidden":
        return True
    if name == "aria-hidden":
        return value == "true"
    return (
        "display:none" in value.translate(_DISPLAY_FOLD)
        or "visibility:hidden" in value.translate(_VISIBILITY_FOLD)
    )


def _drop(element: lxml.html.HtmlElement) -> None:
    """Remove one element but keep its tail text, which belongs to the parent.

    `<html>` and `<body>` stay even when hidden: anti-flicker scripts hide the whole
    page until it has loaded, and the page is still the page.
    """
    if element.getparent() is None or element.tag in ("html", "body"):
        return
    element.drop_tree()
