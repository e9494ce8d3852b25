"""Chosen shards into an annotation database, without segmenting again.

The shards hold the rows `banmian import` would write, so loading them is import's
writing half alone: the same `Store.add_pages` in batches of whole pages (a page already
in the database is a duplicate, as in a direct import, so a load can be repeated), then
the same linking of articles continued across pages. Shards are chosen by their
metadata first (newspaper, first and last date), so a month of one newspaper out of an
archive of decades opens only that month's shards; pages are then chosen one by one.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from banmian.core.archive.shards import (
    SUFFIX,
    ShardInfo,
    new_page_of,
    shard_files,
    shard_info,
    shard_rows,
)
from banmian.core.corpus.importer import ImportReport, PageWriter, Progress
from banmian.core.corpus.store import Store

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ChoiceError(ValueError):
    """A choice of shards that cannot be made as asked; the message says what to change."""


@dataclass(frozen=True)
class ShardChoice:
    """Which pages to load: dated within [since, until] (undated pages only without
    dates), of one of `newspapers` (any when empty)."""

    since: str | None = None
    until: str | None = None
    newspapers: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for what, text in (("--since", self.since), ("--until", self.until)):
            if text is None:
                continue
            try:
                if not _ISO_DATE.match(text):
                    raise ValueError
                date.fromisoformat(text)
            except ValueError:
                raise ChoiceError(
                    f"{what} {text!r} is not a date; write it as YYYY-MM-DD"
                ) from None
        if self.since and self.until and self.since > self.until:
            raise ChoiceError(f"--since {self.since} is after --until {self.until}")

    def may_hold(self, info: ShardInfo) -> bool:
        """Whether the shard can hold a chosen page, by its metadata alone."""
        if self.newspapers and info.newspaper not in self.newspapers:
            return False
        if (self.since or self.until) and not info.last_date:
            return False
        if self.since and info.last_date < self.since:
            return False
        return not (self.until and info.first_date > self.until)

    def takes(self, row: dict) -> bool:
        if self.newspapers and row["newspaper"] not in self.newspapers:
            return False
        day = row["date"] or ""
        if (self.since or self.until) and not day:
            return False
        if self.since and day < self.since:
            return False
        return not (self.until and day > self.until)


def is_shard_folder(path: str | Path) -> bool:
    """A folder that `banmian segment --out` wrote: it holds Parquet shards."""
    path = Path(path)
    if path.is_file():
        return path.suffix == SUFFIX
    return path.is_dir() and bool(shard_files(path))


def import_shards(
    store: Store,
    paths: Iterable[str | Path],
    choice: ShardChoice | None = None,
    progress: Progress | None = None,  # shards read, shards chosen, current shard
    cancel: threading.Event | None = None,
) -> ImportReport:
    """Load the chosen pages of the shards in `paths` (folders of shards, or shard
    files); a file that is no banmian shard is reported failed, the rest go on."""
    choice = choice or ShardChoice()
    report = ImportReport()
    chosen: list[Path] = []
    for raw in paths:
        path = Path(raw)
        for shard in shard_files(path) if path.is_dir() else [path]:
            info = shard_info(shard)
            if info is None:
                report.failed.append((str(shard), "not a banmian shard (or damaged)"))
            elif choice.may_hold(info):
                chosen.append(shard)
    writer = PageWriter(store, report)
    for done, shard in enumerate(chosen, 1):
        for row in shard_rows(shard):
            if not choice.takes(row):
                continue
            if row["error"]:
                report.failed.append((row["file"], row["error"]))
                continue
            writer.add(row["file"], new_page_of(row))
        if progress:
            progress(done, len(chosen), shard.name)
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
    return writer.finish()
