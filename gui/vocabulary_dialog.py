"""File → Tag vocabulary…: the tags annotators choose from, their kinds and keys."""

from __future__ import annotations

from banmian.core.corpus import vocabulary
from banmian.core.corpus.store import Store
from banmian.gui.translate import tr
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class VocabularyDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(tr("Tag vocabulary"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Tag"), tr("Kind"), tr("Key (T, key)")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the fields
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("tag name"))
        self.kind = QComboBox()
        for kind in vocabulary.VOCABULARY_KINDS:
            self.kind.addItem(tr(kind), kind)
        self.key = QLineEdit()
        self.key.setMaxLength(1)
        self.key.setPlaceholderText(tr("key"))
        self.key.setFixedWidth(self.fontMetrics().horizontalAdvance("MMMM"))
        add = QPushButton(tr("Add or change"))
        add.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        remove = QPushButton(tr("Remove selected"))
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        for widget in (self.name, self.kind, self.key, add, remove):
            row.addWidget(widget)
        self.problem = QLabel()  # why the last change was refused, if it was
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.activated.connect(self._edit_selected)
        for button in (add, remove, *buttons.buttons()):  # Return is the fields' own key
            button.setAutoDefault(False)
            button.setDefault(False)
        # All by keyboard: typing starts in the name field (Return adds), Tab goes on to
        # kind, key, the buttons and the table; Return on a row brings it into the fields.
        for before, after in zip(
            (self.name, self.kind, self.key, add, remove),
            (self.kind, self.key, add, remove, self.table),
            strict=True,
        ):
            self.setTabOrder(before, after)
        self.resize(520, 560)
        self.reload()
        self.name.setFocus()

    def reload(self) -> None:
        entries = vocabulary.vocabulary(self.store)
        self.table.setRowCount(len(entries))
        for r, entry in enumerate(entries):
            for c, text in enumerate((entry.name, tr(entry.kind), entry.shortcut or "")):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.entries = entries

    def _selected(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) == 1:
            entry = self.entries[rows.pop()]
            self.name.setText(entry.name)
            self.kind.setCurrentIndex(self.kind.findData(entry.kind))
            self.key.setText(entry.shortcut or "")

    def _edit_selected(self) -> None:
        self._selected()
        self.name.setFocus()
        self.name.selectAll()

    def add(self) -> None:
        try:
            vocabulary.add_entry(
                self.store, self.name.text(), self.kind.currentData(), self.key.text() or None
            )
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.clear()
        self.name.clear()
        self.key.clear()
        self.reload()

    def remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        for row in rows:
            try:
                vocabulary.remove_entry(self.store, self.entries[row].name)
            except ValueError as exc:
                self.problem.setText(str(exc))
        self.reload()
