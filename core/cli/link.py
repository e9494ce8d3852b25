"""Link the fragments of articles continued across pages (`（下转第二版）` on page 1,
`（上接第一版）` on page 2): a sure link is stored, an unsure one becomes a doubt on the
fragment, and a mark whose page is not in the corpus is listed (`--missing`)."""

from __future__ import annotations

import argparse

from banmian.core.corpus.links import link_issues, missing_marks
from banmian.core.corpus.paths import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--missing",
        action="store_true",
        help="only list the marks whose page is not in the corpus (reads, links nothing)",
    )
    parser.add_argument("--verbose", action="store_true", help="list every link and doubt")


def run(args: argparse.Namespace) -> int:
    if args.missing:
        store = open_store(args.db, readonly=True)
        try:
            marks = missing_marks(store)
        finally:
            store.close()
        for mark in marks:
            print(mark.describe())
        print(f"{len(marks)} marks name a page that is not in the corpus")
        return 0
    store = open_store(args.db)
    try:
        report = link_issues(store)
    finally:
        store.close()
    if args.verbose:
        for c in report.linked:
            print(f"{c.head.date} {c.head.ref} → {c.tail.ref}  {c.score:.2f}")
        for frag, found in report.doubtful:
            options = ", ".join(
                f"{c.tail.ref if c.head is frag else c.head.ref} {c.score:.2f}" for c in found
            )
            print(f"{frag.date} {frag.ref}: unsure ({options or 'no candidate'})")
    print(report.summary())
    return 0
