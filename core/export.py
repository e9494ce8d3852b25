"""Export of the annotated articles as a corpus: selection, rows, and atomic writing.

An export is what leaves banmian for good, so it only takes verified pages unless asked
otherwise, gives each article an id that stays the same on every re-export
(`<first 12 hex of the page's content hash>-<article id>`), and never leaves a half
written file: formats write to a temporary path beside the target, renamed at the end.

Articles are read a batch of pages at a time with one query per table (never one per
article), so exporting 100,000 articles keeps memory flat and the window can show
progress through the `progress(done, total)` callback.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from banmian.core import exportformats as formats
from banmian.core.bylines import authors, dateline
from banmian.core.store import STATUSES, Store

FORMATS = ("jsonl", "csv", "txt", "parquet", "segmentation")
FILTER_STATUSES = ("verified", "any", *(s for s in STATUSES if s != "verified"))
PAGES_PER_BATCH = 200
Progress = Callable[[int, int], None]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PAGE_ORDER = "p.date, CAST(p.page_no AS INTEGER), p.page_no, p.id"


class ExportError(ValueError):
    """An export that cannot be done as asked; the message says what to change."""


def parse_date(text: str, what: str = "date") -> str:
    """`text` if it is a real ISO date (YYYY-MM-DD), else ExportError naming `what`."""
    try:
        if not _ISO_DATE.match(text):
            raise ValueError
        date.fromisoformat(text)
    except ValueError:
        raise ExportError(f"{what} {text!r} is not a date; write it as YYYY-MM-DD") from None
    return text


@dataclass(frozen=True)
class ExportFilters:
    """Which articles to export: page status (or "any"), an accepted tag, page dates."""

    status: str = "verified"
    tag: str | None = None
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        if self.status not in FILTER_STATUSES:
            raise ExportError(
                f"unknown status {self.status!r}; use one of {', '.join(FILTER_STATUSES)}"
            )
        if self.since:
            parse_date(self.since, "--since")
        if self.until:
            parse_date(self.until, "--until")
        if self.since and self.until and self.since > self.until:
            raise ExportError(f"--since {self.since} is after --until {self.until}")

    def describe(self) -> str:
        parts = [f"status {self.status}"]
        if self.tag:
            parts.append(f"tag {self.tag}")
        if self.since:
            parts.append(f"since {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        return ", ".join(parts)


@dataclass(frozen=True)
class ExportResult:
    count: int  # articles written (pages for the segmentation format)
    path: Path | None  # None when there was nothing to export and nothing was created


# -- selection -------------------------------------------------------------------------
def _page_clause(filters: ExportFilters) -> tuple[str, list]:
    clauses, params = ["1"], []
    if filters.status != "any":
        clauses.append("p.status = ?")
        params.append(filters.status)
    if filters.since or filters.until:
        clauses.append("coalesce(p.date, '') != ''")
    if filters.since:
        clauses.append("p.date >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append("p.date <= ?")
        params.append(filters.until)
    return " AND ".join(clauses), params


def _tag_clause(filters: ExportFilters) -> tuple[str, list]:
    if not filters.tag:
        return "1", []
    return (
        "EXISTS (SELECT 1 FROM article_tags t WHERE t.page_id = a.page_id"
        " AND t.article_id = a.article_id AND t.name = ?)",
        [filters.tag],
    )


def count_articles(store: Store, filters: ExportFilters) -> int:
    pages, page_params = _page_clause(filters)
    tags, tag_params = _tag_clause(filters)
    (count,) = store.db.execute(
        f"SELECT count(*) FROM articles a JOIN pages p ON p.id = a.page_id"
        f" WHERE {pages} AND {tags}",
        page_params + tag_params,
    ).fetchone()
    return count


def page_ids(store: Store, filters: ExportFilters) -> list[int]:
    """Pages holding at least one selected article, in corpus order (date, page)."""
    pages, page_params = _page_clause(filters)
    tags, tag_params = _tag_clause(filters)
    rows = store.db.execute(
        f"SELECT p.id FROM pages p WHERE {pages} AND EXISTS "
        f"(SELECT 1 FROM articles a WHERE a.page_id = p.id AND {tags}) ORDER BY {_PAGE_ORDER}",
        page_params + tag_params,
    )
    return [page_id for (page_id,) in rows]


def stable_id(content_hash: str, article_id: str) -> str:
    return f"{content_hash[:12]}-{article_id}"


def select_articles(store: Store, filters: ExportFilters) -> Iterator[dict]:
    """Export rows (see exportformats.FIELDS), page by page in corpus order, articles in
    reading order; four queries per batch of `PAGES_PER_BATCH` pages."""
    ids = page_ids(store, filters)
    for start in range(0, len(ids), PAGES_PER_BATCH):
        yield from _batch_rows(store, ids[start : start + PAGES_PER_BATCH], filters.tag)


def _batch_rows(store: Store, ids: list[int], tag: str | None) -> Iterator[dict]:
    # one read transaction per batch: an annotator saving a page meanwhile cannot pair
    # its new blocks with its old articles
    own_transaction = not store.db.conn.in_transaction
    if own_transaction:
        store.db.execute("BEGIN")
    try:
        tables = _batch_tables(store, ids)
    finally:
        if own_transaction:
            store.db.execute("COMMIT")
    pages, articles, blocks, tags = tables
    for page_id in ids:
        page = pages[page_id]
        on_page = {a[1] for a in articles.get(page_id, ())}
        for article in articles.get(page_id, ()):
            key = (page_id, article[1])
            article_tags = tags.get(key, [])
            if tag and not any(t["name"] == tag for t in article_tags):
                continue
            yield _row(page, article, blocks.get(key, []), article_tags, on_page)


def _batch_tables(store: Store, ids: list[int]) -> tuple[dict, dict, dict, dict]:
    """Pages, their articles, blocks and accepted tags, grouped by page or article."""
    marks = ",".join("?" * len(ids))

    def rows(sql: str) -> list[tuple]:
        return store.db.execute(sql.format(marks=marks), ids).fetchall()

    pages = {
        r[0]: r
        for r in rows(
            "SELECT id, content_hash, source_file, newspaper, date, page_no, status, annotator"
            " FROM pages WHERE id IN ({marks})"
        )
    }
    articles: dict[int, list[tuple]] = {}
    for r in rows(
        "SELECT page_id, article_id, title_override, continued_from, continued_to"
        " FROM articles WHERE page_id IN ({marks}) ORDER BY page_id, position"
    ):
        articles.setdefault(r[0], []).append(r)
    blocks: dict[tuple[int, str], list[tuple]] = {}
    for r in rows(
        "SELECT page_id, article_id, role, first_line, last_line, text FROM blocks"
        " WHERE page_id IN ({marks}) AND article_id IS NOT NULL ORDER BY page_id, first_line"
    ):
        blocks.setdefault((r[0], r[1]), []).append(r)
    tags: dict[tuple[int, str], list[dict]] = {}
    for r in rows(
        "SELECT page_id, article_id, name, kind, source FROM article_tags"
        " WHERE page_id IN ({marks}) ORDER BY rowid"
    ):
        tags.setdefault((r[0], r[1]), []).append({"name": r[2], "kind": r[3], "source": r[4]})
    return pages, articles, blocks, tags


def _row(page: tuple, article: tuple, blocks: list[tuple], tags: list[dict], on_page: set) -> dict:
    _, content_hash, source_file, newspaper, page_date, page_no, status, annotator = page
    _, article_id, title_override, continued_from, continued_to = article
    by_role: dict[str, list[str]] = {}
    for b in blocks:
        by_role.setdefault(b[2], []).append(b[5] or "")
    paragraphs = by_role.get("body", [])
    bylines = by_role.get("byline", [])
    first = paragraphs[0] if paragraphs else ""

    def linked(value: str | None) -> str | None:
        return stable_id(content_hash, value) if value in on_page else value

    return {
        "id": stable_id(content_hash, article_id),
        "newspaper": newspaper or "",
        "date": page_date or "",
        "page": page_no or "",
        "title": title_override or " ".join(by_role.get("headline", [])),
        "kicker": " ".join(by_role.get("kicker", [])),
        "subtitle": " ".join(by_role.get("subheadline", [])),
        "byline": " ".join(bylines),
        "authors": authors(bylines, first),
        "dateline": dateline(first),
        "paragraphs": paragraphs,
        "text": "\n".join(paragraphs),
        "tags": tags,
        "continued_from": linked(continued_from),
        "continued_to": linked(continued_to),
        "status": status,
        "annotator": annotator or "",
        "source": {
            "file": source_file or "",
            "content_hash": content_hash,
            "lines": [[b[3], b[4]] for b in blocks],
        },
    }


def page_segmentations(store: Store, ids: Iterable[int]) -> Iterator[dict]:
    """DESIGN §2's page JSON of each page, with the page's metadata beside it."""
    for page_id in ids:
        row = store.page_row(page_id)
        data = store.load(page_id).to_json()
        data.update(
            page_id=page_id,
            newspaper=row["newspaper"] or "",
            date=row["date"] or "",
            page=row["page_no"] or "",
            status=row["status"],
            annotator=row["annotator"] or "",
            content_hash=row["content_hash"],
        )
        yield data


# -- writing ---------------------------------------------------------------------------
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


@contextmanager
def _temporary_file(out: Path) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(0o644)
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _replaceable_folder(out: Path) -> bool:
    """A folder an earlier TXT export could have made: nothing but .txt files."""
    return all(p.is_file() and p.suffix == ".txt" for p in out.iterdir())


@contextmanager
def _temporary_folder(out: Path) -> Iterator[Path]:
    temporary = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part"))
    try:
        yield temporary
        temporary.chmod(0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".old"))
            os.replace(out, old / "previous")
            os.replace(temporary, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temporary, out)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _check_target(out: Path, fmt: str) -> None:
    if fmt == "txt":
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} is a file; TXT export writes a folder of files")
        if out.is_dir() and not _replaceable_folder(out):
            raise ExportError(
                f"{out} holds files other than an earlier TXT export; choose another folder"
            )
    elif out.is_dir():
        raise ExportError(f"{out} is a folder; name the {fmt} file to write")


def export_articles(
    store: Store,
    out_path: str | os.PathLike,
    fmt: str,
    filters: ExportFilters | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the selected articles to `out_path` in `fmt` (see FORMATS).

    Nothing is created when nothing matches (count 0, path None). Raises ExportError for
    a bad target and exportformats.MissingDependency when parquet lacks pyarrow.
    """
    filters = filters or ExportFilters()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        formats.require_parquet()
    out = Path(out_path)
    _check_target(out, fmt)
    if fmt == "segmentation":
        ids = page_ids(store, filters)
        total, rows = len(ids), page_segmentations(store, ids)
    else:
        total, rows = count_articles(store, filters), select_articles(store, filters)
    if not total:
        return ExportResult(0, None)
    out.parent.mkdir(parents=True, exist_ok=True)
    reported = _reported(rows, total, progress)
    if fmt == "txt":
        with _temporary_folder(out) as folder:
            count = formats.write_txt(reported, folder)
        return ExportResult(count, out)
    writer = {
        "jsonl": formats.write_jsonl,
        "segmentation": formats.write_jsonl,
        "csv": formats.write_csv,
        "parquet": formats.write_parquet,
    }[fmt]
    with _temporary_file(out) as temporary:
        count = writer(reported, temporary)
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
