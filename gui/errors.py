"""What the window does with an error nobody foresaw: say so, and go on.

A slot that raises (a page the database cannot read any more, a disk that went away
under an open dialog) would otherwise print a traceback to a terminal the annotator
never sees, and the key they pressed would seem to do nothing. Every correction is
already on disk when its key returns (see gui.commands), so going on is safe: the
window shows one message naming what went wrong, with the traceback under "Show
Details" for a bug report, and stays usable.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import traceback
from types import TracebackType

from banmian.core.cli.main import os_problem, storage_problem
from banmian.gui.translate import tr
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def explain(exc: BaseException) -> str:
    """One sentence for the annotator: storage and file errors in their own words."""
    if isinstance(exc, sqlite3.Error):
        return tr("The database could not be used: {0}").format(storage_problem(exc))
    if isinstance(exc, OSError):
        return tr("A file could not be used: {0}").format(os_problem(exc))
    return tr("Something went wrong: {0}").format(str(exc) or type(exc).__name__)


def show_error(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> QMessageBox | None:
    """The excepthook: a window-modal message over the active window; None when there
    is no application to show it in (then Python's own hook prints it)."""
    if QApplication.instance() is None or issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return None
    details = "".join(traceback.format_exception(kind, exc, tb))
    print(details, file=sys.stderr, end="")
    parent: QWidget | None = QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Warning, tr("banmian"), explain(exc), parent=parent)
    box.setInformativeText(tr("Your corrections so far are saved. You can go on working."))
    box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): the event loop goes on, and a second error gets its own box
    return box


def install() -> None:
    """Route uncaught exceptions of the running window to `show_error` (not under
    pytest, whose own hook turns them into test failures)."""
    if "PYTEST_CURRENT_TEST" not in os.environ:
        sys.excepthook = show_error
