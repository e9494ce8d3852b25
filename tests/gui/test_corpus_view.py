"""The corpus view on a corpus of 2,000 pages: sorting, the status filter, the counts,
opening pages from it and stepping through it, all asked of SQLite a screenful at a
time; checked against the database file read afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from banmian.core.corpus import listing
from banmian.gui.corpus_view import PAGE_ID_ROLE
from banmian.gui.translate import tr
from PySide6.QtCore import QPoint, Qt

from tests.gui.conftest import press, rows
from tests.page_copies import copy_page

PAGES = 2000


@pytest.fixture
def big_database(database: Path) -> Path:
    """The sample page (the newest, 2023) and 1,999 copies from 2020 on."""
    with sqlite3.connect(database, isolation_level=None) as db:
        copy_page(db, PAGES - 1)
    return database


@pytest.fixture
def corpus(open_window, big_database):
    window = open_window(big_database)
    assert window.pages.currentWidget() is window.corpus
    window.corpus.table.setFocus()
    return window


def shown_ids(window, count: int = 20) -> list[int]:
    model = window.corpus.model
    return [model.index(r, 0).data(PAGE_ID_ROLE) for r in range(min(count, model.rowCount()))]


def click_header(qtbot, window, column: int) -> None:
    header = window.corpus.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(column) + 8, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)


CORPUS_ORDER = "ifnull(date, ''), CAST(ifnull(page_no, '') AS INTEGER), ifnull(page_no, ''), id"


def test_the_list_shows_the_corpus_in_order_and_reads_a_screenful(
    qtbot, corpus, big_database, monkeypatch
):
    read: list[int] = []
    summaries = listing.summaries
    monkeypatch.setattr(
        listing, "summaries", lambda db, ids: read.extend(ids) or summaries(db, ids)
    )
    statements: list[str] = []
    corpus.store.db.conn.set_trace_callback(statements.append)
    press(qtbot, corpus, "Alt+Left")  # back to the corpus: counted and drawn again
    qtbot.wait(50)
    corpus.store.db.conn.set_trace_callback(None)
    assert corpus.corpus.model.rowCount() == PAGES
    assert shown_ids(corpus) == [
        r[0] for r in rows(big_database, f"SELECT id FROM pages ORDER BY {CORPUS_ORDER} LIMIT 20")
    ]
    (verified,) = rows(big_database, "SELECT count(*) FROM pages WHERE status = 'verified'")[0]
    assert corpus.corpus.progress.format() == f"{verified} of {PAGES} pages verified"
    assert 0 < len(read) <= 2 * listing.Listing.CHUNK  # the rows on screen, not the corpus
    assert not [s for s in statements if "raw_text" in s]


def test_sorting_by_a_column_is_sql_order_and_keeps_the_page_selected(qtbot, corpus, big_database):
    table = corpus.corpus.table
    for _ in range(5):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = corpus.corpus.current_page_id()
    click_header(qtbot, corpus, 4)  # Doubts, fewest first
    assert shown_ids(corpus) == [
        r[0] for r in rows(big_database, "SELECT id FROM pages ORDER BY doubts, id LIMIT 20")
    ]
    assert corpus.corpus.current_page_id() == chosen
    assert table.viewport().rect().intersects(table.visualRect(table.currentIndex()))  # in sight
    click_header(qtbot, corpus, 4)  # again: most first
    assert shown_ids(corpus) == [
        r[0]
        for r in rows(big_database, "SELECT id FROM pages ORDER BY doubts DESC, id DESC LIMIT 20")
    ]
    assert corpus.corpus.current_page_id() == chosen
    click_header(qtbot, corpus, 1)  # Page: numbers as numbers, 2 before 10
    descending = table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    pages = [int(corpus.corpus.model.index(r, 1).data()) for r in range(PAGES)]
    assert pages == sorted(pages, reverse=descending)


def test_the_status_filter_lists_one_status_and_counts_stay_whole(qtbot, corpus, big_database):
    combo = corpus.corpus.status
    combo.setCurrentIndex(combo.findData("in_progress"))
    expected = [
        r[0]
        for r in rows(
            big_database,
            f"SELECT id FROM pages WHERE status = 'in_progress' ORDER BY {CORPUS_ORDER}",
        )
    ]
    model = corpus.corpus.model
    assert model.rowCount() == len(expected)
    assert shown_ids(corpus, PAGES) == expected
    assert {model.index(r, 5).data() for r in range(model.rowCount())} == {tr("in_progress")}
    assert f"of {PAGES} pages verified" in corpus.corpus.progress.format()


def test_opening_a_page_from_a_sorted_filtered_list_and_coming_back(qtbot, corpus, big_database):
    combo = corpus.corpus.status
    combo.setCurrentIndex(combo.findData("new"))
    click_header(qtbot, corpus, 6)  # Last edit
    click_header(qtbot, corpus, 6)  # newest first
    table = corpus.corpus.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # first row
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    wanted = rows(
        big_database,
        "SELECT id FROM pages WHERE status = 'new' ORDER BY updated_at DESC, id DESC "
        "LIMIT 1 OFFSET 3",
    )[0][0]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert corpus.pages.currentWidget() is corpus.editor
    assert corpus.editor.page_id == wanted
    press(qtbot, corpus, "Ctrl+PgDown")  # the next page of this list
    following = rows(
        big_database,
        "SELECT id FROM pages WHERE status = 'new' ORDER BY updated_at DESC, id DESC "
        "LIMIT 1 OFFSET 4",
    )[0][0]
    assert corpus.editor.page_id == following
    press(qtbot, corpus, "Ctrl+PgUp")
    press(qtbot, corpus, "Ctrl+PgUp")
    press(qtbot, corpus, "Ctrl+PgUp")
    press(qtbot, corpus, "Ctrl+PgUp")
    assert corpus.editor.page_id == shown_ids(corpus, 1)[0]
    press(qtbot, corpus, "Ctrl+PgUp")  # round to the last page of the list
    (last,) = rows(
        big_database,
        "SELECT id FROM pages WHERE status = 'new' ORDER BY updated_at LIMIT 1",
    )[0]
    assert corpus.editor.page_id == last
    press(qtbot, corpus, "Alt+Left")
    assert corpus.pages.currentWidget() is corpus.corpus
    assert corpus.corpus.current_page_id() == last
    assert table.currentIndex().row() == corpus.corpus.model.rowCount() - 1


def test_ctrl_return_verifies_and_opens_the_next_unverified_page_in_corpus_order(
    qtbot, corpus, big_database
):
    order = [r for r in rows(big_database, f"SELECT id, status FROM pages ORDER BY {CORPUS_ORDER}")]
    start = next(n for n, (_id, status) in enumerate(order) if status != "verified")
    corpus.open_page(order[start][0])
    press(qtbot, corpus, "Ctrl+Return")
    assert rows(big_database, "SELECT status FROM pages WHERE id = ?", (order[start][0],)) == [
        ("verified",)
    ]
    following = next(i for i, status in order[start + 1 :] if status != "verified")
    assert corpus.editor.page_id == following
    press(qtbot, corpus, "Alt+Left")
    assert corpus.corpus.current_page_id() == following
    (verified,) = rows(big_database, "SELECT count(*) FROM pages WHERE status = 'verified'")[0]
    assert corpus.corpus.progress.format() == f"{verified} of {PAGES} pages verified"


def test_the_model_passes_the_qt_model_tester_across_chunks(qtmodeltester, corpus):
    combo = corpus.corpus.status
    combo.setCurrentIndex(combo.findData("new"))  # 600 pages: three chunks
    assert corpus.corpus.model.rowCount() > 2 * listing.Listing.CHUNK
    qtmodeltester.check(corpus.corpus.model)
