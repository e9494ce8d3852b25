"""Import page files and folders (recursive *.txt) into the database, segmenting each."""

from __future__ import annotations

import argparse
import shutil
import sys
import time

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


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    try:
        report = import_paths(
            store,
            args.paths,
            workers=args.workers,
            progress=ProgressBar(not args.quiet),
            newspaper=args.newspaper,
        )
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
