"""The window and links across pages: shown on the article, L follows, set and remove
undoable and saved."""

from __future__ import annotations

from banmian.core.corpus.links import link_issues
from banmian.core.corpus.store import Store

from tests import continued_pages as cp
from tests.gui.conftest import press


def _linked(tmp_path):
    path = tmp_path / "issue.db"
    store = Store(path)
    one, two = cp.issue(store)
    link_issues(store)
    store.close()
    return path, one, two


def _links(window) -> set[tuple]:
    return {
        tuple(r)
        for r in window.store.db.execute(
            "SELECT from_article, to_article, source FROM links WHERE to_page IS NOT NULL"
        )
    }


def test_link_shown_and_l_jumps_there_and_back(qtbot, open_window, tmp_path):
    path, one, two = _linked(tmp_path)
    window = open_window(path)
    window.open_page(one, "A1")
    editor = window.editor
    editor.tree.setFocus()
    assert "continues on p.2 B1 ▸" in editor.details.link_label.text()
    press(qtbot, window, "L")
    assert editor.page_id == two and editor.tree.keys()[0] == "B1"
    assert "continues from p.1 A1" in editor.details.link_label.text()
    editor.tree.setFocus()
    press(qtbot, window, "L")
    assert editor.page_id == one and editor.tree.keys()[0] == "A1"


def test_set_and_remove_link_undoable(qtbot, open_window, tmp_path):
    path, one, two = _linked(tmp_path)
    window = open_window(path)
    window.open_page(one, "A1")
    editor = window.editor
    editor.tree.setFocus()
    assert _links(window) == {("A1", "B1", "auto"), ("A2", "B2", "auto")}
    editor.set_link("p2 B2")
    assert _links(window) == {("A1", "B2", "user")}
    assert "p.2 B2" in editor.details.link_label.text()
    editor.undo_stack.undo()
    assert _links(window) == {("A1", "B1", "auto"), ("A2", "B2", "auto")}
    editor.undo_stack.redo()
    assert _links(window) == {("A1", "B2", "user")}
    editor.tree.setFocus()
    press(qtbot, window, "Shift+L")
    assert _links(window) == set()
    assert editor.details.link_label.text() == ""
    editor.undo_stack.undo()
    assert _links(window) == {("A1", "B2", "user")}
    # saved: another connection sees it
    other = Store(path, readonly=True)
    assert {r[0] for r in other.db.execute("SELECT from_article FROM links")} >= {"A1"}
    other.close()
