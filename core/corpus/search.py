"""Word-aware search over the articles of a database.

SQLite's FTS5 does not split Chinese into words, so articles are indexed as jieba words
joined by spaces and a query is split the same way. Whatever a user types — quotes,
brackets, AND/OR/NEAR, `*` — is taken as words unless they ask for FTS5's own syntax,
so a search never ends in an SQL error.

The index holds the words alone (a contentless FTS5 table): a hit is the row an article
points to (`articles.search_rowid`), and the text a snippet quotes is derived from the
page's lines (core.corpus.texts), for the hits shown only.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from banmian.core.corpus.texts import article_texts
from banmian.core.page.reflow import MARGIN
from banmian.core.words import nlp
from sqlite_utils import Database

MARK_OPEN, MARK_CLOSE = "[", "]"
# Ranking (bm25) reads every match: ~2 ms per thousand. A word in more articles than this
# tells little about relevance anyway, so its articles come newest import first instead.
RANK_AT_MOST = 5000
# A query longer than this is cut: a search box is not a place for a whole article.
MAX_QUERY_CHARS = 1000
MAX_QUERY_WORDS = 32
MAX_LIMIT = 10_000
_CHINESE = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")


class SearchError(ValueError):
    """A query in FTS5 syntax that SQLite could not parse; the message says so."""


@dataclass(frozen=True)
class SearchHit:
    page_id: int
    article_id: str
    date: str
    page_no: str
    newspaper: str
    title: str
    snippet: str


def query_words(query: str) -> list[str]:
    """The distinct words of a user's query, as jieba splits them (punctuation dropped),
    at most `MAX_QUERY_WORDS` of them: FTS5's ranking costs the square of the terms it
    is given, and a word said twice finds nothing more."""
    query = query[:MAX_QUERY_CHARS]
    words = [t for t in nlp.tokens(query) if t.strip() and any(ch.isalnum() for ch in t)]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression that finds articles holding every word of `query`."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in query_words(query))


def snippet(text: str, words: list[str], width: int = 24) -> str:
    """`width` characters either side of the first hit, every hit marked [like this],
    on one line (paragraph breaks read as spaces)."""
    text = text.replace("\n", " ")
    words = list(dict.fromkeys(w for w in words if w))
    hits = [(m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), text)]
    if not hits:
        return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
    first = min(hits)[0]
    start, end = max(0, first - width), min(len(text), first + width)
    piece = text[start:end]
    for w in sorted(set(words), key=len, reverse=True):
        piece = piece.replace(w, f"{MARK_OPEN}{w}{MARK_CLOSE}")
    piece = re.sub(r"\[\[([^\]]*)\]\]", r"[\1]", piece)
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def search(db: Database, query: str, limit: int = 50, syntax: bool = False) -> list[SearchHit]:
    """Articles matching `query`, best first; `syntax=True` passes FTS5 syntax through."""
    limit = max(0, min(int(limit), MAX_LIMIT))
    words = query_words(query)
    match = query[:MAX_QUERY_CHARS] if syntax else fts_query(query)
    if not match.strip():
        return []
    sql = """
        SELECT a.page_id, a.article_id, p.date, p.page_no, p.newspaper, a.title
        FROM (SELECT rowid AS search_rowid, {order} FROM article_search
              WHERE article_search MATCH ? ORDER BY {by} LIMIT ?) s
        JOIN articles a ON a.search_rowid = s.search_rowid
        JOIN pages p ON p.id = a.page_id
        ORDER BY s.score
    """
    try:
        matches = db.execute(
            "SELECT count(*) FROM article_search WHERE article_search MATCH ?", [match]
        ).fetchone()[0]
        order, by = (
            ("rank AS score", "rank")
            if matches <= RANK_AT_MOST
            else (
                "-rowid AS score",
                "rowid DESC",
            )
        )
        rows = list(db.query(sql.format(order=order, by=by), [match, limit]))
    except sqlite3.OperationalError as exc:
        if syntax:
            raise SearchError(f"not a valid full-text query: {exc}") from None
        raise
    query = query[:MAX_QUERY_CHARS]
    if rows:
        texts = article_texts(db.conn, [(r["page_id"], r["article_id"]) for r in rows])
    elif not syntax and _CHINESE.search(query):
        # jieba may split the query and the text differently: fall back to a substring.
        rows, texts = substring_matches(db, query.strip(), limit)
        words = [query.strip()]
    return [hit(r, texts.get((r["page_id"], r["article_id"]), ""), words) for r in rows]


def hit(row: Mapping, text: str, words: list[str]) -> SearchHit:
    """A result from a row of pages × articles, its snippet cut from `text` around
    `words`."""
    return SearchHit(
        page_id=row["page_id"],
        article_id=row["article_id"],
        date=row["date"] or "",
        page_no=row["page_no"] or "",
        newspaper=row["newspaper"] or "",
        title=row["title"] or "",
        snippet=snippet(text, words),
    )


# what reflowing a page's lines takes out of them (but continuation marks): a piece of an
# article's text is in its page's raw text with any of these between two characters
_GAP = "[" + re.escape("\n\r" + MARGIN) + "]*"


def _in_raw_text(needle: str) -> list[re.Pattern]:
    """Patterns that every raw page text whose articles may hold `needle` matches: each
    line of it, its characters with line breaks and margins allowed between them."""
    pieces = [re.sub(_GAP, "", p) for p in needle.split("\n")]
    return [re.compile(_GAP.join(map(re.escape, p))) for p in pieces if p]


def substring_matches(db: Database, needle: str, limit: int) -> tuple[list[dict], dict]:
    """The articles whose title or text holds `needle`, in the order they were stored
    (articles' rowid), at most `limit`, with their texts.

    Article text is not stored: the pages whose raw text holds the needle, line breaks
    and margins allowed between its characters, are found (every article text holding
    it is among them, as is every article whose title holds it), and their articles are
    derived and checked, in order, until `limit` are found. One pass over the raw texts,
    as the old scan of the stored article texts was."""
    patterns = _in_raw_text(needle)
    pages = [
        page_id
        for page_id, raw in db.execute("SELECT id, raw_text FROM pages")
        if patterns and all(p.search(raw or "") for p in patterns)
    ]
    candidates = db.execute(
        """SELECT a.rowid, a.page_id, a.article_id, p.date, p.page_no, p.newspaper, a.title
           FROM articles a JOIN pages p ON p.id = a.page_id
           WHERE a.page_id IN (SELECT value FROM json_each(?)) OR instr(a.title, ?)
           ORDER BY a.rowid""",
        [json.dumps(pages), needle],
    )
    keys = ("rowid", "page_id", "article_id", "date", "page_no", "newspaper", "title")
    rows: list[dict] = []
    texts: dict = {}
    batch: list[dict] = []

    def check(batch: list[dict]) -> None:
        found = article_texts(db.conn, [(r["page_id"], r["article_id"]) for r in batch])
        for r in batch:
            text = found.get((r["page_id"], r["article_id"]), "")
            if len(rows) < limit and (needle in text or needle in (r["title"] or "")):
                rows.append(r)
                texts[(r["page_id"], r["article_id"])] = text

    for row in candidates:
        batch.append(dict(zip(keys, row, strict=True)))
        if len(batch) >= 64:
            check(batch)
            batch = []
            if len(rows) >= limit:
                break
    check(batch)
    return rows, texts
