"""Export of the annotated articles as a corpus: selection, rows, and atomic writing.

An export is what leaves banmian for good, so it only takes verified pages unless asked
otherwise, gives each article an id that stays the same on every re-export
(`<first 12 hex of the page's content hash>-<article id>`), and never leaves a half
written file nor overwrites or deletes what it did not write itself (see
`_check_target`): formats write to a temporary path beside the target, renamed at the end.

Articles are read a batch of pages at a time with one query per table (never one per
article), so exporting 100,000 articles keeps memory flat and the window can show
progress through the `progress(done, total)` callback.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from banmian.core.corpus.store import STATUSES, Store
from banmian.core.export import formats
from banmian.core.segmentation.bylines import authors, dateline

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


def select_articles(store: Store, filters: ExportFilters, whole: bool = False) -> Iterator[dict]:
    """Export rows (see exportformats.FIELDS), page by page in corpus order, articles in
    reading order; four queries per batch of `PAGES_PER_BATCH` pages.

    `whole`: an article continued across pages (fragments linked by core.corpus.links)
    is one row, at its first part's place, holding every part (see `whole_article`); it
    is selected by its first part's page, date and tags and by its own status, which is
    "verified" only when every part is."""
    ids = page_ids(store, filters)
    part_of, chain_rows = _chains(store) if whole else ({}, {})
    for start in range(0, len(ids), PAGES_PER_BATCH):
        for row in _batch_rows(store, ids[start : start + PAGES_PER_BATCH], filters.tag):
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


def _chains(store: Store) -> tuple[dict[str, tuple[list[str], int]], dict[str, dict]]:
    """Each linked fragment's chain (stable ids, in order) and its place in it, and the
    fragment rows of every chain."""
    from banmian.core.corpus.continuations import chains

    found = chains(store)
    if not found:
        return {}, {}
    pages = sorted({page_id for chain in found for page_id, _ in chain})
    hashes = dict(
        store.db.execute(
            f"SELECT id, content_hash FROM pages WHERE id IN ({','.join('?' * len(pages))})",
            pages,
        ).fetchall()
    )
    part_of: dict[str, tuple[list[str], int]] = {}
    for chain in found:
        ids = [stable_id(hashes[page_id], article_id) for page_id, article_id in chain]
        for position, part in enumerate(ids):
            part_of[part] = (ids, position)
    rows: dict[str, dict] = {}
    for start in range(0, len(pages), PAGES_PER_BATCH):
        for row in _batch_rows(store, pages[start : start + PAGES_PER_BATCH], None):
            if row["id"] in part_of:
                rows[row["id"]] = row
    return part_of, rows


_STATUS_ORDER = {"new": 0, "in_progress": 1, "verified": 2}
_SENTENCE_END = "。！？!?…；;：:”」』）)"


def whole_article(parts: list[dict]) -> dict:
    """One row of an article from its fragments' rows in order: the head's headings,
    byline, dateline and id; the paragraphs of every part, a paragraph cut by the page
    turn (the head stopping mid-sentence) joined again; every page; every part with its
    page, lines and status; the least advanced status of the parts."""
    head = parts[0]
    paragraphs = list(head["paragraphs"])
    for part in parts[1:]:
        more = list(part["paragraphs"])
        if paragraphs and more and paragraphs[-1].rstrip()[-1:] not in _SENTENCE_END:
            paragraphs[-1] = paragraphs[-1].rstrip() + more.pop(0).lstrip()
        paragraphs += more
    tags: dict[str, dict] = {}
    for part in parts:
        for tag in part["tags"]:
            tags.setdefault(tag["name"], tag)
    status = min((p["status"] for p in parts), key=lambda s: _STATUS_ORDER.get(s, -1))
    return {
        **head,
        "pages": [p["page"] for p in parts],
        "parts": [part for p in parts for part in p["parts"]],
        "paragraphs": paragraphs,
        "text": "\n".join(paragraphs),
        "tags": list(tags.values()),
        "continued_to": parts[-1]["continued_to"],
        "status": status,
        "authors": head["authors"] or next((p["authors"] for p in parts if p["authors"]), []),
    }


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

    own_id = stable_id(content_hash, article_id)
    lines = [[b[3], b[4]] for b in blocks]
    return {
        "id": own_id,
        "newspaper": newspaper or "",
        "date": page_date or "",
        "page": page_no or "",
        "pages": [page_no or ""],
        "parts": [{"id": own_id, "page": page_no or "", "lines": lines, "status": status}],
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
            "lines": lines,
        },
    }


def page_segmentations(store: Store, ids: Iterable[int]) -> Iterator[dict]:
    """DESIGN §2's page JSON of each page, with the page's metadata beside it; an article
    linked to a fragment on another page names it by its export id (`linked_to`,
    `linked_from`)."""
    from banmian.core.corpus.continuations import page_links

    for page_id in ids:
        row = store.page_row(page_id)
        data = store.load(page_id).to_json()
        ends = page_links(store, page_id)
        for article in data["articles"]:
            for end in ends.get(article["id"], ()):
                (other_hash,) = store.db.execute(
                    "SELECT content_hash FROM pages WHERE id = ?", [end.page_id]
                ).fetchone()
                key = "linked_to" if end.direction == "to" else "linked_from"
                article[key] = stable_id(other_hash, end.article_id)
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


# -- what an export may replace ----------------------------------------------------------
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
def _temporary_file(out: Path) -> Iterator[Path]:
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
def _temporary_folder(out: Path) -> Iterator[Path]:
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


def _check_target(out: Path, fmt: str, database: Path | None = None) -> None:
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


def _write_problem(out: Path, exc: OSError) -> ExportError:
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno == errno.ENAMETOOLONG:
        reason = "a file name is too long for this file system"
    else:
        reason = exc.strerror or str(exc)
    return ExportError(f"cannot write {out}: {reason}; nothing was written")


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
    (count 0, path None). Raises ExportError for
    a bad target and exportformats.MissingDependency when parquet lacks pyarrow.
    """
    filters = filters or ExportFilters()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        formats.require_parquet()
    out = Path(out_path)
    _check_target(out, fmt, store.path)
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
    except OSError as exc:
        raise _write_problem(out, exc) from None
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
