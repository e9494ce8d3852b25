"""The headless commands of `banmian`: one module per subcommand, found by name here.

Each command module defines `add_arguments(parser)` and `run(args) -> int` (the exit
code), so commands can be written and tested apart and this file never grows.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import signal
import sqlite3
import sys
import threading

from banmian.core.corpus.database import DatabaseRefused
from banmian.core.corpus.store import StoreError

# subcommand → (module under banmian.core.cli, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "segment": ("segment", "propose the articles of a page file"),
    "eval": ("eval", "score proposals against gold segmentations"),
    "import": ("import_pages", "import page files into the database"),
    "pages": ("pages", "list the pages in the database"),
    "search": ("search", "search the articles in the database"),
    "export": ("export", "export articles as a corpus"),
    "link": ("link", "link the fragments of articles continued across pages"),
    "train": ("train", "learn a line model from the verified pages"),
    "models": ("models", "list the database's line models, or choose one"),
    "repropose": ("repropose", "propose the untouched new pages again with the model in use"),
    "batch": ("batch", "hand out pages to annotators, one database each"),
    "agree": ("agree", "measure how two annotators' databases agree"),
    "merge": ("merge", "bring annotators' verified and curated pages into the main database"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="banmian",
        description="Turn digitized Chinese newspaper pages into verified article corpora. "
        "Without a command, opens the annotation window.",
    )
    parser.add_argument(
        "--db", help="database file (default: banmian.db in the user's data folder)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        try:
            mod = importlib.import_module(f"banmian.core.cli.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"banmian.core.cli.{module}":
                raise
            continue
        cmd = sub.add_parser(name, help=help_text, description=(mod.__doc__ or help_text).strip())
        cmd.add_argument("--db", dest="db_sub", help=argparse.SUPPRESS)
        mod.add_arguments(cmd)
        cmd.set_defaults(run=mod.run)
    return parser


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if getattr(args, "db_sub", None):
        args.db = args.db_sub
    return args


def run(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; a broken pipe (`banmian pages | head`) is not an error.

    Whatever the files and disks do (a database refused, locked past the busy timeout or
    damaged, a full disk, a folder that cannot be written, a name too long), the user
    gets one line naming the problem and exit status 2, never a traceback."""
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("banmian: interrupted", file=sys.stderr)
        return 130
    except (DatabaseRefused, StoreError) as exc:
        print(f"banmian: {exc}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:
        print(f"banmian: {args.db or 'the database'}: {storage_problem(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"banmian: {os_problem(exc)}", file=sys.stderr)
        return 2


def storage_problem(exc: sqlite3.Error) -> str:
    """What an SQLite error means for the user, in a few words."""
    text = str(exc)
    if "full" in text:
        return "the disk is full; nothing of the last action was written"
    if "locked" in text or "busy" in text:
        return "another program kept the database locked too long; try again"
    if "readonly" in text or "read-only" in text:
        return "the database cannot be written (read-only file or disk)"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"the database is damaged ({text})"
    return text


def os_problem(exc: OSError) -> str:
    where = exc.filename if exc.filename is not None else ""
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno == errno.ENAMETOOLONG:
        reason = "file name too long for this file system"
    return f"{os.fsdecode(where)}: {reason}" if where else reason


def _terminate(signum: int, _frame: object) -> None:
    """SIGTERM runs the same clean-up as Ctrl+C (temporary export files removed)."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not args.command:
        build_parser().print_help()
        return 0
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    return run(args)
