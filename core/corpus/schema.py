"""The database's tables and every migration that got them there.

The annotation file must stay plain SQLite that sqlite-utils, Datasette or any other tool
can open, and a file written by an older banmian must open in a newer one with its data
intact; so the schema is only ever changed by appending a migration here.
"""

from __future__ import annotations

import contextlib
import sqlite3

from banmian.core.corpus.database import write_transaction
from banmian.core.corpus.rows import words_hash
from banmian.core.corpus.texts import REFLOWED
from banmian.core.page.model import Page, Role
from banmian.core.page.reflow import block_text
from sqlite_utils import Database, Migrations

migrations = Migrations("banmian")

# Bumped with every migration; stored in PRAGMA user_version for tools that look there.
SCHEMA_VERSION = 10


@migrations()
def m001_pages_articles_blocks(db: Database) -> None:
    """Version 1: pages with their segmentation, tags, vocabulary and the edit log."""
    db.table("pages").create(
        {
            "id": int,
            "content_hash": str,
            "source_file": str,
            "newspaper": str,
            "date": str,
            "page_no": str,
            "raw_text": str,
            "status": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"content_hash", "raw_text", "status"},
        defaults={"status": "new"},
    )
    db.table("pages").create_index(["content_hash"], unique=True)
    db.table("pages").create_index(["status"])
    db.table("pages").create_index(["date", "page_no"])
    db.table("articles").create(
        {
            "page_id": int,
            "article_id": str,
            "position": int,
            "title_override": str,
            "continued_from": str,
            "continued_to": str,
            "notes": str,
            "status": str,
            "doubts": str,
        },
        pk=("page_id", "article_id"),
        foreign_keys=[("page_id", "pages", "id")],
    )
    db.table("blocks").create(
        {
            "page_id": int,
            "first_line": int,
            "last_line": int,
            "role": str,
            "text": str,
            "article_id": str,
            "doubts": str,
        },
        pk=("page_id", "first_line"),
        foreign_keys=[("page_id", "pages", "id")],
    )
    db.table("blocks").create_index(["page_id", "article_id"])
    db.table("article_tags").create(
        {
            "page_id": int,
            "article_id": str,
            "name": str,
            "kind": str,
            "source": str,
            "accepted": int,
        },
        pk=("page_id", "article_id", "name", "accepted"),
        foreign_keys=[("page_id", "pages", "id")],
    )
    db.table("article_tags").create_index(["name"])
    db.table("tag_vocabulary").create({"name": str, "kind": str, "shortcut": str}, pk="name")
    db.table("edit_log").create(
        {"id": int, "page_id": int, "at": str, "annotator": str, "action": str, "detail": str},
        pk="id",
        foreign_keys=[("page_id", "pages", "id")],
    )
    db.table("edit_log").create_index(["page_id", "id"])


@migrations()
def m002_annotator_counts_and_search(db: Database) -> None:
    """Version 2: who works on a page, counts for the corpus view, article text and a
    full-text index over jieba words (FTS5 cannot split Chinese by itself)."""
    pages = db.table("pages")
    pages.add_column("annotator", str)
    pages.add_column("articles", int, not_null_default=0)
    pages.add_column("doubts", int, not_null_default=0)
    articles = db.table("articles")
    articles.add_column("title", str)
    articles.add_column("text", str)
    db.execute(
        "CREATE VIRTUAL TABLE article_search USING fts5("
        "title, body, page_id UNINDEXED, article_id UNINDEXED, tokenize = 'unicode61')"
    )
    # Version 1 files hold no article text yet; the store fills it on the page's next save.
    db.execute(
        "UPDATE pages SET articles = (SELECT count(*) FROM articles a WHERE a.page_id = pages.id)"
    )


@migrations()
def m003_search_rowid(db: Database) -> None:
    """Version 3: each article remembers its row in the search index, so a correction
    replaces that row directly instead of scanning the index for the page's rows."""
    db.table("articles").add_column("search_rowid", int)
    db.execute(
        "CREATE TEMP TABLE search_map AS SELECT rowid AS r, page_id, article_id FROM article_search"
    )
    db.execute("CREATE INDEX temp.search_map_key ON search_map (page_id, article_id)")
    db.execute(
        "UPDATE articles SET search_rowid = (SELECT r FROM search_map m "
        "WHERE m.page_id = articles.page_id AND m.article_id = articles.article_id)"
    )
    db.execute("DROP TABLE temp.search_map")


@migrations()
def m004_suggestions_beside_articles(db: Database) -> None:
    """Version 4: an article's suggested tags are a JSON column beside it, as its doubts
    are: both are the pipeline's proposal, rewritten whole. Only tags an annotator gave
    stay rows of article_tags, which loses its `accepted` flag; suggestion rows made up
    most of an import's writing (some 70 a page)."""
    db.table("articles").add_column("suggestions", str)
    db.execute(
        """UPDATE articles SET suggestions = (
               SELECT json_group_array(json_object('name', name, 'kind', kind, 'source', source))
               FROM (SELECT name, kind, source FROM article_tags t
                     WHERE t.page_id = articles.page_id AND t.article_id = articles.article_id
                       AND t.accepted = 0 ORDER BY t.rowid))
           WHERE EXISTS (SELECT 1 FROM article_tags t WHERE t.page_id = articles.page_id
                         AND t.article_id = articles.article_id AND t.accepted = 0)"""
    )
    db.execute("DELETE FROM article_tags WHERE accepted = 0")
    db.table("article_tags").transform(drop={"accepted"}, pk=("page_id", "article_id", "name"))


@migrations()
def m005_models(db: Database) -> None:
    """Version 5: line models learnt from the database's verified pages (core.corpus.models):
    the CRFsuite model's bytes, its card, the pages it was trained on, its cross-validated
    scores against the model in use then, and whether it is in use for its scope (a
    newspaper, or '' for the whole database). Each page remembers the model that proposed
    it (`proposed_by`, NULL: the shipped model)."""
    db.table("models").create(
        {
            "id": int,
            "created_at": str,
            "newspaper": str,
            "description": str,
            "model": bytes,
            "card": str,
            "training_pages": str,
            "scores": str,
            "decision": str,
            "reason": str,
            "in_use": int,
        },
        pk="id",
        not_null={"model", "newspaper"},
        defaults={"in_use": 0, "newspaper": ""},
    )
    db.table("models").create_index(["newspaper", "in_use"])
    db.table("pages").add_column("proposed_by", int)


@migrations()
def m006_links(db: Database) -> None:
    """Version 6: links between the fragments of one article across pages (core.corpus
    .links): the head fragment (`（下转第X版）`) and its tail (`（上接第X版）`), with the
    linker's score and who made it (`auto`, or `user`). A row with no `to_page` is an
    annotator's "this fragment has no link here" that the linker leaves alone."""
    db.table("links").create(
        {
            "from_page": int,
            "from_article": str,
            "to_page": int,
            "to_article": str,
            "score": float,
            "source": str,
            "created_at": str,
        },
        pk=("from_page", "from_article"),
        foreign_keys=[("from_page", "pages", "id")],
        not_null={"source"},
    )
    db.table("links").create_index(["to_page", "to_article"])


@migrations()
def m007_team(db: Database) -> None:
    """Version 7: the team workflow (core.team). `team` says what this file is in a team
    (its `id`, `role` main or annotator, the `annotator` and the `origin` it was batched
    from); `assignments` which pages went to whom in which batch, with the fingerprint of
    the version handed out (`base`, what a merge compares against); `merges` how far each
    annotator file's edit log was brought in and the version it last gave of the page, so
    a merge run twice adds nothing and two versions merged apart are still seen to differ;
    a page's `curated_by` names whoever resolved two annotators' disagreements on it, and
    `merged` the fingerprint of the version the last merge wrote."""
    db.table("team").create({"key": str, "value": str}, pk="key")
    db.table("assignments").create(
        {"batch": str, "content_hash": str, "annotator": str, "base": str, "created_at": str},
        pk=("batch", "content_hash", "annotator"),
    )
    db.table("assignments").create_index(["content_hash"])
    db.table("merges").create(
        {
            "source": str,
            "content_hash": str,
            "annotator": str,
            "last_log_id": int,
            "fingerprint": str,
            "at": str,
        },
        pk=("source", "content_hash"),
    )
    db.table("pages").add_column("curated_by", str)
    db.table("pages").add_column("merged", str)


@migrations()
def m008_corpus_list_indexes(db: Database) -> None:
    """Version 8: an index for every order of the window's corpus list, plain and behind
    `status` (for a list filtered by status), and one of the pages not yet verified in
    corpus order (Ctrl+Return's next page), so that the list reads a screenful of rows
    and never sorts or scans the corpus (core.corpus.listing, whose expressions these
    must match). The keys are NULL-free so that "after this page" is one comparison."""
    date, number, page = (
        "ifnull(date, '')",
        "CAST(ifnull(page_no, '') AS INTEGER)",
        "ifnull(page_no, '')",
    )
    corpus = f"{date}, {number}, {page}"
    orders = {
        "corpus_order": corpus,
        "page": f"{number}, {page}, {date}",
        "newspaper": f"ifnull(newspaper, ''), {corpus}",
        "articles": "articles",
        "doubts": "doubts",
        "updated": "ifnull(updated_at, '')",
        "source": "ifnull(source_file, '')",
    }
    for name, terms in orders.items():
        db.execute(f"CREATE INDEX pages_by_{name} ON pages ({terms})")
        db.execute(f"CREATE INDEX pages_by_status_{name} ON pages (status, {terms})")
    db.execute(f"CREATE INDEX pages_unverified ON pages ({corpus}) WHERE status != 'verified'")


@migrations()
def m009_page_counts(db: Database) -> None:
    """Version 9: how many pages have each status, kept by triggers on `pages`, so that
    the window's counts (pages verified, the length of a list filtered by status) are
    one read at any corpus size: counting the status index took 5-10 ms a 100,000
    pages every time the annotator went back to the corpus."""
    db.execute("CREATE TABLE page_counts (status TEXT PRIMARY KEY, pages INTEGER NOT NULL)")
    db.execute("INSERT INTO page_counts SELECT status, count(*) FROM pages GROUP BY status")
    one_more = (
        "INSERT INTO page_counts (status, pages) VALUES (NEW.status, 1) "
        "ON CONFLICT (status) DO UPDATE SET pages = pages + 1;"
    )
    one_less = "UPDATE page_counts SET pages = pages - 1 WHERE status = OLD.status;"
    db.execute(f"CREATE TRIGGER page_counts_insert AFTER INSERT ON pages BEGIN {one_more} END")
    db.execute(f"CREATE TRIGGER page_counts_delete AFTER DELETE ON pages BEGIN {one_less} END")
    db.execute(
        "CREATE TRIGGER page_counts_status AFTER UPDATE OF status ON pages "
        f"WHEN NEW.status IS NOT OLD.status BEGIN {one_less} {one_more} END"
    )


@migrations()
def m010_text_once(db: Database) -> None:
    """Version 10: each text once. A page cost 5.5 times its raw text, which the file
    held four times over: as the page, in its blocks, in its articles and in the search
    index's copy of the words. Now the raw text is the one copy (core.corpus.texts):

    - a block of running text whose `text` is its lines reflowed stores NULL instead
      (headings keep theirs); `blocks` becomes a WITHOUT ROWID table on its primary key
      (page_id, first_line), the one every read goes by, and loses its index on
      (page_id, article_id), which no query used;
    - `articles` loses `text` (derived from the blocks when read);
    - `article_search` becomes a contentless FTS5 table of the words alone (title, body):
      a hit finds its article by `articles.search_rowid` (indexed), and
      `articles.search_hash` fingerprints the words each article was indexed under, so
      that the store takes a row out of the index only with exactly those words (a
      contentless index cannot give them back, and others corrupt it). SQLite's
      contentless_delete would spare that but needs 3.43, newer than many machines have.

    The index rows are moved over as they are, with their words and rowids, so search
    answers as before; the article ids, roles, doubts and tags are all kept. Files of
    version 1 (no article text) have no search rows until a page is next saved, as
    before."""
    conn = db.conn
    articles = db.table("articles")
    articles.add_column("search_hash", int)
    articles.transform(drop={"text"})
    db.execute("CREATE INDEX articles_by_search_rowid ON articles (search_rowid)")
    db.execute("ALTER TABLE article_search RENAME TO article_search_m009")
    db.execute(
        "CREATE VIRTUAL TABLE article_search USING fts5("
        "title, body, content = '', tokenize = 'unicode61')"
    )
    db.execute(
        "INSERT INTO article_search (rowid, title, body) "
        "SELECT s.rowid, s.title, s.body FROM article_search_m009 s "
        "WHERE EXISTS (SELECT 1 FROM articles a WHERE a.search_rowid = s.rowid) "
        "ORDER BY s.rowid"
    )
    conn.create_function("banmian_words_hash", 2, words_hash)
    db.execute(
        "UPDATE articles SET search_hash = (SELECT banmian_words_hash(s.title, s.body) "
        "FROM article_search_m009 s WHERE s.rowid = articles.search_rowid) "
        "WHERE search_rowid IS NOT NULL"
    )
    db.execute("UPDATE articles SET search_rowid = NULL WHERE search_hash IS NULL")
    db.execute("DROP TABLE article_search_m009")

    db.execute(
        """CREATE TABLE blocks_m010 (
               [page_id] INTEGER REFERENCES [pages]([id]),
               [first_line] INTEGER,
               [last_line] INTEGER,
               [role] TEXT,
               [text] TEXT,
               [article_id] TEXT,
               [doubts] TEXT,
               PRIMARY KEY ([page_id], [first_line])
           ) WITHOUT ROWID"""
    )
    reflowed = tuple(role.value for role in REFLOWED)
    marks = ", ".join("?" * len(reflowed))
    # headings and the rest are copied as they are; running text is checked page by page
    db.execute(
        f"INSERT INTO blocks_m010 SELECT page_id, first_line, last_line, role, text, "
        f"article_id, doubts FROM blocks WHERE role NOT IN ({marks})",
        reflowed,
    )
    pages = conn.execute(
        f"SELECT DISTINCT page_id FROM blocks WHERE role IN ({marks}) ORDER BY page_id",
        reflowed,
    ).fetchall()
    for (page_id,) in pages:
        raw = conn.execute("SELECT raw_text FROM pages WHERE id = ?", [page_id]).fetchone()
        page = Page.from_text(raw[0]) if raw else None
        rows = conn.execute(
            "SELECT page_id, first_line, last_line, role, text, article_id, doubts "
            f"FROM blocks WHERE page_id = ? AND role IN ({marks})",
            [page_id, *reflowed],
        ).fetchall()
        conn.executemany(
            "INSERT INTO blocks_m010 VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    *row[:4],
                    None
                    if page is not None and row[4] == block_text(page, Role(row[3]), *row[1:3])
                    else row[4],
                    *row[5:],
                )
                for row in rows
            ],
        )
    db.execute("DROP TABLE blocks")
    db.execute("ALTER TABLE blocks_m010 RENAME TO blocks")


def migrate(db: Database) -> None:
    """Bring any earlier file up to the current schema, in one write transaction that
    waits for other writers (two processes opening one old file migrate it once).

    Only ever raises `user_version`: a file from a newer banmian is refused before this
    (core.corpus.database), never marked as older."""
    (version,) = db.execute("PRAGMA user_version").fetchone()
    if version == SCHEMA_VERSION and not migrations.pending(db):
        return
    with write_transaction(db):
        migrations.apply(db)
        (version,) = db.execute("PRAGMA user_version").fetchone()
        if version < SCHEMA_VERSION:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    shrink(db)


def shrink(db: Database) -> None:
    """Give the file's free pages back when they are a third of it or more (version 10
    leaves behind the texts it no longer stores): VACUUM, unless another connection is
    using the file just now, in which case later writing fills the free pages instead."""
    (free,) = db.execute("PRAGMA freelist_count").fetchone()
    (total,) = db.execute("PRAGMA page_count").fetchone()
    if free < 256 or free * 3 < total:
        return
    with contextlib.suppress(sqlite3.OperationalError):
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the log held the whole file
