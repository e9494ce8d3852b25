"""A Qt tree model over one segmentation: articles in reading order, their blocks below.

A thin adapter: it holds the Segmentation value it was given and nothing else; every
change comes back as a new value from the store. Blocks can be dragged onto another
article; the drop is reported as a request, the editor turns it into an undoable edit.
"""

from __future__ import annotations

import json

from banmian.core.page.model import Article, Block, Role, Segmentation
from banmian.gui.page_text_view import article_colour
from banmian.gui.translate import tr
from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

BLOCKS_MIME = "application/x-banmian-blocks"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # ("article", id) or ("block", first line)
ROLE_LABELS = {
    Role.HEADLINE: QT_TR_NOOP("headline"),
    Role.SUBHEADLINE: QT_TR_NOOP("subtitle"),
    Role.KICKER: QT_TR_NOOP("kicker"),
    Role.BYLINE: QT_TR_NOOP("byline"),
    Role.BODY: "¶",
    Role.CAPTION: QT_TR_NOOP("caption"),
    Role.NOISE: QT_TR_NOOP("noise"),
}
UNASSIGNED = "unassigned"

ROOT = QModelIndex()  # the invisible root, as Qt's default parent


class ArticleModel(QAbstractItemModel):
    blocks_dropped = Signal(list, object)  # block keys, target article id or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.segmentation: Segmentation | None = None
        # the tree's top rows, built once per segmentation: Qt asks for them per cell
        self.groups: list[tuple[str, tuple[Block, ...], Article | None]] = []
        self.page_order = False  # each article's blocks as they stand in the page text

    # -- content --------------------------------------------------------------------------
    def set_segmentation(self, segmentation: Segmentation | None) -> None:
        self.beginResetModel()
        self.segmentation = segmentation
        self.groups = _groups(segmentation, self.page_order)
        self.endResetModel()

    def set_page_order(self, on: bool) -> None:
        """Reading order (headline first) or page order: where a page prints headings
        after their body, page order lets Down walk the text without jumping back."""
        self.page_order = on
        self.set_segmentation(self.segmentation)

    def article_index(self, article_id: str) -> QModelIndex:
        for row, (gid, _blocks, _a) in enumerate(self.groups):
            if gid == article_id:
                return self.index(row, 0)
        return QModelIndex()

    def block_index(self, key: int) -> QModelIndex:
        for row, (_gid, blocks, _a) in enumerate(self.groups):
            for child, block in enumerate(blocks):
                if block.first == key:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    # -- QAbstractItemModel ---------------------------------------------------------------
    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = ROOT
    ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | QPersistentModelIndex = ROOT) -> QModelIndex:
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802
        groups = self.groups
        if not parent.isValid():
            return len(groups)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(groups[parent.row()][1]) if parent.row() < len(groups) else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802
        return 1

    def _item(self, index: QModelIndex) -> tuple[str, Article | None, Block | None]:
        groups = self.groups
        if index.internalId() == 0:
            gid, _blocks, article = groups[index.row()]
            return gid, article, None
        gid, blocks, article = groups[index.internalId() - 1]
        return gid, article, blocks[index.row()]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        gid, article, block = self._item(index)
        if block is not None:
            return self._block_data(block, role)
        if role == KEY_ROLE:
            return ("article", gid)
        if article is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return tr("Unassigned ({0} blocks)").format(len(self.segmentation.unassigned))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return article_label(article, index.row() + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return article_tooltip(article)
        if role == Qt.ItemDataRole.DecorationRole:
            return article_colour(index.row(), QApplication.palette())
        return None

    def _block_data(self, block: Block, role: int):
        if role == KEY_ROLE:
            return ("block", block.first)
        if role == Qt.ItemDataRole.DisplayRole:
            doubt = " ⚠" if block.doubts else ""
            span = f"{block.first}" if block.first == block.last else f"{block.first}–{block.last}"
            return f"{tr(ROLE_LABELS[block.role])} {span}{doubt}  {block.text[:40]}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{block.role.value}, lines {block.first}–{block.last}", block.text[:300]]
            lines += [f"⚠ {d.confidence:.2f} {d.reason}" for d in block.doubts]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and block.role is Role.NOISE:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and block.role in (
            Role.HEADLINE,
            Role.KICKER,
            Role.SUBHEADLINE,
        ):
            font = QApplication.font()
            font.setBold(True)
            return font
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == 0:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    # -- drag and drop --------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        # Copy, so the view never removes rows itself: the store's new value replaces all.
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [BLOCKS_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        keys = sorted(
            {self.data(i, KEY_ROLE)[1] for i in indexes if i.isValid() and i.internalId() != 0}
        )
        mime = QMimeData()
        mime.setData(BLOCKS_MIME, json.dumps(keys).encode())
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return data.hasFormat(BLOCKS_MIME) and parent.isValid()

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = parent if parent.internalId() == 0 else parent.parent()
        gid = self.data(target, KEY_ROLE)[1]
        keys = json.loads(bytes(data.data(BLOCKS_MIME)).decode())
        if keys:
            self.blocks_dropped.emit(keys, None if gid == UNASSIGNED else gid)
        return False  # the edit arrives as a new segmentation; nothing to insert here


def _groups(
    seg: Segmentation | None, page_order: bool = False
) -> list[tuple[str, tuple[Block, ...], Article | None]]:
    """Articles in reading order, then the blocks in no article (if any) as one group;
    each article's blocks in reading order, or in line order when `page_order`."""
    if seg is None:
        return []
    groups = [
        (a.id, tuple(sorted(a.blocks, key=lambda b: b.first)) if page_order else a.blocks, a)
        for a in seg.articles
    ]
    if seg.unassigned:
        groups.append((UNASSIGNED, seg.unassigned, None))
    return groups


def article_label(article: Article, number: int | None = None) -> str:
    """The article's row: its number in reading order (the digit key that moves blocks
    to it, 1–9), id, kicker · title, then paragraphs, byline, tags, doubts."""
    parts = [f"[{number}] {article.id}" if number else article.id]
    kicker = " ".join(b.text for b in article.of_role(Role.KICKER))
    title = article.title or tr("(no headline)")
    parts.append(f"{kicker} · {title}" if kicker else title)
    bylines = article.of_role(Role.BYLINE)
    info = [f"{len(article.paragraphs)}¶"]
    if bylines:
        info.append(bylines[0].text[:12])
    if article.tags:
        info.append("#" + " #".join(t.name for t in article.tags[:3]))
    if article.continued_from or article.continued_to:
        info.append(f"↪{article.continued_from or ''}→{article.continued_to or ''}")
    doubts = len(article.doubts) + sum(len(b.doubts) for b in article.blocks)
    if doubts:
        info.append(f"⚠{doubts}")
    if article.status != "proposed":
        info.append(article.status)
    return "  ".join(parts) + "   " + " · ".join(info)


def article_tooltip(article: Article) -> str:
    lines = [
        article.title or "",
        *(f"{b.role.value}: {b.text}" for b in article.blocks if b.role is not Role.BODY),
    ]
    lines += [f"⚠ {d.confidence:.2f} {d.reason}" for d in article.doubts]
    return "\n".join(x for x in lines if x)
