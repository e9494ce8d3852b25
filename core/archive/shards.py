"""One shard as a Parquet file: a row per page with its JSON proposal and its store rows.

Each row holds what `banmian import` would write for the page (its text, where it comes
from, the article, block and tag rows and the search words, as corpus.rows builds them),
so loading a shard writes exactly the rows a direct import writes, without segmenting
again; and the page-segmentation JSON (README "Formats"), so the shards are a corpus in
their own right (pandas, DuckDB, Spark read the nested columns). A page that could not be
prepared is a row with its error, reported again by the import.

A shard is written to a hidden temporary name and renamed when whole: a worker killed
halfway leaves no file a rerun could take for finished. The file's metadata names the
files it was made from (the plan's key), so a rerun redoes a shard whose pages changed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from banmian.core.corpus.preparation import Prepared
from banmian.core.corpus.rows import (
    ARTICLE_COLUMNS,
    BLOCK_COLUMNS,
    TAG_COLUMNS,
    NewPage,
    SegmentationRows,
    json_text,
)
from banmian.core.page.meta import PageMeta

FORMAT = 1
META_KEY = b"banmian.shard"
SUFFIX = ".parquet"
TEMPORARY = ".tmp"
PARQUET_HINT = "the archive needs pyarrow: pip install -e '.[archive]'"
INT_COLUMNS = {"position", "first_line", "last_line"}
SEARCH_COLUMNS = ("search_title", "search_text")  # the article's words as the index holds them
PAGE_COLUMNS = ("file", "source_file", "newspaper", "date", "page_no", "digest", "text", "error")


class ShardError(RuntimeError):
    """A shard that cannot be read or written; the message names it."""


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ShardError(PARQUET_HINT) from None
    return pyarrow, pyarrow.parquet


def schema(pa: Any) -> Any:
    def struct(columns: tuple[str, ...]) -> Any:
        return pa.list_(
            pa.struct([(c, pa.int64() if c in INT_COLUMNS else pa.string()) for c in columns])
        )

    return pa.schema(
        [(c, pa.string()) for c in PAGE_COLUMNS]
        + [
            ("doubts", pa.int64()),
            ("segmentation", pa.string()),
            ("articles", struct(ARTICLE_COLUMNS + SEARCH_COLUMNS)),
            ("blocks", struct(BLOCK_COLUMNS)),
            ("tags", struct(TAG_COLUMNS)),
        ]
    )


@dataclass(frozen=True)
class ShardInfo:
    """What a shard's metadata says, read without its pages."""

    name: str
    key: str
    newspaper: str
    month: str
    first_date: str
    last_date: str
    pages: int
    failed: int


def page_row(prepared: Prepared) -> dict:
    """The Parquet row of one prepared page (its error alone when it failed)."""
    new = prepared.new
    if new is None:
        return {"file": prepared.path, "error": prepared.error or "not prepared"}
    words = new.words
    return {
        "file": prepared.path,
        "source_file": new.meta.source_file,
        "newspaper": new.meta.newspaper,
        "date": new.meta.date,
        "page_no": new.meta.page_no,
        "digest": new.digest,
        "text": new.text,
        "error": "",
        "doubts": new.rows.doubts,
        "segmentation": (
            json_text(prepared.segmentation.to_json()) if prepared.segmentation else None
        ),
        "articles": [
            dict(zip(ARTICLE_COLUMNS + SEARCH_COLUMNS, (*row, *words[row[0]]), strict=True))
            for row in new.rows.articles
        ],
        "blocks": [dict(zip(BLOCK_COLUMNS, row, strict=True)) for row in new.rows.blocks],
        "tags": [dict(zip(TAG_COLUMNS, row, strict=True)) for row in new.rows.tags],
    }


def new_page_of(row: dict) -> NewPage:
    """The page as import's workers hand it to the writer, from its Parquet row."""
    articles = row["articles"] or []
    return NewPage(
        text=row["text"],
        meta=PageMeta(row["source_file"], row["newspaper"], row["date"], row["page_no"]),
        rows=SegmentationRows(
            [tuple(a[c] for c in ARTICLE_COLUMNS) for a in articles],
            [tuple(b[c] for c in BLOCK_COLUMNS) for b in row["blocks"] or []],
            [tuple(t[c] for c in TAG_COLUMNS) for t in row["tags"] or []],
            row["doubts"],
        ),
        words={a["article_id"]: (a["search_title"], a["search_text"]) for a in articles},
        digest=row["digest"],
    )


def write_shard(path: Path, info: ShardInfo, rows: list[dict]) -> None:
    """Write the shard whole under a temporary name, then rename it into place."""
    pa, pq = _pyarrow()
    meta = json_text({"format": FORMAT, **info.__dict__}).encode("utf-8")
    table = pa.Table.from_pylist(rows, schema=schema(pa)).replace_schema_metadata({META_KEY: meta})
    temporary = path.with_name(f".{path.name}.{os.getpid()}{TEMPORARY}")
    try:
        pq.write_table(table, str(temporary), compression="zstd")
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


def shard_info(path: Path) -> ShardInfo | None:
    """The metadata of the shard at `path`; None when it is no banmian shard (or damaged)."""
    _pa, pq = _pyarrow()
    try:
        raw = (pq.read_schema(str(path)).metadata or {}).get(META_KEY)
        data = json.loads(raw) if raw else None
    except (OSError, ValueError):  # pyarrow's errors derive from these
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    data.pop("format")
    try:
        return ShardInfo(**data)
    except TypeError:
        return None


def shard_rows(path: Path) -> Iterator[dict]:
    """The page rows of a shard, one row group at a time."""
    _pa, pq = _pyarrow()
    try:
        parquet = pq.ParquetFile(str(path))
        for group in range(parquet.num_row_groups):
            yield from parquet.read_row_group(group).to_pylist()
    except (OSError, ValueError) as exc:
        raise ShardError(f"{path}: cannot be read ({exc})") from None


def shard_files(folder: Path) -> list[Path]:
    """The finished shards in `folder` (temporary files of a broken run are not)."""
    return sorted(p for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith("."))


def remove_leftovers(folder: Path) -> int:
    """Delete the temporary files of workers that died while writing; how many."""
    count = 0
    for leftover in folder.glob(f".*{SUFFIX}.*{TEMPORARY}"):
        leftover.unlink(missing_ok=True)
        count += 1
    return count
