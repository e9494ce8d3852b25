"""The `banmian` command: a subcommand runs headless, no command opens the window.

Qt is imported only on the window's path so that `banmian segment` and friends start fast
and work on machines with no display.
"""

from __future__ import annotations

import sys

from banmian.core import cli


def main(argv: list[str] | None = None) -> int:
    args = cli.parse(argv)
    if args.command:
        return cli.run(args)
    from banmian.gui.app import run_window

    return run_window(args.db)


if __name__ == "__main__":
    sys.exit(main())
