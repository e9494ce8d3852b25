"""The trained segmenter's parts: labels from gold, line features, training, calibration,
and the doubts it raises turning into corrections."""

from __future__ import annotations

import json
import random

import pytest
from banmian.core.edits.doubts import take_alternative
from banmian.core.page.model import Article, Block, Doubt, Page, Role, Segmentation
from banmian.core.segmentation.features import crosses_word, page_features
from banmian.core.segmentation.labels import gold_labels, parse
from banmian.core.segmentation.line_model import SURE, Calibration, LineModel, shipped_model
from banmian.core.segmentation.segmenter import segment_page
from banmian.core.segmentation.training import (
    example,
    expected_calibration_error,
    platt,
    train_model,
)

from tests.layouts import LAYOUTS


def test_gold_labels_open_articles_on_their_first_text_line_not_on_headings():
    built = LAYOUTS["headings_first"]()
    page = Page.from_text(built.text)
    labels = gold_labels(page, built.gold)
    article = built.gold["articles"][0]
    kicker, headline, byline, first_body = article["blocks"][:4]
    assert parse(labels[kicker["lines"][0]]) == (Role.KICKER, True, False)
    assert parse(labels[headline["lines"][0]]).opens_article is False
    assert parse(labels[byline["lines"][0]]) == (Role.BYLINE, True, True)
    assert parse(labels[first_body["lines"][0]]) == (Role.BODY, True, False)
    second_line = first_body["lines"][0] + 1
    assert parse(labels[second_line]) == (Role.BODY, False, False)
    assert set(labels) == {n for n in range(1, len(page) + 1) if not page.is_blank(n)}


def test_an_article_of_headings_alone_opens_on_its_first_heading():
    page = Page.from_text("春季招聘会\n全市百家企业参加\n")
    gold = {
        "articles": [
            {
                "id": "A1",
                "blocks": [
                    {"role": "headline", "lines": [1, 1]},
                    {"role": "subheadline", "lines": [2, 2]},
                ],
            }
        ]
    }
    labels = gold_labels(page, gold)
    assert labels == {1: "headline.B+", 2: "subheadline.B"}


def test_features_one_row_per_text_line_and_words_across_breaks():
    page = Page.from_text("　　该航线的开\n\n通，将提高效率。\n")
    rows = page_features(page.lines)
    assert [n for n, _ in rows] == [1, 3]
    assert "xwb=1" in rows[1][1]  # a word runs across the blank line
    assert crosses_word("新增就", "业2000人")
    assert not crosses_word("效用。", "会议")
    assert not crosses_word("2022", "年度")  # digits say nothing about words


def test_platt_scaling_pulls_overconfident_scores_to_their_accuracy():
    rng = random.Random(7)
    outcomes = [(0.99, rng.random() < 0.8) for _ in range(2000)]
    a, b = platt(outcomes)
    scaled = Calibration({"role": (a, b)})("role", 0.99)
    assert abs(scaled - 0.8) < 0.03
    assert expected_calibration_error(outcomes) > 0.15
    assert expected_calibration_error([(scaled, r) for _, r in outcomes]) < 0.03


def test_a_model_trained_on_a_few_pages_loads_decides_and_describes_itself(tmp_path):
    examples = []
    for name, build in LAYOUTS.items():
        built = build()
        for copy in range(4):  # some pages for the fit, some held out to calibrate
            examples.append(example(f"{name}-{copy}", Page.from_text(built.text), built.gold))
    path = tmp_path / "model.crfsuite"
    card = train_model(examples, path, hold_out=0.3, iterations=30, description="test")
    assert path.exists() and card["pages"] + card["held_out_pages"] == len(examples)
    assert json.loads(path.with_suffix(".json").read_text("utf-8"))["description"] == "test"
    model = LineModel.from_path(path)
    built = LAYOUTS["headings_first"]()
    seg = segment_page(Page.from_text(built.text), model).check()
    assert seg.articles
    for decision in model.decide(
        *zip(*page_features(Page.from_text(built.text).lines), strict=True)
    ):
        assert SURE - 1e-9 <= sum(decision.roles.values()) <= 1.0 + 1e-6
        assert 0.0 <= decision.opens_article <= decision.opens_block <= 1.0 + 1e-9


def test_the_shipped_model_is_described_and_calibrated():
    card = shipped_model().card
    kinds = {"role", "start", "article", "heading"}
    assert card["pages"] > 100 and set(card["calibration"]) == kinds
    for kind in kinds:
        assert card["held_out"][kind]["ece_calibrated"] <= 0.05


@pytest.mark.parametrize(
    "text",
    [
        "春季招聘会\n全市百家企业参加\n\n家电以旧换新\n补贴最高五百元\n",  # headings only
        "第3版\n\n2023年3月1日\n",  # furniture only
        "　　只有一行正文。\n",
        "图为市民在公园赏花。 本报记者 孙强 摄\n",
        "\n\n\n",
    ],
)
def test_every_text_line_lands_in_exactly_one_block(text):
    page = Page.from_text(text)
    seg = segment_page(page).check()
    covered = [n for b in seg.blocks() for n in range(b.first, b.last + 1) if not page.is_blank(n)]
    assert sorted(covered) == [n for n in range(1, len(page) + 1) if not page.is_blank(n)]


# -- the new doubts' alternatives as corrections ------------------------------------------

LINES = ["　　第一段的第一行", "第一段的第二行。", "　　第二段。", "　　第三段。"]


def _seg(blocks: list[Block]) -> Segmentation:
    page = Page.from_text("\n".join(LINES))
    return Segmentation(page, (Article("A1", tuple(blocks)),)).check()


def _body(first: int, last: int, *doubts: Doubt) -> Block:
    return Block(Role.BODY, first, last, "", doubts)


def test_taking_column_break_joins_the_paragraph_with_the_one_above():
    doubt = Doubt("paragraph", 0.6, "r", (3, 3), ("paragraph break", "column break"))
    seg = _seg([_body(1, 2), _body(3, 3, doubt), _body(4, 4)])
    edit = take_alternative(seg, doubt, "A1", 3, 1)
    assert [b.lines for b in edit.segmentation.article("A1").blocks] == [(1, 3), (4, 4)]


def test_taking_new_article_splits_the_article_at_the_block():
    doubt = Doubt("boundary", 0.6, "r", (3, 3), ("same article", "new article"))
    seg = _seg([_body(1, 2), _body(3, 3, doubt), _body(4, 4)])
    edit = take_alternative(seg, doubt, "A1", 3, 1)
    assert [[b.first for b in a.blocks] for a in edit.segmentation.articles] == [[1], [3, 4]]


def test_taking_another_role_sets_it():
    doubt = Doubt("role", 0.6, "r", (4, 4), ("body", "subheadline"))
    seg = _seg([_body(1, 2), _body(3, 3), _body(4, 4, doubt)])
    edit = take_alternative(seg, doubt, "A1", 4, 1)
    assert edit.segmentation.block(4).role is Role.SUBHEADLINE
    again = take_alternative(seg, doubt, "A1", 4, 0)  # as proposed: only the doubt goes
    assert again.segmentation.block(4).role is Role.BODY and not again.segmentation.block(4).doubts


def test_below_agrees_with_calibrating_then_comparing():
    cal = Calibration({"role": (0.7, 0.3), "start": (-0.5, 0.1)})
    for kind in ("role", "start", "article"):
        for p in [i / 200 for i in range(1, 200)]:
            expected = cal(kind, p) if cal(kind, p) < 0.9 else None
            assert cal.below(kind, p, 0.9) == expected
