"""The database's tables and every migration that got them there.

The annotation file must stay plain SQLite that sqlite-utils, Datasette or any other tool
can open, and a file written by an older banmian must open in a newer one with its data
intact; so the schema is only ever changed by appending a migration here.
"""

from __future__ import annotations

from banmian.core.corpus.database import write_transaction
from sqlite_utils import Database, Migrations

migrations = Migrations("banmian")

# Bumped with every migration; stored in PRAGMA user_version for tools that look there.
SCHEMA_VERSION = 9


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
