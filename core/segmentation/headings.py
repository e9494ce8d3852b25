"""Which article a heading belongs to, decided by evidence rather than by page order.

Extraction tools disagree on where headings land: after their article's body (the
sample page), before it (most others), or interleaved with other articles' headings. So
each heading block is scored against every article by
- shared words: the heading's jieba words found in the article's text, weighted by IDF
  over the page's articles (a word every article uses says nothing);
- names: a kicker's organisation (`区财政局———`) or a long heading phrase occurring
  verbatim in the body;
- position: the neighbouring article on the side the page's headings evidently sit on
  (learnt from the page itself), less for the other neighbour, a little for near ones.
Headings are then handed out best pair first, an article taking at most one headline and
one kicker, and every close call is reported as a doubt naming the alternatives.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from banmian.core.page.model import Role
from banmian.core.words import nlp

_STOP = frozenset(
    [
        "本报",
        "记者",
        "报道",
        "通讯员",
        "我们",
        "他们",
        "进行",
        "一个",
        "这个",
        "今年",
        "去年",
        "工作",
        "方面",
        "全面",
        "推进",
        "坚持",
    ]
)
_PHRASE_SPLIT = re.compile(r"[\s，,。、：:；;！!？?“”\"'‘’《》（）()—\-·]+")
_SLOTS = {Role.HEADLINE: 1, Role.KICKER: 1, Role.SUBHEADLINE: 2}


@dataclass
class HeadingPiece:
    """A heading block waiting for its article; `group` numbers the heading group."""

    role: Role
    first: int
    last: int
    text: str
    group: int


@dataclass
class ArticleText:
    """What the scorer knows of an article: its body text and where it sits."""

    id: str
    body: str
    continued_from: str | None = None


@dataclass(frozen=True)
class Attachment:
    """Where a heading goes, how clearly (its score's share against the best other
    article's, before calibration), and that other article."""

    article: int  # index into the article list
    confidence: float
    rival: int | None
    reason: str
    # what the choice rests on, named by heading_odds.EVIDENCE: its probability's input
    evidence: tuple[float, ...] = ()


def heading_words(text: str) -> list[str]:
    return [w for w in dict.fromkeys(nlp.words(text)) if w not in _STOP]


def verbatim_cues(piece: HeadingPiece) -> tuple[list[str], str]:
    """What of a heading may occur word for word in its article: its long phrases, and
    for a kicker its whole text (an organisation's name, `区财政局———` → 区财政局)."""
    phrases = [p for p in _PHRASE_SPLIT.split(piece.text) if len(p) >= 4]
    name = _PHRASE_SPLIT.sub("", piece.text) if piece.role is Role.KICKER else ""
    return phrases, name if len(name) >= 3 else ""


def bodies_using(needles: set[str], bodies: Sequence[str]) -> dict[str, list[int]]:
    """For each heading word or phrase, the indexes of the bodies it occurs in (a
    substring test: no tokenising of bodies needed, so a page costs a few heading lines
    of jieba, not a full pass). Found once per page, as headings repeat their words."""
    return {w: [i for i, body in enumerate(bodies) if w in body] for w in needles}


def idf_weights(words: set[str], found: dict[str, list[int]], articles: int) -> dict[str, float]:
    """IDF of each heading word over the page's articles."""
    return {w: math.log((articles + 1) / (len(found[w]) + 0.5)) for w in words}


def lexical_scores(
    words: list[str],
    cues: tuple[list[str], str],
    found: dict[str, list[int]],
    idf: dict[str, float],
    reach: range | None = None,
) -> dict[int, float]:
    """For the articles whose body uses any of the heading's words, 0..~2.5: the share of
    the heading's weighted words the body uses, plus bonuses for a long heading phrase or
    a kicker's name found verbatim. Sparse: an article sharing nothing, or beyond
    `reach`, is left out, so a page of many headings and articles costs what they share
    nearby, not their product."""
    weights = [(w, max(idf[w], 0.05)) for w in words]
    total = sum(weight for _w, weight in weights)
    scores: dict[int, float] = {}

    def near(indexes: list[int]) -> list[int]:
        return indexes if reach is None else [i for i in indexes if i in reach]

    for w, weight in weights:
        for i in near(found[w]):
            scores[i] = scores.get(i, 0.0) + (weight / total if total else 0.0)
    phrases, name = cues
    for i in {i for p in phrases for i in near(found[p])}:
        scores[i] = scores.get(i, 0.0) + 0.5
    if name:
        for i in near(found[name]):
            scores[i] = scores.get(i, 0.0) + 1.0
    return scores


REACH = 12  # a heading is weighed against the articles this close to its neighbours


def _reach(pair: tuple[int | None, int | None], articles: int) -> range:
    """The article indexes a heading may belong to: around its neighbours."""
    anchors = [i for i in pair if i is not None] or [0]
    return range(max(0, min(anchors) - REACH), min(articles, max(anchors) + REACH + 1))


def neighbour_finder(
    article_lines: Sequence[tuple[int, int]],
) -> Callable[[int], tuple[int | None, int | None]]:
    """For a heading line: the article whose text ends last before it and the one whose
    text starts first after it (ties: the lower index), found by bisection so that a
    page of many headings and articles costs n log n."""
    by_last = sorted((last, -i) for i, (_first, last) in enumerate(article_lines))
    by_first = sorted((first, i) for i, (first, _last) in enumerate(article_lines))
    lasts = [last for last, _ in by_last]
    firsts = [first for first, _ in by_first]

    def find(line: int) -> tuple[int | None, int | None]:
        k = bisect.bisect_left(lasts, line)
        prev = -by_last[k - 1][1] if k else None
        j = bisect.bisect_right(firsts, line)
        nxt = by_first[j][1] if j < len(by_first) else None
        return prev, nxt

    return find


def attach_headings(
    pieces: Sequence[HeadingPiece],
    articles: Sequence[ArticleText],
    article_lines: Sequence[tuple[int, int]],
    page_starts_with_heading: bool,
    page_ends_with_heading: bool,
) -> list[Attachment]:
    """An attachment for each piece (same order); empty when there is no article."""
    if not articles:
        return []
    bodies = [a.body for a in articles]
    words = [heading_words(p.text) for p in pieces]
    cues = [verbatim_cues(p) for p in pieces]
    all_words = {w for ws in words for w in ws}
    found = bodies_using(all_words | {c for ps, n in cues for c in (*ps, n) if c}, bodies)
    idf = idf_weights(all_words, found, len(bodies))
    find = neighbour_finder(article_lines)
    near = [find(p.first) for p in pieces]
    lexical = [
        lexical_scores(ws, c, found, idf, _reach(pair, len(articles)))
        for ws, c, pair in zip(words, cues, near, strict=True)
    ]

    # Which side do this page's headings sit on? Evidence from the words, then the layout.
    lean = 0.0
    for scores, (prev, nxt) in zip(lexical, near, strict=True):
        if prev is not None and nxt is not None:
            lean += scores.get(prev, 0.0) - scores.get(nxt, 0.0)
    lean += (0.5 if page_ends_with_heading else 0.0) - (0.5 if page_starts_with_heading else 0.0)
    headings_after = lean > 0

    # Each piece is scored against its candidates only: its neighbours (and theirs, two
    # articles either way) and the articles that share its words.
    totals: list[dict[int, float]] = []
    for scores, (prev, nxt) in zip(lexical, near, strict=True):
        own, other = (prev, nxt) if headings_after else (nxt, prev)
        candidates = set(scores)
        for anchor in (own, other):
            if anchor is not None:
                candidates.update(range(max(0, anchor - 2), min(len(articles), anchor + 3)))
        row = {}
        for i in candidates:
            prior = 0.6 if i == own else 0.3 if i == other else 0.0
            if prior == 0.0 and own is not None and abs(i - own) <= 2:
                prior = 0.1
            if articles[i].continued_from:
                prior -= 0.3  # a fragment from another page rarely repeats its heading here
            row[i] = scores.get(i, 0.0) + prior
        totals.append(row or {0: 0.0})

    chosen: dict[int, int] = {}
    taken: dict[tuple[int, Role], int] = {}
    pairs = sorted(
        ((score, p, a) for p, row in enumerate(totals) for a, score in row.items()),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for _score, p, a in pairs:
        if p in chosen:
            continue
        role = pieces[p].role
        if taken.get((a, role), 0) >= _SLOTS.get(role, 9):
            continue
        chosen[p] = a
        taken[(a, role)] = taken.get((a, role), 0) + 1
    for p in range(len(pieces)):  # every slot was full: fall back to the best score
        if p not in chosen:
            chosen[p] = max(totals[p], key=lambda a: (totals[p][a], -a))

    side = math.tanh(abs(lean) / max(1, len(pieces)))
    out = []
    for p, piece in enumerate(pieces):
        attachment = _attachment(totals[p], chosen[p])
        own, other = near[p] if headings_after else near[p][::-1]
        rivals = [v for a, v in lexical[p].items() if a != chosen[p]]
        evidence = (
            attachment.confidence,
            lexical[p].get(chosen[p], 0.0),
            max(rivals, default=0.0),
            float(chosen[p] == own),
            float(chosen[p] == other),
            side,
            float(piece.role is Role.HEADLINE),
            float(piece.role is Role.KICKER),
            float(attachment.reason.startswith("its best")),
            math.log1p(len(totals[p])),
        )
        out.append(replace(attachment, evidence=evidence))
    return out


def _attachment(scores: dict[int, float], chosen: int) -> Attachment:
    ranked = sorted(scores, key=lambda a: (-scores[a], a))
    rival = next((a for a in ranked if a != chosen), None)
    if rival is None:
        return Attachment(chosen, 1.0, None, "")
    mine, theirs = max(scores[chosen], 0.0), max(scores[rival], 0.0)
    confidence = mine / (mine + theirs) if mine + theirs > 0 else 0.5
    if chosen != ranked[0]:
        return Attachment(
            chosen, min(confidence, 0.5), rival, "its best match already has a heading of this kind"
        )
    return Attachment(chosen, confidence, rival, "the heading fits two articles")
