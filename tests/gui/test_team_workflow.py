"""Issue 13 end to end: a main database batched to three annotators with overlap,
scripted corrections in each (disagreements on purpose), agreement by the command and in
the window, curation through the window with keys, merge — and the main database holds
every page once, with the expected segmentation and history; a second merge changes
nothing."""

from __future__ import annotations

import json
import sqlite3

import pytest
import segeval
from banmian.core.corpus.store import Store
from banmian.core.edits import details, structure
from banmian.core.page.model import Role, Tag
from banmian.core.segmentation.metrics import masses
from banmian.core.team.versions import version_of
from PySide6.QtCore import Qt

from tests import team_pages as tp
from tests.cli_run import banmian

# corpus order x0 x1 x2 flowers x3 street: in turn A B C A B C, every second page also
# to the next annotator → A: x0 flowers street · B: x1 flowers x3 · C: x1 x2 street
GIVEN = {
    "A": ["x0.txt", "flowers.txt", "street.txt"],
    "B": ["x1.txt", "flowers.txt", "x3.txt"],
    "C": ["x1.txt", "x2.txt", "street.txt"],
}


def _ids(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT source_file, id FROM pages"))
    finally:
        conn.close()


def _correct(path, name: str, edits: dict[str, object]) -> None:
    """`name` corrects each page (by file) with core edits, as the window's keys do, and
    verifies it; a segmentation as the value replaces the page's outright."""
    store = Store(path, annotator=name)
    ids = _ids(path)
    for source, edit in edits.items():
        seg = store.load(ids[source])
        if callable(edit):
            for step in edit(seg):
                seg = step.segmentation
                store.save(ids[source], seg, "edit")
        else:
            store.save(ids[source], edit, "edit")
        store.set_status(ids[source], "verified")
    store.close()


@pytest.fixture
def team(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_ANNOTATOR", "lead")
    main = tmp_path / "main.db"
    tp.make_main(main, extra=4, dates={"flowers.txt": "2024-02-03", "street.txt": "2024-02-05"})
    run = banmian(
        "batch",
        "--db",
        str(main),
        "--annotators",
        "A,B,C",
        "--overlap",
        "0.5",
        str(tmp_path / "out"),
    )
    assert run.returncode == 0, run.stderr
    files = {n: tmp_path / "out" / f"{n}.db" for n in "ABC"}
    for name, path in files.items():
        assert sorted(_ids(path)) == sorted(GIVEN[name])
    flowers = lambda v: tp.segmentation(tp.FLOWERS, "flowers.txt", v)  # noqa: E731
    street = tp.segmentation(tp.OLD_STREET, "street.txt", tp.STREET_FIRST)
    _correct(
        files["A"],
        "A",
        {
            "x0.txt": lambda s: [structure.join_paragraphs(s, 2)],
            "flowers.txt": flowers(tp.FLOWERS_FIRST),
            "street.txt": street,
        },
    )
    _correct(
        files["B"],
        "B",
        {
            "x1.txt": lambda s: [details.add_tag(s, "A1", Tag("市容"))],
            "flowers.txt": flowers(tp.FLOWERS_SECOND),
            "x3.txt": lambda s: [],
        },
    )
    _correct(
        files["C"],
        "C",
        {
            "x1.txt": lambda s: [details.add_tag(s, "A1", Tag("交通"))],
            "x2.txt": lambda s: [structure.set_role(s, [9], Role.CAPTION)],
            "street.txt": street,
        },
    )
    return main, files


def test_batch_agree_curate_in_the_window_and_merge(qtbot, open_window, team):
    main, files = team
    proposal_x1 = Store(main, readonly=True)
    try:
        x1_before = proposal_x1.load(_ids(main)["x1.txt"])
    finally:
        proposal_x1.close()

    # agreement of A and B: they share the flowers page only (figures worked by hand in
    # tests/test_team.py: κ 37/46, paragraph F1 1/3, tags 1/3, two disagreements)
    run = banmian("agree", str(files["A"]), str(files["B"]), "--format", "json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["pages"] == 1 and result["only_first"] == 2 and result["only_second"] == 2
    (page,) = result["per_page"]
    assert page["role_kappa"] == pytest.approx(37 / 46)
    assert page["paragraph_f1"] == pytest.approx(1 / 3)
    assert page["tag_agreement"] == pytest.approx(1 / 3)
    assert page["bcubed_f1"] == pytest.approx(1.0) and len(page["disagreements"]) == 2
    # C and A drew the street page alike; B and C tagged x1 differently
    same = json.loads(banmian("agree", str(files["C"]), str(files["A"]), "--format", "json").stdout)
    assert same["per_page"][0]["disagreements"] == [] and same["overall"]["role_kappa"] == 1.0
    tags = json.loads(banmian("agree", str(files["B"]), str(files["C"]), "--format", "json").stdout)
    assert tags["per_page"][0]["tag_agreement"] == 0.0
    assert tags["per_page"][0]["disagreements"][0]["kinds"] == ["tags"]
    # B against segeval on the same segmentations (the street page of the tests' pair)
    a = version_of(tp.segmentation(tp.OLD_STREET, "s", tp.STREET_FIRST))
    b = version_of(tp.segmentation(tp.OLD_STREET, "s", tp.STREET_SECOND))
    ref, hyp = ([v.content_lines[n] for n in sorted(v.content_lines)] for v in (a, b))
    assert float(segeval.boundary_similarity(masses(hyp), masses(ref))) == pytest.approx(0.5)

    # the lead curates in the window on the main database: Review → Agreement…
    window = open_window(main)
    assert window.store.annotator == "lead"
    dialog = window.team.show_agreement(files["A"], files["B"])
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 7).text() == "2"
    assert "κ roles 0.804" in dialog.summary.text()
    curate = dialog.open_row(0)
    qtbot.waitExposed(curate)
    curate.activateWindow()
    qtbot.waitUntil(lambda: curate.isActiveWindow())
    assert curate.list.count() == 2 and "A: A1" in curate.says.text()
    qtbot.keyClick(curate.list, Qt.Key.Key_A)  # lines 1–5: A's paragraphs and tags
    assert curate.list.currentRow() == 1
    qtbot.keyClick(curate.list, Qt.Key.Key_B)  # lines 6–9: B's caption and tag
    assert curate.choices == {0: 0, 1: 1}
    qtbot.keyClick(curate.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    flowers_id = _ids(main)["flowers.txt"]
    qtbot.waitUntil(lambda: window.editor.page_id == flowers_id)
    curated = window.store.load(flowers_id)
    window.close()

    expected_flowers = tp.segmentation(
        tp.FLOWERS,
        "flowers.txt",
        {
            "articles": [
                tp.FLOWERS_FIRST["articles"][0],
                tp.FLOWERS_SECOND["articles"][1],
            ],
            "unassigned": tp.FLOWERS_FIRST["unassigned"],
        },
    )
    assert version_of(curated).fingerprint == version_of(expected_flowers).fingerprint

    # merge: x1 was tagged differently by B and C and nobody curated it: left alone
    run = banmian("merge", str(main), *(str(files[n]) for n in "ABC"))
    assert run.returncode == 1, run.stderr
    assert "NOT MERGED 测试报 2024-02-02 p.1: verified differently by B, C" in run.stdout
    store = Store(main, readonly=True)
    try:
        ids = _ids(main)
        pages = {p.source: p for p in store.pages()}
        assert (
            len(pages) == 6
            and len({r["content_hash"] for r in store.rows("SELECT content_hash FROM pages")}) == 6
        )
        assert {s: p.status for s, p in pages.items()} == {
            "x0.txt": "verified",
            "x1.txt": "new",
            "x2.txt": "verified",
            "flowers.txt": "verified",
            "x3.txt": "verified",
            "street.txt": "verified",
        }
        assert {s: p.annotator for s, p in pages.items() if s != "x1.txt"} == {
            "x0.txt": "A",
            "x2.txt": "C",
            "flowers.txt": "lead",
            "x3.txt": "B",
            "street.txt": "A, C",
        }
        assert store.load(ids["x1.txt"]) == x1_before
        x0 = store.load(ids["x0.txt"])
        assert [b.lines for b in x0.article("A1").blocks] == [(1, 1), (2, 5)]
        assert store.load(ids["x2.txt"]).block(9).role is Role.CAPTION
        assert (
            version_of(store.load(ids["street.txt"])).fingerprint
            == version_of(tp.segmentation(tp.OLD_STREET, "street.txt", tp.STREET_FIRST)).fingerprint
        )
        assert (
            version_of(store.load(ids["flowers.txt"])).fingerprint
            == version_of(expected_flowers).fingerprint
        )
        flowers_log = [(r.annotator, r.action) for r in store.history(ids["flowers.txt"])]
        x0_log = [(r.annotator, r.action) for r in store.history(ids["x0.txt"])]
        street_log = [(r.annotator, r.action) for r in store.history(ids["street.txt"])]
    finally:
        store.close()
    assert flowers_log[:3] == [("lead", "import"), ("lead", "batch"), ("lead", "curate")]
    assert ("A", "edit") in flowers_log and ("B", "edit") in flowers_log
    assert "merge" not in [a for _w, a in flowers_log]  # curated here: kept, logs added
    assert x0_log == [
        ("lead", "import"),
        ("lead", "batch"),
        ("A", "edit"),
        ("A", "set_status"),
        ("lead", "merge"),
    ]
    assert street_log.count(("A", "edit")) == 1 and street_log.count(("C", "edit")) == 1

    conn = sqlite3.connect(main)
    before = list(conn.iterdump())
    conn.close()
    again = banmian("merge", str(main), *(str(files[n]) for n in "ABC"))
    assert again.returncode == 1 and "0 pages merged" in again.stdout
    conn = sqlite3.connect(main)
    assert list(conn.iterdump()) == before
    conn.close()
