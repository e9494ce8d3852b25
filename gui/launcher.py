"""The `banmian` command: a subcommand runs headless, no command opens the window.

Qt is imported only on the window's path so that `banmian segment` and friends start fast
and work on machines with no display.
"""

from __future__ import annotations

import argparse
import ctypes.util
import os
import sys

from banmian.core.cli import main as cli

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
        missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if not ctypes.util.find_library(lib)]
        if missing:
            return (
                "banmian: the window needs system libraries that are missing: "
                f"sudo apt install {' '.join(missing)}"
            )
    return ""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window_options = argparse.ArgumentParser(add_help=False)
    window_options.add_argument("--annotator")
    known, rest = window_options.parse_known_args(argv)
    args = cli.parse(rest)
    if args.command:
        return cli.run(args)
    problem = window_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from banmian.gui.app import run_window

    return run_window(args.db, known.annotator)


if __name__ == "__main__":
    sys.exit(main())
