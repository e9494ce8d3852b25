"""The corpus list as queries (core.corpus.listing): the same pages in the same order as
sorting every page in Python would give, each query on an index, never a sort or a scan
of the pages, never a page's text."""

from __future__ import annotations

import re
import sqlite3

import pytest
from banmian.core.corpus import listing
from banmian.core.corpus.listing import ORDERS, Listing, View
from banmian.core.corpus.store import STATUSES, PageMeta, Store

from tests.page_copies import copy_page

VIEWS = [
    View(status, order, descending)
    for order in ORDERS
    for status in (None, *STATUSES)
    for descending in (False, True)
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, sample_page) -> sqlite3.Connection:
    """130 pages: copies of the sample page, ties in every column, and the awkward
    ones — page numbers 10 and 9 (numeric order), no date, NULLs written by another
    tool."""
    path = tmp_path_factory.mktemp("listing") / "corpus.db"
    store = Store(path, annotator="tester")
    store.add_page(sample_page, PageMeta("sample_page.txt", "人民日报", "2020-01-02", "10"))
    copy_page(store.db.conn, 126)
    store.db.conn.executescript(
        """BEGIN;
        UPDATE pages SET page_no = '9' WHERE id = 20;
        UPDATE pages SET date = '' , page_no = '' WHERE id = 30;
        UPDATE pages SET date = NULL, newspaper = NULL, source_file = NULL WHERE id = 40;
        UPDATE pages SET updated_at = NULL, page_no = NULL WHERE id = 50;
        UPDATE pages SET updated_at = '2024-01-01', doubts = 0 WHERE id IN (60, 61, 62);
        COMMIT;"""
    )
    store.close()
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def expected(db: sqlite3.Connection, view: View) -> list[int]:
    """The view's pages as Python would sort them, the slow way the list used to."""
    rows = db.execute(
        "SELECT id, date, page_no, newspaper, articles, doubts, status, updated_at, "
        "source_file FROM pages"
    ).fetchall()

    def number(text: str | None) -> int:
        digits = ""
        for c in (text or "").strip():
            if not c.isdigit():
                break
            digits += c
        return int(digits) if digits else 0

    def key(r: tuple) -> tuple:
        page_id, date, page_no, paper, articles, doubts, status, updated, source = r
        corpus = (date or "", number(page_no), page_no or "")
        return {
            "corpus": corpus,
            "page": (number(page_no), page_no or "", date or ""),
            "newspaper": (paper or "", *corpus),
            "articles": (articles,),
            "doubts": (doubts,),
            "status": (status, *corpus),
            "updated": (updated or "",),
            "source": (source or "",),
        }[view.order] + (page_id,)

    shown = [r for r in rows if view.status is None or r[6] == view.status]
    return [r[0] for r in sorted(shown, key=key, reverse=view.descending)]


@pytest.mark.parametrize("view", VIEWS, ids=str)
def test_every_view_lists_the_pages_in_the_order_python_would(db, view):
    pages = expected(db, view)
    shown = Listing(db, view)
    assert len(shown) == len(pages)
    assert [p.id for p in shown] == pages
    assert [p.id for p in shown[5:9]] == pages[5:9]
    for row, page_id in enumerate(pages):
        assert shown.position(page_id) == row
        assert shown.neighbour(page_id, +1) == pages[(row + 1) % len(pages)]
        assert shown.neighbour(page_id, -1) == pages[row - 1]
    outside = {r[0] for r in db.execute("SELECT id FROM pages")} - set(pages)
    for page_id in list(outside)[:5]:
        assert shown.position(page_id) is None


def test_rows_come_a_chunk_at_a_time_and_a_refresh_sees_writes(db):
    shown = Listing(db)
    shown.CHUNK = 10
    assert shown[25].id == expected(db, View())[25]
    assert list(shown.chunks) == [2]  # one chunk read for one row
    db.execute("UPDATE pages SET status = 'verified' WHERE id = 2")
    try:
        shown.refresh(View(status="verified"))
        assert 2 in [p.id for p in shown]
        assert shown.counts.verified == len(shown)
        assert shown.counts.total == 127
    finally:
        db.execute("UPDATE pages SET status = 'new' WHERE id = 2")
        db.commit()


def test_next_unverified_goes_on_in_corpus_order_and_wraps(db):
    order = expected(db, View())
    todo = [p for p in order if p not in set(expected(db, View(status="verified")))]
    for page_id in order:
        at = order.index(page_id)
        following = [p for p in order[at + 1 :] + order[:at] if p in todo]
        assert listing.next_unverified(db, page_id) == (following[0] if following else None)
    assert listing.next_unverified(db, None) == todo[0]
    assert listing.next_unverified(db, 99_999) == todo[0]  # a page that is gone


def test_next_unverified_when_all_or_all_but_one_are_verified(tmp_path, sample_page):
    store = Store(tmp_path / "one.db")
    store.add_page(sample_page, PageMeta("a.txt", "", "2020-01-01", "1"))
    assert store.next_unverified(1) is None  # the only unverified page is this one
    assert store.next_unverified() == 1
    store.set_status(1, "verified")
    assert store.next_unverified() is None
    store.close()


def plans(db: sqlite3.Connection, view: View) -> list[str]:
    """The query plans of every query the list makes for this view."""
    found: list[str] = []

    class Explaining:
        def execute(self, sql: str, params=()):
            if sql.lstrip().upper().startswith("SELECT"):
                found.extend(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, params))
            return db.execute(sql, params)

    explaining = Explaining()
    listing.counts(explaining)  # type: ignore[arg-type]
    listing.page_ids(explaining, view, 50, 20)  # type: ignore[arg-type]
    listing.position(explaining, view, 60)  # type: ignore[arg-type]
    listing.neighbour(explaining, view, 60, +1)  # type: ignore[arg-type]
    listing.neighbour(explaining, view, 60, -1)  # type: ignore[arg-type]
    listing.next_unverified(explaining, 60)  # type: ignore[arg-type]
    return found


@pytest.mark.parametrize("view", VIEWS, ids=str)
def test_every_query_walks_an_index_and_sorts_nothing(db, view):
    for step in plans(db, view):
        assert "TEMP B-TREE" not in step, step
        if step.startswith(("SCAN pages", "SEARCH pages")):
            assert "INDEX" in step or "PRIMARY KEY" in step, step


def test_the_list_never_reads_a_page_text(db):
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    try:
        shown = Listing(db, View(order="doubts", descending=True))
        list(shown)
        shown.position(60)
        shown.neighbour(60, 1)
    finally:
        db.set_trace_callback(None)
    assert statements
    assert not [s for s in statements if "raw_text" in s or re.search(r"SELECT\s+\*", s)]


def test_another_order_or_filter_keeps_the_counts(db, monkeypatch):
    shown = Listing(db)
    monkeypatch.setattr(listing, "counts", lambda _db: pytest.fail("counted again"))
    for view in (View(status="new"), View(order="doubts", descending=True)):
        shown.show(view)
        assert [p.id for p in shown] == expected(db, view)


def aggregate(db) -> dict[str, int]:
    return dict(db.execute("SELECT status, count(*) FROM pages GROUP BY status"))


def test_the_kept_counts_are_the_aggregate_through_imports_statuses_and_deletions(
    tmp_path, sample_page
):
    from banmian.core.corpus import schema

    store = Store(tmp_path / "counts.db")
    store.add_page(sample_page, PageMeta("a.txt", "", "2020-01-01", "1"))
    copy_page(store.db.conn, 40)
    store.set_status(3, "verified")
    store.set_status(3, "verified")  # no change, no count
    store.set_status(4, "in_progress")
    with store.writing():
        for table in ("edit_log", "blocks", "articles"):
            store.db.execute(f"DELETE FROM {table} WHERE page_id IN (5, 6)")
        store.db.execute("DELETE FROM pages WHERE id IN (5, 6)")
    assert listing.counts(store.db.conn).by_status == aggregate(store.db.conn)
    # a file from before the kept counts gets them from the aggregate
    with store.writing():
        for trigger in ("insert", "delete", "status"):
            store.db.execute(f"DROP TRIGGER page_counts_{trigger}")
        store.db.execute("DROP TABLE page_counts")
        schema.m009_page_counts(store.db)
    assert listing.counts(store.db.conn).by_status == aggregate(store.db.conn)
    store.set_status(7, "verified")
    assert listing.counts(store.db.conn).by_status == aggregate(store.db.conn)
    store.close()
