"""The segmentation scores, checked against segeval and against hand-worked cases."""

from __future__ import annotations

import json
import random
from importlib import resources

import pytest
import segeval
from banmian.core.page.model import Page
from banmian.core.segmentation import metrics

CASES = [
    ([5, 3, 5], [5, 3, 5]),  # identical
    ([8, 5], [5, 3, 5]),  # a missed boundary
    ([5, 3, 2, 3], [5, 3, 5]),  # an extra boundary
    ([4, 4, 5], [5, 3, 5]),  # a near miss
    ([2, 3, 6, 2, 7], [3, 2, 5, 3, 2, 5]),
    ([20], [6, 7, 7]),
    ([1] * 12, [4, 4, 4]),
]


def _random_masses(rng: random.Random, total: int) -> list[int]:
    cuts = sorted(rng.sample(range(1, total), rng.randint(0, min(8, total - 1))))
    edges = [0, *cuts, total]
    return [b - a for a, b in zip(edges, edges[1:], strict=False)]


def _cases():
    rng = random.Random(7)
    extra = []
    for _ in range(40):
        total = rng.randint(6, 60)
        extra.append((_random_masses(rng, total), _random_masses(rng, total)))
    return CASES + extra


@pytest.mark.parametrize("hyp, ref", _cases())
def test_window_metrics_and_b_match_segeval(hyp, ref):
    # segeval takes the hypothesis first
    assert metrics.pk(hyp, ref) == pytest.approx(float(segeval.pk(hyp, ref)), abs=1e-9)
    assert metrics.windowdiff(hyp, ref) == pytest.approx(
        float(segeval.window_diff(hyp, ref)), abs=1e-9
    )
    if len(hyp) == len(ref) == 1:  # no boundary on either side: segeval cannot say
        assert metrics.boundary_similarity(hyp, ref) == 1.0
        return
    assert metrics.boundary_similarity(hyp, ref) == pytest.approx(
        float(segeval.boundary_similarity(hyp, ref)), abs=1e-9
    )


def test_bcubed_by_hand():
    # one reference cluster of 4 split 2+2: precision 1, recall 0.5
    p, r, f = metrics.bcubed(["a", "a", "b", "b"], ["x", "x", "x", "x"])
    assert (p, r) == (1.0, 0.5)
    assert f == pytest.approx(2 / 3)


def _gold() -> dict:
    return json.loads(
        resources.files("banmian.resources").joinpath("sample_page.gold.json").read_text("utf-8")
    )


def test_gold_against_itself_scores_perfectly(sample_page: Page):
    scores = metrics.score(sample_page, _gold(), _gold())
    assert scores["bcubed_f1"] == scores["boundary_f1"] == scores["paragraph_f1"] == 1.0
    assert (
        scores["role_accuracy"]
        == scores["exact_article_f1"]
        == scores["boundary_similarity"]
        == 1.0
    )
    assert scores["pk"] == scores["windowdiff"] == 0.0


def test_either_lines_may_sit_in_either_article(sample_page: Page):
    gold = _gold()
    hyp = json.loads(json.dumps(gold))
    del hyp["either"]
    a1 = next(a for a in hyp["articles"] if a["id"] == "A1")
    a3 = next(a for a in hyp["articles"] if a["id"] == "A3")
    a1["blocks"].append({"role": "headline", "lines": [71, 71]})
    a3["blocks"].append({"role": "headline", "lines": [24, 24]})
    assert metrics.score(sample_page, hyp, gold)["bcubed_f1"] == 1.0


def test_a_merged_pair_of_articles_costs_boundary_and_bcubed(sample_page: Page):
    gold = _gold()
    hyp = json.loads(json.dumps(gold))
    hyp["articles"][0]["blocks"] += hyp["articles"][1]["blocks"]
    del hyp["articles"][1]
    scores = metrics.score(sample_page, hyp, gold)
    assert scores["boundary_f1"] < 1.0
    assert scores["bcubed_precision"] < 1.0 and scores["bcubed_recall"] == 1.0
    assert scores["exact_article_f1"] < 1.0
    assert scores["pk"] > 0.0


def test_wrong_roles_and_paragraphs_are_counted(sample_page: Page):
    gold = _gold()
    hyp = json.loads(json.dumps(gold))
    blocks = hyp["articles"][0]["blocks"]
    blocks[0]["role"] = "body"  # byline line 1 read as body
    blocks[1:3] = [{"role": "body", "lines": [2, 22]}]  # two paragraphs joined
    scores = metrics.score(sample_page, hyp, gold)
    n_lines = len([n for n in sample_page.content_lines() if n not in (243, 244)])
    assert scores["role_accuracy"] == pytest.approx(1 - 1 / n_lines)
    assert scores["paragraph_f1"] < 1.0
    assert metrics.cohen_kappa(["a", "b"], ["a", "b"]) == 1.0
