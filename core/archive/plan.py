"""An archive cut into shards: which page files go together into one Parquet file.

A shard holds the pages of one newspaper and one month, a few hundred at most, so that
`banmian import SHARDS/ --since … --only-newspaper …` opens only the shards it needs, a
lost worker costs one shard of work, and a rerun can tell a finished shard from one still
to do by its name and the files it was made from (their names, sizes and times: the
shard's key). The plan is a pure function of the file list, so every run of the same
archive cuts the same shards.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from banmian.core.corpus.importer import page_files
from banmian.core.page.files import readable_path
from banmian.core.page.meta import meta_from_path

SHARD_PAGES = 200  # pages a shard holds at most: ~4 MB of Parquet, a minute of one core
_UNSAFE = re.compile(r"[^\w\-]+")


@dataclass(frozen=True)
class ShardSpec:
    """What one shard is made of; sent to the worker that writes it."""

    name: str  # file name without .parquet, unique in the plan
    newspaper: str
    month: str  # YYYY-MM, or '' for undated pages
    first_date: str
    last_date: str
    files: tuple[tuple[str, str], ...]  # (page file, the folder it was found under)
    key: str  # digest of the files' names, sizes and modification times

    @property
    def pages(self) -> int:
        return len(self.files)


def plan_shards(paths: Iterable[str | Path], size: int = SHARD_PAGES) -> list[ShardSpec]:
    """The shards of the page files under `paths` (`*.txt`, recursively, as import finds
    them), grouped by newspaper and month, in path order within each group."""
    size = max(1, size)
    found = []
    for path, root in page_files(paths):
        meta = meta_from_path(readable_path(path), readable_path(root))
        found.append((meta.newspaper, meta.date[:7], meta.date, str(path), str(root)))
    found.sort()
    specs: list[ShardSpec] = []
    taken: set[str] = set()
    for (newspaper, month), group in groupby(found, key=lambda f: (f[0], f[1])):
        pages = list(group)
        base = shard_name(newspaper, month)
        while base in taken:  # two newspapers whose names differ only in unsafe characters
            base += "+"
        taken.add(base)
        for part, start in enumerate(range(0, len(pages), size)):
            chunk = pages[start : start + size]
            dates = sorted(p[2] for p in chunk if p[2])
            files = tuple((p[3], p[4]) for p in chunk)
            specs.append(
                ShardSpec(
                    name=f"{base}_{part:04d}",
                    newspaper=newspaper,
                    month=month,
                    first_date=dates[0] if dates else "",
                    last_date=dates[-1] if dates else "",
                    files=files,
                    key=files_key(files),
                )
            )
    return specs


def shard_name(newspaper: str, month: str) -> str:
    """A file name any file system takes; the newspaper's own name is inside the shard."""
    paper = _UNSAFE.sub("_", newspaper).strip("_")[:48] or "unnamed"
    return f"{paper}_{month or 'undated'}"


def files_key(files: Iterable[tuple[str, str]]) -> str:
    """Changes when a file of the shard is added, removed, renamed or rewritten; not when
    the archive is named another way (`in`, `/data/in`) or moved whole."""
    digest = hashlib.sha256()
    for path, root in files:
        try:
            info = os.stat(path)
            stamp = f"{info.st_size}\t{info.st_mtime_ns}"
        except OSError:
            stamp = "missing"
        # the name under its root: the same archive reached by another path is the same
        name = os.path.relpath(path, root)
        digest.update(f"{name}\t{stamp}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]
