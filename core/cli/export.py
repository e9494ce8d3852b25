"""Export the articles of the database as a corpus: JSONL, CSV, a folder of TXT files,
Parquet, or the page segmentations themselves. Only verified pages unless --status any."""

from __future__ import annotations

import argparse
import sys
import time

from banmian.core.corpus.paths import open_store
from banmian.core.export.articles import (
    FILTER_STATUSES,
    FORMATS,
    ExportError,
    ExportFilters,
    export_articles,
    format_for,
)
from banmian.core.export.formats import MissingDependency


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="file to write (a folder for --format txt)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="default: from OUT (.csv, .parquet, an existing folder for txt), else jsonl",
    )
    parser.add_argument(
        "--status",
        choices=FILTER_STATUSES,
        default="verified",
        help="pages to take by status (default: verified)",
    )
    parser.add_argument("--tag", help="only articles with this accepted tag")
    parser.add_argument("--since", metavar="DATE", help="only pages dated on or after (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="only pages dated on or before")
    parser.add_argument(
        "--fragments",
        action="store_true",
        help="one record per fragment as each page holds it, not per whole article "
        "(articles continued across pages are linked by `banmian link`)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


class Progress:
    """`done/total` on stderr when it is a terminal, redrawn at most five times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or (time.monotonic() - self.last < 0.2 and done < total):
            return
        self.last = time.monotonic()
        print(f"\rexporting {done}/{total}", end="\n" if done >= total else "", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    try:
        filters = ExportFilters(args.status, args.tag, args.since, args.until)
    except ExportError as exc:
        print(f"banmian: {exc}", file=sys.stderr)
        return 2
    fmt = args.format or format_for(args.out)
    store = open_store(args.db, readonly=True)
    try:
        result = export_articles(
            store, args.out, fmt, filters, Progress(not args.quiet), fragments=args.fragments
        )
    except (ExportError, MissingDependency) as exc:
        print(f"banmian: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    if not result.count:
        print(f"nothing to export ({filters.describe()})")
        return 0
    unit = "pages" if fmt == "segmentation" else "articles"
    print(f"exported {result.count} {unit} to {result.path} ({fmt})")
    return 0
