"""Issue 12's acceptance, asserted on ten laid-out issues (tests/continued_pages.py):
links right with no doubt, every wrong or missing one doubted, none invented; the
whole-article export one record per article with the original's text, and two exports
of different days concatenating with one type per field. tests/bench/bench_links.py
prints the same figures on as many days as asked."""

from __future__ import annotations

import json

import pytest
from banmian.core.corpus.links import link_issues
from banmian.core.corpus.store import Store

from tests import continued_pages as cp
from tests.bench.bench_links import batches_concatenate, measure_export, measure_links

DAYS = 10


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    folder = tmp_path_factory.mktemp("acceptance")
    store = Store(folder / "links.db")
    corpus = cp.continued_corpus(store, days=DAYS)
    link_issues(store)
    yield store, corpus, folder
    store.close()


def test_links_right_doubted_or_listed_never_invented(linked):
    store, corpus, _ = linked
    figures = measure_links(store, corpus)
    assert figures.true_links == 3 * DAYS
    assert figures.right_share >= 0.95, figures.lines()
    assert figures.wrong_with_doubt == len(figures.wrong_or_missing), figures.lines()
    assert figures.invented == [] and figures.right_with_doubt == 0
    assert figures.missing_listed == figures.missing_marks == DAYS


def test_two_stories_continued_on_one_page_are_told_apart(linked):
    store, corpus, _ = linked
    for ids, truth in corpus.values():
        on_two = {h: t for h, t in truth.links.items() if t[0] == "2"}
        assert len(on_two) == 2
        for (_, head), (_, tail) in on_two.items():
            row = store.db.execute(
                "SELECT to_article FROM links WHERE from_page = ? AND from_article = ?",
                [ids["1"], head],
            ).fetchone()
            assert row == (tail,)


def test_export_one_record_per_whole_article_with_the_original_text(linked):
    store, corpus, folder = linked
    figures = measure_export(store, corpus, folder / "whole.jsonl")
    assert figures.records == figures.expected_records
    assert figures.duplicated_titles == []
    assert figures.whole_equal == figures.whole_linked >= 0.95 * figures.whole_articles
    rows = [json.loads(line) for line in (folder / "whole.jsonl").read_text("utf-8").splitlines()]
    assert all(r["pages"] == [p["page"] for p in r["parts"]] for r in rows)


def test_two_exports_concatenate_with_one_type_per_field(linked):
    pytest.importorskip("pyarrow")
    store, corpus, folder = linked
    split = sorted(corpus)[DAYS // 2 - 1]
    assert batches_concatenate(store, folder, split) == []
