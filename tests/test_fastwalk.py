"""The compiled walk (`extractor._fastwalk`) against the Python reference walk.

Both must give the same Segmentation, to every field, on real pages and on generated and
hostile markup.  Skipped when the extension is not built (no compiler at install time).
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
import extractor.segment as segment_module
from benchmarks.golden_fastwalk import differences, python_walk_only
from extractor import metadata
from extractor.clean import clean
from extractor.features import _SENTENCE_PUNCT, _WORD_EDGES, count_words
from extractor.jsonld import is_json_ld
from extractor.parse import parse
from extractor.patterns import STOPWORDS, phrase_kind
from extractor.patterns import registry as _registry
from extractor.patterns.markup import name_tokens, token_groups
from extractor.patterns.registry import MONTHS, NUMERIC_DATE
from extractor.segment import Segmentation, segment_python
from extractor.types import Container, Features
from tests.test_patterns import _ENTRIES as PHRASE_ENTRIES
from tests.test_patterns import _FILLER as PHRASE_FILLER
from tests.test_properties import MARKUP_BITS, SETTINGS, pages

fastwalk = pytest.importorskip("extractor._fastwalk")
pytestmark = pytest.mark.skipif(
    segment_module.COMPILED_WALK is None, reason="compiled walk disabled in this environment"
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def walk_root(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    body = tree.find("body")
    return body if body is not None else tree


def compiled(tree: lxml.html.HtmlElement, max_blocks: int = 50_000) -> Segmentation:
    found = fastwalk.segment(walk_root(tree), max_blocks)
    assert found is not None, "the compiled walk declined a parsed page"
    return found


def assert_same(tree: lxml.html.HtmlElement, max_blocks: int = 50_000) -> Segmentation:
    expected = segment_python(tree, max_blocks=max_blocks)
    found = compiled(tree, max_blocks)
    assert list(differences(expected, found)) == []
    assert found == expected
    return found


def cleaned(html: str | bytes) -> lxml.html.HtmlElement | None:
    try:
        return clean(parse(html, max_bytes=10**7).root)
    except extractor.ExtractionError:
        return None


def corpus_pages() -> Iterator[Path]:
    return iter(sorted(CORPUS.glob("*/page.html")))


def test_the_compiled_walk_is_the_one_selected() -> None:
    assert segment_module.COMPILED_WALK is fastwalk.segment
    assert fastwalk.incompatibility() is None


def test_a_changed_cjk_date_pattern_disables_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk inlines `registry.CJK_DATE`'s marks: a change to it must rebuild."""
    monkeypatch.setattr(_registry, "CJK_MONTH_MARKS", ("月",))
    assert fastwalk.incompatibility() == "registry.CJK_DATE changed; rebuild the extension"


@pytest.mark.parametrize("page", list(corpus_pages()), ids=lambda p: p.parent.name)
def test_corpus_page_same_segmentation_and_text(page: Path) -> None:
    html = page.read_bytes()
    tree = cleaned(html)
    assert tree is not None
    assert_same(tree)
    assert_same(tree, max_blocks=5)
    with python_walk_only():
        expected = extractor.explain(html)
    assert extractor.explain(html) == expected


@SETTINGS
@given(pages())
def test_generated_pages_same_segmentation(html: str) -> None:
    tree = cleaned(html)
    if tree is not None:
        assert_same(tree)
        assert_same(tree, max_blocks=3)


@SETTINGS
@given(st.lists(st.one_of(MARKUP_BITS, st.text(max_size=12)), max_size=60))
def test_markup_soup_same_segmentation(parts: list[str]) -> None:
    tree = cleaned("".join(parts))
    if tree is not None:
        assert_same(tree)


@SETTINGS
@given(st.text(max_size=300), st.sampled_from(["p", "pre", "li", "h2", "td", "span"]))
def test_any_text_same_features(text: str, tag: str) -> None:
    # Unicode edge cases in measurement: case, digits, spaces, punctuation of any script.
    tree = cleaned(f"<html><body><ul><{tag} class='a b'>{_escape(text)}</{tag}></ul></body></html>")
    if tree is not None:
        assert_same(tree)


@pytest.mark.parametrize(
    "line",
    [
        "[06月24日 11時30分]",
        "2024년 3월 12일",
        "6月の雨",
        "2017年7月18日，正式加盟环球音乐",
        "月 12日",
    ],
)
def test_cjk_date_lines_same_features(line: str) -> None:
    tree = cleaned(f"<html><body><div><p>{line}</p></div></body></html>")
    assert tree is not None
    assert_same(tree)


# Line openings around the filing labels and browser notices `opening_label` reads.
_LABEL_PIECES = st.sampled_from(
    [*sorted(_registry._TAXONOMY_OPENERS), *sorted(_registry._NOTICE_OPENERS), "Tags", "TAGS",
     " ", "  ", "\n", ":", " :", ",", "x", "İ", "Σ", "entry", "was", "posted", "in", "under",
     "best", "viewed", "page", "filed", "this", "é", "tagsx" * 9]
)


@SETTINGS
@given(st.lists(_LABEL_PIECES, min_size=1, max_size=12).map(" ".join),
       st.sampled_from(["p", "pre", "li"]))
def test_lines_opening_with_labels_same_features(line: str, tag: str) -> None:
    tree = cleaned(f"<html><body><div><{tag}>{_escape(line)}</{tag}></div></body></html>")
    if tree is not None:
        assert_same(tree)


@SETTINGS
@given(st.one_of(st.text(max_size=60), st.lists(_LABEL_PIECES, max_size=10).map(" ".join)))
def test_words_handed_to_the_phrase_rules_are_the_regex_words(text: str) -> None:
    lowered = text.lower()
    assert fastwalk.words_of(lowered) == _registry._WORDS.findall(lowered)


def test_label_openers_are_shorter_than_the_head_read_for_them() -> None:
    # The compiled gate reads the whole first word; `opening_label` a head of the line.
    openers = _registry._TAXONOMY_OPENERS | _registry._NOTICE_OPENERS
    assert max(map(len, openers)) < _registry.LABEL_HEAD_CHARS


# Pieces of class/id names: separators, camelCase, digits, prefixes the reader treats
# specially, group words and prefixes, function words (slugs), non-ASCII letters.
_NAME_PIECES = st.sampled_from(
    ["-", "_", "--", ".", ":", "a", "B", "Body", "article", "Share", "menu", "Nav", "9",
     "has-", "no_", "category-", "tag-", "the", "of", "shared", "x", "İ", "é", "ß", "K"]
)


@SETTINGS
@given(st.one_of(st.lists(_NAME_PIECES, min_size=1, max_size=12).map("".join),
                 st.text(min_size=1, max_size=20)))
def test_class_names_same_tokens_and_groups(name: str) -> None:
    for one in name.split():
        tokens = name_tokens(one)
        assert fastwalk.names_of(one) == (tokens, token_groups(tokens))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(PHRASE_ENTRIES).map(str.title),
            st.sampled_from(PHRASE_ENTRIES).map(str.upper),
            st.sampled_from(PHRASE_ENTRIES),
            st.sampled_from(PHRASE_FILLER),
            st.sampled_from([":", " :", ".", "(", ")", "»", "—", "|", "©", "_", "İ", "\n"]),
            st.text(max_size=6),
        ),
        max_size=8,
    ).map(" ".join),
    st.integers(min_value=0, max_value=30),
)
def test_the_compiled_phrase_gate_never_changes_a_verdict(line: str, extra: int) -> None:
    # The walk skips `phrase_kind` where `may_phrase` says no: it must then be None, for
    # the line's word count and for any other (long lines lose the prompt rules).
    for words in (len(line.split()), extra):
        if not fastwalk.may_phrase(line, words):
            assert phrase_kind(line, words) is None


# Whitespace of every kind `str.split` knows, and characters of each string width.
_SPACES_AND_WIDTHS = st.sampled_from(
    [" ", "  ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0",
     "\u2028", "\u3000", "\u200b", "a", "é", "ÿ", "Ā", "中", "\U0001f600", "\x00", "-"]
)


@SETTINGS
@given(st.one_of(st.lists(_SPACES_AND_WIDTHS, max_size=12).map("".join), st.text(max_size=40)))
def test_whitespace_collapses_like_split_and_join(raw: str) -> None:
    # Equality of str compares the storage width too: a result built wider than its
    # characters need would differ here.
    text, (words, capitals, punctuation, digits) = fastwalk.collapse_spaces(raw)
    assert text == " ".join(raw.split())
    # What the same pass counts is what `features.measure` reads off the collapsed text.
    tokens = text.split()
    assert words == count_words(text, tokens)
    assert capitals == sum(t[0].isupper() for t in tokens)
    assert punctuation == len(_SENTENCE_PUNCT.findall(text))
    assert digits == any(c.isdecimal() for c in text)


def test_character_classes_are_the_python_predicates() -> None:
    # Bits (the compiled walk's CharClass): 1 space, 2 sentence punctuation, 4 word edge,
    # 8 upper case, 16 decimal digit, 32 a `\w` character.  The table covers the Basic
    # Multilingual Plane; the rest are classified on the fly by the same functions.
    for code in [*range(0x10000), 0x10000, 0x1D7CE, 0x1F600, 0x20000, 0x10FFFF]:
        c = chr(code)
        expected = (
            c.isspace() * 1
            | bool(_SENTENCE_PUNCT.match(c)) * 2
            | (c in _WORD_EDGES) * 4
            | c.isupper() * 8
            | c.isdecimal() * 16
            | bool(re.match(r"\w", c)) * 32
        )
        assert fastwalk.class_of(c) == expected, hex(code)


def test_vocabulary_finds_every_word_of_its_sets_and_no_near_miss() -> None:
    # Flags: 1 a stop word, 2 a month name (the compiled walk's VocabFlag).
    for word in STOPWORDS:
        assert fastwalk.VOCABULARY.flags_of(word) & 1
        assert not fastwalk.VOCABULARY.flags_of(word.upper() + "x") & 1
    for word in MONTHS:
        assert fastwalk.VOCABULARY.flags_of(word) & 2
        assert not fastwalk.VOCABULARY.flags_of(word[:-1]) & 2 or word[:-1] in MONTHS
    assert fastwalk.VOCABULARY.flags_of("") == 0


@SETTINGS
@given(st.text(max_size=12))
def test_vocabulary_agrees_with_the_sets(word: str) -> None:
    found = fastwalk.VOCABULARY.flags_of(word)
    assert bool(found & 1) == (word in STOPWORDS)
    assert bool(found & 2) == (word in MONTHS)


@SETTINGS
@given(
    st.lists(
        st.one_of(st.sampled_from(["1", "12", "2024", "٣", "/", ".", "-", " ", "a", "-1"]),
                  st.text(max_size=3)),
        max_size=12,
    ).map("".join)
)
def test_numeric_date_shape_is_present_in_every_numeric_date(text: str) -> None:
    # The walk searches NUMERIC_DATE only in lines with this shape.
    if NUMERIC_DATE.search(text):
        assert fastwalk.numeric_date_shape(text)


# The first and last character of each CJK range features._CJK names, and their neighbours.
_CJK_EDGES = [
    chr(c)
    for first, last in ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                        (0xF900, 0xFAFF), (0xFF66, 0xFF9F))
    for c in (first - 1, first, last, last + 1)
]


def test_cjk_range_edges_same_word_counts() -> None:
    text = " ".join(c * 3 for c in _CJK_EDGES)
    tree = cleaned(f"<html><body><p>{text}</p><p><a href='#'>{text}</a></p></body></html>")
    assert tree is not None
    assert_same(tree)


@SETTINGS
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["今天", "東京は", "晴れ", "ｶﾀｶﾅ", "。", "、", " ", "\n", "abc"]),
            st.sampled_from(_CJK_EDGES),
            st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF),
            st.characters(min_codepoint=0xF8F0, max_codepoint=0xFFA0),
        ),
        max_size=40,
    ).map("".join),
    st.booleans(),
)
def test_cjk_text_same_word_counts(text: str, linked: bool) -> None:
    inner = f"<a href='#'>{_escape(text)}</a>" if linked else _escape(text)
    tree = cleaned(f"<html><body><p>{inner} tail 字</p><p>{_escape(text)}</p></body></html>")
    if tree is not None:
        assert_same(tree)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def test_comments_pis_and_their_tails_are_skipped_like_the_reference() -> None:
    parser = lxml.html.HTMLParser()  # keeps comments and PIs, unlike `parse`
    tree = lxml.html.document_fromstring(
        "<html><body><p>one <!-- c --> two<?pi x?> three</p><!-- c2 -->tail"
        "<div>four<a>five<!--x--></a></div></body></html>",
        parser=parser,
    )
    assert_same(tree)


def test_programmatic_tree_with_cdata_entities_and_namespaces() -> None:
    root = lxml.etree.Element("html")
    body = lxml.etree.SubElement(root, "body")
    para = lxml.etree.SubElement(body, "{urn:x}p", {"class": "content", "{urn:y}id": "n"})
    para.text = "namespaced paragraph"
    div = lxml.etree.SubElement(body, "div", id="main", role="main")
    div.text = lxml.etree.CDATA("cdata text")
    div.append(lxml.etree.Entity("nbsp"))
    div[-1].tail = "after the entity"
    html_root: Any = root
    # An entity reference is beyond the compiled walk: it declines, the caller falls back.
    assert fastwalk.segment(html_root.find("body"), 100) is None
    assert segment_module.segment(html_root, max_blocks=100) == segment_python(
        html_root, max_blocks=100
    )
    div.remove(div[-1])
    assert_same(html_root)


def test_deep_nesting_needs_no_recursion() -> None:
    # Deep enough to overflow any recursive walk (Python or C), small enough to build fast:
    # lxml pays per level when appending to a deep chain.
    depth = 50_000
    root = lxml.etree.Element("html")
    node = lxml.etree.SubElement(root, "body")
    for i in range(depth):
        node = lxml.etree.SubElement(node, "div" if i % 2 else "span")
    node.text = "deep text"
    found = compiled(root)  # type: ignore[arg-type]
    assert [b.text for b in found.blocks] == ["deep text"]
    assert len(found.blocks[0].containers) == depth // 2 + 1


def test_break_rules_and_inline_icons() -> None:
    html = (
        "<html><body><div>line one<br>line two<br><br>para<img>x</div>"
        "<p>a<br> <br>b<a href='/'><img></a>c</p><pre>  code\n\n  more\n</pre></body></html>"
    )
    tree = cleaned(html)
    assert tree is not None
    assert_same(tree)


@pytest.mark.parametrize(
    ("html", "first"),
    [
        ("<html><body>text alone</body></html>", "text alone"),
        ("<html><body>lead<b>bold</b> words<p>para</p>tail</body></html>", "leadbold words"),
        ("<html><body>  <br>after a break<br><br>next</body></html>", "after a break"),
    ],
)
def test_text_straight_in_the_walk_root(html: str, first: str) -> None:
    tree = cleaned(html)
    assert tree is not None
    assert assert_same(tree).blocks[0].text == first


def test_zero_and_small_block_limits() -> None:
    tree = cleaned("<html><body><p>one</p><div><p>two</p><p>three</p></div></body></html>")
    assert tree is not None
    for limit in range(5):
        assert_same(tree, max_blocks=limit)


def test_walk_root_without_children_and_inline_root() -> None:
    bare = lxml.etree.Element("body")
    assert_same(bare)  # type: ignore[arg-type]
    link = lxml.etree.Element("a")
    link.text = "just a link"
    link.tail = "and its tail"
    assert_same(link)  # type: ignore[arg-type]


def test_concurrent_calls_agree_with_serial_ones() -> None:
    from concurrent.futures import ThreadPoolExecutor

    htmls = [p.read_bytes() for p in corpus_pages()]
    serial = [extractor.explain(h) for h in htmls]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(extractor.explain, htmls * 4))
    assert parallel == serial * 4


def clean_both_ways(html: str) -> tuple[bytes, bytes]:
    """The tree `clean` leaves with the compiled scan, and with its XPath."""
    fast = cleaned(html)
    with python_walk_only():
        slow = cleaned(html)
    assert fast is not None and slow is not None
    return lxml.etree.tostring(fast), lxml.etree.tostring(slow)


_STYLES = [
    "display:none", "DISPLAY : NONE", "display: none !important", "color:red",
    "visibility:hidden", "Visibility: Hidden", "visibility:visible", "font: none",
    "display:n one", "display:\tnone", "background:url(hidden.png)", "",
]
_HIDERS = [
    *(f'style="{s}"' for s in _STYLES), "hidden", 'hidden=""', 'aria-hidden="true"',
    'aria-hidden="false"', 'aria-hidden="TRUE"', 'class="x"',
]


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["div", "p", "span", "form", "section", "a"]),
            st.sampled_from(_HIDERS),
            st.sampled_from(["", "<p>para</p>", "text", "<b>x</b> tail"]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_clean_scan_leaves_the_tree_the_xpath_leaves(parts: list[tuple[str, str, str]]) -> None:
    body = "".join(f"<{tag} {attr}>{inner}</{tag}> after" for tag, attr, inner in parts)
    fast, slow = clean_both_ways(f"<html><body {parts[0][1]}>{body}</body></html>")
    assert fast == slow



def sources_both_ways(html: str | bytes) -> tuple[Any, Any] | None:
    """The compiled scan's `Sources` and the Python one's, elements given by their
    paths in the tree (the scan may add a script only Python can judge, which `jsonld`
    checks again: kept here if Python keeps it)."""
    try:
        root = parse(html, max_bytes=10**7).root
    except extractor.ExtractionError:
        return None
    found = fastwalk.head_sources(root)
    assert found is not None, "the compiled scan declined a parsed page"
    tree = root.getroottree()

    def paths(*elements: lxml.html.HtmlElement | None) -> list[str | None]:
        return [None if e is None else tree.getpath(e) for e in elements]

    metas, title, h1s, scripts, noscripts = found
    json_ld = [e for e in scripts if is_json_ld(e)]
    expected = metadata.python_sources(root)
    return (
        (metas, paths(title), paths(*h1s), paths(*json_ld), paths(*noscripts)),
        (
            expected.metas,
            paths(expected.title),
            paths(*expected.h1s),
            paths(*expected.scripts),
            paths(*expected.noscripts),
        ),
    )


@pytest.mark.parametrize("page", list(corpus_pages()), ids=lambda p: p.parent.name)
def test_corpus_page_same_head_sources(page: Path) -> None:
    both = sources_both_ways(page.read_bytes())
    assert both is not None
    assert both[0] == both[1]


_HEAD_TAGS = [
    '<meta property="og:title" content="Social">', '<meta name="og:title" content="Named">',
    '<meta name="" property="" http-equiv="Content-Language" content="de">',
    '<meta name="Description" content="">', '<meta content="orphan">',
    '<meta name="lang" content="fr-FR">', "<title>First</title>", "<title>Second</title>",
    "<h1>Head <b>line</b></h1>", '<script type="application/ld+json">{}</script>',
    '<script type=" Application/LD+JSON ">{}</script>', "<script>var x;</script>",
    '<script type="application/json">{}</script>', '<script type="applicatıon/ld+json">{}</script>',
    '<script type>{}</script>', "<svg><title>icon</title></svg>", "<p>text</p>",
    "<noscript><img src='pixel.gif'></noscript>", "<noscript><p>Enable scripts</p></noscript>",
]


@SETTINGS
@given(st.lists(st.sampled_from(_HEAD_TAGS), min_size=1, max_size=8),
       st.lists(st.sampled_from(_HEAD_TAGS), max_size=8))
def test_head_sources_are_what_the_python_walk_gathers(head: list[str], body: list[str]) -> None:
    both = sources_both_ways(f"<html><head>{''.join(head)}</head><body>{''.join(body)}</body>")
    if both is not None:
        assert both[0] == both[1]


@SETTINGS
@given(pages(), st.integers(min_value=0, max_value=400))
def test_text_size_gate_is_the_size_of_itertext(html: str, at_least: int) -> None:
    root = parse(html, max_bytes=10**7).root
    for element in root.iter():
        size = sum(len(t.encode()) for t in element.itertext())
        assert fastwalk.has_text_bytes(element, at_least) == (size >= at_least)


def _acyclic_value(value: Any) -> bool:
    """Whether `value` is made only of values that cannot lead back to a record."""
    if value is None or isinstance(value, (str, int, float, bool, extractor.BlockKind)):
        return True
    if isinstance(value, tuple):
        return all(_acyclic_value(v) for v in value)
    if isinstance(value, (extractor.Block, Features, Container)):
        return all(_acyclic_value(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def test_records_are_left_out_of_the_cycle_collector_and_hold_no_containers() -> None:
    # The walk untracks its records and tuples (young-generation collections walked
    # them all); that is sound only while nothing they hold can lead back to them.
    tree = cleaned(
        '<html><body><div id="a1" class="post x"><h2>Title</h2><p>Some prose, here.</p>'
        "<ul><li>one item</li><li>two items</li></ul></div></body></html>"
    )
    assert tree is not None
    seg = compiled(tree)
    assert seg.blocks and seg.containers
    for value in (seg.blocks, seg.containers, *seg.blocks, *seg.containers):
        assert not gc.is_tracked(value)
        assert _acyclic_value(value)
    for block in seg.blocks:
        assert not gc.is_tracked(block.features)
        assert not gc.is_tracked(block.containers)
