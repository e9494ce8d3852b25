"""Killing banmian right after a correction loses nothing the window had shown.

Each case runs the real window in a child process, makes one correction by its keys,
records what the window shows, and kills itself with SIGKILL (no clean-up runs); the
test then opens the SQLite file the child left behind.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from banmian.core.corpus.paths import sample_page
from banmian.core.corpus.store import Store

from tests.gui.conftest import SAMPLE_META

CHILD = textwrap.dedent(
    """
    import json, os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from banmian.gui.app import make_application
    from banmian.gui.main_window import MainWindow
    from tests.gui.conftest import press, select_block, select_article, type_chinese

    class Bot:  # the few qtbot calls the helpers use, without pytest
        from PySide6.QtTest import QTest
        def keyClick(self, widget, key, modifier=None):
            from PySide6.QtCore import Qt
            self.QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
        def keyClicks(self, widget, text):
            self.QTest.keyClicks(widget, text)

    database, case, ini = sys.argv[1:4]
    app = make_application()
    window = MainWindow(database, QSettings(ini, QSettings.Format.IniFormat))
    window.show()
    window.activateWindow()
    app.processEvents()
    window.open_page(1)
    bot = Bot()
    if case == "role":
        select_block(bot, window, 2); press(bot, window, "H")
    elif case == "split":
        select_block(bot, window, 9); press(bot, window, "S")
    elif case == "merge":
        select_article(bot, window, "A7"); press(bot, window, "M")
    elif case == "notes":
        select_article(bot, window, "A7")
        window.editor.details.notes.setFocus()
        type_chinese(window.editor.details.notes, "上接第1版")
    elif case == "undo":
        select_block(bot, window, 2); press(bot, window, "H"); press(bot, window, "Ctrl+Z")
    elif case == "verify":
        press(bot, window, "Ctrl+Return")
    seg = window.editor.segmentation
    shown = {
        "articles": [[a.id, a.notes, [[b.role.value, b.first] for b in a.blocks]] for a in seg.articles],
        "status": window.editor.status,
    }
    print(json.dumps(shown), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.parametrize("case", ["role", "split", "merge", "notes", "undo", "verify"])
def test_kill_right_after_a_correction_keeps_it(tmp_path, case):
    database = tmp_path / "kill.db"
    store = Store(database)
    store.add_page(sample_page(), SAMPLE_META)
    store.close()
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(database), case, str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -9, child.stderr[-2000:]
    shown = json.loads(child.stdout.strip().splitlines()[-1])
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store = Store(database)
    seg = store.load(1)
    status = store.page_row(1)["status"]
    store.close()
    saved = [[a.id, a.notes, [[b.role.value, b.first] for b in a.blocks]] for a in seg.articles]
    assert saved == shown["articles"]
    assert status == shown["status"]
