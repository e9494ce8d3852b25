"""Start the window: application identity (for QSettings), translation, the database."""

from __future__ import annotations

import gc
import getpass
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from banmian.core.words import nlp
from banmian.gui.translate import install_translator, tr
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("banmian")
    app.setApplicationName("banmian")
    app.setApplicationDisplayName("banmian 版面")
    install_translator(app)
    return app


def settle_memory() -> None:
    """Hide what start-up built (jieba's dictionary, the widgets) from the garbage
    collector: a full collection over it pauses for tens of milliseconds, and it would
    land in the middle of a keystroke (measured by tests/bench/bench_editor.py)."""
    gc.collect()
    gc.freeze()


def _warm_up() -> None:
    """What the first search, import or training would otherwise wait for: jieba's
    dictionary, and the segmenter's modules (numpy, CRFsuite) with its shipped model."""
    nlp.load()
    from banmian.core.corpus import learning  # noqa: F401
    from banmian.core.segmentation.line_model import shipped_model

    shipped_model()
    settle_memory()


OPTIONAL_HOOKS = ("pandas", "numpy")


def import_sqlite_utils_lean() -> None:
    """Import sqlite-utils without the pandas and numpy it imports when installed (half
    a second of the window's start, a third of it numpy). It uses them only to name a
    column type when it creates columns from pandas or numpy values, which banmian never
    does: its tables come from migrations, its rows are written by plain SQL. Both
    import normally afterwards (the segmenter needs numpy, an export may use pandas)."""
    if "sqlite_utils" in sys.modules:
        return
    blocked = [name for name in OPTIONAL_HOOKS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` fails
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in blocked:
            del sys.modules[name]


class AfterFirstPaint(QObject):
    """Runs `then` once, when the event loop turns after `window` was first painted."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def warm_up_behind(window: QWidget) -> None:
    """Load jieba (about a second of CPU) on a thread once the window is on screen: the
    thread holds the interpreter lock most of that second, so started any earlier it
    would slow building and drawing the window the annotator is waiting for."""
    AfterFirstPaint(window, lambda: threading.Thread(target=_warm_up, daemon=True).start())


def ask_annotator_once(annotator: str | None) -> str | None:
    """On the first interactive start, ask the annotator's name once (kept in the
    settings; File → Annotator name… changes it). Never asked when a name is given
    (`--annotator`, BANMIAN_ANNOTATOR, the settings) or with no screen to ask on."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QInputDialog

    settings = QSettings()
    if annotator or os.environ.get("BANMIAN_ANNOTATOR") or settings.value("annotator", ""):
        return annotator
    if QGuiApplication.platformName() in ("offscreen", "minimal") or not sys.stdin:
        return annotator
    name, ok = QInputDialog.getText(
        None,
        tr("Annotator name"),
        tr("Your name, written with every correction and in the export:"),
        text=getpass.getuser(),
    )
    settings.setValue("annotator", name.strip() if ok and name.strip() else getpass.getuser())
    return annotator


def run_window(database: str | Path | None = None, annotator: str | None = None) -> int:
    app = make_application()
    import_sqlite_utils_lean()
    from banmian.gui import errors
    from banmian.gui.main_window import MainWindow

    errors.install()
    annotator = ask_annotator_once(annotator)
    window = MainWindow(database, annotator=annotator)
    window.show()
    # jieba builds its dictionary in about a second: behind the window, before the
    # first search or import needs it
    warm_up_behind(window)
    return app.exec()
