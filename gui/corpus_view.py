"""The corpus at a glance: every page of the database, its state, and search.

The page table is a plain table model over `Store.pages()` summaries, refreshed after
each write; sorting and the status filter happen in a proxy so the store is asked once.
Search goes through the store's word-aware search and lists articles, not pages. It
runs on a worker thread with its own read-only connection, so typing never waits for it;
the newest query wins (a result that arrives after a newer query was asked is dropped).
"""

from __future__ import annotations

from pathlib import Path

from banmian.core.corpus.search import SearchError, SearchHit, query_words
from banmian.core.corpus.store import STATUSES, PageSummary, Store, page_place
from banmian.gui.background import BackgroundJob
from banmian.gui.translate import tr
from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
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
PAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

ROOT = QModelIndex()  # the invisible root, as Qt's default parent


class PageTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.pages: list[PageSummary] = []

    def set_pages(self, pages: list[PageSummary]) -> None:
        self.beginResetModel()
        self.pages = pages
        self.endResetModel()

    def row_of(self, page_id: int) -> int:
        return next((r for r, p in enumerate(self.pages) if p.id == page_id), -1)

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
        if not index.isValid() or not 0 <= index.row() < len(self.pages):
            return None
        page = self.pages[index.row()]
        if role == PAGE_ID_ROLE:
            return page.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return page.source
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        values = (
            page.date,
            page.page_no,
            page.newspaper,
            page.articles,
            page.doubts,
            tr(page.status),
            page.updated_at[:16].replace("T", " "),
            page.source,
        )
        return values[index.column()]


class StatusFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.setSortRole(Qt.ItemDataRole.EditRole)

    def set_status(self, status: str | None) -> None:
        self.status = status
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802
        if self.status is None:
            return True
        pages = self.sourceModel().pages
        return row < len(pages) and pages[row].status == self.status


class CorpusView(QWidget):
    page_requested = Signal(int, str)  # page id, article to show ("" for none)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.model = PageTableModel(self)
        self.proxy = StatusFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open_row)
        self.table.doubleClicked.connect(self._open_row)

        self.status = QComboBox()
        self.status.addItem(tr("All pages"), None)
        for status in STATUSES:
            self.status.addItem(tr(status), status)
        self.status.currentIndexChanged.connect(
            lambda: self.proxy.set_status(self.status.currentData())
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

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.search_generation += 1  # an answer from the previous database is stale
        self.results.clear()
        self.results.hide()
        self.reload()

    def reload(self) -> None:
        """Re-read the page summaries, keeping the selected page selected."""
        current = self.current_page_id()
        pages = self.store.pages() if self.store else []
        self.model.set_pages(pages)
        verified = sum(p.status == "verified" for p in pages)
        self.progress.setMaximum(max(len(pages), 1))
        self.progress.setValue(verified)
        self.progress.setFormat(tr("{0} of {1} pages verified").format(verified, len(pages)))
        if current is not None:
            self.select_page(current)
        elif pages:
            self.table.selectRow(0)

    def current_page_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(PAGE_ID_ROLE) if index.isValid() else None

    def select_page(self, page_id: int) -> None:
        row = self.model.row_of(page_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.selectRow(index.row())
                self.table.scrollTo(index)

    def page_ids_in_view(self) -> list[int]:
        return [self.proxy.index(r, 0).data(PAGE_ID_ROLE) for r in range(self.proxy.rowCount())]

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
