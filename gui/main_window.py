"""The main window: the corpus and the page editor, one menu of commands over both.

It owns the store and one undo stack per opened page (an undo group switches between
them), restores where the annotator left off, and forwards every command to the view
that acts on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from banmian.core import vocabulary
from banmian.core.model import Role
from banmian.core.paths import open_store
from banmian.core.store import Store, page_place
from banmian.gui.actions import SPECS, build_actions
from banmian.gui.corpus_view import CorpusView
from banmian.gui.fonts import missing_font_warning, page_font
from banmian.gui.page_editor import PageEditor
from banmian.gui.translate import tr
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

ROLE_KEYS = {
    "role_headline": Role.HEADLINE,
    "role_subheadline": Role.SUBHEADLINE,
    "role_kicker": Role.KICKER,
    "role_byline": Role.BYLINE,
    "role_body": Role.BODY,
    "role_caption": Role.CAPTION,
    "role_noise": Role.NOISE,
}


class MainWindow(QMainWindow):
    def __init__(
        self, database: str | Path | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("banmian")  # also the key of its saved state
        self.settings = settings or QSettings()
        self.store: Store | None = None
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
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar()

        self.actions, menus = build_actions(self, self.menuBar(), self.handler)
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

        self.corpus.page_requested.connect(self.open_page)
        self.corpus.message.connect(self.show_message)
        self.editor.message.connect(self.show_message)
        self.pages.currentChanged.connect(lambda _i: self._update_enabled())

        self.restoreState(self.settings.value("window_state", b""))
        self.editor.splitter.restoreState(self.settings.value("editor_splitter", b""))
        self.editor.right_splitter.restoreState(self.settings.value("right_splitter", b""))
        if self.settings.value("reflow", False, bool):
            self.actions["reflow"].setChecked(True)
            self.editor.text_view.set_reflowed(True)
        if not self.restoreGeometry(self.settings.value("geometry", b"")):
            self.resize(1280, 800)
        chosen = database or self.settings.value("database", None)
        self.open_database(chosen)
        self._update_enabled()

    # -- databases and pages ------------------------------------------------------------
    def open_database(self, path: str | Path | None) -> None:
        try:
            store = open_store(path)
        except Exception as exc:  # not SQLite, no permission, a newer schema …
            self._tell(tr("Cannot open database"), f"{path}\n\n{exc}")
            if self.store is not None or path is None:
                return
            store = open_store(None)  # start on the default database rather than nothing
        self._close_database()
        self.store = store
        store.defer_checkpoints()
        self.settings.setValue("database", str(store.path))
        self.corpus.set_store(store)
        vocabulary.seed_vocabulary(store)
        self.refresh_vocabulary()
        last = self.settings.value(f"last_page/{store.path}", None)
        if last is not None and int(last) in {p.id for p in store.pages()}:
            self.open_page(int(last))
        else:
            self.show_corpus()

    def _close_database(self) -> None:
        self.editor.close_page()
        for stack in self.stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self.stacks.clear()
        if self.store is not None:
            self.store.close()
            self.store = None

    def open_page(self, page_id: int, article_id: str = "") -> None:
        if self.store is None:
            return
        stack = self.stacks.get(page_id)
        if stack is None:
            stack = self.stacks[page_id] = QUndoStack(self.undo_group)
        self.undo_group.setActiveStack(stack)
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

    # -- commands -----------------------------------------------------------------------
    def handler(self, name: str) -> Callable[[], None]:
        editor = self.editor
        if name in ROLE_KEYS:
            return lambda: editor.set_role(ROLE_KEYS[name])
        if name.startswith("accept_suggestion_"):
            number = int(name.rsplit("_", 1)[1])
            return lambda: editor.accept_suggestion(number)
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
            "split_paragraph": editor.split_paragraph,
            "to_previous_article": lambda: editor.to_article(-1),
            "to_next_article": lambda: editor.to_article(+1),
            "unassign": editor.unassign,
            "next_doubt": editor.next_doubt,
            "previous_doubt": lambda: editor.next_doubt(-1),
            "accept_doubt": editor.accept_doubt,
            "details": lambda: editor.details.title.setFocus(),
            "add_tag": editor.details.focus_tag_entry,
        }
        if name in simple:
            return simple[name]
        return getattr(self, f"do_{name}")

    def do_open_database(self) -> None:
        start = str(self.store.path.parent) if self.store else ""
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Open or create a database"),
            start,
            tr("banmian databases (*.db *.sqlite);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.open_database(path)

    def do_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, tr("Import page files"), "", tr("Page text (*.txt);;All files (*)")
        )
        if files:
            self.import_paths(files)

    def do_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Import every page under a folder"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> None:
        from banmian.gui.jobs import start_import

        if self.store is not None:
            failed = lambda message: self._tell(tr("Import failed"), message)  # noqa: E731
            self._track(start_import(self, self.store.path, paths, self._imported, failed))

    def _track(self, job) -> None:
        """Keep a running job reachable so closing the window can stop it cleanly."""
        self.jobs.append(job)
        job.finished.connect(lambda: self.jobs.remove(job) if job in self.jobs else None)

    def _imported(self, report) -> None:
        self.corpus.reload()
        self.show_message(tr("Import: {0}").format(report.summary()))
        if report.failed or report.duplicates:
            lines = [f"✗ {path}: {reason}" for path, reason in report.failed]
            lines += [
                "= " + tr("{0} (same page as {1})").format(path, other)
                for path, other in report.duplicates
            ]
            self._tell(tr("Import finished"), report.summary(), "\n".join(lines))

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
        ids = self.corpus.page_ids_in_view()
        if self.editor.page_id in ids and ids:
            self.open_page(ids[(ids.index(self.editor.page_id) + step) % len(ids)])

    def do_previous_page(self) -> None:
        self._step_page(-1)

    def do_next_page(self) -> None:
        self._step_page(+1)

    def do_verify_next(self) -> None:
        if self.store is None or self.editor.page_id is None:
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
        self._close_database()
        super().closeEvent(event)
