"""The annotation store: one SQLite file holding pages, their segmentations and history.

Every user action is one write transaction (`with store.writing()`: BEGIN IMMEDIATE, so
writers wait their turn instead of failing), so a crash or kill at any moment leaves the file as it was after the last whole action: a page and all its rows
land together or not at all. WAL mode lets the window read while an import writes.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from banmian.core.corpus import search_index
from banmian.core.corpus.database import connect, write_transaction
from banmian.core.corpus.rows import (
    ARTICLE_COLUMNS,
    BLOCK_COLUMNS,
    TAG_COLUMNS,
    NewPage,
    SegmentationRows,
    doubts_from_json,
    insert_page_rows,
    insert_row,
    json_text,
    new_page,
    segmentation_rows,
    tags_from_json,
)
from banmian.core.corpus.schema import migrate
from banmian.core.corpus.search import SearchHit, search
from banmian.core.corpus.texts import TextFunctions, article_text, text_of
from banmian.core.page.meta import PageMeta
from banmian.core.page.model import (
    Article,
    Block,
    Page,
    Role,
    Segmentation,
    Tag,
)

STATUSES = ("new", "in_progress", "verified")


class StoreError(ValueError):
    """A request the store cannot honour (unknown page, bad status); says which."""


@dataclass(frozen=True)
class PageSummary:
    id: int
    source: str
    newspaper: str
    date: str
    page_no: str
    articles: int
    status: str
    doubts: int
    updated_at: str
    annotator: str


@dataclass(frozen=True)
class AddResult:
    page_id: int
    duplicate: bool


@dataclass(frozen=True)
class EditRecord:
    at: str
    annotator: str
    action: str
    detail: dict = field(default_factory=dict)


def page_place(newspaper: str, date: str, page_no: str) -> str:
    """Where a page appeared, as people cite it: `青岛西海岸新闻 2023-02-03 p.2`."""
    return " ".join(x for x in (newspaper, date, page_no and f"p.{page_no}") if x)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"


class Store:
    """Pages and annotations in one SQLite file (see the README for the tables)."""

    def __init__(
        self,
        path: str | os.PathLike,
        annotator: str | None = None,
        *,
        readonly: bool = False,
        create: bool = True,
    ) -> None:
        """Open the database at `path`; `readonly` for commands that only read (never
        creates, migrates or converts the file). Raises DatabaseRefused (one line) for a
        file that is not a banmian database this version can open as asked."""
        self.path = Path(path)
        self.readonly = readonly
        self.db = connect(self.path, readonly=readonly, create=create)
        try:
            if not readonly:
                self.db.execute("PRAGMA journal_mode = wal")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            TextFunctions(self.db.conn).register()
            if not readonly:
                migrate(self.db)
        except BaseException:
            self.db.close()
            raise
        self.annotator = annotator or default_annotator()

    def writing(self) -> AbstractContextManager[None]:
        """One write transaction that waits its turn (`BEGIN IMMEDIATE`, busy timeout)."""
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only")
        return write_transaction(self.db)

    def close(self) -> None:
        self.db.close()

    def defer_checkpoints(self) -> None:
        """Stop SQLite copying the write-ahead log into the file inside a commit.

        Such a checkpoint costs 10–20 ms on a corpus-sized file and would land on
        whichever keystroke crosses the log's limit; the window calls `checkpoint` when
        the annotator pauses instead. Committed work is safe in the log either way.
        """
        self.db.execute("PRAGMA wal_autocheckpoint = 0")

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file (without waiting for readers)."""
        self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    # -- adding pages -----------------------------------------------------------------
    def rows(self, sql: str, params: Sequence = ()) -> Iterator[dict]:
        """The rows of a SELECT as dicts. sqlite-utils' `query` wraps every statement in
        a savepoint, which inside a transaction (each save, each import batch) costs more
        than the lookup itself (0.8 ms a page on import); reads need no savepoint."""
        cursor = self.db.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def find_page(self, digest: str) -> int | None:
        row = next(self.rows("SELECT id FROM pages WHERE content_hash = ?", [digest]), None)
        return row["id"] if row else None

    def add_page(
        self,
        page: Page,
        meta: PageMeta | None = None,
        segmentation: Segmentation | None = None,
    ) -> AddResult:
        """Store a page with its proposal in one go; without one, the page is segmented
        and its articles get suggested tags."""
        if segmentation is None:
            from banmian.core.corpus.idf import store_idf
            from banmian.core.segmentation.segmenter import segment_page
            from banmian.core.words.tagging import with_suggestions

            segmentation = with_suggestions(segment_page(page), store_idf(self))
        (result,) = self.add_pages([new_page(page, meta or PageMeta(page.source), segmentation)])
        return result

    def add_pages(self, batch: Iterable[NewPage]) -> list[AddResult]:
        """Several whole pages in one transaction (import commits in batches)."""
        results = []
        stamp = now()
        with self.writing():
            for new in batch:
                existing = self.find_page(new.digest)
                if existing is not None:
                    results.append(AddResult(existing, True))
                    continue
                meta = new.meta
                page_id = insert_row(
                    self.db,
                    "pages",
                    {
                        "content_hash": new.digest,
                        "source_file": meta.source_file,
                        "newspaper": meta.newspaper,
                        "date": meta.date,
                        "page_no": meta.page_no,
                        "raw_text": new.text,
                        "status": "verified" if new.made_elsewhere else "new",
                        "created_at": stamp,
                        "updated_at": stamp,
                    },
                )
                self._write_segmentation(page_id, new.rows, {}, new.words.__getitem__)
                detail = {"source": meta.source_file}
                if new.made_elsewhere:  # verified elsewhere: say where from
                    detail["segmentation"] = new.made_elsewhere
                self.log(page_id, "import", detail, stamp)
                results.append(AddResult(page_id, False))
        return results

    # -- loading and saving -----------------------------------------------------------
    def page_row(self, page_id: int) -> dict:
        row = next(self.rows("SELECT * FROM pages WHERE id = ?", [page_id]), None)
        if row is None:
            raise StoreError(f"no page {page_id} in {self.path}")
        return row

    def load(self, page_id: int) -> Segmentation:
        """The page's segmentation exactly as last saved."""
        row = self.page_row(page_id)
        page = Page.from_text(row["raw_text"], row["source_file"] or "")
        tags: dict[str, list[Tag]] = {}
        for t in self.rows(
            "SELECT * FROM article_tags WHERE page_id = ? ORDER BY rowid", [page_id]
        ):
            tags.setdefault(t["article_id"], []).append(Tag(t["name"], t["kind"], t["source"]))
        blocks: dict[str | None, list[Block]] = {}
        for b in self.rows("SELECT * FROM blocks WHERE page_id = ? ORDER BY first_line", [page_id]):
            blocks.setdefault(b["article_id"], []).append(
                Block(
                    Role(b["role"]),
                    b["first_line"],
                    b["last_line"],
                    text_of(page, b["role"], b["first_line"], b["last_line"], b["text"]),
                    doubts_from_json(b["doubts"]),
                )
            )
        articles = tuple(
            Article(
                id=a["article_id"],
                blocks=tuple(blocks.get(a["article_id"], ())),
                continued_from=a["continued_from"],
                continued_to=a["continued_to"],
                title_override=a["title_override"],
                tags=tuple(tags.get(a["article_id"], ())),
                suggestions=tags_from_json(a["suggestions"]),
                notes=a["notes"] or "",
                status=a["status"] or "proposed",
                doubts=doubts_from_json(a["doubts"]),
            )
            for a in self.rows(
                "SELECT * FROM articles WHERE page_id = ? ORDER BY position", [page_id]
            )
        )
        return Segmentation(page=page, articles=articles, unassigned=tuple(blocks.get(None, ())))

    def save(
        self, page_id: int, segmentation: Segmentation, action: str, detail: dict | None = None
    ) -> None:
        """Replace the page's segmentation and log the action, in one transaction."""
        segmentation.check()
        stamp = now()
        with self.writing():
            row = self.page_row(page_id)
            self.replace_rows(page_id, segmentation)
            status = "in_progress" if row["status"] == "new" else row["status"]
            self.db.execute(
                "UPDATE pages SET status = ?, updated_at = ?, annotator = ? WHERE id = ?",
                [status, stamp, self.annotator, page_id],
            )
            self.log(page_id, action, detail or {}, stamp)

    def replace_rows(self, page_id: int, segmentation: Segmentation) -> None:
        """Replace the page's blocks, tags and articles with `segmentation`'s, reusing the
        search rows of articles whose text did not change. Inside the caller's
        `writing()` transaction: saving a correction and re-proposing a page both end in
        it, with their own status and log around it."""
        previous = search_index.stored_rows(self.db.conn, [page_id])
        for table in ("blocks", "article_tags", "articles"):
            self.db.execute(f"DELETE FROM {table} WHERE page_id = ?", [page_id])
        texts = {a.id: (a.title, article_text(a.paragraphs)) for a in segmentation.articles}
        kept = {
            article_id: (rowid, digest)
            for (_, article_id), (title, text, rowid, digest) in previous.items()
            if rowid is not None and digest is not None and texts.get(article_id) == (title, text)
        }
        search_index.forget(
            self.db.conn,
            [row for (_, article_id), row in previous.items() if article_id not in kept],
        )
        self._write_segmentation(
            page_id,
            segmentation_rows(segmentation),
            kept,
            lambda article_id: search_index.words_of(texts[article_id]),
        )

    def reindex(self, page_ids: Sequence[int]) -> None:
        """Index the articles of `page_ids` anew, with the tokeniser in use: a file whose
        articles came without their search rows (a team member's batch), or one whose
        rows were indexed with words this tokeniser no longer gives. Inside the caller's
        `writing()` transaction."""
        search_index.reindex(self.db.conn, page_ids)

    def _write_segmentation(
        self,
        page_id: int,
        rows: SegmentationRows,
        kept: dict[str, tuple[int, int]],
        words_of: Callable[[str], tuple[str, str]],
    ) -> None:
        """Rows of one segmentation; search rows only for articles not in `kept`
        (article id → its search rowid and words' fingerprint, still in the index)."""
        insert_page_rows(self.db, "blocks", BLOCK_COLUMNS, page_id, rows.blocks)
        insert_page_rows(self.db, "article_tags", TAG_COLUMNS, page_id, rows.tags, replace=True)
        search = search_index.index(self.db.conn, [row[0] for row in rows.articles], kept, words_of)
        insert_page_rows(
            self.db,
            "articles",
            (*ARTICLE_COLUMNS, "search_rowid", "search_hash"),
            page_id,
            [(*row, *rowid) for row, rowid in zip(rows.articles, search, strict=True)],
        )
        self.db.execute(
            "UPDATE pages SET articles = ?, doubts = ? WHERE id = ?",
            [len(rows.articles), rows.doubts, page_id],
        )

    def log(
        self,
        page_id: int,
        action: str,
        detail: dict,
        stamp: str | None = None,
        annotator: str | None = None,
    ) -> None:
        """One entry of the edit log, inside the caller's `writing()` transaction: every
        change to a page is logged here, by this store's annotator unless `annotator`
        names who decided it (a curator)."""
        insert_row(
            self.db,
            "edit_log",
            {
                "page_id": page_id,
                "at": stamp or now(),
                "annotator": annotator or self.annotator,
                "action": action,
                "detail": json_text(detail),
            },
        )

    # -- status and the corpus ----------------------------------------------------------
    def set_status(self, page_id: int, status: str) -> None:
        if status not in STATUSES:
            raise StoreError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        stamp = now()
        with self.writing():
            self.page_row(page_id)
            self.db.execute(
                "UPDATE pages SET status = ?, updated_at = ?, annotator = ? WHERE id = ?",
                [status, stamp, self.annotator, page_id],
            )
            self.log(page_id, "set_status", {"status": status}, stamp)

    def pages(self, status: str | None = None) -> list[PageSummary]:
        where, params = ("WHERE status = ?", [status]) if status else ("", [])
        rows = self.rows(
            f"SELECT * FROM pages {where} ORDER BY date, CAST(page_no AS INTEGER), page_no, id",
            params,
        )
        return [_summary(r) for r in rows]

    def page_summary(self, page_id: int) -> PageSummary:
        return _summary(self.page_row(page_id))

    def next_unverified(self, after: int | None = None) -> int | None:
        """The next page in corpus order that is not verified, wrapping around: one
        indexed query (core.corpus.listing), whatever the corpus size."""
        from banmian.core.corpus.listing import next_unverified

        return next_unverified(self.db.conn, after)

    def history(self, page_id: int) -> list[EditRecord]:
        return [
            EditRecord(r["at"], r["annotator"], r["action"], json.loads(r["detail"] or "{}"))
            for r in self.rows("SELECT * FROM edit_log WHERE page_id = ? ORDER BY id", [page_id])
        ]

    def search(self, query: str, limit: int = 50, syntax: bool = False) -> list[SearchHit]:
        return search(self.db, query, limit=limit, syntax=syntax)


def _summary(row: dict) -> PageSummary:
    return PageSummary(
        id=row["id"],
        source=row["source_file"] or "",
        newspaper=row["newspaper"] or "",
        date=row["date"] or "",
        page_no=row["page_no"] or "",
        articles=row["articles"] or 0,
        status=row["status"],
        doubts=row["doubts"] or 0,
        updated_at=row["updated_at"] or "",
        annotator=row["annotator"] or "",
    )
