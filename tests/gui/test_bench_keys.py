"""The keys benchmark's oracle on one small page: it reaches the gold in the real window."""

from __future__ import annotations

import json

from tests.bench import bench_keys
from tests.layouts import headings_first


def test_the_oracle_replays_a_page_to_its_gold(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_ANNOTATOR", "oracle")
    page = headings_first()
    gold = page.gold
    # a gold that differs from the proposal: the first two articles are one, a heading
    # is a subtitle
    first, second = gold["articles"][0], gold["articles"][1]
    first["blocks"] += second["blocks"]
    del gold["articles"][1]
    heading = next(b for b in first["blocks"] if b["role"] == "headline")
    heading["role"] = "subheadline"
    (tmp_path / "p.txt").write_text(page.text, "utf-8")
    (tmp_path / "p.gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    tally = bench_keys.run([str(tmp_path)], quiet=True)
    assert tally.pages == 1 and tally.equal
    assert tally.corrections >= 2
    assert tally.keys / tally.corrections <= 3
