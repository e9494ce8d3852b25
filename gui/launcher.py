"""The `banmian` command: a subcommand runs headless, no command opens the window.

Qt is imported only on the window's path so that `banmian segment` and friends start fast
and work on machines with no display; and the window's path (`banmian`, `banmian --db
FILE`) never builds the commands' parser, which imports every command's module (the
segmenter, the importer, the exporters): the window must be up within a second.
"""

from __future__ import annotations

import argparse
import os
import sys

# What Qt's xcb platform needs beyond PySide6's wheel (Debian/Ubuntu package names).
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
}


def window_problem(environ: dict[str, str] | None = None) -> str:
    """Why the window cannot open here, in one line (empty: it can), checked before Qt
    aborts the process over it."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return ""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return ""  # offscreen, wayland, vnc …: Qt's own business
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return (
            "banmian: no display to open the window on (DISPLAY is not set); "
            "the commands (`banmian --help`) work without one"
        )
    if platform.startswith("xcb") or not environ.get("WAYLAND_DISPLAY"):
        import ctypes.util  # 30 ms of imports: only where the answer depends on it

        missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if not ctypes.util.find_library(lib)]
        if missing:
            return (
                "banmian: the window needs system libraries that are missing: "
                f"sudo apt install {' '.join(missing)}"
            )
    return ""


def _options(*names: str) -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(prog="banmian", add_help=False)
    for name in names:
        options.add_argument(name)
    return options


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    known, rest = _options("--annotator", "--db").parse_known_args(argv)
    if rest:  # a command, --help, or a mistake: the commands' parser says which
        from banmian.core.cli import main as cli

        _annotator, rest = _options("--annotator").parse_known_args(argv)
        args = cli.parse(rest)
        if args.command:
            return cli.run(args)
        known.db = args.db
    problem = window_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from banmian.gui.app import run_window

    return run_window(known.db, known.annotator)


if __name__ == "__main__":
    sys.exit(main())
