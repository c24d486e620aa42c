# cython: language_level=3, boundscheck=False, cdivision=True
# cython: initializedcheck=False, infer_types=True
"""Compiled twin of `extractor.segment.segment_python`: the same blocks, the same features.

Why it exists: the pure-Python walk spends most of a page's time creating an lxml proxy
object per node and running small Python functions per element and per block.  This
module reads libxml2's nodes directly (type, name, children, next, parent, content,
properties: plain struct fields, so nothing links against libxml2), measures each block's
text in one pass over its characters, and writes the frozen records' slots directly.

Rules it keeps, so its output equals the reference to the last bit:

* the walk visits exactly what `lxml.etree.iterwalk` visits (elements, comments, PIs), in
  the same order, with an explicit pointer walk (parent/next), never C recursion;
  comments and PIs are skipped whole, tails included, as the reference does;
* `.text` / `.tail` are lxml's: the run of text/CDATA nodes (XInclude markers skipped);
* attributes are read as `element.get` reads them: first no-namespace match, empty
  value for a valueless attribute;
* everything it cannot reproduce exactly (entity-reference nodes, attribute values made
  of several nodes, documents with DTD attribute defaults) makes `segment` return None,
  and the caller uses the Python walk for that page;
* vocabulary, regexes and phrase rules are the Python ones (`phrase_kind_of` is called, not
  re-implemented); the character sets inlined below are checked against the Python
  constants at import (`incompatibility()`);
* what is compiled instead of called only skips work or mirrors a small Python function,
  each held to the Python by tests on generated input and on every data-set line or
  name: `_may_phrase` (no trigger word of `registry._may_match`, so no phrase),
  `_numeric_date_shape` (no NUMERIC_DATE without it), `_Vocabulary` (the stop word,
  month and trigger sets, looked up by slice), `_collapse_spaces` (split and join,
  counting what `measure` counts on the way), `_CLASSES` (the character predicates, as
  a table for the Basic Multilingual Plane), `_name_tokens` / `_token_groups` (`markup`'s,
  for ASCII names; others go to Python);
* a block's text runs are gathered as libxml2's UTF-8 bytes and decoded once, when the
  block closes, instead of one str per text node; the loops over characters are
  compiled once per str width (`uchar`).

No module-level mutable state: every call builds its own `_Walk`.
"""

cimport cython
from cpython.object cimport PyObject, PyTypeObject
from cpython.ref cimport Py_DECREF, Py_INCREF
from cpython.unicode cimport PyUnicode_DecodeUTF8

from libc.stdlib cimport calloc, free, malloc, realloc
from libc.stdint cimport uint64_t
from libc.string cimport memcmp, memcpy, memset, strcmp, strlen

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport (
    LXML_VERSION_STRING,
    _Element,
    elementFactory,
    import_lxml__etree,
)
from lxml.includes.tree cimport xmlAttr, xmlDoc, xmlNode

import dataclasses

import lxml
import lxml.etree

from extractor import features as _features
from extractor.patterns import STOPWORDS, opening_label
from extractor.patterns.registry import phrase_kind_of
from extractor.patterns import markup as _markup
from extractor.patterns.markup import GROUP_NAMES, name_tokens, token_groups
from extractor.patterns import registry as _registry
from extractor.patterns.registry import MONTHS
from extractor.segment import (
    ARTICLE_TAGS,
    BOILERPLATE_TAGS,
    CAPTION_TAGS,
    CELL_TAGS,
    GLYPH_TAGS,
    HEADING_LEVELS,
    INLINE_TAGS,
    ITEM_TAGS,
    LINE_BREAK_KEEPERS,
    LIST_TAGS,
    NEAR_ANCESTORS,
    TAG_PATH_DEPTH,
    Segmentation,
    _ROOT_TAGS,
)
from extractor.types import Block, BlockKind, Container, Features

cdef extern from "libxml/xmlversion.h":
    const char* LIBXML_DOTTED_VERSION

cdef extern from "Python.h":
    ctypedef struct PyMemberDef:
        const char* name
        int type
        Py_ssize_t offset
    ctypedef struct PyMemberDescrObject:
        PyMemberDef* d_member
    PyTypeObject PyMemberDescr_Type
    ctypedef PyObject* (*allocfunc)(PyTypeObject*, Py_ssize_t)
    ctypedef struct _AllocatingType "PyTypeObject":
        allocfunc tp_alloc
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int Py_UNICODE_ISSPACE(Py_UCS4)
    int Py_UNICODE_ISUPPER(Py_UCS4)
    int Py_UNICODE_ISDECIMAL(Py_UCS4)
    int Py_UNICODE_ISALNUM(Py_UCS4)
    void* PyUnicode_DATA(object)
    int PyUnicode_KIND(object)
    bint PyUnicode_IS_ASCII(object)  # `str.isascii()`, without the method call
    enum:
        PyUnicode_1BYTE_KIND
        PyUnicode_2BYTE_KIND
        PyUnicode_4BYTE_KIND
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) noexcept
    void PyUnicode_WRITE(int kind, void* data, Py_ssize_t index, Py_UCS4 value) noexcept
    object PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
    int PyList_SetSlice(object, Py_ssize_t, Py_ssize_t, PyObject*) except -1
    void _Py_XDECREF "Py_XDECREF"(PyObject*)
    void PyObject_GC_UnTrack(void*)
    bint PyObject_IS_GC(object)

BUILT_LXML: str = LXML_VERSION_STRING.decode("ascii")
BUILT_LIBXML: str = LIBXML_DOTTED_VERSION.decode("ascii")

# --- character classes, inlined; `incompatibility()` checks them against features.py ---
# A Cython `in` test against a literal compiles to a switch.
cdef inline bint _is_edge(Py_UCS4 c) noexcept:
    return c in u"\"'“”‘’«»()[]{}.,;:!?…-–—*"

cdef inline bint _is_punct(Py_UCS4 c) noexcept:
    return c in u".,;:!?。、！？"

cdef inline bint _is_closer(Py_UCS4 c) noexcept:
    return c in u"\"'”’»)]"

cdef inline bint _is_sentence_end(Py_UCS4 c) noexcept:
    return c in u".!?。！？…:"

cdef inline bint _is_cjk(Py_UCS4 c) noexcept:
    """features._CJK: Han, hiragana, katakana."""
    return (0x3040 <= c <= 0x30FF or 0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF
            or 0xF900 <= c <= 0xFAFF or 0xFF66 <= c <= 0xFF9F)

# The same classes (and `str.isspace`, `isupper`, `isdecimal`, `\\w`) for the Basic
# Multilingual Plane, read from the functions above when the module loads (64 KB, one or
# two milliseconds), so the loops over a text's characters look them up instead of testing
# each predicate: typographic quotes and dashes, Cyrillic or CJK text cost no more than
# ASCII.  `_class_of` answers for every code point.
cdef enum CharClass:
    CH_SPACE = 1
    CH_PUNCT = 2
    CH_EDGE = 4
    CH_UPPER = 8
    CH_DECIMAL = 16
    CH_WORD = 32

cdef enum:
    _TABLE_SIZE = 0x10000
cdef unsigned char _CLASSES[_TABLE_SIZE]


cdef inline bint _is_word_char(Py_UCS4 c) noexcept:
    """`\\w` of `re` on str: what `registry._WORDS` finds runs of."""
    if c < 128:
        return (97 <= (<unsigned int>c | 32) <= 122) or (48 <= c <= 57) or c == 95
    return Py_UNICODE_ISALNUM(c)


cdef unsigned char _classify(Py_UCS4 c) noexcept:
    return ((CH_SPACE if Py_UNICODE_ISSPACE(c) else 0)
            | (CH_PUNCT if _is_punct(c) else 0)
            | (CH_EDGE if _is_edge(c) else 0)
            | (CH_UPPER if Py_UNICODE_ISUPPER(c) else 0)
            | (CH_DECIMAL if Py_UNICODE_ISDECIMAL(c) else 0)
            | (CH_WORD if _is_word_char(c) else 0))


cdef inline unsigned char _class_of(Py_UCS4 c) noexcept:
    return _CLASSES[c] if c < _TABLE_SIZE else _classify(c)


cdef Py_UCS4 _code
for _code in range(_TABLE_SIZE):
    _CLASSES[_code] = _classify(_code)


def class_of(Py_UCS4 c):
    """`_class_of`, for tests."""
    return _class_of(c)


# A str's characters, at each of the three widths CPython stores them in; the loops
# below are compiled once per width, so no character read dispatches on the width.
ctypedef fused uchar:
    Py_UCS1
    Py_UCS2
    Py_UCS4


_INLINED = {
    "_WORD_EDGES": "\"'“”‘’«»()[]{}.,;:!?…-–—*",
    "_CLOSERS": "\"'”’»)]",
}
_PUNCT_PATTERN = r"[.,;:!?。、！？]"
_CJK_PATTERN = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
_SENTENCE_ENDS = frozenset(".!?。！？…:")
_NUMERIC_DATE_PATTERN = r"\b(?:\d{4}|\d{1,2})[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b"

cdef int T_OBJECT_EX = 16  # structmember.h: a slot holding a Python object


# --- fast construction of the frozen records -------------------------------------------

cdef class _Slots:
    """Creates instances of a frozen, slotted dataclass by writing its slots directly.

    The generated `__init__` of a frozen dataclass goes through `object.__setattr__` per
    field, which costs more than the whole measurement of a block.  The slots' offsets
    are read once from the class's member descriptors, by field name, so a field added
    to the class is picked up (and a class that stops being slotted is refused).
    """

    cdef PyTypeObject* tp
    cdef readonly object cls
    cdef tuple names
    cdef Py_ssize_t n
    cdef Py_ssize_t offsets[32]

    def __init__(self, cls):
        names = [f.name for f in dataclasses.fields(cls)]
        if len(names) > 32 or hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__}: cannot build it by slots")
        self.cls = cls
        self.names = tuple(names)
        self.tp = <PyTypeObject*>cls
        self.n = len(names)
        for i, name in enumerate(names):
            descr = cls.__dict__.get(name)
            if type(descr) is not <object>(&PyMemberDescr_Type):
                raise TypeError(f"{cls.__name__}.{name} is not a slot")
            if (<PyMemberDescrObject*>descr).d_member.type != T_OBJECT_EX:
                raise TypeError(f"{cls.__name__}.{name} is not an object slot")
            self.offsets[i] = (<PyMemberDescrObject*>descr).d_member.offset

    cdef object build(self, tuple values):
        """An instance holding `values`, in field order."""
        cdef PyObject* raw
        cdef PyObject** slot
        cdef Py_ssize_t i
        if len(values) != self.n:
            raise TypeError("wrong number of fields")
        raw = (<_AllocatingType*>self.tp).tp_alloc(self.tp, 0)
        if raw == NULL:
            raise MemoryError()
        obj = <object>raw  # a second reference: drop the one tp_alloc returned
        Py_DECREF(obj)
        for i in range(self.n):
            value = values[i]
            Py_INCREF(value)
            slot = <PyObject**>((<char*>raw) + self.offsets[i])
            slot[0] = <PyObject*>value
        if PyObject_IS_GC(obj):
            # The records hold strings, numbers, flags, tuples of those, an enum member
            # and each other, never a container that could lead back to them: they can
            # never be part of a reference cycle, so the cycle collector need not watch
            # them (CPython untracks tuples of such values the same way).  A page makes
            # hundreds; tracked, each young-generation collection walked them all.
            PyObject_GC_UnTrack(raw)
        return obj

    cdef Py_ssize_t index(self, str name) except -1:
        """The place of field `name` in `values`, for `replace`."""
        return self.names.index(name)

    cdef replace(self, object obj, Py_ssize_t i, object value):
        """Give field `i` of an instance `build` made, not yet seen outside this module,
        its final value (known only after the instance had to exist)."""
        cdef PyObject** slot = <PyObject**>((<char*><PyObject*>obj) + self.offsets[i])
        cdef PyObject* old = slot[0]
        Py_INCREF(value)
        slot[0] = <PyObject*>value
        _Py_XDECREF(old)


cdef inline tuple _acyclic(tuple values):
    """`values`, no longer watched by the cycle collector: for tuples of strings,
    numbers and the untracked records, which cannot be part of a reference cycle (the
    collector would untrack them itself, but only after walking them once)."""
    PyObject_GC_UnTrack(<void*>values)
    return values


cdef Py_ssize_t _NEAR_ANCESTORS = NEAR_ANCESTORS  # typed: C arithmetic on them
cdef Py_ssize_t _TAG_PATH_DEPTH = TAG_PATH_DEPTH

cdef _Slots _FEATURES = _Slots(Features)
cdef _Slots _BLOCK = _Slots(Block)
cdef _Slots _CONTAINER = _Slots(Container)
cdef Py_ssize_t _POSITION = _FEATURES.index("position")
cdef Py_ssize_t _END_BLOCK = _CONTAINER.index("end_block")


# --- what a tag is -----------------------------------------------------------------------

cdef enum Kind:
    K_BLOCK = 0
    K_BR = 1
    K_INLINE = 2
    K_LINK = 3  # <a>: inline, and counts link text

cdef enum Counter:
    C_NONE = 0
    C_PRE = 1
    C_LIST = 2
    C_QUOTE = 3


@cython.no_gc  # holds strings only: never part of a reference cycle
cdef class _Tag:
    """Everything the walk asks about one tag name, looked up once per call."""

    cdef str name
    cdef Kind kind
    cdef Counter counter
    cdef int heading  # 1-6, or 0
    cdef bint item, cell, caption, keeps_breaks, boilerplate, article, glyph
    cdef tuple bare  # `read_names` of this tag without attributes, once asked

    def __init__(self, str name):
        self.name = name
        if name == "br":
            self.kind = K_BR
        elif name == "a":
            self.kind = K_LINK
        elif name in INLINE_TAGS:
            self.kind = K_INLINE
        else:
            self.kind = K_BLOCK
        self.glyph = name in GLYPH_TAGS
        if name == "pre":
            self.counter = C_PRE
        elif name in LIST_TAGS:
            self.counter = C_LIST
        elif name == "blockquote":
            self.counter = C_QUOTE
        else:
            self.counter = C_NONE
        self.heading = HEADING_LEVELS.get(name, 0)
        self.item = name in ITEM_TAGS
        self.cell = name in CELL_TAGS
        self.caption = name in CAPTION_TAGS
        self.keeps_breaks = name in LINE_BREAK_KEEPERS
        self.boilerplate = name in BOILERPLATE_TAGS
        self.article = name in ARTICLE_TAGS


class _Unsupported(Exception):
    """The tree holds something only the Python walk reproduces exactly."""


# --- reading libxml2 nodes ---------------------------------------------------------------

cdef inline bint _visited(xmlNode* c) noexcept:
    """What `iterwalk` yields (lxml's `_isElement`): elements, comments, PIs, entity refs."""
    return (c.type == tree.XML_ELEMENT_NODE or c.type == tree.XML_COMMENT_NODE
            or c.type == tree.XML_PI_NODE or c.type == tree.XML_ENTITY_REF_NODE)


cdef inline xmlNode* _first_visited(xmlNode* c) noexcept:
    while c != NULL and not _visited(c):
        c = c.next
    return c


cdef inline str _utf8(const char* s):
    return PyUnicode_DecodeUTF8(s, strlen(s), NULL)


# Text gathered for a block, as libxml2 holds it (UTF-8), decoded once when it closes.
cdef struct _Bytes:
    char* data
    Py_ssize_t size, capacity


cdef int _reserve(_Bytes* out, Py_ssize_t size) except -1:
    """Make room for `size` bytes in all."""
    cdef Py_ssize_t capacity
    cdef char* grown
    if size > out.capacity:
        capacity = max(2 * out.capacity, size, 256)
        grown = <char*>realloc(out.data, capacity)
        if grown == NULL:
            raise MemoryError()
        out.data = grown
        out.capacity = capacity
    return 0


cdef int _append(_Bytes* out, const char* data, Py_ssize_t size) except -1:
    _reserve(out, out.size + size)
    memcpy(out.data + out.size, data, size)
    out.size += size
    return 0


cdef int _append_run(_Bytes* out, xmlNode* c) except -1:
    """Append lxml's `_collectText` of `c` (the adjacent text/CDATA nodes from `c` on,
    what `.text` or `.tail` reads) to `out`."""
    cdef Py_ssize_t size
    while c != NULL:
        if c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE:
            if c.content != NULL:
                size = strlen(<const char*>c.content)
                if size:
                    _append(out, <const char*>c.content, size)
        elif c.type != tree.XML_XINCLUDE_START and c.type != tree.XML_XINCLUDE_END:
            break
        c = c.next
    return 0


cdef inline str _decoded(const _Bytes* b, Py_ssize_t start):
    return PyUnicode_DecodeUTF8(b.data + start, b.size - start, NULL)


cdef const char* _attr(xmlNode* c, const char* name) except? NULL:
    """`element.get(name)` as bytes; NULL when absent.  Raises _Unsupported for values
    made of several nodes (entity references), which `get` would flatten."""
    cdef xmlAttr* a = c.properties
    cdef xmlNode* child
    while a != NULL:
        if a.ns == NULL and a.name[0] == name[0] and strcmp(<const char*>a.name, name) == 0:
            child = a.children
            if child == NULL:
                return ""
            if (child.next == NULL and child.content != NULL and
                    (child.type == tree.XML_TEXT_NODE
                     or child.type == tree.XML_CDATA_SECTION_NODE)):
                return <const char*>child.content
            raise _Unsupported("composite attribute value")
        a = a.next
    return NULL


cdef inline str _attr_str(xmlNode* c, const char* name):
    cdef const char* value = _attr(c, name)
    return "" if value == NULL else _utf8(value)


cdef bint _has_dtd_defaults(xmlDoc* doc) noexcept:
    """`get` falls back to DTD attribute defaults; HTML documents never declare any."""
    if doc == NULL:
        return False
    return ((doc.intSubset != NULL and doc.intSubset.attributes != NULL)
            or (doc.extSubset != NULL and doc.extSubset.attributes != NULL))


# --- class/id/role names (the reference: `extractor.patterns.markup`) --------------------

cdef tuple _MODIFIER_PREFIXES = _markup._MODIFIER_PREFIXES
cdef tuple _TAXONOMY_PREFIXES = _markup._TAXONOMY_PREFIXES
cdef frozenset _FUNCTION_WORDS = _markup._FUNCTION_WORDS
cdef Py_ssize_t _SLUG_MIN_PARTS = _markup.SLUG_MIN_PARTS
cdef dict _EXACT_GROUPS = _markup._EXACT
cdef frozenset _ORDINARY_WORDS = _markup._ORDINARY_WORDS


cdef struct _Prefix:
    const char* text
    Py_ssize_t size
    long long bit


cdef class _Prefixes:
    """ASCII prefixes (and a bit each) compared as bytes: `str.startswith` with a tuple
    is a method call per name, and names are tested against dozens of prefixes."""

    cdef list keep  # the bytes objects `items` points into
    cdef _Prefix items[64]
    cdef Py_ssize_t n

    def __init__(self, pairs):
        self.keep = []
        self.n = 0
        for prefix, bit in pairs:
            if self.n == 64:
                raise ValueError("too many prefixes")
            data = prefix.encode("ascii")  # a non-ASCII prefix fails the import
            self.keep.append(data)
            self.items[self.n].text = data
            self.items[self.n].size = len(data)
            self.items[self.n].bit = bit
            self.n += 1

    cdef long long match(self, const char* text, Py_ssize_t size) noexcept:
        """The union of the bits of the prefixes `text` starts with, or -1 for none."""
        cdef long long found = -1
        cdef Py_ssize_t i
        for i in range(self.n):
            if (self.items[i].size <= size and self.items[i].text[0] == text[0]
                    and memcmp(self.items[i].text, text, self.items[i].size) == 0):
                found = (0 if found < 0 else found) | self.items[i].bit
        return found


cdef _Prefixes _SKIPPED_NAMES = _Prefixes(
    [(p, 0) for p in _MODIFIER_PREFIXES + _TAXONOMY_PREFIXES]
)
cdef _Prefixes _GROUP_PREFIXES = _Prefixes(_markup._PREFIXES)


cdef inline const char* _ascii_data(str text) noexcept:
    """The characters of an ASCII string, one byte each (PEP 393 compact ASCII)."""
    return <const char*>PyUnicode_DATA(text)


cdef inline bint _is_lower_alnum(Py_UCS4 c) noexcept:
    """`[a-z0-9]`: what `markup._SPLIT` keeps and `_CAMEL` looks behind for."""
    return (97 <= c <= 122) or (48 <= c <= 57)


cdef tuple _name_tokens(str name):
    """`markup.name_tokens`, without its regexes for an ASCII name: there lower-casing
    keeps every character's place, so the tokens are the runs of [a-z0-9] of the
    lower-cased name, broken where `_CAMEL` puts a space (a capital after [a-z0-9]).
    Other names go to the Python function (`lower()` may change their length)."""
    cdef Py_ssize_t i, start = -1, n = len(name)
    cdef Py_UCS4 c, before = 0
    cdef bint upper
    cdef list parts
    if not PyUnicode_IS_ASCII(name):
        return name_tokens(name)
    lowered = name.lower()
    if _SKIPPED_NAMES.match(_ascii_data(lowered), n) >= 0:
        if lowered.startswith(_MODIFIER_PREFIXES):
            return ()
        if lowered.startswith(_TAXONOMY_PREFIXES):
            return (lowered.split("-", 1)[0],)
    parts = []
    for i in range(n):
        c = name[i]
        upper = 65 <= c <= 90
        if not (upper or _is_lower_alnum(c)):  # a separator
            if start >= 0:
                parts.append(lowered[start:i])
                start = -1
        elif start < 0:
            start = i
        elif upper and _is_lower_alnum(before):  # a camelCase boundary
            parts.append(lowered[start:i])
            start = i
        before = c
    if start >= 0:
        parts.append(lowered[start:n])
    if len(parts) >= _SLUG_MIN_PARTS and not _FUNCTION_WORDS.isdisjoint(parts):
        return ()
    return _acyclic(tuple(parts))


cdef long long _token_groups(tuple tokens) except? -1:
    """`markup.token_groups`, compiled."""
    cdef long long mask = 0, bits
    cdef str word
    for token in tokens:
        found = _EXACT_GROUPS.get(token)
        if found is not None:
            mask |= <long long>found
            continue
        word = <str>token
        if PyUnicode_IS_ASCII(word):  # always: runs of [a-z0-9] or a taxonomy word
            bits = _GROUP_PREFIXES.match(_ascii_data(word), len(word)) if word else -1
        else:
            bits = token_groups((word,)) or -1
        if bits >= 0 and word not in _ORDINARY_WORDS:
            mask |= bits
    return mask


def names_of(str name):
    """`(markup.name_tokens(name), markup.token_groups(...))` as the walk computes them:
    for tests that hold the compiled name reader to the Python one."""
    own = _name_tokens(name)
    return own, _token_groups(own)


# BlockKind's members, looked up once.
cdef object _HEADING = BlockKind.HEADING
cdef object _CODE = BlockKind.CODE
cdef object _LIST_ITEM = BlockKind.LIST_ITEM
cdef object _TABLE_CELL = BlockKind.TABLE_CELL
cdef object _CAPTION = BlockKind.CAPTION
cdef object _QUOTE = BlockKind.QUOTE
cdef object _PARAGRAPH = BlockKind.PARAGRAPH


# --- the walk ----------------------------------------------------------------------------

@cython.no_gc  # holds a _Tag, strings and tuples of them: never part of a cycle
cdef class _Frame:
    """One open block-level element (the reference's `_Frame`)."""

    cdef int cid
    cdef _Tag tag
    cdef long long own, groups
    cdef bint article, boilerplate
    cdef tuple tokens
    # What every block of this frame shares, set by its first block: the stack below a
    # frame does not change while it is open.  Container ids, near groups, tag path.
    cdef tuple ids
    cdef long long near
    cdef str tag_path


cdef enum:
    _TAG_SLOTS = 256  # a power of two


cdef class _Walk:
    """State of one segmentation; created per call, never shared."""

    cdef Py_ssize_t max_blocks
    cdef dict tags  # name pointer (or namespaced name) -> _Tag
    # The same, for names without a namespace, by the name pointer (libxml2 keeps one
    # copy of each name per document): open addressing, borrowing from `tags`.
    cdef const void* tag_keys[_TAG_SLOTS]
    cdef PyObject* tag_values[_TAG_SLOTS]
    cdef Py_ssize_t tag_count
    cdef dict names  # (tag, id, class, role) -> (tokens, groups, label)
    cdef dict name_tokens  # one class/id/role name -> its tokens
    cdef list frames, cids, tag_names
    # The current block's text and the text of its links (link runs joined by spaces).
    cdef _Bytes text, link_text
    cdef _Bytes scratch  # room for `_collapse_spaces` to write a block's text
    cdef list containers  # Container per opened element; end_block set when it closes
    cdef list blocks  # Block per block, measured; position set by `finish`
    cdef dict phrases  # text -> phrase_kind: pages repeat short lines
    cdef int link_depth, pre_depth, list_depth, quote_depth
    cdef bint last_was_br

    def __init__(self, Py_ssize_t max_blocks):
        self.max_blocks = max_blocks
        self.tags = {}
        self.names = {}
        self.name_tokens = {}
        self.frames = []
        self.cids = []
        self.tag_names = []
        self.containers = []
        self.blocks = []
        self.phrases = {}

    def __dealloc__(self):
        free(self.text.data)
        free(self.link_text.data)
        free(self.scratch.data)

    cdef _Tag tag_of(self, xmlNode* c):
        cdef _Tag info
        cdef size_t slot
        if c.ns == NULL or c.ns.href == NULL:
            slot = (<size_t>c.name >> 4) & (_TAG_SLOTS - 1)
            while self.tag_keys[slot] != NULL:
                if self.tag_keys[slot] == <const void*>c.name:
                    return <_Tag>self.tag_values[slot]
                slot = (slot + 1) & (_TAG_SLOTS - 1)
            key = <size_t>c.name
            info = self.tags.get(key)
            if info is None:
                info = self.tags[key] = _Tag(_utf8(<const char*>c.name))
            if self.tag_count < _TAG_SLOTS // 2:  # else: the dict alone
                self.tag_keys[slot] = <const void*>c.name
                self.tag_values[slot] = <PyObject*>info
                self.tag_count += 1
            return info
        name = "{%s}%s" % (_utf8(<const char*>c.ns.href), _utf8(<const char*>c.name))
        info = self.tags.get(name)
        if info is None:
            info = self.tags[name] = _Tag(name)
        return info

    cdef run(self, xmlNode* top):
        """Replay `iterwalk(top, events=("start", "end"))`, minus top's own start."""
        cdef xmlNode* c
        cdef xmlNode* nxt
        self.open_frame(top, self.tag_of(top))
        self.add_text(top.children)  # text set straight in <body>, before its first element
        c = _first_visited(top.children)
        if c == NULL:
            if len(self.blocks) < self.max_blocks:
                self.end(top)
            return
        while True:
            if len(self.blocks) >= self.max_blocks:
                return
            self.start(c)
            nxt = _first_visited(c.children) if c.type == tree.XML_ELEMENT_NODE else NULL
            if nxt != NULL:
                c = nxt
                continue
            while True:  # no children: end this node, then its finished ancestors
                if len(self.blocks) >= self.max_blocks:
                    return
                self.end(c)
                if c == top:
                    return
                nxt = _first_visited(c.next)
                if nxt != NULL:
                    c = nxt
                    break
                c = c.parent

    cdef start(self, xmlNode* c):
        cdef _Tag tag
        if c.type == tree.XML_ENTITY_REF_NODE:
            raise _Unsupported("entity reference")
        if c.type != tree.XML_ELEMENT_NODE:
            return  # comment or PI: skipped, tail included
        tag = self.tag_of(c)
        if tag.kind == K_BR:
            if self.last_was_br or not (<_Frame>self.frames[-1]).tag.keeps_breaks:
                self.flush()
            else:
                _append(&self.text, "\n", 1)
            self.last_was_br = True
            return
        if tag.kind != K_BLOCK:
            if tag.kind == K_LINK:
                self.link_depth += 1
            if (not self.add_text(c.children) and tag.glyph
                    and _first_visited(c.children) == NULL and self.text.size):
                _append(&self.text, " ", 1)
            return
        self.flush()
        self.open_frame(c, tag)
        if tag.counter == C_PRE:
            self.pre_depth += 1
        elif tag.counter == C_LIST:
            self.list_depth += 1
        elif tag.counter == C_QUOTE:
            self.quote_depth += 1
        self.add_text(c.children)

    cdef end(self, xmlNode* c):
        cdef _Tag tag
        if c.type != tree.XML_ELEMENT_NODE:
            return
        tag = self.tag_of(c)
        if tag.kind == K_BR:
            pass
        elif tag.kind != K_BLOCK:
            if tag.kind == K_LINK:
                self.link_depth -= 1
        else:
            self.flush()
            self.close_frame()
            if tag.counter == C_PRE:
                self.pre_depth -= 1
            elif tag.counter == C_LIST:
                self.list_depth -= 1
            elif tag.counter == C_QUOTE:
                self.quote_depth -= 1
        if self.frames:
            self.add_text(c.next)

    cdef bint add_text(self, xmlNode* run) except -1:
        """Add the text run from `run` on (`.text` or `.tail`) to the block; whether
        the run held any text (blank text right after a <br> is read, then dropped)."""
        cdef Py_ssize_t start = self.text.size
        _append_run(&self.text, run)
        if self.text.size == start:
            return False
        if self.last_was_br and _decoded(&self.text, start).isspace():
            self.text.size = start
            return True
        self.last_was_br = False
        if self.link_depth:
            if self.link_text.size:
                _append(&self.link_text, " ", 1)
            _append(&self.link_text, self.text.data + start, self.text.size - start)
        return True

    cdef tuple read_names(self, str tag, str ident, str classes, str role):
        """`segment._names`: tokens, groups and label, each distinct name worked once
        per walk (`_name_tokens`, `_token_groups`: the Python `name_tokens` and
        `token_groups`, compiled)."""
        cdef list tokens = []
        cdef list class_names = classes.split()
        cdef long long mask = 0
        cdef tuple found, own
        # `segment._label`, each case one string built at once
        if ident and classes:
            label = f"{tag}#{ident.strip()}.{'.'.join(class_names[:3])}"
        elif ident:
            label = f"{tag}#{ident.strip()}"
        elif classes:
            label = f"{tag}.{'.'.join(class_names[:3])}"
        else:
            label = tag
        if tag in _ROOT_TAGS:
            return (), 0, label
        # The words of `f"{ident} {classes} {role}"`, without making that string.
        for names in (ident.split() if ident else (), class_names,
                      role.split() if role else ()):
            for name in names:
                found = self.name_tokens.get(name)
                if found is None:
                    own = _name_tokens(name)
                    found = self.name_tokens[name] = _acyclic((own, _token_groups(own)))
                tokens.extend(<tuple>found[0])
                mask |= <long long>found[1]
        return _acyclic((_acyclic(tuple(tokens)), mask, label))

    cdef open_frame(self, xmlNode* c, _Tag tag):
        cdef _Frame frame = _Frame()
        cdef _Frame parent = self.frames[-1] if self.frames else None
        cdef const char* itemprop = NULL
        role = ""
        if c.properties == NULL:  # no attributes, as most elements of some pages
            if tag.bare is None:
                tag.bare = self.read_names(tag.name, "", "", "")
            names = tag.bare
        else:
            ident = _attr_str(c, "id")
            classes = _attr_str(c, "class")
            role = _attr_str(c, "role")
            key = _acyclic((tag.name, ident, classes, role))
            names = self.names.get(key)
            if names is None:
                names = self.names[key] = self.read_names(tag.name, ident, classes, role)
            itemprop = _attr(c, "itemprop")
        tokens, own, label = names
        semantic = (tag.article or role == "main"
                    or (itemprop != NULL and strcmp(itemprop, "articleBody") == 0))
        cid = len(self.containers)
        first = len(self.blocks)
        self.containers.append(_CONTAINER.build((
            cid, tag.name, parent.cid if parent is not None else -1, len(self.frames),
            label, own, semantic, first, first)))
        frame.cid = cid
        frame.tag = tag
        if parent is None:
            frame.own = frame.groups = 0
            frame.article = semantic
            frame.boilerplate = False
            frame.tokens = ()
        else:
            frame.own = own
            frame.groups = parent.groups | frame.own
            frame.article = parent.article or semantic
            frame.boilerplate = parent.boilerplate or tag.boilerplate
            frame.tokens = tokens if own else parent.tokens
        self.frames.append(frame)
        self.cids.append(cid)
        self.tag_names.append(tag.name)

    cdef close_frame(self):
        cdef _Frame frame = self.frames.pop()
        self.cids.pop()
        self.tag_names.pop()
        self.end_container(frame)

    cdef end_container(self, _Frame frame):
        _CONTAINER.replace(self.containers[frame.cid], _END_BLOCK, len(self.blocks))

    cdef flush(self):
        """Close the text gathered so far into a block, if it holds any words."""
        cdef _Frame frame
        cdef long long near = 0
        cdef Py_ssize_t i, n
        cdef _Counts counts
        self.last_was_br = False
        if not self.text.size:
            return
        raw = _decoded(&self.text, 0)
        link_text = _decoded(&self.link_text, 0) if self.link_text.size else ""
        self.text.size = self.link_text.size = 0
        if len(self.blocks) >= self.max_blocks:
            return
        memset(&counts, 0, sizeof(counts))
        if self.pre_depth:
            text = raw.strip("\n")
            if not text.strip():
                return
            _count_text(text, &counts)
        else:
            text = _collapse_spaces(raw, &counts, &self.scratch)
            if not text:
                return
        frame = self.frames[-1]
        kind, level = self.kind_of(frame.tag)
        n = len(self.frames)
        if frame.ids is None:
            for i in range(max(0, n - _NEAR_ANCESTORS), n):
                near |= (<_Frame>self.frames[i]).own
            frame.near = near
            frame.ids = _acyclic(tuple(self.cids))
            frame.tag_path = ">".join(self.tag_names[-_TAG_PATH_DEPTH:])
        index = len(self.blocks)
        features = _measure(text, &counts, link_text, n, frame.tag_path, frame.tokens,
                            frame.near, frame.groups, frame.article, frame.boilerplate,
                            self.phrases)
        self.blocks.append(_BLOCK.build((index, kind, text, frame.tag.name, level,
                                         frame.ids, features)))

    cdef tuple kind_of(self, _Tag tag):
        if tag.heading:
            return _HEADING, tag.heading
        if self.pre_depth:
            return _CODE, 0
        if tag.item:
            return _LIST_ITEM, self.list_depth
        if tag.cell:
            return _TABLE_CELL, 0
        if tag.caption:
            return _CAPTION, 0
        if self.quote_depth:
            return _QUOTE, self.quote_depth
        return _PARAGRAPH, 0

    cdef finish(self):
        """The Segmentation, once every block's position in the page is known."""
        cdef Py_ssize_t total = len(self.blocks), index
        for index in range(total):
            _FEATURES.replace(
                self.blocks[index].features, _POSITION,
                <double>index / <double>(total - 1) if total > 1 else 0.0)
        return Segmentation(_acyclic(tuple(self.blocks)), _acyclic(tuple(self.containers)))


# --- words looked up without creating them ----------------------------------------------

cdef enum VocabFlag:
    V_STOP = 1  # registry.STOPWORDS
    V_MONTH = 2  # registry.MONTHS
    V_TRIGGER = 4  # a word `_may_phrase` lets through anywhere in a line
    V_SHORT_TRIGGER = 8  # ... in a line of at most PROMPT_MAX_WORDS words
    V_OPENER = 16  # the first word of a filing label or browser notice (`opening_label`)


cdef inline unsigned long long _fnv(const uchar* data, Py_ssize_t start,
                                    Py_ssize_t end) noexcept:
    """FNV-1a over the code points text[start:end]."""
    cdef unsigned long long h = 14695981039346656037ULL
    cdef Py_ssize_t i
    for i in range(start, end):
        h = (h ^ <unsigned long long>data[i]) * 1099511628211ULL
    return h


cdef class _Vocabulary:
    """A fixed set of words, each with flags, looked up by a slice of a str, so the
    hot loops need not create (and hash) a string per word.  Open addressing over the
    words' code points: a slice is found exactly when it equals a word, as `in` on the
    Python sets finds it."""

    cdef unsigned long long* hashes
    cdef Py_UCS4** words
    cdef Py_ssize_t* sizes
    cdef unsigned int* flags
    cdef size_t mask
    cdef readonly Py_ssize_t longest

    def __cinit__(self, dict entries):
        cdef size_t capacity = 16, slot
        cdef Py_ssize_t i, size
        cdef str word
        cdef Py_UCS4* copy
        while capacity < 4 * len(entries):
            capacity *= 2
        self.mask = capacity - 1
        self.hashes = <unsigned long long*>malloc(capacity * sizeof(unsigned long long))
        self.words = <Py_UCS4**>calloc(capacity, sizeof(Py_UCS4*))  # all NULL: empty
        self.sizes = <Py_ssize_t*>malloc(capacity * sizeof(Py_ssize_t))
        self.flags = <unsigned int*>malloc(capacity * sizeof(unsigned int))
        if (self.hashes == NULL or self.words == NULL or self.sizes == NULL
                or self.flags == NULL):
            raise MemoryError()
        self.longest = 0
        for word, flag in entries.items():
            size = len(word)
            if size == 0:
                continue
            copy = <Py_UCS4*>malloc(size * sizeof(Py_UCS4))
            if copy == NULL:
                raise MemoryError()
            for i in range(size):
                copy[i] = word[i]
            h = _fnv(<const Py_UCS4*>copy, 0, size)
            slot = h & self.mask
            while self.words[slot] != NULL:
                slot = (slot + 1) & self.mask
            self.words[slot] = copy
            self.hashes[slot] = h
            self.sizes[slot] = size
            self.flags[slot] = flag
            self.longest = max(self.longest, size)

    def __dealloc__(self):
        cdef size_t slot
        if self.words != NULL:
            for slot in range(self.mask + 1):
                free(self.words[slot])
        free(self.hashes)
        free(self.words)
        free(self.sizes)
        free(self.flags)

    cdef unsigned int find(self, int kind, void* data, Py_ssize_t start,
                           Py_ssize_t end) noexcept:
        """The flags of the word text[start:end] (`kind`, `data`: the text's), or 0."""
        if kind == PyUnicode_1BYTE_KIND:
            return _find(self, <const Py_UCS1*>data, start, end)
        if kind == PyUnicode_2BYTE_KIND:
            return _find(self, <const Py_UCS2*>data, start, end)
        return _find(self, <const Py_UCS4*>data, start, end)

    def flags_of(self, str word):
        """`find` of a whole string: for tests."""
        return self.find(PyUnicode_KIND(word), PyUnicode_DATA(word), 0, len(word))


cdef unsigned int _find(_Vocabulary vocabulary, const uchar* data, Py_ssize_t start,
                        Py_ssize_t end) noexcept:
    """`_Vocabulary.find`, compiled for one width of text."""
    cdef Py_ssize_t size = end - start, i
    cdef unsigned long long h
    cdef size_t slot
    cdef Py_UCS4* word
    if size <= 0 or size > vocabulary.longest:
        return 0
    h = _fnv(data, start, end)
    slot = h & vocabulary.mask
    while vocabulary.words[slot] != NULL:
        if vocabulary.hashes[slot] == h and vocabulary.sizes[slot] == size:
            word = vocabulary.words[slot]
            i = 0
            while i < size and word[i] == data[start + i]:
                i += 1
            if i == size:
                return vocabulary.flags[slot]
        slot = (slot + 1) & vocabulary.mask
    return 0


def _vocabulary_entries():
    entries = {}
    for words, flag in ((STOPWORDS, V_STOP), (MONTHS, V_MONTH),
                        (_registry._CREDIT_WORD_SET, V_TRIGGER | V_SHORT_TRIGGER),
                        (_registry.SOCIAL_NETWORKS | _registry._PROMPT_KEYS, V_SHORT_TRIGGER),
                        (_registry._TAXONOMY_OPENERS | _registry._NOTICE_OPENERS, V_OPENER)):
        for word in words:
            entries[word] = entries.get(word, 0) | flag
    return entries


cdef _Vocabulary _VOCABULARY = _Vocabulary(_vocabulary_entries())
VOCABULARY = _VOCABULARY  # for tests


cdef struct _Counts:
    Py_ssize_t words, capitals, punctuation, stop
    bint digits, month


cdef str _collapse_spaces(str raw, _Counts* counts, _Bytes* scratch):
    """`" ".join(raw.split())`: every run of whitespace (`str.split`'s: what
    Py_UNICODE_ISSPACE says) becomes one space, none at the ends.  The same pass counts
    what `features.measure` counts of the characters (`_count`), which the collapse
    does not change.  The result is built at the smallest width its characters need,
    as every str must be."""
    cdef int kind = PyUnicode_KIND(raw)
    if kind == PyUnicode_1BYTE_KIND:
        return _collapse(raw, <const Py_UCS1*>PyUnicode_DATA(raw), counts, scratch)
    if kind == PyUnicode_2BYTE_KIND:
        return _collapse(raw, <const Py_UCS2*>PyUnicode_DATA(raw), counts, scratch)
    return _collapse(raw, <const Py_UCS4*>PyUnicode_DATA(raw), counts, scratch)


cdef str _collapse(str raw, const uchar* data, _Counts* counts, _Bytes* scratch):
    """`_collapse_spaces` of `raw`, whose characters are `data`: written to `scratch`
    at the same width, then copied into a str of the right size and width."""
    cdef Py_ssize_t n = len(raw), i, size = 0, cjk = 0
    cdef Py_UCS4 c, widest = 0
    cdef unsigned char cls
    cdef bint gap = False, started = False, inside = False, changed = False
    cdef uchar* out
    _reserve(scratch, (n + 1) * sizeof(uchar))
    out = <uchar*>scratch.data
    for i in range(n):
        c = data[i]
        cls = _class_of(c)
        if cls & CH_SPACE:
            if c != 32 or gap or not started:
                changed = True
            gap = started
            if inside:
                counts.words += _token_words(cjk)
                cjk = 0
                inside = False
            continue
        if gap:
            out[size] = 32
            size += 1
            gap = False
        out[size] = <uchar>c
        size += 1
        started = True
        if c > widest:
            widest = c
        _count(c, cls, inside, &cjk, counts)
        inside = True
    if inside:
        counts.words += _token_words(cjk)
    if not changed and not gap:  # a trailing gap is trailing whitespace
        return raw
    if size == 0:
        return ""
    text = PyUnicode_New(size, widest)
    if PyUnicode_KIND(text) == sizeof(uchar):
        memcpy(PyUnicode_DATA(text), out, size * sizeof(uchar))
    else:  # narrower: the text's widest characters were spaces
        for i in range(size):
            PyUnicode_WRITE(PyUnicode_KIND(text), PyUnicode_DATA(text), i, out[i])
    return text


cdef inline void _count(Py_UCS4 c, unsigned char cls, bint inside, Py_ssize_t* cjk,
                        _Counts* counts) noexcept:
    """Count one character that is not a space; `inside`: after another of its word."""
    if not inside:
        counts.capitals += (cls & CH_UPPER) != 0
    if c >= 0x3040 and _is_cjk(c):
        cjk[0] += 1
    if cls & CH_PUNCT:
        counts.punctuation += 1
    elif cls & CH_DECIMAL:
        counts.digits = True


cdef void _count_characters(const uchar* data, Py_ssize_t n, _Counts* counts) noexcept:
    """What `_collapse_spaces` counts, for text that is not collapsed (preformatted)."""
    cdef Py_ssize_t i, cjk = 0
    cdef Py_UCS4 c
    cdef unsigned char cls
    cdef bint inside = False
    for i in range(n):
        c = data[i]
        cls = _class_of(c)
        if cls & CH_SPACE:
            if inside:
                counts.words += _token_words(cjk)
                cjk = 0
            inside = False
            continue
        _count(c, cls, inside, &cjk, counts)
        inside = True
    if inside:
        counts.words += _token_words(cjk)


cdef int _count_text(str text, _Counts* counts) except -1:
    cdef int kind = PyUnicode_KIND(text)
    cdef Py_ssize_t n = len(text)
    if kind == PyUnicode_1BYTE_KIND:
        _count_characters(<const Py_UCS1*>PyUnicode_DATA(text), n, counts)
    elif kind == PyUnicode_2BYTE_KIND:
        _count_characters(<const Py_UCS2*>PyUnicode_DATA(text), n, counts)
    else:
        _count_characters(<const Py_UCS4*>PyUnicode_DATA(text), n, counts)
    return 0


def collapse_spaces(str raw):
    """`_collapse_spaces`, for tests: the text, and the counts it makes on the way."""
    cdef _Counts counts
    cdef _Bytes scratch
    memset(&counts, 0, sizeof(counts))
    memset(&scratch, 0, sizeof(scratch))
    try:
        text = _collapse_spaces(raw, &counts, &scratch)
    finally:
        free(scratch.data)
    return text, (counts.words, counts.capitals, counts.punctuation, counts.digits)


# --- measuring a block (the reference: `extractor.features.measure`) ---------------------

cdef dict _OPENINGS = _registry._OPENINGS
cdef frozenset _COMMENT_COUNT_FIRSTS = _registry._COMMENT_COUNT_FIRSTS
cdef tuple _CREDIT_SIGNS = _registry._CREDIT_SIGNS
cdef Py_ssize_t _PROMPT_MAX_WORDS = _registry.PROMPT_MAX_WORDS
cdef object _NO_OPENING = frozenset()


cdef bint _may_phrase(str text, str lowered, Py_ssize_t words) except -1:
    """False only when `registry._may_match` is False, so `phrase_kind` is None.  Its
    tests, on the same sets (read from `registry`) and the same words (`\\w+` runs of
    `lowered`, the text lower-cased, as `phrase_kind` finds them): a credit sign; the
    first two words opening a phrase or a comment count; then any word that is a
    credit word or, in a short line, a share-bar or prompt key word (a yes here is
    only a maybe: `phrase_kind` then decides).  Most lines hold none of these, and for
    them neither the words nor the interpreter are needed."""
    cdef int kind = PyUnicode_KIND(lowered)
    cdef unsigned int wanted = V_SHORT_TRIGGER if words <= _PROMPT_MAX_WORDS else V_TRIGGER
    for sign in _CREDIT_SIGNS:
        if sign in text:
            return True
    if kind == PyUnicode_1BYTE_KIND:
        return _may_open(lowered, <const Py_UCS1*>PyUnicode_DATA(lowered), wanted)
    if kind == PyUnicode_2BYTE_KIND:
        return _may_open(lowered, <const Py_UCS2*>PyUnicode_DATA(lowered), wanted)
    return _may_open(lowered, <const Py_UCS4*>PyUnicode_DATA(lowered), wanted)


cdef inline Py_ssize_t _next_word(const uchar* data, Py_ssize_t i, Py_ssize_t n,
                                  Py_ssize_t* start) noexcept:
    """The end of the first run of `\\w` characters at or after `i` (its start in
    `start`), or -1 when there is none."""
    while i < n and not _class_of(data[i]) & CH_WORD:
        i += 1
    if i == n:
        return -1
    start[0] = i
    while i < n and _class_of(data[i]) & CH_WORD:
        i += 1
    return i


cdef bint _may_open(str lowered, const uchar* data, unsigned int wanted) except -1:
    """`_may_phrase`'s word tests, over the characters of `lowered`."""
    cdef Py_ssize_t i = 0, start, n = len(lowered), index = 0
    first = None
    while True:
        i = _next_word(data, i, n, &start)
        if i < 0:
            break
        if _find(_VOCABULARY, data, start, i) & wanted:
            return True
        if index == 0:
            first = lowered[start:i]
            if _OPENINGS.get(first, _NO_OPENING) is None:
                return True
        elif index == 1:
            second = lowered[start:i]
            if second in _OPENINGS.get(first, _NO_OPENING):
                return True
            if first.isdigit() and second in _COMMENT_COUNT_FIRSTS:
                return True
        index += 1
    return False


cdef bint _may_open_label(str lowered) except -1:
    """False only when `opening_label` is None: the line's first word, as it reads it
    (after leading spaces, up to a space or a colon), is no label's first word.  Its
    head cut (`LABEL_HEAD_CHARS`) only shortens words longer than any label's."""
    cdef int kind = PyUnicode_KIND(lowered)
    if kind == PyUnicode_1BYTE_KIND:
        return _opens_label(<const Py_UCS1*>PyUnicode_DATA(lowered), len(lowered))
    if kind == PyUnicode_2BYTE_KIND:
        return _opens_label(<const Py_UCS2*>PyUnicode_DATA(lowered), len(lowered))
    return _opens_label(<const Py_UCS4*>PyUnicode_DATA(lowered), len(lowered))


cdef bint _opens_label(const uchar* data, Py_ssize_t n) noexcept:
    cdef Py_ssize_t start = 0, end
    while start < n and _class_of(data[start]) & CH_SPACE:
        start += 1
    end = start
    while end < n and data[end] != 32 and data[end] != 58:  # a space, a colon
        end += 1
    return (_find(_VOCABULARY, data, start, end) & V_OPENER) != 0


cdef object _phrase(dict memo, str text, str lowered, Py_ssize_t words):
    """`phrase_kind(text, words)`, once per distinct text in a walk (`words` is a
    function of the text, and `phrase_kind` a pure function), and only for the lines
    `_may_phrase` lets through."""
    if not _may_phrase(text, lowered, words):
        return None
    if text in memo:
        return memo[text]
    found = memo[text] = phrase_kind_of(text, lowered, _words(lowered), words)
    return found


cdef list _words(str lowered):
    """`registry._WORDS.findall(lowered)`: the runs of `\\w` characters."""
    cdef int kind = PyUnicode_KIND(lowered)
    if kind == PyUnicode_1BYTE_KIND:
        return _words_in(lowered, <const Py_UCS1*>PyUnicode_DATA(lowered))
    if kind == PyUnicode_2BYTE_KIND:
        return _words_in(lowered, <const Py_UCS2*>PyUnicode_DATA(lowered))
    return _words_in(lowered, <const Py_UCS4*>PyUnicode_DATA(lowered))


cdef list _words_in(str lowered, const uchar* data):
    cdef Py_ssize_t i = 0, start, n = len(lowered)
    cdef list words = []
    while True:
        i = _next_word(data, i, n, &start)
        if i < 0:
            return words
        words.append(lowered[start:i])


def words_of(str lowered):
    """`_words`, for tests."""
    return _words(lowered)


def may_phrase(str text, Py_ssize_t words):
    """`_may_phrase`, for tests that hold it to `phrase_kind`."""
    return _may_phrase(text, text.lower(), words)


cdef object _NUMERIC_DATE_SEARCH = _features.NUMERIC_DATE.search
cdef object _CJK_DATE_SEARCH = _registry.CJK_DATE.search
# `registry.names_cjk_date`: one of these marks (CJK_MONTH_MARKS), then the pattern
_CJK_MONTH_MARKS = ("月", "월")
_CJK_DATE_PATTERN = r"\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]"
cdef object _YEAR_SEARCH = _features._YEAR.search
cdef object _CLOCK_SEARCH = _features._CLOCK.search
cdef Py_ssize_t _LINE_WIDTH = _features.LINE_WIDTH
cdef Py_ssize_t _CJK_CHARS_PER_WORD = _features.CJK_CHARS_PER_WORD
cdef Py_ssize_t _DATE_LINE_MAX_WORDS = _features.DATE_LINE_MAX_WORDS
cdef Py_ssize_t _PHRASE_LINE_MAX_WORDS = _features.PHRASE_LINE_MAX_WORDS


cdef bint _numeric_date_shape(str text):
    """Whether `text` holds a decimal digit, one of . / - and a decimal digit in a row,
    as every match of NUMERIC_DATE (`_NUMERIC_DATE_PATTERN`) does: most lines with a
    digit have none, and the regex search costs more than this scan."""
    cdef bint digit, after_digit = False, separator = False
    cdef Py_UCS4 c
    for c in text:
        digit = (48 <= c <= 57) if c < 128 else Py_UNICODE_ISDECIMAL(c)
        if digit:
            if separator:
                return True
            after_digit = True
        else:
            separator = after_digit and (c == 46 or c == 47 or c == 45)  # . / -
            after_digit = False
    return False


def numeric_date_shape(str text):
    """`_numeric_date_shape`, for tests."""
    return _numeric_date_shape(text)


cdef inline Py_ssize_t _token_words(Py_ssize_t cjk) noexcept:
    """features.count_words' share of one token holding `cjk` CJK characters."""
    return (cjk + _CJK_CHARS_PER_WORD - 1) // _CJK_CHARS_PER_WORD if cjk else 1


cdef Py_ssize_t _count_words(str text):
    """features.count_words."""
    cdef Py_ssize_t words = 0, cjk = 0
    cdef bint inside = False
    cdef Py_UCS4 c
    for c in text:
        if Py_UNICODE_ISSPACE(c):
            if inside:
                words += _token_words(cjk)
                cjk = 0
            inside = False
        else:
            inside = True
            if _is_cjk(c):
                cjk += 1
    if inside:
        words += _token_words(cjk)
    return words


cdef bint _ends_sentence(str text):
    """features.ends_sentence, on indexes."""
    cdef Py_ssize_t end = len(text)
    while end > 0 and Py_UNICODE_ISSPACE(text[end - 1]):
        end -= 1
    while end > 0 and _is_closer(text[end - 1]):
        end -= 1
    return end > 0 and _is_sentence_end(text[end - 1])


cdef void _count_vocabulary(const uchar* data, Py_ssize_t n, _Counts* counts) noexcept:
    """Stop words, and whether a month is named, among the words of lower-cased text
    (edge punctuation stripped), looked up in place."""
    cdef Py_ssize_t i = 0, start, end
    cdef unsigned int flags
    while i < n:
        while i < n and _class_of(data[i]) & CH_SPACE:
            i += 1
        start = i
        while i < n and not _class_of(data[i]) & CH_SPACE:
            i += 1
        end = i
        while start < end and _class_of(data[start]) & CH_EDGE:
            start += 1
        while end > start and _class_of(data[end - 1]) & CH_EDGE:
            end -= 1
        flags = _find(_VOCABULARY, data, start, end)
        if flags & V_STOP:
            counts.stop += 1
        if flags & V_MONTH:
            counts.month = True


cdef object _measure(str text, _Counts* counts, str link_text, Py_ssize_t depth,
                     str tag_path, tuple class_tokens, long long near, long long far,
                     bint in_article, bint in_boilerplate, dict phrases):
    """`features.measure`, from the characters' `counts` (`_collapse_spaces`), but for
    `position`: 0.0 until `_Walk.finish` knows the number of blocks."""
    cdef Py_ssize_t words = counts.words, link_words = 0
    cdef bint date_like = False
    if link_text:
        link_words = min(words, _count_words(link_text))
    lowered = text.lower()
    if PyUnicode_KIND(lowered) == PyUnicode_1BYTE_KIND:
        _count_vocabulary(<const Py_UCS1*>PyUnicode_DATA(lowered), len(lowered), counts)
    elif PyUnicode_KIND(lowered) == PyUnicode_2BYTE_KIND:
        _count_vocabulary(<const Py_UCS2*>PyUnicode_DATA(lowered), len(lowered), counts)
    else:
        _count_vocabulary(<const Py_UCS4*>PyUnicode_DATA(lowered), len(lowered), counts)
    if words <= _DATE_LINE_MAX_WORDS and counts.digits:  # every date pattern needs a digit
        date_like = ((_numeric_date_shape(text) and _NUMERIC_DATE_SEARCH(text) is not None)
                     or (counts.month and (_YEAR_SEARCH(text) is not None
                                    or _CLOCK_SEARCH(text) is not None))
                     # 月 and 월 are past Latin-1: an ASCII or Latin-1 line holds neither
                     or (PyUnicode_KIND(text) != PyUnicode_1BYTE_KIND
                         and ("月" in text or "월" in text)
                         and _CJK_DATE_SEARCH(text) is not None))
    return _FEATURES.build((
        words,
        link_words,
        link_words / <double>words if words else 0.0,
        words / <double>(len(text) // _LINE_WIDTH + 1),
        counts.punctuation / <double>words if words else 0.0,
        counts.stop / <double>words if words else 0.0,
        counts.capitals / <double>words if words else 0.0,
        _ends_sentence(text),
        tag_path,
        class_tokens,
        near,
        far,
        depth,
        0.0,
        in_article,
        in_boilerplate,
        _phrase(phrases, text, lowered, words) if words <= _PHRASE_LINE_MAX_WORDS else None,
        date_like,
        opening_label(text) if _may_open_label(lowered) else None,
    ))


# --- entry points ------------------------------------------------------------------------

import_lxml__etree()  # lxml's C API: elementFactory, below


cdef xmlNode* _next_element(xmlNode* c) noexcept:
    while c != NULL and c.type != tree.XML_ELEMENT_NODE:
        c = c.next
    return c


cdef unsigned long long _NONE = 0x6e6f6e65  # "none", one byte per letter
cdef unsigned long long _HIDDEN = 0x68696464656e  # "hidden"
# The last four and six letters read.  Typed: a bare literal past 32 bits is a Python
# int to Cython, and would make every step of the loop Python arithmetic.
cdef unsigned long long _FOUR_BYTES = 0xFFFFFFFFULL
cdef unsigned long long _SIX_BYTES = 0xFFFFFFFFFFFFULL


cdef bint _may_hide(const char* style) noexcept:
    """Whether a style value, spaces deleted and lower-cased, holds "none" or "hidden":
    true of every value `clean.hides` accepts ("display:none", "visibility:hidden" after
    deleting spaces and folding some letters), so the others need not be reported."""
    cdef unsigned long long window = 0
    cdef unsigned char ch
    while style[0] != 0:
        ch = <unsigned char>style[0]
        style += 1
        if ch == 32:
            continue
        if 65 <= ch <= 90:
            ch += 32
        window = ((window << 8) | ch) & _SIX_BYTES
        if (window & _FOUR_BYTES) == _NONE or window == _HIDDEN:
            return True
    return False


def clean_candidates(_Element root):
    """What `clean._CANDIDATES` finds that can matter, as `clean.candidates` lays it
    out: in document order, (element, None, None) for a <form> and (element, name,
    value) for each `hidden`, `aria-hidden` or `style` attribute, leaving out styles that
    cannot hide (`_may_hide`).  None when an attribute value is made of several nodes
    (the XPath answers for that page).

    A walk over libxml2's element nodes; the XPath's four `//` scans cost more than
    the whole segmentation walk."""
    cdef xmlNode* top = root._c_node
    cdef xmlNode* c = top
    cdef xmlNode* nxt
    cdef xmlAttr* a
    cdef xmlNode* child
    cdef char first
    found = []
    while c != NULL:
        element = None
        if c.ns == NULL and c.name[0] == b"f" and strcmp(<const char*>c.name, "form") == 0:
            element = elementFactory(root._doc, c)
            found.append((element, None, None))
        a = c.properties
        while a != NULL:
            first = a.name[0]  # most attributes are none of the three: one byte says
            if a.ns == NULL and (first == b"h" or first == b"a" or first == b"s") and (
                    strcmp(<const char*>a.name, "hidden") == 0
                    or strcmp(<const char*>a.name, "aria-hidden") == 0
                    or strcmp(<const char*>a.name, "style") == 0):
                child = a.children
                if child == NULL:
                    value = ""
                elif (child.next == NULL and child.content != NULL and
                        (child.type == tree.XML_TEXT_NODE
                         or child.type == tree.XML_CDATA_SECTION_NODE)):
                    if a.name[0] == b"s" and not _may_hide(<const char*>child.content):
                        a = a.next
                        continue
                    value = _utf8(<const char*>child.content)
                else:
                    return None
                if element is None:
                    element = elementFactory(root._doc, c)
                found.append((element, _utf8(<const char*>a.name), value))
            a = a.next
        c = _following(c, top)
    return found


cdef xmlNode* _following(xmlNode* c, xmlNode* top) noexcept:
    """The element after `c` in document order under `top`, or NULL: its first child
    element, else the next sibling element of it or of its nearest ancestor with one."""
    cdef xmlNode* nxt = _next_element(c.children)
    if nxt != NULL:
        return nxt
    while c != top:
        nxt = _next_element(c.next)
        if nxt != NULL:
            return nxt
        c = c.parent
    return NULL


def head_sources(_Element root):
    """What `metadata.python_sources` gathers, without an element object for each
    <meta> and <script>: (metas, title, h1s, scripts, noscripts).  Scripts whose type
    cannot be JSON-LD (`_may_be_json_ld`) are left out.  None when an attribute value is
    made of several nodes (the Python walk answers for that page)."""
    cdef xmlNode* top = root._c_node
    cdef xmlNode* c = top
    cdef const char* name
    cdef const char* key
    cdef const char* content
    cdef dict metas = {}
    cdef list h1s = [], scripts = [], noscripts = []
    title = None
    try:
        while c != NULL:
            name = <const char*>c.name
            if c.ns != NULL:
                pass
            elif strcmp(name, "meta") == 0:
                key = _first_set(c, "property", "name", "http-equiv")
                content = _attr(c, "content")
                if key != NULL and content != NULL and content[0] != 0:
                    metas.setdefault(_utf8(key).lower(), _utf8(content))
            elif strcmp(name, "script") == 0:
                if _may_be_json_ld(_attr(c, "type")):
                    scripts.append(elementFactory(root._doc, c))
            elif strcmp(name, "h1") == 0:
                h1s.append(elementFactory(root._doc, c))
            elif strcmp(name, "noscript") == 0:
                noscripts.append(elementFactory(root._doc, c))
            elif title is None and strcmp(name, "title") == 0:
                title = elementFactory(root._doc, c)
            c = _following(c, top)
    except _Unsupported:
        return None
    return metas, title, h1s, scripts, noscripts


def has_text_bytes(_Element element, Py_ssize_t at_least):
    """Whether the text under `element` (what its `itertext()` yields: its text and
    its descendants' text and tails) may hold `at_least` bytes of UTF-8: False only
    when it holds fewer.  A node whose text only lxml reads (an entity reference) is a
    maybe."""
    cdef xmlNode* top = element._c_node
    cdef xmlNode* c = top.children
    cdef Py_ssize_t size = 0
    while c != NULL:
        if c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE:
            if c.content != NULL:
                size += strlen(<const char*>c.content)
                if size >= at_least:
                    return True
        elif c.type == tree.XML_ENTITY_REF_NODE:
            return True
        elif c.type == tree.XML_ELEMENT_NODE and c.children != NULL:
            c = c.children
            continue
        while c != top and c.next == NULL:
            c = c.parent
        c = NULL if c == top else c.next
    return size >= at_least


cdef const char* _first_set(xmlNode* c, const char* first, const char* second,
                            const char* third) except? NULL:
    """The first of three attributes present with a value (`get(a) or get(b) or ...`)."""
    cdef const char* value = _attr(c, first)
    if value == NULL or value[0] == 0:
        value = _attr(c, second)
        if value == NULL or value[0] == 0:
            value = _attr(c, third)
    return value if value != NULL and value[0] != 0 else NULL


cdef bint _may_be_json_ld(const char* value) noexcept:
    """False only when `jsonld.is_json_ld` is False for a script of this `type`: an
    ASCII value is compared here, spaces stripped and letters folded as Python would;
    any other value is left for Python to judge."""
    cdef const char* expected = "application/ld+json"
    cdef Py_ssize_t start = 0, end, i
    cdef unsigned char ch
    if value == NULL:
        return False
    end = strlen(value)
    for i in range(end):
        if <unsigned char>value[i] >= 0x80:
            return True
    while start < end and _CLASSES[<unsigned char>value[start]] & CH_SPACE:
        start += 1
    while end > start and _CLASSES[<unsigned char>value[end - 1]] & CH_SPACE:
        end -= 1
    if end - start != <Py_ssize_t>strlen(expected):
        return False
    for i in range(end - start):
        ch = <unsigned char>value[start + i]
        if 65 <= ch <= 90:
            ch += 32
        if ch != <unsigned char>expected[i]:
            return False
    return True


def segment(_Element top, Py_ssize_t max_blocks):
    """The Segmentation of the tree under `top` (the walk's root: <body>, or the root),
    or None when the tree holds something only the Python walk reproduces exactly."""
    if _has_dtd_defaults(top._c_node.doc):
        return None
    walk = _Walk(max_blocks)
    try:
        walk.run(top._c_node)
    except _Unsupported:
        return None
    if len(walk.blocks) < max_blocks:
        walk.flush()
    for frame in walk.frames:  # still open when the walk stopped early
        walk.end_container(frame)
    return walk.finish()


def incompatibility():
    """Why this build must not be used here, or None when it may.

    The struct layouts compiled in come from the lxml (and its libxml2) present at build
    time; another lxml at run time may lay them out differently.  The inlined character
    classes must also still be the Python ones.
    """
    if lxml.__version__ != BUILT_LXML:
        return f"built against lxml {BUILT_LXML}, running lxml {lxml.__version__}"
    compiled = ".".join(map(str, lxml.etree.LIBXML_COMPILED_VERSION))
    if compiled != BUILT_LIBXML:
        return f"built against libxml2 {BUILT_LIBXML}, lxml uses {compiled}"
    for name, value in _INLINED.items():
        if getattr(_features, name) != value:
            return f"features.{name} changed; rebuild the extension"
    if _features._CJK.pattern != _CJK_PATTERN:
        return "features._CJK changed; rebuild the extension"
    if _features._SENTENCE_PUNCT.pattern != _PUNCT_PATTERN:
        return "features._SENTENCE_PUNCT changed; rebuild the extension"
    if _features._SENTENCE_ENDS != _SENTENCE_ENDS:
        return "features._SENTENCE_ENDS changed; rebuild the extension"
    if _features.NUMERIC_DATE.pattern != _NUMERIC_DATE_PATTERN:
        return "features.NUMERIC_DATE changed; rebuild the extension"
    if (_registry.CJK_DATE.pattern != _CJK_DATE_PATTERN
            or _registry.CJK_MONTH_MARKS != _CJK_MONTH_MARKS):
        return "registry.CJK_DATE changed; rebuild the extension"
    if len(GROUP_NAMES) > 62:
        return "too many markup groups for a 64-bit mask"
    return None


# --- input checks ------------------------------------------------------------------------

cdef inline bint _forbidden_ascii(unsigned char b) noexcept:
    """An ASCII control character other than tab, line feed and carriage return, or DEL:
    `parse._FORBIDDEN_CHARS`' ASCII part (tests/test_parse.py holds the two together)."""
    return (b < 0x20 and b != 0x09 and b != 0x0A and b != 0x0D) or b == 0x7F


def utf8_plain(bytes data):
    """Whether `data.decode("utf-8")` would succeed and hold none of the characters a
    tree cannot hold (U+FFFE, U+FFFF, ASCII controls but tab, LF, CR; DEL), without
    building the text: the well-formed byte
    sequences of the Unicode standard (table 3-7) are exactly what Python's strict
    decoder accepts (no overlongs, no surrogates, nothing past U+10FFFF).  `parse` needs
    the verdict for UTF-8 bytes it hands to libxml2 as they are; decoding a whole page
    only to learn it, or searching the bytes for the two characters, costs more."""
    cdef const unsigned char* p = data
    cdef Py_ssize_t n = len(data), i = 0
    cdef unsigned char b, lo, hi
    cdef int more
    cdef uint64_t word
    while i < n:
        b = p[i]
        if b < 0x80:
            if _forbidden_ascii(b):
                return False
            # ASCII, most of any page: eight bytes at a time while none has its high bit
            # and none is below 0x20 or DEL (those go one by one: a line feed is fine).
            i += 1
            while i + 8 <= n:
                memcpy(&word, p + i, 8)
                if (word & 0x8080808080808080ULL
                        or (word - 0x2020202020202020ULL) & ~word & 0x8080808080808080ULL
                        or (word + 0x0101010101010101ULL) & 0x8080808080808080ULL):
                    break
                i += 8
            continue
        lo, hi = 0x80, 0xBF
        if 0xC2 <= b <= 0xDF:
            more = 1
        elif b == 0xE0:
            more, lo = 2, 0xA0
        elif 0xE1 <= b <= 0xEC or b == 0xEE or b == 0xEF:
            more = 2
        elif b == 0xED:
            more, hi = 2, 0x9F
        elif b == 0xF0:
            more, lo = 3, 0x90
        elif 0xF1 <= b <= 0xF3:
            more = 3
        elif b == 0xF4:
            more, hi = 3, 0x8F
        else:
            return False
        if i + more >= n:
            return False
        if not lo <= p[i + 1] <= hi:
            return False
        if b == 0xEF and p[i + 1] == 0xBF and p[i + 2] >= 0xBE:
            return False  # U+FFFE, U+FFFF (a third byte past 0xBF fails below anyway)
        for k in range(2, more + 1):
            if not 0x80 <= p[i + k] <= 0xBF:
                return False
        i += more + 1
    return True
