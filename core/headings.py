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

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from banmian.core import nlp
from banmian.core.model import Doubt, Role

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
    article: int  # index into the article list
    doubt: Doubt | None


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
    articles: int,
    found: dict[str, list[int]],
    idf: dict[str, float],
) -> list[float]:
    """Per article, 0..~2.5: the share of the heading's weighted words its body uses,
    plus bonuses for a long heading phrase or a kicker's name found verbatim."""
    weights = [(w, max(idf[w], 0.05)) for w in words]
    total = sum(weight for _w, weight in weights)
    shared = [0] * articles
    for w, weight in weights:
        for i in found[w]:
            shared[i] += weight
    scores = [weight / total if total else 0.0 for weight in shared]
    phrases, name = cues
    for i in {i for p in phrases for i in found[p]}:
        scores[i] += 0.5
    if name:
        for i in found[name]:
            scores[i] += 1.0
    return scores


def neighbours(
    piece_line: int, article_lines: Sequence[tuple[int, int]]
) -> tuple[int | None, int | None]:
    """The articles whose text ends last before / starts first after a heading line."""
    before = [i for i, (first, last) in enumerate(article_lines) if last < piece_line]
    after = [i for i, (first, last) in enumerate(article_lines) if first > piece_line]
    prev = max(before, key=lambda i: article_lines[i][1]) if before else None
    nxt = min(after, key=lambda i: article_lines[i][0]) if after else None
    return prev, nxt


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
    lexical = [
        lexical_scores(ws, c, len(bodies), found, idf) for ws, c in zip(words, cues, strict=True)
    ]
    near = [neighbours(p.first, article_lines) for p in pieces]

    # Which side do this page's headings sit on? Evidence from the words, then the layout.
    lean = 0.0
    for scores, (prev, nxt) in zip(lexical, near, strict=True):
        if prev is not None and nxt is not None:
            lean += scores[prev] - scores[nxt]
    lean += (0.5 if page_ends_with_heading else 0.0) - (0.5 if page_starts_with_heading else 0.0)
    headings_after = lean > 0

    totals: list[list[float]] = []
    for scores, (prev, nxt) in zip(lexical, near, strict=True):
        own, other = (prev, nxt) if headings_after else (nxt, prev)
        row = []
        for i, lex in enumerate(scores):
            prior = 0.6 if i == own else 0.3 if i == other else 0.0
            if prior == 0.0 and own is not None and abs(i - own) <= 2:
                prior = 0.1
            if articles[i].continued_from:
                prior -= 0.3  # a fragment from another page rarely repeats its heading here
            row.append(lex + prior)
        totals.append(row)

    chosen: dict[int, int] = {}
    taken: dict[tuple[int, Role], int] = {}
    pairs = sorted(
        ((totals[p][a], p, a) for p in range(len(pieces)) for a in range(len(articles))),
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
            chosen[p] = max(range(len(articles)), key=lambda a: totals[p][a])

    return [_attachment(pieces[p], totals[p], chosen[p], articles) for p in range(len(pieces))]


def _attachment(
    piece: HeadingPiece, scores: list[float], chosen: int, articles: Sequence[ArticleText]
) -> Attachment:
    ranked = sorted(range(len(scores)), key=lambda a: -scores[a])
    rival = next((a for a in ranked if a != chosen), None)
    if rival is None:
        return Attachment(chosen, None)
    mine, theirs = max(scores[chosen], 0.0), max(scores[rival], 0.0)
    confidence = mine / (mine + theirs) if mine + theirs > 0 else 0.5
    if chosen != ranked[0]:
        reason = "its best match already has a heading of this kind"
    elif confidence < 0.75:
        reason = "the heading fits two articles almost equally"
    else:
        return Attachment(chosen, None)
    doubt = Doubt(
        about="heading",
        confidence=round(min(confidence, 0.74), 3),
        reason=reason,
        lines=(piece.first, piece.last),
        alternatives=(articles[chosen].id, articles[rival].id),
    )
    return Attachment(chosen, doubt)
