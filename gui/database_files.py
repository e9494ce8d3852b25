"""Opening a database and importing pages into it, for the main window (a mixin of
MainWindow): the lock that keeps one editing window per database, the annotator's
name, the import dialogs and their background jobs.

One window edits a database at a time: it holds `<database>.lock` (a QLockFile, which
works across processes; the lock of a process that died is taken over). A second window
on that database opens it read-only and says so: each window saves a page's whole
segmentation, so two editing windows would silently overwrite each other's corrections.
"""

from __future__ import annotations

import os
from pathlib import Path

from banmian.core.corpus import vocabulary
from banmian.core.corpus.listing import page_exists
from banmian.core.corpus.paths import default_database, open_store
from banmian.core.corpus.store import Store
from banmian.gui.team_review import batch_annotator
from banmian.gui.translate import tr
from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox


class DatabaseFiles:
    """Needs from the window: `store`, `lock`, `settings`, `stacks`, `undo_group`,
    `jobs`, `editor`, `corpus`, `lock_banner`, `show_message`, `refresh_vocabulary`,
    `open_page`, `show_corpus`, `_tell` and `_update_enabled`."""

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
