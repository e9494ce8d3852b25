"""Segmentations made elsewhere (`X.seg.json` beside `X.txt`) come in as verified pages,
exactly as written; a file that is not a valid verified page is refused in one line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from banmian.core.corpus.store import Store
from banmian.core.page.model import Page, segmentation_from_json

from tests.cli_run import banmian
from tests.layouts import LAYOUTS


def _write(folder: Path, name: str, layout: str, segmentation: dict | str | None) -> Path:
    built = LAYOUTS[layout]()
    (folder / f"{name}.txt").write_text(built.text, "utf-8")
    if segmentation is not None:
        if isinstance(segmentation, dict):  # only role and lines: what the contract requires
            segmentation = json.dumps(segmentation, ensure_ascii=False)
        (folder / f"{name}.seg.json").write_text(segmentation, "utf-8")
    return folder / f"{name}.txt"


def _bare(gold: dict) -> dict:
    def strip(block: dict) -> dict:
        return {"role": block["role"], "lines": block["lines"]}

    return {
        "articles": [{"blocks": [strip(b) for b in a["blocks"]]} for a in gold["articles"]],
        "unassigned": [strip(b) for b in gold.get("unassigned", [])],
    }


def test_a_page_with_its_segmentation_is_imported_verified_as_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    gold = LAYOUTS["national_daily"]().gold
    _write(folder, "annotated", "national_daily", _bare(gold))
    _write(folder, "plain", "headings_first", None)
    db = tmp_path / "corpus.db"
    run = banmian("--db", str(db), "import", str(folder), "--workers", "1")
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(db) as conn:
        statuses = dict(conn.execute("SELECT source_file, status FROM pages"))
        log = conn.execute(
            "SELECT detail FROM edit_log e JOIN pages p ON p.id = e.page_id "
            "WHERE p.source_file LIKE '%annotated%'"
        ).fetchall()
    assert {Path(k).stem: v for k, v in statuses.items()} == {
        "annotated": "verified",
        "plain": "new",
    }
    assert json.loads(log[0][0])["segmentation"] == "annotated.seg.json"
    store = Store(db, readonly=True)
    page_id = next(p.id for p in store.pages() if "annotated" in p.source)
    saved = store.load(page_id)
    store.close()
    expected = segmentation_from_json(saved.page, _bare(gold))
    assert [[(b.role, b.first, b.last) for b in a.blocks] for a in saved.articles] == [
        [(b.role, b.first, b.last) for b in a.blocks] for a in expected.articles
    ]


@pytest.mark.parametrize(
    "mangle, says",
    [
        (lambda g: "{not json", "not JSON"),
        (
            lambda g: {**g, "articles": [{"blocks": [{"role": "lede", "lines": [1, 1]}]}]},
            "unknown role 'lede'",
        ),
        (
            lambda g: {**g, "articles": [{"blocks": [{"role": "body", "lines": [1, 999]}]}]},
            "outside the page",
        ),
        (lambda g: {**g, "articles": [{"blocks": [{"lines": [1, 2]}]}]}, "no role or no lines"),
        (
            lambda g: {
                **g,
                "articles": g["articles"] + [{"blocks": [g["articles"][0]["blocks"][0]]}],
            },
            "more than one place",
        ),
        (lambda g: {**g, "articles": g["articles"][1:]}, "is in no block"),
    ],
)
def test_a_bad_segmentation_file_is_refused_in_one_line_naming_it(tmp_path, mangle, says):
    folder = tmp_path / "in"
    folder.mkdir()
    gold = _bare(LAYOUTS["national_daily"]().gold)
    _write(folder, "bad", "national_daily", mangle(gold))
    db = tmp_path / "corpus.db"
    run = banmian("--db", str(db), "import", str(folder), "--workers", "1")
    assert run.returncode == 2
    refused = [line for line in run.stderr.splitlines() if "bad.seg.json" in line]
    assert len(refused) == 1 and says in refused[0], run.stderr
    assert "Traceback" not in run.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 0  # never half taken


def test_verified_elsewhere_pages_are_training_data(tmp_path):
    """What learning trains on: the verified pages, these included."""
    from banmian.core.corpus.learning import verified_pages

    folder = tmp_path / "in"
    folder.mkdir()
    for layout in LAYOUTS:
        _write(folder, layout, layout, _bare(LAYOUTS[layout]().gold))
    db = tmp_path / "corpus.db"
    assert banmian("--db", str(db), "import", str(folder), "--workers", "1").returncode == 0
    store = Store(db)
    assert len(verified_pages(store)) == len(LAYOUTS)
    store.close()


def test_a_page_of_blank_lines_with_no_articles_is_a_valid_verified_page(tmp_path):
    from banmian.core.corpus.made_elsewhere import read_segmentation

    seg_file = tmp_path / "x.seg.json"
    seg_file.write_text('{"articles": []}', "utf-8")
    assert read_segmentation(Page.from_text("\n\n"), seg_file).articles == ()
