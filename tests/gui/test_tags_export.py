"""Vocabulary tags by chord keys, the vocabulary dialog, and File → Export… in the window."""

from __future__ import annotations

import json

from banmian.core.corpus import vocabulary
from banmian.gui.export_dialog import ExportDialog
from banmian.gui.vocabulary_dialog import VocabularyDialog
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import last_action, press, rows, select_article, type_chinese


def dialog_of(kind):
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_vocabulary_tag_by_chord_is_saved_and_undoable(qtbot, window, database):
    select_article(qtbot, window, "A4")
    press(qtbot, window, "T, 3")  # 经济, a section of the default vocabulary
    assert rows(database, "SELECT name, kind FROM article_tags WHERE article_id='A4'") == [
        ("经济", "section")
    ]
    assert last_action(database) == "add_tag"
    press(qtbot, window, "Ctrl+Z")
    assert rows(database, "SELECT count(*) FROM article_tags") == [(0,)]


def test_vocabulary_dialog_adds_a_key_the_window_then_obeys(qtbot, window, database):
    window.do_vocabulary()
    dialog = dialog_of(VocabularyDialog)
    type_chinese(dialog.name, "港口")
    dialog.kind.setCurrentIndex(dialog.kind.findData("topic"))
    dialog.key.setText("q")
    dialog.add()
    assert ("港口", "topic", "q") in rows(
        database, "SELECT name, kind, shortcut FROM tag_vocabulary"
    )
    dialog.key.setText("3")  # taken by 经济: refused with a reason, nothing written
    type_chinese(dialog.name, "别的")
    dialog.add()
    assert "别的" not in {n for (n,) in rows(database, "SELECT name FROM tag_vocabulary")}
    assert "already used by '经济'" in dialog.problem.text()
    dialog.close()
    select_article(qtbot, window, "A5")
    press(qtbot, window, "T, Q")
    assert ("港口",) in rows(database, "SELECT name FROM article_tags WHERE article_id='A5'")
    assert "港口" in window.editor.details.completions.stringList()


def test_vocabulary_dialog_is_used_without_the_mouse(qtbot, window, database):
    window.do_vocabulary()
    dialog = dialog_of(VocabularyDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    type_chinese(dialog.name, "港口")
    press(qtbot, window, "Return")
    assert ("港口",) in rows(database, "SELECT name FROM tag_vocabulary")
    assert QApplication.focusWidget() is dialog.name
    for _ in range(5):  # kind, key, the two buttons, then the table
        press(qtbot, window, "Tab")
    assert QApplication.focusWidget() is dialog.table
    press(qtbot, window, "Down")
    press(qtbot, window, "Return")  # the row into the fields, to change it
    assert QApplication.focusWidget() is dialog.name and dialog.name.text()
    press(qtbot, window, "Shift+Tab")
    assert QApplication.focusWidget() is not dialog.name
    dialog.table.setFocus()
    press(qtbot, window, "Tab")  # Tab leaves the table instead of walking its cells
    assert QApplication.focusWidget() is not dialog.table
    dialog.close()


def test_export_dialog_writes_jsonl_in_the_background(qtbot, window, tmp_path):
    press(qtbot, window, "Ctrl+Shift+E")
    dialog = dialog_of(ExportDialog)
    assert "Nothing matches" in dialog.count.text()  # the page is not verified yet
    dialog.status.setCurrentIndex(dialog.status.findData("any"))
    assert dialog.count.text().startswith("8 articles")
    target = tmp_path / "out" / "corpus.jsonl"
    dialog.target.setText(str(target))
    with qtbot.waitSignal(dialog.finished, timeout=60000):
        dialog.start()
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == 8
    titles = [json.loads(line)["title"] for line in lines]
    assert "青岛至纽约跨境电商全货包机首飞" in titles
    assert "Exported 8" in window.statusBar().currentMessage()


def test_export_dialog_with_nothing_to_export_writes_nothing(qtbot, window, tmp_path):
    window.do_export()
    dialog = dialog_of(ExportDialog)
    target = tmp_path / "none.jsonl"
    dialog.target.setText(str(target))
    dialog.start()
    qtbot.waitUntil(lambda: "Nothing to export" in dialog.count.text(), timeout=30000)
    assert not target.exists() and dialog.isVisible()
    dialog.close()


def test_seeded_vocabulary_is_in_the_database(window, database):
    names = {n for (n,) in rows(database, "SELECT name FROM tag_vocabulary")}
    assert {e.name for e in vocabulary.default_entries()} <= names
