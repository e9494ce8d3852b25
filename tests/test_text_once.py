"""Each text once (schema version 10): the file derives block and article texts from the
page's lines and keeps only words in its search index.

A file version 9 wrote (texts stored four times, tests/old_files.py) migrates in place
with every annotation, and search answers as version 9 did over the same pages — the same
hits in the same order with the same snippets — and as a file imported afresh does.
"""

from __future__ import annotations

import dataclasses

import pytest
from banmian.core.corpus import search
from banmian.core.corpus.rows import cover_every_line
from banmian.core.corpus.schema import SCHEMA_VERSION
from banmian.core.corpus.store import PageMeta, Store
from banmian.core.edits import structure as edits
from banmian.core.page.model import Page, Role, Segmentation, Tag
from banmian.core.page.reflow import clean_line
from banmian.core.segmentation.segmenter import segment_page
from banmian.core.words.tagging import with_suggestions

from tests.layouts import LAYOUTS
from tests.old_files import old_file, old_search, write_page

QUERIES = [
    "包机",
    "跨境电商 纽约",
    "青岛",
    "地铁",
    "老旧小区 改造",
    "居民",
    "本报讯",
    "记者",
    "海洋科技",
    "岛至纽",  # jieba splits it unlike the text: a substring search
    "没有这样的词",
    '"AND (',
    "AND",
    "2023",
]


def annotated(seg: Segmentation) -> Segmentation:
    """An annotator's work on the sample page: an article split, a title set, notes,
    tags, a link mark, one block taken out of its article, one with a text of its own."""
    a5 = seg.article("A5")
    second = [b for b in a5.blocks if b.role is Role.BODY][1]
    seg = edits.split_article(seg, second.first).segmentation
    a1 = seg.articles[0]
    body = [b for b in a1.blocks if b.role is Role.BODY]
    own_text = dataclasses.replace(body[0], text="一段由别处给定的文字")
    changed = dataclasses.replace(
        a1,
        title_override="改过的标题",
        notes="核对过",
        tags=(Tag("航空", "topic", "user"), Tag("青岛", "place", "auto")),
        continued_to="3",
        status="verified",
    ).with_blocks([own_text, *(b for b in a1.blocks if b is not body[0] and b is not body[-1])])
    return dataclasses.replace(
        seg,
        articles=(changed, *seg.articles[1:]),
        unassigned=(*seg.unassigned, body[-1]),
    )


@pytest.fixture(scope="module")
def corpus(sample_text) -> list[tuple[Segmentation, PageMeta, str]]:
    """Pages with their proposals (one annotated), as both files get them."""
    sample = Page.from_text(sample_text, "sample_page.txt")
    out = [
        (
            annotated(with_suggestions(segment_page(sample))),
            PageMeta("sample_page.txt", "西海岸新闻", "2023-02-03", "2"),
            "in_progress",
        )
    ]
    for n, build in enumerate(LAYOUTS.values()):
        page = Page.from_text(build().text, f"layout{n}.txt")
        meta = PageMeta(page.source, "晨报", f"2023-03-0{n + 1}", str(n + 1))
        out.append((with_suggestions(segment_page(page)), meta, "new"))
    return out


@pytest.fixture
def files(tmp_path, corpus) -> tuple[Store, Store, list]:
    """The corpus in a version 9 file (searched as version 9 did, then migrated) and in
    a new file; the version 9 answers to QUERIES at both rankings."""
    path = tmp_path / "v9.db"
    db = old_file(path)
    for seg, meta, status in corpus:
        write_page(db, seg, status, meta.newspaper, meta.date, meta.page_no)
    db.execute(
        "INSERT INTO links (from_page, from_article, to_page, to_article, score, source) "
        "VALUES (1, 'A1', 2, 'A1', 0.9, 'user')"
    )
    db.conn.commit()
    before = {}
    for rank_at_most in (search.RANK_AT_MOST, 0):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(search, "RANK_AT_MOST", rank_at_most)
            before[rank_at_most] = [old_search(db, q) for q in QUERIES]
    db.close()
    migrated = Store(path, annotator="tester")
    fresh = Store(tmp_path / "new.db", annotator="tester")
    for seg, meta, status in corpus:
        page_id = fresh.add_page(seg.page, meta, seg).page_id
        with fresh.writing():
            fresh.db.execute("UPDATE pages SET status = ? WHERE id = ?", [status, page_id])
    yield migrated, fresh, before
    migrated.close()
    fresh.close()


def answers(store: Store, monkeypatch) -> dict:
    out = {}
    for rank_at_most in (search.RANK_AT_MOST, 0):
        monkeypatch.setattr(search, "RANK_AT_MOST", rank_at_most)
        out[rank_at_most] = [store.search(q) for q in QUERIES]
    monkeypatch.undo()
    return out


def index_is_sound(store: Store) -> None:
    store.db.execute("INSERT INTO article_search (article_search) VALUES ('integrity-check')")
    (rows,) = store.db.execute("SELECT count(*) FROM article_search").fetchone()
    (articles,) = store.db.execute("SELECT count(*) FROM articles").fetchone()
    assert rows == articles  # every article indexed once, nothing left behind


def test_search_answers_as_version_9_did_after_migration_and_in_a_new_file(files, monkeypatch):
    migrated, fresh, before = files
    assert any(before[search.RANK_AT_MOST])  # the queries find things …
    assert [] in before[search.RANK_AT_MOST]  # … and not everything
    fallback = before[search.RANK_AT_MOST][QUERIES.index("岛至纽")]
    assert fallback and "[岛至纽]" in fallback[0].snippet  # found by substring
    assert answers(migrated, monkeypatch) == before
    assert answers(fresh, monkeypatch) == before
    index_is_sound(migrated)
    index_is_sound(fresh)


def test_migration_keeps_every_annotation(files, corpus):
    migrated, fresh, _ = files
    assert migrated.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    for page_id, (seg, _meta, status) in enumerate(corpus, 1):
        assert migrated.load(page_id) == cover_every_line(seg) == fresh.load(page_id)
        assert migrated.page_summary(page_id).status == status
        assert len(migrated.history(page_id)) == 1
    one = migrated.load(1).articles[0]
    assert one.title_override == "改过的标题" and one.notes == "核对过"
    assert one.tags == (Tag("航空", "topic", "user"), Tag("青岛", "place", "auto"))
    assert one.blocks[[b.role for b in one.blocks].index(Role.BODY)].text == "一段由别处给定的文字"
    assert migrated.db.execute("SELECT to_page, source FROM links").fetchall() == [(2, "user")]


def test_the_file_holds_each_text_once(files):
    migrated, fresh, _ = files
    for store in (migrated, fresh):
        db = store.db
        assert "text" not in {c.name for c in db.table("articles").columns}
        stored = dict(
            db.execute(
                "SELECT role, count(text) FROM blocks WHERE text != '一段由别处给定的文字' "
                "GROUP BY role"
            ).fetchall()
        )
        for role in ("body", "caption", "noise", "byline"):
            assert stored.get(role, 0) == 0, role
        assert stored["headline"]  # headings keep their text
        assert db.execute("SELECT title, body FROM article_search LIMIT 1").fetchone() == (
            None,
            None,
        )  # words only: the index keeps no copy


def test_edits_after_migration_take_old_rows_out_of_the_index(files, monkeypatch):
    migrated, fresh, _ = files
    for store in (migrated, fresh):
        seg = store.load(1)
        a = next(a for a in seg.articles if a.id == "A5")
        store.save(1, edits.split_article(seg, a.blocks[-1].first).segmentation, "split")
        index_is_sound(store)
    assert answers(migrated, monkeypatch) == answers(fresh, monkeypatch)


def test_a_row_whose_words_changed_is_left_behind_not_deleted_wrongly(files):
    """A contentless index takes a row out only with the words it went in with; when the
    words derived again differ (another tokeniser since), the row is left unreachable."""
    migrated, _, _ = files
    migrated.db.execute("UPDATE articles SET search_hash = 1 WHERE page_id = 2")
    seg = migrated.load(2)
    merged = edits.merge_articles(seg, seg.articles[0].id, seg.articles[1].id).segmentation
    migrated.save(2, merged, "merge")
    migrated.db.execute("INSERT INTO article_search (article_search) VALUES ('integrity-check')")
    hits = migrated.search("地铁")
    assert hits and all(h.page_id != 2 or h.article_id == merged.articles[0].id for h in hits)
    with migrated.writing():
        migrated.reindex([2])  # a page indexed anew
    assert migrated.search("地铁")


def test_substring_search_finds_text_across_a_line_break(tmp_path, sample_page):
    store = Store(tmp_path / "c.db")
    store.add_page(sample_page)
    seg = store.load(1)
    block = next(
        b for a in seg.articles for b in a.blocks if b.role is Role.BODY and b.last > b.first + 1
    )
    before, after = (clean_line(sample_page.line(n)) for n in (block.first, block.first + 1))
    needle = before[-2:] + after[:1]
    assert needle in block.text and needle not in sample_page.text
    hits = store.search(needle)
    assert [(h.page_id, f"[{needle}]" in h.snippet) for h in hits][:1] == [(1, True)]
    store.close()


def test_a_migrated_file_gives_back_what_it_no_longer_stores(tmp_path, sample_page):
    """Version 10 VACUUMs a file whose migration freed a third of it or more."""
    seg = with_suggestions(segment_page(sample_page))
    path = tmp_path / "v9.db"
    db = old_file(path)
    for n in range(30):
        page = Page.from_text(f"{sample_page.text}\n第{n}份", f"copy{n}.txt")
        write_page(db, dataclasses.replace(seg, page=page), date=f"2023-01-{n + 1:02d}")
    db.close()
    before = path.stat().st_size
    store = Store(path)
    (free,) = store.db.execute("PRAGMA freelist_count").fetchone()
    assert free == 0 and len(store.pages()) == 30
    store.close()
    assert path.stat().st_size < 0.5 * before
