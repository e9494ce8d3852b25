"""PgDn / PgUp in the article tree move a screenful of rows: listed on the F1 sheet (the
keys benchmark's oracle uses them for far jumps, so a person should know them), and
moving exactly as far as the benchmark's planner counts on."""

from __future__ import annotations

from banmian.gui.actions import shortcut_rows

from tests.bench.bench_keys import Annotator, Tally
from tests.gui.conftest import press


def test_the_shortcut_sheet_lists_pgdn_and_pgup_for_the_tree(window):
    keys = [keys for _menu, _text, keys in shortcut_rows(window.actions)]
    assert "↓ ↑, PgDn PgUp" in keys  # not only the split line's or Shift's


def test_pgdn_and_pgup_move_the_rows_the_planner_counts(qtbot, window):
    tree = window.editor.tree
    tree.setFocus()
    window.resize(1280, 500)  # fewer rows than the sample page's tree holds
    qtbot.wait(10)
    annotator = Annotator(window, Tally())
    down, up = annotator.page_rows()
    rows = annotator.rows()
    assert 0 < down < len(rows) - 1
    press(qtbot, window, "Home")
    press(qtbot, window, "PgDown")
    assert rows.index(annotator.current()) == down
    press(qtbot, window, "Down")
    press(qtbot, window, "PgUp")
    assert rows.index(annotator.current()) == max(down + 1 - up, 0)
