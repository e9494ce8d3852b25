"""The furniture rule in the window: a block marked as noise (N) is proposed as noise
on the other untouched pages of the newspaper, behind the window.

The spreading reads and writes other pages, which can take a moment on a big corpus, so
it runs on a worker thread with its own connection (core.corpus.furniture does the work
page by page, each in one transaction); the annotator goes on correcting, and the
status bar says how many pages it changed when it is done.
"""

from __future__ import annotations

from pathlib import Path

from banmian.core.corpus.furniture import propose_elsewhere, record_rule
from banmian.core.corpus.store import Store
from banmian.gui.background import BackgroundJob
from banmian.gui.translate import tr
from PySide6.QtWidgets import QMainWindow


def _spread(database: Path, page_id: int, texts: list[str]) -> int:
    store = Store(database)
    try:
        return len(propose_elsewhere(store, page_id, texts))
    finally:
        store.close()


class FurnitureRule:
    """Connects the editor's `furniture_marked` to the rule (the window owns `store`,
    `show_message` and `corpus`)."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.jobs: list[BackgroundJob] = []
        window.editor.furniture_marked.connect(self.spread)

    def spread(self, page_id: int, texts: list[str]) -> None:
        store = self.window.store
        if store is None or store.readonly or not texts:
            return
        record_rule(store, page_id, texts)  # at once, with the marking: never lost
        database = store.path
        job = BackgroundJob(lambda _p, _c: _spread(database, page_id, texts), self.window)
        job.succeeded.connect(self._done)
        job.failed.connect(
            lambda reason: self.window.show_message(
                tr("Could not propose the furniture on other pages: {0}").format(reason)
            )
        )
        job.finished.connect(lambda: self._forget(job))
        self.jobs.append(job)
        job.start()

    def _done(self, changed: int) -> None:
        if changed:
            self.window.show_message(
                tr("Also proposed as page furniture on {0} new pages of this newspaper").format(
                    changed
                )
            )

    def _forget(self, job: BackgroundJob) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        job.deleteLater()

    def wait(self) -> None:
        """Before the window goes: a thread must not outlive its QThread object."""
        for job in list(self.jobs):
            job.wait()
