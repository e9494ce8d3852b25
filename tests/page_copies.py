"""Many pages in a database at the cost of one: copies of a stored page made by SQL.

Segmenting 100,000 pages would take hours; the window's list, Ctrl+Return and the
corpus counts only need pages that look real (text, blocks, articles, a log), so one
imported page is copied under new hashes, dates, page numbers, newspapers, doubts and
statuses (60% verified, 10% in progress, 30% new, interleaved along the corpus).
"""

from __future__ import annotations

import sqlite3

NEWSPAPERS = ("人民日报", "青岛日报", "半岛都市报")


def copy_page(db: sqlite3.Connection, copies: int, source: int = 1) -> None:
    """`copies` copies of page `source` with their blocks, articles and import log, in
    one transaction: copy i is page `1 + i % 8` of the day `i // 8` after 2020-01-01."""
    (last,) = db.execute("SELECT ifnull(max(id), 0) FROM pages").fetchone()
    db.execute("BEGIN IMMEDIATE")
    db.execute(
        """WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :copies),
             copy AS (SELECT i, date('2020-01-01', '+' || (i / 8) || ' days') AS day,
                             CASE i % 3 WHEN 0 THEN :n0 WHEN 1 THEN :n1 ELSE :n2 END AS paper
                      FROM n)
        INSERT INTO pages (content_hash, source_file, newspaper, date, page_no, raw_text,
                           status, annotator, articles, doubts, created_at, updated_at)
        SELECT p.content_hash || '-' || i, printf('%s/%s_%02d.txt', paper, day, 1 + i % 8),
               paper, day, CAST(1 + i % 8 AS TEXT), p.raw_text,
               CASE WHEN (i * 7) % 10 < 6 THEN 'verified'
                    WHEN (i * 7) % 10 = 6 THEN 'in_progress' ELSE 'new' END,
               'copy', p.articles, p.doubts + i % 5, p.created_at,
               strftime('%Y-%m-%dT%H:%M:%f', '2023-01-01', '+' || i || ' minutes') || '+00:00'
        FROM copy, pages p WHERE p.id = :source""",
        {"copies": copies, "source": source, **{f"n{k}": n for k, n in enumerate(NEWSPAPERS)}},
    )
    for table, columns in (
        ("blocks", "first_line, last_line, role, text, article_id, doubts"),
        (
            "articles",
            "article_id, position, title_override, continued_from, continued_to, notes, "
            "status, doubts, title, suggestions",
        ),
    ):
        copied = ", ".join(f"t.{c.strip()}" for c in columns.split(","))
        db.execute(
            f"INSERT INTO {table} (page_id, {columns}) SELECT p.id, {copied} "
            f"FROM pages p, {table} t WHERE p.id > ? AND t.page_id = ?",
            [last, source],
        )
    db.execute(
        "INSERT INTO edit_log (page_id, at, annotator, action, detail) "
        "SELECT id, created_at, 'copy', 'import', '{}' FROM pages WHERE id > ?",
        [last],
    )
    db.execute("COMMIT")
