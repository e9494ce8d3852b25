"""How fast the window opens a page and saves a correction, offscreen.

Run on demand: `QT_QPA_PLATFORM=offscreen python tests/bench/bench_editor.py [--runs 60]`.
A 400-line page (the sample page followed by a variant of its first 155 lines) is
opened alternately with a second page, so each open really loads, draws the tints and
rebuilds the article tree. A correction is a role key on a block, timed from the key
until the store has written it, and until the views are repainted. Targets: open p95 ≤ 50 ms,
correction p95 ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.corpus.paths import sample_page  # noqa: E402
from banmian.core.corpus.store import PageMeta, Store  # noqa: E402
from banmian.core.page.model import Page  # noqa: E402
from banmian.core.words import nlp  # noqa: E402
from banmian.gui.app import make_application, settle_memory  # noqa: E402
from banmian.gui.main_window import MainWindow  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from tests.bench.bench_export import build  # noqa: E402


def long_page() -> Page:
    lines = list(sample_page().lines)
    extra = [line.replace("2月", "3月") for line in lines[:155]]
    return Page.from_text("\n".join(lines + extra), "long_page.txt")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def report(name: str, values: list[float], target: float) -> None:
    print(
        f"{name:<28} p50 {statistics.median(values):6.1f} ms   p95 {p95(values):6.1f} ms"
        f"   max {max(values):6.1f} ms   (target p95 ≤ {target:.0f} ms, n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument(
        "--corpus",
        type=int,
        default=40_000,
        help="articles of other pages in the database (a correction must not scale with it)",
    )
    args = parser.parse_args()
    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "bench.db"
        store = Store(database)
        page = long_page()
        big = store.add_page(page, PageMeta("long_page.txt")).page_id
        other = store.add_page(sample_page(), PageMeta("sample_page.txt")).page_id
        pages = build(store, args.corpus) if args.corpus else 0
        store.close()
        window = MainWindow(
            database, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        )
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        nlp.jieba_module()  # as the window's warm-up thread does
        settle_memory()
        print(f"database of {pages + 2} pages")
        print(f"page of {len(page.lines)} lines, {len(window.store.load(big).articles)} articles")

        opens = []
        for _ in range(args.runs):
            window.open_page(other)
            app.processEvents()
            start = time.perf_counter()
            window.open_page(big)
            app.processEvents()  # until drawn, as the user sees it
            opens.append((time.perf_counter() - start) * 1000)
        report("open a 400-line page", opens, 50)

        editor = window.editor
        key = editor.segmentation.articles[2].blocks[-1].first
        editor.tree.select_items([], [key])
        saved_at: list[float] = []
        save = editor.store.save

        def timed_save(*args, **kwargs) -> None:
            save(*args, **kwargs)
            saved_at.append(time.perf_counter())

        editor.store.save = timed_save
        saved, shown = [], []
        for n in range(args.runs):
            action = window.actions["role_headline" if n % 2 == 0 else "role_body"]
            start = time.perf_counter()
            action.trigger()  # the key's action: edit, save, refresh the views
            app.processEvents()  # and paint them
            shown.append((time.perf_counter() - start) * 1000)
            saved.append((saved_at[-1] - start) * 1000)
        report("correction until saved", saved, 20)
        report("correction until repainted", shown, 50)
        saved, shown = [], []
        for _ in range(args.runs // 2):
            start = time.perf_counter()
            window.actions["split"].trigger()
            app.processEvents()
            shown.append((time.perf_counter() - start) * 1000)
            saved.append((saved_at[-1] - start) * 1000)
            window.undo_action.trigger()
            app.processEvents()
        report("split article until saved", saved, 20)
        report("split until repainted", shown, 50)
        window.close()


if __name__ == "__main__":
    main()
