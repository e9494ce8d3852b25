"""Suggested tags: sensible keywords and names, no boilerplate, stored at import."""

from __future__ import annotations

import dataclasses

import pytest
from banmian.core.corpus.idf import LEARN_FROM, store_idf
from banmian.core.corpus.importer import import_paths
from banmian.core.corpus.store import PageMeta, Store, new_page
from banmian.core.page.model import Article, Block, Page, Role, Tag
from banmian.core.segmentation.segmenter import segment_page
from banmian.core.words.tagging import (
    Idf,
    learn_idf,
    stop_words,
    suggest_tags,
    with_suggestions,
)


@pytest.fixture(scope="module")
def tagged(sample_page):
    return with_suggestions(segment_page(sample_page))


def _article(*paragraphs: str, title: str = "") -> Article:
    blocks = [Block(Role.BODY, n, n, text) for n, text in enumerate(paragraphs, 2)]
    if title:
        blocks.append(Block(Role.HEADLINE, 1, 1, title))
    return Article("A1", tuple(blocks))


def test_every_article_of_the_sample_gets_suggestions(tagged):
    assert len(tagged.articles) == 8
    for article in tagged.articles:
        assert 1 <= len(article.suggestions) <= 8, article.id
        assert all(t.source == "auto" for t in article.suggestions)
        assert article.tags == ()  # suggestions are never accepted on their own


def test_cargo_flight_article_is_about_the_flight(tagged):
    (flight,) = [a for a in tagged.articles if "包机" in a.title]
    names = {t.name: t.kind for t in flight.suggestions}
    assert "包机" in names and "跨境电商" in names
    assert names.get("青岛") == "place" and names.get("纽约") == "place"
    (project,) = [a for a in tagged.articles if "竣工投产" in a.title]
    kinds = {t.name: t.kind for t in project.suggestions}
    assert kinds.get("潍柴") == "organisation" and kinds.get("青岛开发区") == "place"


def test_no_stop_words_numbers_or_fragments(tagged):
    stop = stop_words()
    assert {"本报讯", "记者", "报道", "通讯员", "表示", "工作", "今年"} <= stop
    for article in tagged.articles:
        for tag in article.suggestions:
            assert tag.name not in stop
            assert len(tag.name) >= 2 and not any(ch.isdigit() for ch in tag.name)
            assert tag.kind in ("topic", "place", "person", "organisation")


def test_places_and_people_come_from_the_user_dictionary():
    article = _article(
        "李宛遥在西海岸新区古镇口采访，黄岛街道社会治理中心负责人介绍了情况。",
        "李宛遥说，西海岸新区的项目进展顺利。",
    )
    kinds = {t.name: t.kind for t in suggest_tags(article)}
    assert kinds["李宛遥"] == "person"
    assert kinds["西海岸新区"] == "place"
    assert kinds["黄岛街道社会治理中心"] == "organisation"


def test_noisy_main_dictionary_names_are_not_people():
    # jieba's main dictionary tags 智慧 and 蓝图 `nr`; they are not people
    article = _article("智慧城市的蓝图已经绘就，智慧交通和智慧医疗同步推进。")
    assert all(t.kind != "person" for t in suggest_tags(article))


def test_accepted_tags_are_not_suggested_again(tagged):
    (flight,) = [a for a in tagged.articles if "包机" in a.title]
    accepted = dataclasses.replace(flight, tags=(Tag("包机", "topic", "user"),))
    names = [t.name for t in suggest_tags(accepted)]
    assert "包机" not in names and "跨境电商" in names
    assert len(suggest_tags(flight, limit=3)) == 3


def test_an_article_without_words_gets_nothing():
    assert suggest_tags(_article("。，、")) == ()
    assert suggest_tags(Article("A1", ())) == ()


def test_learned_idf_weighs_rare_words_up():
    idf = learn_idf([["包机", "青岛"], ["青岛", "会议"], ["青岛"]])
    assert idf.documents == 3
    assert idf.weight("包机") > idf.weight("青岛")
    assert idf.weight("never-seen") == idf.default
    assert learn_idf([]).documents == 0  # nothing to learn from: jieba's table
    assert Idf.general().documents == 0 and Idf.general().weight("包机") > 0


def test_store_learns_its_own_idf_from_200_articles(tmp_path, sample_page):
    store = Store(tmp_path / "idf.db")
    seg = segment_page(sample_page)
    per_page = len(seg.articles)
    pages = [Page.from_text(f"{sample_page.text}\n第{n}版", f"p{n}.txt") for n in range(30)]
    needed = LEARN_FROM // per_page
    store.add_pages([new_page(p, PageMeta(p.source), seg) for p in pages[: needed - 1]])
    assert store_idf(store).documents == 0
    store.add_pages([new_page(p, PageMeta(p.source), seg) for p in pages[needed - 1 :]])
    learned = store_idf(store)
    assert learned.documents >= LEARN_FROM
    assert store_idf(store) is learned  # kept until the database grows
    assert learned.weight("包机") > learned.weight("青岛")
    store.close()


def test_add_page_and_import_store_suggestions(tmp_path, sample_page, sample_text):
    store = Store(tmp_path / "s.db")
    store.add_page(sample_page, PageMeta("sample_page.txt"))
    assert all(a.suggestions for a in store.load(1).articles)
    (folder := tmp_path / "in").mkdir()
    (folder / "2023-02-04_03.txt").write_text(f"第3版\n{sample_text}", "utf-8")
    report = import_paths(store, [folder], workers=1)
    (page_id,) = [p.id for p in store.pages() if p.id != 1]
    assert len(report.imported) == 1
    loaded = store.load(page_id)
    assert all(a.suggestions and not a.tags for a in loaded.articles)
    rows = store.db.execute(
        "SELECT count(*) FROM articles WHERE page_id = ? AND suggestions IS NOT NULL",
        [page_id],
    ).fetchone()
    assert rows[0] == len(loaded.articles)
    store.close()
