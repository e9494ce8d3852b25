"""The main window: the corpus and the page editor, one menu of commands over both.

It owns the store and one undo stack per opened page (an undo group switches between
them), restores where the annotator left off, and forwards every command to the view
that acts on it. Opening databases and importing pages: gui/database_files.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from banmian.core.corpus import vocabulary
from banmian.core.corpus.store import Store, page_place
from banmian.gui.actions import ROLE_ACTIONS, SPECS, build_actions
from banmian.gui.corpus_view import CorpusView
from banmian.gui.database_files import DatabaseFiles
from banmian.gui.fonts import missing_font_warning, page_font
from banmian.gui.furniture_rule import FurnitureRule
from banmian.gui.learning import Learning
from banmian.gui.page_editor import PageEditor
from banmian.gui.repeat import Repeater
from banmian.gui.team_review import TeamReview
from banmian.gui.translate import tr
from PySide6.QtCore import QLockFile, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class MainWindow(DatabaseFiles, QMainWindow):
    def __init__(
        self,
        database: str | Path | None = None,
        settings: QSettings | None = None,
        annotator: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("banmian")  # also the key of its saved state
        self.settings = settings or QSettings()
        if annotator:
            self.settings.setValue("annotator", annotator)
        self.store: Store | None = None
        self.lock: QLockFile | None = None  # held while this window may edit the store
        self.undo_group = QUndoGroup(self)
        self.stacks: dict[int, QUndoStack] = {}
        self.jobs: list = []
        self.tag_actions: list = []

        self.corpus = CorpusView()
        self.editor = PageEditor()
        self.editor.text_view.setFont(page_font(self.settings.value("font_size", 0, float)))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.corpus)
        self.pages.addWidget(self.editor)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.font_banner = QLabel()
        self.font_banner.setWordWrap(True)
        self.font_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.font_banner.setStyleSheet("padding: 6px; border-bottom: 1px solid palette(mid);")
        warning = missing_font_warning()
        self.font_banner.setText(f"⚠ {warning}" if warning else "")
        self.font_banner.setVisible(bool(warning))
        layout.addWidget(self.font_banner)
        self.lock_banner = QLabel()  # shown while another window edits this database
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setStyleSheet("padding: 6px; border-bottom: 1px solid palette(mid);")
        self.lock_banner.hide()
        layout.addWidget(self.lock_banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar()

        # F4 replays the moves and the correction last made by keys (gui/repeat.py)
        self.repeater = Repeater(
            self.editor.tree,
            self.editor.text_view,
            self.undo_group,
            lambda: self.editor.split_block is not None,
            lambda name: self.actions[name].trigger(),
        )
        self.repeater.message.connect(self.show_message)
        self.actions, menus = build_actions(
            self, self.menuBar(), lambda name: self.repeater.wrap(name, self.handler(name))
        )
        edit_menu = menus["&Edit"]
        undo = self.undo_group.createUndoAction(self, tr("Undo"))
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.undo_group.createRedoAction(self, tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        first = edit_menu.actions()[0]
        edit_menu.insertActions(first, [undo, redo])
        edit_menu.insertSeparator(first)
        self.addActions([undo, redo])
        self.undo_action, self.redo_action = undo, redo
        self.tags_menu = edit_menu.addMenu(tr("Vocabulary tags (T, key)"))
        self.learning = Learning(self, menus["&Review"])
        self.furniture = FurnitureRule(self)
        self.team = TeamReview(self, menus["&Review"])

        self.corpus.page_requested.connect(self.open_page)
        self.corpus.message.connect(self.show_message)
        self.editor.message.connect(self.show_message)
        self.mode_label = QLabel()
        self.statusBar().addPermanentWidget(self.mode_label)
        self.editor.mode_changed.connect(self._mode_changed)
        self.editor.fragment_requested.connect(self.open_page)
        self.pages.currentChanged.connect(lambda _i: self._update_enabled())

        self.restoreState(self.settings.value("window_state", b""))
        self.editor.splitter.restoreState(self.settings.value("editor_splitter", b""))
        self.editor.right_splitter.restoreState(self.settings.value("right_splitter", b""))
        if self.settings.value("reflow", False, bool):
            self.actions["reflow"].setChecked(True)
            self.editor.text_view.set_reflowed(True)
        if self.settings.value("page_order", False, bool):
            self.actions["page_order"].setChecked(True)
            self.editor.tree.article_model.set_page_order(True)
        if not self.restoreGeometry(self.settings.value("geometry", b"")):
            self.resize(1280, 800)
        chosen = database or self.settings.value("database", None)
        self.open_database(chosen)
        self._update_enabled()

    # -- databases and pages ------------------------------------------------------------
    def open_page(self, page_id: int, article_id: str = "") -> None:
        if self.store is None:
            return
        stack = self.stacks.get(page_id)
        if stack is None:
            stack = self.stacks[page_id] = QUndoStack(self.undo_group)
        self.undo_group.setActiveStack(stack)
        self.repeater.reset()
        summary = self.store.page_summary(page_id)
        hits = self.corpus.last_words if article_id else []
        self.editor.open_page(self.store, page_id, summary.status, stack, hits)
        if article_id:
            self.editor.tree.select_items([article_id], [])
        self.settings.setValue(f"last_page/{self.store.path}", page_id)
        self.pages.setCurrentWidget(self.editor)
        self.corpus.select_page(page_id)
        where = page_place(summary.newspaper, summary.date, summary.page_no) or summary.source
        self.setWindowTitle(f"banmian — {where} — {self.store.path.name}")

    def show_corpus(self) -> None:
        self.editor.details.flush()
        self.pages.setCurrentWidget(self.corpus)
        self.corpus.reload()
        self.corpus.table.setFocus()
        if self.store is not None:
            self.setWindowTitle(f"banmian — {self.store.path.name}")

    def _tell(self, title: str, text: str, details: str = "") -> None:
        """A message box that does not block the caller (window-modal, deleted on close)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _mode_changed(self) -> None:
        """A verified page is read-only, undo and redo included, until E."""
        editor = self.editor
        self.mode_label.setText(editor.mode_text())
        stack = self.stacks.get(editor.page_id) if editor.page_id is not None else None
        self.undo_group.setActiveStack(None if editor.read_only else stack)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def refresh_vocabulary(self) -> None:
        """Completion names and `T, key` chords from the store's tag vocabulary."""
        for action in self.tag_actions:
            self.removeAction(action)
            action.deleteLater()
        self.tags_menu.clear()
        self.tag_actions = []
        if self.store is None:
            return

        entries = vocabulary.vocabulary(self.store)
        kinds = {e.name: e.kind for e in entries}
        self.editor.details.set_vocabulary(vocabulary.known_tag_names(self.store), kinds)
        for entry in entries:
            if not entry.shortcut:
                continue
            action = self.tags_menu.addAction(f"{entry.name} ({tr(entry.kind)})")
            action.setShortcut(QKeySequence(f"T, {entry.shortcut}"))
            action.triggered.connect(
                lambda _c=False, e=entry: self.editor.add_tag_named(e.name, e.kind)
            )
            self.addAction(action)
            self.tag_actions.append(action)

    def _update_enabled(self) -> None:
        on_page = self.pages.currentWidget() is self.editor
        for spec in SPECS:
            if spec.needs_page:
                self.actions[spec.name].setEnabled(on_page)
        for action in self.tag_actions:
            action.setEnabled(on_page)
        # a read-only window (another window edits this database) writes nothing
        writable = self.store is not None and not self.store.readonly
        for name in ("import_files", "import_folder", "vocabulary"):
            self.actions[name].setEnabled(writable)
        self.learning.set_writable(writable)

    # -- commands -----------------------------------------------------------------------
    def handler(self, name: str) -> Callable[[], None]:
        editor = self.editor
        if name in ROLE_ACTIONS:
            return lambda: editor.set_role(ROLE_ACTIONS[name])
        if name.startswith("accept_suggestion_"):
            number = int(name.rsplit("_", 1)[1])
            return lambda: editor.accept_suggestion(number)
        if name.startswith("to_article_"):
            number = int(name.rsplit("_", 1)[1])
            return lambda: editor.to_article_number(number)
        if name.startswith("alternative_"):
            number = int(name.rsplit("_", 1)[1])
            return lambda: editor.take_alternative(number - 1)
        simple: dict[str, Callable[[], None]] = {
            "split": editor.split,
            "merge_next": editor.merge_next,
            "merge_previous": editor.merge_previous,
            "new_article": editor.new_article,
            "dissolve": editor.dissolve,
            "article_up": editor.article_up,
            "article_down": editor.article_down,
            "join": editor.join,
            "join_previous": editor.join_previous,
            "split_paragraph": editor.split_paragraph,
            "to_previous_article": lambda: editor.to_article(-1),
            "to_next_article": lambda: editor.to_article(+1),
            "unassign": editor.unassign,
            "next_doubt": editor.next_doubt,
            "previous_doubt": lambda: editor.next_doubt(-1),
            "next_doubt_down": lambda: editor.step_doubt_row(+1),
            "extend_on_page": lambda: editor.extend_on_page(+1),
            "extend_on_page_up": lambda: editor.extend_on_page(-1),
            "previous_doubt_up": lambda: editor.step_doubt_row(-1),
            "accept_doubt": editor.accept_doubt,
            "details": editor.details.focus_title,
            "next_article": lambda: editor.step_article(+1),
            "previous_article": lambda: editor.step_article(-1),
            "next_heading": lambda: editor.step_heading(+1),
            "previous_heading": lambda: editor.step_heading(-1),
            "goto_line": editor.ask_line,
            "repeat": self.repeater.repeat,
            "switch_pane": editor.switch_pane,
            "edit_verified": editor.edit_verified,
            "add_tag": editor.details.focus_tag_entry,
            "follow_link": editor.follow_link,
            "set_link": editor.ask_link,
            "remove_link": editor.remove_link,
        }
        if name in simple:
            return simple[name]
        return getattr(self, f"do_{name}")

    def do_export(self) -> None:
        from banmian.gui.export_dialog import ExportDialog

        if self.store is not None:
            dialog = ExportDialog(self.store, self)
            dialog.exported.connect(self.show_message)
            dialog.open()

    def do_vocabulary(self) -> None:
        from banmian.gui.vocabulary_dialog import VocabularyDialog

        if self.store is not None:
            dialog = VocabularyDialog(self.store, self)
            dialog.finished.connect(self.refresh_vocabulary)
            dialog.open()

    def do_quit(self) -> None:
        self.close()

    def do_find(self) -> None:
        self.show_corpus()
        self.corpus.search.setFocus()
        self.corpus.search.selectAll()

    def do_corpus(self) -> None:
        self.show_corpus()

    def _step_page(self, step: int) -> None:
        if self.editor.page_id is not None:
            following = self.corpus.neighbour(self.editor.page_id, step)
            if following is not None:
                self.open_page(following)

    def do_previous_page(self) -> None:
        self._step_page(-1)

    def do_next_page(self) -> None:
        self._step_page(+1)

    def do_verify_next(self) -> None:
        if self.store is None or self.editor.page_id is None:
            return
        if self.store.readonly:
            self.show_message(self.editor.mode_text())
            return
        self.editor.details.flush()
        self.editor.set_status("verified")
        following = self.store.next_unverified(self.editor.page_id)
        if following is None:
            self.show_message(tr("Page verified. Every page of the corpus is verified."))
            self.show_corpus()
        else:
            self.open_page(following)
            self.show_message(tr("Page verified; this is the next unverified page."))

    def do_reflow(self) -> None:
        on = self.actions["reflow"].isChecked()
        self.editor.text_view.set_reflowed(on)
        self.settings.setValue("reflow", on)

    def do_page_order(self) -> None:
        on = self.actions["page_order"].isChecked()
        self.editor.tree.article_model.set_page_order(on)
        self.editor.refresh()  # the same article and blocks stay selected
        self.settings.setValue("page_order", on)

    def _zoom(self, step: float) -> None:
        font = self.editor.text_view.font()
        font.setPointSizeF(min(max(font.pointSizeF() + step, 7), 40))
        self.editor.text_view.setFont(font)
        self.settings.setValue("font_size", font.pointSizeF())

    def do_zoom_in(self) -> None:
        self._zoom(+1)

    def do_zoom_out(self) -> None:
        self._zoom(-1)

    def do_shortcuts(self) -> None:
        from banmian.gui.shortcut_sheet import ShortcutSheet

        ShortcutSheet(self.actions, self).exec()

    def do_about(self) -> None:
        QMessageBox.about(
            self,
            tr("About banmian"),
            tr(
                "banmian (版面): correct the articles of digitized Chinese newspaper pages, "
                "tag them, and export a verified corpus.\n\nDatabase: {0}"
            ).format(self.store.path if self.store else "—"),
        )

    # -- leaving ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.editor.details.flush()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("editor_splitter", self.editor.splitter.saveState())
        self.settings.setValue("right_splitter", self.editor.right_splitter.saveState())
        for job in self.jobs:
            if job.isRunning():
                job.cancel.set()
                job.wait()
        self.settings.sync()
        self.corpus.wait_for_searches()
        self.furniture.wait()
        self._close_database()
        super().closeEvent(event)
