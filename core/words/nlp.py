"""The one place jieba is imported: words of a text, loaded lazily and cached.

jieba takes most of a second to build its prefix dictionary, so nothing imports it until
a word is actually needed, and the newspaper user dictionary under resources/ is loaded
once with it. Tokens are cached per text so that segmenting a page, indexing it for search
and suggesting its tags tokenise each paragraph only once, and per clause below that,
because pages repeat clauses (datelines, bylines, set phrases) far more than paragraphs.

The cut itself is jieba-rs's where rjieba is installed (`fast_cut`: the same tokens,
10–15 times sooner); without it, or with `BANMIAN_TOKENISER=jieba`, jieba cuts alone
(the same tokens, slower), and `tokeniser()` says which one runs.
"""

from __future__ import annotations

import logging
import marshal
import os
import re
from functools import lru_cache
from importlib import resources
from typing import Any, BinaryIO

from banmian.core.words import fast_cut

_jieba: Any = None
log = logging.getLogger(__name__)


def jieba_module() -> Any:
    """jieba, initialised with banmian's user dictionary on first use."""
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.marshal = _WholeFileMarshal
        user_dict = resources.files("banmian.resources").joinpath("newspaper.dict")
        if user_dict.is_file():
            with resources.as_file(user_dict) as path:
                jieba.load_userdict(str(path))
        jieba.initialize()
        _jieba = jieba
    return _jieba


class _WholeFileMarshal:
    """What jieba reads its cached prefix dictionary with: `marshal.load` on an open
    file calls back into Python for every one of its half-million words (1.5 s here),
    reading the file whole and decoding it in one go takes a third of that. Every
    process that tokenises (each import worker, the window on first use) pays it once."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file: BinaryIO) -> Any:
        return marshal.loads(file.read())


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[str, ...]:
    """The words of `text`: exactly `jieba.lcut(text)` (accurate mode, HMM on for
    unknown names), computed by the fast cut when there is one."""
    fast = _fast_cut()
    if fast is not None and not fast_cut.OUTSIDE_JIEBA.search(text):
        return fast(text)
    return jieba_tokens(text)


def jieba_tokens(text: str) -> tuple[str, ...]:
    """`jieba.lcut(text)`, by jieba alone.

    jieba itself cuts a text as independent clauses — the runs its `re_han` pattern
    matches, and what lies between them — so cutting clause by clause and caching each
    gives exactly `jieba.lcut(text)`, while a clause seen before costs a lookup.
    """
    clauses = _clause_pattern().split(text)
    if len(clauses) == 1:
        return _clause_tokens(text)
    found: list[str] = []
    for clause in clauses:
        if clause:
            found += _clause_tokens(clause)
    return tuple(found)


@lru_cache(maxsize=32768)
def _clause_tokens(clause: str) -> tuple[str, ...]:
    return tuple(jieba_module().lcut(clause))


@lru_cache(maxsize=1)
def _fast_cut() -> fast_cut.Cut | None:
    if os.environ.get("BANMIAN_TOKENISER", "").strip().lower() == "jieba":
        return None
    cut = fast_cut.cutter(jieba_module())
    if cut is None:
        log.info("rjieba is not installed: jieba tokenises alone (the same words, slower)")
    return cut


def tokeniser() -> str:
    """What cuts the words: 'rjieba' (with jieba's dictionary and HMM) or 'jieba'."""
    return "jieba" if _fast_cut() is None else "rjieba"


def load() -> None:
    """Load every dictionary now (the window's warm-up, a worker's start), not at the
    first word."""
    _fast_cut()


@lru_cache(maxsize=1)
def _clause_pattern() -> re.Pattern:
    jieba_module()
    import jieba

    return jieba.re_han_default


def words(text: str) -> list[str]:
    """Tokens that carry meaning: two or more characters, not punctuation or digits."""
    return [
        t
        for t in tokens(text)
        if len(t) >= 2
        and not t.isdigit()
        and (t[0].isalnum() or any(ch.isalnum() for ch in t))  # most words: the first test
    ]


def index_text(text: str) -> str:
    """Text as space-joined words, the form SQLite FTS5 can match Chinese words in."""
    # a jieba token is all whitespace or holds none, so splitting drops exactly the
    # whitespace tokens (in C, where a filter per token would run in Python)
    return " ".join(" ".join(tokens(text)).split())


def word_tags() -> dict[str, str]:
    """jieba's part-of-speech flag of every dictionary word (`ns` place, `nr` person,
    `nt` organisation …), user dictionary included.

    Looking a cached token up here costs nothing, whereas `jieba.posseg` segments the
    text a second time; import runs inside a pages-per-second budget.
    """
    import jieba.posseg

    jieba_module()
    jieba.posseg.dt.makesure_userdict_loaded()
    return jieba.posseg.dt.word_tag_tab


def idf_table() -> tuple[dict[str, float], float]:
    """jieba's general-language IDF table and its median: the fallback weights until a
    database holds enough of its own articles to learn from."""
    import jieba.analyse

    jieba_module()
    tfidf = jieba.analyse.default_tfidf
    return tfidf.idf_freq, tfidf.median_idf


def breaks_inside_word(before: str, after: str) -> bool:
    """Whether a heading's line break between `before` and `after` falls inside a word
    or leaves a word's remnant: a jieba word runs across it (`联邦议` + `会`, `分` +
    `组审议`), or what follows is one short word finishing the phrase (`不负家人` +
    `期盼`). Two phrases of their own (`强化“四个聚焦”` + `实现“四个突破”`) stay apart."""
    joined = before + after
    at, edge = 0, len(before)
    for token in tokens(joined):
        if at < edge < at + len(token):
            return True
        at += len(token)
    rest = tokens(after)
    return len(rest) == 1 and len(after) <= 2 and len(before) >= 4 and after.isalnum()


def _install_word_break_rule() -> None:
    from banmian.core.page import reflow

    reflow.set_word_break_rule(breaks_inside_word)


_install_word_break_rule()


def word_across(before: str, after: str) -> bool:
    """Whether a word of jieba's dictionary runs across the join of two texts
    (`新增就` + `业2000人`, `该航线的开` + `通`): the evidence that a line break, or a
    column break, fell inside a word. Dictionary look-ups only, so the segmenter can ask
    it of every line break of a page for the price of a few dict probes.

    jieba's dictionary holds every prefix of every word (with frequency 0 when the prefix
    is no word itself), so once `tail + head` is missing no longer head can make a word:
    the probes stop there."""
    freq = _dictionary()
    for k in (1, 2, 3):
        tail = before[-k:]
        if len(tail) < k:
            break
        for m in range(1, 5 - k):
            head = after[:m]
            if len(head) < m:
                break
            found = freq.get(tail + head)
            if found:
                return True
            if found is None:
                break
    return False


def is_word(text: str) -> bool:
    """Whether `text` is a word of jieba's dictionary (not merely a prefix of one)."""
    return bool(_dictionary().get(text))


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, int]:
    return jieba_module().dt.FREQ
