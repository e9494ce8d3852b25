"""The corpus at a glance: each page's date, number, articles, status and last edit."""

from __future__ import annotations

import argparse

from banmian.core.corpus.paths import open_store
from banmian.core.corpus.store import STATUSES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", choices=STATUSES, help="only pages with this status")


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db, readonly=True)
    try:
        pages = store.pages(args.status)
    finally:
        store.close()
    header = (
        "id",
        "date",
        "page",
        "newspaper",
        "articles",
        "doubts",
        "status",
        "last edit",
        "source",
    )
    rows = [
        (
            str(p.id),
            p.date,
            p.page_no,
            p.newspaper,
            str(p.articles),
            str(p.doubts),
            p.status,
            p.updated_at[:16].replace("T", " "),
            p.source,
        )
        for p in pages
    ]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(
                cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)
            ).rstrip()
        )
    verified = sum(p.status == "verified" for p in pages)
    print(f"{len(pages)} pages, {verified} verified")
    return 0


def _width(text: str) -> int:
    """Terminal cells: CJK characters take two."""
    return sum(1 if ch.isascii() else 2 for ch in text)
