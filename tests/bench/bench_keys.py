"""Keys per correction: an oracle annotator takes each page's proposal to its gold with
the window's commands, pressing real keys in the real main window (offscreen).

    python tests/bench/bench_keys.py [DIR_OR_PAGE …] [--pages N] [--proposals KEEP]

Each argument is a folder of `X.txt` + `X.gold.json` or one `X.txt` with its gold
beside it; without one, the bundled sample page and its gold. `--proposals KEEP` keeps
each page's proposal in KEEP on the first run and corrects the kept one after, so that
before/after figures are on the same proposals while the segmenter changes.

The oracle knows the gold and plans (tests/bench/keys_plan.py; its paths in
keys_paths.py), greedily, the fewest keys to the next correction whose turn has come:
a block's boundaries and role before its article, both paragraphs in their article
before they are joined (split, merge, move, new article, take out, join from the upper
or the lower paragraph). Each page is
replayed in four orders of visiting the corrections (the nearest in keys or the first
further down the tree; any kind, or one kind per sweep, which keeps F4's rhythm), each
in a fresh window, and the shortest replay counts: an expert plans a short tour.
Navigation is planned as a shortest path over the window's navigation keys as they
exist in this version of the window (arrows, PgDn/PgUp (a screenful of the tree's rows,
as many as its viewport shows) and Home/End always; article, heading, go-to-line, the
doubts' walks F8 (least sure first) and F7 (down the tree), selections extended over a
column segment or to the article's end, where the window has them). A split is made
from the tree (Shift+J, the line chosen by arrows, PgDn/PgUp or its last digits,
Return or the lower part's role key) or by Ctrl+G, the line, Shift+J, whichever is
shorter. Blocks go to their article by its number (1–9) where the window has digit
keys, else by Alt+↑/↓; a run of blocks is selected from its nearer end. Where the
window has F4 (the last one-key correction again, with the tree moves before it), the
oracle presses it when the moves it would press next are exactly the last group's, or
when the last beat, pressed again, lands on a correction the gold wants (it looks where
the arrows land before pressing, as a person does); F4 counts as a command key. Every
key pressed is counted; navigation keys (the digits of a line number and the Return
that ends it included) are counted as navigation.

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
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BANMIAN_ANNOTATOR", "oracle")

from banmian.core.corpus.store import PageMeta, Store  # noqa: E402
from banmian.core.page.files import read_page_file  # noqa: E402
from banmian.core.page.model import Role, Segmentation, segmentation_from_json  # noqa: E402
from banmian.core.segmentation.metrics import score  # noqa: E402
from banmian.core.segmentation.segmenter import segment_page  # noqa: E402
from banmian.gui.split_choice import likely_paragraph_start  # noqa: E402

from tests.bench.keys_paths import (  # noqa: E402
    best_path,
    doubt_walk,
    extension_path,
    paths_from,
    split_path,
    text_lines,
)
from tests.bench.keys_plan import (  # noqa: E402
    ROLE_KEY,
    STRATEGIES,
    block_row,
    fix_articles,
    fix_blocks,
    fix_joins,
    read_gold,
)

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
        self.article_ends = hasattr(self.tree, "extend_to_article_end")  # Shift+Home/End
        # the split line chosen by its number's last digits, or split and role at once
        self.split_keys = hasattr(window.editor, "split_typed")
        # after Ctrl+G a command needs no Return, and Shift+J splits at the line gone to
        self.goto_keys = hasattr(window.editor, "goto_line_at")
        self.goto_open = False  # digits typed after Ctrl+G, not yet ended
        # F4: the last one-key correction again, with the moves pressed before it
        self.repeat = "repeat" in window.actions
        self.group: list[str] = []  # keys pressed since the last correction
        self.last_group: list[str] | None = None  # what F4 would press now
        self._cache: tuple = (None, None)
        self.downward = False  # the next correction: the first further down the tree

    def _end_goto(self, navigation: bool) -> None:
        """A command ends the typed line number itself; a navigation key needs Return."""
        if self.goto_open:
            self.goto_open = False
            if navigation:
                self.press("Return", True)

    def press(self, keys: str, navigation: bool) -> None:
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QApplication

        self._end_goto(navigation or keys.isdigit())  # a digit would join the number
        sequence = QKeySequence(keys)
        stack = self.window.undo_group.activeStack()
        before = stack.index() if stack is not None else None
        for i in range(sequence.count()):
            combo = sequence[i]
            target = QApplication.focusWidget() or self.window
            self.test.keyClick(target, combo.key(), combo.keyboardModifiers())
            self.tally.keys += 1
            self.tally.navigation += navigation
        QApplication.processEvents()
        self.group.append(keys)
        if stack is not None and stack.index() != before:  # a correction ends the group
            if keys != "F4":
                repeatable = self.repeat and self.window.repeater.last is not None
                self.last_group = self.group if repeatable else None
            self.group = []
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

        self._end_goto(True)
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

    def _paths(self) -> tuple[list, dict[int, list[str]]]:
        """The tree's rows and the fewest navigation keys from here to each (cached
        while nothing changes: the page, the current row, the doubt shown)."""
        here = self.current()
        seg = self.editor.segmentation
        state = (here, self.editor.doubt_index)
        cached = self._cache[0]
        # the segmentation itself is kept and compared by identity: an id() of a freed
        # one can come back for the next, and a stale cache plans a wrong walk
        if cached is None or cached[0] is not seg or cached[1] != state:
            rows = self.rows()
            start = rows.index(here) if here in rows else 0
            paths = paths_from(
                rows, start, self.new, seg, self.doubt_rows, self.seeds(rows), self.page_rows()
            )
            self._cache = ((seg, state), (rows, paths))
        return self._cache[1]

    def page_rows(self) -> tuple[int, int] | None:
        """How many rows the tree's PgDn and PgUp move the current row: a screenful, as
        the annotator sees it (QTreeView moves to the row a viewport's height below /
        above, its rows all of one height)."""
        if not self.tree.uniformRowHeights() or self.tree.model().rowCount() == 0:
            return None
        height = self.tree.visualRect(self.tree.model().index(0, 0)).height()
        if height <= 0:
            return None
        viewport = self.tree.viewport().height()
        return viewport // height, -(-viewport // height)

    def path_to(self, target: tuple[str, object]) -> list[str]:
        rows, paths = self._paths()
        if self.current() == target:
            return []
        return best_path(rows, rows.index(target), self.new, paths)

    def distance(self, target: tuple[str, object]) -> int:
        """How many navigation keys `walk_to(target)` would press."""
        return len(self.path_to(target))

    def nearest(self, keys: list[int]) -> int:
        """The next of `keys` (blocks) to correct: the nearest in keys, or (`downward`)
        the first at or below the current row in the tree, the nearest when none is."""
        if self.downward:
            rows = self.rows()
            here = self.current()
            at = rows.index(here) if here in rows else 0
            below = [k for k in keys if rows.index(block_row(k)) >= at]
            if below:
                return min(below, key=lambda k: rows.index(block_row(k)))
        return min(keys, key=lambda k: (self.distance(block_row(k)), k))

    def planned_walk(self, target: tuple[str, object]) -> list[str]:
        """The keys `walk_to(target)` would press (focus on the tree)."""
        if self.current() == target and len(self.tree.selectionModel().selectedRows()) == 1:
            return []
        return self.path_to(target) or ["Down", "Up"]

    def repeated(self, plans: list[list[str]], then: str) -> bool:
        """F4 instead of one of `plans` (moves) and `then` (the correction), where it
        would press exactly those keys: the annotator sees the same beat again."""
        from PySide6.QtWidgets import QApplication

        if not self.repeat or self.last_group is None or self.goto_open:
            return False
        if QApplication.focusWidget() is not self.tree:
            return False
        if any([*plan, then] == self.last_group for plan in plans):
            self.command("F4")
            return True
        return False

    def act(self, target: tuple[str, object], then: str) -> None:
        """Walk to `target` and press the correction `then` (or F4, where it is that)."""
        if not self.repeated([self.planned_walk(target)], then):
            self.walk_to(target, command_next=True)
            self.command(then)

    def walk_to(self, target: tuple[str, object], command_next: bool = False) -> None:
        """Make `target` the current (and only selected) row, by the fewest keys; with
        `command_next`, a command is pressed next (after Ctrl+G it needs no Return)."""
        self.focus_tree()
        rows = self.rows()
        here = self.current()
        selected = self.tree.selectionModel().selectedRows()
        if here == target and len(selected) == 1:
            return
        goal = rows.index(target)
        path = self.path_to(target)
        if command_next and self.goto_keys and path[:1] == ["Ctrl+G"]:
            for keys in path[:-1]:  # the line number typed; the command ends it
                self.press(keys, True)
            self.goto_open = True
            return
        for keys in path:
            self.press(keys, True)
        if self.current() != target:  # a model of a key was wrong: walk the rest
            if os.environ.get("BENCH_KEYS_TRACE"):
                print(f"  (the walk {path} missed {target})", file=sys.stderr)
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

    def select_run(self, key: int, same, then: str | None = None) -> None:
        """Select the run of adjacent block rows around `key` for which `same` holds:
        walk to whichever end is nearer, Shift+Down or Shift+Up to the other; then press
        the correction `then` (or F4 where it would press the same keys)."""
        rows = self.rows()
        top = bottom = rows.index(block_row(key))
        while top > 0 and rows[top - 1][0] == "block" and same(rows[top - 1][1]):
            top -= 1
        while (
            bottom + 1 < len(rows) and rows[bottom + 1][0] == "block" and same(rows[bottom + 1][1])
        ):
            bottom += 1
        seg = self.editor.segmentation
        down = extension_path(rows, seg, top, bottom, self.page_runs, self.article_ends)
        up = extension_path(rows, seg, bottom, top, self.page_runs, self.article_ends)
        if then is not None:
            self.focus_tree()
            plans = [self.planned_walk(rows[top]) + down, self.planned_walk(rows[bottom]) + up]
            if self.repeated(plans, then):
                return
        if self.distance(rows[bottom]) + len(up) < self.distance(rows[top]) + len(down):
            self.walk_to(rows[bottom], command_next=not up)
            path = up
        else:
            self.walk_to(rows[top], command_next=not down)
            path = down
        for keys in path:
            self.press(keys, True)
        assert self.goto_open or len(self.tree.selectionModel().selectedRows()) == bottom - top + 1
        if then is not None:
            self.command(then)

    def command(self, keys: str) -> None:
        self.press(keys, False)

    def split_paragraph(self, block: int, at: int, role: Role | None = None) -> None:
        """Split `block` so that a new one starts on line `at`, whose role is to be
        `role`: from the tree (Shift+J, the line chosen, Return or the role's key), or
        by going to the line (Ctrl+G, its number, Shift+J), whichever takes fewer keys."""
        seg = self.editor.segmentation
        if not self.new:
            self.walk_to(block_row(block))
            self._split_in_text(at)
            if role is not None and role is not seg.block(block).role:
                self.command(ROLE_KEY[role])
            return
        lines = text_lines(seg, block, seg.block(block).last)[1:]
        retitle = role is not None and role is not seg.block(block).role
        proposed = likely_paragraph_start(seg, block, lines)
        choose = split_path(seg, block, lines, proposed, at, self.split_keys)
        in_tree = self.distance(block_row(block)) + 2 + len(choose)
        in_tree += retitle and not self.split_keys
        by_line = 2 + len(str(at)) + retitle
        if self.goto_keys and by_line < in_tree:
            self.focus_tree()
            for keys in ["Ctrl+G", *str(at)]:
                self.press(keys, True)
            self.goto_open = True
            self.command("Shift+J")
            assert self.editor.segmentation.block_at_line(at).first == at
            if retitle:
                self.command(ROLE_KEY[role])
            return
        self.walk_to(block_row(block), command_next=True)
        self.command("Shift+J")
        assert self.editor.split_line == proposed
        for keys in choose:
            self.press(keys, True)
        assert self.editor.split_line == at
        if retitle and self.split_keys:
            self.command(ROLE_KEY[role])
            return
        self.command("Return")
        if retitle:
            self.command(ROLE_KEY[role])

    def _split_in_text(self, at: int) -> None:
        """The first window's way: the page text's cursor on the line, Shift+J."""
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


def model_key():
    from banmian.gui.article_model import KEY_ROLE

    return KEY_ROLE


def proposal(page, text_file: Path, frozen: Path | None) -> Segmentation:
    """The segmenter's proposal for the page, or (with `frozen`, a folder) the one kept
    there from an earlier run: the segmenter changes while the keys are worked on, and a
    before/after comparison means nothing unless both runs correct the same proposals."""
    if frozen is None:
        return segment_page(page)
    kept = frozen / f"{text_file.stem}.proposal.json"
    if kept.is_file():
        return segmentation_from_json(page, json.loads(kept.read_text("utf-8")), retext=False)
    seg = segment_page(page)
    frozen.mkdir(parents=True, exist_ok=True)
    kept.write_text(json.dumps(seg.to_json(), ensure_ascii=False), "utf-8")
    return seg


def replay(
    text_file: Path,
    gold_file: Path,
    tally: Tally,
    settings_dir: Path,
    frozen: Path | None = None,
    strategies: tuple[str, ...] = tuple(STRATEGIES),
) -> None:
    """The page corrected in a fresh window once for each of the oracle's `strategies`
    (orders of visiting the corrections); the fewest keys count, among the replays whose
    store equals the gold: an expert who knows the gold plans the shorter order."""
    tries = [_replay_once(text_file, gold_file, settings_dir, frozen, s) for s in strategies]
    best = min(tries, key=lambda t: (not t.equal, t.keys, t.navigation))
    tally.keys += best.keys
    tally.navigation += best.navigation
    tally.corrections += best.corrections
    tally.equal &= best.equal
    tally.pages += 1
    tally.log += best.log


def _replay_once(
    text_file: Path, gold_file: Path, settings_dir: Path, frozen: Path | None, strategy: str
) -> Tally:
    from banmian.gui.main_window import MainWindow
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    if os.environ.get("BENCH_KEYS_TRACE"):
        print(f"# {text_file.name} {strategy}", file=sys.stderr)
    page = read_page_file(text_file)
    raw = json.loads(gold_file.read_text("utf-8"))
    database = settings_dir / f"{text_file.stem}.{strategy}.db"
    database.unlink(missing_ok=True)
    store = Store(database)
    store.add_page(page, PageMeta(text_file.name), proposal(page, text_file, frozen))
    store.close()
    settings = QSettings(str(settings_dir / "banmian.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator", "oracle")
    window = MainWindow(database, settings)
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    window.open_page(window.store.pages()[0].id)
    QApplication.processEvents()
    tally = Tally()
    edits_before = _edit_count(database)
    annotator = Annotator(window, tally)
    fix, annotator.downward = STRATEGIES[strategy]
    annotator.focus_tree()
    gold = read_gold(window.editor.segmentation, raw)
    for phase in (fix, fix_blocks, fix_articles, fix_joins):
        for _ in range(2000):
            if not phase(annotator, gold):
                break
    window.close()
    QApplication.processEvents()
    tally.corrections = _edit_count(database) - edits_before
    store = Store(database)
    try:
        saved = store.load(store.pages()[0].id)
    finally:
        store.close()
    scores = score(saved.page, saved.to_json(), raw)
    tally.equal = all(abs(scores[k] - v) < 1e-9 for k, v in PERFECT.items())
    keys, navigation, corrections = tally.keys, tally.navigation, tally.corrections
    tally.log.append(
        f"{text_file.name:<28} {keys:>5} {corrections:>5} "
        f"{keys / max(corrections, 1):>6.2f} {navigation / max(keys, 1):>6.0%}  "
        f"{'yes' if tally.equal else 'NO ' + str({k: round(scores[k], 3) for k in PERFECT})}"
        f"  {strategy}"
    )
    return tally


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


def run(
    arguments: list[str],
    limit: int | None = None,
    quiet: bool = False,
    frozen: Path | None = None,
    strategies: tuple[str, ...] = tuple(STRATEGIES),
) -> Tally:
    from banmian.gui.app import make_application

    make_application()
    tally = Tally()
    with tempfile.TemporaryDirectory() as folder:
        for text, gold in page_files(arguments)[:limit]:
            replay(text, gold, tally, Path(folder), frozen, strategies)
            if not quiet:
                print(tally.log[-1], flush=True)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="folders of X.txt + X.gold.json, or X.txt files")
    parser.add_argument("--pages", type=int, default=None, help="at most this many pages")
    parser.add_argument(
        "--proposals",
        type=Path,
        default=None,
        help="a folder keeping each page's proposal: written on the first run, read after "
        "(before/after comparisons on the same proposals while the segmenter changes)",
    )
    parser.add_argument(
        "--strategy",
        choices=tuple(STRATEGIES),
        action="append",
        help="the oracle's order(s) of visiting the corrections (default: each, the "
        "fewest keys counted)",
    )
    args = parser.parse_args(argv)
    print(f"{'page':<28} {'keys':>5} {'edits':>5} {'k/edit':>6} {'nav':>6}  store = gold")
    strategies = tuple(args.strategy or STRATEGIES)
    tally = run(args.paths, args.pages, frozen=args.proposals, strategies=strategies)
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
