"""Moving around a page by its structure, for the page editor (a mixin of PageEditor):
the next article or heading block, go to line (Ctrl+G), a selection extended over a
column segment (Shift+PgDn), the other pane (F6). Navigation only: nothing here edits.
"""

from __future__ import annotations

from collections.abc import Callable

from banmian.core.page.model import HEADING_ROLES, Segmentation
from banmian.gui.article_model import KEY_ROLE
from banmian.gui.translate import tr
from PySide6.QtCore import QModelIndex


class PageNavigation:
    """Needs from the editor: `tree`, `text_view`, `segmentation`, `message`,
    `goto_bar`, `goto_entry`, `goto_line_at` and `_tree_selected`."""

    def _go_to_row(self, wanted: Callable[[QModelIndex], bool], step: int) -> bool:
        rows = self.tree.rows()
        if not rows:
            return False
        current = self.tree.currentIndex()
        here = next((i for i, r in enumerate(rows) if r == current), -1)
        order = range(here + 1, len(rows)) if step > 0 else range(here - 1, -1, -1)
        for i in order:
            if wanted(rows[i]):
                self.tree.setCurrentIndex(rows[i])
                self.tree.scrollTo(rows[i])
                return True
        return False

    def step_article(self, step: int) -> None:
        if not self._go_to_row(lambda i: i.data(KEY_ROLE)[0] == "article", step):
            self.message.emit(tr("No article further on") if step > 0 else tr("No article above"))

    def _is_heading(self, index: QModelIndex) -> bool:
        kind, key = index.data(KEY_ROLE)
        return kind == "block" and self.segmentation.block(key).role in HEADING_ROLES

    def step_heading(self, step: int) -> None:
        if self.segmentation is None:
            return
        if not self._go_to_row(self._is_heading, step):
            self.message.emit(tr("No heading further on") if step > 0 else tr("No heading above"))

    def extend_on_page(self, step: int) -> None:
        """Shift+PgDn / Shift+PgUp: extend the block selection down (up) the tree over
        the blocks that go on from it on the page, without a jump in the text: a column
        segment at once, as a stray run of paragraphs usually is."""
        seg = self.segmentation
        if seg is None:
            return
        rows = self.tree.rows()
        current = self.tree.currentIndex()
        here = next((i for i, r in enumerate(rows) if r == current), -1)
        count = 0
        while 0 <= here + step < len(rows):
            near, far = rows[here].data(KEY_ROLE), rows[here + step].data(KEY_ROLE)
            if near[0] != "block" or far[0] != "block":
                break
            upper, lower = (near[1], far[1]) if step > 0 else (far[1], near[1])
            if _next_text_line(seg, seg.block(upper).last) != lower:
                break
            here += step
            count += 1
        if count:
            self.tree.extend_to(rows[here])
        else:
            self.message.emit(tr("The next block does not go on from it on the page"))

    def ask_line(self) -> None:
        """Ctrl+G: a line number typed in the bar above the page, Return goes there."""
        if self.segmentation is None:
            return
        self.goto_line_at = None
        self.goto_bar.show()
        self.goto_entry.clear()
        self.goto_entry.setFocus()

    def _goto_typed(self) -> None:
        text = self.goto_entry.text()
        self.goto_bar.hide()
        self.tree.setFocus()
        if text.isdigit():
            self.go_to_line(int(text))

    def go_to_line(self, line: int) -> None:
        seg = self.segmentation
        if seg is None:
            return
        block = seg.block_at_line(line) or next(
            (b for b in sorted(seg.blocks(), key=lambda b: b.first) if b.first >= line), None
        )
        if block is None:
            self.message.emit(tr("No block at or below line {0}").format(line))
            return
        owner = seg.article_of(block.first)
        self.tree.select_items([owner.id] if owner else [], [block.first])
        self._tree_selected()
        # a line inside the block: Shift+J, pressed next, splits the block there
        self.goto_line_at = line if block.first < line <= block.last else None

    def switch_pane(self) -> None:
        if self.tree.hasFocus():
            self.text_view.setFocus()
        else:
            self.tree.setFocus()


def _next_text_line(seg: Segmentation, line: int) -> int:
    """The first non-blank line after `line`."""
    n = line + 1
    while n <= len(seg.page.lines) and seg.page.is_blank(n):
        n += 1
    return n
