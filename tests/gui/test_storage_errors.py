"""The window against a database that refuses: a save that fails is undone on screen
and says why, never crashes; two imports and the window share one file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time

from banmian.core.corpus.store import Store

from tests.gui.conftest import press, rows, saved_blocks, select_block, type_chinese
from tests.page_variants import variant_folders


def _refuse_saves(monkeypatch, window, message="database is locked"):
    def refused(*args, **kwargs):
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(window.store, "save", refused)
    monkeypatch.setattr(window.store, "set_status", refused)


def test_a_refused_save_is_undone_on_screen_and_says_why(qtbot, window, database, monkeypatch):
    select_block(qtbot, window, 2)
    press(qtbot, window, "H")  # saved normally
    assert saved_blocks(database)[2][0] == "headline"
    stack = window.editor.undo_stack
    count, before = stack.count(), window.editor.segmentation
    _refuse_saves(monkeypatch, window)
    press(qtbot, window, "N")
    assert saved_blocks(database)[2][0] == "headline"  # the file: unchanged
    assert window.editor.segmentation is before  # the screen: what the file holds
    assert window.editor.segmentation.block(2).role.value == "headline"
    assert stack.count() == count  # nothing to undo that was never done
    assert "Not saved" in window.statusBar().currentMessage()
    assert "another program" in window.statusBar().currentMessage()
    # undoing the earlier correction while the file refuses: it stays done, and says so
    press(qtbot, window, "Ctrl+Z")
    assert saved_blocks(database)[2][0] == "headline"
    assert window.editor.segmentation.block(2).role.value == "headline"
    monkeypatch.undo()
    press(qtbot, window, "C")  # the database answers again: corrections save again
    assert saved_blocks(database)[2][0] == "caption"


def test_notes_typed_while_the_disk_is_full_never_crash(qtbot, window, database, monkeypatch):
    _refuse_saves(monkeypatch, window, "database or disk is full")
    notes = window.editor.details.notes
    notes.setFocus()
    for ch in "第一条":
        type_chinese(notes, ch)
        qtbot.wait(1)
    assert "disk is full" in window.statusBar().currentMessage()
    assert rows(database, "SELECT count(*) FROM articles WHERE notes != ''")[0][0] == 0
    monkeypatch.undo()
    type_chinese(notes, "好")
    qtbot.waitUntil(
        lambda: rows(database, "SELECT count(*) FROM articles WHERE notes != ''")[0][0] == 1
    )


def test_a_real_lock_held_by_another_writer_is_waited_for(qtbot, window, database):
    """An import's batch holds the write lock for a moment: the save waits its turn."""
    select_block(qtbot, window, 2)
    other = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE pages SET newspaper = 'x'")
    started = time.perf_counter()
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    press(qtbot, window, "K")
    assert time.perf_counter() - started >= 0.25
    assert saved_blocks(database)[2][0] == "kicker"
    other.close()


def test_two_imports_and_a_window_on_one_database(qtbot, window, database, tmp_path, sample_text):
    folders = variant_folders(tmp_path, sample_text, 2, 30)
    imports = [
        subprocess.Popen(
            [sys.executable, "-m", "banmian.core.cli", "--db", str(database), "import"]
            + [str(f), "--workers", "1", "--quiet"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in folders
    ]
    select_block(qtbot, window, 2)
    keys = ["H", "P", "K", "P", "Ctrl+Z", "Ctrl+Shift+Z", "U", "P"]
    done = 0
    while any(p.poll() is None for p in imports) or done < len(keys):
        key = keys[done % len(keys)]
        press(qtbot, window, key)
        qtbot.wait(50)
        done += 1
        expected = window.editor.segmentation.block(2).role.value
        message = window.statusBar().currentMessage()
        # every correction is saved, or refused with the reason shown
        saved = saved_blocks(database, window.editor.page_id)[2][0]
        assert saved == expected or "Not saved" in message
    for p in imports:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        assert "Traceback" not in err
    store = Store(database, readonly=True)
    assert len(store.pages()) == 1 + 60  # the sample page and every imported one
    assert store.load(window.editor.page_id) == window.editor.segmentation
    store.close()
