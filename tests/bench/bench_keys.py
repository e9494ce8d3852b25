"""Keys per correction: an oracle annotator takes each page's proposal to its gold with
the window's commands, pressing real keys in the real main window (offscreen).

    python tests/bench/bench_keys.py [DIR_OR_PAGE …] [--pages N]

Each argument is a folder of `X.txt` + `X.gold.json` or one `X.txt` with its gold
beside it; without one, the bundled sample page and its gold. The oracle knows the gold
and plans, greedily and top to bottom, the fewest keys to the next correction: first
each block's boundaries and role (a block's own role before it is split, so that the
halves need no walk back), then which article each block is in (split, merge, move,
new article, take out), then paragraphs split by a column break (join, from the upper
or the lower paragraph). Navigation is planned as a shortest path over the window's
navigation keys as they exist in this version of the window (arrows and Home/End
always; article, heading, go-to-line, in-tree paragraph splitting with PgDn/PgUp to
the likely lines, the doubts' walks F8 (least sure first) and F7 (down the tree), and
selections extended over a column segment at once where the window has them). Blocks
go to their article by its number (1–9) where the window has digit keys, else by
Alt+↑/↓ one article at a time; a run of blocks is selected from its nearer end.

Prints, per page and in total: keys, corrections (edits saved), keys per correction,
the share of navigation keys, and whether the store then equals the gold (the line →
article clustering, every role and every paragraph, as `banmian eval` scores them).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BANMIAN_ANNOTATOR", "oracle")

from banmian.core.corpus.store import PageMeta, Store  # noqa: E402
from banmian.core.page.files import read_page_file  # noqa: E402
from banmian.core.page.model import HEADING_ROLES, Role, Segmentation  # noqa: E402
from banmian.core.segmentation.metrics import score  # noqa: E402
from banmian.core.segmentation.segmenter import segment_page  # noqa: E402

ROLE_KEY = {
    Role.HEADLINE: "H",
    Role.SUBHEADLINE: "U",
    Role.KICKER: "K",
    Role.BYLINE: "B",
    Role.BODY: "P",
    Role.CAPTION: "C",
    Role.NOISE: "N",
}
PERFECT = {
    "bcubed_f1": 1.0,
    "exact_article_f1": 1.0,
    "role_accuracy": 1.0,
    "paragraph_f1": 1.0,
}


@dataclass
class Tally:
    keys: int = 0
    navigation: int = 0
    corrections: int = 0
    equal: bool = True
    pages: int = 0
    log: list[str] = field(default_factory=list)


# -- the gold, read as line facts --------------------------------------------------------
@dataclass
class Gold:
    role: dict[int, Role]  # non-blank line → role
    start: set[int]  # first non-blank line of each gold block
    article: dict[int, str | None]  # non-blank line → gold article (None: in none)
    either: set[int]  # lines whose article the page does not decide
    block_of: dict[int, int]  # non-blank line → index of its gold block
    raw: dict


def read_gold(seg: Segmentation, raw: dict) -> Gold:
    page = seg.page
    gold = Gold({}, set(), {}, set(), {}, raw)
    blocks = [
        (a.get("id") or f"A{i}", b) for i, a in enumerate(raw["articles"], 1) for b in a["blocks"]
    ]
    blocks += [(None, b) for b in raw.get("unassigned", ())]
    blocks += [("?", b) for b in raw.get("either", ())]
    for index, (article, block) in enumerate(blocks):
        first, last = block["lines"]
        lines = [n for n in range(first, last + 1) if not page.is_blank(n)]
        if not lines:
            continue
        gold.start.add(lines[0])
        for n in lines:
            gold.role[n] = Role(block["role"])
            gold.block_of[n] = index
            gold.article[n] = article
            if article == "?":
                gold.either.add(n)
    return gold


def text_lines(seg: Segmentation, first: int, last: int) -> list[int]:
    return [n for n in range(first, last + 1) if not seg.page.is_blank(n)]


# -- the window ---------------------------------------------------------------------------
class Annotator:
    """Presses keys in the window, counting each as navigation or command."""

    def __init__(self, window, tally: Tally) -> None:
        from PySide6.QtTest import QTest

        self.window = window
        self.editor = window.editor
        self.tree = window.editor.tree
        self.test = QTest
        self.tally = tally
        self.new = "next_article" in window.actions  # the window of issue 15
        self.numbers = "to_article_1" in window.actions  # 1–9: move to article N
        self.doubt_rows = "next_doubt_down" in window.actions  # F7: next doubtful block
        self.page_runs = "extend_on_page" in window.actions  # Shift+PgDn: a column segment

    def press(self, keys: str, navigation: bool) -> None:
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QApplication

        sequence = QKeySequence(keys)
        for i in range(sequence.count()):
            combo = sequence[i]
            target = QApplication.focusWidget() or self.window
            self.test.keyClick(target, combo.key(), combo.keyboardModifiers())
            self.tally.keys += 1
            self.tally.navigation += navigation
        QApplication.processEvents()
        if os.environ.get("BENCH_KEYS_TRACE"):
            print(("  nav " if navigation else "  CMD ") + keys, file=sys.stderr)

    # the tree's rows as the navigation keys see them
    def rows(self) -> list[tuple[str, object]]:
        model = self.tree.article_model
        out = []
        for r in range(model.rowCount()):
            top = model.index(r, 0)
            out.append(top.data(model_key()))
            for c in range(model.rowCount(top)):
                out.append(model.index(c, 0, top).data(model_key()))
        return out

    def current(self) -> tuple[str, object] | None:
        index = self.tree.currentIndex()
        return index.data(model_key()) if index.isValid() else None

    def focus_tree(self) -> None:
        from PySide6.QtWidgets import QApplication

        if QApplication.focusWidget() is self.tree:
            return
        if self.new:
            self.press("Escape", True)
        else:
            for _ in range(8):
                self.press("Tab", True)
                if QApplication.focusWidget() is self.tree:
                    break
        assert QApplication.focusWidget() is self.tree, QApplication.focusWidget()

    def seeds(self, rows) -> list[tuple[int, list[str]]]:
        if not self.editor.segmentation.doubts():
            return []
        return doubt_walk(rows, self.editor.segmentation, self.editor.doubt_index)

    def distance(self, target: tuple[str, object]) -> int:
        """How many navigation keys `walk_to(target)` would press."""
        rows = self.rows()
        here = self.current()
        if here == target:
            return 0
        start = rows.index(here) if here in rows else 0
        path = shortest_path(
            rows,
            start,
            rows.index(target),
            self.new,
            self.editor.segmentation,
            self.doubt_rows,
            self.seeds(rows),
        )
        return len(path)

    def nearest(self, keys: list[int]) -> int:
        return min(keys, key=lambda k: (self.distance(block_row(k)), k))

    def walk_to(self, target: tuple[str, object]) -> None:
        """Make `target` the current (and only selected) row, by the fewest keys."""
        self.focus_tree()
        rows = self.rows()
        here = self.current()
        selected = self.tree.selectionModel().selectedRows()
        if here == target and len(selected) == 1:
            return
        start = rows.index(here) if here in rows else 0
        goal = rows.index(target)
        path = shortest_path(
            rows,
            start,
            goal,
            self.new,
            self.editor.segmentation,
            self.doubt_rows,
            self.seeds(rows),
        )
        for keys in path:
            self.press(keys, True)
        if self.current() != target:  # a model of a key was wrong: walk the rest
            for _ in range(len(rows)):
                here = rows.index(self.current())
                if here == goal:
                    break
                self.press("Down" if here < goal else "Up", True)
        if len(self.tree.selectionModel().selectedRows()) != 1:
            self.press("Down", True)
            self.press("Up", True)
        assert self.current() == target, (self.current(), target)

    def extend(self, same) -> None:
        """Shift+Down over the following block rows for which `same(key)` holds."""
        rows = self.rows()
        i = rows.index(self.current())
        while i + 1 < len(rows) and rows[i + 1][0] == "block" and same(rows[i + 1][1]):
            self.press("Shift+Down", True)
            i += 1

    def select_run(self, key: int, same) -> None:
        """Select the run of adjacent block rows around `key` for which `same` holds:
        walk to whichever end is nearer, Shift+Down or Shift+Up to the other."""
        rows = self.rows()
        top = bottom = rows.index(block_row(key))
        while top > 0 and rows[top - 1][0] == "block" and same(rows[top - 1][1]):
            top -= 1
        while (
            bottom + 1 < len(rows) and rows[bottom + 1][0] == "block" and same(rows[bottom + 1][1])
        ):
            bottom += 1
        seg = self.editor.segmentation
        down = extension_path(rows, seg, top, bottom, self.page_runs)
        up = extension_path(rows, seg, bottom, top, self.page_runs)
        if self.distance(rows[bottom]) + len(up) < self.distance(rows[top]) + len(down):
            self.walk_to(rows[bottom])
            path = up
        else:
            self.walk_to(rows[top])
            path = down
        for keys in path:
            self.press(keys, True)
        assert len(self.tree.selectionModel().selectedRows()) == bottom - top + 1

    def command(self, keys: str) -> None:
        self.press(keys, False)

    def split_paragraph(self, block: int, at: int) -> None:
        """Split the (current) block so that a new one starts on line `at`."""
        seg = self.editor.segmentation
        if self.new:
            self.command("Shift+J")
            # the window proposes a line; the arrows move it over the block's text lines
            picked = self.editor.split_line
            lines = text_lines(seg, block, seg.block(block).last)[1:]
            for keys in split_path(seg, block, lines, picked, at):
                self.press(keys, True)
            assert self.editor.split_line == at
            self.command("Return")
        else:
            from PySide6.QtWidgets import QApplication

            view = self.editor.text_view
            for _ in range(8):
                if QApplication.focusWidget() is view:
                    break
                self.press("Shift+Tab", True)
            assert QApplication.focusWidget() is view
            here = view.current_line()
            for _ in range(abs(at - here)):
                self.press("Down" if at > here else "Up", True)
            assert view.current_line() == at
            self.command("Shift+J")


def _next_text_line(seg: Segmentation, line: int) -> int:
    n = line + 1
    while n <= len(seg.page.lines) and seg.page.is_blank(n):
        n += 1
    return n


def page_run_end(rows, seg: Segmentation, i: int, step: int) -> int:
    """Where Shift+PgDn (step 1) / Shift+PgUp (-1) takes the selection's end from row i:
    over the block rows that go on from each other on the page without a jump."""
    while 0 <= i + step < len(rows) and rows[i][0] == rows[i + step][0] == "block":
        upper, lower = (rows[i][1], rows[i + step][1])[:: 1 if step > 0 else -1]
        if _next_text_line(seg, seg.block(upper).last) != lower:
            break
        i += step
    return i


def extension_path(rows, seg: Segmentation, anchor: int, end: int, page_runs: bool) -> list[str]:
    """The fewest keys that extend a selection from row `anchor` to row `end`."""
    moves = {"Shift+Down": lambda i: i + 1, "Shift+Up": lambda i: i - 1}
    if page_runs:
        moves |= {
            "Shift+PgDown": lambda i: page_run_end(rows, seg, i, 1),
            "Shift+PgUp": lambda i: page_run_end(rows, seg, i, -1),
        }
    previous = {anchor: (anchor, "")}
    queue = deque([anchor])
    while queue and end not in previous:
        i = queue.popleft()
        for keys, move in moves.items():
            j = move(i)
            if 0 <= j < len(rows) and rows[j][0] == "block" and j not in previous:
                previous[j] = (i, keys)
                queue.append(j)
    path = []
    i = end
    while i != anchor:
        i, keys = previous[i]
        path.append(keys)
    return path[::-1]


def split_path(seg: Segmentation, block: int, lines: list[int], picked: int, at: int) -> list[str]:
    """The fewest keys from the proposed split line to `at`: ↑/↓ step a line, PgDn/PgUp
    jump to the next/previous likely line."""
    from banmian.gui.split_choice import split_candidates

    likely = split_candidates(seg, block, lines)
    moves = {
        "Down": lambda n: lines[min(lines.index(n) + 1, len(lines) - 1)],
        "Up": lambda n: lines[max(lines.index(n) - 1, 0)],
        "PgDown": lambda n: next((m for m in likely if m > n), lines[-1]),
        "PgUp": lambda n: next((m for m in reversed(likely) if m < n), lines[0]),
    }
    previous = {picked: (picked, "")}
    queue = deque([picked])
    while queue and at not in previous:
        n = queue.popleft()
        for keys, move in moves.items():
            if (m := move(n)) not in previous:
                previous[m] = (n, keys)
                queue.append(m)
    path = []
    n = at
    while n != picked:
        n, keys = previous[n]
        path.append(keys)
    return path[::-1]


def model_key():
    from banmian.gui.article_model import KEY_ROLE

    return KEY_ROLE


def doubt_walk(rows, seg: Segmentation, doubt_index: int, presses: int = 3):
    """Where F8 (Shift+F8) pressed 1…`presses` times puts the current row: the window's
    walk over the doubts, least sure first, from the doubt it shows now."""
    doubts = seg.doubts()
    seeds = []
    for keys, step in (("F8", 1), ("Shift+F8", -1)):
        for k in range(1, min(presses, len(doubts)) + 1):
            _doubt, article, block = doubts[(doubt_index + step * k) % len(doubts)]
            row = ("block", block) if block is not None else ("article", article)
            if row in rows:
                seeds.append((rows.index(row), [keys] * k))
    return seeds


def shortest_path(
    rows,
    start: int,
    goal: int,
    new: bool,
    seg: Segmentation,
    doubts: bool = False,
    seeds: list[tuple[int, list[str]]] = (),
) -> list[str]:
    """Breadth-first over the navigation keys' effect on the current row; `seeds` are
    rows that some keys reach from the start whatever the row (the F8 walk)."""
    n = len(rows)
    articles = [i for i, r in enumerate(rows) if r[0] == "article"]
    headings = [
        i for i, r in enumerate(rows) if r[0] == "block" and seg.block(r[1]).role in HEADING_ROLES
    ]

    def after(marks: list[int], i: int) -> int:
        return next((m for m in marks if m > i), i)

    def before(marks: list[int], i: int) -> int:
        return next((m for m in reversed(marks) if m < i), i)

    moves = {
        "Down": lambda i: min(i + 1, n - 1),
        "Up": lambda i: max(i - 1, 0),
        "Home": lambda i: 0,
        "End": lambda i: n - 1,
    }
    if new:
        moves |= {
            "]": lambda i: after(articles, i),
            "[": lambda i: before(articles, i),
            ".": lambda i: after(headings, i),
            ",": lambda i: before(headings, i),
        }
    if doubts:  # the window of F7: blocks with a doubt, in the tree's order
        doubted = {key for _d, _a, key in seg.doubts() if key is not None}
        marks = [i for i, r in enumerate(rows) if r[0] == "block" and r[1] in doubted]
        moves |= {
            "F7": lambda i: after(marks, i),
            "Shift+F7": lambda i: before(marks, i),
        }
    paths = [(start, [])] + [(row, keys) for row, keys in seeds]
    best: list[str] | None = None
    for origin, prefix in paths:
        if best is not None and len(prefix) >= len(best):
            continue
        previous: dict[int, tuple[int, str]] = {origin: (origin, "")}
        queue = deque([origin])
        while queue and goal not in previous:
            i = queue.popleft()
            for keys, move in moves.items():
                j = move(i)
                if j not in previous:
                    previous[j] = (i, keys)
                    queue.append(j)
        path: list[str] = []
        i = goal
        while i != origin:
            i, keys = previous[i]
            path.append(keys)
        path = prefix + path[::-1]
        if best is None or len(path) < len(best):
            best = path
    path = best
    if new and rows[goal][0] == "block":  # go to line: Ctrl+G, the digits, Return
        line = str(rows[goal][1])
        jump = ["Ctrl+G", *line, "Return"]
        if len(jump) < len(path):
            return jump
    return path


# -- the oracle ---------------------------------------------------------------------------
def block_row(key: int) -> tuple[str, object]:
    return ("block", key)


def fix_blocks(annotator: Annotator, gold: Gold) -> bool:
    """Boundaries inside blocks and roles, top to bottom; True if anything was done."""
    seg = annotator.editor.segmentation
    todo = []
    for block in seg.blocks():
        lines = [n for n in text_lines(seg, block.first, block.last) if n in gold.role]
        if not lines:
            continue
        starts = [
            n for i, n in enumerate(lines) if i and gold.block_of[n] != gold.block_of[lines[i - 1]]
        ]
        if starts or block.role is not gold.role[lines[0]]:
            todo.append(block.first)
    if todo:
        block = seg.block(annotator.nearest(todo))
        lines = [n for n in text_lines(seg, block.first, block.last) if n in gold.role]
        starts = [
            n for i, n in enumerate(lines) if i and gold.block_of[n] != gold.block_of[lines[i - 1]]
        ]
        wanted = gold.role[lines[0]]
        annotator.walk_to(block_row(block.first))
        if block.role is not wanted:
            annotator.command(ROLE_KEY[wanted])
        key = block.first
        for at in starts:
            if annotator.current() != block_row(key):  # a role key moved on to the next row
                annotator.walk_to(block_row(key))
            annotator.split_paragraph(key, at)
            key = at
            if annotator.current() != block_row(at):
                annotator.walk_to(block_row(at))
            now = annotator.editor.segmentation.block(at)
            if now.role is not gold.role[at]:
                annotator.command(ROLE_KEY[gold.role[at]])
        return True
    return False


def mapping(seg: Segmentation, gold: Gold) -> dict[str, str]:
    """Each gold article's current article: the largest overlaps first, one to one."""
    overlap: dict[tuple[str, str], int] = {}
    for article in seg.articles:
        for block in article.blocks:
            for n in text_lines(seg, block.first, block.last):
                g = gold.article.get(n)
                if g not in (None, "?"):
                    overlap[(g, article.id)] = overlap.get((g, article.id), 0) + 1
    out: dict[str, str] = {}
    used: set[str] = set()
    for (g, a), _count in sorted(overlap.items(), key=lambda x: -x[1]):
        if g not in out and a not in used:
            out[g] = a
            used.add(a)
    return out


def gold_article_of(seg: Segmentation, gold: Gold, key: int) -> str | None:
    lines = [n for n in text_lines(seg, key, seg.block(key).last) if n not in gold.either]
    return gold.article.get(lines[0]) if lines else "?"


def fix_articles(annotator: Annotator, gold: Gold) -> bool:
    seg = annotator.editor.segmentation
    where = mapping(seg, gold)
    todo = []
    for block in seg.blocks():
        g = gold_article_of(seg, gold, block.first)
        owner = seg.article_of(block.first)
        now = owner.id if owner else None
        if g != "?" and (where.get(g) if g is not None else None) != now:
            todo.append(block.first)
    return bool(todo) and fix_article_of(annotator, gold, seg.block(annotator.nearest(todo)))


def fix_article_of(annotator: Annotator, gold: Gold, block) -> bool:
    seg = annotator.editor.segmentation
    where = mapping(seg, gold)
    order = [a.id for a in seg.articles]
    g = gold_article_of(seg, gold, block.first)
    if g == "?":
        return False
    owner = seg.article_of(block.first)
    now = owner.id if owner else None
    target = where.get(g) if g is not None else None
    if g is None:
        if now is None:
            return False
        annotator.select_run(
            block.first,
            lambda k: gold_article_of(seg, gold, k) is None and seg.article_of(k) == owner,
        )
        annotator.command("X")
        return True
    if target == now:
        return False
    if target is None:  # a gold article with no article yet
        if owner is not None:
            lower = [b for b in owner.blocks if b.first >= block.first]
            upper = [b for b in owner.blocks if b.first < block.first]
            if upper and all(gold_article_of(seg, gold, b.first) in (g, "?") for b in lower):
                annotator.walk_to(block_row(block.first))
                annotator.command("S")
                return True
        annotator.select_run(
            block.first, lambda k: gold_article_of(seg, gold, k) == g and seg.article_of(k) == owner
        )
        annotator.command("A")
        return True
    # the block belongs to an existing article: merge a fragment, else move it
    if owner is not None and all(
        gold_article_of(seg, gold, b.first) in (g, "?") for b in owner.blocks
    ):
        i, j = order.index(now), order.index(target)
        if abs(i - j) == 1:
            annotator.walk_to(block_row(block.first))
            annotator.command("Shift+M" if j < i else "M")
            return True
    step = _direction(seg, block.first, target)
    annotator.select_run(
        block.first, lambda k: gold_article_of(seg, gold, k) == g and seg.article_of(k) == owner
    )
    number = order.index(target) + 1
    if annotator.numbers and number <= 9:
        annotator.command(str(number))
    else:
        annotator.command("Alt+Up" if step < 0 else "Alt+Down")
    return True


def _direction(seg: Segmentation, key: int, target: str) -> int:
    order = [a.id for a in seg.articles]
    owner = seg.article_of(key)
    if owner is not None:
        return -1 if order.index(target) < order.index(owner.id) else 1
    above = [b for b in seg.blocks() if b.first < key and seg.article_of(b.first)]
    near = seg.article_of(above[-1].first).id if above else None
    return -1 if near is not None and order.index(target) <= order.index(near) else 1


def fix_joins(annotator: Annotator, gold: Gold) -> bool:
    seg = annotator.editor.segmentation
    blocks = sorted(seg.blocks(), key=lambda b: b.first)
    todo = []
    below: set[int] = set()
    for upper, lower in zip(blocks, blocks[1:], strict=False):
        a = [n for n in text_lines(seg, upper.first, upper.last) if n in gold.block_of]
        b = [n for n in text_lines(seg, lower.first, lower.last) if n in gold.block_of]
        if a and b and gold.block_of[a[-1]] == gold.block_of[b[0]]:
            todo.append(upper.first)
            if "join_previous" in annotator.window.actions:  # Ctrl+J from the lower one
                todo.append(lower.first)
                below.add(lower.first)
    if not todo:
        return False
    key = annotator.nearest(todo)
    annotator.walk_to(block_row(key))
    annotator.command("Ctrl+J" if key in below else "J")
    return True


def replay(text_file: Path, gold_file: Path, tally: Tally, settings_dir: Path) -> None:
    from banmian.gui.main_window import MainWindow
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    page = read_page_file(text_file)
    raw = json.loads(gold_file.read_text("utf-8"))
    database = settings_dir / f"{text_file.stem}.db"
    store = Store(database)
    store.add_page(page, PageMeta(text_file.name), segment_page(page))
    store.close()
    settings = QSettings(str(settings_dir / "banmian.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator", "oracle")
    window = MainWindow(database, settings)
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    window.open_page(window.store.pages()[0].id)
    QApplication.processEvents()
    before = (tally.keys, tally.navigation)
    edits_before = _edit_count(database)
    annotator = Annotator(window, tally)
    annotator.focus_tree()
    gold = read_gold(window.editor.segmentation, raw)
    for phase in (fix_blocks, fix_articles, fix_joins):
        for _ in range(2000):
            if not phase(annotator, gold):
                break
    window.close()
    QApplication.processEvents()
    corrections = _edit_count(database) - edits_before
    store = Store(database)
    try:
        saved = store.load(store.pages()[0].id)
    finally:
        store.close()
    scores = score(saved.page, saved.to_json(), raw)
    equal = all(abs(scores[k] - v) < 1e-9 for k, v in PERFECT.items())
    keys, navigation = tally.keys - before[0], tally.navigation - before[1]
    tally.corrections += corrections
    tally.equal &= equal
    tally.pages += 1
    tally.log.append(
        f"{text_file.name:<28} {keys:>5} {corrections:>5} "
        f"{keys / max(corrections, 1):>6.2f} {navigation / max(keys, 1):>6.0%}  "
        f"{'yes' if equal else 'NO ' + str({k: round(scores[k], 3) for k in PERFECT})}"
    )


def _edit_count(database: Path) -> int:
    import sqlite3

    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM edit_log").fetchone()[0]


def page_files(arguments: list[str]) -> list[tuple[Path, Path]]:
    if not arguments:
        from importlib import resources

        here = Path(str(resources.files("banmian.resources").joinpath("sample_page.txt")))
        gold = Path("/work/shared/corpus/sample_page.gold.json")
        if not gold.is_file():
            gold = here.with_name("sample_page.gold.json")
        return [(here, gold)]
    out = []
    for argument in arguments:
        path = Path(argument)
        texts = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        for text in texts:
            gold = text.with_name(text.stem + ".gold.json")
            if gold.is_file():
                out.append((text, gold))
    return out


def run(arguments: list[str], limit: int | None = None, quiet: bool = False) -> Tally:
    from banmian.gui.app import make_application

    make_application()
    tally = Tally()
    with tempfile.TemporaryDirectory() as folder:
        for text, gold in page_files(arguments)[:limit]:
            replay(text, gold, tally, Path(folder))
            if not quiet:
                print(tally.log[-1], flush=True)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="folders of X.txt + X.gold.json, or X.txt files")
    parser.add_argument("--pages", type=int, default=None, help="at most this many pages")
    args = parser.parse_args(argv)
    print(f"{'page':<28} {'keys':>5} {'edits':>5} {'k/edit':>6} {'nav':>6}  store = gold")
    tally = run(args.paths, args.pages)
    print(
        f"{'total':<28} {tally.keys:>5} {tally.corrections:>5} "
        f"{tally.keys / max(tally.corrections, 1):>6.2f} "
        f"{tally.navigation / max(tally.keys, 1):>6.0%}  "
        f"{'yes' if tally.equal else 'NO'}  ({tally.pages} pages, "
        f"{tally.keys / max(tally.pages, 1):.1f} keys a page)"
    )
    return 0 if tally.equal else 1


if __name__ == "__main__":
    sys.exit(main())
