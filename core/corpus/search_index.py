"""The upkeep of the contentless search index (`article_search`, schema m010).

The index holds only the words of each article's title and text; an article row points
at its index row (`search_rowid`) and keeps a fingerprint of the words it went in with
(`search_hash`). A contentless index can delete a row only given the very words it went
in with, and a wrong deletion corrupts it, so every deletion derives the words again and
checks the fingerprint first. All of this runs inside the store's write transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from banmian.core.corpus.rows import search_words_of, words_hash
from banmian.core.corpus.texts import article_texts

ArticleKey = tuple[int, str]  # (page id, article id)
# an article's search row as stored: title, text, search rowid, words' fingerprint
StoredRow = tuple[str, str, int | None, int | None]


def title_and_paragraphs(title_text: tuple[str, str]) -> tuple[str, list[str]]:
    """An article's title and text as the words of its search row are taken from."""
    title, text = title_text
    return title, text.split("\n") if text else []


def words_of(title_text: tuple[str, str]) -> tuple[str, str]:
    return search_words_of(*title_and_paragraphs(title_text))


def stored_rows(conn: sqlite3.Connection, page_ids: Sequence[int]) -> dict[ArticleKey, StoredRow]:
    """The search rows of the articles of `page_ids` as stored."""
    rows = {}
    for page_id in page_ids:
        for r in conn.execute(
            "SELECT article_id, title, search_rowid, search_hash FROM articles WHERE page_id = ?",
            [page_id],
        ):
            rows[(page_id, r[0])] = tuple(r[1:])
    texts = article_texts(conn, rows)
    return {
        key: (title or "", texts.get(key, ""), rowid, digest)
        for key, (title, rowid, digest) in rows.items()
    }


def forget(conn: sqlite3.Connection, rows: Sequence[StoredRow]) -> None:
    """Take these search rows out of the index. A row whose words no longer have its
    fingerprint (its text or the tokeniser changed since) is left behind, unreachable,
    rather than corrupt the index with a wrong deletion: search only shows rows an
    article points to."""
    for title, text, rowid, digest in rows:
        if rowid is None or digest is None or not _indexed(conn, rowid):
            continue
        words = words_of((title, text))
        if words_hash(*words) == digest:
            conn.execute(
                "INSERT INTO article_search (article_search, rowid, title, body) "
                "VALUES ('delete', ?, ?, ?)",
                [rowid, *words],
            )


def _indexed(conn: sqlite3.Connection, rowid: int) -> bool:
    """Whether the index holds row `rowid` (a file's articles may come without their
    search rows: a team member's batch copies the articles, not the index)."""
    return bool(conn.execute("SELECT 1 FROM article_search WHERE rowid = ?", [rowid]).fetchone())


def _next_rowid(conn: sqlite3.Connection) -> int:
    last = conn.execute("SELECT rowid FROM article_search ORDER BY rowid DESC LIMIT 1").fetchone()
    return (last[0] if last else 0) + 1


def index(
    conn: sqlite3.Connection,
    article_ids: Sequence[str],
    kept: dict[str, tuple[int, int]],
    words_for: Callable[[str], tuple[str, str]],
) -> list[tuple[int, int]]:
    """Each article's search rowid and words' fingerprint, indexing only the articles
    whose rows are not `kept` (article id → its rowid and fingerprint, still indexed)."""
    out: list[tuple[int, int]] = []
    next_rowid = None
    new_rows = []
    for article_id in article_ids:
        if article_id in kept:
            out.append(kept[article_id])
            continue
        if next_rowid is None:
            next_rowid = _next_rowid(conn)
        words = words_for(article_id)
        new_rows.append((next_rowid, *words))
        out.append((next_rowid, words_hash(*words)))
        next_rowid += 1
    if new_rows:
        conn.executemany(
            "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)", new_rows
        )
    return out


def reindex(conn: sqlite3.Connection, page_ids: Sequence[int]) -> None:
    """Index the articles of `page_ids` anew, with the tokeniser in use."""
    previous = stored_rows(conn, page_ids)
    forget(conn, list(previous.values()))
    by_page: dict[int, dict[str, tuple[str, str]]] = {}
    for (page_id, article_id), (title, text, _rowid, _digest) in previous.items():
        by_page.setdefault(page_id, {})[article_id] = (title, text)
    for page_id, texts in by_page.items():
        ids = list(texts)
        search = index(conn, ids, {}, lambda a, texts=texts: words_of(texts[a]))
        conn.executemany(
            "UPDATE articles SET search_rowid = ?, search_hash = ? "
            "WHERE page_id = ? AND article_id = ?",
            [(rowid, digest, page_id, a) for a, (rowid, digest) in zip(ids, search, strict=True)],
        )
