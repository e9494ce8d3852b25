"""Review → Agreement…: how two annotators' files agree, in the window (core.team).

The figures of `banmian agree`, overall and per page; Return or a double-click on a page
opens it: in the curation dialog (gui.curation) when the two versions differ and this
window's database holds the page, else in the editor.
"""

from __future__ import annotations

from pathlib import Path

from banmian.core.corpus.store import Store
from banmian.core.team.agreement import FIGURES, HEADERS, CorpusAgreement, agree
from banmian.core.team.curation import load_curation
from banmian.core.team.info import team_info
from banmian.gui.curation import CurationDialog
from banmian.gui.translate import tr
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)


def batch_annotator(store: Store) -> str:
    """Whose batch file `store` is ("" for a main database or a file no batch wrote).

    A batch file is made for one annotator (core.team.batch records the name in it), so
    its corrections are theirs whoever's settings the window runs with: a lead opening
    `li.db` to look, or `li` on a shared machine, must not log `li`'s file under another
    name. A file too old or too damaged to say is nobody's batch file."""
    try:
        info = team_info(store)
    except Exception:  # no team table (an old file opened read-only), unreadable …
        return ""
    return info.annotator if info.role == "annotator" else ""


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


class AgreementDialog(QDialog):
    """Overall figures above a table of pages; activating a page opens it."""

    def __init__(self, review: TeamReview, result: CorpusAgreement, files: tuple[Path, Path]):
        super().__init__(review.window)
        self.setObjectName("agreement")
        self.review, self.result, self.files = review, result, files
        self.setWindowTitle(
            tr("Agreement of {first} and {second}").format(first=result.first, second=result.second)
        )
        layout = QVBoxLayout(self)
        overall = result.overall()
        summary = tr("{n} pages verified by both, {d} disagreements").format(
            n=len(result.pairs), d=result.disagreement_count()
        )
        figures = "  ".join(
            f"{tr(h)} {_figure(overall[n])}" for h, n in zip(HEADERS, FIGURES, strict=True)
        )
        overall_word = tr("overall")
        self.summary = QLabel(f"{summary}\n{overall_word}: {figures}")
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(result.pairs), len(FIGURES) + 2)
        self.table.setHorizontalHeaderLabels([tr("page"), *map(tr, HEADERS), tr("differ")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, pair in enumerate(result.pairs):
            values = pair.agreement.figures()
            cells = [
                pair.first.place,
                *(_figure(values[n]) for n in FIGURES),
                str(len(pair.agreement.disagreements)),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.itemActivated.connect(lambda item: self.open_row(item.row()))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 500)
        if result.pairs:
            self.table.selectRow(0)

    def open_row(self, row: int) -> CurationDialog | None:
        """Open the page of `row`: curation when its versions differ, else the editor."""
        window = self.review.window
        store: Store | None = window.store
        if store is None or not 0 <= row < len(self.result.pairs):
            return None
        pair = self.result.pairs[row]
        found = next(
            store.rows("SELECT id FROM pages WHERE content_hash = ?", [pair.first.content_hash]),
            None,
        )
        if found is None:
            window.show_message(tr("This database does not hold that page"))
            return None
        page_id = found["id"]
        if not pair.agreement.disagreements or store.readonly:
            window.open_page(page_id)
            return None
        first, second = (Store(path, readonly=True) for path in self.files)
        try:
            plan = load_curation(store, page_id, first, second)
        finally:
            first.close()
            second.close()
        dialog = CurationDialog(self, store, page_id, plan)
        dialog.saved.connect(self._curated)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _curated(self, page_id: int) -> None:
        window = self.review.window
        stack = window.stacks.pop(page_id, None)  # its history is of the versions before
        if stack is not None:
            window.undo_group.removeStack(stack)
            stack.deleteLater()
        window.open_page(page_id)
        window.show_message(tr("Curated version saved; E edits it further"))


class TeamReview:
    """The team commands of one main window (which owns `store`, `open_page`)."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        self.window = window
        menu.addSeparator()
        self.agreement_action = menu.addAction(tr("Agreement…"))
        self.agreement_action.setObjectName("agreement")
        self.agreement_action.setToolTip(
            tr("Compare two annotators' databases; curate the pages where they differ")
        )
        self.agreement_action.triggered.connect(self.choose_files)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            tr("Choose the two annotators' databases"),
            str(Path(self.window.store.path).parent) if self.window.store else "",
            tr("banmian databases (*.db);;All files (*)"),
        )
        if len(paths) != 2:
            if paths:
                self.window.show_message(tr("Choose exactly two databases"))
            return
        self.show_agreement(Path(paths[0]), Path(paths[1]))

    def show_agreement(self, first: Path, second: Path) -> AgreementDialog | None:
        try:
            a, b = Store(first, readonly=True), None
            try:
                b = Store(second, readonly=True)
                result = agree(a, b)
            finally:
                a.close()
                if b is not None:
                    b.close()
        except Exception as exc:  # refused, damaged, from a newer banmian …
            self.window._tell(tr("Cannot compare"), str(exc))  # noqa: SLF001
            return None
        dialog = AgreementDialog(self, result, (first, second))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
