"""The window's long-running work: import and export, each on its own Store connection
in a background thread (see gui.background)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from banmian.core.corpus.importer import ImportReport, import_paths
from banmian.core.corpus.store import Store
from banmian.gui.background import BackgroundJob, run_with_progress
from banmian.gui.translate import tr
from PySide6.QtWidgets import QWidget


def start_import(
    parent: QWidget,
    database: Path,
    paths: list[str],
    done: Callable[[ImportReport], None],
    failed: Callable[[str], None],
    newspaper: str | None = None,
) -> BackgroundJob:
    def work(progress, cancel) -> ImportReport:
        store = Store(database)
        try:
            return import_paths(store, paths, progress=progress, cancel=cancel, newspaper=newspaper)
        finally:
            store.close()

    return run_with_progress(parent, tr("Importing pages"), work, done, failed)
