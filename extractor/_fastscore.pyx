# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""Compiled twin of the two scoring stages' arithmetic (`score.score` and
`context.revise` without reasons): the same probabilities, to the last bit.

Why it exists: both stages are a dot product per block, and in Python most of their
cost is building a feature dict and a contribution list for every block.  Here the
feature values go straight into the sum.

What it must keep, so the probabilities equal the Python ones exactly:

* each stage sums its non-zero contributions in the order the Python code does
  (`score.vector`'s key order; `context.CONTEXT_FEATURES` order), starting from 0, and
  adds the bias last;
* every transcendental goes through the same libm functions Python's `math` calls
  (`log1p`, `log`, `exp`);
* `score.py` and `context.py` hand it the weights laid out in their feature order
  (`score.first_stage_layout`, `context.second_stage_layout`), and use it only while
  the features it computes by name (`BASE_FEATURES`, `CONTEXT_FEATURES`) are still
  theirs; tests/test_fastscore.py checks the definitions agree.

No module-level mutable state.
"""

from libc.math cimport exp, fabs, log, log1p, pow

# The features computed below, in order: score.FEATURE_NAMES' always-computed head
# (kinds, phrases and markup groups follow, weighted through dicts and lists) ...
BASE_FEATURES = (
    "log_words", "few_words", "link_density", "all_link", "stopword_ratio", "punctuation",
    "text_density", "capital_ratio", "sentence_end", "in_article", "in_boilerplate_tag",
    "date_like", "position_middle",
)
# ... and context.CONTEXT_FEATURES.
CONTEXT_FEATURES = (
    "own", "prev", "next", "prev2", "next2", "card_link_density", "card_mean", "in_list",
    "card_repeats", "jsonld_page", "jsonld_match",
)

cdef enum:
    N_BASE = 13  # score.FEATURE_NAMES' leading, always-computed features
    N_CONTEXT = 11  # context.CONTEXT_FEATURES
    MAX_GROUPS = 62


cdef inline double _sigmoid(double logit) noexcept:
    if logit > 30.0:
        logit = 30.0
    elif logit < -30.0:
        logit = -30.0
    return 1.0 / (1.0 + exp(-logit))


cdef inline double _add(double total, double weight, double value) noexcept:
    return total + weight * value if value != 0.0 else total


def first_stage(
    tuple blocks,
    double bias,
    list base,
    dict kind_weights,
    dict phrase_weights,
    list near_weights,
    list far_weights,
    double max_log_words,
    double max_punctuation,
    double max_text_density,
):
    """Block probabilities, as `score.score` computes them.

    `base` holds the weights of the 13 always-computed features in `score.vector`'s
    order; `kind_weights` maps a BlockKind to its feature's weight (absent: no feature),
    `phrase_weights` a phrase group to its weight; `near_weights[i]`/`far_weights[i]`
    are the weights of markup group bit i.
    """
    cdef double w[N_BASE]
    cdef double near[MAX_GROUPS]
    cdef double far[MAX_GROUPS]
    cdef Py_ssize_t i, n_groups = len(near_weights)
    cdef double total, value, words, position
    cdef long long near_bits, far_bits, named, bit
    cdef int index
    for i in range(N_BASE):
        w[i] = base[i]
    for i in range(n_groups):
        near[i] = near_weights[i]
        far[i] = far_weights[i]
    out = []
    for block in blocks:
        f = block.features
        words = f.words
        total = 0.0
        value = log1p(words)
        total = _add(total, w[0], value if value < max_log_words else max_log_words)
        total = _add(total, w[1], 1.0 if words < 5 else 0.0)
        value = f.link_density
        total = _add(total, w[2], value)
        total = _add(total, w[3], 1.0 if value > 0.95 else 0.0)
        total = _add(total, w[4], f.stopword_ratio)
        value = f.punctuation
        total = _add(total, w[5], value if value < max_punctuation else max_punctuation)
        value = f.text_density
        value = value if value < max_text_density else max_text_density
        total = _add(total, w[6], value / max_text_density)
        total = _add(total, w[7], f.capital_ratio)
        total = _add(total, w[8], 1.0 if f.sentence_end else 0.0)
        total = _add(total, w[9], 1.0 if f.in_article else 0.0)
        total = _add(total, w[10], 1.0 if f.in_boilerplate_tag else 0.0)
        total = _add(total, w[11], 1.0 if f.date_like else 0.0)
        position = f.position
        total = _add(total, w[12], 1.0 - fabs(2.0 * position - 1.0))
        weight = kind_weights.get(block.kind)
        if weight is not None:
            total += <double>weight
        phrase = f.phrase
        if phrase:
            weight = phrase_weights.get(phrase)
            total += <double>weight if weight is not None else 0.0
        far_bits = f.far_groups
        if far_bits:
            near_bits = f.near_groups
            named = (near_bits | far_bits) & ((<long long>1 << n_groups) - 1)
            index = 0
            while named:
                bit = <long long>1 << index
                if named & bit:
                    named ^= bit
                    if near_bits & bit:
                        total += near[index]
                    if far_bits & bit:
                        total += far[index]
                index += 1
        out.append(_sigmoid(bias + total))
    return out


cdef inline double _logit(double p, double max_logit) noexcept:
    if p < 1e-6:
        p = 1e-6
    elif p > 1 - 1e-6:
        p = 1 - 1e-6
    cdef double z = log(p / (1 - p))
    return -max_logit if z < -max_logit else (max_logit if z > max_logit else z)


def second_stage(
    tuple blocks,
    list probabilities,
    tuple cards,
    tuple repeats,
    frozenset list_items,
    list matches,
    double bias,
    list weights,
    double max_logit,
):
    """Revised probabilities, as `context.revise` computes them without reasons.

    `cards`/`repeats` are `context.Cards`' fields; `matches` is each block's JSON-LD
    match share, or None when the page declares no article body.
    """
    cdef Py_ssize_t n = len(blocks), i, first, end
    cdef double w[N_CONTEXT]
    cdef double total, card_words
    cdef list z = [0.0, 0.0]
    cdef list cum_words = [0]
    cdef list cum_links = [0]
    cdef list cum_z = [0.0]
    cdef double running_z = 0.0, zi
    cdef long long running_words = 0, running_links = 0, words
    for i in range(N_CONTEXT):
        w[i] = weights[i]
    for i in range(n):
        f = (<object>blocks[i]).features
        words = f.words
        zi = _logit(probabilities[i], max_logit)
        z.append(zi)
        running_words += words
        running_links += <long long>f.link_words
        running_z += zi * words
        cum_words.append(running_words)
        cum_links.append(running_links)
        cum_z.append(running_z)
    z.extend((0.0, 0.0))  # z[i + 2] is block i's logit; neighbours past the ends are 0
    declared = matches is not None
    out = []
    for i in range(n):
        card = cards[i]
        if card is None:
            first, end = i, i + 1
        else:
            first, end = card.first_block, card.end_block
        card_words = <long long>cum_words[end] - <long long>cum_words[first]
        if card_words < 1:
            card_words = 1
        total = 0.0
        total = _add(total, w[0], z[i + 2])
        total = _add(total, w[1], z[i + 1])
        total = _add(total, w[2], z[i + 3])
        total = _add(total, w[3], z[i])
        total = _add(total, w[4], z[i + 4])
        total = _add(
            total, w[5], (<long long>cum_links[end] - <long long>cum_links[first]) / card_words
        )
        total = _add(total, w[6], (<double>cum_z[end] - <double>cum_z[first]) / card_words)
        total = _add(
            total, w[7], 0.0 if list_items.isdisjoint(blocks[i].containers) else 1.0
        )
        total = _add(total, w[8], log(<double>repeats[i]))
        if declared:
            total = _add(total, w[9], 1.0)
            total = _add(total, w[10], matches[i])
        out.append(_sigmoid(bias + total))
    return out


def region_totals(
    tuple blocks,
    list probabilities,
    tuple repeats,
    Py_ssize_t containers,
    double pivot,
    long long word_cap,
    double negative_weight,
    double repeat_discount,
):
    """Each container's word-weighted sum of its blocks' (probability - pivot), as
    `select.region_totals` sums it: block by block, each weight added to the block's
    containers in order, so every total is the same float."""
    cdef list totals = [0.0] * containers
    cdef double weight
    cdef long long words
    cdef Py_ssize_t i, cid
    for i in range(len(blocks)):
        block = <object>blocks[i]
        words = block.features.words
        if words > word_cap:
            words = word_cap
        weight = <double>words * (<double>probabilities[i] - pivot)
        if weight < 0:
            weight *= negative_weight
        else:
            weight /= pow(<double><long long>repeats[i], repeat_discount)
        for c in <tuple>block.containers:
            cid = c
            totals[cid] = <double>totals[cid] + weight
    return totals
