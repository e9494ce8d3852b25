"""Start the window: application identity (for QSettings), translation, the database."""

from __future__ import annotations

import gc
import getpass
import os
import sys
import threading
from pathlib import Path

from banmian.core.words import nlp
from banmian.gui.translate import install_translator, tr
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


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
    nlp.jieba_module()
    settle_memory()


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
    # jieba builds its dictionary in about a second; do it before the first search.
    threading.Thread(target=_warm_up, daemon=True).start()
    from banmian.gui.main_window import MainWindow

    annotator = ask_annotator_once(annotator)
    window = MainWindow(database, annotator=annotator)
    window.show()
    settle_memory()
    return app.exec()
