"""The team workflow's core (core.team) and its commands: batch, agree, curate, merge,
each checked in the SQLite files afterwards, agreement against hand-worked figures and
segeval."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest
import segeval
from banmian.core.corpus.store import Store
from banmian.core.corpus.vocabulary import seed_vocabulary, vocabulary
from banmian.core.segmentation.metrics import masses
from banmian.core.team import curation
from banmian.core.team.agreement import agree
from banmian.core.team.compare import compare_pages
from banmian.core.team.versions import read_versions, version_of

from tests import team_pages as tp
from tests.cli_run import banmian
from tests.team_commands import batch, dump, merge


@pytest.fixture(autouse=True)
def _lead(monkeypatch):
    """The commands log the batch and the merge under the lead's name."""
    monkeypatch.setenv("BANMIAN_ANNOTATOR", "lead")


def rows(path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def pair(tmp_path):
    """Main database batched to A and B (both pages to both), each verified as in
    tests.team_pages."""
    tp.make_main(tmp_path / "main.db")
    files = batch(tmp_path, "A", "B")
    tp.annotate(files["A"], "A", {"flowers.txt": tp.FLOWERS_FIRST, "street.txt": tp.STREET_FIRST})
    tp.annotate(files["B"], "B", {"flowers.txt": tp.FLOWERS_SECOND, "street.txt": tp.STREET_SECOND})
    return files


# -- agreement ------------------------------------------------------------------------------
def test_agree_gives_the_hand_worked_figures(pair):
    run = banmian("agree", str(pair["A"]), str(pair["B"]), "--format", "json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["annotators"] == ["A", "B"] and result["pages"] == 2
    flowers, street = result["per_page"]
    # flowers: same articles; roles differ on line 9 (body / caption): observed 8/9,
    # chance (2·2 + 6·5 + 1·1)/81 → κ = 37/46; paragraphs {2–3, 5, 7–8, 9} against
    # {2–5, 7–8}: F1 1/3; tags of the two articles: {市容} / {市容, 街道}, {} / {文化}: 1/3
    assert flowers["bcubed_f1"] == pytest.approx(1.0)
    assert flowers["boundary_similarity"] == pytest.approx(1.0)
    assert flowers["exact_articles"] == pytest.approx(1.0)
    assert flowers["role_kappa"] == pytest.approx(37 / 46)
    assert flowers["paragraph_f1"] == pytest.approx(1 / 3)
    assert flowers["tag_agreement"] == pytest.approx(1 / 3)
    # street: B makes line 8 an article of its own. B-cubed recall (4 + 3·3/4 + 1/4)/8,
    # precision 1 → F1 26/29; one boundary of two matched → B = 1/2; articles {1–4} alike
    # of 2 and 3 → F1 2/5
    assert street["bcubed_f1"] == pytest.approx(26 / 29)
    assert street["boundary_similarity"] == pytest.approx(0.5)
    assert street["exact_articles"] == pytest.approx(0.4)
    assert street["role_kappa"] == pytest.approx(1.0)
    assert street["paragraph_f1"] == pytest.approx(1.0)
    assert street["tag_agreement"] == pytest.approx(1.0)
    # overall: means over pages, κ over all 17 lines: observed 16/17, chance 149/289
    overall = result["overall"]
    assert overall["bcubed_f1"] == pytest.approx((1 + 26 / 29) / 2)
    assert overall["role_kappa"] == pytest.approx(123 / 140)
    assert result["disagreements"] == 3
    assert [d["lines"] for d in flowers["disagreements"]] == [[[1, 5]], [[6, 9]]]
    assert flowers["disagreements"][1]["kinds"] == ["roles", "paragraphs", "tags"]
    assert "C9" in flowers["disagreements"][1]["said"][1]
    assert street["disagreements"][0]["kinds"] == ["articles"]
    assert street["disagreements"][0]["said"] == [
        "A2 「公园新添健身器材」: H5 P6 P7 P8",
        "A2 「公园新添健身器材」: H5 P6 P7 | A3: P8",
    ]
    table = banmian("agree", str(pair["A"]), str(pair["B"]))
    assert table.returncode == 0 and "overall" in table.stdout and "lines 5–8" in table.stdout


def test_boundary_similarity_and_bcubed_agree_with_segeval(pair):
    first = Store(pair["A"], readonly=True)
    second = Store(pair["B"], readonly=True)
    try:
        a, b = read_versions(first), read_versions(second)
    finally:
        first.close()
        second.close()
    for digest in a:
        page = compare_pages(a[digest], b[digest])
        labels = [
            [v.content_lines[n] for n in sorted(v.content_lines)] for v in (a[digest], b[digest])
        ]
        reference, hypothesis = (masses(x) for x in labels)
        expected = (
            1.0
            if len(reference) == len(hypothesis) == 1
            else float(segeval.boundary_similarity(hypothesis, reference))
        )
        assert page.boundary_similarity == pytest.approx(expected)


def test_agree_leaves_both_files_untouched_and_counts_pages_verified_once(pair, tmp_path):
    store = Store(pair["B"], annotator="B")
    store.set_status(2, "in_progress")
    store.close()
    before = [p.read_bytes() for p in pair.values()]
    run = banmian("agree", str(pair["A"]), str(pair["B"]), "--format", "json")
    result = json.loads(run.stdout)
    assert result["pages"] == 1 and result["only_first"] == 1 and result["only_second"] == 0
    assert [p.read_bytes() for p in pair.values()] == before


# -- batch ----------------------------------------------------------------------------------
def test_batch_writes_one_file_per_annotator_with_its_pages(tmp_path):
    tp.make_main(tmp_path / "main.db", extra=4)
    main = Store(tmp_path / "main.db")
    main.db.execute(
        "INSERT INTO models (created_at, newspaper, model, card, in_use) "
        "VALUES ('2024', '', x'00', '{}', 1)"
    )
    main.db.conn.commit()
    seed_vocabulary(main)
    terms = vocabulary(main)
    expected = {p.id: main.load(p.id) for p in main.pages()}
    main.close()
    files = batch(tmp_path, "A", "B", "C", overlap="0.5")
    given = {
        name: [r[0] for r in rows(path, "SELECT id FROM pages")] for name, path in files.items()
    }
    # six pages in turn A, B, C, A, B, C; every second one also to the next annotator
    assert given == {"A": [1, 4, 6], "B": [2, 4, 5], "C": [2, 3, 6]}
    for name, path in files.items():
        store = Store(path, readonly=True)
        try:
            for page_id in given[name]:
                assert store.load(page_id) == expected[page_id]
            assert vocabulary(store) == terms and terms
            assert store.search("花坛")
        finally:
            store.close()
        team = dict(rows(path, "SELECT key, value FROM team"))
        assert team["annotator"] == name and team["role"] == "annotator"
        assert team["origin"] == str((tmp_path / "main.db").resolve())
        assert rows(path, "SELECT count(*) FROM models WHERE in_use = 1") == [(1,)]
    main_rows = rows(tmp_path / "main.db", "SELECT annotator, count(*) FROM assignments GROUP BY 1")
    assert dict(main_rows) == {"A": 3, "B": 3, "C": 3}
    assert (
        dict(rows(tmp_path / "main.db", "SELECT key, value FROM team"))["id"] == team["origin_id"]
    )
    again = banmian(
        "batch", "--db", str(tmp_path / "main.db"), "--annotators", "D", str(tmp_path / "more")
    )
    assert again.returncode == 0 and "no new page left" in again.stdout
    refused = banmian(
        "batch", "--db", str(tmp_path / "main.db"), "--annotators", "A", str(tmp_path / "out")
    )
    assert refused.returncode == 2 and "exists already" in refused.stderr


# -- merge ----------------------------------------------------------------------------------


def test_disagreeing_pages_are_left_for_curation_even_merged_one_file_at_a_time(pair, tmp_path):
    before = rows(tmp_path / "main.db", "SELECT status FROM pages")
    run = merge(tmp_path, pair["A"], pair["B"])
    assert run.returncode == 1 and run.stdout.count("NOT MERGED") == 2
    assert rows(tmp_path / "main.db", "SELECT status FROM pages") == before
    alone = merge(tmp_path, pair["A"])
    assert alone.returncode == 1 and alone.stdout.count("verified differently by A, B") == 2


def test_merge_brings_agreed_and_curated_pages_once_with_their_history(pair, tmp_path):
    # B comes round to A on the street page; the flowers page is curated in A's file
    tp.annotate(pair["B"], "B", {"street.txt": tp.STREET_FIRST})
    first, second = Store(pair["A"], annotator="lead"), Store(pair["B"], readonly=True)
    cur = curation.load_curation(first, 1, first, second)
    assert len(cur.disagreements) == 2
    choices = {0: curation.FIRST, 1: curation.SECOND}
    curated = curation.resolve(cur, choices)
    curation.save_curated(first, 1, curated, cur, choices)
    first.close()
    second.close()
    run = merge(tmp_path, pair["A"], pair["B"])
    assert run.returncode == 0, run.stdout
    assert "2 pages merged" in run.stdout
    main = Store(tmp_path / "main.db", readonly=True)
    try:
        assert version_of(main.load(1)).fingerprint == version_of(curated).fingerprint
        street = tp.segmentation(tp.OLD_STREET, "street.txt", tp.STREET_FIRST)
        assert version_of(main.load(2)).fingerprint == version_of(street).fingerprint
        flowers = main.load(1)
        assert [b.role.value for b in flowers.article("A2").blocks][-1] == "caption"
        assert [t.name for t in flowers.article("A1").tags] == ["市容"]
        history = [(r.annotator, r.action) for r in main.history(1)]
    finally:
        main.close()
    assert history[:2] == [("lead", "import"), ("lead", "batch")]
    assert ("A", "scripted") in history and ("B", "scripted") in history
    assert ("lead", "curate") in history and history[-1] == ("lead", "merge")
    pages = rows(tmp_path / "main.db", "SELECT id, status, annotator, curated_by FROM pages")
    assert pages == [(1, "verified", "lead", "lead"), (2, "verified", "A, B", None)]
    before = dump(tmp_path / "main.db")
    again = merge(tmp_path, pair["A"], pair["B"])
    assert again.returncode == 0 and "0 pages merged, 2 already up to date" in again.stdout
    assert dump(tmp_path / "main.db") == before


def test_a_page_changed_in_main_since_the_batch_is_not_written_over(tmp_path):
    tp.make_main(tmp_path / "main.db")
    files = batch(tmp_path, "A")
    tp.annotate(files["A"], "A", {"street.txt": tp.STREET_SECOND})
    main = Store(tmp_path / "main.db", annotator="lead")
    seg = main.load(2)
    reordered = dataclasses.replace(seg, articles=seg.articles[::-1])
    main.save(2, reordered, "reorder")
    main.close()
    run = merge(tmp_path, files["A"])
    assert run.returncode == 1 and "changed in main.db since it was handed out" in run.stdout
    main = Store(tmp_path / "main.db", readonly=True)
    try:
        assert main.load(2) == reordered
    finally:
        main.close()


def test_merge_refuses_a_file_batched_from_another_database(pair, tmp_path):
    (tmp_path / "other").mkdir()
    tp.make_main(tmp_path / "other" / "main.db")
    run = banmian("merge", str(tmp_path / "other" / "main.db"), str(pair["A"]))
    assert run.returncode == 2 and "has handed out no batch" in run.stderr
    batch(tmp_path / "other", "Z")
    run = banmian("merge", str(tmp_path / "other" / "main.db"), str(pair["A"]))
    assert run.returncode == 2 and "was not batched from" in run.stderr


# -- curation -------------------------------------------------------------------------------
def test_taking_every_side_gives_that_annotators_version():
    first = tp.segmentation(tp.OLD_STREET, "s.txt", tp.STREET_FIRST)
    second = tp.segmentation(tp.OLD_STREET, "s.txt", tp.STREET_SECOND)
    cur = curation.prepare(first, second, ("A", "B"))
    assert curation.resolve(cur, {}) == first
    taken = curation.resolve(cur, {0: curation.SECOND})
    assert version_of(taken).fingerprint == version_of(second).fingerprint
    assert [a.id for a in taken.articles] == ["A1", "A2", "A3"]


def test_agreement_of_a_page_with_itself_is_perfect(sample_page):
    from banmian.core.segmentation.segmenter import segment_page

    version = version_of(segment_page(sample_page))
    page = compare_pages(version, version)
    assert page.disagreements == ()
    assert all(v == pytest.approx(1.0) for k, v in page.figures().items() if v is not None)


def test_agree_in_process_names_unnamed_files_by_their_file(tmp_path):
    tp.make_main(tmp_path / "main.db")
    one = Store(tmp_path / "main.db", readonly=True)
    try:
        result = agree(one, one)
    finally:
        one.close()
    assert (result.first, result.second) == ("main (1)", "main (2)") and result.pairs == ()
