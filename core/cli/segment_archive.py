"""`banmian segment DIR --out SHARDS/`: the archive half of the segment command.

Kept apart from segment.py, whose single page file needs neither Dask nor Parquet: the
options, the progress line and the summary of an archive run (archive.run does the work).
"""

from __future__ import annotations

import argparse
import sys
import time

from banmian.core.archive.plan import SHARD_PAGES
from banmian.core.archive.run import MissingDask, SchedulerUnreachable, segment_archive
from banmian.core.archive.shards import ShardError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("a whole archive (needs pip install -e '.[archive]')")
    group.add_argument(
        "--out",
        metavar="SHARDS",
        default=None,
        help="segment every page file under FILE (a folder) into Parquet shards in this "
        "folder; a rerun skips the shards already written",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="a Dask scheduler (tcp://host:8786) whose workers see the same paths "
        "(default: a local cluster of worker processes)",
    )
    group.add_argument(
        "--workers", type=int, default=None, help="local worker processes (default: one per core)"
    )
    group.add_argument(
        "--shard-pages",
        type=int,
        default=SHARD_PAGES,
        metavar="N",
        help=f"pages a shard holds at most (default: {SHARD_PAGES})",
    )
    group.add_argument("--quiet", action="store_true", help="no progress on stderr")


class ShardProgress:
    """Shards and pages done and the rate: a redrawn line on a terminal, else a line
    every ten seconds (a log of a run on a cluster)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.start = time.monotonic()
        self.last = 0.0

    def __call__(self, shards: int, total: int, pages: int, total_pages: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < (0.2 if self.tty else 10) and shards < total):
            return
        self.last = now
        rate = pages / max(now - self.start, 1e-6)
        line = f"shards {shards}/{total}, pages {pages}/{total_pages}, {rate:.1f} pages/s"
        if self.tty:
            print(f"\r{line}", end="\n" if shards >= total else "", file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    if args.json:
        print("banmian: --json prints one page; the shards hold its JSON", file=sys.stderr)
        return 2
    try:
        report = segment_archive(
            [args.file],
            args.out,
            scheduler=args.scheduler,
            workers=args.workers,
            shard_pages=args.shard_pages,
            progress=ShardProgress(not args.quiet),
        )
    except (MissingDask, SchedulerUnreachable, ShardError) as exc:
        print(f"banmian: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "\nbanmian: interrupted; the shards written so far are whole, a rerun does the rest",
            file=sys.stderr,
        )
        return 130
    for path, reason in report.failed:
        print(f"failed: {path}: {reason}", file=sys.stderr)
    for shard, reason in report.broken:
        print(f"shard not written: {shard}: {reason}", file=sys.stderr)
    print(report.summary())
    return 2 if report.failed or report.broken else 0
