"""Import page files and folders (recursive *.txt) into the database, segmenting each;
or the pages of shards that `banmian segment DIR --out SHARDS/` wrote, without segmenting."""

from __future__ import annotations

import argparse
import shutil
import sys
import time

from banmian.core.archive.load import ChoiceError, ShardChoice, import_shards, is_shard_folder
from banmian.core.archive.shards import ShardError
from banmian.core.corpus.importer import import_paths
from banmian.core.corpus.paths import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="page files or folders")
    parser.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per core)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--newspaper",
        default=None,
        help="the newspaper of every imported page (default: from each file's path or sidecar)",
    )
    shards = parser.add_argument_group("shards (a folder `banmian segment --out` wrote)")
    shards.add_argument("--since", metavar="DATE", help="only pages dated on or after (YYYY-MM-DD)")
    shards.add_argument("--until", metavar="DATE", help="only pages dated on or before")
    shards.add_argument(
        "--only-newspaper",
        metavar="NAME",
        action="append",
        default=[],
        help="only this newspaper's pages (repeat for several)",
    )


class ProgressBar:
    """A one-line bar on stderr, redrawn at most ten times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.last = 0.0
        self.start = time.monotonic()

    def __call__(self, done: int, total: int, current: str) -> None:
        if not self.enabled or (time.monotonic() - self.last < 0.1 and done < total):
            return
        self.last = time.monotonic()
        width = max(10, min(40, shutil.get_terminal_size().columns - 40))
        filled = int(width * done / total) if total else width
        rate = done / max(time.monotonic() - self.start, 1e-6)
        print(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.0f} pages/s",
            end="",
            file=sys.stderr,
        )
        if done == total:
            print(file=sys.stderr)


class ShardBar:
    """Shards read so far, on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, done: int, total: int, current: str) -> None:
        if self.enabled:
            end = "\n" if done >= total else ""
            print(f"\rshards {done}/{total} {current[:40]:<40}", end=end, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from_shards = [is_shard_folder(p) for p in args.paths]
    choosing = bool(args.since or args.until or args.only_newspaper)
    if any(from_shards) and not all(from_shards):
        print("banmian: import shards and page files in two runs", file=sys.stderr)
        return 2
    if (choosing and not all(from_shards)) or (args.newspaper and all(from_shards)):
        print(
            "banmian: --since, --until and --only-newspaper choose pages of shards; "
            "--newspaper names page files' newspaper",
            file=sys.stderr,
        )
        return 2
    try:
        choice = ShardChoice(args.since, args.until, frozenset(args.only_newspaper))
    except ChoiceError as exc:
        print(f"banmian: {exc}", file=sys.stderr)
        return 2
    store = open_store(args.db)
    try:
        if all(from_shards):
            report = import_shards(store, args.paths, choice, ShardBar(not args.quiet))
        else:
            report = import_paths(
                store,
                args.paths,
                workers=args.workers,
                progress=ProgressBar(not args.quiet),
                newspaper=args.newspaper,
            )
    except ShardError as exc:
        print(f"banmian: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nbanmian: import interrupted; the pages written so far are whole", file=sys.stderr)
        return 130
    finally:
        store.close()
    for path, original in report.duplicates:
        print(f"duplicate: {path} (same page as {original})", file=sys.stderr)
    for path, reason in report.failed:
        print(f"failed: {path}: {reason}", file=sys.stderr)
    print(report.summary())
    return 2 if report.failed else 0
