"""The file formats of an export: each writer takes article rows and a path it may fill.

Writers never pick the final path; core.export hands them a temporary one beside the
target and renames it only when the writer returned, so no reader ever sees half an
export. Each consumes its rows as a stream and keeps at most one batch in memory.

CSV flattens a row as follows, so that a spreadsheet shows the plain fields as text and
nothing is lost: `authors` is joined with "；" (names never contain it); `paragraphs`,
`tags`, `source`, `pages` and `parts` are JSON (paragraphs contain "；" and line breaks;
tags, source and parts are records). `text` holds the paragraphs joined with "\\n" for reading. The file is
UTF-8 with a BOM, which Excel needs to recognise UTF-8.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from banmian.core.corpus.rows import json_text

FIELDS = (
    "id",
    "newspaper",
    "date",
    "page",
    "pages",
    "parts",
    "title",
    "kicker",
    "subtitle",
    "byline",
    "authors",
    "dateline",
    "paragraphs",
    "text",
    "tags",
    "continued_from",
    "continued_to",
    "status",
    "annotator",
    "source",
)
AUTHOR_SEPARATOR = "；"
PARQUET_HINT = "parquet export needs pyarrow: pip install 'banmian[parquet]'"
MAX_TITLE_IN_NAME = 60  # characters of the title in a TXT file name …
MAX_TITLE_BYTES = 150  # … and at most this many bytes of UTF-8 (names hold 255 bytes)
MAX_ID_IN_NAME = 80
# Unicode categories never put in a file name: controls, format characters (bidi
# overrides and isolates, zero-width joiners, BOM), surrogates, private use, unassigned,
# line and paragraph separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_BUFFER = 1 << 20


class MissingDependency(RuntimeError):
    """An optional package a format needs is not installed; the message says which."""


def write_jsonl(rows: Iterable[dict], path: Path) -> int:
    """One JSON object per line, UTF-8, non-ASCII kept as it is."""
    count = 0
    with open(path, "w", encoding="utf-8", buffering=_BUFFER) as out:
        for row in rows:
            out.write(json_text(row))
            out.write("\n")
            count += 1
    return count


def csv_cells(row: dict) -> list[Any]:
    """A row's values in `FIELDS` order, flattened as the module docstring says."""
    cells = []
    for name in FIELDS:
        value = row[name]
        if name == "authors":
            value = AUTHOR_SEPARATOR.join(value)
        elif name in ("paragraphs", "tags", "source", "pages", "parts"):
            value = json_text(value)
        cells.append("" if value is None else value)
    return cells


def write_csv(rows: Iterable[dict], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="", buffering=_BUFFER) as out:
        writer = csv.writer(out)
        writer.writerow(FIELDS)
        for row in rows:
            writer.writerow(csv_cells(row))
            count += 1
    return count


def txt_name(row: dict, taken: set[str]) -> str:
    """A file name for the article that is safe on every system and unique in `taken`:
    `2023-02-03_p01-02_<id>_<title>.txt` (date, every page it is printed on, stable id,
    title), so that a folder lists the corpus in paper order.

    Titles come from OCR and annotators: they may hold `/`, `..`, quotes, markup, line
    breaks or a whole paragraph. The date goes first, so names never start with a dot;
    the title is cut to `MAX_TITLE_IN_NAME` characters.
    """
    title = unicodedata.normalize("NFKC", row.get("title") or "")
    title = re.sub(r"<[^>]{0,40}>", " ", title)  # markup such as <b>
    # invisible characters (bidi overrides such as U+202E reorder what a file list
    # shows; zero-width ones make two names look alike), controls, unpaired surrogates
    title = "".join(" " if unicodedata.category(ch) in _INVISIBLE else ch for ch in title)
    title = re.sub(r"[/\\:*?\"'<>|`$&;!%{}\[\]]", " ", title)
    title = re.sub(r"[\s_.]+", "_", title).strip("_-")[:MAX_TITLE_IN_NAME]
    stem = "_".join(
        [
            _safe(row.get("date") or "undated", 10),
            _pages_in_name(row),
            _safe(row["id"], MAX_ID_IN_NAME),
        ]
    )
    # a name holds 255 bytes: the stem, "_", the title, and room for "-99.txt"
    budget = min(MAX_TITLE_BYTES, 255 - len(stem) - 1 - 12)
    title = _cut_to_bytes(title, budget).strip("_-")
    base = f"{stem}_{title}" if title else stem
    name, n = f"{base}.txt", 2
    while name.casefold() in taken:  # case-insensitive file systems
        name, n = f"{base}-{n}.txt", n + 1
    taken.add(name.casefold())
    return name


def _safe(text: str, limit: int) -> str:
    return re.sub(r"[^0-9A-Za-z_-]", "_", str(text))[:limit]


def _pages_in_name(row: dict) -> str:
    """`p01`, `p01-02` (an article continued on page 2): numbers padded so names sort."""
    pages = row.get("pages") or [row.get("page") or ""]
    labels = [p.zfill(2) if p.isdigit() else _safe(p, 8) for p in map(str, pages)]
    return ("p" + "-".join(dict.fromkeys(labels)))[:24]


def _cut_to_bytes(text: str, limit: int) -> str:
    """`text` cut to whole characters whose UTF-8 takes at most `limit` bytes."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


TXT_HEADINGS = ("kicker", "title", "subtitle", "byline")


def txt_content(row: dict) -> str:
    """The article as printed: kicker, headline, subtitle and byline (those it has, one a
    line), a blank line, then one paragraph a line."""
    headings = [row[name] for name in TXT_HEADINGS if row[name]]
    return "\n".join([*headings, "", *row["paragraphs"]]) + "\n"


def write_txt(rows: Iterable[dict], folder: Path) -> int:
    """One UTF-8 file per article in `folder` (which exists and is empty)."""
    taken: set[str] = set()
    count = 0
    for row in rows:
        (folder / txt_name(row, taken)).write_text(txt_content(row), "utf-8")
        count += 1
    return count


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependency(PARQUET_HINT) from None
    return pyarrow, pyarrow.parquet


def require_parquet() -> None:
    """Raise MissingDependency now, before any work, when pyarrow is missing."""
    _pyarrow()


def parquet_schema(pa: Any) -> Any:
    text = pa.string()
    return pa.schema(
        [(name, text) for name in ("id", "newspaper", "date", "page")]
        + [
            ("pages", pa.list_(text)),
            (
                "parts",
                pa.list_(
                    pa.struct(
                        [
                            ("id", text),
                            ("page", text),
                            ("lines", pa.list_(pa.list_(pa.int64()))),
                            ("status", text),
                        ]
                    )
                ),
            ),
        ]
        + [(name, text) for name in ("title", "kicker", "subtitle", "byline")]
        + [
            ("authors", pa.list_(text)),
            ("dateline", text),
            ("paragraphs", pa.list_(text)),
            ("text", text),
            ("tags", pa.list_(pa.struct([("name", text), ("kind", text), ("source", text)]))),
            ("continued_from", text),
            ("continued_to", text),
            ("status", text),
            ("annotator", text),
            (
                "source",
                pa.struct(
                    [
                        ("file", text),
                        ("content_hash", text),
                        ("lines", pa.list_(pa.list_(pa.int64()))),
                    ]
                ),
            ),
        ]
    )


def write_parquet(rows: Iterable[dict], path: Path, batch: int = 10_000) -> int:
    """Nested columns as Parquet lists and structs, written a batch at a time."""
    pa, pq = _pyarrow()
    schema = parquet_schema(pa)
    count = 0
    chunk: list[dict] = []
    with pq.ParquetWriter(str(path), schema) as writer:
        for row in rows:
            chunk.append(row)
            if len(chunk) >= batch:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                count += len(chunk)
                chunk.clear()
        if chunk or not count:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count
