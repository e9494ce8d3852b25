"""The `banmian` command itself opens the window: on the default database without
arguments, on another with --db (each run in a child process, closed by a timer)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from banmian.gui.app import make_application
from banmian.gui import launcher

app = make_application()
def report_and_quit():
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "banmian")
    print("DB", window.store.path, "PAGES", len(window.store.pages()), flush=True)
    window.close()
QTimer.singleShot(1500, report_and_quit)
sys.exit(launcher.main(sys.argv[1:]))
"""


def isolated_env(home) -> dict:
    """A child environment whose data and settings folders are the test's own."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "HOME": str(home),
    }


def run_banmian(*args: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_banmian_without_arguments_opens_the_seeded_default_database(tmp_path):
    env = isolated_env(tmp_path)
    out = run_banmian(env=env)
    default = tmp_path / "data" / "banmian" / "banmian.db"
    assert f"DB {default} PAGES 1" in out
    with sqlite3.connect(default) as db:
        assert db.execute("SELECT source_file FROM pages").fetchall() == [("sample_page.txt",)]


def test_banmian_db_opens_another_file(tmp_path):
    env = isolated_env(tmp_path)
    target = tmp_path / "mine.db"
    out = run_banmian("--db", str(target), env=env)
    assert f"DB {target} PAGES 0" in out
    assert target.exists()


FIRST_PAINT = """
import sys
import banmian.gui.app as app_module
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

make = app_module.make_application

def report():
    heavy = sorted(
        m for m in sys.modules
        if m.split(".")[0] in ("pandas", "numpy", "jieba", "pycrfsuite")
        or m in ("banmian.core.segmentation.segmenter", "banmian.core.corpus.learning")
        or (m.startswith("banmian.core.cli.") and m != "banmian.core.cli.main")
    )
    print("LOADED", ",".join(heavy) or "-", flush=True)
    QApplication.instance().quit()

def make_application(argv=None):
    app = make(argv)
    window_painted = app_module.AfterFirstPaint
    def after(window, then):  # report in the same turn of the loop as the warm-up starts
        window_painted(window, report)
    app_module.AfterFirstPaint = after
    return app

app_module.make_application = make_application
from banmian.gui import launcher
sys.exit(launcher.main(sys.argv[1:]))
"""


def test_the_window_is_drawn_before_jieba_numpy_pandas_or_the_segmenter_load(tmp_path):
    """They took most of the start-up time; the window does not need them to show the
    corpus, so they load behind it (gui.app), and the commands are not imported."""
    env = isolated_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, "--db", str(tmp_path / "mine.db")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "LOADED -" in result.stdout, result.stdout
