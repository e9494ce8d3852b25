"""Curation of a page two annotators verified differently: thin Qt over core.team.curation.

Both versions are shown side by side, each tinted by its own articles with its roles in
the margin, and the disagreements are listed under them; the agreed rest needs nothing.
One key takes a side for the selected disagreement (A or 1: the first annotator's, B or
2: the second's) and goes on to the next; Ctrl+Return saves the curated version (the
first's side where nothing was chosen) into the window's database and opens it in the
editor, where the curator may go on editing freely (E) like on any verified page.
"""

from __future__ import annotations

from banmian.core.corpus.store import Store
from banmian.core.team import curation
from banmian.core.team.curation import FIRST, SECOND, Curation
from banmian.gui.page_text_view import PageTextView
from banmian.gui.translate import tr
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)


class CurationDialog(QDialog):
    """One page's disagreements, each resolved by one key; saved as the curated version."""

    saved = Signal(int)  # the page id, once its curated version is stored

    def __init__(
        self, parent: QWidget | None, store: Store, page_id: int, curation_: Curation
    ) -> None:
        super().__init__(parent)
        self.setObjectName("curation")
        self.store, self.page_id, self.curation = store, page_id, curation_
        self.choices: dict[int, int] = {}
        first, second = curation_.names
        self.setWindowTitle(tr("Curate: {first} and {second}").format(first=first, second=second))
        layout = QVBoxLayout(self)
        views = QSplitter(Qt.Orientation.Horizontal)
        self.views: list[PageTextView] = []
        for name, version in zip(curation_.names, curation_.versions, strict=True):
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            pane_layout.addWidget(QLabel(name))
            view = PageTextView()
            view.show_segmentation(version)
            pane_layout.addWidget(view)
            self.views.append(view)
            views.addWidget(pane)
        layout.addWidget(views, 1)
        self.list = QListWidget()
        self.list.setObjectName("disagreements")
        for i, _d in enumerate(curation_.disagreements):
            self.list.addItem(QListWidgetItem(self._item_text(i)))
        self.list.currentRowChanged.connect(self._show)
        layout.addWidget(self.list)
        self.says = QLabel()
        self.says.setWordWrap(True)
        self.says.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.says)
        buttons = QDialogButtonBox()
        self.take_first = QPushButton(tr("Take {name}'s (A)").format(name=first))
        self.take_second = QPushButton(tr("Take {name}'s (B)").format(name=second))
        self.save_button = QPushButton(tr("Save curated version (Ctrl+Return)"))
        self.save_button.setEnabled(not store.readonly)
        for button in (self.take_first, self.take_second, self.save_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.take_first.clicked.connect(lambda: self.take(FIRST))
        self.take_second.clicked.connect(lambda: self.take(SECOND))
        self.save_button.clicked.connect(self.save)
        layout.addWidget(buttons)
        for keys, slot in (
            ("A", lambda: self.take(FIRST)),
            ("1", lambda: self.take(FIRST)),
            ("B", lambda: self.take(SECOND)),
            ("2", lambda: self.take(SECOND)),
            ("Ctrl+Return", self.save),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self.resize(1100, 750)
        if curation_.disagreements:
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def _item_text(self, i: int) -> str:
        d = self.curation.disagreements[i]
        kinds = ", ".join(tr(k) for k in d.kinds)
        text = tr("lines {where} ({kinds})").format(where=d.where, kinds=kinds)
        if i in self.choices:
            text += "  → " + self.curation.names[self.choices[i]]
        return text

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.curation.disagreements):
            return
        d = self.curation.disagreements[row]
        first, second = self.curation.names
        self.says.setText(f"{first}: {d.first_says}\n{second}: {d.second_says}")
        if d.lines:
            for view in self.views:
                view.select_lines(d.lines[0][0], d.lines[-1][1])

    def take(self, side: int) -> None:
        """The selected disagreement as that side has it; on to the next."""
        row = self.list.currentRow()
        if row < 0:
            return
        self.choices[row] = side
        self.list.item(row).setText(self._item_text(row))
        if row + 1 < self.list.count():
            self.list.setCurrentRow(row + 1)

    def resolved(self):
        return curation.resolve(self.curation, self.choices)

    def save(self) -> None:
        if self.store.readonly:
            return
        curation.save_curated(
            self.store, self.page_id, self.resolved(), self.curation, self.choices
        )
        self.saved.emit(self.page_id)
        self.accept()
