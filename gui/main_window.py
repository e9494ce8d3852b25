"""The main window: the corpus and the page editor, one menu of commands over both.

It owns the store and one undo stack per opened page (an undo group switches between
them), restores where the annotator left off, and forwards every command to the view
that acts on it.

One window edits a database at a time: it holds `<database>.lock` (a QLockFile, which
works across processes; the lock of a process that died is taken over). A second window
on that database opens it read-only and says so: each window saves a page's whole
segmentation, so two editing windows would silently overwrite each other's corrections.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from banmian.core.corpus import vocabulary
from banmian.core.corpus.listing import page_exists
from banmian.core.corpus.paths import default_database, open_store
from banmian.core.corpus.store import Store, page_place
from banmian.gui.actions import ROLE_ACTIONS, SPECS, build_actions
from banmian.gui.corpus_view import CorpusView
from banmian.gui.fonts import missing_font_warning, page_font
from banmian.gui.furniture_rule import FurnitureRule
from banmian.gui.learning import Learning
from banmian.gui.page_editor import PageEditor
from banmian.gui.team_review import TeamReview, batch_annotator
from banmian.gui.translate import tr
from PySide6.QtCore import QLockFile, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class MainWindow(QMainWindow):
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
    def open_database(self, path: str | Path | None) -> None:
        try:
            store, lock, holder = self._open_store(path)
        except Exception as exc:  # not SQLite, no permission, a newer schema …
            self._tell(tr("Cannot open database"), f"{path}\n\n{exc}")
            if self.store is not None or path is None:
                return
            # start on the default database rather than nothing
            store, lock, holder = self._open_store(None)
        self._close_database()
        self.store, self.lock = store, lock
        owner = "" if os.environ.get("BANMIAN_ANNOTATOR") else batch_annotator(store)
        if name := owner or self.annotator_name():
            store.annotator = name
        if not store.readonly:
            store.defer_checkpoints()
        self.settings.setValue("database", str(store.path))
        self.corpus.set_store(store)
        if not store.readonly:
            vocabulary.seed_vocabulary(store)
        self.refresh_vocabulary()
        self._show_lock(holder)
        if owner and not holder:
            self.show_message(tr("{0}'s batch: corrections are logged under {0}").format(owner))
        last = self.settings.value(f"last_page/{store.path}", None)
        if last is not None and page_exists(store.db.conn, int(last)):
            self.open_page(int(last))
        else:
            self.show_corpus()

    def _open_store(self, path: str | Path | None) -> tuple[Store, QLockFile | None, str]:
        """The store at `path` (None: the default), for editing if this window can take
        its lock; else read-only, with who holds the lock ("" when not read-only)."""
        target = Path(path) if path is not None else default_database()
        lock = QLockFile(f"{target}.lock")
        lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
        if lock.tryLock(0):
            try:
                return open_store(path), lock, ""
            except BaseException:
                lock.unlock()
                raise
        if lock.error() != QLockFile.LockError.LockFailedError or not target.exists():
            # no lock file can be made here (a read-only folder): nobody else can hold
            # one either, so nothing to warn about; the store says if it cannot write
            return open_store(path), None, ""
        info = lock.getLockInfo()  # (pid, host, application); empty when unreadable
        found = isinstance(info, tuple) and len(info) == 3 and info[0] > 0
        holder = tr("process {0} on {1}").format(*info[:2]) if found else tr("another process")
        return open_store(target, readonly=True), None, holder

    def _show_lock(self, holder: str) -> None:
        """Say, without blocking, that another window edits this database: the banner
        stays, the status bar says it, and a window-modal box offers another database."""
        self.lock_banner.setVisible(bool(holder))
        self._update_enabled()
        if not holder:
            return
        assert self.store is not None
        text = tr(
            "{0} is open in another banmian window ({1}). This window shows it read-only, "
            "so that neither window overwrites the other's corrections. Close the other "
            "window and open the database again to edit it here."
        ).format(self.store.path.name, holder)
        self.lock_banner.setText(f"⚠ {text}")
        self.show_message(tr("Read-only: the database is open in another window"))
        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Database open in another window"), text, parent=self
        )
        box.addButton(tr("Continue read-only"), QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton(tr("Open another database…"), QMessageBox.ButtonRole.ActionRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is other and self.do_open_database())
        self.lock_box = box
        box.open()

    def _close_database(self) -> None:
        self.editor.close_page()
        for stack in self.stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self.stacks.clear()
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

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

    def annotator_name(self) -> str:
        """Who corrects: BANMIAN_ANNOTATOR, else `--annotator` or File → Annotator name
        (kept in the settings); empty: the store's default, the system user. A batch
        file's own annotator comes before the settings (open_database)."""
        return os.environ.get("BANMIAN_ANNOTATOR") or str(self.settings.value("annotator", ""))

    def do_annotator(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            tr("Annotator name"),
            tr("Your name, written with every correction and in the export:"),
            text=self.annotator_name(),
        )
        if ok and name.strip():
            self.settings.setValue("annotator", name.strip())
            if self.store is not None:
                self.store.annotator = name.strip()
            self.show_message(tr("Annotator: {0}").format(name.strip()))

    def _ask_newspaper(self) -> str | None:
        """The import dialog's second step: the newspaper of these pages (None: cancel)."""
        name, ok = QInputDialog.getText(
            self,
            tr("Newspaper"),
            tr("Newspaper of these pages (leave empty to take it from the file names):"),
            text=str(self.settings.value("newspaper", "")),
        )
        if not ok:
            return None
        self.settings.setValue("newspaper", name.strip())
        return name.strip()

    def do_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, tr("Import page files"), "", tr("Page text (*.txt);;All files (*)")
        )
        if files and (newspaper := self._ask_newspaper()) is not None:
            self.import_paths(files, newspaper)

    def do_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Import every page under a folder"))
        if folder and (newspaper := self._ask_newspaper()) is not None:
            self.import_paths([folder], newspaper)

    def import_paths(self, paths: list[str], newspaper: str = "") -> None:
        from banmian.gui.jobs import start_import

        if self.store is not None:
            failed = lambda message: self._tell(tr("Import failed"), message)  # noqa: E731
            self._track(
                start_import(
                    self, self.store.path, paths, self._imported, failed, newspaper or None
                )
            )

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
