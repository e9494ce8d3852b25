"""Import of page files into a store: read, decode, segment in worker processes, write.

Workers do everything that costs CPU (core.preparation: decoding, segmenting, tagging,
tokenising for search); the calling process only writes, a batch of whole pages per
transaction, so an interrupted import leaves whole pages behind and a re-import adds
exactly the rest.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from banmian.core.preparation import Prepared, prepare, prepare_in_worker, start_worker
from banmian.core.store import Store
from banmian.core.tagging import Idf, learned_idf

Progress = Callable[[int, int, str], None]
BATCH = 64
# Below this many files the workers' start-up costs more than it saves.
IN_PROCESS_BELOW = 24


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, page it repeats)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    cancelled: bool = False

    def summary(self) -> str:
        text = f"imported {len(self.imported)}, duplicates {len(self.duplicates)}, failed {len(self.failed)}"
        return text + (" (cancelled)" if self.cancelled else "")


def page_files(paths: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """(file, the root it was found under): files as given, folders searched for *.txt."""
    found: list[tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += [(f, path) for f in sorted(path.rglob("*.txt")) if f.is_file()]
        else:
            found.append((path, path.parent))
    return found


def _prepared(items: list[tuple[Path, Path]], workers: int, idf: Idf | None) -> Iterator[Prepared]:
    if workers <= 1 or len(items) < IN_PROCESS_BELOW:
        yield from map(partial(prepare, idf=idf), items)
        return
    # spawn, not fork: the window calls this from a thread, and forking a threaded Qt
    # process is unsafe.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=start_worker, initargs=(idf,)) as pool:
        yield from pool.imap(prepare_in_worker, items, chunksize=8)


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportReport:
    """Import every page file under `paths`; see ImportReport for what happened."""
    items = page_files(paths)
    workers = workers if workers is not None else (multiprocessing.cpu_count() or 1)
    report = ImportReport()
    batch: list[Prepared] = []
    idf = learned_idf(store)  # None: each worker loads jieba's own table

    def flush() -> None:
        results = store.add_pages([p.new for p in batch])
        for prepared, result in zip(batch, results, strict=True):
            if result.duplicate:
                report.duplicates.append((prepared.path, store.page_summary(result.page_id).source))
            else:
                report.imported.append(prepared.path)
        batch.clear()

    for done, prepared in enumerate(_prepared(items, workers, idf), 1):
        if prepared.error:
            report.failed.append((prepared.path, prepared.error))
        else:
            batch.append(prepared)
        if len(batch) >= BATCH:
            flush()
        if progress:
            progress(done, len(items), prepared.path)
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
    if batch:
        flush()
    return report
