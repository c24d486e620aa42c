"""Drop what is never content: code, media, form controls and hidden elements.

The tree is ours (built by `parse` from the caller's bytes), so removing nodes in place
is safe and cheaper than copying.  Each removal is a C-level lxml call over the whole
tree, never a Python loop over every node.
"""

from __future__ import annotations

from typing import cast

import lxml.etree
import lxml.html

# Elements whose content is never article text; their tails (text after them) stay.
NEVER_CONTENT_TAGS: tuple[str, ...] = (
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "embed", "video", "audio", "map", "select", "input", "button", "textarea", "option",
    "datalist", "meter", "progress", "dialog", "head", "link", "meta", "base",
)

# One query finds every element a browser would not show.
# Spaces are deleted first (translate drops characters missing from its third argument),
# then upper case is folded, so `Display : NONE` matches too.
_HIDDEN = lxml.etree.XPath(
    "//*[@hidden or @aria-hidden='true' or "
    "contains(translate(translate(@style, ' ', ''), 'DISPLAYNOE', 'displaynoe'), 'display:none')"
    " or contains(translate(translate(@style, ' ', ''), 'VISBLTYHDN', 'visbltyhdn'),"
    " 'visibility:hidden')]"
)
# Forms that hold no paragraph are search boxes, logins and newsletter sign-ups; a form
# that wraps prose is a whole-page ASP.NET-style wrapper and must stay.
_PROSELESS_FORMS = lxml.etree.XPath("//form[not(.//p)]")


def clean(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Remove never-content elements from `root` in place and return it."""
    lxml.etree.strip_elements(root, *NEVER_CONTENT_TAGS, with_tail=False)
    for query in (_HIDDEN, _PROSELESS_FORMS):
        for element in cast("list[lxml.html.HtmlElement]", query(root)):
            _drop(element)
    return root


def _drop(element: lxml.html.HtmlElement) -> None:
    """Remove one element but keep its tail text, which belongs to the parent.

    `<html>` and `<body>` stay even when hidden: anti-flicker scripts hide the whole
    page until it has loaded, and the page is still the page.
    """
    if element.getparent() is None or element.tag in ("html", "body"):
        return
    element.drop_tree()
