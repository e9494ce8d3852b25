"""Keys that spare walking (issue 15's keys benchmark): a block to article N with one
digit, the doubtful blocks down the tree (F7), a column segment selected at once
(Shift+PgDn), a join made from the lower paragraph (Ctrl+J), the likely split lines
(PgDn in the split picker). Each pressed in the real window, checked in the database."""

from __future__ import annotations

from banmian.gui.article_model import KEY_ROLE
from PySide6.QtCore import Qt

from tests.gui.conftest import last_action, press, rows, saved_blocks, select_block


def article_of(database, line: int) -> str | None:
    return saved_blocks(database)[line][2]


def order(window) -> list[str]:
    return [a.id for a in window.editor.segmentation.articles]


def current(window):
    return window.editor.tree.currentIndex().data(KEY_ROLE)


def selected(window) -> list[int]:
    return window.editor.tree.keys()[1]


def test_a_digit_moves_the_blocks_to_that_article_and_reviewing_goes_on(qtbot, window, database):
    seg = window.editor.segmentation
    first = seg.articles[0]
    assert len(first.blocks) >= 3 and len(seg.articles) >= 3
    moved, following = first.blocks[1].first, first.blocks[2].first
    target = order(window)[2]
    label = window.editor.tree.article_model.index(2, 0).data()
    assert label.startswith(f"[3] {target}")  # the tree shows the digit of each article
    select_block(qtbot, window, moved)
    press(qtbot, window, "3")
    assert article_of(database, moved) == target and last_action(database) == "move_blocks"
    assert current(window) == ("block", following)  # the block now in its place
    assert selected(window) == [following]
    press(qtbot, window, "Ctrl+Z")
    assert article_of(database, moved) == first.id
    press(qtbot, window, "Ctrl+Shift+Z")
    assert article_of(database, moved) == target
    beyond = len(order(window)) + 1
    if beyond <= 9:  # a digit past the last article: nothing moves, the reason is shown
        press(qtbot, window, str(beyond))
        assert article_of(database, following) == first.id
        assert f"no article {beyond}" in window.statusBar().currentMessage()


def test_f7_walks_the_doubtful_blocks_down_the_tree_and_shows_the_doubt(qtbot, window):
    seg = window.editor.segmentation
    tree_blocks = [r.data(KEY_ROLE)[1] for r in window.editor.tree.rows()]
    doubted = {k for _d, _a, k in seg.doubts() if k is not None}
    expected = [k for k in tree_blocks if k in doubted]
    assert len(expected) >= 2
    window.editor.tree.setFocus()
    press(qtbot, window, "Home")
    seen = []
    for _ in expected:
        press(qtbot, window, "F7")
        seen.append(current(window)[1])
        doubt, _article, block = seg.doubts()[window.editor.doubt_index]
        assert block == seen[-1] and window.editor.doubt_panel.isVisible()
    assert seen == expected
    press(qtbot, window, "F7")
    assert current(window)[1] == expected[-1]
    assert "No doubt further on" in window.statusBar().currentMessage()
    press(qtbot, window, "Shift+F7")
    assert current(window)[1] == expected[-2]


def _segment_run(window) -> list[int]:
    """The longest run of adjacent tree rows that go on from each other on the page."""
    seg = window.editor.segmentation
    best: list[int] = []
    for article in seg.articles:
        run: list[int] = []
        for block in article.blocks:
            if run and _next_text_line(seg, seg.block(run[-1]).last) == block.first:
                run.append(block.first)
            else:
                run = [block.first]
            best = max(best, list(run), key=len)
    return best


def _next_text_line(seg, line: int) -> int:
    n = line + 1
    while n <= len(seg.page.lines) and seg.page.is_blank(n):
        n += 1
    return n


def test_shift_pgdown_selects_the_column_segment_and_a_digit_moves_it(qtbot, window, database):
    run = _segment_run(window)
    assert len(run) >= 3
    editor = window.editor
    owner = editor.segmentation.article_of(run[0]).id
    select_block(qtbot, window, run[0])
    press(qtbot, window, "Shift+PgDown")
    assert selected(window) == sorted(run) and current(window) == ("block", run[-1])
    press(qtbot, window, "Shift+Up")  # Shift+↑ shrinks it again, from the same anchor
    assert selected(window) == sorted(run[:-1])
    target = next(i for i, a in enumerate(order(window), 1) if a != owner)
    press(qtbot, window, str(target))
    target_id = editor.segmentation.articles[target - 1].id
    assert all(article_of(database, k) == target_id for k in run[:-1])
    assert article_of(database, run[-1]) == owner
    press(qtbot, window, "Ctrl+Z")
    assert all(article_of(database, k) == owner for k in run)
    # Shift+PgUp from the bottom: the same segment, upwards
    select_block(qtbot, window, run[-1])
    press(qtbot, window, "Shift+PgUp")
    assert selected(window) == sorted(run) and current(window) == ("block", run[0])


def test_shift_arrows_extend_from_where_a_jump_landed(qtbot, window):
    """Qt's own anchor stays where the last arrow left it; ours follows ], ., F7, Ctrl+G."""
    seg = window.editor.segmentation
    first = seg.articles[0].blocks
    second = seg.articles[1].blocks
    assert len(second) >= 2
    select_block(qtbot, window, first[0].first)
    press(qtbot, window, "Shift+Down")
    press(qtbot, window, "]")  # the next article's row
    press(qtbot, window, "Down")
    press(qtbot, window, "]")
    press(qtbot, window, "[")
    press(qtbot, window, "Down")
    window.editor.go_to_line(second[0].first)  # Ctrl+G's jump
    press(qtbot, window, "Shift+Down")
    assert selected(window) == sorted([second[0].first, second[1].first])


def test_ctrl_j_joins_a_paragraph_with_the_one_above(qtbot, window, database):
    seg = window.editor.segmentation
    upper, lower = next(
        (a, b)
        for article in seg.articles
        for a, b in zip(
            sorted(article.blocks, key=lambda x: x.first),
            sorted(article.blocks, key=lambda x: x.first)[1:],
            strict=False,
        )
        if a.role is b.role and a.role.value == "body"
    )
    select_block(qtbot, window, lower.first)
    press(qtbot, window, "Ctrl+J")
    blocks = saved_blocks(database)
    assert blocks[upper.first][1] == lower.last and lower.first not in blocks
    assert last_action(database) == "join_paragraphs"
    press(qtbot, window, "Ctrl+Z")
    assert saved_blocks(database)[lower.first][1] == lower.last
    press(qtbot, window, "Ctrl+Shift+Z")
    assert lower.first not in saved_blocks(database)
    count = rows(database, "SELECT count(*) FROM edit_log WHERE action = 'join_paragraphs'")
    assert count == [(2,)]  # the join, then its redo


def test_pgdown_in_the_split_picker_jumps_to_the_likely_lines(qtbot, window, database):
    from banmian.gui.split_choice import split_candidates

    editor = window.editor
    seg = editor.segmentation
    block, lines, likely = next(
        (b, lines, likely)
        for b in seg.blocks()
        if len(lines := [n for n in range(b.first + 1, b.last + 1) if not seg.page.is_blank(n)])
        >= 3
        and len(likely := split_candidates(seg, b.first, lines)) >= 2
    )
    select_block(qtbot, window, block.first)
    press(qtbot, window, "Shift+J")
    proposed = editor.split_line
    press(qtbot, window, "PgDown")
    later = [n for n in likely if n > proposed]
    assert editor.split_line == (later[0] if later else lines[-1])
    press(qtbot, window, "PgUp")
    earlier = [n for n in likely if n < editor.split_line]
    assert editor.split_line == (earlier[-1] if earlier else lines[0])
    picked = editor.split_line
    qtbot.keyClick(editor.tree, Qt.Key.Key_Return)
    assert saved_blocks(database)[picked][1] == block.last
    assert selected(window) == [picked]
