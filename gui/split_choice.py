"""Splitting a paragraph at a line chosen without leaving the tree (Shift+J), for the
page editor (a mixin of PageEditor): the likeliest paragraph start is proposed, ↑/↓
step a line, PgDn/PgUp jump to the next likely one, digits pick the line whose number
ends so (as the margin shows it), Return splits, a role key (H, U, K, B, P, C, N)
splits and gives the lower half that role, Esc cancels. In the page text, and right
after Ctrl+G went to a line inside the block, Shift+J splits at that line at once.
"""

from __future__ import annotations

from contextlib import nullcontext

from banmian.core.edits import structure as edits
from banmian.core.edits.structure import EditError
from banmian.core.page.model import Role, Segmentation
from banmian.core.page.reflow import clean_line, is_indented
from banmian.gui.actions import role_letters
from banmian.gui.commands import one_undo_step
from banmian.gui.translate import tr
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

_ARROWS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: +1}
_PAGES = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: +1}
_RETURNS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DIGITS = {getattr(Qt.Key, f"Key_{d}"): str(d) for d in range(10)}
_ROLES = role_letters()


class SplitChoice:
    """Needs from the editor: `segmentation`, `read_only`, `tree`, `text_view`,
    `message`, `apply`, `block_keys`, `set_role`, `undo_stack`, `_tree_selected`,
    `_syncing`, `goto_line_at` (the line Ctrl+G last went to, or None), and the
    choice's own `split_block` / `split_line` (None when no choice is under way) and
    `split_typed` (the digits typed so far)."""

    def split_paragraph(self) -> None:
        """In the page text: split at its cursor line. Elsewhere: choose the line with
        ↑/↓ in the tree (the likeliest paragraph start is proposed), Return splits."""
        if self.segmentation is None or self.read_only:
            self.apply(lambda s: s)  # says why not
            return
        if self.text_view.hasFocus() and not self.text_view.reflowed:
            self._split_at(self.text_view.current_line())
            return
        keys = self.block_keys()
        if not keys:
            self.message.emit(tr("select a block first"))
            return
        block = self.segmentation.block(keys[0])
        lines = _text_lines(self.segmentation, block.first, block.last)[1:]
        went, self.goto_line_at = self.goto_line_at, None
        if went in lines and keys == [block.first]:  # Ctrl+G put the annotator there
            self._split_at(went)
            return
        if not lines:
            self.message.emit(tr("a one-line block cannot be split"))
            return
        self.split_block, self.split_line = (
            block.first,
            likely_paragraph_start(self.segmentation, block.first, lines),
        )
        self.split_typed = ""
        self.tree.select_items([], [block.first])
        self.tree.setFocus()
        self._show_split_choice()

    def _show_split_choice(self) -> None:
        assert self.split_block is not None and self.split_line is not None
        block = self.segmentation.block(self.split_block)
        self._syncing = True
        self.text_view.select_lines(self.split_line, block.last)
        self._syncing = False
        self.message.emit(
            tr(
                "Split at line {0}: ↑/↓ or its number's last digits choose the line, "
                "PgDn/PgUp the next likely one, Return splits, a role key splits and sets "
                "the lower part's role, Esc cancels"
            ).format(self.split_line)
        )

    def _end_split_choice(self) -> None:
        self.split_block = self.split_line = None
        self.split_typed = ""

    def _split_at(self, line: int, role: Role | None = None) -> None:
        """Split at `line`; with a role, the lower half takes it (one undo step, two
        corrections in the edit log, as if pressed apart)."""
        try:
            block = self.segmentation.block(self._block_around(self.segmentation, line))
        except EditError as exc:
            self.message.emit(tr(str(exc)))  # core's fixed sentences are translated
            return
        with_role = role is not None and role is not block.role
        text = tr("Split the paragraph at line {0} and give the lower part its role")
        with one_undo_step(self.undo_stack, text.format(line)) if with_role else nullcontext():
            if self.apply(lambda s: edits.split_paragraph(s, block.first, line)):
                self.tree.select_items([], [line])  # the lower half alone: its role next
                if with_role:
                    self.set_role(role)
                else:
                    self._tree_selected()

    def split_choice_takes(self, key: int, modifiers) -> bool:
        """Whether a key that is also a command's shortcut (a digit, a role letter) acts
        on the split line being chosen instead."""
        return (
            self.split_block is not None
            and modifiers == Qt.KeyboardModifier.NoModifier
            and (key in _DIGITS or key in _ROLES)
        )

    def _split_key(self, event: QKeyEvent) -> bool:
        """A key while choosing the split line; False: not ours (the choice ends)."""
        key = event.key()
        if key in _ARROWS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            block = self.segmentation.block(self.split_block)
            lines = _text_lines(self.segmentation, block.first, block.last)[1:]
            index = min(max(lines.index(self.split_line) + _ARROWS[key], 0), len(lines) - 1)
            self.split_line, self.split_typed = lines[index], ""
            self._show_split_choice()
            return True
        if key in _DIGITS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            block = self.segmentation.block(self.split_block)
            lines = _text_lines(self.segmentation, block.first, block.last)[1:]
            typed = self.split_typed + _DIGITS[key]
            if line_ending(lines, typed) is None:
                typed = _DIGITS[key]  # a new number begins
            if (found := line_ending(lines, typed)) is not None:
                self.split_typed, self.split_line = typed, found
                self._show_split_choice()
            else:
                self.message.emit(tr("No line of this block ends in {0}").format(typed))
            return True
        if key in _PAGES and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            block = self.segmentation.block(self.split_block)
            lines = _text_lines(self.segmentation, block.first, block.last)[1:]
            likely = split_candidates(self.segmentation, block.first, lines)
            self.split_typed = ""
            if _PAGES[key] > 0:
                self.split_line = next((n for n in likely if n > self.split_line), lines[-1])
            else:
                self.split_line = next(
                    (n for n in reversed(likely) if n < self.split_line), lines[0]
                )
            self._show_split_choice()
            return True
        line = self.split_line
        self._end_split_choice()
        if key in _RETURNS:
            self._split_at(line)
            return True
        if key in _ROLES and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._split_at(line, _ROLES[key])
            return True
        if key == Qt.Key.Key_Escape:
            self.message.emit(tr("No split"))
            self._tree_selected()
            return True
        return False

    def _block_around(self, seg: Segmentation, line: int) -> int:
        block = seg.block_at_line(line)
        if block is None:
            raise EditError(tr("put the page text's cursor on the line that starts the paragraph"))
        return block.first


def _text_lines(seg: Segmentation, first: int, last: int) -> list[int]:
    return [n for n in range(first, last + 1) if not seg.page.is_blank(n)]


def line_ending(lines: list[int], typed: str) -> int | None:
    """The first of `lines` whose number ends in the digits `typed`."""
    return next((n for n in lines if str(n).endswith(typed)), None)


def likely_paragraph_start(seg: Segmentation, first: int, lines: list[int]) -> int:
    """Where a block most likely holds a second paragraph or heading: the first line
    that is indented, or follows a line shorter than the block's longest."""
    return next(iter(_starts(seg, first, lines, after_blank=False)), lines[0])


def split_candidates(seg: Segmentation, first: int, lines: list[int]) -> list[int]:
    """The lines where a block may well hold a second paragraph, heading or another
    article's column (PgDown/PgUp while choosing a split line): after a blank line,
    indented, or after a line shorter than the block's longest."""
    return _starts(seg, first, lines, after_blank=True)


def _starts(seg: Segmentation, first: int, lines: list[int], after_blank: bool) -> list[int]:
    page = seg.page
    widest = max(len(clean_line(page.line(n))) for n in [first, *lines])
    return [
        n
        for before, n in zip([first, *lines], lines, strict=False)
        if (after_blank and n > before + 1)  # a blank line between them
        or is_indented(page.line(n))
        or len(clean_line(page.line(before))) < widest - 1
    ]
