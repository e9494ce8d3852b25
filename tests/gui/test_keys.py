"""Issue 15's traps, each pressed as an annotator would: focus after a tag, Escape,
the selection after a split, a verified page, and the navigation keys."""

from __future__ import annotations

from banmian.gui.article_model import KEY_ROLE
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import press, rows, saved_blocks, select_block, type_chinese


def focused():
    return QApplication.focusWidget()


def multi_line_block(window) -> int:
    seg = window.editor.segmentation
    return next(
        b.first
        for a in seg.articles
        for b in a.blocks
        if len([n for n in range(b.first, b.last + 1) if not seg.page.is_blank(n)]) >= 3
    )


def test_after_a_typed_tag_the_next_letter_is_a_command(qtbot, window, database):
    select_block(qtbot, window, multi_line_block(window))
    key = window.editor.tree.currentIndex().data(KEY_ROLE)[1]
    press(qtbot, window, "Ctrl+T")
    assert focused() is window.editor.details.tag_entry
    type_chinese(window.editor.details.tag_entry, "航线")
    press(qtbot, window, "Return")
    assert ("航线",) in rows(database, "SELECT name FROM article_tags")
    assert focused() is window.editor.tree
    press(qtbot, window, "H")
    assert saved_blocks(database)[key][0] == "headline"
    assert window.editor.details.tag_entry.text() == ""


def test_escape_from_any_field_returns_to_the_tree(qtbot, window):
    editor = window.editor
    for keys, field in (
        ("F2", editor.details.title),
        ("Ctrl+T", editor.details.tag_entry),
        ("Ctrl+G", editor.goto_entry),
        ("F6", editor.text_view),
    ):
        press(qtbot, window, keys)
        assert focused() is field, keys
        press(qtbot, window, "Escape")
        assert focused() is editor.tree, keys
    assert not editor.goto_bar.isVisible()


def test_split_in_the_tree_leaves_the_lower_half_alone_selected(qtbot, window, database):
    editor = window.editor
    first = multi_line_block(window)
    select_block(qtbot, window, first)
    press(qtbot, window, "Shift+J")
    proposed = editor.split_line
    assert proposed is not None and proposed > first
    press(qtbot, window, "Down")  # the next text line down
    at = editor.split_line
    assert at > proposed
    press(qtbot, window, "Return")
    saved = saved_blocks(database)
    assert at in saved and saved[first][1] < at
    assert editor.tree.keys()[1] == [at]
    press(qtbot, window, "K")
    saved = saved_blocks(database)
    assert saved[at][0] == "kicker" and saved[first][0] != "kicker"


def test_escape_cancels_choosing_a_split_line(qtbot, window, database):
    first = multi_line_block(window)
    select_block(qtbot, window, first)
    before = saved_blocks(database)
    press(qtbot, window, "Shift+J")
    press(qtbot, window, "Escape")
    press(qtbot, window, "Return")
    assert saved_blocks(database) == before
    assert window.editor.split_block is None


def test_a_verified_page_is_read_only_until_e(qtbot, window, database):
    page_id = window.editor.page_id
    press(qtbot, window, "Ctrl+Return")
    assert rows(database, "SELECT status FROM pages") == [("verified",)]
    window.open_page(page_id)
    # a page to read, not to correct: it opens on its first article, not on a doubt
    first = window.editor.segmentation.articles[0].id
    assert window.editor.tree.currentIndex().data(KEY_ROLE) == ("article", first)
    assert window.editor.doubt_index == -1
    key = multi_line_block(window)
    select_block(qtbot, window, key)
    before = saved_blocks(database)
    for keys in ("H", "S", "Ctrl+Z", "J"):
        press(qtbot, window, keys)
    assert saved_blocks(database) == before
    assert rows(database, "SELECT status FROM pages") == [("verified",)]
    assert "E" in window.mode_label.text()
    press(qtbot, window, "E")
    assert rows(database, "SELECT status FROM pages") == [("in_progress",)]
    press(qtbot, window, "H")
    assert saved_blocks(database)[key][0] == "headline"


def test_navigation_keys_reach_articles_headings_and_lines(qtbot, window):
    editor = window.editor
    tree = editor.tree
    tree.setFocus()
    press(qtbot, window, "Home")
    press(qtbot, window, "]")
    assert tree.currentIndex().data(KEY_ROLE) == ("article", editor.segmentation.articles[1].id)
    press(qtbot, window, "[")
    assert tree.currentIndex().data(KEY_ROLE) == ("article", editor.segmentation.articles[0].id)
    press(qtbot, window, ".")
    kind, key = tree.currentIndex().data(KEY_ROLE)
    assert kind == "block" and editor.segmentation.block(key).role.value in (
        "headline",
        "subheadline",
        "kicker",
    )
    press(qtbot, window, "Ctrl+G")
    for digit in "30":
        press(qtbot, window, digit)
    press(qtbot, window, "Return")
    block = editor.segmentation.block_at_line(30)
    assert tree.keys()[1] == [block.first]
    assert focused() is tree
    press(qtbot, window, "F6")
    assert focused() is editor.text_view
    press(qtbot, window, "F6")
    assert focused() is tree


def test_the_shortcut_sheet_lists_focus_movement(qtbot, window):
    from banmian.gui.actions import shortcut_rows

    keys = " ".join(k for _m, _c, k in shortcut_rows(window.actions))
    for key in ("Esc", "F6", "Tab", "Ctrl+G", "]", "[", "Shift+J", "E"):
        assert key in keys, key


def test_reflowed_view_wraps_and_follows_the_tree(qtbot, window):
    from PySide6.QtWidgets import QPlainTextEdit

    view = window.editor.text_view
    press(qtbot, window, "Ctrl+R")
    assert view.lineWrapMode() is QPlainTextEdit.LineWrapMode.WidgetWidth
    window.editor.tree.setFocus()
    press(qtbot, window, "End")
    press(qtbot, window, "[")
    article = window.editor.tree.keys()[0]
    assert view.textCursor().block().text().startswith(f"── {article} ──")
    press(qtbot, window, "Ctrl+R")
    assert view.lineWrapMode() is QPlainTextEdit.LineWrapMode.NoWrap
