"""A segmentation as table rows and back, and rows written in bulk.

Import writes some 50 rows a page and a correction rewrites a page's rows, so rows of one
shape go in with one executemany; sqlite-utils keeps the schema and migrations. Rows are
built as plain tuples without the page's id: import workers build them, and tuples of
strings cross to the writing process several times cheaper than the model's objects.
They hold no text the page's lines give again (core.corpus.texts): a block of running
text has none, an article none.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

from banmian.core.corpus.texts import stored_text
from banmian.core.page.meta import PageMeta
from banmian.core.page.model import (
    Article,
    Block,
    Doubt,
    ModelError,
    Page,
    Role,
    Segmentation,
    Tag,
)
from banmian.core.words import nlp

if TYPE_CHECKING:  # import workers build rows and never load SQLite's libraries
    from sqlite_utils import Database

BLOCK_COLUMNS = ("first_line", "last_line", "role", "text", "article_id", "doubts")
ARTICLE_COLUMNS = (
    "article_id",
    "position",
    "title_override",
    "continued_from",
    "continued_to",
    "notes",
    "status",
    "doubts",
    "suggestions",
    "title",
)
TAG_COLUMNS = ("article_id", "name", "kind", "source")
# JSON as stored and exported, Chinese kept readable; json.dumps with options builds a
# new encoder per call, which import and export would pay per row
json_text = json.JSONEncoder(ensure_ascii=False).encode


class SegmentationRows(NamedTuple):
    """Rows of one segmentation, each missing its leading page_id (see the *_COLUMNS)."""

    articles: list[tuple]
    blocks: list[tuple]
    tags: list[tuple]  # accepted tags only; suggestions are a column of their article
    doubts: int


def segmentation_rows(seg: Segmentation) -> SegmentationRows:
    page = seg.page
    articles, blocks, tags = [], [], []
    for position, article in enumerate(seg.articles):
        articles.append(
            (
                article.id,
                position,
                article.title_override,
                article.continued_from,
                article.continued_to,
                article.notes or None,
                article.status,
                doubts_json(article.doubts),
                tags_json(article.suggestions),
                article.title,
            )
        )
        blocks += [block_row(page, b, article.id) for b in article.blocks]
        tags += [(article.id, t.name, t.kind, t.source) for t in article.tags]
    blocks += [block_row(page, b, None) for b in seg.unassigned]
    return SegmentationRows(articles, blocks, tags, len(seg.doubts()))


# article id → (title, body) as space-joined jieba words, the form the FTS index holds
SearchWords = dict[str, tuple[str, str]]


def article_search_words(article: Article) -> tuple[str, str]:
    """Index text of an article's title and body."""
    return search_words_of(article.title, article.paragraphs)


def search_words_of(title: str, paragraphs: Iterable[str]) -> tuple[str, str]:
    """Index text of a title and paragraphs; paragraphs are tokenised one by one so an
    edit that moves whole paragraphs finds them in nlp's token cache."""
    return nlp.index_text(title), " ".join(nlp.index_text(p) for p in paragraphs)


def words_hash(title_words: str | None, body_words: str | None) -> int:
    """A 64-bit fingerprint of the words an article was indexed under (stored beside it,
    `articles.search_hash`). The index keeps no copy of them, and taking an article out
    of it needs exactly the words it went in with: the store takes a row out only when
    the words it derives again have this fingerprint (see core.corpus.search_index.forget)."""
    data = f"{title_words or ''}\x1f{body_words or ''}".encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def search_words(seg: Segmentation) -> SearchWords:
    """Index text of every article (what import workers compute ahead of the write)."""
    return {a.id: article_search_words(a) for a in seg.articles}


def content_hash(page: Page) -> str:
    """Hash of the normalised text: the same page in another encoding or name matches."""
    return hashlib.sha256(page.text.rstrip("\n").encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewPage:
    """A page ready to be stored: its text, origin, proposal as rows and search words.

    Everything that costs CPU is done by whoever builds it (import's worker processes),
    so the one process that writes only inserts; and it is plain strings and tuples,
    which cross between processes several times cheaper than the model's objects.
    """

    text: str
    meta: PageMeta
    rows: SegmentationRows
    words: SearchWords
    digest: str
    # the `.seg.json` its segmentation came from (core.corpus.made_elsewhere): such a page
    # is stored verified; "" for the pipeline's proposal, stored new
    made_elsewhere: str = ""


def cover_every_line(segmentation: Segmentation) -> Segmentation:
    """The segmentation as the store may hold it: every line with text in a block.

    A proposal that leaves lines in no block could be stored, verified and exported
    without them, and the window could not correct them. Such lines become unassigned
    body blocks with a doubt, so the annotator sees them first (F8) and places them.
    Any other broken invariant raises ModelError: the page fails instead of being stored.
    """
    try:
        return segmentation.check()
    except ModelError:
        pass
    from banmian.core.page.reflow import block_text

    page = segmentation.page
    covered = {
        n for b in segmentation.blocks() for n in range(b.first, b.last + 1) if 1 <= n <= len(page)
    }
    runs: list[list[int]] = []
    for n in (n for n in page.content_lines() if n not in covered):
        if runs and all(page.is_blank(k) for k in range(runs[-1][-1] + 1, n)):
            runs[-1].append(n)
        else:
            runs.append([n])
    added = tuple(
        Block(
            Role.BODY,
            run[0],
            run[-1],
            block_text(page, Role.BODY, run[0], run[-1]),
            (Doubt("role", 0.0, "the pipeline put these lines in no block", (run[0], run[-1])),),
        )
        for run in runs
    )
    return replace(segmentation, unassigned=segmentation.unassigned + added).check()


def new_page(
    page: Page, meta: PageMeta, segmentation: Segmentation, made_elsewhere: str = ""
) -> NewPage:
    meta = meta if meta.source_file else replace(meta, source_file=page.source)
    segmentation = cover_every_line(segmentation)
    return NewPage(
        page.text,
        meta,
        segmentation_rows(segmentation),
        search_words(segmentation),
        content_hash(page),
        made_elsewhere,
    )


def block_row(page: Page, block: Block, article_id: str | None) -> tuple:
    return (
        block.first,
        block.last,
        block.role.value,
        stored_text(page, block),
        article_id,
        doubts_json(block.doubts),
    )


def insert_sql(table: str, columns: tuple[str, ...] | list[str], replace: bool = False) -> str:
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    names = ", ".join(f"[{c}]" for c in columns)
    return f"{verb} INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"


def insert_page_rows(
    db: Database,
    table: str,
    columns: tuple[str, ...],
    page_id: int,
    rows: list[tuple],
    replace: bool = False,
) -> None:
    """Rows of one page in one executemany: sqlite-utils' insert_all spends more time
    inspecting each value than SQLite spends storing it, and the tables already exist."""
    if rows:
        db.conn.executemany(
            insert_sql(table, ("page_id", *columns), replace), [(page_id, *r) for r in rows]
        )


def insert_row(db: Database, table: str, row: dict) -> int:
    """One row, without sqlite-utils' per-value inspection; its rowid."""
    cursor = db.execute(insert_sql(table, list(row)), list(row.values()))
    return cursor.lastrowid


def doubts_json(doubts: tuple[Doubt, ...]) -> str | None:
    return json_text([d.to_json() for d in doubts]) if doubts else None


def doubts_from_json(raw: str | None) -> tuple[Doubt, ...]:
    return tuple(Doubt.from_json(d) for d in json.loads(raw)) if raw else ()


def tags_json(tags: tuple[Tag, ...]) -> str | None:
    """Suggested tags as stored beside their article: `[{"name", "kind", "source"}, …]`."""
    return json_text([t.to_json() for t in tags]) if tags else None


def tags_from_json(raw: str | None) -> tuple[Tag, ...]:
    return tuple(Tag.from_json(t) for t in json.loads(raw)) if raw else ()
