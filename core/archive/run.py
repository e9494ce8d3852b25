"""Segment an archive into shards on Dask: local processes, or a cluster's scheduler.

The shards still to do (see plan and shards: a shard is done when its file is there and
was made from the same files) go to Dask as a bag of one shard per partition; each task
prepares its pages with corpus.preparation.prepare, the function `banmian import` runs in
its workers, and writes its shard. Without an address a local cluster of worker
processes runs them; with one (`tcp://host:8786`) the same tasks go to that scheduler's
workers, which need banmian installed and the archive and the output folder at the same
paths (a shared file system). Dask is optional: without it the run stops before any
work with a one-line hint.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from banmian.core.archive.plan import SHARD_PAGES, ShardSpec, plan_shards
from banmian.core.archive.shards import (
    SUFFIX,
    ShardInfo,
    page_row,
    remove_leftovers,
    shard_info,
    write_shard,
)
from banmian.core.corpus.preparation import prepare

DASK_HINT = (
    "the archive needs Dask: pip install -e '.[archive]'  (or: pip install 'dask[distributed]')"
)


class MissingDask(RuntimeError):
    """Dask (with its distributed scheduler) is not installed; the message says how."""


class SchedulerUnreachable(RuntimeError):
    """The scheduler named by --scheduler did not answer."""


@dataclass(frozen=True)
class ShardDone:
    """What a worker reports back: never the pages themselves, they are in the shard."""

    name: str
    pages: int
    failed: tuple[tuple[str, str], ...]  # (file, why)
    seconds: float


# done shards, shards to do, pages done, pages to do
Progress = Callable[[int, int, int, int], None]


@dataclass
class ArchiveReport:
    shards: int = 0  # in the plan
    skipped: int = 0  # finished by an earlier run, left as they are
    written: list[str] = field(default_factory=list)
    pages: int = 0  # prepared by this run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (page file, why)
    broken: list[tuple[str, str]] = field(default_factory=list)  # (shard, why it is not done)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        text = (
            f"{len(self.written)} shards written, {self.skipped} already done "
            f"(of {self.shards}); {self.pages} pages in {self.seconds:.1f} s "
            f"({self.rate:.1f} pages/s), failed {len(self.failed)}"
        )
        return text + (f", {len(self.broken)} shards not done" if self.broken else "")


def make_shard(spec: ShardSpec, out: str) -> ShardDone:
    """Prepare every page of the shard and write it (runs on a Dask worker)."""
    start = time.monotonic()
    rows = [page_row(prepare((Path(f), Path(r)), keep_segmentation=True)) for f, r in spec.files]
    failed = tuple((r["file"], r["error"]) for r in rows if r["error"])
    info = ShardInfo(
        spec.name,
        spec.key,
        spec.newspaper,
        spec.month,
        spec.first_date,
        spec.last_date,
        len(rows),
        len(failed),
    )
    write_shard(Path(out) / f"{spec.name}{SUFFIX}", info, rows)
    return ShardDone(spec.name, len(rows), failed, time.monotonic() - start)


def is_done(out: Path, spec: ShardSpec) -> bool:
    """The shard's file is there, whole, and made from the same files."""
    path = out / f"{spec.name}{SUFFIX}"
    if not path.exists():
        return False
    info = shard_info(path)
    return info is not None and info.key == spec.key


def segment_archive(
    paths: Iterable[str | Path],
    out: str | Path,
    scheduler: str | None = None,
    workers: int | None = None,
    shard_pages: int = SHARD_PAGES,
    progress: Progress | None = None,
) -> ArchiveReport:
    """Write the shards of the page files under `paths` into `out`, skipping those an
    earlier run finished; see ArchiveReport for what happened."""
    require_dask()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    specs = plan_shards(paths, shard_pages)
    todo = [s for s in specs if not is_done(out, s)]
    report = ArchiveReport(shards=len(specs), skipped=len(specs) - len(todo))
    total_pages = sum(s.pages for s in todo)
    start = time.monotonic()
    if progress:
        progress(0, len(todo), 0, total_pages)
    for done in _on_dask(todo, out, scheduler, workers or multiprocessing.cpu_count() or 1):
        if isinstance(done, ShardDone):
            report.written.append(done.name)
            report.pages += done.pages
            report.failed += done.failed
        else:
            report.broken.append(done)
        if progress:
            progress(len(report.written) + len(report.broken), len(todo), report.pages, total_pages)
    report.seconds = time.monotonic() - start
    return report


def require_dask() -> None:
    """Raise MissingDask now, before any work, when Dask cannot run the archive."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise MissingDask(DASK_HINT) from None


def _on_dask(
    todo: list[ShardSpec], out: Path, scheduler: str | None, workers: int
) -> Iterator[ShardDone | tuple[str, str]]:
    """Each shard's report as it finishes; (name, why) for a shard whose task failed
    (a full disk, a worker killed on every try): the rest go on, a rerun retries it."""
    if not todo:
        return
    import dask.bag
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,  # the page work holds the GIL
                processes=True,
                dashboard_address=None,
                silence_logs=logging.CRITICAL,  # a closing worker's lost heartbeat is no news
            )
            client = Client(cluster)
    except OSError as exc:  # distributed's TimeoutError and connection errors
        if cluster is not None:
            cluster.close()
        raise SchedulerUnreachable(f"cannot reach the scheduler {scheduler}: {exc}") from None
    try:
        bag = dask.bag.from_sequence(todo, partition_size=1).map(make_shard, out=str(out))
        parts = bag.to_delayed()
        futures = client.compute(parts)
        names = {f.key: s.name for f, s in zip(futures, todo, strict=True)}
        for future in as_completed(futures):
            try:
                yield from future.result()
            except Exception as exc:
                yield (names[future.key], f"{type(exc).__name__}: {exc}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
