"""Review → Learn from verified pages, Propose new pages again, Line models…: thin Qt over
core.corpus.learning and core.corpus.models, each long job on a worker thread with its
own Store (gui.background), and a note in the status bar when enough pages were verified
since the last training (never a modal). core.corpus.learning and models are imported
where they are used: they bring numpy and CRFsuite, which load behind the window at
start (gui.app), not before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from banmian.core.corpus.store import Store
from banmian.gui.background import run_with_progress
from banmian.gui.translate import tr
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from banmian.core.corpus.models import StoredModel

CHECK_EVERY_MS = 20_000
FIRST_CHECK_MS = 3_000


class Learning:
    """The learning commands of one main window (which owns `store`, `jobs`, `_tell`)."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        self.window = window
        menu.addSeparator()
        self.learn_action = menu.addAction(tr("Learn from verified pages"))
        self.learn_action.setObjectName("learn")
        self.learn_action.setToolTip(
            tr("Train a line model on the verified pages; it is used only if it is better")
        )
        self.learn_action.triggered.connect(self.learn)
        self.repropose_action = menu.addAction(tr("Propose new pages again"))
        self.repropose_action.setObjectName("repropose")
        self.repropose_action.triggered.connect(self.repropose)
        self.models_action = menu.addAction(tr("Line models…"))
        self.models_action.setObjectName("line_models")
        self.models_action.triggered.connect(self.show_models)
        self.offer = QPushButton()
        self.offer.setFlat(True)
        self.offer.setVisible(False)
        self.offer.clicked.connect(self.learn)
        window.statusBar().addPermanentWidget(self.offer)
        self.timer = QTimer(window)
        self.timer.timeout.connect(self.check_offer)
        self.timer.start(CHECK_EVERY_MS)
        self.running = None
        first = QTimer(window)  # goes with the window, never fires after it
        first.setSingleShot(True)
        first.timeout.connect(self.check_offer)
        first.start(FIRST_CHECK_MS)  # not before the window is up: it reads the pages

    @property
    def store(self) -> Store | None:
        return self.window.store

    def set_writable(self, writable: bool) -> None:
        """Training, reproposing and choosing a model write: not from a read-only window."""
        for action in (self.learn_action, self.repropose_action, self.models_action):
            action.setEnabled(writable)
        if not writable:
            self.offer.setVisible(False)

    def check_offer(self) -> None:
        """Show the note when enough pages were verified since the last training."""
        from banmian.core.corpus import learning

        if self.store is None or self.store.readonly or self.running is not None:
            self.offer.setVisible(False)
            return
        try:
            fresh = learning.pages_since_training(self.store)
        except Exception:  # a database from before models (read-only) or being replaced
            fresh = 0
        self.offer.setText(
            tr("{n} pages verified since the last training: learn from them").format(n=fresh)
        )
        self.offer.setVisible(fresh >= learning.OFFER_AFTER)

    def learn(self) -> None:
        from banmian.core.corpus import learning

        if self.store is None or self.store.readonly or self.running is not None:
            return
        database = self.store.path
        self.offer.setVisible(False)

        def work(progress, cancel):
            store = Store(database, self.store.annotator if self.store else None)
            try:
                return learning.learn(store, progress=progress, cancel=cancel)
            except learning.Cancelled:
                return None
            finally:
                store.close()

        self.running = run_with_progress(
            self.window, tr("Learning from verified pages"), work, self._learnt, self._failed
        )
        self.window._track(self.running)  # noqa: SLF001

    def _learnt(self, outcomes) -> None:
        self.running = None
        if outcomes is None:
            self.window.show_message(tr("Training cancelled; nothing was stored"))
            return
        lines = []
        for o in outcomes:
            state = (
                tr("in use")
                if o.used
                else tr("kept aside")
                if o.model_id is not None
                else tr("not trained")
            )
            lines.append(f"{o.scope}: {state}. {o.reason}")
        text = "\n".join(lines) or tr("No verified pages to learn from")
        self.window.show_message(lines[0] if len(lines) == 1 else text.replace("\n", " · "))
        self.window._tell(tr("Learn from verified pages"), text)  # noqa: SLF001
        self.check_offer()

    def _failed(self, message: str) -> None:
        self.running = None
        self.window._tell(tr("Learning failed"), message)  # noqa: SLF001

    def repropose(self) -> None:
        from banmian.core.corpus.repropose import repropose

        if self.store is None or self.running is not None:
            return
        database = self.store.path

        def work(progress, cancel):
            store = Store(database)
            try:
                return repropose(store, progress, cancel)
            finally:
                store.close()

        def done(report) -> None:
            self.running = None
            self.window.show_message(report.summary())
            self.window.corpus.reload()

        self.running = run_with_progress(
            self.window, tr("Proposing new pages again"), work, done, self._failed
        )
        self.window._track(self.running)  # noqa: SLF001

    def show_models(self) -> None:
        if self.store is not None:
            ModelsDialog(self.store, self.window).open()


class ModelsDialog(QDialog):
    """Every model of the database; Use puts the selected one in use, Shipped goes back."""

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(tr("Line models"))
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [tr("Id"), tr("Scope"), tr("Pages"), tr("Fixes/page"), tr("In use"), tr("Why")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.use_button = buttons.addButton(tr("Use"), QDialogButtonBox.ButtonRole.ActionRole)
        self.shipped_button = buttons.addButton(
            tr("Use the shipped model"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.use_button.clicked.connect(self.use_selected)
        self.shipped_button.clicked.connect(self.use_shipped)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 320)
        self.reload()

    def reload(self) -> None:
        from banmian.core.corpus import models

        listed = models.stored_models(self.store)
        self.table.setRowCount(len(listed))
        for row, m in enumerate(listed):
            cells = [
                str(m.id),
                m.scope,
                str(len(m.training_pages)),
                f"{m.scores.get('fixes_per_page', 0):.2f}",
                "✓" if m.in_use else "",
                m.reason,
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _selected(self) -> StoredModel | None:
        from banmian.core.corpus import models

        row = self.table.currentRow()
        if row < 0:
            return None
        return models.stored_model(self.store, int(self.table.item(row, 0).text()))

    def use_selected(self) -> None:
        from banmian.core.corpus import models

        chosen = self._selected()
        if chosen is not None:
            models.use_model(self.store, chosen.id)
            self.reload()

    def use_shipped(self) -> None:
        from banmian.core.corpus import models

        chosen = self._selected()
        models.use_model(self.store, models.SHIPPED, chosen.newspaper if chosen else None)
        self.reload()
