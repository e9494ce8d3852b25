"""Hand out pages to a team: one database per annotator in OUT_DIR, holding its pages
with the pipeline's proposal, the tag vocabulary and the line models in use; a share of
pages (`--overlap`) goes to two annotators so that `banmian agree` can compare them.
Pages already handed out in an earlier batch are left out; no existing file is written
over."""

from __future__ import annotations

import argparse
import os

from banmian.core.corpus.paths import open_store
from banmian.core.corpus.store import STATUSES
from banmian.core.team.batch import make_batch


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", metavar="OUT_DIR", help="folder for the annotators' files")
    parser.add_argument("--annotators", required=True, help="comma-separated names, e.g. A,B,C")
    parser.add_argument(
        "--overlap",
        type=float,
        default=0.1,
        help="share of pages given to two annotators (default 0.1)",
    )
    parser.add_argument(
        "--status", choices=STATUSES, default="new", help="pages with this status (default new)"
    )


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    store.annotator = os.environ.get("BANMIAN_ANNOTATOR") or store.annotator
    try:
        report = make_batch(
            store, args.out_dir, args.annotators.split(","), args.overlap, args.status
        )
    finally:
        store.close()
    if not report.files:
        print(f"no {args.status} page left to hand out ({report.skipped} in earlier batches)")
        return 0
    print(report.summary())
    return 0
