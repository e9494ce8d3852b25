"""The window as a whole: first start, restoring, details and tags, search, import,
views, and the conventions (font warning, shortcut sheet, Qt-free core)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

from banmian.core.corpus.paths import default_database, sample_page
from banmian.core.corpus.store import Store
from banmian.core.page.model import Tag
from banmian.core.segmentation.segmenter import segment_page
from banmian.gui import fonts
from banmian.gui.actions import SPECS
from banmian.gui.main_window import MainWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import (
    SAMPLE_META,
    last_action,
    press,
    rows,
    select_article,
    type_chinese,
)


def test_first_start_opens_the_seeded_default_database(qtbot, open_window):
    window = open_window(None)
    assert window.store.path == default_database()
    assert window.corpus.model.rowCount() == 1
    assert "0 of 1 pages verified" in window.corpus.progress.format()
    press(qtbot, window, "Return")
    assert window.pages.currentWidget() is window.editor
    assert window.editor.tree.article_model.rowCount() == 8


def test_reopening_restores_database_page_and_every_correction(qtbot, settings, window, database):
    select_article(qtbot, window, "A2")
    press(qtbot, window, "Ctrl+Down")
    press(qtbot, window, "Ctrl+R")
    window.resize(1111, 777)
    window.close()
    again = MainWindow(None, settings)  # no --db: the last database comes back
    qtbot.addWidget(again)
    assert again.store.path == database
    assert again.pages.currentWidget() is again.editor
    assert [a.id for a in again.editor.segmentation.articles][:3] == ["A1", "A3", "A2"]
    assert again.actions["reflow"].isChecked() and again.editor.text_view.reflowed
    assert again.settings.value("geometry")  # Qt restores it; offscreen ignores sizes
    assert not again.undo_action.isEnabled()  # a new session starts a new undo history
    again.close()


def test_details_edits_are_saved_and_undoable(qtbot, window, database):
    select_article(qtbot, window, "A7")
    press(qtbot, window, "F2")
    type_chinese(window.focusWidget(), "监督责任贯通联动")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert rows(database, "SELECT title_override FROM articles WHERE article_id='A7'") == [
        ("监督责任贯通联动",)
    ]
    notes = window.editor.details.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "check page 1")
    window.editor.tree.setFocus()  # leaving the field saves it at once
    assert rows(database, "SELECT notes FROM articles WHERE article_id='A7'") == [("check page 1",)]
    window.editor.tree.setFocus()
    press(qtbot, window, "Ctrl+Z")
    press(qtbot, window, "Ctrl+Z")
    assert rows(database, "SELECT title_override, notes FROM articles WHERE article_id='A7'") == [
        (None, None)
    ]


def test_tags_typed_accepted_and_removed(qtbot, open_window, tmp_path):
    database = tmp_path / "tags.db"
    seg = segment_page(sample_page())
    a5 = replace(
        seg.article("A5"),
        suggestions=(Tag("包机", "topic", "auto"), Tag("纽约", "place", "auto")),
    )
    seg = replace(seg, articles=tuple(a5 if a.id == "A5" else a for a in seg.articles))
    store = Store(database)
    store.add_page(sample_page(), SAMPLE_META, seg)
    store.close()
    window = open_window(database)
    window.open_page(1)
    select_article(qtbot, window, "A5")
    press(qtbot, window, "Ctrl+2")
    # accepted, and still known to be machine-made; the other stays a suggestion
    assert rows(database, "SELECT name, kind, source FROM article_tags") == [
        ("纽约", "place", "auto")
    ]
    ((suggestions,),) = rows(database, "SELECT suggestions FROM articles WHERE article_id='A5'")
    assert json.loads(suggestions) == [{"name": "包机", "kind": "topic", "source": "auto"}]
    press(qtbot, window, "Ctrl+T")
    type_chinese(window.focusWidget(), "跨境电商")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert ("跨境电商",) in rows(database, "SELECT name FROM article_tags")
    assert last_action(database) == "add_tag"
    tags = window.editor.details.tags
    tags.setFocus()
    tags.setCurrentRow(0)
    qtbot.keyClick(tags, Qt.Key.Key_Delete)
    assert ("纽约",) not in rows(database, "SELECT name FROM article_tags")
    window.editor.tree.setFocus()
    press(qtbot, window, "Ctrl+Z")
    assert ("纽约",) in rows(database, "SELECT name FROM article_tags")


def test_search_finds_the_cargo_flight_and_opens_it(qtbot, window):
    press(qtbot, window, "Ctrl+F")
    assert window.pages.currentWidget() is window.corpus
    type_chinese(window.corpus.search, "包机")
    qtbot.keyClick(window.corpus.search, Qt.Key.Key_Return)
    results = window.corpus.results
    qtbot.waitUntil(lambda: results.count() == 1)  # searched off the GUI thread
    assert "青岛至纽约跨境电商全货包机首飞" in results.item(0).text()
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.editor
    assert window.editor.article_id() == "A5"
    assert window.editor.text_view.hits == ["包机"]
    quotes = window.corpus
    quotes.search.setText('"包机 AND (')
    quotes.run_search()  # user text is words, never an SQL error
    qtbot.waitUntil(lambda: not quotes.searches)
    assert "error" not in window.statusBar().currentMessage().lower()


def test_import_runs_in_the_background_and_reports(qtbot, window, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "2023-02-04_03.txt").write_text("本报讯 一篇新的报道。\n\n第二段。\n", "utf-8")
    (folder / "copy.txt").write_bytes(sample_page().text.encode("gb18030"))
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    window.import_paths([str(folder)])
    assert window.jobs  # running off the GUI thread
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)
    qtbot.waitUntil(lambda: window.corpus.model.rowCount() == 2, timeout=5000)
    dates = {p.date for p in window.corpus.model.pages}
    assert "2023-02-04" in dates
    box = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Import finished")
    assert "imported 1, duplicates 1, failed 1" in box.text()
    box.close()


def test_reflowed_view_and_back(qtbot, window):
    press(qtbot, window, "Ctrl+R")
    text = window.editor.text_view.toPlainText()
    assert "# 青岛至纽约跨境电商全货包机首飞" in text
    assert "监督责任贯通联动。" in text
    press(qtbot, window, "Ctrl+R")
    assert window.editor.text_view.toPlainText() == sample_page().text


def test_selecting_a_line_selects_its_block_and_back(qtbot, window):
    view = window.editor.text_view
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(view.document().findBlockByNumber(141).position())
    view.setTextCursor(cursor)  # line 142: A5's headline
    assert window.editor.tree.keys() == ("A5", [142])
    assert window.editor.details.article.id == "A5"
    select_article(qtbot, window, "A2")
    assert view.selected_lines == (26, 76)


def test_every_action_shows_its_shortcut_and_the_sheet_lists_them(qtbot, window):
    from banmian.gui.actions import shortcut_rows

    listed = {command for _menu, command, _keys in shortcut_rows(window.actions)}
    for spec in SPECS:
        action = window.actions[spec.name]
        if not action.shortcut().isEmpty():
            assert action.shortcut().toString() in action.toolTip()
            assert action.text() in listed


def test_missing_chinese_font_is_explained(qtbot, monkeypatch, settings, database):
    monkeypatch.setattr(fonts, "chinese_families", lambda: [])
    window = MainWindow(database, settings)
    qtbot.addWidget(window)
    assert not window.font_banner.isHidden()
    assert "fonts-noto-cjk" in window.font_banner.text()


def test_models_pass_the_qt_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.corpus.model)
    qtmodeltester.check(window.editor.tree.article_model)


def test_core_never_imports_qt():
    code = (
        "import sys, banmian.core.cli, banmian.core.corpus.store, banmian.core.edits.structure, "
        "banmian.core.corpus.importer, banmian.core.edits.doubts; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_a_file_that_is_no_database_is_refused_and_the_default_opens(qtbot, open_window, tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not an SQLite database" * 100)
    window = open_window(bad)
    assert window.store.path == default_database()
    box = next(
        w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Cannot open database"
    )
    assert str(bad) in box.text()
    assert bad.read_bytes().startswith(b"this is not")  # left untouched
    box.close()


def test_tints_follow_a_dark_palette(qtbot, window):
    from banmian.gui.page_text_view import article_colour
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor(250, 250, 250))
    assert all(article_colour(i, dark).lightness() < 110 for i in range(10))
    assert all(article_colour(i, light).lightness() > 180 for i in range(10))
    assert len({article_colour(i, light).name() for i in range(8)}) == 8


def test_cancelling_an_import_keeps_whole_pages_and_says_so(qtbot, window, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(20):
        (folder / f"2023-03-{n + 1:02d}_01.txt").write_text(
            f"本报讯 第{n}篇报道。\n\n正文{n}。\n", "utf-8"
        )
    window.import_paths([str(folder)])
    window.jobs[0].cancel.set()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)
    assert "(cancelled)" in window.statusBar().currentMessage()
    store = window.store
    imported = [p for p in store.pages() if p.date.startswith("2023-03")]
    assert 1 <= len(imported) < 20
    assert all(store.load(p.id).check() for p in imported)


def test_the_window_speaks_simplified_chinese_where_the_locale_asks(qtbot, settings, database):
    from banmian.gui.translate import install_translator, tr

    app = QApplication.instance()
    translator = install_translator(app, "zh_CN")
    assert translator is not None
    try:
        assert tr("Undo") == "撤销" and tr("verified") == "已核"
        window = MainWindow(database, settings)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:4] == ["文件(&F)", "编辑(&E)", "转到(&G)", "文章(&A)"]
        assert "拆分" in window.actions["split"].text()
        window.close()
    finally:
        app.removeTranslator(translator)
    assert tr("Undo") == "Undo"


def test_typing_in_a_field_survives_refreshes_but_not_a_change_of_article(qtbot, window):
    select_article(qtbot, window, "A5")
    press(qtbot, window, "F2")
    title = window.editor.details.title
    type_chinese(title, "未完的标题")
    window.editor.refresh()  # e.g. after a save: the typing stays
    assert title.text() == "未完的标题"
    window.editor.tree.select_items(["A6"], [])  # another article: its own (empty) title
    window.editor.details.show_article(window.editor.segmentation.article("A6"))
    assert title.text() == ""
