"""N on a block in the window: the same line is proposed as furniture on the other
untouched pages of the newspaper, behind the window, and the status bar says so."""

from __future__ import annotations

import sqlite3

from banmian.core.corpus.store import Store
from banmian.core.page.meta import PageMeta
from banmian.core.page.model import Role

from tests.furniture_pages import credit_own_block, credit_page, glued_proposal
from tests.gui.conftest import press, select_block


def test_n_spreads_the_furniture_to_untouched_pages(qtbot, open_window, tmp_path):
    path = tmp_path / "corpus.db"
    store = Store(path)
    first = store.add_page(
        credit_page(1),
        PageMeta("p1.txt", "人民日报", "2020-02-01", "1"),
        credit_own_block(credit_page(1)),
    )
    second = store.add_page(
        credit_page(2),
        PageMeta("p2.txt", "人民日报", "2020-02-02", "2"),
        glued_proposal(credit_page(2)),
    )
    store.close()
    window = open_window(path)
    window.open_page(first.page_id)
    select_block(qtbot, window, 4)
    press(qtbot, window, "N")

    def role_on_second() -> str:
        with sqlite3.connect(path) as conn:
            return conn.execute(
                "SELECT role FROM blocks WHERE page_id = ? AND first_line = 4", [second.page_id]
            ).fetchone()

    qtbot.waitUntil(lambda: role_on_second() == ("noise",), timeout=10_000)
    qtbot.waitUntil(lambda: "furniture on 1 new pages" in window.statusBar().currentMessage())
    window.open_page(second.page_id)  # the annotator sees it, with the doubt saying why
    block = window.editor.segmentation.block(4)
    assert block.role is Role.NOISE and "p.1" in block.doubts[0].reason
