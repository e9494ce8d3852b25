"""Fewer keys for a split and for reaching a line (issue 15's keys benchmark): a role key
while choosing the split line splits and gives the lower part that role; digits pick
the line by the end of its number; after Ctrl+G a command key needs no Return, and
Shift+J right after it splits at the line gone to; Shift+End / Shift+Home select to the
article's last / first block. Each pressed in the real window, checked in the database
file."""

from __future__ import annotations

from banmian.gui.article_model import KEY_ROLE
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import press, rows, saved_blocks, select_block


def text_lines(seg, block) -> list[int]:
    return [n for n in range(block.first, block.last + 1) if not seg.page.is_blank(n)]


def long_block(window, at_least: int = 3):
    """A block of the first article with `at_least` text lines, and those lines."""
    seg = window.editor.segmentation
    for article in seg.articles:
        for block in article.blocks:
            lines = text_lines(seg, block)
            if len(lines) >= at_least:
                return block, lines
    raise AssertionError("no block that long on the sample page")


def actions(database) -> list[str]:
    return [a for (a,) in rows(database, "SELECT action FROM edit_log ORDER BY id")]


def type_number(qtbot, window, number: int) -> None:
    for digit in str(number):
        press(qtbot, window, digit)


def go_to_a_long_block_s_last_line(qtbot, window):
    """Ctrl+G and the last line's number, typed from the tree: (the block, that line)."""
    block, lines = long_block(window)
    window.editor.tree.setFocus()
    press(qtbot, window, "Ctrl+G")
    type_number(qtbot, window, lines[-1])
    return block, lines[-1]


def test_a_role_key_while_choosing_splits_and_the_lower_part_takes_that_role(
    qtbot, window, database
):
    editor = window.editor
    block, _lines = long_block(window)
    select_block(qtbot, window, block.first)
    before = saved_blocks(database)
    press(qtbot, window, "Shift+J")
    at = editor.split_line
    role, key = ("kicker", "K") if block.role.value != "kicker" else ("byline", "B")
    press(qtbot, window, key)
    saved = saved_blocks(database)
    assert saved[at][0] == role and saved[block.first][0] == block.role.value
    assert saved[block.first][1] < at
    assert actions(database)[-2:] == ["split_paragraph", "set_role"]
    assert editor.tree.keys()[1] == [at]  # the lower part alone, as after Return
    press(qtbot, window, "Ctrl+Z")  # one undo step for the one key
    assert saved_blocks(database) == before
    press(qtbot, window, "Ctrl+Shift+Z")
    assert saved_blocks(database)[at][0] == role


def test_digits_while_choosing_pick_the_line_whose_number_ends_so(qtbot, window, database):
    editor = window.editor
    block, lines = long_block(window)
    select_block(qtbot, window, block.first)
    press(qtbot, window, "Shift+J")
    target = lines[-1]
    typed = ""
    for digit in reversed(str(target)):  # the fewest last digits that name it
        typed = digit + typed
        if next(n for n in lines[1:] if str(n).endswith(typed)) == target:
            break
    for digit in typed:
        press(qtbot, window, digit)
    assert editor.split_line == target
    assert "move_blocks" not in actions(database)  # a digit chose, it moved nothing
    press(qtbot, window, "Return")
    saved = saved_blocks(database)
    assert target in saved and saved[block.first][1] < target


def test_after_ctrl_g_a_command_key_acts_without_return(qtbot, window, database):
    editor = window.editor
    block, _lines = long_block(window, at_least=1)
    role = "H" if block.role.value != "headline" else "P"
    editor.tree.setFocus()
    press(qtbot, window, "Ctrl+G")
    assert QApplication.focusWidget() is editor.goto_entry
    type_number(qtbot, window, block.first)
    press(qtbot, window, role)
    assert saved_blocks(database)[block.first][0] == {"H": "headline", "P": "body"}[role]
    assert QApplication.focusWidget() is editor.tree
    assert not editor.goto_bar.isVisible()


def test_shift_j_right_after_ctrl_g_splits_at_the_line_gone_to(qtbot, window, database):
    editor = window.editor
    block, at = go_to_a_long_block_s_last_line(qtbot, window)
    press(qtbot, window, "Shift+J")
    saved = saved_blocks(database)
    assert at in saved and saved[block.first][1] < at
    assert editor.split_block is None  # split at once, no line to choose
    assert editor.tree.keys()[1] == [at]
    # any other key in between: Shift+J proposes a line to choose, as always
    press(qtbot, window, "Ctrl+Z")
    press(qtbot, window, "Ctrl+G")
    type_number(qtbot, window, at)
    press(qtbot, window, "Return")
    press(qtbot, window, "Up")
    press(qtbot, window, "Down")
    press(qtbot, window, "Shift+J")
    assert editor.split_block == block.first
    press(qtbot, window, "Escape")


def test_the_shift_key_going_down_before_j_keeps_the_line_ctrl_g_went_to(qtbot, window, database):
    # a person presses Shift, then J: the Shift key's own press reaches the tree first
    from PySide6.QtCore import Qt

    editor = window.editor
    block, at = go_to_a_long_block_s_last_line(qtbot, window)
    press(qtbot, window, "Return")
    assert editor.tree.hasFocus()
    qtbot.keyPress(editor.tree, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, window, "Shift+J")
    qtbot.keyRelease(editor.tree, Qt.Key.Key_Shift)
    saved = saved_blocks(database)
    assert at in saved and saved[block.first][1] < at
    assert editor.split_block is None


def test_a_correction_after_ctrl_g_ends_its_claim_on_shift_j(qtbot, window, database):
    editor = window.editor
    go_to_a_long_block_s_last_line(qtbot, window)
    press(qtbot, window, "K")  # a correction on the block gone to: Shift+J is for later
    assert editor.goto_line_at is None


def test_shift_end_and_shift_home_select_to_the_article_s_last_and_first_block(
    qtbot, window, database
):
    seg = window.editor.segmentation
    article = next(a for a in seg.articles if len(a.blocks) >= 4)
    model = window.editor.tree.article_model
    parent = model.article_index(article.id)
    tree_blocks = [
        model.index(r, 0, parent).data(KEY_ROLE)[1] for r in range(model.rowCount(parent))
    ]
    middle = tree_blocks[1]
    select_block(qtbot, window, middle)
    press(qtbot, window, "Shift+End")
    assert window.editor.tree.keys()[1] == sorted(tree_blocks[1:])
    press(qtbot, window, "X")  # the selection is what the next command acts on
    saved = saved_blocks(database)
    assert all(saved[k][2] is None for k in tree_blocks[1:])
    assert saved[tree_blocks[0]][2] == article.id
    press(qtbot, window, "Ctrl+Z")
    select_block(qtbot, window, tree_blocks[2])
    press(qtbot, window, "Shift+Home")
    assert window.editor.tree.keys()[1] == sorted(tree_blocks[:3])
