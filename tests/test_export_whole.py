"""Export of whole articles continued across pages, and of their fragments."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pandas as pd
from banmian.core.corpus.links import link_issues
from banmian.core.corpus.store import Store
from banmian.core.export.articles import ExportFilters, export_articles
from banmian.core.export.formats import FIELDS

from tests import continued_pages as cp


def _linked_issue(tmp_path, verify=(1, 2)):
    store = Store(tmp_path / "c.db")
    pages = cp.issue(store)
    link_issues(store)
    for n in verify:
        store.set_status(pages[n - 1], "verified")
    return store, pages


def _jsonl(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_whole_articles_jsonl(tmp_path):
    store, _ = _linked_issue(tmp_path)
    out = tmp_path / "whole.jsonl"
    assert export_articles(store, out, "jsonl").count == 4
    rows = {r["title"]: r for r in _jsonl(out)}
    trade = rows["西海岸新区外贸进出口创新高"]
    assert trade["paragraphs"] == cp.WHOLE["trade"]
    assert trade["text"] == "\n".join(cp.WHOLE["trade"])
    assert trade["pages"] == ["1", "2"] and trade["page"] == "1"
    assert [p["page"] for p in trade["parts"]] == ["1", "2"]
    assert all(p["status"] == "verified" and p["lines"] for p in trade["parts"])
    assert trade["status"] == "verified"
    assert trade["continued_to"] is None and trade["continued_from"] is None
    assert rows["前湾港集装箱航线再添新成员"]["text"] == cp.WHOLE["port"][0]
    farm = rows["藏马镇春耕忙"]
    assert farm["pages"] == ["1"] and farm["continued_to"] == "5"  # missing page: as typed
    assert all(set(FIELDS) == set(r) for r in rows.values())


def test_fragments_export_keeps_the_old_rows(tmp_path):
    store, _ = _linked_issue(tmp_path)
    out = tmp_path / "fragments.jsonl"
    assert export_articles(store, out, "jsonl", fragments=True).count == 6
    rows = _jsonl(out)
    assert [r["pages"] for r in rows] == [["1"]] * 4 + [["2"]] * 2
    assert rows[4]["continued_from"] == "1" and len(rows[4]["parts"]) == 1


def test_whole_article_verified_only_when_every_part_is(tmp_path):
    store, _ = _linked_issue(tmp_path, verify=(1,))
    out = tmp_path / "v.jsonl"
    export_articles(store, out, "jsonl")
    titles = {r["title"] for r in _jsonl(out)}
    assert titles == {"藏马镇春耕忙", "新区新建中小学十所"}
    export_articles(store, out, "jsonl", ExportFilters(status="any"))
    statuses = {r["title"]: (r["status"], [p["status"] for p in r["parts"]]) for r in _jsonl(out)}
    assert statuses["西海岸新区外贸进出口创新高"] == ("new", ["verified", "new"])


def test_csv_and_pandas_types_stable_across_exports(tmp_path):
    store, _ = _linked_issue(tmp_path)
    out = tmp_path / "whole.csv"
    export_articles(store, out, "csv")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    trade = next(r for r in rows if r["title"] == "西海岸新区外贸进出口创新高")
    assert json.loads(trade["pages"]) == ["1", "2"]
    assert json.loads(trade["paragraphs"]) == cp.WHOLE["trade"]
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    export_articles(store, a, "jsonl")
    export_articles(store, b, "jsonl", fragments=True)
    frame = pd.concat([pd.read_json(p, lines=True, dtype=False) for p in (a, b)])
    assert len(frame) == 10
    assert all(isinstance(v, list) for v in frame["pages"])
    assert all(isinstance(v, list) for v in frame["tags"])
    assert all(isinstance(v, str) for v in frame["continued_from"].dropna())
    assert all(isinstance(v, str) for v in frame["page"])


def test_segmentation_export_names_links_by_id(tmp_path):
    store, _ = _linked_issue(tmp_path)
    out = tmp_path / "seg.jsonl"
    export_articles(store, out, "segmentation")
    one, two = _jsonl(out)
    a1 = next(a for a in one["articles"] if a["id"] == "A1")
    b1 = next(a for a in two["articles"] if a["id"] == "B1")
    assert a1["linked_to"] == f"{two['content_hash'][:12]}-B1"
    assert b1["linked_from"] == f"{one['content_hash'][:12]}-A1"
    assert a1["continued_to"] == "2"


def test_cli_export_whole_and_fragments(tmp_path):
    store, _ = _linked_issue(tmp_path)
    store.close()

    def banmian(*args):
        return subprocess.run(
            [sys.executable, "-m", "banmian.core.cli", "--db", str(tmp_path / "c.db"), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = banmian("export", str(tmp_path / "w.jsonl"))
    assert done.returncode == 0 and "exported 4 articles" in done.stdout, done.stderr
    done = banmian("export", str(tmp_path / "f.jsonl"), "--fragments")
    assert done.returncode == 0 and "exported 6 articles" in done.stdout, done.stderr
