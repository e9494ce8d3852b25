"""An error nobody foresaw, raised under a key: one message in the window, the traceback
under its details, and the window still works."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from banmian.gui import errors
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.conftest import press, saved_blocks, select_block


@pytest.fixture(autouse=True)
def _close_boxes():
    """Message boxes left open would take the next test's keys."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


def _raise(exc: BaseException):
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001 (the hook gets whatever was raised)
        return type(caught), caught, caught.__traceback__


def test_a_damaged_database_under_a_page_says_so_and_the_window_goes_on(qtbot, window, database):
    box = errors.show_error(*_raise(sqlite3.DatabaseError("database disk image is malformed")))
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "damaged" in box.text() and "malformed" in box.text()
    assert "saved" in box.informativeText()
    assert "Traceback" in box.detailedText() and "DatabaseError" in box.detailedText()
    box.close()
    select_block(qtbot, window, 2)
    press(qtbot, window, "K")  # the window still takes corrections
    assert saved_blocks(database)[2][0] == "kicker"


def test_other_errors_are_named_in_plain_words(qtbot, window):
    text = errors.show_error(*_raise(OSError(28, "No space left on device", "/x/y.jsonl"))).text()
    assert "/x/y.jsonl" in text and "disk is full" in text
    assert "ValueError" in errors.show_error(*_raise(ValueError())).text()


def test_the_running_window_installs_the_hook_but_tests_keep_theirs(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    errors.install()  # under pytest: left alone, so pytest-qt still fails a raising test
    assert sys.excepthook is sys.__excepthook__
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    errors.install()
    assert sys.excepthook is errors.show_error
