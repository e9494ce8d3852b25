"""File → Export…: the options of `banmian export` in a dialog, written in the background
with a progress bar (the same core.export the command line uses)."""

from __future__ import annotations

from pathlib import Path

from banmian.core.corpus.store import Store
from banmian.core.export.articles import (
    FILTER_STATUSES,
    FORMATS,
    ExportError,
    ExportFilters,
    ExportResult,
    count_articles,
    export_articles,
)
from banmian.core.export.formats import MissingDependency
from banmian.gui.background import BackgroundJob, run_with_progress
from banmian.gui.translate import tr
from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

SUFFIX = {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet", "segmentation": ".jsonl"}


class ExportCancelled(Exception):
    """Raised from the progress callback; the export's temporary file is removed."""


class ExportDialog(QDialog):
    exported = Signal(str)  # what was written, for the window's status bar

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.job: BackgroundJob | None = None
        self.result: ExportResult | None = None
        self.setWindowTitle(tr("Export articles"))
        form = QFormLayout(self)
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(tr(fmt), fmt)
        self.status = QComboBox()
        for status in FILTER_STATUSES:
            self.status.addItem(tr(status), status)
        self.tag = QLineEdit()
        self.tag.setPlaceholderText(tr("only articles with this tag (optional)"))
        self.since, self.use_since = self._date_row()
        self.until, self.use_until = self._date_row()
        self.target = QLineEdit()
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self.choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        self.count = QLabel()
        form.addRow(tr("Format"), self.format)
        form.addRow(tr("Pages"), self.status)
        form.addRow(tr("Tag"), self.tag)
        form.addRow(tr("Since"), self._pair(self.use_since, self.since))
        form.addRow(tr("Until"), self._pair(self.use_until, self.until))
        form.addRow(tr("Write to"), target_row)
        form.addRow("", self.count)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for signal in (
            self.format.currentIndexChanged,
            self.status.currentIndexChanged,
            self.tag.textChanged,
            self.since.dateChanged,
            self.until.dateChanged,
            self.use_since.toggled,
            self.use_until.toggled,
        ):
            signal.connect(self.update_count)
        self.format.currentIndexChanged.connect(self._suggest_target)
        self._suggest_target()
        self.update_count()

    def _date_row(self) -> tuple[QDateEdit, QCheckBox]:
        edit = QDateEdit(QDate.currentDate())
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setEnabled(False)
        use = QCheckBox()
        use.toggled.connect(edit.setEnabled)
        return edit, use

    def _pair(self, check: QCheckBox, edit: QDateEdit) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(check)
        row.addWidget(edit, 1)
        return row

    def filters(self) -> ExportFilters:
        return ExportFilters(
            status=self.status.currentData(),
            tag=self.tag.text().strip() or None,
            since=self.since.date().toString("yyyy-MM-dd") if self.use_since.isChecked() else None,
            until=self.until.date().toString("yyyy-MM-dd") if self.use_until.isChecked() else None,
        )

    def update_count(self) -> None:
        try:
            n = count_articles(self.store, self.filters())
        except ExportError as exc:
            self.count.setText(str(exc))
            return
        self.count.setText(
            tr("{0} articles to export").format(n) if n else tr("Nothing matches these filters")
        )

    def _suggest_target(self) -> None:
        fmt = self.format.currentData()
        base = self.store.path.with_name(f"{self.store.path.stem}-export")
        current = Path(self.target.text()) if self.target.text() else base
        stem = current.with_suffix("") if current.suffix else current
        self.target.setText(str(stem) + SUFFIX.get(fmt, ""))

    def choose_target(self) -> None:
        fmt = self.format.currentData()
        if fmt == "txt":
            path = QFileDialog.getExistingDirectory(self, tr("Folder for the article files"))
        else:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export to"), self.target.text())
        if path:
            self.target.setText(path)

    def start(self) -> None:
        """Export on a worker thread with its own connection to the database."""
        try:
            filters = self.filters()
        except ExportError as exc:
            QMessageBox.warning(self, tr("Export"), str(exc))
            return
        fmt, target, database = self.format.currentData(), self.target.text(), self.store.path
        if not target:
            QMessageBox.warning(self, tr("Export"), tr("Choose where to write the export"))
            return

        def work(progress, cancel) -> ExportResult:
            def report(done: int, total: int) -> None:
                if cancel.is_set():
                    raise ExportCancelled()
                progress(done, total, "")

            store = Store(database)
            try:
                return export_articles(store, target, fmt, filters, report)
            finally:
                store.close()

        self.buttons.setEnabled(False)
        self.job = run_with_progress(self, tr("Exporting"), work, self._done, self._failed)

    def _done(self, result: ExportResult) -> None:
        self.result = result
        self.buttons.setEnabled(True)
        if result.path is None:
            self.count.setText(tr("Nothing to export: no article matches; nothing was written."))
            return
        self.exported.emit(tr("Exported {0} to {1}").format(result.count, result.path))
        self.accept()

    def _failed(self, message: str) -> None:
        """Shown in the dialog, which stays open so the options can be changed."""
        self.buttons.setEnabled(True)
        if ExportCancelled.__name__ in message:
            self.count.setText(tr("Export cancelled; nothing was written."))
            return
        for prefix in (MissingDependency.__name__, ExportError.__name__):
            message = message.replace(f"{prefix}: ", "")
        self.count.setText(tr("Export failed: {0}").format(message))
