"""Learn from the verified pages of the database: fit the line model to them (with the
base data that ships with banmian), check it by cross-validation against the model in
use, and use it only if it makes fewer fixes per page. Ctrl+C cancels; nothing is stored
then.

A newspaper with 20 verified pages or more gets a model of its own; the other pages
train one model for the whole database. `--newspaper NAME` trains only that paper's.
"""

from __future__ import annotations

import argparse
import sys

from banmian.core.corpus.learning import FOLDS, ITERATIONS, BaseData, Cancelled, learn
from banmian.core.corpus.paths import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--newspaper", help="train the model of this newspaper only")
    parser.add_argument("--iterations", type=int, default=ITERATIONS, help=argparse.SUPPRESS)
    parser.add_argument("--folds", type=int, default=FOLDS, help=argparse.SUPPRESS)
    parser.add_argument("--no-base", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    shown = [-1]

    def progress(done: int, total: int, text: str) -> None:
        percent = done * 100 // max(total, 1)
        if not args.quiet and percent != shown[0]:
            shown[0] = percent
            print(f"\r{percent:3d}%  {text[:60]:<60}", end="", file=sys.stderr, flush=True)

    try:
        outcomes = learn(
            store,
            args.newspaper,
            progress,
            iterations=args.iterations,
            folds=args.folds,
            base=BaseData((), "no base data") if args.no_base else None,
        )
    except Cancelled:
        print("\nbanmian: training cancelled; nothing stored", file=sys.stderr)
        return 130
    finally:
        store.close()
    if not args.quiet:
        print(file=sys.stderr)
    for outcome in outcomes:
        if outcome.model_id is None:
            print(f"{outcome.scope}: {outcome.reason}")
            continue
        state = "in use" if outcome.used else "kept aside"
        print(
            f"{outcome.scope}: model {outcome.model_id} {state} ({outcome.seconds:.0f} s): "
            f"{outcome.reason}"
        )
    return 0
