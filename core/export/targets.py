"""What an export may write over, and writing so that no reader sees half a file.

An export never overwrites or deletes what it did not write itself (`check_target`):
a file target must be new or an earlier banmian export of that format, a TXT folder new,
empty or an earlier TXT export (listed in its `.banmian-export` marker), the open
database never. Formats write to a temporary path beside the target, renamed at the end;
the temporaries of an export that was killed are swept by the next one to that target.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from banmian.core.export import formats
from banmian.core.export.selection import ExportError

MARKER = ".banmian-export"  # in a TXT export's folder: the names banmian wrote there
_TEMPORARY = re.compile(r"^\.(?P<name>.*)\.(?P<pid>\d+)\.[^.]*\.(part|old)$")


def _temporary_prefix(out: Path) -> str:
    """`.NAME.PID.` (NAME cut so the temporary name fits where the target fits)."""
    name = out.name.encode("utf-8", "surrogateescape")[:120].decode("utf-8", "ignore")
    return f".{name}.{os.getpid()}."


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def sweep_temporaries(out: Path) -> list[Path]:
    """Remove what a killed export of `out` left beside it: banmian's own `.part` and
    `.old` names for this target, made by a process that no longer runs."""
    prefix = _temporary_prefix(out).rsplit(".", 2)[0] + "."
    removed = []
    try:
        siblings = list(out.parent.iterdir())
    except OSError:
        return removed
    for path in siblings:
        match = _TEMPORARY.match(path.name)
        if not match or not path.name.startswith(prefix) or _alive(int(match["pid"])):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


@contextmanager
def temporary_file(out: Path) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(dir=out.parent, prefix=_temporary_prefix(out), suffix=".part")
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(0o644)
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def temporary_folder(out: Path) -> Iterator[Path]:
    prefix = _temporary_prefix(out)
    temporary = Path(tempfile.mkdtemp(dir=out.parent, prefix=prefix, suffix=".part"))
    try:
        yield temporary
        (temporary / MARKER).write_text(
            json.dumps({"banmian_export": "txt", "files": sorted(os.listdir(temporary))}),
            "utf-8",
        )
        temporary.chmod(0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(dir=out.parent, prefix=prefix, suffix=".old"))
            os.replace(out, old / "previous")
            os.replace(temporary, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temporary, out)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _earlier_txt_export(folder: Path) -> bool:
    """An empty folder, or one holding only the files an earlier TXT export listed in
    its marker: nothing in it was put there by anyone else."""
    entries = {p.name: p for p in folder.iterdir()}
    if not entries:
        return True
    try:
        written = set(json.loads((folder / MARKER).read_text("utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return all(
        name == MARKER or (name in written and path.is_file() and not path.is_symlink())
        for name, path in entries.items()
    )


def _earlier_export_file(out: Path, fmt: str) -> bool:
    """Whether `out` is a file an earlier banmian export of this kind wrote (judged by
    its first bytes), so that writing over it loses nothing of anyone else's."""
    try:
        if out.stat().st_size == 0:
            return True
        with open(out, "rb") as handle:
            head = handle.read(1 << 16)
    except OSError:
        return False
    if fmt == "parquet":
        try:
            import pyarrow.parquet as pq

            return list(pq.read_schema(out).names) == list(formats.FIELDS)
        except Exception:
            return False
    text = head.decode("utf-8", "replace").removeprefix("\ufeff")
    first = text.split("\n", 1)[0].strip()
    if fmt == "csv":
        return first == ",".join(formats.FIELDS)
    try:
        row = json.loads(first)
    except ValueError:
        # a first line longer than what was read: still ours if it opens like ours
        return first.startswith('{"id": "') or first.startswith('{"source": ')
    keys = {"articles", "content_hash"} if fmt == "segmentation" else {"id", "source", "text"}
    return isinstance(row, dict) and keys <= set(row)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_target(out: Path, fmt: str, database: Path | None = None) -> None:
    """Refuse a target whose writing would destroy anything banmian did not write: the
    open database (or its -wal/-shm files), another file, a folder with other files."""
    if database is not None:
        companions = [Path(f"{database}{end}") for end in ("-wal", "-shm", "-journal")]
        for path in (database, *companions):
            if _same_file(out, path):
                raise ExportError(f"{out} is the database being exported; name another file")
    if fmt == "txt":
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} is a file; TXT export writes a folder of files")
        if out.is_dir() and not _earlier_txt_export(out):
            raise ExportError(
                f"{out} holds files other than an earlier TXT export; choose a new or "
                "empty folder (banmian never deletes files it did not write)"
            )
        return
    if out.is_dir():
        raise ExportError(f"{out} is a folder; name the {fmt} file to write")
    if out.exists() or out.is_symlink():
        if not out.is_file() or out.is_symlink():
            raise ExportError(f"{out} is not a regular file; name a new file")
        if not _earlier_export_file(out, fmt):
            raise ExportError(
                f"{out} exists and is not an earlier banmian {fmt} export; name a new file "
                "(banmian never overwrites a file it did not write)"
            )


def write_problem(out: Path, exc: OSError) -> ExportError:
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno == errno.ENAMETOOLONG:
        reason = "a file name is too long for this file system"
    else:
        reason = exc.strerror or str(exc)
    return ExportError(f"cannot write {out}: {reason}; nothing was written")
