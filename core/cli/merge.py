"""Bring the annotators' verified and curated pages back into the main database, each
with its annotator and edit log. A page two files verified differently and nobody
curated, or one changed in the main database since it was handed out, is listed and
left as it is (exit status 1), and so is a link between pages set differently; the
links annotators set on merged pages come along. A page the main database does not
hold is listed (`not in main: …`), never added. Running the same merge again changes
nothing. The merge is logged under BANMIAN_ANNOTATOR, else the user's login name."""

from __future__ import annotations

import argparse
import os

from banmian.core.corpus.store import Store
from banmian.core.team.merge import merge


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("main", metavar="MAIN.db", help="the database the batches came from")
    parser.add_argument("files", metavar="ANNOTATOR.db", nargs="+", help="annotators' files")


def run(args: argparse.Namespace) -> int:
    main = Store(args.main, os.environ.get("BANMIAN_ANNOTATOR"), create=False)
    sources: list[Store] = []
    try:
        for path in args.files:
            sources.append(Store(path, readonly=True))
        report = merge(main, sources)
    finally:
        for source in sources:
            source.close()
        main.close()
    print(report.summary())
    return 1 if report.left_alone else 0
