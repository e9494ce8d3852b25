"""The article panel's tree: articles in reading order with their blocks, drag to move.

Blocks are dragged onto another article (or onto "Unassigned"); the model reports the
drop and the editor turns it into an undoable edit, so the view never moves rows itself.
"""

from __future__ import annotations

from banmian.gui.article_model import KEY_ROLE, ArticleModel
from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget


class ArticleTree(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Where Shift+↑/↓ extends from: the row made current by anything but extending
        # (Qt's own anchor survives the moves made by ], ., F7, go to line…).
        self.anchor = QPersistentModelIndex()
        self._extending = False
        self.article_model = ArticleModel(self)
        self.setModel(self.article_model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(False)

    def rows(self) -> list[QModelIndex]:
        """Every row top to bottom, as the arrow keys walk them (all are expanded)."""
        model = self.article_model
        out = []
        for r in range(model.rowCount()):
            top = model.index(r, 0)
            out.append(top)
            out += [model.index(c, 0, top) for c in range(model.rowCount(top))]
        return out

    def extend_to(self, target: QModelIndex) -> None:
        """Select the rows from the anchor to `target`, which becomes current."""
        rows = self.rows()
        anchor = QModelIndex(self.anchor) if self.anchor.isValid() else self.currentIndex()
        if anchor not in rows or target not in rows:
            return
        i, j = sorted((rows.index(anchor), rows.index(target)))
        selection = QItemSelection()
        for index in rows[i : j + 1]:
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        self._extending = True
        try:
            self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
            self.selectionModel().setCurrentIndex(target, flags.NoUpdate)
        finally:
            self._extending = False
        self.scrollTo(target)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:  # noqa: N802
        super().currentChanged(current, previous)
        if not self._extending:
            self.anchor = QPersistentModelIndex(current)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        ends = {Qt.Key.Key_Home: 0, Qt.Key.Key_End: -1}
        shift = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if shift and event.key() in steps:
            rows = self.rows()
            current = self.currentIndex()
            if current in rows:
                i = rows.index(current) + steps[event.key()]
                if 0 <= i < len(rows):
                    self.extend_to(rows[i])
                return
        if shift and event.key() in ends:
            self.extend_to_article_end(ends[event.key()])
            return
        super().keyPressEvent(event)

    def extend_to_article_end(self, end: int) -> None:
        """Shift+Home / Shift+End: the selection runs to the first (`end` 0) or last
        (-1) block of the article (or Unassigned) the current row is in."""
        current = self.currentIndex()
        parent = current.parent() if current.parent().isValid() else current
        count = self.article_model.rowCount(parent)
        if current.isValid() and count:
            self.extend_to(self.article_model.index(end % count, 0, parent))

    def keys(self) -> tuple[str | None, list[int]]:
        """(article of the current item, block keys of the selected block rows)."""
        current = self.currentIndex()
        article = None
        if current.isValid():
            kind, value = current.data(KEY_ROLE)
            article = value if kind == "article" else current.parent().data(KEY_ROLE)[1]
        blocks = sorted(
            i.data(KEY_ROLE)[1]
            for i in self.selectionModel().selectedRows()
            if i.data(KEY_ROLE)[0] == "block"
        )
        return article, blocks

    def select_items(self, articles: list[str], blocks: list[int]) -> None:
        """Select these rows and make the first current, scrolling it into view."""
        model = self.article_model
        indexes = [model.block_index(k) for k in blocks] or [
            model.article_index(a) for a in articles
        ]
        indexes = [i for i in indexes if i.isValid()]
        selection = QItemSelection()
        for index in indexes:
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        if indexes:
            self.selectionModel().setCurrentIndex(indexes[0], flags.NoUpdate)
            self.scrollTo(indexes[0])
