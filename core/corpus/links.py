"""Links between the fragments of one article across pages: `（下转第二版）` on page 1 and
`（上接第一版）` on page 2.

A *head* is a fragment that goes on elsewhere (`continued_to` set), a *tail* one that
comes from elsewhere (`continued_from` set); a fragment in the middle of a chain is
both. The linker pairs heads with tails of the same newspaper and date, weighing the
evidence of each pair in log-odds (`score`), each observation worth what it says:

- the page numbers: the head names the tail's page and the tail names the head's page
  (both: nothing to explain; one only: a misprint, about one mark in twenty);
- the join: a word of jieba's dictionary route running across the join of the head's
  last paragraph and the tail's first (`新增就` + `业2000人`), or, the head stopping
  mid-sentence, none;
- the tail's title repeating or shortening the head's (`（上接第一版）` pages reprint the
  headline, or a 接 title), or being another;
- names shared by both (rarer words, weighted by IDF), or none.

Then the issue is read as a whole (core.corpus.link_choice): an end whose named page is
in the issue wants a partner, and a pair is sure when the best reading holding it is
20 times likelier than any reading without it — so the last head and tail left on their
pages are linked by elimination, and a misprint only where the text outweighs it and
every rival. A sure link is stored in `links` (source `auto`, its score that margin's
probability); an unsure one becomes a doubt (about `link`, its alternatives the
candidates as `p2 A3`, best first) on the fragment, and nothing is stored; a mark whose
page is not in the corpus is kept as typed and listed by `missing_marks`. Links an
annotator set (`user`) are never changed by the linker.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from banmian.core.corpus.link_choice import (
    MARGIN,
    SURE,
    UNPAIRED,
    margins,
    probability,
    sure_pairs,  # noqa: F401 (named here too)
)
from banmian.core.corpus.link_evidence import page_label, weigh
from banmian.core.corpus.rows import doubts_json
from banmian.core.page.model import Doubt

if TYPE_CHECKING:
    from banmian.core.corpus.store import Store

LINK = "link"


@dataclass(frozen=True)
class Fragment:
    """An article that is part of a longer one, with what the linker weighs."""

    page_id: int
    article_id: str
    newspaper: str
    date: str
    page_no: str
    title: str
    paragraphs: tuple[str, ...]
    continued_from: str | None
    continued_to: str | None

    @property
    def key(self) -> tuple[int, str]:
        return (self.page_id, self.article_id)

    @property
    def ref(self) -> str:
        """How the window and doubts name it: `p2 A3`."""
        return fragment_ref(self.page_no, self.article_id)


def fragment_ref(page_no: str, article_id: str) -> str:
    return f"p{page_no or '?'} {article_id}"


@dataclass(frozen=True)
class Candidate:
    head: Fragment
    tail: Fragment
    score: float  # 0..1: the probability form of `margin` once weighed against rivals
    reasons: tuple[str, ...]
    weight: float = 0.0  # the pair's own evidence, log-odds
    gain: float = 0.0  # … with what pairing saves its ends (link_choice)
    margin: float = 0.0  # how much likelier the best reading holding it is, log-odds

    @property
    def head_key(self) -> tuple[int, str]:
        return self.head.key

    @property
    def tail_key(self) -> tuple[int, str]:
        return self.tail.key


@dataclass(frozen=True)
class Link:
    from_page: int
    from_article: str
    to_page: int
    to_article: str
    score: float
    source: str


@dataclass(frozen=True)
class MissingMark:
    """A continuation mark naming a page of its issue the corpus does not hold."""

    fragment: Fragment
    direction: str  # "to" (下转) or "from" (上接)
    page: str

    def describe(self) -> str:
        f = self.fragment
        where = " ".join(x for x in (f.newspaper, f.date) if x)
        mark = "下转" if self.direction == "to" else "上接"
        return f"{where} {f.ref}: {mark}第{self.page}版, page {self.page} is not in the corpus"


@dataclass
class LinkReport:
    linked: list[Candidate] = field(default_factory=list)
    doubtful: list[tuple[Fragment, list[Candidate]]] = field(default_factory=list)
    missing: list[MissingMark] = field(default_factory=list)
    kept: int = 0  # links an annotator set, left as they are

    def summary(self) -> str:
        return (
            f"linked {len(self.linked)}, doubtful {len(self.doubtful)}, "
            f"missing pages {len(self.missing)}, set by hand {self.kept}"
        )


# -- reading ---------------------------------------------------------------------------
_FRAGMENT_SQL = """
SELECT a.page_id, a.article_id, coalesce(p.newspaper, ''), coalesce(p.date, ''),
       coalesce(p.page_no, ''), coalesce(a.title, ''),
       coalesce(article_text(a.page_id, a.article_id), ''),
       a.continued_from, a.continued_to
FROM articles a JOIN pages p ON p.id = a.page_id
"""


def _fragment(row: tuple) -> Fragment:
    page_id, article_id, newspaper, date, page_no, title, text, cfrom, cto = row
    return Fragment(
        page_id,
        article_id,
        newspaper,
        date,
        page_label(page_no),
        title,
        tuple(p for p in text.split("\n") if p),
        page_label(cfrom) or None,
        page_label(cto) or None,
    )


def _issues(store: Store, page_ids: Iterable[int] | None) -> list[tuple[str, str]]:
    """(newspaper, date) of the given pages (all pages when None); undated pages have
    no issue to link within."""
    rows = store.db.execute(
        "SELECT DISTINCT coalesce(newspaper, ''), date FROM pages WHERE coalesce(date, '') != ''"
    ).fetchall()
    if page_ids is None:
        return [tuple(r) for r in rows]
    wanted = set(page_ids)
    found = set()
    for page_id, newspaper, date in store.db.execute(
        "SELECT id, coalesce(newspaper, ''), coalesce(date, '') FROM pages"
    ):
        if page_id in wanted and date:
            found.add((newspaper, date))
    return sorted(found)


def issue_articles(store: Store, newspaper: str, date: str) -> list[Fragment]:
    """Every article of one issue (newspaper and date), as fragments."""
    rows = store.db.execute(
        _FRAGMENT_SQL + " WHERE coalesce(p.newspaper, '') = ? AND p.date = ?"
        " ORDER BY p.id, a.position",
        [newspaper, date],
    ).fetchall()
    return [_fragment(r) for r in rows]


def fragment(store: Store, page_id: int, article_id: str) -> Fragment | None:
    row = store.db.execute(
        _FRAGMENT_SQL + " WHERE a.page_id = ? AND a.article_id = ?", [page_id, article_id]
    ).fetchone()
    return _fragment(row) if row else None


# -- scoring ---------------------------------------------------------------------------
def score(head: Fragment, tail: Fragment) -> Candidate:
    """The evidence that `tail` goes on where `head` stops, in log-odds (`weight`), and
    why (core.corpus.link_evidence); `score` is its 0..1 form until plan_issue weighs the
    rivals."""
    weight, reasons = weigh(head, tail)
    return Candidate(head, tail, probability(weight), reasons, weight)


# -- linking ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _IssuePlan:
    links: list[Candidate]
    doubts: dict[tuple[int, str], Doubt]
    missing: list[MissingMark]
    doubtful: list[tuple[Fragment, list[Candidate]]]


def plan_issue(articles: list[Fragment], fixed: set[tuple[int, str]]) -> _IssuePlan:
    """The links, doubts and missing marks of one issue; `fixed` ends (from `user` rows)
    take no part: their fragments are already decided by an annotator.

    Each candidate's gain is its evidence plus `UNPAIRED` for each end whose named page
    is in the issue; its score becomes the probability form of its margin against the
    best reading without it (core.corpus.link_choice), and the sure ones are linked."""
    pages = {a.page_no for a in articles}
    by_page: dict[str, list[Fragment]] = {}
    for a in articles:
        by_page.setdefault(a.page_no, []).append(a)
    heads = [a for a in articles if a.continued_to and ("h", *a.key) not in fixed]
    tails = [a for a in articles if a.continued_from and ("t", *a.key) not in fixed]
    scored: list[Candidate] = []
    for head in heads:
        for tail in tails:
            if tail.page_id == head.page_id:
                continue
            if head.continued_to == tail.page_no or tail.continued_from == head.page_no:
                c = score(head, tail)
                needed = (head.continued_to in pages) + (tail.continued_from in pages)
                scored.append(replace(c, gain=c.weight + UNPAIRED * needed))
    found = margins(scored)
    pairs = [
        replace(c, score=probability(found[i]), margin=round(found[i], 3))
        for i, c in enumerate(scored)
        if i in found
    ]
    pairs.sort(key=lambda c: (-c.margin, c.head.key, c.tail.key))
    of_head: dict[tuple[int, str], list[Candidate]] = {}
    of_tail: dict[tuple[int, str], list[Candidate]] = {}
    for c in pairs:
        of_head.setdefault(c.head.key, []).append(c)
        of_tail.setdefault(c.tail.key, []).append(c)
    links = [c for c in pairs if c.margin >= MARGIN]
    taken_heads = {c.head.key for c in links}
    taken_tails = {c.tail.key for c in links}
    doubts: dict[tuple[int, str], Doubt] = {}
    missing: list[MissingMark] = []
    doubtful: list[tuple[Fragment, list[Candidate]]] = []

    def unsure(frag: Fragment, found: list[Candidate], other: str, mark: str) -> None:
        if mark not in pages:
            missing.append(MissingMark(frag, "to" if other == "tail" else "from", mark))
            if not found or found[0].gain <= 0:
                return  # its other part is on the missing page, as far as anyone can tell
        refs = [getattr(c, other).ref for c in found]
        if not refs:  # the page is there but no fragment on it says it goes on from here
            refs = [a.ref for a in by_page.get(mark, [])]
            if not refs:
                return
        best = found[0].score if found else 0.0
        what = "continues on" if other == "tail" else "continues from"
        reason = (
            f"which article it {what} is not sure ({', '.join(found[0].reasons)})"
            if found
            else f"no article on p.{mark} is marked as its other part"
        )
        doubts[frag.key] = Doubt(LINK, round(min(best, SURE - 0.001), 3), reason, None, tuple(refs))
        doubtful.append((frag, found))

    # a fragment already linked for sure is no candidate of another
    for head in heads:
        if head.key not in taken_heads:
            found = [c for c in of_head.get(head.key, []) if c.tail.key not in taken_tails]
            unsure(head, found, "tail", head.continued_to or "")
    for tail in tails:
        if tail.key not in taken_tails:
            found = [c for c in of_tail.get(tail.key, []) if c.head.key not in taken_heads]
            unsure(tail, found, "head", tail.continued_from or "")
    return _IssuePlan(links, doubts, missing, doubtful)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _fixed_ends(store: Store) -> set[tuple]:
    """Ends an annotator decided: ("h", page, article) and ("t", page, article)."""
    fixed: set[tuple] = set()
    for fp, fa, tp, ta in store.db.execute(
        "SELECT from_page, from_article, to_page, to_article FROM links WHERE source = 'user'"
    ):
        fixed.add(("h", fp, fa))
        if tp is not None:
            fixed.add(("t", tp, ta))
    return fixed


def link_issues(store: Store, page_ids: Iterable[int] | None = None) -> LinkReport:
    """Link the fragments of every issue holding one of `page_ids` (all when None): the
    issue's automatic links and link doubts are replaced, annotators' links kept.

    The links are planned before the write transaction: planning reads the articles'
    words (the first time in a process it loads jieba, seconds on a busy machine), and
    another import or the window would wait for the lock that long. They are written in
    one transaction, planned again inside it if the issues' articles or an annotator's
    links changed meanwhile (the window saved a correction, say)."""
    page_ids = None if page_ids is None else list(page_ids)
    fixed = _fixed_ends(store)
    issues = _issue_fragments(store, page_ids)
    plans = [plan_issue(articles, fixed) for articles in issues]
    with store.writing():
        now_fixed, now_issues = _fixed_ends(store), _issue_fragments(store, page_ids)
        if (now_fixed, now_issues) != (fixed, issues):
            fixed, issues = now_fixed, now_issues
            plans = [plan_issue(articles, fixed) for articles in issues]
        report = LinkReport()
        report.kept = sum(1 for f in fixed if f[0] == "h")
        for articles, plan in zip(issues, plans, strict=True):
            ids = sorted({a.page_id for a in articles})
            marks = ",".join("?" * len(ids))
            store.db.execute(
                f"DELETE FROM links WHERE source = 'auto' AND from_page IN ({marks})", ids
            )
            stamp = now()
            store.db.conn.executemany(
                "INSERT OR REPLACE INTO links (from_page, from_article, to_page, to_article,"
                " score, source, created_at) VALUES (?, ?, ?, ?, ?, 'auto', ?)",
                [
                    (
                        c.head.page_id,
                        c.head.article_id,
                        c.tail.page_id,
                        c.tail.article_id,
                        c.score,
                        stamp,
                    )
                    for c in plan.links
                ],
            )
            _write_doubts(store, ids, plan.doubts)
            report.linked += plan.links
            report.doubtful += plan.doubtful
            report.missing += plan.missing
    return report


def _issue_fragments(store: Store, page_ids: list[int] | None) -> list[list[Fragment]]:
    """The articles of each issue holding one of `page_ids` (issues without any left
    out)."""
    issues = (
        issue_articles(store, newspaper, date) for newspaper, date in _issues(store, page_ids)
    )
    return [articles for articles in issues if articles]


def _write_doubts(store: Store, page_ids: list[int], doubts: dict[tuple[int, str], Doubt]) -> None:
    """Replace the link doubts of the issue's articles, keeping the pages' doubt counts."""
    marks = ",".join("?" * len(page_ids))
    delta: dict[int, int] = {}
    for page_id, article_id, raw in store.db.execute(
        f"SELECT page_id, article_id, doubts FROM articles WHERE page_id IN ({marks})", page_ids
    ).fetchall():
        old = [Doubt.from_json(d) for d in json.loads(raw or "[]")]
        kept = [d for d in old if d.about != LINK]
        new = [*kept, doubts[(page_id, article_id)]] if (page_id, article_id) in doubts else kept
        if new == old:
            continue
        delta[page_id] = delta.get(page_id, 0) + len(new) - len(old)
        store.db.execute(
            "UPDATE articles SET doubts = ? WHERE page_id = ? AND article_id = ?",
            [doubts_json(tuple(new)), page_id, article_id],
        )
    for page_id, change in delta.items():
        if change:
            store.db.execute(
                "UPDATE pages SET doubts = max(0, coalesce(doubts, 0) + ?) WHERE id = ?",
                [change, page_id],
            )


def missing_marks(store: Store) -> list[MissingMark]:
    """Continuation marks whose page is not in the corpus (for `banmian link --missing`)."""
    found: list[MissingMark] = []
    for newspaper, date in _issues(store, None):
        articles = issue_articles(store, newspaper, date)
        pages = {a.page_no for a in articles}
        for a in articles:
            if a.continued_to and a.continued_to not in pages:
                found.append(MissingMark(a, "to", a.continued_to))
            if a.continued_from and a.continued_from not in pages:
                found.append(MissingMark(a, "from", a.continued_from))
    undated = store.db.execute(
        _FRAGMENT_SQL + " WHERE coalesce(p.date, '') = '' AND "
        "(coalesce(a.continued_from, '') != '' OR coalesce(a.continued_to, '') != '')"
    ).fetchall()
    for row in undated:
        a = _fragment(row)
        if a.continued_to:
            found.append(MissingMark(a, "to", a.continued_to))
        if a.continued_from:
            found.append(MissingMark(a, "from", a.continued_from))
    return found
