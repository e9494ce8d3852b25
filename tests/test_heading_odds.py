"""The heading attachment's probability: fitted, read from the card, and used."""

from __future__ import annotations

import random

import pytest
from banmian.core.page.model import HEADING_ROLES, Page
from banmian.core.segmentation import heading_odds
from banmian.core.segmentation.line_model import shipped_model
from banmian.core.segmentation.segmenter import propose, segment_page

from tests.layouts import LAYOUTS


def test_the_fit_recovers_which_evidence_makes_a_heading_right():
    rng = random.Random(3)
    rows = []
    for _ in range(2000):
        evidence = tuple(rng.random() for _ in heading_odds.EVIDENCE)
        # right more often the larger the score share, whatever the rest says
        rows.append((evidence, rng.random() < 0.2 + 0.7 * evidence[0]))
    weights = heading_odds.fit(rows)
    assert weights[0] > 2 and all(abs(w) < 0.6 for w in weights[1:-1])
    low, high = [0.1] * len(heading_odds.EVIDENCE), [0.9] + [0.1] * 9
    assert heading_odds.probability(weights, low) == pytest.approx(0.27, abs=0.06)
    assert heading_odds.probability(weights, high) == pytest.approx(0.83, abs=0.06)


def test_weights_are_taken_only_for_the_evidence_they_were_fitted_on():
    entry = {"evidence": list(heading_odds.EVIDENCE), "weights": [0.0] * 11}
    assert heading_odds.weights_of({heading_odds.CARD_KEY: entry}) == [0.0] * 11
    stale = {**entry, "evidence": ["score share"]}
    assert heading_odds.weights_of({heading_odds.CARD_KEY: stale}) is None
    assert heading_odds.weights_of({}) is None


def test_the_shipped_model_carries_fitted_cross_checked_heading_odds():
    entry = shipped_model().card[heading_odds.CARD_KEY]
    assert entry["decisions"] >= 500 and entry["ece_cross_validated"] <= 0.05


class _Sure:
    """The shipped model with heading odds that make every contested heading sure."""

    def __init__(self, bias: float) -> None:
        inner = shipped_model()
        self.decide, self.calibration = inner.decide, inner.calibration
        entry = {"evidence": list(heading_odds.EVIDENCE), "weights": [0.0] * 10 + [bias]}
        self.card = {**inner.card, heading_odds.CARD_KEY: entry}


def test_the_heading_doubt_states_the_fitted_probability():
    page = Page.from_text(LAYOUTS["headings_after_no_byline"]().text)
    _seg, attached = propose(page, evidence=True)
    assert any(evidence for *_lines, evidence in attached)  # some heading is contested

    def heading_doubts(model):
        seg = segment_page(page, model)
        return [d for b in seg.blocks() for d in b.doubts if d.about == "heading"]

    assert heading_doubts(_Sure(bias=-3.0))  # p = 0.05: every contested heading doubted
    assert not heading_doubts(_Sure(bias=5.0))  # p = 0.99: none


def test_without_evidence_the_attached_headings_are_lines_and_confidence_only():
    # what training.calibrate_headings unpacks when a model is rebuilt
    page = Page.from_text(LAYOUTS["headings_after_no_byline"]().text)
    _seg, attached = propose(page)
    assert attached and all(len(entry) == 3 for entry in attached)


class _RoleScaled:
    """The shipped model with a heading-role scaling set by hand."""

    def __init__(self, bias: float) -> None:
        inner = shipped_model()
        self.decide, self.calibration = inner.decide, inner.calibration
        entry = {**inner.card[heading_odds.CARD_KEY], "role_platt": [1.0, bias]}
        self.card = {**inner.card, heading_odds.CARD_KEY: entry}


def test_a_heading_role_doubt_is_scaled_on_heading_blocks_alone():
    page = Page.from_text(LAYOUTS["headings_after_no_byline"]().text)

    def heading_role_doubts(model):
        seg = segment_page(page, model)
        return [
            d
            for b in seg.blocks()
            if b.role in HEADING_ROLES
            for d in b.doubts
            if d.about == "role"
        ]

    heads = [b for b in segment_page(page).blocks() if b.role in HEADING_ROLES]
    assert len(heading_role_doubts(_RoleScaled(bias=-30.0))) == len(heads)
    assert not heading_role_doubts(_RoleScaled(bias=30.0))


def test_the_shipped_card_scales_heading_roles_measured_on_held_out_blocks():
    entry = shipped_model().card[heading_odds.CARD_KEY]
    assert entry["role_blocks"] >= 500 and entry["role_ece"] <= 0.05
    assert heading_odds.role_scaling(shipped_model().card) is not None
