"""Blocks in page order (Ctrl+Shift+O): where headings are printed after their body, as
on the sample page, Down in the tree walks the page text forwards instead of jumping
back to each article's headline."""

from __future__ import annotations

from banmian.gui.article_model import KEY_ROLE
from PySide6.QtCore import Qt

from tests.gui.conftest import press, select_article


def _walk_first_article(qtbot, window) -> list[int]:
    """The first lines of the blocks Down visits in the first article, as shown in
    the page text's selection."""
    select_article(qtbot, window, window.editor.segmentation.articles[0].id)
    tree, view = window.editor.tree, window.editor.text_view
    article = window.editor.segmentation.articles[0]
    seen = []
    for _ in range(len(article.blocks)):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        kind, key = tree.currentIndex().data(KEY_ROLE)
        assert kind == "block"
        seen.append(view.textCursor().selectionStart())
        assert key in {b.first for b in article.blocks}
    return seen


def test_page_order_walks_the_text_forwards_and_is_remembered(qtbot, window, open_window, database):
    reading = _walk_first_article(qtbot, window)
    assert reading != sorted(reading)  # headline first: the text jumps back
    press(qtbot, window, "Ctrl+Shift+O")
    assert window.actions["page_order"].isChecked()
    paged = _walk_first_article(qtbot, window)
    assert paged == sorted(paged) and sorted(paged) == sorted(reading)
    # the annotator's choice outlives the window
    window.close()
    again = open_window(database)
    again.open_page(again.store.pages()[0].id)
    assert again.actions["page_order"].isChecked()
    assert again.editor.tree.article_model.page_order
    press(qtbot, again, "Ctrl+Shift+O")
    assert not again.editor.tree.article_model.page_order
