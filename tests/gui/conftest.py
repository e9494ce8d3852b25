"""A real main window on a real database file, driven by keys as an annotator would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from banmian.core.corpus.paths import sample_page
from banmian.core.corpus.store import PageMeta, Store
from banmian.core.page.model import Segmentation
from banmian.gui.app import make_application
from banmian.gui.article_model import KEY_ROLE
from banmian.gui.main_window import MainWindow
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

SAMPLE_META = PageMeta("sample_page.txt", "青岛西海岸新闻", "2023-02-03", "2")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    make_application()
    return QSettings(str(tmp_path / "banmian.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    store = Store(path)
    store.add_page(sample_page(), SAMPLE_META)
    store.close()
    return path


@pytest.fixture
def open_window(qtbot, settings):
    """Open a MainWindow on a database; closes it (as the user would) afterwards."""
    windows: list[MainWindow] = []

    def opener(database: Path | None, segmentation: Segmentation | None = None) -> MainWindow:
        window = MainWindow(database, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        windows.append(window)
        return window

    yield opener
    for window in windows:
        if window.isVisible():
            window.close()


@pytest.fixture
def window(open_window, database: Path) -> MainWindow:
    """The sample page open in the editor."""
    w = open_window(database)
    w.open_page(w.store.pages()[0].id)
    return w


def press(qtbot, window: MainWindow, keys: str) -> None:
    """Type a key sequence such as "M", "Shift+M" or "T, E" at the focused widget."""
    from PySide6.QtGui import QKeySequence

    sequence = QKeySequence(keys)
    target = QApplication.focusWidget() or window
    for i in range(sequence.count()):
        combo = sequence[i]
        qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def select_block(qtbot, window: MainWindow, key: int, extend: bool = False) -> None:
    """Walk the article tree with the arrow keys until the block on line `key` is
    current, as an annotator would (Shift extends the selection)."""
    tree = window.editor.tree
    tree.setFocus()
    modifier = Qt.KeyboardModifier.ShiftModifier if extend else Qt.KeyboardModifier.NoModifier
    if not extend:
        qtbot.keyClick(tree, Qt.Key.Key_Home)
    for _ in range(400):
        if tree.currentIndex().data(KEY_ROLE) == ("block", key):
            return
        qtbot.keyClick(tree, Qt.Key.Key_Down, modifier)
    raise AssertionError(f"no block on line {key} in the tree")


def select_article(qtbot, window: MainWindow, article_id: str) -> None:
    tree = window.editor.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    for _ in range(400):
        if tree.currentIndex().data(KEY_ROLE) == ("article", article_id):
            return
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    raise AssertionError(f"no article {article_id} in the tree")


def goto_line(qtbot, window: MainWindow, line: int) -> None:
    """Put the page text's cursor on `line` with Ctrl+Home and Down presses."""
    view = window.editor.text_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(line - 1):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.current_line() == line


def rows(database: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read the database file with a separate connection, as another tool would."""
    with sqlite3.connect(database) as db:
        return db.execute(sql, params).fetchall()


def saved_blocks(
    database: Path, page_id: int | None = None
) -> dict[int, tuple[str, int, str | None]]:
    """first line → (role, last line, article id), as stored for one page: `page_id`, or
    the only page (line numbers of different pages would overwrite each other)."""
    if page_id is None:
        pages = rows(database, "SELECT id FROM pages")
        assert len(pages) == 1, "several pages in the file: say which one"
        page_id = pages[0][0]
    return {
        first: (role, last, article)
        for first, last, role, article in rows(
            database,
            "SELECT first_line, last_line, role, article_id FROM blocks WHERE page_id = ?",
            (page_id,),
        )
    }


def last_action(database: Path) -> str:
    """The last correction saved; a furniture rule's record, written beside a noise
    marking, is not one."""
    return rows(
        database,
        "SELECT action FROM edit_log WHERE action != 'furniture_marked' ORDER BY id DESC LIMIT 1",
    )[0][0]


def type_chinese(widget, text: str) -> None:
    """Chinese arrives from an input method as a committed string, not as key codes."""
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
