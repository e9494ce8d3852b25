"""The article panel's tree: articles in reading order with their blocks, drag to move.

Blocks are dragged onto another article (or onto "Unassigned"); the model reports the
drop and the editor turns it into an undoable edit, so the view never moves rows itself.
"""

from __future__ import annotations

from banmian.gui.article_model import KEY_ROLE, ArticleModel
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget


class ArticleTree(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article_model = ArticleModel(self)
        self.setModel(self.article_model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(False)

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
