"""Every hand-set threshold of the selection and clean-up stages, each with its reason.

Learned weights live in `data/weights.json`; what is here is what data cannot teach
(structural conventions) or what sets the operating point.  Change a value here and
run `python -m benchmarks` on every shared set before and after.
"""

from __future__ import annotations

# --- decoding -------------------------------------------------------------------------
# Bytes that fail to decode as UTF-8 are still read as UTF-8 (the broken characters
# replaced) when they hold at least this many well-formed multi-byte UTF-8 characters per
# broken one: a page cut inside a character somewhere, not a legacy-encoded page, whose
# accented letters seldom pair up into valid UTF-8 sequences.
UTF8_MIN_VALID_PER_BROKEN = 5

# --- cleaning -------------------------------------------------------------------------
# Forms without paragraphs and <noscript>s are widgets (search, login, sign-up; "enable
# JavaScript") and are dropped, unless they hold at least this many words: a page's worth
# of text, which a whole-page form (ASP.NET WebForms wraps every page in one) or a
# no-script copy of the article holds.  A widget's labels, buttons and notices are a few
# words, a sign-up's pitch a sentence or two.  The results are the same from 30 to 400.
PAGE_TEXT_MIN_WORDS = 100

# --- region choice -------------------------------------------------------------------
# A block counts for its container's region score by how far its probability is from
# this pivot: above it pulls the region in, below it pushes the region away.
# One pivot per `favor` setting: a higher pivot asks more of the blocks a region must hold,
# so the precision end of the dial also chooses tighter regions.
REGION_PIVOT = {"precision": 0.55, "balanced": 0.4, "recall": 0.3}
# Word counts are capped when weighting blocks, so one huge block cannot outvote the
# rest of the page (a terms-of-service wall, a giant comment).
REGION_WORD_CAP = 120
# The region is the tightest container inside the best one whose total falls short of
# the best by at most this share of it, and by at most REGION_TIGHTER_MAX (the pull of a
# confident paragraph of some 40 words): a wrapper that wins by a sliver has added blocks
# that cancel out (a sidebar's blurb and teasers against its link lists), while a long
# article must not lose its standfirst.  Swept 0.02/0.05/0.1 and caps 10/20/30/none:
# 0.05/20 gained dragnet 0.0024 and scrapinghub 0.0007 for cleaneval-dev 0.0005 and
# trafilatura-eval 0.0004 (0.1 or no cap cost cleaneval-dev 0.001 in recall).
REGION_TIGHTER_SHARE = 0.05
REGION_TIGHTER_MAX = 20.0
# Boilerplate inside an article (one related box) should not split it: negative
# blocks pull with this fraction of their weight.
REGION_NEGATIVE_WEIGHT = 0.6

# A box inside the region holding more than this share of the region's words is the
# article itself, whatever its class says (except comments, which can outgrow a story).
NOISE_BOX_MAX_SHARE = 0.5
# A repeated card whose kept text ends in a teaser link ("Read more...") is dropped with
# its title, unless it holds more than this share of the kept words: then it is the
# article, set in the same markup as the teasers beside it.
TEASER_CARD_MAX_SHARE = 0.5

# One of many identical cards (a teaser in a listing) pulls the region towards itself
# with its weight divided by (number of such cards) ** this (a square root: a listing of
# twenty teasers weighs like four or five blocks); swept 0, 0.25, 0.5, 1 on the shared sets:
# 0.5 gained 0.007 F1 on scrapinghub and cost nothing elsewhere, 1 cost recall on dragnet.
# Cards are counted as `context.named_signature` gives them: a box named only by its id
# (div#content) is one of a kind, not one of the page's plain <div>s (dragnet 0.9196 ->
# 0.9206: bodies set straight in such a box had lost the region to their byline).
REGION_REPEAT_DISCOUNT = 0.5

# Blocks just outside the region are kept when at least this probable (and plain text),
# walking outwards until a block of at least EXTEND_STOP_WORDS words below the keep
# threshold: the region is one container, an article is sometimes two side by side.
EXTEND_MIN_PROBABILITY = 0.9
EXTEND_STOP_WORDS = 8

# A lead paragraph (standfirst) sits in the header box between the headline and the
# body, outside the region: the walk back from the region passes at most
# LEAD_SEARCH_WORDS words of furniture (byline, date, credits) to find a paragraph of at
# least LEAD_MIN_WORDS words, ending like a sentence, at most LEAD_MAX_LINK_DENSITY linked,
# that clears the keep threshold; and then at most HEADLINE_SEARCH_WORDS words more to find
# the headline, a heading holding at least HEADLINE_TITLE_SHARE of the title's words.  A
# one-line dek is shorter; a blog's description sits above the post's own title.  Gained
# trafilatura-eval 0.0018 F1 and dragnet 0.0002; cost scrapinghub 0.0003, whose gold
# leaves standfirsts out.  The same limits serve the walk down from the headline to a lead
# that boxes of furniture part from the body (`select._lead_across_box`).
LEAD_SEARCH_WORDS = 40
LEAD_MIN_WORDS = 15
LEAD_MAX_LINK_DENSITY = 0.2
HEADLINE_SEARCH_WORDS = 30
HEADLINE_TITLE_SHARE = 0.5
# On a page where nothing but headings is kept, the paragraphs under the headline (found
# as above, past at most LEAD_SEARCH_WORDS words of furniture) are its story unless the
# scorer gives them less than UNDER_HEADLINE_MIN_PROBABILITY or more than
# UNDER_HEADLINE_MAX_LINK_DENSITY of their words are links: a short post scores low for
# being short, and the gate (nothing else kept, right under the headline) is the evidence.
# Swept 0.1-0.25: the same five dragnet pages gain at every floor, 0.2 and below also a
# forum question on trafilatura-eval (+0.0002); no page lost anything.
UNDER_HEADLINE_MIN_PROBABILITY = 0.2
UNDER_HEADLINE_MAX_LINK_DENSITY = 0.5
# A block whose element or one of its nearest HEADING_WRAP_DEPTH - 1 ancestors is an
# <h1>-<h6> is read as a heading when looking for the headline: `<h1><div>Title</div></h1>`.
HEADING_WRAP_DEPTH = 3

# A sibling of the chosen region joins it when its own total is at least this share of
# the region's: an article body split into boxes with furniture between them.
SIBLING_MIN_SHARE = 0.25
# (No threshold: when the region is one block's box, `select.paragraph_run` adds the
# maximum-sum run of its siblings on either side, the article's other paragraphs set in a
# column that also holds comments.  dragnet 0.9206 -> 0.9208, trafilatura-eval 0.9319 ->
# 0.9322, others equal; a run for every region cost precision on four sets.)

# The article's body box is the deepest container in the region holding at least this
# share of the kept words (and two kept blocks or more); kept blocks the region holds after
# it are boxes appended to the article (an author bio, a donation appeal, a disclaimer,
# teasers) and stay only when at least AFTER_BODY_MIN_PROBABILITY.  Swept 0.7-0.9 and
# 0.8-1.0 on the five shared sets: 0.8/0.9 gained on four, cost cleaneval-dev 0.0007.
BODY_BOX_SHARE = 0.8
AFTER_BODY_MIN_PROBABILITY = 0.9
BODY_BOX_MIN_BLOCKS = 2

# A list of which at least this share of the items in the article's areas is kept is the
# article's, and its other items join it (`select._complete_lists`) unless vetoed, wholly a
# link, or of fewer than LIST_ITEM_MIN_WORDS words (a tag, a name, a stray comma).  A
# recipe's short steps and a feature list's plain items fall below the threshold between
# kept neighbours.  24 pages gain items, all in their gold: scrapinghub +0.0001, dragnet
# +0.0001, readability +0.0002, trafilatura-eval +0.0001 (0.3 gains a little more by
# completing lists mostly dropped; half is the principled line).
LIST_MOSTLY_KEPT_SHARE = 0.5
LIST_ITEM_MIN_WORDS = 2

# A table inside the article's areas with kept text before and after it, holding no
# table, at least TABLE_MIN_CELLS cells, none over TABLE_CELL_MAX_WORDS words (a layout
# table holds paragraphs), and at most TABLE_MAX_LINK_DENSITY of its words linked, is a
# data table of the article: its cells are kept (`select._complete_tables`).
TABLE_MIN_CELLS = 4
TABLE_CELL_MAX_WORDS = 60
TABLE_MAX_LINK_DENSITY = 0.2

# --- keep/drop thresholds, one per `favor` setting ---------------------------------
KEEP_THRESHOLD = {"precision": 0.65, "balanced": 0.4, "recall": 0.25}
# A block below the threshold but above this share of it is kept when the blocks on both
# sides of it are kept: a short sentence between two paragraphs is part of the text.
CONTEXT_RESCUE_SHARE = 0.5
# A heading is kept when the next block is kept and the heading clears this probability.
HEADING_MIN_PROBABILITY = 0.2

# Markup groups (see patterns/markup.py) that name a box inside the article region as
# something else: its blocks are dropped whatever their score (comments read like prose).
# Chosen by counting, on scrapinghub, words such boxes hold that are / are not in gold:
# "sidebar" (page builders call every block a widget), "author", "prompt" and "related"
# wrap real article text too often to be trusted without the scorer.
NOISE_REGION_GROUPS: tuple[str, ...] = (
    "comments", "share", "navigation", "footer", "signup",
)
# Elements that, inside the article, hold something other than its text: sign-up forms,
# related-link navs, asides (pull quotes repeat the text, boxes link elsewhere), and
# article footers (tags, share tools).
NOISE_BOX_TAGS: frozenset[str] = frozenset({"form", "nav", "footer"})

# A section marker ("3 Comments", "Related") linked over more than this share of its words
# is a link to the section (a jump link in the byline), not the section's title.
SECTION_MARKER_MAX_LINK_DENSITY = 0.95

# A "Related"/"Read more" section whose blocks average at least this probability (word-
# weighted) is the rest of the article behind an expander, not a list of other stories.
RELATED_SECTION_MAX_CONFIDENCE = 0.8
# ... unless at least this share of its words sits in repeated cards (one of several
# containers with the same markup): teasers written as full sentences read like prose.
RELATED_SECTION_MAX_CARD_SHARE = 0.5

# A line opening with a filing label ("Tags:", "Filed under:", "This entry was posted") is
# the post's tags and categories at any length up to this many words (a site's full tag
# list runs to 70); longer, it is a paragraph the label was glued to without a break.
TAXONOMY_LINE_MAX_WORDS = 100

# A slideshow set inside an article numbers its slides ("1/50 Title", "2/50 ..."): at
# least this many slides counted against the same total make the run a gallery, whose
# legends are photo captions (fewer is a "1 / 5" pager or a thread's "1/3").
SLIDESHOW_MIN_SLIDES = 3
# ... and its legends are dropped only when the text kept outside it has at least this
# many words: the article is elsewhere.  With less, the gallery is the page's story.
SLIDESHOW_ARTICLE_MIN_WORDS = 150

# A short line with a date is a date line when at least this share of its words are
# numbers or month names; below it the date is a detail (a citation, a caption).
DATE_LINE_MIN_SHARE = 0.4

# --- clean-up ------------------------------------------------------------------------
# Paragraphs shorter than this (in characters of normalised text) are not deduplicated:
# short repeated lines ("Photo", "Reuters") are handled by the edge trimming instead.
DEDUP_MIN_CHARS = 20
# A line of at most this many words printed twice inside one parent element is the
# author's repetition (a recipe's repeated step, a refrain), not a copy: kept twice.  A
# longer paragraph printed twice apart, even in one element, is a CMS glitch (the seed's
# lead printed again as the sixth paragraph); printed twice in a row it stays
# (`postprocess._authored_repeat`).  Swept 0/12/20/30:
# 20 gained readability 0.0016 and a little on three other sets; 30 keeps a 27-word copy.
DEDUP_SAME_FLOW_MAX_WORDS = 20
# A kept linked list item of at least this many words (a title and its excerpt, not a
# title alone, which a blog's post list and its archive share), printed again word for
# word in a dropped block, is a teaser from a story list the page shows twice; unless at
# least REPEATED_TEASER_MAX_PROBABILITY, which only article text reaches.
REPEATED_TEASER_MIN_WORDS = 20
REPEATED_TEASER_MAX_PROBABILITY = 0.9
# A heading before the body is the headline when at least this share of its words are
# the title's: sites add or drop a word or a site name between <title> and <h1>.
HEADLINE_OVERLAP = 0.6
# Leading or trailing lines this short are trimmed when they look like furniture.
EDGE_MAX_WORDS = 12
# A paragraph closing the text with a prompt phrase anywhere in it ("We want to hear what
# you think. Submit a letter to the editor") is an appeal up to this many words; a longer
# one is prose that mentions a newsletter.  The prompt rule's own cap (PROMPT_MAX_WORDS);
# 40 gained nothing more and cost dragnet and cleaneval-dev recall.
APPEAL_MAX_WORDS = 25
# An author box is small (name, links, a bio); a container named "author" holding more
# blocks than this is a layout wrapper around the article, not a bio.
AUTHOR_BOX_MAX_BLOCKS = 5
