"""Long work (import, export) on a worker thread, with progress and cancel.

The job function gets a `progress(done, total, text)` callback and a threading.Event
to watch for cancel; it must open its own Store, because an SQLite connection belongs
to the thread that made it. The window stays responsive and shows a progress dialog.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from banmian.gui.translate import tr
from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

JobFunction = Callable[[Callable[[int, int, str], None], threading.Event], Any]


class BackgroundJob(QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: JobFunction, parent=None) -> None:
        super().__init__(parent)
        self.work = work
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            result = self.work(self.progressed.emit, self.cancel)
        except Exception as exc:  # shown to the user, never a silent dead thread
            traceback.print_exc()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(result)


def run_with_progress(
    parent: QWidget,
    title: str,
    work: JobFunction,
    done: Callable[[Any], None],
    failed: Callable[[str], None],
) -> BackgroundJob:
    """Start `work` on a thread behind a cancellable progress dialog."""
    dialog = QProgressDialog(title, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = BackgroundJob(work, parent)

    def progressed(count: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(count)
        dialog.setLabelText(f"{title}\n{count} / {total}  {text[-60:]}")

    def finish(handler: Callable, value: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        handler(value)

    job.progressed.connect(progressed)
    job.succeeded.connect(lambda result: finish(done, result))
    job.failed.connect(lambda message: finish(failed, message))
    dialog.canceled.connect(job.cancel.set)
    job.finished.connect(job.deleteLater)
    job.start()
    return job
