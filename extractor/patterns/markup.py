"""Words in class, id and role attributes that say what a region of the page is.

Sites name their markup in English whatever their language, so this table is shared.
Tokens are matched after splitting attributes on punctuation and camelCase
(`relatedPosts` -> `related`, `posts`); hashed names (`css-1x2y3z`) match nothing.
"""

from __future__ import annotations

import re

# Tokens that name a region which is never the article: matched exactly or as a prefix.
STRONG_NOISE_TOKENS: frozenset[str] = frozenset(
    {
        # navigation and page chrome
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer",
        "masthead", "topbar", "toolbar", "pagination", "pager", "skip", "sitemap",
        # lists of other articles
        "related", "recommended", "recommendations", "trending", "popular", "mostread",
        "teaser", "teasers", "outbrain", "taboola", "morestories", "readmore", "crosslinks",
        # readers' contributions
        "comment", "comments", "disqus", "respond", "reply", "replies",
        # prompts and overlays
        "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
        "signup", "popup", "modal", "overlay", "paywall", "login", "signin", "register",
        # sharing and social
        "share", "sharing", "sharebar", "social", "sharedaddy", "addthis", "sociable",
        # ads and sponsorship
        "ad", "ads", "adsbygoogle", "advert", "advertisement", "advertising", "sponsor",
        "sponsored", "promo", "promotion", "banner", "dfp", "gpt",
        # widgets and sidebars
        "sidebar", "widget", "widgets", "aside", "rail", "weather", "ticker",
        # author boxes and tags
        "bio", "authorbox", "author-bio", "tags", "tagcloud", "taglist", "keywords",
    }
)

# Weaker evidence of page furniture: headers, metadata lines, captions, bylines.
NOISE_TOKENS: frozenset[str] = frozenset(
    {
        "header", "meta", "byline", "dateline", "date", "time", "timestamp", "author",
        "caption", "credit", "credits", "copyright", "legal", "print", "email", "tools",
        "utility", "hidden", "search", "links", "more", "extra", "follow", "rating",
        "survey", "subnav", "tag", "topics", "category", "categories", "card", "cards",
        "thumbnail", "thumb", "headline", "title", "label",
    }
)

# Tokens that name the article itself.
CONTENT_TOKENS: frozenset[str] = frozenset(
    {
        "article", "articlebody", "content", "entry", "post", "body", "story", "text",
        "main", "blog", "prose", "copy", "richtext", "storybody", "postbody",
        "entrycontent", "maincontent", "paragraph", "chapter", "abstract",
    }
)

# Prefixes that catch compound tokens without camelCase or dashes (`sharebuttons`).
_NOISE_PREFIXES: tuple[str, ...] = (
    "share", "social", "comment", "related", "advert", "sidebar", "widget", "breadcrumb",
    "newsletter", "cookie", "promo", "sponsor", "footer", "navbar", "navigation", "subscri",
    "recommend", "trending", "popular", "outbrain", "taboola",
)

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")


def class_tokens(value: str) -> tuple[str, ...]:
    """Split a class/id/role value into lower-case word tokens."""
    if not value:
        return ()
    return tuple(t for t in _SPLIT.split(_CAMEL.sub(" ", value).lower()) if t)


def token_signal(tokens: tuple[str, ...]) -> tuple[int, int, int]:
    """Count (strong noise, weak noise, content) tokens among `tokens`."""
    strong = weak = content = 0
    for token in tokens:
        if token in STRONG_NOISE_TOKENS or token.startswith(_NOISE_PREFIXES):
            strong += 1
        elif token in NOISE_TOKENS:
            weak += 1
        elif token in CONTENT_TOKENS:
            content += 1
    return strong, weak, content
