"""Search the articles of the database by words (jieba-aware full-text search)."""

from __future__ import annotations

import argparse
import sys

from banmian.core.corpus.paths import open_store
from banmian.core.corpus.search import MAX_LIMIT, SearchError
from banmian.core.corpus.store import page_place


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", help="words to find (any text is safe)")
    parser.add_argument(
        "--limit", type=_limit, default=20, help=f"most articles to list (1–{MAX_LIMIT})"
    )
    parser.add_argument(
        "--syntax", action="store_true", help="pass SQLite FTS5 query syntax through"
    )


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"give a number from 1 to {MAX_LIMIT}")
    return value


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db, readonly=True)
    try:
        hits = store.search(" ".join(args.query), limit=args.limit, syntax=args.syntax)
    except SearchError as exc:
        print(f"banmian: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    for hit in hits:
        where = page_place(hit.newspaper, hit.date, hit.page_no)
        print(f"page {hit.page_id} {hit.article_id}  {where}  {hit.title or '(no headline)'}")
        print(f"    {hit.snippet}")
    print(f"{len(hits)} articles", file=sys.stderr)
    return 0
