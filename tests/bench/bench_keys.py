"""Keys per correction: an oracle annotator takes each page's proposal to its gold with
the window's commands, pressing real keys in the real main window (offscreen).

    python tests/bench/bench_keys.py [DIR_OR_PAGE …] [--pages N] [--proposals KEEP]

Each argument is a folder of `X.txt` + `X.gold.json` or one `X.txt` with its gold
beside it; without one, the bundled sample page and its gold. `--proposals KEEP` keeps
each page's proposal in KEEP on the first run and corrects the kept one after, so that
before/after figures are on the same proposals while the segmenter changes.

The oracle knows the gold and plans (tests/bench/keys_plan.py; its paths in
keys_paths.py; its hands in keys_window.py), greedily, the fewest keys to the next
correction whose turn has come: a block's boundaries and role before its article, both
paragraphs in their article before they are joined (split, merge, move, new article,
take out, join from the upper or the lower paragraph). Each page is replayed in four
orders of visiting the corrections (the nearest in keys or the first further down the
tree; any kind, or one kind per sweep, which keeps F4's rhythm), each in a fresh window,
and the shortest replay counts: an expert plans a short tour.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BANMIAN_ANNOTATOR", "oracle")

from banmian.core.corpus.store import PageMeta, Store  # noqa: E402
from banmian.core.page.files import read_page_file  # noqa: E402
from banmian.core.page.model import Segmentation, segmentation_from_json  # noqa: E402
from banmian.core.segmentation.metrics import score  # noqa: E402
from banmian.core.segmentation.segmenter import segment_page  # noqa: E402

from tests.bench.keys_plan import (  # noqa: E402
    STRATEGIES,
    fix_articles,
    fix_blocks,
    fix_joins,
    read_gold,
)
from tests.bench.keys_window import Annotator, Tally  # noqa: E402

PERFECT = {
    "bcubed_f1": 1.0,
    "exact_article_f1": 1.0,
    "role_accuracy": 1.0,
    "paragraph_f1": 1.0,
}


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
