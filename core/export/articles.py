"""Export of the annotated articles as a corpus: the one entry point, `export_articles`.

The work is split by job: which articles (`selection`), each as a row (`rows`, with the
text-derived `fields`), fragments continued across pages joined into whole articles
(`whole`), the file formats (`formats`) and what a target may replace and how files
appear only complete (`targets`). This module ties them together and keeps the names
the command line and the window import.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from banmian.core.corpus.store import Store
from banmian.core.export import formats, targets
from banmian.core.export.selection import (
    FILTER_STATUSES,
    PAGES_PER_BATCH,
    ExportError,
    ExportFilters,
    batch_rows,
    count_articles,
    page_ids,
    page_segmentations,
    parse_date,
    stable_id,
)
from banmian.core.export.targets import MARKER, sweep_temporaries
from banmian.core.export.whole import linked_parts, whole_article

__all__ = [
    "FILTER_STATUSES",
    "FORMATS",
    "MARKER",
    "ExportError",
    "ExportFilters",
    "ExportResult",
    "count_articles",
    "export_articles",
    "format_for",
    "page_ids",
    "parse_date",
    "select_articles",
    "stable_id",
    "sweep_temporaries",
    "whole_article",
]

FORMATS = ("jsonl", "csv", "txt", "parquet", "segmentation")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportResult:
    count: int  # articles written (pages for the segmentation format)
    path: Path | None  # None when there was nothing to export and nothing was created


def select_articles(store: Store, filters: ExportFilters, whole: bool = False) -> Iterator[dict]:
    """Export rows (see formats.FIELDS), page by page in corpus order, articles in
    reading order; four queries per batch of `PAGES_PER_BATCH` pages.

    `whole`: an article continued across pages (fragments linked by core.corpus.links)
    is one row, at its first part's place, holding every part (see `whole_article`); it
    is selected by its first part's page, date and tags and by its own status, which is
    "verified" only when every part is."""
    ids = page_ids(store, filters)
    part_of, chain_rows = linked_parts(store) if whole else ({}, {})
    for start in range(0, len(ids), PAGES_PER_BATCH):
        for row in batch_rows(store, ids[start : start + PAGES_PER_BATCH], filters.tag):
            place = part_of.get(row["id"])
            if place is None:
                yield row
                continue
            chain, position = place
            if position:
                continue  # written with its first part
            merged = whole_article([chain_rows[part] for part in chain])
            if filters.status in ("any", merged["status"]):
                yield merged


def _reported(rows: Iterable[dict], total: int, progress: Progress | None) -> Iterator[dict]:
    if progress:
        progress(0, total)
    done = 0
    for row in rows:
        yield row
        done += 1
        if progress and done % 500 == 0:
            progress(done, total)
    if progress and done % 500:
        progress(done, total)


def export_articles(
    store: Store,
    out_path: str | os.PathLike,
    fmt: str,
    filters: ExportFilters | None = None,
    progress: Progress | None = None,
    fragments: bool = False,
) -> ExportResult:
    """Write the selected articles to `out_path` in `fmt` (see FORMATS).

    Articles continued across pages are written whole, one row each (`fragments`: one
    row per fragment, as each page holds it). Nothing is created when nothing matches
    (count 0, path None). Raises ExportError for a bad target and
    formats.MissingDependency when parquet lacks pyarrow.
    """
    filters = filters or ExportFilters()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        formats.require_parquet()
    out = Path(out_path)
    targets.check_target(out, fmt, store.path)
    if fmt == "segmentation":
        ids = page_ids(store, filters)
        total, rows = len(ids), page_segmentations(store, ids)
    else:
        total = count_articles(store, filters)
        rows = select_articles(store, filters, whole=not fragments)
    if not total:
        return ExportResult(0, None)
    reported = _reported(rows, total, progress)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        sweep_temporaries(out)
        if fmt == "txt":
            with targets.temporary_folder(out) as folder:
                count = formats.write_txt(reported, folder)
            return ExportResult(count, out)
        writer = {
            "jsonl": formats.write_jsonl,
            "segmentation": formats.write_jsonl,
            "csv": formats.write_csv,
            "parquet": formats.write_parquet,
        }[fmt]
        with targets.temporary_file(out) as temporary:
            count = writer(reported, temporary)
    except OSError as exc:
        raise targets.write_problem(out, exc) from None
    return ExportResult(count, out)


def format_for(path: str | os.PathLike) -> str:
    """The format a target asks for: txt for an existing folder, else by extension
    (.csv, .parquet), else jsonl."""
    path = Path(path)
    if path.is_dir():
        return "txt"
    return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(
        path.suffix.lower(), "jsonl"
    )
