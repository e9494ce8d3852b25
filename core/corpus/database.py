"""Opening an SQLite file as a banmian database, for what a command needs and no more.

A corpus is months of an annotator's work, and the file named by `--db` may be anything:
another program's SQLite file, a file from a newer banmian, a copy on a read-only disk,
a damaged file, a mistyped name. So:

- a command that only reads (`pages`, `search`, `export`) opens the file read-only: it
  never creates, migrates or converts it (no tables added, no WAL switched on);
- a file that is not SQLite, another application's SQLite file, or a file made by a newer
  banmian is refused with one line (`DatabaseRefused`) before anything is written;
- every write transaction starts with `BEGIN IMMEDIATE` (see `write_transaction`) and
  every connection waits up to `BUSY_TIMEOUT_MS` for another writer, so two imports and
  the window share one file by taking turns instead of failing with "database is locked".
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000
MIGRATION_SET = "banmian"


class DatabaseRefused(ValueError):
    """A file banmian will not open for this command; the message is one line saying why."""


def _refuse(path: Path, why: str) -> DatabaseRefused:
    return DatabaseRefused(f"{path}: {why}")


def _check_file(path: Path, must_exist: bool) -> bool:
    """Whether `path` exists; refuses what is not a regular SQLite file (or an empty one)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if must_exist:
            raise _refuse(path, "no such database") from None
        return False
    except OSError as exc:
        raise _refuse(path, exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(path, "not a database file (a folder or a device)")
    if info.st_size == 0:
        return True
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise _refuse(path, exc.strerror or str(exc)) from None
    if header != SQLITE_HEADER:
        raise _refuse(path, "not an SQLite database")
    return True


def connect(path: str | os.PathLike, *, readonly: bool, create: bool = True) -> Database:
    """A connection to the banmian database at `path`, checked (see `check_database`).

    `readonly`: opened with SQLite's read-only mode, never created or changed. Otherwise
    created when missing (if `create`), and refused when the file or its folder cannot be
    written (WAL needs its two companion files beside it).
    """
    path = Path(path)
    exists = _check_file(path, must_exist=readonly or not create)
    if readonly:
        db = _open_readonly(path)
    else:
        folder = path.parent if str(path.parent) else Path(".")
        if exists and not os.access(path, os.W_OK):
            raise _refuse(path, "read-only file; banmian needs to write to it for this")
        if not folder.exists():
            folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            raise _refuse(path, f"its folder {folder} cannot be written")
        try:
            # no sqlite-utils plugins: they serve its own command line, and looking them
            # up reads every installed package's metadata (60 ms an open)
            db = Database(
                sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000), execute_plugins=False
            )
        except sqlite3.Error as exc:
            raise _refuse(path, f"cannot open ({exc})") from None
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        check_database(db, path, readonly=readonly)
    except BaseException:
        db.close()
        raise
    return db


def _open_readonly(path: Path) -> Database:
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL file on a read-only disk has no -shm beside it and cannot get one: read
        # the file as it is (nobody can be writing where nothing can be written).
        if os.access(path.parent, os.W_OK):
            raise _refuse(path, "cannot be opened for reading") from None
        try:
            conn = sqlite3.connect(uri + "&immutable=1", uri=True)
        except sqlite3.Error as exc:
            raise _refuse(path, f"cannot open ({exc})") from None
    except sqlite3.Error as exc:
        raise _refuse(path, f"cannot open ({exc})") from None
    return Database(conn, execute_plugins=False)


def check_database(db: Database, path: Path, readonly: bool) -> None:
    """Refuse a damaged file, another application's file, or one from a newer banmian;
    for a read-only open also one that still needs migrating (reading cannot convert it)."""
    from banmian.core.corpus.schema import SCHEMA_VERSION, migrations

    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = db.execute("PRAGMA user_version").fetchone()[0]
        applied = (
            [
                r[0]
                for r in db.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            ]
            if "_sqlite_migrations" in tables
            else []
        )
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, f"damaged or not a database ({exc})") from None
    if not tables:
        if readonly:
            raise _refuse(path, "an empty file, not a banmian database yet")
        return  # a new file: the store creates its tables
    if not applied or "pages" not in tables:
        raise _refuse(path, "another application's SQLite file, not a banmian database")
    known = {m.name for m in migrations._migrations}
    if version > SCHEMA_VERSION or not set(applied) <= known:
        raise _refuse(
            path,
            f"made by a newer banmian (schema {max(version, len(applied))}, this one reads "
            f"up to {SCHEMA_VERSION}); update banmian to open it",
        )
    if readonly and len(applied) < len(known):
        raise _refuse(
            path,
            f"made by an older banmian (schema {len(applied)}); open it in the window or "
            "import into it once to bring it up to date",
        )


@contextmanager
def write_transaction(db: Database) -> Iterator[None]:
    """One write transaction that takes the write lock at its start (`BEGIN IMMEDIATE`).

    A deferred transaction that reads and then writes cannot wait for another writer:
    SQLite refuses it at once with "database is locked". Taking the lock first makes it
    wait (up to the busy timeout) like any other writer. Nested use is a savepoint.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
