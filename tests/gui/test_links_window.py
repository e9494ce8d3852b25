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


def _unsure_issue(tmp_path):
    """Two stories on page 1 both continued on page 2, whose tails nothing tells apart:
    every end carries a link doubt with both candidates."""
    from tests.page_builder import build

    heads = [
        ("A1", "headline", "会议部署工作"),
        ("A1", "body", "本报讯 会议指出，要做好各项工作（下转第二版）"),
        ("", "blank", ""),
        ("A2", "headline", "会议强调落实"),
        ("A2", "body", "本报讯 会议强调，要抓好各项落实（下转第二版）"),
    ]
    tails = [
        ("B1", "body", "（上接第一版）各方面要加强协调。"),
        ("", "blank", ""),
        ("B2", "body", "（上接第一版）各部门要密切配合。"),
    ]
    path = tmp_path / "unsure.db"
    store = Store(path)
    one = cp.add(store, build(heads, source="01.txt"), {"A1": (None, "2"), "A2": (None, "2")}, "1")
    two = cp.add(store, build(tails, source="02.txt"), {"B1": ("1", None), "B2": ("1", None)}, "2")
    report = link_issues(store)
    assert not report.linked and len(report.doubtful) == 4
    store.close()
    return path, one, two


def _link_doubts(store, page_id) -> dict[str, list]:
    import json

    return {
        article: [d["alternatives"] for d in json.loads(raw or "[]") if d["about"] == "link"]
        for article, raw in store.db.execute(
            "SELECT article_id, doubts FROM articles WHERE page_id = ?", [page_id]
        )
    }


def test_link_doubt_accepted_with_y_taken_with_alt_and_undone(qtbot, open_window, tmp_path):
    path, one, two = _unsure_issue(tmp_path)
    window = open_window(path)
    window.open_page(one)
    editor = window.editor
    editor.tree.setFocus()
    press(qtbot, window, "F8")
    doubt, article, _ = editor._current_doubt()
    assert doubt.about == "link" and set(doubt.alternatives) == {"p2 B1", "p2 B2"}
    assert "link to " + doubt.alternatives[0] in editor.doubt_panel.buttons[0].text()
    assert "link" in editor.doubt_panel.label.text()
    best, second = doubt.alternatives
    press(qtbot, window, "Y")  # the linker's best candidate
    tail = best.split()[1]
    assert (article, tail, "user") in _links(window)
    assert not _link_doubts(window.store, one)[article]  # gone from the page …
    assert not _link_doubts(window.store, two)[tail]  # … and from the other end
    assert all(d.about != "link" or a != article for d, a, _ in editor.segmentation.doubts())
    # the page in memory holds no link doubt either, so its next save cannot restore one
    editor.undo_stack.undo()  # one step undoes the link and brings the doubt back
    assert _links(window) == set()
    assert _link_doubts(window.store, one)[article] == [[best, second]]
    assert any(d.about == "link" and a == article for d, a, _ in editor.segmentation.doubts())
    # Alt+2: the other candidate
    editor.tree.setFocus()
    press(qtbot, window, "F8")
    doubt, article, _ = editor._current_doubt()
    other = doubt.alternatives[1].split()[1]
    press(qtbot, window, "Alt+2")
    assert (article, other, "user") in _links(window)
    # saved: another connection sees the link and no doubt on it
    reader = Store(path, readonly=True)
    assert _link_doubts(reader, one)[article] == []
    reader.close()


def test_the_corpus_view_marks_pages_with_continuation_marks_not_linked(
    qtbot, open_window, tmp_path
):
    """⇄N beside a page's article count until its marks are linked; removing a link
    leaves the other fragment's mark open, and going back to the corpus shows it."""
    from banmian.core.corpus.continuations import open_links
    from banmian.gui.corpus_view import ARTICLES_COLUMN
    from PySide6.QtCore import Qt

    path, one, two = _linked(tmp_path)
    window = open_window(path)

    def cell(page_id: int) -> tuple[str, str]:
        model = window.corpus.model
        index = model.index(model.row_of(page_id), ARTICLES_COLUMN)
        return str(index.data()), str(index.data(Qt.ItemDataRole.ToolTipRole))

    conn = window.store.db.conn
    before = {page: open_links(conn, page) for page in (one, two)}
    window.show_corpus()
    for page, count in before.items():  # marks the issue holds no page for stay open
        assert cell(page)[0].endswith(f"⇄{count}") if count else "⇄" not in cell(page)[0]
    window.open_page(one, "A1")
    window.editor.tree.setFocus()
    # A1's link removed: the annotator said A1 goes on nowhere (resolved), while p.2
    # B1's 上接 mark is left without its head
    press(qtbot, window, "Shift+L")
    after = {one: before[one], two: before[two] + 1}
    assert {page: open_links(conn, page) for page in (one, two)} == after
    press(qtbot, window, "Alt+Left")  # back to the corpus
    text, tip = cell(two)
    assert text.endswith(f"⇄{after[two]}") and f"not linked yet: {after[two]}" in tip
