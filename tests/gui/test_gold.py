"""The done-when of the window: from a proposal to the hand-made gold segmentation of the
sample page with keys only, then the store holds exactly the gold."""

from __future__ import annotations

import json
from importlib import resources

from banmian.core.corpus.paths import sample_page
from banmian.core.corpus.store import Store
from banmian.core.edits import structure as edits
from banmian.core.segmentation.metrics import score
from banmian.core.segmentation.segmenter import segment_page
from PySide6.QtCore import Qt

from tests.gui.conftest import (
    SAMPLE_META,
    goto_line,
    press,
    rows,
    select_block,
)


def gold() -> dict:
    text = resources.files("banmian.resources").joinpath("sample_page.gold.json").read_text("utf-8")
    return json.loads(text)


def stored_scores(database) -> dict[str, float]:
    store = Store(database)
    try:
        seg = store.load(store.pages()[0].id)
    finally:
        store.close()
    return score(seg.page, seg.to_json(), gold())


def spoilt_proposal():
    """The pipeline's proposal with five typical mistakes an annotator has to undo:
    two articles run together, a headline read as text, a column break read as a
    paragraph break's opposite, a byline left out, a continued article not found."""
    seg = segment_page(sample_page())
    seg = edits.merge_articles(seg, "A4", "A5").segmentation
    seg = edits.set_role(seg, [201], "body").segmentation
    seg = edits.join_paragraphs(seg, 28).segmentation
    seg = edits.move_blocks(seg, [1], None).segmentation
    return edits.dissolve_article(seg, "A7").segmentation


def test_proposal_reaches_gold_with_review_keys_only(qtbot, window, database):
    """The proposal already matches the gold; the annotator walks its doubts (F8),
    accepts each (Y) and marks the page verified (Ctrl+Return)."""
    (total,) = rows(database, "SELECT doubts FROM pages")[0]
    press(qtbot, window, "F8")
    for _ in range(total):
        press(qtbot, window, "Y")
    assert rows(database, "SELECT doubts FROM pages") == [(0,)]
    press(qtbot, window, "Ctrl+Return")
    assert rows(database, "SELECT status FROM pages") == [("verified",)]
    scores = stored_scores(database)
    assert scores["bcubed_f1"] == 1.0 and scores["boundary_f1"] == 1.0
    assert scores["role_accuracy"] == 1.0 and scores["paragraph_f1"] == 1.0


def test_spoilt_proposal_corrected_to_gold_by_keyboard(qtbot, open_window, tmp_path):
    database = tmp_path / "spoilt.db"
    store = Store(database)
    store.add_page(sample_page(), SAMPLE_META, spoilt_proposal())
    store.close()
    spoilt = stored_scores(database)
    assert spoilt["bcubed_f1"] < 0.95 and spoilt["role_accuracy"] < 1.0
    window = open_window(database)
    press(qtbot, window, "Return")  # open the selected page from the corpus table
    assert window.editor.page_id is not None

    select_block(qtbot, window, 106)  # A5's byline starts the second article: split there
    press(qtbot, window, "S")
    select_block(qtbot, window, 201)  # a headline read as body text
    press(qtbot, window, "H")
    goto_line(qtbot, window, 33)  # a paragraph starts on line 33
    press(qtbot, window, "Shift+J")
    select_block(qtbot, window, 1)  # the byline left out goes to the article below it
    press(qtbot, window, "Alt+Down")
    select_block(qtbot, window, 203)  # the continued article, rebuilt from its blocks
    select_block(qtbot, window, 205, extend=True)
    press(qtbot, window, "A")
    press(qtbot, window, "F2")  # its details: it continues from page 1
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(window.focusWidget(), "1")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)

    scores = stored_scores(database)
    assert scores["bcubed_f1"] == 1.0, scores
    assert scores["exact_article_f1"] == 1.0, scores
    assert scores["boundary_f1"] == 1.0 and scores["paragraph_f1"] == 1.0, scores
    assert scores["role_accuracy"] == 1.0, scores
    store = Store(database)
    seg = store.load(store.pages()[0].id)
    store.close()
    rebuilt = seg.article_of(203)
    assert rebuilt.continued_from == "1"
    spans = sorted(
        sorted((b["role"], *b["lines"]) for b in a["blocks"]) for a in gold()["articles"]
    )
    either = {tuple(e["lines"]) for e in gold()["either"]}
    mine = sorted(
        sorted((b.role.value, b.first, b.last) for b in a.blocks if (b.first, b.last) not in either)
        for a in seg.articles
    )
    gold_spans = [[s for s in a if (s[1], s[2]) not in either] for a in spans]
    assert mine == sorted(gold_spans)
