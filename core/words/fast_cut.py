"""jieba's accurate-mode cut (HMM on), computed with jieba-rs where that gives exactly
jieba's tokens: 10–15 times faster, and import spends most of its time tokenising.

Only `nlp` imports this; nothing else may tokenise. jieba stays the dictionary: the
Rust tokeniser (the `rjieba` bindings) is built from jieba's own word frequencies, user
dictionary included, with the same total, so both find the same best route through a
sentence's dictionary words. Their hidden Markov models for unknown words differ
(measured: `rjieba.cut` and `jieba.lcut` disagree on 1 token in 13,000, mostly `四季常在`
and URLs), so the Rust side only finds the route (`hmm=False`) and the runs of single
characters in it go through jieba's own HMM, as jieba does itself (`Tokenizer.__cut_DAG`):
a run of two or more that is no dictionary word is jieba's `finalseg.cut` of it, cached,
since the same runs come back on every page.

Texts holding characters jieba-rs reads as Chinese but jieba does not (CJK extensions,
compatibility ideographs) would be cut into other clauses; `cutter` leaves those to jieba.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

Cut = Callable[[str], tuple[str, ...]]

# Ideographs jieba-rs reads as Chinese (its RE_HAN_DEFAULT: extension A, U+9FD6-9FFF,
# compatibility ideographs, the supplementary planes) and jieba's clause pattern
# (U+4E00-9FD5) does not: a text holding one is cut by jieba itself.
OUTSIDE_JIEBA = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")

# A word jieba never looks up (no clause holds U+0000) that carries the difference
# between jieba's frequency total and the sum of its words: jieba adds a user word's
# frequency to the total even when the word was in its main dictionary, jieba-rs
# replaces it; the total divides every word's probability.
_BALANCE = "\x00"


def cutter(jieba: Any) -> Cut | None:
    """The fast cut over `jieba`'s dictionary (initialised), or None without rjieba."""
    try:
        import rjieba
    except ImportError:
        return None
    han = _han_chars(jieba.re_han_default.pattern)
    # one regex call a word (of 350,000, in every worker at its start), not a generator
    whole = re.compile(jieba.re_han_default.pattern.removeprefix("(").removesuffix(")")).fullmatch
    freq: dict[str, int] = jieba.dt.FREQ
    rust = rjieba.Jieba.empty()
    add = rust.add_word
    total = 0
    for word, count in freq.items():
        # a word jieba can never see whole (a character outside its clauses) stays out
        if count and whole(word):
            add(word, count, None)
            total += count
    if jieba.dt.total > total:
        add(_BALANCE, jieba.dt.total - total, None)
    route = rust.cut
    hmm = _hmm_cut(jieba.finalseg)

    def cut(text: str) -> tuple[str, ...]:
        out: list[str] = []
        run = ""  # single characters of one clause, as jieba's `buf`
        for token in route(text, False):
            if len(token) == 1:
                if token in han:
                    run += token
                    continue
            elif token.isascii() and token.isalnum() and not freq.get(token):
                # jieba-rs without its HMM joins a route's single letters and digits
                # (`C919`); jieba keeps them in the run of single characters
                run += token
                continue
            if run:
                out += _run_tokens(run, freq, hmm)
                run = ""
            out.append(token)
        if run:
            out += _run_tokens(run, freq, hmm)
        return tuple(out)

    return cut


def _run_tokens(run: str, freq: dict[str, int], hmm: Cut) -> tuple[str, ...] | str:
    """jieba's reading of a run of single characters on the best route."""
    if len(run) == 1:
        return (run,)
    if freq.get(run):
        return run  # a word the route passed by, cut in characters (as jieba does)
    return hmm(run)


def _hmm_cut(finalseg: Any) -> Cut:
    """jieba's HMM for unknown words (`jieba.finalseg`, handed over by `nlp`: only that
    module imports jieba), cached per run of characters."""

    @lru_cache(maxsize=65536)
    def hmm(run: str) -> tuple[str, ...]:
        return tuple(finalseg.cut(run))

    return hmm


def _han_chars(pattern: str) -> frozenset[str]:
    """The characters of jieba's clause pattern `([…]+)`, as a set: one lookup a token."""
    one = re.compile(pattern.removeprefix("(").removesuffix("+)"))
    return frozenset(ch for ch in map(chr, range(0x10000)) if one.fullmatch(ch))
