"""The store: round trips, one transaction per action, migrations, search, CLI."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys

import pytest
import sqlite_utils
from banmian.core.corpus.schema import SCHEMA_VERSION, migrations
from banmian.core.corpus.store import PageMeta, Store, StoreError
from banmian.core.edits import structure as edits
from banmian.core.page.model import Page, Role, Tag
from banmian.core.segmentation.segmenter import segment_page
from banmian.core.words.tagging import with_suggestions

from tests.old_files import old_file, write_page


@pytest.fixture
def store(tmp_path, sample_page):
    s = Store(tmp_path / "corpus.db", annotator="tester")
    s.add_page(sample_page, PageMeta("sample_page.txt", "西海岸新闻", "2023-02-03", "2"))
    yield s
    s.close()


def test_load_returns_exactly_what_was_saved(store, sample_page):
    seg = with_suggestions(segment_page(sample_page))  # add_page stores suggested tags
    assert store.load(1) == seg
    a5 = seg.article("A5")
    changed = dataclasses.replace(
        seg,
        articles=(
            dataclasses.replace(
                a5,
                title_override="首飞",
                notes="看图片",
                tags=(Tag("航空", "topic", "user"),),
                suggestions=(Tag("青岛", "place", "auto"),),
                status="verified",
                continued_to="3",
            ),
            *[a for a in seg.articles if a.id != "A5"],
        ),
    )
    store.save(1, changed, "test", {"why": "round trip"})
    assert store.load(1) == changed
    row = sqlite_utils.Database(store.path)["pages"].get(1)
    assert row["status"] == "in_progress" and row["annotator"] == "tester"
    assert [r.action for r in store.history(1)] == ["import", "test"]


def test_save_rejects_a_broken_segmentation_and_changes_nothing(store, sample_page):
    seg = store.load(1)
    broken = dataclasses.replace(seg, articles=seg.articles[1:])
    with pytest.raises(ValueError, match="in no block"):
        store.save(1, broken, "bad")
    assert store.load(1) == seg
    assert [r.action for r in store.history(1)] == ["import"]


def test_same_text_is_a_duplicate(store, sample_page):
    again = Page.from_text(sample_page.text.replace("\n", "\r\n"), "other_name.txt")
    result = store.add_page(again)
    assert result.duplicate and result.page_id == 1
    assert len(store.pages()) == 1


def test_status_next_unverified_and_errors(store, sample_page):
    second = store.add_page(
        Page.from_text("　　另一版的正文。\n", "p3.txt"), PageMeta("p3.txt", date="2023-02-04")
    ).page_id
    assert store.next_unverified(1) == second
    store.set_status(second, "verified")
    assert store.next_unverified(1) is None or store.next_unverified(1) == 1
    with pytest.raises(StoreError, match="unknown status"):
        store.set_status(1, "done")
    with pytest.raises(StoreError, match="no page 99"):
        store.load(99)


def test_search_finds_words_and_survives_query_syntax(store):
    (hit,) = store.search("包机")
    assert hit.article_id == "A5" and "[包机]" in hit.snippet and hit.date == "2023-02-03"
    assert "\n" not in hit.snippet
    for nasty in ['"', "(", "AND", "包机 OR", "NEAR(", "*", "a -b", "'; DROP TABLE pages; --"]:
        store.search(nasty)  # never an SQL error
    assert store.search("跨境电商 纽约")[0].article_id == "A5"


def test_search_index_follows_edits(store):
    seg = store.load(1)
    a5 = seg.article("A5")
    moved = dataclasses.replace(
        seg,
        articles=tuple(
            a.with_blocks(a.blocks + tuple(b for b in a5.blocks if b.role is Role.BODY))
            if a.id == "A1"
            else a.with_blocks(b for b in a.blocks if b.role is not Role.BODY)
            if a.id == "A5"
            else a
            for a in seg.articles
        ),
    )
    store.save(1, moved, "move")
    assert [h.article_id for h in store.search("呼啸")] == ["A1"]  # body moved, title stayed


def test_a_version_1_file_migrates_with_its_data(tmp_path, sample_page):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m002_annotator_counts_and_search")
    db["pages"].insert(
        {
            "id": 1,
            "content_hash": "x",
            "raw_text": sample_page.text,
            "status": "verified",
            "source_file": "old.txt",
        }
    )
    db["articles"].insert({"page_id": 1, "article_id": "A1", "position": 0})
    db["blocks"].insert(
        {
            "page_id": 1,
            "first_line": 1,
            "last_line": 244,
            "role": "body",
            "text": "全文",
            "article_id": "A1",
        }
    )
    db.close()
    store = Store(path)
    assert store.page_summary(1).articles == 1 and store.page_summary(1).status == "verified"
    assert store.load(1).articles[0].blocks[0].text == "全文"
    assert (
        sqlite_utils.Database(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    )
    store.close()


def test_a_version_2_file_keeps_its_search_rows_through_migration_and_saves(tmp_path, sample_page):
    """Version 3 records each article's search row; rows indexed before it must be found
    and replaced, never duplicated, by the next save."""
    path = tmp_path / "v2.db"
    db = old_file(path, stop_before="m003_search_rowid")  # write the page as version 2 did
    write_page(db, with_suggestions(segment_page(sample_page)))
    db.close()
    store = Store(path)
    assert store.db.execute(
        "SELECT count(*) FROM articles WHERE search_rowid IS NULL"
    ).fetchone() == (0,)
    seg = store.load(1)
    second = [b for b in seg.articles[4].blocks if b.role is Role.BODY][1]
    store.save(1, edits.split_article(seg, second.first).segmentation, "split")
    (rows,) = store.db.execute("SELECT count(*) FROM article_search").fetchone()
    assert rows == len(store.load(1).articles) == 9
    assert [h.title for h in store.search("包机")][:1] == ["青岛至纽约跨境电商全货包机首飞"]
    store.close()


def test_a_version_3_file_keeps_its_tags_and_suggestions_through_migration(tmp_path):
    """Version 4 moves suggestions out of article_tags into a column of their article;
    what an annotator accepted must stay a tag, and nothing may be lost or duplicated."""
    path = tmp_path / "v3.db"
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m004_suggestions_beside_articles")
    db["pages"].insert({"id": 1, "content_hash": "h", "raw_text": "正文", "status": "new"})
    db["articles"].insert_all(
        [{"page_id": 1, "article_id": a, "position": n} for n, a in enumerate(("A1", "A2"))]
    )
    db["article_tags"].insert_all(
        {
            "page_id": 1,
            "article_id": "A1",
            "name": name,
            "kind": kind,
            "source": source,
            "accepted": flag,
        }
        for name, kind, source, flag in [
            ("纽约", "place", "auto", 1),
            ("包机", "topic", "auto", 0),
            ("青岛", "place", "auto", 0),
            ("航空", "topic", "user", 1),
        ]
    )
    db.close()
    store = Store(path)
    first, second = store.load(1).articles
    assert first.tags == (Tag("纽约", "place", "auto"), Tag("航空", "topic", "user"))
    assert first.suggestions == (Tag("包机", "topic", "auto"), Tag("青岛", "place", "auto"))
    assert second.tags == second.suggestions == ()
    assert "accepted" not in store.db["article_tags"].columns_dict
    assert store.db.execute("SELECT count(*) FROM article_tags").fetchone() == (2,)
    assert store.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store.close()


def test_file_is_plain_sqlite_with_wal_and_foreign_keys(store):
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    fks = {fk.other_table for fk in sqlite_utils.Database(conn)["blocks"].foreign_keys}
    assert fks == {"pages"}


def test_pages_and_search_commands(store):
    store.close()
    out = subprocess.run(
        [sys.executable, "-m", "banmian.core.cli", "pages", "--db", str(store.path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "2023-02-03" in out and "1 pages, 0 verified" in out
    out = subprocess.run(
        [sys.executable, "-m", "banmian.core.cli", "search", "包机", "--db", str(store.path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "青岛至纽约跨境电商全货包机首飞" in out and "[包机]" in out


def test_very_common_words_list_newest_articles_first(tmp_path, monkeypatch):
    """Past RANK_AT_MOST matches, bm25 would read them all; recency is cheap and clear."""
    from banmian.core.corpus import search as search_module

    store = Store(tmp_path / "s.db")
    older = store.add_page(Page.from_text("本报讯 港口吞吐量创新高，港口建设加快。\n", "a.txt"))
    newer = store.add_page(Page.from_text("本报讯 港口新航线开通。\n", "b.txt"))
    ranked = [h.page_id for h in store.search("港口")]
    assert sorted(ranked) == sorted([older.page_id, newer.page_id])
    monkeypatch.setattr(search_module, "RANK_AT_MOST", 1)
    assert [h.page_id for h in store.search("港口")] == [newer.page_id, older.page_id]
    assert store.search('"AND (') == []  # no Chinese: no substring scan, no error
    store.close()
