"""The corpus list as queries: a screenful of pages at a time, whatever the corpus size.

Reading every page to list them (`Store.pages()`) costs seconds at 100,000 pages, and
more than its share: `status`, `doubts` and `updated_at` come after `raw_text` in a
page's row, so SQLite walks every page's text to reach them. The window therefore never
lists the corpus: it asks how many pages a view holds (counts kept by triggers, schema
m009), which pages fill rows n to n+k (an index walked in the view's order, then those
rows alone), where a page stands in the view and which page follows it (counts and
seeks on the same indexes). Every order below has an index of its own, and one with
`status` in front for a view filtered by status (schema migration m008); the expressions
here must stay exactly those of the indexes, or SQLite sorts the whole corpus instead
(tests/test_listing.py checks every query plan).
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, overload

from banmian.core.corpus.store import STATUSES, PageSummary

# NULL-free keys, so that "after this page" is a plain row-value comparison
DATE = "ifnull(date, '')"
PAGE_NUMBER = "CAST(ifnull(page_no, '') AS INTEGER)"
PAGE = "ifnull(page_no, '')"
CORPUS_ORDER = (DATE, PAGE_NUMBER, PAGE)

# name → the SQL terms a view is ordered by, most significant first (then the page id)
ORDERS: dict[str, tuple[str, ...]] = {
    "corpus": CORPUS_ORDER,
    "page": (PAGE_NUMBER, PAGE, DATE),
    "newspaper": ("ifnull(newspaper, '')", *CORPUS_ORDER),
    "articles": ("articles",),
    "doubts": ("doubts",),
    "status": ("status", *CORPUS_ORDER),
    "updated": ("ifnull(updated_at, '')",),
    "source": ("ifnull(source_file, '')",),
}

SUMMARY_COLUMNS = (
    "id, source_file, newspaper, date, page_no, articles, status, doubts, updated_at, annotator"
)


@dataclass(frozen=True)
class View:
    """Which pages the list shows (one status, or all) and in which order."""

    status: str | None = None
    order: str = "corpus"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise ValueError(f"unknown order {self.order!r}; use one of {', '.join(ORDERS)}")
        if self.status is not None and self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")


@dataclass(frozen=True)
class Counts:
    """Pages of the corpus by status, from one aggregate."""

    by_status: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def verified(self) -> int:
        return self.by_status.get("verified", 0)

    def of(self, status: str | None) -> int:
        return self.total if status is None else self.by_status.get(status, 0)


def counts(db: sqlite3.Connection) -> Counts:
    """Pages by status, as the triggers on `pages` keep them (schema m009): one read of
    three rows, where counting would walk the status index (5-10 ms a 100,000 pages)."""
    return Counts(dict(db.execute("SELECT status, pages FROM page_counts WHERE pages > 0")))


def _terms(view: View) -> tuple[str, ...]:
    return (*ORDERS[view.order], "id")


def _order_by(view: View, terms: Sequence[str] | None = None) -> str:
    direction = " DESC" if view.descending else ""
    return ", ".join(f"{term}{direction}" for term in terms or _terms(view))


def _filter(view: View, named: bool = False) -> tuple[str, Any]:
    """The view's WHERE prefix and its parameters (positional, or named)."""
    if not view.status:
        return "", {} if named else []
    if named:
        return "status = :status AND ", {"status": view.status}
    return "status = ? AND ", [view.status]


def _key(db: sqlite3.Connection, view: View, page_id: int) -> dict | None:
    """The page's values of the view's order terms, as named parameters (None: no page)."""
    row = db.execute(
        f"SELECT {', '.join(_terms(view))} FROM pages WHERE id = ?", [page_id]
    ).fetchone()
    return None if row is None else {f"k{n}": value for n, value in enumerate(row)}


def _levels(
    terms: Sequence[str], values: Sequence[str], op: str
) -> list[tuple[str, tuple[str, ...]]]:
    """ "Before" or "after" a key (`op` "<" or ">") in lexicographic order, as one
    condition per level of tie, the deepest first: equal on the first k terms, beyond on
    the next, with the terms left to order by. Each is an equality and a range on the
    order's index, which SQLite seeks; a row-value comparison over indexed expressions
    it would scan, and an ORDER BY naming the equal terms it would sort."""
    levels = []
    for k in range(len(terms) - 1, -1, -1):
        equal = [f"{t} = {v}" for t, v in zip(terms[:k], values[:k], strict=True)]
        levels.append((" AND ".join([*equal, f"{terms[k]} {op} {values[k]}"]), tuple(terms[k:])))
    return levels


def _op(view: View, forward: bool) -> str:
    return ">" if forward != view.descending else "<"


def page_exists(db: sqlite3.Connection, page_id: int) -> bool:
    return db.execute("SELECT 1 FROM pages WHERE id = ?", [page_id]).fetchone() is not None


def page_ids(db: sqlite3.Connection, view: View, offset: int, limit: int) -> list[int]:
    """The ids of rows `offset` … `offset + limit - 1` of the view, walking its index."""
    where, params = _filter(view)
    rows = db.execute(
        f"SELECT id FROM pages WHERE {where}1 ORDER BY {_order_by(view)} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [r[0] for r in rows]


def summaries(db: sqlite3.Connection, ids: Sequence[int]) -> list[PageSummary]:
    """The summaries of these pages, in this order (by primary key, never a scan)."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    found = {
        r[0]: _summary(r)
        for r in db.execute(f"SELECT {SUMMARY_COLUMNS} FROM pages WHERE id IN ({marks})", ids)
    }
    return [found[i] for i in ids if i in found]


def position(db: sqlite3.Connection, view: View, page_id: int) -> int | None:
    """The row of the page in the view (None: not in it): the pages before it, counted
    level by level on the view's index."""
    status = db.execute("SELECT status FROM pages WHERE id = ?", [page_id]).fetchone()
    if status is None or (view.status is not None and status[0] != view.status):
        return None
    key = _key(db, view, page_id)
    assert key is not None
    where, params = _filter(view, named=True)
    counts = [
        f"(SELECT count(*) FROM pages WHERE {where}{level})"
        for level, _rest in _levels(_terms(view), [f":{k}" for k in key], _op(view, forward=False))
    ]
    (count,) = db.execute(f"SELECT {' + '.join(counts)}", {**key, **params}).fetchone()
    return count


def _firsts_beyond(view: View, where: str, values: Sequence[str]) -> list[str]:
    """SELECTs of the first page of the view beyond the key `values` (SQL values:
    parameters or subqueries), one per level of tie, to be joined by UNION ALL with
    LIMIT 1: the first level that has a page gives the answer, each one index seek."""
    return [
        f"SELECT id FROM (SELECT id FROM pages WHERE {where}{level} "
        f"ORDER BY {_order_by(view, rest)} LIMIT 1)"
        for level, rest in _levels(_terms(view), values, _op(view, forward=True))
    ]


def neighbour(db: sqlite3.Connection, view: View, page_id: int, step: int) -> int | None:
    """The page after (`step` > 0) or before the given one in the view, wrapping round
    at either end; None when the view holds no other page."""
    walk = view if step > 0 else replace(view, descending=not view.descending)
    where, params = _filter(walk, named=True)
    key = _key(db, walk, page_id)
    if key is not None:
        firsts = _firsts_beyond(walk, where, [f":{k}" for k in key])
        row = db.execute(" UNION ALL ".join(firsts) + " LIMIT 1", {**key, **params}).fetchone()
        if row is not None:
            return row[0]
    row = db.execute(
        f"SELECT id FROM pages WHERE {where}id != :page ORDER BY {_order_by(walk)} LIMIT 1",
        {**params, "page": page_id},
    ).fetchone()
    return row[0] if row else None


def next_unverified(db: sqlite3.Connection, after: int | None = None) -> int | None:
    """The next page in corpus order that is not verified, wrapping round (never `after`
    itself): one query on the index of unverified pages (schema m008), seeking past
    `after`'s place, else the first unverified page of the corpus."""
    view = View()
    here = [f"(SELECT {term} FROM pages WHERE id = :after)" for term in _terms(view)]
    todo = "status != 'verified' AND "
    firsts = _firsts_beyond(view, todo, here)
    firsts.append(
        f"SELECT id FROM (SELECT id FROM pages WHERE {todo}id IS NOT :after "
        f"ORDER BY {_order_by(view)} LIMIT 1)"
    )
    row = db.execute(" UNION ALL ".join(firsts) + " LIMIT 1", {"after": after}).fetchone()
    return row[0] if row else None


class Listing(Sequence[PageSummary]):
    """The pages of a view as a sequence: its length counted once per `refresh`, its
    rows fetched a chunk at a time when first asked for and kept (a few hundred chunks
    at most), so a list widget can show any part of 100,000 pages at once."""

    CHUNK = 200
    KEEP = 200

    def __init__(self, db: sqlite3.Connection, view: View | None = None) -> None:
        self.db = db
        self.view = view or View()
        self.counts = Counts({})
        self.length = 0
        self.chunks: OrderedDict[int, list[PageSummary]] = OrderedDict()
        self.refresh()

    def refresh(self, view: View | None = None) -> None:
        """Count again and forget the fetched rows (after a write, or in another view)."""
        if view is not None:
            self.view = view
        self.counts = counts(self.db)
        self.length = self.counts.of(self.view.status)
        self.chunks.clear()

    def show(self, view: View) -> None:
        """Another order or status of the same pages: no count, the counts stand."""
        self.view = view
        self.length = self.counts.of(view.status)
        self.chunks.clear()

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, row: int) -> PageSummary: ...
    @overload
    def __getitem__(self, row: slice) -> list[PageSummary]: ...
    def __getitem__(self, row: int | slice) -> PageSummary | list[PageSummary]:
        if isinstance(row, slice):
            return [self[r] for r in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        chunk = self._chunk(row // self.CHUNK)
        offset = row % self.CHUNK
        if offset >= len(chunk):  # the file changed under us (another process)
            raise IndexError(row)
        return chunk[offset]

    def __iter__(self) -> Iterator[PageSummary]:
        for n in range(-(-len(self) // self.CHUNK)):
            yield from self._chunk(n)

    def _chunk(self, n: int) -> list[PageSummary]:
        chunk = self.chunks.get(n)
        if chunk is None:
            ids = page_ids(self.db, self.view, n * self.CHUNK, self.CHUNK)
            chunk = self.chunks[n] = summaries(self.db, ids)
            while len(self.chunks) > self.KEEP:
                self.chunks.popitem(last=False)
        else:
            self.chunks.move_to_end(n)
        return chunk

    def position(self, page_id: int) -> int | None:
        return position(self.db, self.view, page_id)

    def neighbour(self, page_id: int, step: int) -> int | None:
        return neighbour(self.db, self.view, page_id, step)


def _summary(row: tuple) -> PageSummary:
    page_id, source, newspaper, date, page_no, articles, status, doubts, updated, annotator = row
    return PageSummary(
        id=page_id,
        source=source or "",
        newspaper=newspaper or "",
        date=date or "",
        page_no=page_no or "",
        articles=articles or 0,
        status=status,
        doubts=doubts or 0,
        updated_at=updated or "",
        annotator=annotator or "",
    )
