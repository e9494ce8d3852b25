"""Which articles an export takes, read from the store a batch of pages at a time.

An export only takes verified pages unless asked otherwise, and gives each article an
id that stays the same on every re-export (`<first 12 hex of the page's content hash>-
<article id>`). Articles are read a batch of pages at a time with one query per table
(never one per article), so exporting 100,000 articles keeps memory flat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from banmian.core.corpus.continuations import page_links
from banmian.core.corpus.store import STATUSES, Store
from banmian.core.export import rows as article_rows

FILTER_STATUSES = ("verified", "any", *(s for s in STATUSES if s != "verified"))
PAGES_PER_BATCH = 200

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


stable_id = article_rows.stable_id


def batch_rows(store: Store, ids: list[int], tag: str | None) -> Iterator[dict]:
    """The export rows of the articles of pages `ids` (with `tag`, when given), page by
    page in the order given, articles in reading order; four queries."""
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
            yield article_rows.article_row(
                page, article, blocks.get(key, []), article_tags, on_page
            )


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
        "SELECT page_id, article_id, role, first_line, last_line,"
        " coalesce(text, block_text(page_id, role, first_line, last_line)) FROM blocks"
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


def page_segmentations(store: Store, ids: Iterable[int]) -> Iterator[dict]:
    """DESIGN §2's page JSON of each page, with the page's metadata beside it; an article
    linked to a fragment on another page names it by its export id (`linked_to`,
    `linked_from`)."""
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
