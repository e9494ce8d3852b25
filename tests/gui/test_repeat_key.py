"""F4 repeats the last correction with the moves made by keys before it: a page whose
errors come in a rhythm (interleaved columns) is corrected one key per beat. Pressed
in the real window, checked in the database."""

from __future__ import annotations

from banmian.gui.article_model import KEY_ROLE

from tests.gui.conftest import press, saved_blocks, select_block


def long_article(window):
    return next(a for a in window.editor.segmentation.articles if len(a.blocks) >= 8)


def other_article(window, article) -> tuple[str, str]:
    """The digit of another article, and its id."""
    seg = window.editor.segmentation
    number = next(i for i, a in enumerate(seg.articles, 1) if a.id != article.id)
    return str(number), seg.articles[number - 1].id


def articles_of(database, keys: list[int]) -> list[str | None]:
    saved = saved_blocks(database)
    return [saved[k][2] for k in keys]


def test_f4_repeats_the_moves_and_the_correction(qtbot, window, database):
    article = long_article(window)
    digit, target = other_article(window, article)
    blocks = [b.first for b in article.blocks]
    select_block(qtbot, window, blocks[3])
    press(qtbot, window, digit)  # a correction: the moves after it are the next group's
    press(qtbot, window, "Down")
    press(qtbot, window, digit)  # blocks[5] goes: one row skipped, one moved
    assert articles_of(database, blocks[3:6]) == [target, article.id, target]
    press(qtbot, window, "F4")  # skips blocks[6], moves blocks[7]
    assert articles_of(database, blocks[6:8]) == [article.id, target]
    press(qtbot, window, "Ctrl+Z")  # one undo step, like the key it repeated
    assert articles_of(database, blocks[6:8]) == [article.id, article.id]
    assert articles_of(database, blocks[5:6]) == [target]


def test_f4_repeats_an_extended_selection_moved_to_an_article(qtbot, window, database):
    article = long_article(window)
    digit, target = other_article(window, article)
    blocks = [b.first for b in article.blocks]
    select_block(qtbot, window, blocks[0])
    press(qtbot, window, digit)
    press(qtbot, window, "Down")
    press(qtbot, window, "Shift+Down")
    press(qtbot, window, digit)  # blocks[2] and [3] go; blocks[4] is now in their place
    assert articles_of(database, blocks[1:5]) == [article.id, target, target, article.id]
    press(qtbot, window, "F4")  # skips blocks[4], moves [5] and [6]
    assert articles_of(database, blocks[4:8]) == [article.id, target, target, article.id]
    assert window.editor.tree.currentIndex().data(KEY_ROLE) == ("block", blocks[7])


def test_f4_after_a_go_to_line_repeats_nothing(qtbot, window, database):
    blocks = [b.first for b in long_article(window).blocks]
    select_block(qtbot, window, blocks[0])
    before = saved_blocks(database)
    press(qtbot, window, "F4")  # nothing done yet on this page
    assert saved_blocks(database) == before
    assert "F4" in window.statusBar().currentMessage()
    press(qtbot, window, "Ctrl+G")
    for digit in str(blocks[2]):
        press(qtbot, window, digit)
    press(qtbot, window, "N")  # the typed line ends with the command
    assert saved_blocks(database)[blocks[2]][0] == "noise"
    press(qtbot, window, "F4")  # a line number is not a move to repeat
    assert saved_blocks(database) == {**before, blocks[2]: saved_blocks(database)[blocks[2]]}


def test_f4_is_on_the_shortcut_sheet(window):
    from banmian.gui.actions import shortcut_rows

    assert any(keys == "F4" for _menu, _text, keys in shortcut_rows(window.actions))
