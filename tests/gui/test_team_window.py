"""The window on a team's files: a batch file's corrections are logged under the
annotator the batch made it for, whatever name the window's settings hold."""

from __future__ import annotations

import sqlite3

from banmian.core.corpus.store import Store
from banmian.core.team.batch import make_batch

from tests import team_pages as tp
from tests.gui.conftest import press


def _li_batch(tmp_path):
    """A main database and, beside it in `out/`, li's batch file made from it by the lead."""
    main = tmp_path / "main.db"
    tp.make_main(main)
    store = Store(main, annotator="lead")
    try:
        make_batch(store, tmp_path / "out", ["li"], overlap=0.0)
    finally:
        store.close()
    return main


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
    main = _li_batch(tmp_path)
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
    _li_batch(tmp_path)
    window = open_window(tmp_path / "out" / "li.db")
    assert window.store.annotator == "lead"


def test_agreement_and_curation_speak_simplified_chinese(qtbot, open_window, tmp_path, monkeypatch):
    """The team dialogs are translated like the rest of the window (resources/i18n)."""
    from banmian.gui.translate import install_translator
    from PySide6.QtWidgets import QApplication

    monkeypatch.setenv("BANMIAN_ANNOTATOR", "lead")
    main = tmp_path / "main.db"
    tp.make_main(main)
    store = Store(main, annotator="lead")
    try:
        report = make_batch(store, tmp_path / "out", ["A", "B"], overlap=1.0)
    finally:
        store.close()
    first, second = report.files["A"], report.files["B"]
    tp.annotate(first, "A", {"flowers.txt": tp.FLOWERS_FIRST})
    tp.annotate(second, "B", {"flowers.txt": tp.FLOWERS_SECOND})
    app = QApplication.instance()
    translator = install_translator(app, "zh_CN")
    assert translator is not None
    try:
        window = open_window(main)
        assert window.team.agreement_action.text() == "一致性…"
        dialog = window.team.show_agreement(first, second)
        assert dialog.windowTitle() == "A 与 B 的一致性"
        assert dialog.summary.text().startswith("两人都已核对 1 版，分歧 2 处\n总体: ")
        assert "κ 角色 0.804" in dialog.summary.text()
        headers = [dialog.table.horizontalHeaderItem(c).text() for c in (0, 3, 7)]
        assert headers == ["版面", "完全一致", "分歧"]
        curate = dialog.open_row(0)
        assert curate.windowTitle() == "审定：A 与 B"
        assert curate.take_first.text() == "采用 A 的 (A)"
        assert curate.save_button.text() == "保存审定版本 (Ctrl+Return)"
        assert curate.list.item(1).text() == "第 6–9 行（角色, 段落, 标签）"
        curate.reject()
        monkeypatch.delenv("BANMIAN_ANNOTATOR")
        window.open_database(first)
        assert window.statusBar().currentMessage() == "A 的批次：修改记在 A 名下"
    finally:
        app.removeTranslator(translator)


def test_every_string_of_the_team_dialogs_has_a_translation():
    """lupdate's file (resources/i18n) holds a finished translation of each message the
    team dialogs show, so a string added there without one fails here."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "banmian_zh_CN.ts"
    found = {}
    for message in ET.parse(ts).iter("message"):
        files = {Path(loc.get("filename")).name for loc in message.findall("location")}
        if files & {"team_review.py", "curation.py"}:
            translation = message.find("translation")
            found[message.find("source").text] = (
                translation.text if translation.get("type") != "unfinished" else None
            )
    assert len(found) >= 18 and all(found.values()), found
