"""Export throughput on a large generated database.

Run on demand: `python tests/bench/bench_export.py [--articles 100000] [--db FILE]`.
The database is built from the sample page, segmented and tokenised once and stored
again and again under new page texts (a trailing line makes each hash differ), so the
build costs only the writes. Target: ≥ 10,000 articles/s for JSONL.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.corpus.rows import (  # noqa: E402
    NewPage,
    content_hash,
    search_words,
    segmentation_rows,
)
from banmian.core.corpus.store import PageMeta, Store  # noqa: E402
from banmian.core.export.articles import ExportFilters, export_articles  # noqa: E402
from banmian.core.page.model import Block, Page, Role  # noqa: E402
from banmian.core.segmentation.segmenter import segment_page  # noqa: E402
from banmian.core.words.tagging import with_suggestions  # noqa: E402

NEWSPAPERS = ["西海岸新闻", "青岛日报", "半岛都市报"]


def build(store: Store, articles: int, batch: int = 500) -> int:
    """Pages until the database holds `articles` articles; returns the page count."""
    text = resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")
    page = Page.from_text(text, "sample_page.txt")
    segmentation = with_suggestions(segment_page(page))
    words = search_words(segmentation)
    pages = -(-articles // len(segmentation.articles))
    start = date(2020, 1, 1)
    for first in range(0, pages, batch):
        rows = []
        for n in range(first, min(first + batch, pages)):
            variant = Page(f"p{n}.txt", (*page.lines, f"第{n}版"))
            folio = Block(Role.NOISE, len(variant.lines), len(variant.lines), f"第{n}版")
            stored = replace(
                segmentation, page=variant, unassigned=(*segmentation.unassigned, folio)
            )
            meta = PageMeta(
                f"{NEWSPAPERS[n % 3]}/p{n}.txt",
                NEWSPAPERS[n % 3],
                (start + timedelta(days=n // 8)).isoformat(),
                str(1 + n % 8),
            )
            if n == first:
                stored.check()
            rows.append(
                NewPage(variant.text, meta, segmentation_rows(stored), words, content_hash(variant))
            )
        store.add_pages(rows)
    store.db.execute("UPDATE pages SET status = 'verified'")
    store.db.conn.commit()
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", help="keep the database here (reused if it exists)")
    parser.add_argument("--formats", default="jsonl,csv", help="comma-separated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.db"
        fresh = not path.exists()
        store = Store(path)
        if fresh:
            started = time.perf_counter()
            pages = build(store, args.articles)
            print(f"built {pages} pages in {time.perf_counter() - started:.1f} s")
        (total,) = store.db.execute("SELECT count(*) FROM articles").fetchone()
        print(f"database: {total} articles")
        for fmt in args.formats.split(","):
            out = Path(tmp) / f"export.{fmt}"
            started = time.perf_counter()
            result = export_articles(store, out, fmt, ExportFilters())
            elapsed = time.perf_counter() - started
            size = out.stat().st_size / 1e6 if out.is_file() else 0
            print(
                f"{fmt:>8}: {result.count} articles in {elapsed:.1f} s = "
                f"{result.count / elapsed:,.0f} articles/s ({size:.0f} MB)"
                + ("  (target ≥ 10,000)" if fmt == "jsonl" else "")
            )
        store.close()


if __name__ == "__main__":
    main()
