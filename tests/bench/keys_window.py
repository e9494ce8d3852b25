"""The keys benchmark's hands: an annotator who presses real keys in the real window,
counting each as navigation or command, and walks to where the planner (keys_plan.py,
keys_paths.py) says the next correction is.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from banmian.core.page.model import Role
from banmian.gui.split_choice import likely_paragraph_start

from tests.bench.keys_paths import (
    best_path,
    doubt_walk,
    extension_path,
    paths_from,
    split_path,
    text_lines,
)
from tests.bench.keys_plan import ROLE_KEY, block_row


@dataclass
class Tally:
    keys: int = 0
    navigation: int = 0
    corrections: int = 0
    equal: bool = True
    pages: int = 0
    log: list[str] = field(default_factory=list)


# -- the window ---------------------------------------------------------------------------
class Annotator:
    """Presses keys in the window, counting each as navigation or command."""

    def __init__(self, window, tally: Tally) -> None:
        from PySide6.QtTest import QTest

        self.window = window
        self.editor = window.editor
        self.tree = window.editor.tree
        self.test = QTest
        self.tally = tally
        self.new = "next_article" in window.actions  # the window of issue 15
        self.numbers = "to_article_1" in window.actions  # 1–9: move to article N
        self.doubt_rows = "next_doubt_down" in window.actions  # F7: next doubtful block
        self.page_runs = "extend_on_page" in window.actions  # Shift+PgDn: a column segment
        self.article_ends = hasattr(self.tree, "extend_to_article_end")  # Shift+Home/End
        # the split line chosen by its number's last digits, or split and role at once
        self.split_keys = hasattr(window.editor, "split_typed")
        # after Ctrl+G a command needs no Return, and Shift+J splits at the line gone to
        self.goto_keys = hasattr(window.editor, "goto_line_at")
        self.goto_open = False  # digits typed after Ctrl+G, not yet ended
        # F4: the last one-key correction again, with the moves pressed before it
        self.repeat = "repeat" in window.actions
        self.group: list[str] = []  # keys pressed since the last correction
        self.last_group: list[str] | None = None  # what F4 would press now
        self._cache: tuple = (None, None)
        self.downward = False  # the next correction: the first further down the tree

    def _end_goto(self, navigation: bool) -> None:
        """A command ends the typed line number itself; a navigation key needs Return."""
        if self.goto_open:
            self.goto_open = False
            if navigation:
                self.press("Return", True)

    def press(self, keys: str, navigation: bool) -> None:
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QApplication

        self._end_goto(navigation or keys.isdigit())  # a digit would join the number
        sequence = QKeySequence(keys)
        stack = self.window.undo_group.activeStack()
        before = stack.index() if stack is not None else None
        for i in range(sequence.count()):
            combo = sequence[i]
            target = QApplication.focusWidget() or self.window
            self.test.keyClick(target, combo.key(), combo.keyboardModifiers())
            self.tally.keys += 1
            self.tally.navigation += navigation
        QApplication.processEvents()
        self.group.append(keys)
        if stack is not None and stack.index() != before:  # a correction ends the group
            if keys != "F4":
                repeatable = self.repeat and self.window.repeater.last is not None
                self.last_group = self.group if repeatable else None
            self.group = []
        if os.environ.get("BENCH_KEYS_TRACE"):
            print(("  nav " if navigation else "  CMD ") + keys, file=sys.stderr)

    # the tree's rows as the navigation keys see them
    def rows(self) -> list[tuple[str, object]]:
        model = self.tree.article_model
        out = []
        for r in range(model.rowCount()):
            top = model.index(r, 0)
            out.append(top.data(model_key()))
            for c in range(model.rowCount(top)):
                out.append(model.index(c, 0, top).data(model_key()))
        return out

    def current(self) -> tuple[str, object] | None:
        index = self.tree.currentIndex()
        return index.data(model_key()) if index.isValid() else None

    def focus_tree(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._end_goto(True)
        if QApplication.focusWidget() is self.tree:
            return
        if self.new:
            self.press("Escape", True)
        else:
            for _ in range(8):
                self.press("Tab", True)
                if QApplication.focusWidget() is self.tree:
                    break
        assert QApplication.focusWidget() is self.tree, QApplication.focusWidget()

    def seeds(self, rows) -> list[tuple[int, list[str]]]:
        if not self.editor.segmentation.doubts():
            return []
        editor = self.editor
        return doubt_walk(
            rows, editor.segmentation, editor.doubt_index, visited=editor.doubt_visited
        )

    def _paths(self) -> tuple[list, dict[int, list[str]]]:
        """The tree's rows and the fewest navigation keys from here to each (cached
        while nothing changes: the page, the current row, the doubt shown)."""
        here = self.current()
        seg = self.editor.segmentation
        state = (here, self.editor.doubt_index, self.editor.doubt_visited)
        cached = self._cache[0]
        # the segmentation itself is kept and compared by identity: an id() of a freed
        # one can come back for the next, and a stale cache plans a wrong walk
        if cached is None or cached[0] is not seg or cached[1] != state:
            rows = self.rows()
            start = rows.index(here) if here in rows else 0
            paths = paths_from(
                rows, start, self.new, seg, self.doubt_rows, self.seeds(rows), self.page_rows()
            )
            self._cache = ((seg, state), (rows, paths))
        return self._cache[1]

    def page_rows(self) -> tuple[int, int] | None:
        """How many rows the tree's PgDn and PgUp move the current row: a screenful, as
        the annotator sees it (QTreeView moves to the row a viewport's height below /
        above, its rows all of one height)."""
        if not self.tree.uniformRowHeights() or self.tree.model().rowCount() == 0:
            return None
        height = self.tree.visualRect(self.tree.model().index(0, 0)).height()
        if height <= 0:
            return None
        viewport = self.tree.viewport().height()
        return viewport // height, -(-viewport // height)

    def path_to(self, target: tuple[str, object]) -> list[str]:
        rows, paths = self._paths()
        if self.current() == target:
            return []
        return best_path(rows, rows.index(target), self.new, paths)

    def distance(self, target: tuple[str, object]) -> int:
        """How many navigation keys `walk_to(target)` would press."""
        return len(self.path_to(target))

    def nearest(self, keys: list[int]) -> int:
        """The next of `keys` (blocks) to correct: the nearest in keys, or (`downward`)
        the first at or below the current row in the tree, the nearest when none is."""
        if self.downward:
            rows = self.rows()
            here = self.current()
            at = rows.index(here) if here in rows else 0
            below = [k for k in keys if rows.index(block_row(k)) >= at]
            if below:
                return min(below, key=lambda k: rows.index(block_row(k)))
        return min(keys, key=lambda k: (self.distance(block_row(k)), k))

    def planned_walk(self, target: tuple[str, object]) -> list[str]:
        """The keys `walk_to(target)` would press (focus on the tree)."""
        if self.current() == target and len(self.tree.selectionModel().selectedRows()) == 1:
            return []
        return self.path_to(target) or ["Down", "Up"]

    def repeated(self, plans: list[list[str]], then: str) -> bool:
        """F4 instead of one of `plans` (moves) and `then` (the correction), where it
        would press exactly those keys: the annotator sees the same beat again."""
        from PySide6.QtWidgets import QApplication

        if not self.repeat or self.last_group is None or self.goto_open:
            return False
        if QApplication.focusWidget() is not self.tree:
            return False
        if any([*plan, then] == self.last_group for plan in plans):
            self.command("F4")
            return True
        return False

    def act(self, target: tuple[str, object], then: str) -> None:
        """Walk to `target` and press the correction `then` (or F4, where it is that)."""
        if not self.repeated([self.planned_walk(target)], then):
            self.walk_to(target, command_next=True)
            self.command(then)

    def walk_to(self, target: tuple[str, object], command_next: bool = False) -> None:
        """Make `target` the current (and only selected) row, by the fewest keys; with
        `command_next`, a command is pressed next (after Ctrl+G it needs no Return)."""
        self.focus_tree()
        rows = self.rows()
        here = self.current()
        selected = self.tree.selectionModel().selectedRows()
        if here == target and len(selected) == 1:
            return
        goal = rows.index(target)
        path = self.path_to(target)
        if command_next and self.goto_keys and path[:1] == ["Ctrl+G"]:
            for keys in path[:-1]:  # the line number typed; the command ends it
                self.press(keys, True)
            self.goto_open = True
            return
        for keys in path:
            self.press(keys, True)
        if self.current() != target:  # a model of a key was wrong: walk the rest
            if os.environ.get("BENCH_KEYS_TRACE"):
                print(f"  (the walk {path} missed {target})", file=sys.stderr)
            for _ in range(len(rows)):
                here = rows.index(self.current())
                if here == goal:
                    break
                self.press("Down" if here < goal else "Up", True)
        if len(self.tree.selectionModel().selectedRows()) != 1:
            self.press("Down", True)
            self.press("Up", True)
        assert self.current() == target, (self.current(), target)

    def select_run(self, key: int, same, then: str | None = None) -> None:
        """Select the run of adjacent block rows around `key` for which `same` holds:
        walk to whichever end is nearer, Shift+Down or Shift+Up to the other; then press
        the correction `then` (or F4 where it would press the same keys)."""
        rows = self.rows()
        top = bottom = rows.index(block_row(key))
        while top > 0 and rows[top - 1][0] == "block" and same(rows[top - 1][1]):
            top -= 1
        while (
            bottom + 1 < len(rows) and rows[bottom + 1][0] == "block" and same(rows[bottom + 1][1])
        ):
            bottom += 1
        seg = self.editor.segmentation
        down = extension_path(rows, seg, top, bottom, self.page_runs, self.article_ends)
        up = extension_path(rows, seg, bottom, top, self.page_runs, self.article_ends)
        if then is not None:
            self.focus_tree()
            plans = [self.planned_walk(rows[top]) + down, self.planned_walk(rows[bottom]) + up]
            if self.repeated(plans, then):
                return
        if self.distance(rows[bottom]) + len(up) < self.distance(rows[top]) + len(down):
            self.walk_to(rows[bottom], command_next=not up)
            path = up
        else:
            self.walk_to(rows[top], command_next=not down)
            path = down
        for keys in path:
            self.press(keys, True)
        assert self.goto_open or len(self.tree.selectionModel().selectedRows()) == bottom - top + 1
        if then is not None:
            self.command(then)

    def command(self, keys: str) -> None:
        self.press(keys, False)

    def split_paragraph(self, block: int, at: int, role: Role | None = None) -> None:
        """Split `block` so that a new one starts on line `at`, whose role is to be
        `role`: from the tree (Shift+J, the line chosen, Return or the role's key), or
        by going to the line (Ctrl+G, its number, Shift+J), whichever takes fewer keys."""
        seg = self.editor.segmentation
        if not self.new:
            self.walk_to(block_row(block))
            self._split_in_text(at)
            if role is not None and role is not seg.block(block).role:
                self.command(ROLE_KEY[role])
            return
        lines = text_lines(seg, block, seg.block(block).last)[1:]
        retitle = role is not None and role is not seg.block(block).role
        proposed = likely_paragraph_start(seg, block, lines)
        choose = split_path(seg, block, lines, proposed, at, self.split_keys)
        in_tree = self.distance(block_row(block)) + 2 + len(choose)
        in_tree += retitle and not self.split_keys
        by_line = 2 + len(str(at)) + retitle
        if self.goto_keys and by_line < in_tree:
            self.focus_tree()
            for keys in ["Ctrl+G", *str(at)]:
                self.press(keys, True)
            self.goto_open = True
            self.command("Shift+J")
            assert self.editor.segmentation.block_at_line(at).first == at
            if retitle:
                self.command(ROLE_KEY[role])
            return
        self.walk_to(block_row(block), command_next=True)
        self.command("Shift+J")
        assert self.editor.split_line == proposed
        for keys in choose:
            self.press(keys, True)
        assert self.editor.split_line == at
        if retitle and self.split_keys:
            self.command(ROLE_KEY[role])
            return
        self.command("Return")
        if retitle:
            self.command(ROLE_KEY[role])

    def _split_in_text(self, at: int) -> None:
        """The first window's way: the page text's cursor on the line, Shift+J."""
        from PySide6.QtWidgets import QApplication

        view = self.editor.text_view
        for _ in range(8):
            if QApplication.focusWidget() is view:
                break
            self.press("Shift+Tab", True)
        assert QApplication.focusWidget() is view
        here = view.current_line()
        for _ in range(abs(at - here)):
            self.press("Down" if at > here else "Up", True)
        assert view.current_line() == at
        self.command("Shift+J")


def model_key():
    from banmian.gui.article_model import KEY_ROLE

    return KEY_ROLE
