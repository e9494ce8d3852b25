"""The team commands as the team tests run them: `banmian batch` and `merge` as
subprocesses, and a database file's whole content to compare runs by."""

from __future__ import annotations

import sqlite3

from tests.cli_run import banmian


def batch(tmp_path, *names: str, overlap: str = "1.0") -> dict[str, object]:
    """Batch `tmp_path/main.db` to `names` (every page to each by default): their files."""
    run = banmian(
        "batch",
        "--db",
        str(tmp_path / "main.db"),
        "--annotators",
        ",".join(names),
        "--overlap",
        overlap,
        str(tmp_path / "out"),
    )
    assert run.returncode == 0, run.stderr
    return {name: tmp_path / "out" / f"{name}.db" for name in names}


def merge(tmp_path, *files) -> object:
    return banmian("merge", str(tmp_path / "main.db"), *(str(f) for f in files))


def dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
