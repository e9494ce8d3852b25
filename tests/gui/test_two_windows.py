"""Two windows on one database: the second, in another process or this one, opens it
read-only and says so; a lock left by a process that died is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from banmian.gui.main_window import MainWindow
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.gui.conftest import press, saved_blocks, select_block

HOLD_LOCK = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1])
    lock.setStaleLockTime(0)
    print("locked" if lock.tryLock(0) else "busy", flush=True)
    sys.stdin.readline()  # hold the lock until told (or killed)
    """
)


@pytest.fixture
def other_process(database: Path):
    """Another process holding the database's lock, as a banmian window there would."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, f"{database}.lock"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    yield holder
    if holder.poll() is None:
        holder.kill()
    holder.wait()


def _warning_box(window: MainWindow) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_a_database_another_process_edits_opens_read_only_and_says_so(
    qtbot, open_window, database, other_process
):
    window = open_window(database)
    assert window.store is not None and window.store.readonly
    assert not window.lock_banner.isHidden()
    assert str(other_process.pid) in window.lock_banner.text()
    assert "another banmian window" in window.lock_banner.text()
    box = _warning_box(window)  # window-modal, not blocking: the window is already usable
    assert "Open another database…" in [b.text() for b in box.buttons()]
    box.close()
    for name in ("import_files", "import_folder", "vocabulary"):
        assert not window.actions[name].isEnabled()
    assert not window.learning.learn_action.isEnabled()
    # reading works; corrections, status and E are refused, the file is untouched
    window.open_page(window.store.pages()[0].id)
    before = saved_blocks(database)
    select_block(qtbot, window, 2)
    for keys in ("H", "E", "Ctrl+Return"):
        press(qtbot, window, keys)
        assert "open in another window" in window.statusBar().currentMessage()
    assert saved_blocks(database) == before
    assert window.editor.undo_stack.count() == 0
    window.close()
    assert (Path(f"{database}.lock")).exists()  # still the other process's lock


def test_the_lock_of_a_process_that_died_is_taken_over(qtbot, open_window, database, other_process):
    other_process.send_signal(signal.SIGKILL)  # dies without unlocking: the file stays
    other_process.wait()
    assert Path(f"{database}.lock").exists()
    window = open_window(database)
    assert window.store is not None and not window.store.readonly
    assert window.lock_banner.isHidden()
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    window.open_page(window.store.pages()[0].id)
    select_block(qtbot, window, 2)
    press(qtbot, window, "H")
    assert saved_blocks(database)[2][0] == "headline"
    window.close()
    assert not Path(f"{database}.lock").exists()  # released on closing


def test_the_window_holds_the_lock_against_another_process(open_window, database):
    window = open_window(database)
    probe = subprocess.run(
        [sys.executable, "-c", HOLD_LOCK, f"{database}.lock"],
        input="\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.stdout.strip() == "busy"
    window.close()
    again = subprocess.run(
        [sys.executable, "-c", HOLD_LOCK, f"{database}.lock"],
        input="\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.stdout.strip() == "locked"


def test_a_second_window_here_is_read_only_until_the_first_closes(
    qtbot, open_window, database, tmp_path, monkeypatch
):
    first = open_window(database)
    second = open_window(database)
    assert not first.store.readonly and second.store.readonly
    assert str(os.getpid()) in second.lock_banner.text()
    # "Open another database…" asks for one and opens it, for editing
    other = tmp_path / "other.db"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    box = _warning_box(second)
    button = next(b for b in box.buttons() if b.text() == "Open another database…")
    button.click()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is second)  # the box handed back
    assert second.store.path == other and not second.store.readonly
    assert second.lock_banner.isHidden() and second.actions["import_files"].isEnabled()
    # once the first window is gone, the database opens for editing again
    first.close()
    second.open_database(database)
    assert not second.store.readonly and second.lock_banner.isHidden()
    second.close()
