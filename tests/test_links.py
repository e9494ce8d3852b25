"""Linking the fragments of articles continued across pages (core.corpus.links)."""

from __future__ import annotations

import json

import pytest
from banmian.core.corpus.continuations import (
    chains,
    page_links,
    remove_link,
    restore_links,
    set_link,
)
from banmian.core.corpus.importer import import_paths
from banmian.core.corpus.links import SURE, Fragment, link_issues, missing_marks, plan_issue
from banmian.core.corpus.store import Store

from tests import continued_pages as cp
from tests.cli_run import banmian as run_banmian


def _links(store: Store) -> set[tuple]:
    return {
        tuple(r)
        for r in store.db.execute(
            "SELECT from_page, from_article, to_page, to_article, source FROM links"
        )
    }


def _doubts(store: Store, page_id: int, article_id: str) -> list[dict]:
    (raw,) = store.db.execute(
        "SELECT doubts FROM articles WHERE page_id = ? AND article_id = ?", [page_id, article_id]
    ).fetchone()
    return [d for d in json.loads(raw or "[]") if d["about"] == "link"]


def test_sure_links_two_stories_continued_on_one_page(tmp_path):
    store = Store(tmp_path / "c.db")
    one, two = cp.issue(store)
    report = link_issues(store)
    assert _links(store) == {(one, "A1", two, "B1", "auto"), (one, "A2", two, "B2", "auto")}
    assert not _doubts(store, one, "A1") and not _doubts(store, two, "B2")
    assert [(m.fragment.ref, m.page) for m in report.missing] == [("p1 A3", "5")]
    assert not _doubts(store, one, "A3")  # its page is missing: listed, no invented doubt
    assert chains(store) == [[(one, "A1"), (two, "B1")], [(one, "A2"), (two, "B2")]]
    ends = page_links(store, one)
    assert [e.ref for e in ends["A1"]] == ["p2 B1"] and ends["A1"][0].direction == "to"
    assert [e.ref for e in page_links(store, two)["B2"]] == ["p1 A2"]
    # relinking changes nothing
    link_issues(store)
    assert len(_links(store)) == 2


def test_links_are_planned_without_holding_the_write_lock(tmp_path, monkeypatch):
    # planning reads the fragments' words (jieba's first load, seconds on a busy
    # machine): another import or the window must be able to write meanwhile
    import sqlite3

    from banmian.core.corpus import links

    store = Store(tmp_path / "c.db")
    one, two = cp.issue(store)
    writes = []

    def planning(articles, fixed):
        other = sqlite3.connect(tmp_path / "c.db", timeout=0)
        other.execute("BEGIN IMMEDIATE")  # raises "database is locked" if held
        other.execute("UPDATE pages SET newspaper = newspaper")
        other.commit()
        writes.append(True)
        return plan_issue(articles, fixed)

    monkeypatch.setattr(links, "plan_issue", planning)
    report = link_issues(store)
    assert writes and len(report.linked) == 2
    assert _links(store) == {(one, "A1", two, "B1", "auto"), (one, "A2", two, "B2", "auto")}


def test_links_are_planned_again_when_the_issue_changed_while_they_were_planned(
    tmp_path, monkeypatch
):
    # the window saves a correction in the issue between planning and writing: the
    # plan made before it must not be written over it
    import sqlite3

    from banmian.core.corpus import links

    store = Store(tmp_path / "c.db")
    one, two = cp.issue(store)
    planned = []

    def planning(articles, fixed):
        if not planned:
            other = sqlite3.connect(tmp_path / "c.db")
            other.execute("UPDATE articles SET title = 'changed' WHERE page_id = ?", [one])
            other.commit()
        planned.append([a.title for a in articles if a.page_id == one])
        return plan_issue(articles, fixed)

    monkeypatch.setattr(links, "plan_issue", planning)
    report = link_issues(store)
    assert len(planned) == 2 and set(planned[1]) == {"changed"} != set(planned[0])
    assert len(report.linked) == 2


def test_missing_marks_listed(tmp_path):
    store = Store(tmp_path / "c.db")
    cp.add(store, *cp.page_one(), "1")  # page 2 not imported
    marks = {(m.fragment.ref, m.direction, m.page) for m in missing_marks(store)}
    assert marks == {("p1 A1", "to", "2"), ("p1 A2", "to", "2"), ("p1 A3", "to", "5")}
    assert not link_issues(store).linked


def test_other_issue_never_linked(tmp_path):
    store = Store(tmp_path / "c.db")
    cp.add(store, *cp.page_one(), "1", "2023-02-03")
    cp.add(store, *cp.page_two(), "2", "2023-02-04")
    assert not link_issues(store).linked
    assert not _links(store)


def _fragment(page: int, aid: str, text: str, cfrom=None, cto=None, title="") -> Fragment:
    return Fragment(page, aid, "N", "2023-01-01", str(page), title, (text,), cfrom, cto)


def test_unsure_becomes_doubt_with_candidates():
    heads = [
        _fragment(1, "A1", "会议指出，要做好各项工作。", cto="2"),
        _fragment(1, "A2", "会议强调，要抓好各项落实。", cto="2"),
    ]
    tails = [
        _fragment(2, "B1", "各方面要加强协调。", cfrom="1"),
        _fragment(2, "B2", "各部门要密切配合。", cfrom="1"),
    ]
    plan = plan_issue(heads + tails, set())
    assert not plan.links
    doubt = plan.doubts[(1, "A1")]
    assert doubt.about == "link" and doubt.confidence < SURE
    assert set(doubt.alternatives) == {"p2 B1", "p2 B2"}
    assert set(plan.doubts) == {(1, "A1"), (1, "A2"), (2, "B1"), (2, "B2")}


def test_misprinted_page_number_linked_by_the_other_evidence():
    head = _fragment(1, "A1", cp.PORT_HEAD, cto="3", title="前湾港集装箱航线再添新成员")
    tail = _fragment(2, "B1", cp.PORT_TAIL, cfrom="1", title="前湾港集装箱航线再添新成员")
    plan = plan_issue([head, tail], set())
    assert [(c.head.ref, c.tail.ref) for c in plan.links] == [("p1 A1", "p2 B1")]
    assert [m.page for m in plan.missing] == []  # no page 3 in this issue …
    # … unless the misprint names a page that is there and holds nothing fitting:
    weak = _fragment(2, "B1", "另一件事。", cfrom="1")
    plan = plan_issue([_fragment(1, "A1", "完全无关的内容。", cto="3"), weak], set())
    assert not plan.links and (2, "B1") in plan.doubts


def test_set_remove_restore_and_user_links_kept(tmp_path):
    store = Store(tmp_path / "c.db")
    one, two = cp.issue(store)
    link_issues(store)
    before = set_link(store, (one, "A1"), (two, "B2"))
    assert (one, "A1", two, "B2", "user") in _links(store)
    assert not any(r[1] == "A2" and r[3] == "B2" for r in _links(store))
    link_issues(store)  # the linker leaves an annotator's link alone
    assert (one, "A1", two, "B2", "user") in _links(store)
    assert not any(r[3] == "B2" and r[4] == "auto" for r in _links(store))
    now_rows = tuple(r for r in _rows(store) if r[0] == one and r[1] == "A1")
    restore_links(store, _link_rows(store, one, "A1", two, "B2"), before, one)
    assert (one, "A1", two, "B1", "auto") in _links(store)
    assert (one, "A2", two, "B2", "auto") in _links(store)
    assert now_rows
    removed = remove_link(store, one, "A1")
    assert (one, "A1", None, None, "user") in _links(store)
    link_issues(store)
    assert not any(r[0] == one and r[1] == "A1" and r[2] is not None for r in _links(store))
    assert removed
    assert [h.action for h in store.history(one)][-2:] == ["restore_links", "remove_link"]


def _rows(store):
    return list(store.db.execute("SELECT from_page, from_article, to_page FROM links"))


def _link_rows(store, *ends):
    from banmian.core.corpus.continuations import link_rows

    return link_rows(store, ends[0], ends[1]) + link_rows(store, ends[2], ends[3])


def test_import_links_the_issue(tmp_path):
    store = Store(tmp_path / "c.db")
    report = import_paths(store, cp.write_files(tmp_path / "pages"), workers=1)
    assert len(report.page_ids) == 2 and report.links is not None
    heads = {
        r[0]: r[1]
        for r in store.db.execute(
            "SELECT a.title, a.continued_to FROM articles a WHERE continued_to IS NOT NULL"
        )
    }
    assert heads, "the segmenter found the 下转 marks"
    assert len(report.links.linked) == 2, report.links.summary()


def test_cli_link_and_missing(tmp_path):
    db = tmp_path / "c.db"
    store = Store(db)
    cp.issue(store)
    store.close()

    def banmian(*args):
        return run_banmian("--db", str(db), *args)

    done = banmian("link", "--verbose")
    assert done.returncode == 0, done.stderr
    assert "linked 2, doubtful 0, missing pages 1" in done.stdout
    assert "p1 A1 → p2 B1" in done.stdout
    done = banmian("link", "--missing")
    assert done.returncode == 0, done.stderr
    assert "p1 A3: 下转第5版" in done.stdout
    assert banmian("link", "--db", str(tmp_path / "none.db"), "--missing").returncode == 2


def test_two_tails_on_one_page_told_apart_together():
    """Gains in log-odds, each with 6 for two ends whose pages are there: neither pair is
    sure alone by its own evidence, but reading both together is 6 better than the
    crosswise reading (20:1 needs 3); readings 0.4 apart stay doubts."""
    from dataclasses import dataclass

    from banmian.core.corpus.link_choice import margins, sure_pairs

    @dataclass(frozen=True)
    class P:
        head_key: tuple
        tail_key: tuple
        gain: float

    a1, a2, b1, b2 = (1, "A1"), (1, "A2"), (2, "B1"), (2, "B2")
    pairs = [P(a1, b2, 8.5), P(a2, b1, 7.5), P(a1, b1, 5.0), P(a2, b2, 5.0)]
    assert {(p.head_key, p.tail_key) for p in sure_pairs(pairs)} == {(a1, b2), (a2, b1)}
    assert margins(pairs) == {0: 6.0, 1: 6.0, 2: -6.0, 3: -6.0}
    close = [P(a1, b2, 8.5), P(a2, b1, 7.5), P(a1, b1, 8.0), P(a2, b2, 7.6)]
    assert sure_pairs(close) == []  # the two readings are too close: doubts
    # the last head and tail left, page numbers agreeing, no other evidence: leaving
    # both unpaired would leave two marks unexplained
    assert sure_pairs([P(a1, b1, 6.0 - 1.5)]) == [P(a1, b1, 4.5)]
    # a misprint (one number agreeing) with nothing in the text for it: a doubt
    assert sure_pairs([P(a1, b1, 3.0 - 3.0 - 1.5)]) == []


def test_editing_a_linked_fragment_keeps_the_link_or_doubts_it(tmp_path):
    """A split moves the 下转 mark to the new article; a merge takes an article away.
    The links naming the old fragments are dropped and the issue relinked: linked again
    where sure, a doubt where not; no link is left pointing at what is gone."""
    from banmian.core.corpus.continuations import relink_edited_page, stale_links
    from banmian.core.edits import structure as edits

    store = Store(tmp_path / "c.db")
    one, two = cp.issue(store)
    link_issues(store)
    set_link(store, (one, "A2"), (two, "B2"))  # an annotator's link
    seg = store.load(one)
    body = seg.article("A2").blocks[-1].first
    split = edits.split_article(seg, body).segmentation  # headline stays, body is new
    moved = next(a.id for a in split.articles if a.continued_to == "2" and a.id != "A1")
    store.save(one, split, "split")
    assert stale_links(store, one)
    assert relink_edited_page(store, one)
    assert (one, moved, two, "B2", "auto") in _links(store)  # kept, on the part with the mark
    assert not any(r[1] == "A2" for r in _links(store))
    merged = edits.merge_with_previous(store.load(one), moved).segmentation
    store.save(one, merged, "merge")
    assert relink_edited_page(store, one)
    heads = {r[1] for r in _links(store) if r[2] is not None}
    assert heads <= {a.id for a in merged.articles}  # nothing points at what is gone
    doubted = {a for a in ("B1", "B2") if _doubts(store, two, a)}
    linked_tails = {r[3] for r in _links(store) if r[2] is not None}
    assert {"B1", "B2"} <= linked_tails | doubted  # each tail linked or doubted
    assert not relink_edited_page(store, one)  # nothing stale left


def test_the_best_reading_is_the_best_assignment_even_with_many_candidates():
    """The greatest total of pairs sharing no fragment, as trying every pairing finds it
    on small issues; and answered at once on an issue imported twice (each head with
    dozens of candidate tails), where trying every pairing took minutes."""
    import random
    from dataclasses import dataclass

    from banmian.core.corpus.link_choice import _best_total

    @dataclass
    class Pair:
        gain: float
        head_key: tuple
        tail_key: tuple

    def every_pairing(pairs):
        heads = sorted({p.head_key for p in pairs})

        def best(i, used):
            if i == len(heads):
                return 0.0
            top = best(i + 1, used)
            for p in pairs:
                if p.head_key == heads[i] and p.tail_key not in used:
                    top = max(top, p.gain + best(i + 1, used | {p.tail_key}))
            return top

        return best(0, frozenset())

    rng = random.Random(7)
    for _ in range(500):
        pairs = [
            Pair(round(rng.random(), 2), (1, f"A{h}"), (2, f"B{t}"))
            for h in range(rng.randint(0, 4))
            for t in range(rng.randint(1, 5))
            if rng.random() < 0.6
        ]
        assert _best_total(pairs) == pytest.approx(every_pairing(pairs))
    many = [Pair(0.5, (1, f"A{h}"), (2, f"B{t}")) for h in range(6) for t in range(60)]
    assert _best_total(many) == pytest.approx(3.0)
