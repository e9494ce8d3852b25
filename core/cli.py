"""The headless commands of `banmian`: one module per subcommand, found by name here.

Each command module defines `add_arguments(parser)` and `run(args) -> int` (the exit
code), so commands can be written and tested apart and this file never grows.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# subcommand → (module under banmian.core, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "segment": ("cli_segment", "propose the articles of a page file"),
    "eval": ("cli_eval", "score proposals against gold segmentations"),
    "import": ("cli_import", "import page files into the database"),
    "pages": ("cli_pages", "list the pages in the database"),
    "search": ("cli_search", "search the articles in the database"),
    "export": ("cli_export", "export articles as a corpus"),
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
            mod = importlib.import_module(f"banmian.core.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"banmian.core.{module}":
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
    """Run a parsed subcommand; a broken pipe (`banmian pages | head`) is not an error."""
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("banmian: interrupted", file=sys.stderr)
        return 130


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not args.command:
        build_parser().print_help()
        return 0
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
