"""What `banmian merge` brings back besides pages (core.team.merge_links): the links an
annotator set between two pages, and what it says of a page the main database no longer
holds. Run as a person runs it (a subprocess), checked in the SQLite files afterwards."""

from __future__ import annotations

import sqlite3

import pytest
from banmian.core.corpus.continuations import remove_link, set_link
from banmian.core.corpus.links import link_issues
from banmian.core.corpus.store import PageMeta, Store

from tests import continued_pages as cp
from tests import team_pages as tp
from tests.team_commands import batch, dump, merge


@pytest.fixture(autouse=True)
def _lead(monkeypatch):
    monkeypatch.setenv("BANMIAN_ANNOTATOR", "lead")


def links(path) -> set[tuple]:
    conn = sqlite3.connect(path)
    try:
        return set(
            conn.execute("SELECT from_page, from_article, to_page, to_article, source FROM links")
        )
    finally:
        conn.close()


@pytest.fixture
def issue(tmp_path):
    """Main database of one issue (page 1's two stories go on on page 2, linked by the
    linker), both pages handed to A and B."""
    store = Store(tmp_path / "main.db", annotator="lead")
    one, two = cp.issue(store)
    link_issues(store)
    store.close()
    assert (one, two) == (1, 2)
    assert links(tmp_path / "main.db") == {(1, "A1", 2, "B1", "auto"), (1, "A2", 2, "B2", "auto")}
    return batch(tmp_path, "A", "B")


def work(path, name: str, change=None) -> None:
    """`name` changes links in their file (`change(store)`) and verifies both pages."""
    store = Store(path, annotator=name)
    try:
        if change:
            change(store)
        for page_id in (1, 2):
            store.set_status(page_id, "verified")
    finally:
        store.close()


def test_an_annotators_link_comes_back_over_the_linkers_once(issue, tmp_path):
    work(issue["A"], "A", lambda s: set_link(s, (1, "A1"), (2, "B2")))
    work(issue["B"], "B")
    run = merge(tmp_path, issue["A"], issue["B"])
    assert run.returncode == 0, run.stdout + run.stderr
    assert "merged link 西海岸新闻 2023-02-03 p.1 A1 → p2 B2: from A" in run.stdout
    assert "links: 1 merged" in run.stdout
    # A's link, and the linker's link of B2 gone with it, as in A's file
    assert links(tmp_path / "main.db") == {(1, "A1", 2, "B2", "user")}
    assert links(tmp_path / "main.db") == links(issue["A"])
    main = Store(tmp_path / "main.db", readonly=True)
    try:
        actions = [(r.annotator, r.action) for r in main.history(1)]
    finally:
        main.close()
    assert ("A", "set_link") in actions  # A's own log row, brought with the page
    assert actions[-2:] == [("lead", "set_link"), ("lead", "merge_link")]
    before = dump(tmp_path / "main.db")
    again = merge(tmp_path, issue["A"], issue["B"])
    assert again.returncode == 0 and "links: 0 merged, 1 already up to date" in again.stdout
    assert dump(tmp_path / "main.db") == before
    # and merged alone later, A's file still changes nothing
    assert merge(tmp_path, issue["A"]).returncode == 0
    assert dump(tmp_path / "main.db") == before


def test_a_removed_link_comes_back_as_removed(issue, tmp_path):
    work(issue["A"], "A", lambda s: remove_link(s, 1, "A2"))
    run = merge(tmp_path, issue["A"])
    assert run.returncode == 0, run.stdout + run.stderr
    assert links(tmp_path / "main.db") == {
        (1, "A1", 2, "B1", "auto"),
        (1, "A2", None, None, "user"),
    }


def test_links_set_differently_are_left_alone_even_merged_one_file_at_a_time(issue, tmp_path):
    work(issue["A"], "A", lambda s: set_link(s, (1, "A1"), (2, "B2")))
    work(issue["B"], "B", lambda s: remove_link(s, 1, "A1"))
    before = links(tmp_path / "main.db")
    run = merge(tmp_path, issue["A"], issue["B"])
    assert run.returncode == 1
    line = "NOT MERGED link 西海岸新闻 2023-02-03 p.1 A1: set differently (A → p2 B2, B → nowhere)"
    assert run.stdout.count("NOT MERGED") == 1 and line in run.stdout
    assert "2 pages merged" in run.stdout  # the pages agree; only the link waits
    assert links(tmp_path / "main.db") == before
    alone = merge(tmp_path, issue["A"])
    assert alone.returncode == 1 and "set differently (A → p2 B2, B → nowhere)" in alone.stdout
    assert links(tmp_path / "main.db") == before
    snapshot = dump(tmp_path / "main.db")
    assert merge(tmp_path, issue["A"], issue["B"]).returncode == 1
    assert dump(tmp_path / "main.db") == snapshot


def test_a_link_set_in_main_since_the_batch_is_not_written_over(issue, tmp_path):
    work(issue["A"], "A", lambda s: set_link(s, (1, "A1"), (2, "B2")))
    main = Store(tmp_path / "main.db", annotator="lead")
    set_link(main, (1, "A1"), None)
    main.close()
    run = merge(tmp_path, issue["A"])
    assert run.returncode == 1
    assert "link 西海岸新闻 2023-02-03 p.1 A1: changed in main.db since it was handed out" in (
        run.stdout
    )
    assert (1, "A1", None, None, "user") in links(tmp_path / "main.db")


# -- pages the main database does not hold --------------------------------------------------
def test_a_page_deleted_from_main_is_reported_not_added_back(tmp_path):
    tp.make_main(tmp_path / "main.db")
    files = batch(tmp_path, "A")
    tp.annotate(files["A"], "A", {"flowers.txt": tp.FLOWERS_FIRST, "street.txt": tp.STREET_FIRST})
    # the lead deletes the street page from main; A adds a page of their own to their file
    conn = sqlite3.connect(tmp_path / "main.db")
    with conn:
        for table in ("article_tags", "blocks", "articles"):
            conn.execute(f"DELETE FROM {table} WHERE page_id = 2")
        conn.execute("DELETE FROM pages WHERE id = 2")
    conn.close()
    own = Store(files["A"], annotator="A")
    text = tp.FLOWERS + "\n第9版 责编：方圆"
    page_id = own.add_page(
        tp.page(text, "mine.txt"), PageMeta("mine.txt", "测试报", "2024-03-01", "9")
    ).page_id
    own.set_status(page_id, "verified")
    own.close()
    run = merge(tmp_path, files["A"])
    assert run.returncode == 0, run.stdout + run.stderr
    assert (
        "not in main: 测试报 2024-01-02 p.2: handed out to A but deleted from main.db since; "
        "not added back" in run.stdout
    )
    assert (
        "not in main: 测试报 2024-03-01 p.9: added in A's file, never handed out; "
        "import it into main.db" in run.stdout
    )
    assert "1 pages merged" in run.stdout and "0 not verified yet, 2 not in main" in run.stdout
    conn = sqlite3.connect(tmp_path / "main.db")
    try:
        assert conn.execute("SELECT source_file, status FROM pages").fetchall() == [
            ("flowers.txt", "verified")
        ]
    finally:
        conn.close()
