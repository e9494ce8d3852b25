"""The window at corpus size: launch, Ctrl+Return and back to the corpus, at two sizes.

Run on demand: `python tests/bench/bench_window_scale.py [--pages 1000,100000]
[--runs 40] [--launches 5] [--keep DIR]`.

Each database is generated without segmenting more than once: the sample page is
imported and its rows (page, blocks, articles, log) copied by SQL (tests/page_copies.py)
under new hashes, dates, page numbers and statuses (60% verified, 10% in progress, 30%
new, interleaved), so 100,000 pages take a minute or two to build rather than hours
(`--keep DIR` keeps them for the next run). The figures are what the annotator waits for:

- launch: from starting `banmian --db FILE` (a child process, offscreen, settings of its
  own) until the main window has been painted with the corpus listed; median of
  `--launches` runs, with when jieba was ready behind it;
- Ctrl+Return: the page marked verified and the next unverified page shown (drawn);
- back to the corpus (Alt+←): the list re-read and drawn with the page selected;
- sort by a column and filter by status in the corpus view, drawn.

Each is timed on the wall clock (p50, p95) and, beside it, as the window thread's CPU
time: on a shared machine the wall clock also counts the waits for a core.

Targets: launch ≤ 1.0 s; Ctrl+Return and back-to-corpus p95 ≤ 50 ms at 100,000 pages.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

# The child process: `banmian --db FILE` as launched, with an event filter (installed
# when the application object is made) that reports the main window's first paint.
LAUNCH_CHILD = r"""
import sys, time
import banmian.gui.app as app_module
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

make = app_module.make_application
state = {}

def painted():
    state["painted"] = time.time()
    report()

def report():
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "banmian")
    state["rows"] = window.corpus.table.model().rowCount()
    poll()

def poll():
    from banmian.core.words import nlp
    if nlp._jieba is None and time.time() - state["painted"] < 30:
        QTimer.singleShot(10, poll)
        return
    state["jieba"] = time.time()
    print("REPORT", state["painted"], state["rows"], state["jieba"], flush=True)
    QApplication.instance().quit()

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if (
            "scheduled" not in state
            and event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and obj.window().objectName() == "banmian"
        ):
            state["scheduled"] = True  # the rest of this paint cycle runs before the timer
            QTimer.singleShot(0, painted)
        return False

def make_application(argv=None):
    app = make(argv)
    if not hasattr(app, "_first_paint"):
        app._first_paint = FirstPaint()
        app.installEventFilter(app._first_paint)
    return app

app_module.make_application = make_application
from banmian.gui import launcher
sys.exit(launcher.main(sys.argv[1:]))
"""


def build_corpus(path: Path, pages: int) -> None:
    """A database of `pages` pages: the sample page imported once, its rows copied."""
    from banmian.core.corpus.paths import sample_page
    from banmian.core.corpus.store import PageMeta, Store

    from tests.page_copies import NEWSPAPERS, copy_page

    store = Store(path, annotator="bench")
    store.add_page(sample_page(), PageMeta("sample_page.txt", NEWSPAPERS[0], "2020-01-01", "1"))
    copy_page(store.db.conn, pages - 1)
    store.close()


def corpus(pages: int, keep: Path | None, tmp: Path) -> Path:
    folder = keep or tmp
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"window_{pages}.db"
    if not path.exists():
        started = time.perf_counter()
        build_corpus(path, pages)
        size = path.stat().st_size / 2**20
        print(f"built {pages:,} pages in {time.perf_counter() - started:.0f} s ({size:,.0f} MiB)")
    from banmian.core.corpus.store import Store

    Store(path).close()  # a kept file from an older schema migrates here, not in a launch
    return path


def launch_times(database: Path, runs: int, tmp: Path) -> tuple[list[float], list[float], int]:
    """Seconds from starting `banmian --db FILE` to its painted window, and to jieba
    ready, over `runs` launches; and the rows the corpus view listed."""
    painted, ready, listed = [], [], 0
    for n in range(runs):
        home = tmp / f"home{n}"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "BANMIAN_ANNOTATOR": "bench",
        }
        started = time.time()
        result = subprocess.run(
            [sys.executable, "-c", LAUNCH_CHILD, "--db", str(database)],
            capture_output=True,
            text=True,
            timeout=180,
            env=env,
        )
        line = next((x for x in result.stdout.splitlines() if x.startswith("REPORT")), None)
        if line is None:
            raise SystemExit(f"the window did not report:\n{result.stderr[-3000:]}")
        _, at, rows, jieba_at = line.split()
        painted.append(float(at) - started)
        ready.append(float(jieba_at) - started)
        listed = int(rows)
    return painted, ready, listed


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def key_times(database: Path, runs: int, tmp: Path) -> dict[str, list[float]]:
    """Milliseconds, each until drawn: Ctrl+Return, back to the corpus, a sort, a filter."""
    from banmian.core.words import nlp
    from banmian.gui.app import make_application, settle_memory
    from banmian.gui.main_window import MainWindow
    from PySide6.QtCore import QSettings, Qt

    app = make_application()
    settings = QSettings(str(tmp / f"keys{os.getpid()}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(database, settings, annotator="bench")
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    nlp.jieba_module()  # as the window's warm-up does, behind it
    settle_memory()
    store = window.store
    # what Ctrl+Return verifies is put back at the end, so that a kept file lasts
    before = dict(store.db.execute("SELECT id, status FROM pages WHERE status != 'verified'"))
    first = store.db.execute("SELECT id FROM pages WHERE status != 'verified' LIMIT 1").fetchone()
    window.open_page(first[0])
    app.processEvents()

    times: dict[str, list[float]] = {}

    def timed(name: str, action) -> None:
        """Wall time until drawn, as the annotator sees it; and the window thread's CPU
        time, which does not count the waits for a core that other programs hold."""
        start, cpu = time.perf_counter(), time.thread_time()
        action()
        app.processEvents()
        times.setdefault(name, []).append((time.perf_counter() - start) * 1000)
        times.setdefault(f"  {name}: CPU", []).append((time.thread_time() - cpu) * 1000)

    for _ in range(runs):
        timed("Ctrl+Return", window.actions["verify_next"].trigger)
    unverified = [
        r[0]
        for r in store.db.execute(
            "SELECT id FROM pages WHERE status != 'verified' ORDER BY random() LIMIT ?", [runs]
        )
    ]
    for page_id in unverified:
        window.open_page(page_id)
        app.processEvents()
        timed("back to corpus", window.actions["corpus"].trigger)
    header, combo = window.corpus.table.horizontalHeader(), window.corpus.status
    for n in range(runs):
        order = Qt.SortOrder.AscendingOrder if n % 2 else Qt.SortOrder.DescendingOrder
        column = (0, 2, 4, 6)[n % 4]
        status = 1 + n % 3
        timed("sort by a column", lambda c=column, o=order: header.setSortIndicator(c, o))
        timed("filter by status", lambda s=status: combo.setCurrentIndex(s))
    combo.setCurrentIndex(0)
    window.close()
    with sqlite3.connect(database) as db:
        verified = {r[0] for r in db.execute("SELECT id FROM pages WHERE status = 'verified'")}
        db.executemany(
            "UPDATE pages SET status = ? WHERE id = ?",
            [(status, i) for i, status in before.items() if i in verified],
        )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="1000,100000", help="database sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=40, help="timed keys of each kind")
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the generated databases here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # one database's key timings, in a process of its own
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(key_times(Path(args.child), args.runs, Path(tmp))))
        return
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(x) for x in args.pages.split(",")):
            database = corpus(size, args.keep, Path(tmp))
            painted, ready, listed = launch_times(database, args.launches, Path(tmp))
            child = subprocess.run(
                [sys.executable, __file__, "--child", str(database), "--runs", str(args.runs)],
                capture_output=True,
                text=True,
                check=True,
            )
            keys = json.loads(child.stdout.splitlines()[-1])
            results[size] = (painted, ready, listed, keys)
    sizes = list(results)
    print("\n" + " " * 30 + "".join(f"{f'{s:,} pages':>24}" for s in sizes))
    print(
        f"{'launch to painted window (s)':<30}"
        + "".join(
            f"{f'median {statistics.median(r[0]):.2f} ({min(r[0]):.2f}–{max(r[0]):.2f})':>24}"
            for r in results.values()
        )
        + "   target ≤ 1.0"
    )
    print(
        f"{'  jieba ready behind it (s)':<30}"
        + "".join(f"{f'median {statistics.median(r[1]):.2f}':>24}" for r in results.values())
    )
    print(
        f"{'  rows listed at first paint':<30}" + "".join(f"{r[2]:>24,}" for r in results.values())
    )
    for name in sorted(results[sizes[0]][3], key=lambda n: ("CPU" in n, n)):
        row = "".join(
            f"{f'p50 {statistics.median(r[3][name]):.1f}  p95 {p95(r[3][name]):.1f}':>24}"
            for r in results.values()
        )
        target = "   target p95 ≤ 50" if name in ("Ctrl+Return", "back to corpus") else ""
        print(f"{name + ' (ms)':<30}{row}{target}")


if __name__ == "__main__":
    main()
