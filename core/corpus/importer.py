"""Import of page files into a store: read, decode, segment in worker processes, write.

Workers do everything that costs CPU (core.preparation: decoding, segmenting, tagging,
tokenising for search); the calling process only writes, a batch of whole pages per
transaction, so an interrupted import leaves whole pages behind and a re-import adds
exactly the rest.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from banmian.core.corpus.idf import learned_idf
from banmian.core.corpus.links import LinkReport, link_issues
from banmian.core.corpus.models import proposing_models, ref_for
from banmian.core.corpus.preparation import (
    ModelFiles,
    Prepared,
    prepare,
    prepare_chunk,
    prepare_in_worker,
    start_worker,
)
from banmian.core.corpus.rows import NewPage
from banmian.core.corpus.store import Store
from banmian.core.page.files import readable_path
from banmian.core.words.tagging import Idf

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
    page_ids: list[int] = field(default_factory=list)  # the pages this import added
    links: LinkReport | None = None  # the fragments linked across pages afterwards

    def summary(self) -> str:
        text = f"imported {len(self.imported)}, duplicates {len(self.duplicates)}, failed {len(self.failed)}"
        return text + (" (cancelled)" if self.cancelled else "")


class PageWriter:
    """Pages into the store a batch (`BATCH`) per transaction, the report kept as they
    go: what a direct import and a load of archive shards both end in."""

    def __init__(self, store: Store, report: ImportReport) -> None:
        self.store, self.report = store, report
        self.batch: list[tuple[str, NewPage, int | None]] = []

    def add(self, file: str, new: NewPage, model_id: int | None = None) -> None:
        """One page (`model_id`: the database model that proposed it, None: shipped)."""
        self.batch.append((file, new, model_id))
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        store, report = self.store, self.report
        results = store.add_pages(new for _file, new, _model in self.batch)
        proposed = [
            (model, result.page_id)
            for (_file, _new, model), result in zip(self.batch, results, strict=True)
            if model is not None and not result.duplicate
        ]
        if proposed:  # which database model proposed each new page
            with store.writing():
                store.db.conn.executemany("UPDATE pages SET proposed_by = ? WHERE id = ?", proposed)
        for (file, _new, _model), result in zip(self.batch, results, strict=True):
            if result.duplicate:
                report.duplicates.append((file, store.page_summary(result.page_id).source))
            else:
                report.imported.append(file)
                report.page_ids.append(result.page_id)
        self.batch.clear()

    def finish(self) -> ImportReport:
        """The last batch written, and the fragments of the new pages linked across
        pages (core.corpus.links)."""
        self.flush()
        if self.report.page_ids:
            self.report.links = link_issues(self.store, self.report.page_ids)
        return self.report


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


CHUNK = 8  # files a worker prepares per task
# Workers that died one after another on single files: past this, the rest is prepared in
# this process (a machine that kills every worker would otherwise fail every file).
MAX_DEATHS = 3


def _prepared(
    items: list[tuple[Path, Path]],
    workers: int,
    idf: Idf | None,
    models: ModelFiles | None = None,
) -> Iterator[Prepared]:
    """Each file prepared, in order. A worker that dies (the out-of-memory killer, a
    crash in a C library) never hangs the import: its files are tried again one at a
    time, and a file that kills a worker on its own is reported failed."""
    if workers <= 1 or len(items) < IN_PROCESS_BELOW:
        yield from map(partial(prepare, idf=idf, models=models), items)
        return
    # spawn, not fork: the window calls this from a thread, and forking a threaded Qt
    # process is unsafe.
    context = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=start_worker, initargs=(idf, models)
        )

    pending = deque(items[i : i + CHUNK] for i in range(0, len(items), CHUNK))
    pool = new_pool()
    try:
        while pending:
            in_flight: deque[tuple[list, Future]] = deque()
            try:
                while pending or in_flight:
                    while pending and len(in_flight) < 2 * workers:
                        chunk = pending.popleft()
                        in_flight.append((chunk, pool.submit(prepare_chunk, chunk)))
                    results = in_flight[0][1].result()
                    in_flight.popleft()
                    yield from results
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                deaths = 0
                for chunk, future in in_flight:
                    if future.done() and not future.cancelled() and not future.exception():
                        yield from future.result()
                        continue
                    for item in chunk:  # one at a time, to find the file that kills
                        if deaths >= MAX_DEATHS:  # workers cannot run here at all
                            yield prepare(item, idf, models)
                            continue
                        try:
                            yield pool.submit(prepare_in_worker, item).result()
                            deaths = 0
                        except BrokenProcessPool:
                            deaths += 1
                            pool.shutdown(wait=True, cancel_futures=True)
                            pool = new_pool()
                            yield Prepared(
                                str(readable_path(item[0])),
                                error="the worker process reading it died (out of memory?)",
                            )
                if deaths >= MAX_DEATHS:
                    yield from map(
                        partial(prepare, idf=idf, models=models), [i for c in pending for i in c]
                    )
                    return
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    newspaper: str | None = None,
) -> ImportReport:
    """Import every page file under `paths`; see ImportReport for what happened.
    `newspaper` names the newspaper of every page (else the path or sidecar does)."""
    items = page_files(paths)
    workers = workers if workers is not None else (multiprocessing.cpu_count() or 1)
    report = ImportReport()
    writer = PageWriter(store, report)
    idf = learned_idf(store)  # None: each worker loads jieba's own table
    models = _model_files(store, newspaper)
    for done, prepared in enumerate(_prepared(items, workers, idf, models), 1):
        if prepared.error:
            report.failed.append((prepared.path, prepared.error))
        else:
            new = prepared.new
            if newspaper:
                new = replace(new, meta=replace(new.meta, newspaper=newspaper))
            writer.add(prepared.path, new, prepared.model_id)
        if progress:
            progress(done, len(items), prepared.path)
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
    return writer.finish()


def _model_files(store: Store, newspaper: str | None) -> ModelFiles:
    """The models in use, as workers load them: the named newspaper's for every page,
    else each page's newspaper's (or the database's)."""
    refs = proposing_models(store)
    if newspaper:
        ref = ref_for(refs, newspaper)
        return {"": (ref.id, ref.path)}
    return {scope: (ref.id, ref.path) for scope, ref in refs.items()}
