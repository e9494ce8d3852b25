"""Model values as table rows and back, and rows written in bulk.

Import writes some 150 rows a page and a correction rewrites a page's rows, so rows of
one shape go in with one executemany; sqlite-utils keeps the schema and migrations.
"""

from __future__ import annotations

import json

from banmian.core.model import Block, Doubt
from sqlite_utils import Database


def insert_sql(table: str, columns: list[str], replace: bool = False) -> str:
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    names = ", ".join(f"[{c}]" for c in columns)
    return f"{verb} INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"


def insert_rows(db: Database, table: str, rows: list[dict], replace: bool = False) -> None:
    """Rows of one shape in one executemany: import writes some 150 rows a page, and
    sqlite-utils' insert_all spends more time inspecting each value than SQLite spends
    storing it. The tables already exist, so nothing it would add is needed here."""
    if rows:
        columns = list(rows[0])
        db.conn.executemany(
            insert_sql(table, columns, replace), [tuple(r[c] for c in columns) for r in rows]
        )


def insert_row(db: Database, table: str, row: dict) -> int:
    """One row (see insert_rows); its rowid."""
    cursor = db.execute(insert_sql(table, list(row)), list(row.values()))
    return cursor.lastrowid


def block_row(page_id: int, block: Block, article_id: str | None) -> dict:
    return {
        "page_id": page_id,
        "first_line": block.first,
        "last_line": block.last,
        "role": block.role.value,
        "text": block.text,
        "article_id": article_id,
        "doubts": doubts_json(block.doubts),
    }


def doubts_json(doubts: tuple[Doubt, ...]) -> str | None:
    return json.dumps([d.to_json() for d in doubts], ensure_ascii=False) if doubts else None


def doubts_from_json(raw: str | None) -> tuple[Doubt, ...]:
    return tuple(Doubt.from_json(d) for d in json.loads(raw)) if raw else ()
