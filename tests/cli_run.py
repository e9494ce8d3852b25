"""The `banmian` command line run as a person runs it: a subprocess."""

from __future__ import annotations

import subprocess
import sys


def banmian(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "banmian.core.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,
    )
