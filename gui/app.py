"""Start the window: application identity (for QSettings), translation, the database."""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

from banmian.core import nlp
from banmian.gui.translate import install_translator
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


def run_window(database: str | Path | None = None) -> int:
    app = make_application()
    # jieba builds its dictionary in about a second; do it before the first search.
    threading.Thread(target=_warm_up, daemon=True).start()
    from banmian.gui.main_window import MainWindow

    window = MainWindow(database)
    window.show()
    settle_memory()
    return app.exec()
