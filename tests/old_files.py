"""Annotation files as banmian wrote them before schema version 10, for migration tests.

Up to version 9 a page's text was stored four times: the raw page, every block's text,
every article's text and the search index's own copy of its words (an FTS5 table with
`page_id` and `article_id` columns). `write_page` writes a segmentation that way into a
file migrated up to any version before 10, filling the columns that version has, as the
store of that version did; `old_search` searches such a file as version 9 did.
"""

from __future__ import annotations

import sqlite_utils
from banmian.core.corpus import search
from banmian.core.corpus.rows import (
    article_search_words,
    content_hash,
    cover_every_line,
    doubts_json,
    json_text,
    tags_json,
)
from banmian.core.corpus.schema import migrations
from banmian.core.corpus.search import SearchHit
from banmian.core.page.model import Segmentation


def old_file(path, stop_before: str = "m010_text_once") -> sqlite_utils.Database:
    """A new file at the version before migration `stop_before`, as that version made it."""
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before=stop_before)
    db.execute(f"PRAGMA user_version = {len(migrations.applied(db))}")
    return db


def _columns(db: sqlite_utils.Database, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info([{table}])")}


def write_page(
    db: sqlite_utils.Database,
    segmentation: Segmentation,
    status: str = "new",
    newspaper: str = "",
    date: str = "",
    page_no: str = "",
) -> int:
    """Store `segmentation` as a pre-10 store did (texts in blocks, articles and the
    search index); its page id."""
    seg = cover_every_line(segmentation)
    page = seg.page
    stamp = "2024-01-01T00:00:00.000+00:00"
    page_id = db.execute(
        "INSERT INTO pages (content_hash, source_file, newspaper, date, page_no, raw_text, "
        "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            content_hash(page),
            page.source,
            newspaper,
            date,
            page_no,
            page.text,
            status,
            stamp,
            stamp,
        ],
    ).lastrowid
    db.conn.executemany(
        "INSERT INTO blocks (page_id, first_line, last_line, role, text, article_id, doubts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (page_id, b.first, b.last, b.role.value, b.text, article_id, doubts_json(b.doubts))
            for article_id, blocks in [(a.id, a.blocks) for a in seg.articles]
            + [(None, seg.unassigned)]
            for b in blocks
        ],
    )
    article_columns = _columns(db, "articles")
    for position, article in enumerate(seg.articles):
        title_words, body_words = article_search_words(article)
        (last,) = db.execute("SELECT ifnull(max(rowid), 0) FROM article_search").fetchone()
        db.execute(
            "INSERT INTO article_search (rowid, title, body, page_id, article_id) "
            "VALUES (?, ?, ?, ?, ?)",
            [last + 1, title_words, body_words, page_id, article.id],
        )
        row = {
            "page_id": page_id,
            "article_id": article.id,
            "position": position,
            "title_override": article.title_override,
            "continued_from": article.continued_from,
            "continued_to": article.continued_to,
            "notes": article.notes or None,
            "status": article.status,
            "doubts": doubts_json(article.doubts),
            "title": article.title,
            "text": "\n".join(article.paragraphs),
            "suggestions": tags_json(article.suggestions),
            "search_rowid": last + 1,
        }
        row = {k: v for k, v in row.items() if k in article_columns}
        db.execute(
            f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        db.conn.executemany(
            "INSERT INTO article_tags (page_id, article_id, name, kind, source) "
            "VALUES (?, ?, ?, ?, ?)",
            [(page_id, article.id, t.name, t.kind, t.source) for t in article.tags],
        )
    db.execute(
        "UPDATE pages SET articles = ?, doubts = ? WHERE id = ?",
        [len(seg.articles), len(seg.doubts()), page_id],
    )
    db.execute(
        "INSERT INTO edit_log (page_id, at, annotator, action, detail) VALUES (?, ?, ?, ?, ?)",
        [page_id, stamp, "old", "import", json_text({"source": page.source})],
    )
    db.conn.commit()
    return page_id


def old_search(db: sqlite_utils.Database, query: str, limit: int = 50) -> list[SearchHit]:
    """Search as version 9 did, over the words and texts it stored (the query of
    core.corpus.search before version 10, word for word)."""
    limit = max(0, min(int(limit), search.MAX_LIMIT))
    words = search.query_words(query)
    match = search.fts_query(query)
    if not match.strip():
        return []
    sql = """
        SELECT s.page_id, s.article_id, p.date, p.page_no, p.newspaper, a.title, a.text
        FROM (SELECT page_id, article_id, {order} FROM article_search
              WHERE article_search MATCH ? ORDER BY {by} LIMIT ?) s
        JOIN pages p ON p.id = s.page_id
        JOIN articles a ON a.page_id = s.page_id AND a.article_id = s.article_id
        ORDER BY s.score
    """
    (matches,) = db.execute(
        "SELECT count(*) FROM article_search WHERE article_search MATCH ?", [match]
    ).fetchone()
    order, by = (
        ("rank AS score", "rank")
        if matches <= search.RANK_AT_MOST
        else ("-rowid AS score", "rowid DESC")
    )
    rows = list(db.query(sql.format(order=order, by=by), [match, limit]))
    query = query[: search.MAX_QUERY_CHARS]
    if not rows and search._CHINESE.search(query):  # noqa: SLF001
        rows = list(
            db.query(
                """SELECT a.page_id, a.article_id, p.date, p.page_no, p.newspaper, a.title, a.text
                   FROM articles a JOIN pages p ON p.id = a.page_id
                   WHERE instr(a.text, ?) OR instr(a.title, ?) LIMIT ?""",
                [query.strip(), query.strip(), limit],
            )
        )
        words = [query.strip()]
    return [search.hit(r, r["text"] or "", words) for r in rows]
