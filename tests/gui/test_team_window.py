"""The window on a team's files: a batch file's corrections are logged under the
annotator the batch made it for, whatever name the window's settings hold."""

from __future__ import annotations

import sqlite3

from banmian.core.corpus.store import Store
from banmian.core.team.batch import make_batch

from tests import team_pages as tp
from tests.gui.conftest import press


def _log(path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT annotator, action FROM edit_log ORDER BY id").fetchall()
    finally:
        conn.close()


def test_a_batch_file_is_corrected_under_its_annotators_name(
    qtbot, open_window, settings, tmp_path, monkeypatch
):
    monkeypatch.delenv("BANMIAN_ANNOTATOR", raising=False)
    main = tmp_path / "main.db"
    tp.make_main(main)
    store = Store(main, annotator="lead")
    try:
        make_batch(store, tmp_path / "out", ["li"], overlap=0.0)
    finally:
        store.close()
    settings.setValue("annotator", "wang")  # whoever used this machine's window last

    window = open_window(tmp_path / "out" / "li.db")
    assert window.store.annotator == "li"
    assert "li's batch" in window.statusBar().currentMessage()
    window.open_page(1)
    window.editor.text_view.setFocus()
    press(qtbot, window, "Ctrl+Return")  # verify, on to the next page
    qtbot.waitUntil(lambda: window.editor.page_id == 2)
    # the main database is not a batch file: the settings' name there
    window.open_database(main)
    assert window.store.annotator == "wang"
    window.close()

    assert _log(tmp_path / "out" / "li.db")[-1] == ("li", "set_status")
    assert str(settings.value("annotator")) == "wang"  # the settings are left as they were


def test_banmian_annotator_still_names_whoever_corrects(open_window, tmp_path, monkeypatch):
    """BANMIAN_ANNOTATOR is set for one process on purpose (a lead checking a file)."""
    monkeypatch.setenv("BANMIAN_ANNOTATOR", "lead")
    main = tmp_path / "main.db"
    tp.make_main(main)
    store = Store(main, annotator="lead")
    try:
        make_batch(store, tmp_path / "out", ["li"], overlap=0.0)
    finally:
        store.close()
    window = open_window(tmp_path / "out" / "li.db")
    assert window.store.annotator == "lead"
