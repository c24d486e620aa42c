"""Words in class, id and role attributes that say what a region of the page is.

Sites name their markup in English whatever their language, so this table is shared.
Tokens are matched after splitting attributes on punctuation and camelCase
(`relatedPosts` -> `related`, `posts`); hashed names (`css-1x2y3z`) match nothing.
Each group becomes one feature of the block scorer, so the data decides how much a
`share` ancestor weighs against an `author` one; this table only says what is what.
"""

from __future__ import annotations

import re
from types import MappingProxyType

# Noise groups: the region is something other than the article.  Tokens match exactly;
# prefixes (second tuple) catch compounds written without separators (`sharebuttons`).
_GROUPS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "navigation": (
        frozenset({"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
                   "breadcrumbs", "crumb", "crumbs", "masthead", "topbar", "toolbar",
                   "pagination", "pager", "sitemap", "subnav", "megamenu"}),
        ("breadcrumb", "navbar", "navigation", "menu"),
    ),
    "footer": (
        frozenset({"footer", "colophon", "copyright", "legal", "disclaimer", "disclosure"}),
        ("footer",),
    ),
    "header": (frozenset({"header", "banner", "branding", "logo", "weather", "ticker"}), ()),
    "related": (
        frozenset({"related", "recommended", "recommendations", "recommendation", "trending",
                   "popular", "mostread", "teaser", "teasers", "outbrain", "taboola",
                   "morestories", "readmore", "crosslinks", "latest", "more", "next", "prev",
                   "previous", "similar", "also", "feed", "headlines", "cards", "card",
                   "listing"}),
        ("related", "recommend", "trending", "popular", "outbrain", "taboola"),
    ),
    "comments": (
        frozenset({"comment", "comments", "disqus", "respond", "reply", "replies",
                   "discussion", "reactions", "talk"}),
        ("comment", "disqus"),
    ),
    # Sign-up and consent boxes: never wrap article text.
    "signup": (
        frozenset({"cookie", "cookies", "consent", "gdpr", "newsletter", "signup", "optin",
                   "newsletters", "donate", "donation", "donations", "fundraising"}),
        ("newsletter", "cookie", "donat"),
    ),
    # Other prompts and overlays: paywalled sites wrap the article itself in some of these.
    "prompt": (
        frozenset({"subscribe", "subscription", "popup", "modal", "overlay", "paywall",
                   "login", "signin", "register", "cta", "promo", "promotion"}),
        ("subscri", "promo"),
    ),
    "share": (
        frozenset({"share", "sharing", "sharebar", "social", "sharedaddy", "addthis",
                   "sociable", "print", "email", "follow", "tools", "actions"}),
        ("share", "social"),
    ),
    "ads": (
        frozenset({"ad", "ads", "adsbygoogle", "advert", "advertisement", "advertising",
                   "sponsor", "sponsored", "dfp", "gpt", "adslot", "adunit", "commercial"}),
        ("advert", "sponsor"),
    ),
    "sidebar": (
        frozenset({"sidebar", "widget", "widgets", "aside", "rail", "secondary"}),
        ("sidebar", "widget"),
    ),
    "author": (
        frozenset({"author", "authors", "bio", "byline", "profile", "avatar", "contributor",
                   "about"}),
        ("author",),
    ),
    "meta": (
        frozenset({"meta", "dateline", "date", "time", "timestamp", "published", "updated",
                   "tags", "tag", "tagcloud", "taglist", "keywords", "topics", "category",
                   "categories", "label", "labels", "info", "details"}),
        (),
    ),
    "media": (
        frozenset({"caption", "credit", "credits", "figure", "photo", "image", "img",
                   "gallery", "video", "thumbnail", "thumb", "icon", "embed"}),
        (),
    ),
    "hidden": (
        frozenset({"hidden", "hide", "invisible", "offscreen", "visually", "sronly",
                   "screenreader", "collapse", "collapsed", "dropdown", "tooltip"}),
        (),
    ),
    "title": (frozenset({"headline", "title", "heading", "kicker", "subtitle", "dek"}), ()),
}

# The content group: the region names itself as the article.
_CONTENT: tuple[frozenset[str], tuple[str, ...]] = (
    frozenset({"article", "articlebody", "content", "entry", "post", "body", "story", "text",
               "main", "blog", "prose", "copy", "richtext", "storybody", "postbody",
               "entrycontent", "maincontent", "paragraph", "chapter", "abstract", "single",
               "detail", "news"}),
    ("article", "content", "story"),
)

NOISE_GROUPS: tuple[str, ...] = tuple(_GROUPS)
CONTENT_GROUP = "content"
GROUP_NAMES: tuple[str, ...] = (*NOISE_GROUPS, CONTENT_GROUP)
# Bit per group, so a block can carry the union of its ancestors' groups in one int.
GROUP_BITS: MappingProxyType[str, int] = MappingProxyType(
    {name: 1 << i for i, name in enumerate(GROUP_NAMES)}
)

_EXACT: dict[str, int] = {}
_PREFIXES: list[tuple[str, int]] = []
for _name, (_tokens, _prefixes) in (*_GROUPS.items(), (CONTENT_GROUP, _CONTENT)):
    for _token in _tokens:
        _EXACT[_token] = _EXACT.get(_token, 0) | GROUP_BITS[_name]
    _PREFIXES.extend((p, GROUP_BITS[_name]) for p in _prefixes)
_PREFIX_TUPLE = tuple(p for p, _ in _PREFIXES)
NOISE_MASK = sum(GROUP_BITS[n] for n in NOISE_GROUPS)

# English words that begin like a noise prefix but name nothing noisy.
_ORDINARY_WORDS: frozenset[str] = frozenset(
    {"shared", "shareholder", "shareholders"}
)

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")


# Names that describe what an element *has* ("has-sidebar", "has-post-thumbnail", "no-js"),
# not what it is: they carry no signal about the region.
_MODIFIER_PREFIXES: tuple[str, ...] = ("has-", "has_", "no-", "no_", "with-", "with_")
# Anchor ids made from headings have at least this many words ...
SLUG_MIN_PARTS = 5
# ... and, unlike names developers choose, function words: of English and of the other
# languages the pattern tables cover, since anchor ids follow the heading's language
# ("nav_nur_die_folie" from "Nur die Folie bleibt zurück").
_FUNCTION_WORDS: frozenset[str] = frozenset(
    "a an the of to with and or for in on at from is are how why what your you we".split()
    # German, French, Spanish, Italian, Portuguese, Polish: only ASCII words (names are
    # split on anything else) of three letters or more, which no developer's abbreviation
    # spells ("et_pb_row" is a page builder's, "example-com" a domain).
    + "der die das den dem des und mit von ist eine".split()
    + "les pour dans sur une est".split()
    + "los las del para por".split()
    + "della che".split()
    + "dos uma".split()
    + "jak".split()
)
# Taxonomy classes ("category-popular", "tag-comments") end in a slug the author chose:
# only their first word is the site's naming.
_TAXONOMY_PREFIXES: tuple[str, ...] = ("category-", "tag-", "term-", "tax-", "topic-")


def class_tokens(value: str) -> tuple[str, ...]:
    """Split space-separated class/id/role names into lower-case word tokens."""
    return tuple(token for name in value.split() for token in name_tokens(name))


# Per walk: one class/id/role name -> its tokens and the groups they name.
NameMemo = dict[str, tuple[tuple[str, ...], int]]


def read_names(value: str, memo: NameMemo) -> tuple[tuple[str, ...], int]:
    """`class_tokens(value)` and the groups they name (`token_groups`), working each
    distinct name once per `memo`: a page repeats a few names ("col", "row",
    "clearfix") in many combinations, and both results are unions over names."""
    tokens: list[str] = []
    mask = 0
    for name in value.split():
        found = memo.get(name)
        if found is None:
            own = name_tokens(name)
            found = memo[name] = (own, token_groups(own))
        tokens.extend(found[0])
        mask |= found[1]
    return tuple(tokens), mask


def name_tokens(name: str) -> tuple[str, ...]:
    """The tokens of one class/id/role name ("articleBody" -> article, body)."""
    lowered = name.lower()
    if lowered.startswith(_MODIFIER_PREFIXES):
        return ()
    if lowered.startswith(_TAXONOMY_PREFIXES):
        return (lowered.split("-", 1)[0],)
    if lowered != name:  # camelCase boundaries only exist where there are capitals
        lowered = _CAMEL.sub(" ", name).lower()
    plain = lowered.isascii() and lowered.isalnum()
    parts = [lowered] if plain else [t for t in _SPLIT.split(lowered) if t]
    return () if _is_slug(parts) else tuple(parts)


def _is_slug(parts: list[str]) -> bool:
    """A long name with function words is a heading turned into an anchor id
    ("sharing-with-a-single-developer"), not a name a developer gave a region."""
    return len(parts) >= SLUG_MIN_PARTS and not _FUNCTION_WORDS.isdisjoint(parts)


def token_groups(tokens: tuple[str, ...]) -> int:
    """Bit mask of the groups (see GROUP_BITS) named by any of `tokens`."""
    mask = 0
    for token in tokens:
        bits = _EXACT.get(token)
        if bits is not None:
            mask |= bits
        elif token.startswith(_PREFIX_TUPLE) and token not in _ORDINARY_WORDS:
            for prefix, bit in _PREFIXES:
                if token.startswith(prefix):
                    mask |= bit
    return mask


def group_names(mask: int) -> tuple[str, ...]:
    """The names of the groups set in `mask`, for explanations."""
    return tuple(name for name in GROUP_NAMES if mask & GROUP_BITS[name])
