"""Line and hit positions stay right after characters outside the basic plane."""

from __future__ import annotations

from banmian.gui.text_positions import line_starts, to_utf16


def test_positions_count_utf16_units():
    lines = ["记者𠀀明", "包机首飞"]
    assert line_starts(lines) == [0, 6]  # 𠀀 is two units, the newline one
    assert to_utf16(lines[0], 3) == 4


def test_search_hit_after_a_rare_character_marks_the_word(qtbot):
    from banmian.core.page.model import Page
    from banmian.core.segmentation.segmenter import segment_page
    from banmian.gui.page_text_view import PageTextView
    from PySide6.QtWidgets import QTextEdit

    view = PageTextView()
    qtbot.addWidget(view)
    view.show_segmentation(segment_page(Page.from_text("本报讯 𠀀字之后是包机。\n")))
    view.set_hits(["包机"])
    hits = [
        s
        for s in view.extraSelections()
        if s.cursor.hasSelection() and s.cursor.selectedText() == "包机"
    ]
    assert len(hits) == 1 and isinstance(hits[0], QTextEdit.ExtraSelection)
