"""The corpus at a glance: the pages of the database, their state, and search.

The page table shows what core.corpus.listing fetches: the number of pages in the view
(one aggregate) and the rows on screen, a chunk at a time; sorting and the status filter
are that listing's SQL, on indexes, so the view costs the same at 100 pages and at
100,000, and no page's text is read to list it. The model here is a thin Qt face on it.
Search goes through the store's word-aware search and lists articles, not pages. It
runs on a worker thread with its own read-only connection, so typing never waits for it;
the newest query wins (a result that arrives after a newer query was asked is dropped).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from banmian.core.corpus.continuations import open_links
from banmian.core.corpus.listing import Listing, View, neighbour
from banmian.core.corpus.search import SearchError, SearchHit, query_words
from banmian.core.corpus.store import STATUSES, PageSummary, Store, page_place
from banmian.gui.background import BackgroundJob
from banmian.gui.translate import tr
from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

COLUMNS = (
    QT_TR_NOOP("Date"),
    QT_TR_NOOP("Page"),
    QT_TR_NOOP("Newspaper"),
    QT_TR_NOOP("Articles"),
    QT_TR_NOOP("Doubts"),
    QT_TR_NOOP("Status"),
    QT_TR_NOOP("Last edit"),
    QT_TR_NOOP("Source"),
)
# the listing's order for a click on each column (none sorted: corpus order)
COLUMN_ORDERS = ("corpus", "page", "newspaper", "articles", "doubts", "status", "updated", "source")
# what a column holds at its widest, for widths that never wait for the rows
COLUMN_SAMPLES = (
    "2023-02-03",
    "888",
    "青岛西海岸新闻",
    "888",
    "8888",
    "in_progress",
    "2023-02-03 88:88",
)
PAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLES_COLUMN = 3
DATA_ROLES = {
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
    PAGE_ID_ROLE,
}
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

ROOT = QModelIndex()  # the invisible root, as Qt's default parent


class PageTableModel(QAbstractTableModel):
    """The pages of the current view, asked of the listing row by row as Qt paints."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.db: sqlite3.Connection | None = None
        self.listing: Listing | None = None  # made at the first refresh
        self.view = View()
        self.shown: dict[int, tuple] = {}  # row → its cells' texts, until the next reset

    @property
    def pages(self) -> Sequence[PageSummary]:
        """The pages of the view in order (fetched as they are read)."""
        return self.listing if self.listing is not None else ()

    def set_store(self, store: Store | None) -> None:
        """Show another database's pages, counted at the next `refresh` (not yet: the
        window may open a page first, and counting is the one cost that grows)."""
        self.beginResetModel()
        self.db = store.db.conn if store is not None else None
        self.listing = None
        self.shown.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Count the view again and forget the rows read (after a write or a new view)."""
        self.beginResetModel()
        if self.listing is not None:
            self.listing.refresh(self.view)
        elif self.db is not None:
            self.listing = Listing(self.db, self.view)
        self.shown.clear()
        self.endResetModel()

    def set_view(self, view: View) -> None:
        """Another order or status filter: the rows read again, the counts kept."""
        self.beginResetModel()
        self.view = view
        if self.listing is not None:
            self.listing.show(view)
        self.shown.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = COLUMN_ORDERS[column] if 0 <= column < len(COLUMN_ORDERS) else "corpus"
        descending = column >= 0 and order == Qt.SortOrder.DescendingOrder
        if (name, descending) != (self.view.order, self.view.descending):
            self.set_view(replace(self.view, order=name, descending=descending))

    def row_of(self, page_id: int) -> int:
        """The page's row in the view, -1 when it is not in it."""
        row = self.listing.position(page_id) if self.listing is not None else None
        return -1 if row is None else row

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.pages)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return tr(COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        """Qt asks each visible cell for a dozen roles at every paint: the ones with no
        answer return before any page is looked up, the texts are made once a row."""
        if role not in DATA_ROLES or not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if index.column() in (1, 3, 4) else None
        row = index.row()
        values = self.shown.get(row)
        if values is None:
            try:
                page = self.pages[row]
            except IndexError:  # pages gone since the count (another process deleted them)
                return None
            unlinked = open_links(self.db, page.id) if self.db is not None else 0
            values = self.shown[row] = (
                page.date,
                page.page_no,
                page.newspaper,
                # a continuation mark no link resolves yet: the export would halve it
                f"{page.articles}  ⇄{unlinked}" if unlinked else page.articles,
                page.doubts,
                tr(page.status),
                page.updated_at[:16].replace("T", " "),
                page.source,
                page.id,
            )
        if role == PAGE_ID_ROLE:
            return values[-1]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == ARTICLES_COLUMN and isinstance(values[3], str):
                return tr(
                    "⇄ continuation marks not linked yet: {0} (Ctrl+L on the page links one)"
                ).format(values[3].rsplit("⇄", 1)[1])
            return values[7]
        return values[index.column()]


class CorpusView(QWidget):
    page_requested = Signal(int, str)  # page id, article to show ("" for none)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.current: int | None = None  # the page kept selected across reloads
        self.model = PageTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.model.modelReset.connect(self._show_current)  # after the view's own reset
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self._size_columns()
        self.table.activated.connect(self._open_row)
        self.table.doubleClicked.connect(self._open_row)

        self.status = QComboBox()
        self.status.addItem(tr("All pages"), None)
        for status in STATUSES:
            self.status.addItem(tr(status), status)
        self.status.currentIndexChanged.connect(
            lambda: self.model.set_view(replace(self.model.view, status=self.status.currentData()))
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search articles (Ctrl+F): words, names, places"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.run_search)
        self.progress = QProgressBar()
        self.progress.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(
                tr("{0} of {1} pages verified").format(88888, 88888)
            )
            + 40
        )
        self.progress.setFormat(tr("%v of %m pages verified"))
        self.progress_label = QLabel()
        self.results = QListWidget()
        self.results.itemActivated.connect(self._open_hit)
        self.results.hide()

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Show")))
        bar.addWidget(self.status)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.progress)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.last_words: list[str] = []
        self.search_generation = 0  # bumped by every query; older answers are dropped
        self.searches: list[BackgroundJob] = []  # running, kept until they finish

    def _size_columns(self) -> None:
        """Widths from the font, never from the rows: sizing columns to their contents
        would read every page the view holds (the annotator can still drag them)."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(COLUMN_SAMPLES):
            label = tr(COLUMNS[column])
            widest = max(metrics.horizontalAdvance(t) for t in (sample, tr(sample), label))
            header.resizeSection(column, widest + 28)  # margins and the sort arrow

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.current = None
        self.search_generation += 1  # an answer from the previous database is stale
        self.results.clear()
        self.results.hide()
        self.model.set_store(store)

    def reload(self) -> None:
        """Count the pages again and show the rows on screen, keeping the selected page
        selected: a few indexed queries, however many pages the database holds."""
        self.model.refresh()  # the model's reset selects the current page again
        counts = self.model.listing.counts if self.model.listing is not None else None
        total, verified = (counts.total, counts.verified) if counts else (0, 0)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(verified)
        self.progress.setFormat(tr("{0} of {1} pages verified").format(verified, total))

    def current_page_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(PAGE_ID_ROLE) if index.isValid() else None

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid():
            self.current = index.data(PAGE_ID_ROLE)

    def select_page(self, page_id: int) -> None:
        """Keep this page selected; found in the view at once only while it is shown
        (the next reload finds it otherwise: opening a page costs no count)."""
        self.current = page_id
        if self.isVisible():
            self._show_current()

    def _show_current(self) -> None:
        if self.current is None:
            if self.model.rowCount() > 0:
                self.table.selectRow(0)
            return
        row = self.model.row_of(self.current)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def neighbour(self, page_id: int, step: int) -> int | None:
        """The page after (`step` +1) or before this one in the view, wrapping round."""
        if self.model.db is None:
            return None
        return neighbour(self.model.db, self.model.view, page_id, step)

    def _open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.page_requested.emit(index.data(PAGE_ID_ROLE), "")

    def open_current(self) -> None:
        self._open_row(self.table.currentIndex())

    # -- search -------------------------------------------------------------------------
    def run_search(self) -> None:
        """Ask for the query in the search field on a worker thread; `show_hits` shows
        the answer when it comes, unless a newer query was asked meanwhile."""
        query = self.search.text().strip()
        self.search_generation += 1
        if not query or self.store is None:
            self.results.clear()
            self.results.hide()
            self.last_words = []
            return
        generation, database = self.search_generation, self.store.path
        job = BackgroundJob(lambda _progress, _cancel: search_database(database, query), self)
        job.succeeded.connect(lambda answer: self._answered(generation, query, answer))
        job.failed.connect(lambda reason: self._answered(generation, query, SearchError(reason)))
        job.finished.connect(lambda: self._forget(job))
        self.searches.append(job)
        job.start()
        self.message.emit(tr("Searching…"))

    def _forget(self, job: BackgroundJob) -> None:
        if job in self.searches:
            self.searches.remove(job)
        job.deleteLater()

    def wait_for_searches(self) -> None:
        """Before the window goes: a thread must not outlive its QThread object."""
        self.search_generation += 1
        for job in list(self.searches):
            job.wait()

    def _answered(self, generation: int, query: str, answer: list | Exception) -> None:
        if generation != self.search_generation:
            return  # a newer query was asked (or another database opened): stale
        if isinstance(answer, Exception):
            self.message.emit(str(answer))
            return
        self.show_hits(query, answer)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        self.results.clear()
        self.last_words = query_words(query)
        for hit in hits:
            where = page_place(hit.newspaper, hit.date, hit.page_no)
            item = QListWidgetItem(
                f"{where}  {hit.article_id}  {hit.title or tr('(no headline)')}\n    {hit.snippet}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (hit.page_id, hit.article_id))
            self.results.addItem(item)
        self.results.show()
        self.message.emit(tr("{0} articles found").format(len(hits)))
        if hits:
            self.results.setCurrentRow(0)
            if self.search.hasFocus():  # the annotator is still here, waiting for them
                self.results.setFocus()

    def _open_hit(self, item: QListWidgetItem) -> None:
        page_id, article_id = item.data(Qt.ItemDataRole.UserRole)
        self.page_requested.emit(page_id, article_id)


def search_database(database: Path, query: str) -> list[SearchHit] | SearchError:
    """One search on its own read-only connection (made, used and closed on the calling
    thread, as SQLite wants); a query SQLite cannot parse comes back as its SearchError."""
    store = Store(database, readonly=True)
    try:
        return store.search(query, limit=200)
    except SearchError as exc:
        return exc
    finally:
        store.close()
