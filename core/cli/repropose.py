"""Propose again, with the model in use, every page whose status is `new` and that no
annotator has touched (no correction, note, tag or status change in its edit log)."""

from __future__ import annotations

import argparse
import sys

from banmian.core.corpus.paths import open_store
from banmian.core.corpus.repropose import repropose


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)

    def progress(done: int, total: int, text: str) -> None:
        if not args.quiet:
            print(f"\r{done}/{total}  {text}", end="", file=sys.stderr, flush=True)

    try:
        report = repropose(store, progress)
    finally:
        store.close()
    if not args.quiet:
        print(file=sys.stderr)
    print(report.summary())
    return 0
