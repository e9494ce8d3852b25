"""The texts the database derives instead of storing them again.

A page's raw text is the one copy of its words in the file. A block of running text
(body, caption, noise, byline) is its lines reflowed (core.page.reflow), the same in every
process: its `text` is stored NULL when it is exactly that reflow. A heading keeps its
text, since joining a heading's lines follows the word-break rule of the tokeniser in use
(which may change), as does any block whose text is not its lines' reflow (one a `.seg
.json` gave). An article's text, its body blocks' texts one per line in reading order, is
never stored: the search index holds only words (core.corpus.search), so readers derive it
here, in Python or through the SQL functions `block_text` and `article_text` that every
store's connection has.

Nothing here imports SQLite: import workers build rows with `stored_text`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from banmian.core.page.model import Block, Page, Role
from banmian.core.page.reflow import block_text

if TYPE_CHECKING:
    import sqlite3

# roles whose text is their lines reflowed without the word-break rule
REFLOWED = frozenset({Role.BODY, Role.CAPTION, Role.NOISE, Role.BYLINE})

ArticleKey = tuple[int, str]  # (page id, article id)


def stored_text(page: Page, block: Block) -> str | None:
    """The `text` a block row holds: NULL when reading can derive it from the page."""
    if block.role in REFLOWED and block.text == block_text(
        page, block.role, block.first, block.last
    ):
        return None
    return block.text


def text_of(page: Page, role: str | Role, first: int, last: int, stored: str | None) -> str:
    """A block row's text: what it stores, else its lines reflowed."""
    if stored is not None:
        return stored
    return block_text(page, Role(role), first, last)


def article_text(paragraphs: Iterable[str]) -> str:
    """An article's text as search shows and matches it: its paragraphs, one a line."""
    return "\n".join(paragraphs)


_BODY_SQL = (
    "SELECT page_id, article_id, first_line, last_line, text FROM blocks "
    "WHERE page_id = ? AND role = 'body' AND article_id IS NOT NULL ORDER BY first_line"
)


def page_of(conn: sqlite3.Connection, page_id: int) -> Page | None:
    row = conn.execute("SELECT raw_text FROM pages WHERE id = ?", [page_id]).fetchone()
    return Page.from_text(row[0]) if row else None


def article_texts(conn: sqlite3.Connection, keys: Iterable[ArticleKey]) -> dict[ArticleKey, str]:
    """The text of each article of `keys` (two queries a page); an article without body
    blocks has the empty text, one of a page not in the database none."""
    pages: dict[int, set[str]] = {}
    for page_id, article_id in keys:
        pages.setdefault(page_id, set()).add(article_id)
    out: dict[ArticleKey, str] = {}
    for page_id, wanted in pages.items():
        page = page_of(conn, page_id)
        if page is None:
            continue
        paragraphs: dict[str, list[str]] = {a: [] for a in wanted}
        for _, article_id, first, last, stored in conn.execute(_BODY_SQL, [page_id]):
            if article_id in paragraphs:
                paragraphs[article_id].append(text_of(page, Role.BODY, first, last, stored))
        out.update({(page_id, a): article_text(p) for a, p in paragraphs.items()})
    return out


class TextFunctions:
    """The SQL functions `block_text(page_id, role, first_line, last_line)` (a block's
    reflowed lines) and `article_text(page_id, article_id)`, for queries that read texts
    the file no longer stores (`coalesce(text, block_text(…))`). The last page read is
    kept, checked against its raw text, so a query over one page's rows splits it once."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.raw: str | None = None
        self.page: Page | None = None

    def page_lines(self, page_id: int) -> Page | None:
        row = self.conn.execute("SELECT raw_text FROM pages WHERE id = ?", [page_id]).fetchone()
        if row is None:
            return None
        if row[0] != self.raw:
            self.raw, self.page = row[0], Page.from_text(row[0])
        return self.page

    def block_text(self, page_id: int, role: str, first: int, last: int) -> str | None:
        page = self.page_lines(page_id)
        return None if page is None else block_text(page, Role(role), first, last)

    def article_text(self, page_id: int, article_id: str) -> str | None:
        page = self.page_lines(page_id)
        if page is None:
            return None
        rows = self.conn.execute(_BODY_SQL, [page_id]).fetchall()
        return article_text(
            text_of(page, Role.BODY, first, last, stored)
            for _, article, first, last, stored in rows
            if article == article_id
        )

    def register(self) -> None:
        self.conn.create_function("block_text", 4, self.block_text)
        self.conn.create_function("article_text", 2, self.article_text)
