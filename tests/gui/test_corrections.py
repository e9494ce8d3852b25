"""Every correction by its shortcut (or by drag), checked in the SQLite file each time,
then undone and redone."""

from __future__ import annotations

from banmian.core.corpus.store import Store
from PySide6.QtCore import Qt

from tests.gui.conftest import (
    goto_line,
    last_action,
    press,
    rows,
    saved_blocks,
    select_article,
    select_block,
)


def article_of(database, line: int) -> str | None:
    return saved_blocks(database)[line][2]


def article_order(database) -> list[str]:
    return [a for (a,) in rows(database, "SELECT article_id FROM articles ORDER BY position")]


def test_role_keys_save_each_role_and_undo_redo(qtbot, window, database):
    select_block(qtbot, window, 2)
    for key, role in (
        ("H", "headline"),
        ("U", "subheadline"),
        ("K", "kicker"),
        ("B", "byline"),
        ("C", "caption"),
        ("N", "noise"),
        ("P", "body"),
    ):
        press(qtbot, window, key)
        assert saved_blocks(database)[2][0] == role
        assert last_action(database) == "set_role"
    press(qtbot, window, "Ctrl+Z")
    assert saved_blocks(database)[2][0] == "noise"
    assert last_action(database) == "undo"
    press(qtbot, window, "Ctrl+Shift+Z")
    assert saved_blocks(database)[2][0] == "body"
    assert window.editor.segmentation.block(2).role.value == "body"


def test_split_and_merge_articles(qtbot, window, database):
    select_block(qtbot, window, 9)
    press(qtbot, window, "S")
    new = article_of(database, 9)
    assert new not in (None, "A1") and article_of(database, 2) == "A1"
    assert article_order(database)[:2] == ["A1", new]
    select_article(qtbot, window, "A1")
    press(qtbot, window, "M")
    assert article_of(database, 9) == "A1" and len(article_order(database)) == 8
    select_article(qtbot, window, "A2")
    press(qtbot, window, "Shift+M")
    assert article_of(database, 26) == "A1" and "A2" not in article_order(database)
    for _ in range(3):
        press(qtbot, window, "Ctrl+Z")
    assert article_of(database, 9) == "A1" and article_of(database, 26) == "A2"
    assert len(article_order(database)) == 8
    assert [r[0] for r in rows(database, "SELECT action FROM edit_log ORDER BY id")][-6:] == [
        "split_article",
        "merge_articles",
        "merge_articles",
        "undo",
        "undo",
        "undo",
    ]


def test_new_article_from_selected_blocks_and_dissolve(qtbot, window, database):
    select_block(qtbot, window, 28)
    select_block(qtbot, window, 33, extend=True)
    press(qtbot, window, "A")
    new = article_of(database, 28)
    assert new not in (None, "A2") and article_of(database, 33) == new
    assert article_of(database, 40) == "A2"
    select_article(qtbot, window, new)
    press(qtbot, window, "D")
    assert article_of(database, 28) is None and article_of(database, 33) is None
    assert new not in article_order(database)
    press(qtbot, window, "Ctrl+Z")
    press(qtbot, window, "Ctrl+Z")
    assert article_of(database, 28) == "A2" and article_of(database, 33) == "A2"


def test_reorder_articles(qtbot, window, database):
    select_article(qtbot, window, "A2")
    press(qtbot, window, "Ctrl+Down")
    assert article_order(database)[:3] == ["A1", "A3", "A2"]
    press(qtbot, window, "Ctrl+Up")
    press(qtbot, window, "Ctrl+Up")
    assert article_order(database)[:3] == ["A2", "A1", "A3"]
    assert last_action(database) == "move_article"


def test_move_block_to_neighbours_and_out(qtbot, window, database):
    select_block(qtbot, window, 40)
    press(qtbot, window, "Alt+Down")
    assert article_of(database, 40) == "A3"
    press(qtbot, window, "Alt+Up")
    assert article_of(database, 40) == "A2"
    press(qtbot, window, "X")
    assert article_of(database, 40) is None
    press(qtbot, window, "Alt+Up")  # from no article: the nearest article above
    assert article_of(database, 40) == "A2"


def test_drag_blocks_onto_another_article(qtbot, window, database):
    model = window.editor.tree.article_model
    dragged = [model.block_index(33), model.block_index(40)]
    mime = model.mimeData(dragged)
    target = model.article_index("A4")
    assert model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, target)
    model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, target)
    assert article_of(database, 33) == "A4" and article_of(database, 40) == "A4"
    press(qtbot, window, "Ctrl+Z")
    assert article_of(database, 33) == "A2"


def test_join_and_split_paragraph_at_a_line(qtbot, window, database):
    select_block(qtbot, window, 28)
    press(qtbot, window, "J")
    blocks = saved_blocks(database)
    assert blocks[28][1] == 39 and 33 not in blocks
    goto_line(qtbot, window, 33)
    press(qtbot, window, "Shift+J")
    blocks = saved_blocks(database)
    assert blocks[28][1] == 32 and blocks[33][:2] == ("body", 39)
    # the file keeps no text a block's lines give (NULL); banmian reflows them on reading
    assert rows(database, "SELECT text FROM blocks WHERE first_line = 33") == [(None,)]
    store = Store(database, readonly=True)
    (text,) = store.db.execute(
        "SELECT block_text(page_id, role, first_line, last_line) FROM blocks WHERE first_line = 33"
    ).fetchone()
    store.close()
    assert text.startswith("2023年，黄岛街道") and "\n" not in text


def test_doubts_walked_lowest_first_accepted_or_changed(qtbot, window, database):
    doubts = window.editor.segmentation.doubts()
    total = rows(database, "SELECT doubts FROM pages")[0][0]
    assert total == len(doubts) >= 2
    # the page opened on its least sure doubt, as if F8 had been pressed; F8 walks on
    assert f"Doubt 1 of {total}" in window.editor.doubt_panel.label.text()
    press(qtbot, window, "F8")
    assert f"Doubt 2 of {total}" in window.editor.doubt_panel.label.text()
    press(qtbot, window, "Shift+F8")
    assert f"Doubt 1 of {total}" in window.editor.doubt_panel.label.text()
    least, _article, key = doubts[0]
    assert least.confidence == min(d.confidence for d, _a, _k in doubts)
    if key is not None:
        assert window.editor.tree.keys()[1] == [key]  # the least sure doubt is selected
    press(qtbot, window, "Y")
    assert rows(database, "SELECT doubts FROM pages")[0][0] == total - 1
    assert last_action(database) == "resolve_doubt"
    assert f"Doubt 1 of {total - 1}" in window.editor.doubt_panel.label.text()
    # walk on to a heading doubt (which article does it belong to?) and take the other one
    for _ in range(total):
        doubt, owner, line = window.editor.segmentation.doubts()[window.editor.doubt_index]
        if doubt.about == "heading":
            break
        press(qtbot, window, "F8")
    assert doubt.about == "heading" and doubt.alternatives[0] == owner
    other = doubt.alternatives[1]
    press(qtbot, window, "Alt+2")
    assert article_of(database, line) == other
    assert rows(database, "SELECT doubts FROM pages")[0][0] < total - 1
    press(qtbot, window, "Ctrl+Z")
    assert article_of(database, line) == owner


def test_verify_and_next_page_then_undo(qtbot, window, database):
    press(qtbot, window, "Ctrl+Return")
    assert rows(database, "SELECT status FROM pages")[0][0] == "verified"
    assert last_action(database) == "set_status"
    assert window.pages.currentWidget() is window.corpus  # no unverified page is left
    assert "1 of 1 pages verified" in window.corpus.progress.format()
    press(qtbot, window, "Ctrl+Z")
    assert rows(database, "SELECT status FROM pages")[0][0] == "new"


def test_impossible_correction_explains_itself_and_writes_nothing(qtbot, window, database):
    before = rows(database, "SELECT count(*) FROM edit_log")
    select_article(qtbot, window, "A1")
    press(qtbot, window, "Shift+M")
    assert "no previous article" in window.statusBar().currentMessage()
    assert rows(database, "SELECT count(*) FROM edit_log") == before


def test_log_is_checkpointed_when_the_annotator_pauses_not_inside_a_key(qtbot, window, database):
    store = window.store
    assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone() == (0,)
    select_block(qtbot, window, 2)
    press(qtbot, window, "H")
    assert window.editor.checkpoint_timer.isActive()
    qtbot.waitUntil(lambda: not window.editor.checkpoint_timer.isActive(), timeout=5000)
    busy, log_frames, copied = store.db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and log_frames == copied
    assert saved_blocks(database)[2][0] == "headline"


def test_an_empty_page_opens_and_every_key_explains_itself(qtbot, open_window, tmp_path):
    from banmian.core.corpus.store import Store
    from banmian.core.page.model import Page

    database = tmp_path / "empty.db"
    store = Store(database)
    store.add_page(Page.from_text("", "blank.txt"))
    store.close()
    window = open_window(database)
    window.open_page(1)
    assert window.editor.tree.article_model.rowCount() == 0
    for key in ("S", "M", "Shift+M", "A", "D", "H", "J", "Shift+J", "F8", "Y", "Alt+Up", "X"):
        press(qtbot, window, key)
        assert window.statusBar().currentMessage()  # a reason, never a crash
    assert rows(database, "SELECT count(*) FROM edit_log") == [(1,)]  # only the import


def test_an_alternative_without_a_place_says_what_to_do_and_changes_nothing(
    qtbot, open_window, tmp_path
):
    # two columns read side by side: one doubt over the run, whose other alternative
    # ("other articles") names no place; taking it must not merge or move anything
    from banmian.core.page.model import Page

    lines = [f"第{n}行的正文内容，写满了这一整行" for n in range(1, 9)]
    path = tmp_path / "side_by_side.db"
    store = Store(path)
    store.add_page(Page.from_text("\n\n".join(lines) + "\n", "side_by_side.txt"))
    store.close()
    window = open_window(path)
    window.open_page(window.store.pages()[0].id)
    for _ in range(len(window.editor.segmentation.doubts())):
        press(qtbot, window, "F8")
        doubt, _owner, _line = window.editor.segmentation.doubts()[window.editor.doubt_index]
        if "side by side" in doubt.reason:
            break
    assert "side by side" in doubt.reason
    before = rows(path, "SELECT count(*) FROM edit_log")
    press(qtbot, window, "Alt+2")
    assert "move each line" in window.statusBar().currentMessage()
    assert rows(path, "SELECT count(*) FROM edit_log") == before


def test_f8_after_correcting_the_doubted_block_goes_to_the_next_doubt_not_past_it(
    qtbot, window, database
):
    # the page opens on its least sure doubt; the annotator corrects that block with a
    # role key (its doubts go with the correction): F8 must show the doubt that came
    # after it, not skip it
    editor = window.editor
    before = editor.segmentation.doubts()
    doubt, _article, key = before[0]
    assert key is not None and editor.tree.keys()[1] == [key]
    role = editor.segmentation.block(key).role.value
    press(qtbot, window, "P" if role != "body" else "H")
    after = editor.segmentation.doubts()
    gone = {(d, k) for d, _a, k in before} - {(d, k) for d, _a, k in after}
    following = next((d, k) for d, _a, k in before if (d, k) not in gone)
    press(qtbot, window, "F8")
    shown, _a, shown_key = after[editor.doubt_index]
    assert (shown, shown_key) == following
    assert editor.tree.keys()[1] == ([shown_key] if shown_key is not None else [])
