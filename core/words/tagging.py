"""Suggested tags for articles: keywords by TF-IDF, and the places, people and
organisations the dictionaries know.

Suggestions are computed at import, inside the pages-per-second budget, so everything
here reuses the tokens that segmentation and search indexing already put in nlp's cache
(paragraph by paragraph, as `store.search_words` splits them) and looks part-of-speech
flags up in a dict instead of running `jieba.posseg` a second time.

jieba's main dictionary tags many ordinary words `nr` (智慧, 蓝图, 周转), so a word counts
as a person only when banmian's own newspaper dictionary says so or jieba flags it as a
full name (`nrfg`); places and organisations are trusted from either dictionary. Words no
dictionary knows are jieba's HMM guesses: two-character ones (做实, 提振) are mostly
fragments and are dropped; longer ones may be names, but jieba's median IDF would rank them
above every real keyword, so they are weighed down.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import chain

from banmian.core.page.model import Article, Segmentation, Tag
from banmian.core.words import nlp

TITLE_WEIGHT = 2.0  # a title word counts as this many occurrences in the body
ENTITY_BONUS = 1.5  # names make better tags than ordinary keywords
UNKNOWN_WORD_FACTOR = 0.5  # words of no dictionary (jieba's HMM guesses)

_KINDS = {"ns": "place", "nt": "organisation", "nr": "person", "nrfg": "person"}


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies; `default` is the weight of a word never seen."""

    weights: Mapping[str, float]
    default: float
    documents: int = 0  # how many articles it was learned from; 0 for jieba's table
    # word → (score of one occurrence, kind), filled by suggest_tags as words come by,
    # and the words found to be no tag
    factors: dict[str, tuple[float, str]] = field(default_factory=dict, compare=False, repr=False)
    useless: set[str] = field(default_factory=set, compare=False, repr=False)

    def weight(self, word: str) -> float:
        return self.weights.get(word, self.default)

    @classmethod
    def general(cls) -> Idf:
        """jieba's general-language table: the weights until a database has its own."""
        return _general_idf()


@lru_cache(maxsize=1)
def _general_idf() -> Idf:
    weights, median = nlp.idf_table()
    return Idf(weights, median)


def learn_idf(documents: Iterable[Iterable[str]]) -> Idf:
    """IDF from documents given as word lists (smoothed: log((N+1)/(df+1)) + 1); an
    unseen word gets the median, as in jieba, so one new name does not outrank all."""
    df: Counter[str] = Counter()
    n = 0
    for words in documents:
        n += 1
        df.update(set(words))
    if not n:
        return Idf.general()
    weights = {w: math.log((n + 1) / (count + 1)) + 1 for w, count in df.items()}
    ordered = sorted(weights.values())
    return Idf(weights, ordered[len(ordered) // 2], documents=n)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """resources/stopwords.txt: boilerplate, reporting verbs, time and function words."""
    text = resources.files("banmian.resources").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _user_dictionary_flags() -> dict[str, str]:
    """Flags of banmian's own newspaper dictionary, the only `nr` words trusted."""
    path = resources.files("banmian.resources").joinpath("newspaper.dict")
    flags = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            flags[parts[0]] = parts[2]
    return flags


def entity_kind(word: str, flag: str | None) -> str | None:
    """`place`, `person` or `organisation` when the dictionaries say the word is one."""
    own = _user_dictionary_flags().get(word)
    if own is not None:
        return _KINDS.get(own)
    if flag is None or flag == "nr":  # jieba's main dictionary's bare `nr` is too noisy
        return None
    return _KINDS.get(flag) or ("place" if flag.startswith("ns") else None)


def article_words(title: str, paragraphs: Iterable[str], memo: dict[str, bool]) -> set[str]:
    """The distinct candidate words of an article (for learning IDF); `memo` remembers
    which tokens are candidates across the articles of one learning run."""
    tokens: set[str] = set()
    for text in (title, *paragraphs):
        tokens.update(nlp.tokens(text))
    found = set()
    for token in tokens:
        keep = memo.get(token)
        if keep is None:
            keep = memo[token] = _word_info(token) is not None
        if keep:
            found.add(token)
    return found


def _word_info(token: str) -> tuple[str, bool] | None:
    """(kind, known to a dictionary) of a token that can be a tag, else None."""
    if (
        len(token) < 2
        or token in stop_words()
        or any(ch.isdigit() for ch in token)
        or not any(ch.isalnum() for ch in token)
    ):
        return None
    flag = nlp.word_tags().get(token)
    if flag is None and len(token) == 2:
        return None  # two characters no dictionary knows: 做实, 更优 — HMM fragments
    return (entity_kind(token, flag) or "topic", flag is not None)


def _factor(word: str, idf: Idf) -> tuple[float, str]:
    """What one occurrence of `word` scores, and its kind; 0 for words that are no tag."""
    info = _word_info(word)
    if info is None:
        return (0.0, "")
    kind, known = info
    weight = idf.weight(word)
    if kind != "topic":
        weight *= ENTITY_BONUS
    elif not known and word not in idf.weights:
        weight *= UNKNOWN_WORD_FACTOR
    return (weight, kind)


def suggest_tags(article: Article, idf: Idf | None = None, limit: int = 8) -> tuple[Tag, ...]:
    """Up to `limit` tags for the article, best first, none it already carries."""
    idf = idf or Idf.general()
    counts = Counter(chain.from_iterable(map(nlp.tokens, article.paragraphs)))
    title = article.title
    if title:
        for token in nlp.tokens(title):
            counts[token] += TITLE_WEIGHT
    # one score per distinct word, kept for the process: an article repeats its words,
    # a corpus most of them; and most tokens (particles, punctuation, single characters)
    # are no tag at all, so they are set aside with one set difference
    memo, useless = idf.factors, idf.useless
    if len(memo) + len(useless) > 500_000:
        memo.clear()
        useless.clear()
    # (set(...).difference is three times quicker here than `counts.keys() - useless`)
    candidates = set(counts).difference(useless)
    for word in [w for w in candidates if w not in memo]:
        entry = _factor(word, idf)
        if entry[0]:
            memo[word] = entry
        else:
            useless.add(word)
    taken = {t.name for t in article.tags}
    scored = [(-counts[w] * memo[w][0], w) for w in candidates if w in memo and w not in taken]
    scored.sort()  # best score first, then by word
    chosen: list[Tag] = []
    for _, word in scored:
        kind = memo[word][1]
        # 跨境 says nothing 跨境电商 does not, nor 古镇口 than 古镇口核心区; but the topic
        # 社会治理 is more than a piece of the organisation 黄岛街道社会治理中心
        for t in chosen:
            if t.kind == kind and (word in t.name or t.name in word):
                break
        else:
            chosen.append(Tag(word, kind, "auto"))
            if len(chosen) == limit:
                break
    return tuple(chosen)


def with_suggestions(seg: Segmentation, idf: Idf | None = None) -> Segmentation:
    """The segmentation with every article's `suggestions` computed afresh."""
    idf = idf or Idf.general()
    return replace(
        seg,
        articles=tuple(replace(a, suggestions=suggest_tags(a, idf)) for a in seg.articles),
    )
