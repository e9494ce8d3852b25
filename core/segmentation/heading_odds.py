"""How likely a heading went to the right article, from what the choice rests on.

The attachment's own score share (chosen against the best other article) hardly says
whether it is right: calibrated alone (Platt) every contested heading came out near 0.6,
so every one was a doubt, right or not. Its probability is a logistic regression over
the evidence the choice rests on (`EVIDENCE`, computed by headings.attach_headings),
fitted on gold pages the line model was not trained on, with "right" meaning the
heading's block is in its article (a wrong role is the role doubt's business). The
weights live in the model's card; a card without them falls back to Platt scaling.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from banmian.core.page.model import Page

if TYPE_CHECKING:
    from banmian.core.segmentation.line_model import Calibration, LineModel

EVIDENCE = (
    "score share",  # the chosen article's score against the best other's
    "words in chosen",  # the heading's weighted words found in the chosen article's text
    "words in best other",
    "on the page's heading side",  # the chosen article is the neighbour on that side
    "on the other side",
    "side evidence",  # how clearly the page's headings sit on one side (tanh)
    "headline",
    "kicker",
    "best match taken",  # its best article already had a heading of this kind
    "candidates",  # log(1 + articles it was scored against)
)
CARD_KEY = "heading_odds"


def weights_of(card: Mapping) -> list[float] | None:
    """The fitted weights in a model's card (bias last), if it has them."""
    entry = card.get(CARD_KEY)
    if not entry or list(entry.get("evidence", ())) != list(EVIDENCE):
        return None
    return [float(w) for w in entry["weights"]]


def role_scaling(card: Mapping) -> Calibration | None:
    """The Platt scaling of a heading block's role, if the card has one: fitted on
    heading blocks alone, since the model is surer of a heading's role (kicker, headline,
    subtitle) than it is right, and one scaling for all roles hid that."""
    entry = card.get(CARD_KEY) or {}
    if "role_platt" not in entry:
        return None
    from banmian.core.segmentation.line_model import Calibration

    a, b = entry["role_platt"]
    return Calibration({"role": (float(a), float(b))})


def role_outcomes(
    model: LineModel, pages: Iterable[tuple[Page, Mapping]]
) -> list[tuple[float, bool]]:
    """Every heading block on gold pages: (how sure the model is of its role, whether
    most of its lines carry that role in the gold)."""
    from collections import Counter

    from banmian.core.segmentation.labels import gold_labels, parse
    from banmian.core.segmentation.segmenter import heading_blocks

    out = []
    for page, gold in pages:
        role_of = {n: str(parse(label).role) for n, label in gold_labels(page, gold).items()}
        for first, last, role, sure in heading_blocks(page, model):
            lines = [n for n in range(first, last + 1) if n in role_of] or [first]
            gold_role = Counter(role_of.get(n, "missing") for n in lines).most_common(1)[0][0]
            out.append((sure, gold_role == role))
    return out


def probability(weights: Sequence[float], evidence: Sequence[float]) -> float:
    """A logistic regression's probability (the weights `fit` returns, bias last) given
    its evidence; the openers' mix with the line model is one too."""
    z = weights[-1] + sum(w * x for w, x in zip(weights, evidence, strict=False))
    z = max(min(z, 30.0), -30.0)
    return 1 / (1 + math.exp(-z))


def fit(rows: Sequence[tuple[Sequence[float], bool]], l2: float = 1.0) -> list[float]:
    """Logistic regression by Newton's method with a small L2 pull towards zero."""
    x = np.array([list(e) + [1.0] for e, _ in rows], float)
    y = np.array([1.0 if right else 0.0 for _, right in rows])
    w = np.zeros(x.shape[1])
    pull = l2 * np.eye(len(w))
    pull[-1, -1] = 0.0  # the bias is not pulled
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        step = np.linalg.solve((x * (p * (1 - p))[:, None]).T @ x + pull, x.T @ (p - y) + pull @ w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return [round(float(v), 4) for v in w]


def outcomes(
    model: LineModel, pages: Iterable[tuple[Page, Mapping]]
) -> list[tuple[tuple[float, ...], bool]]:
    """Every contested heading the segmenter attached on gold pages: (its evidence,
    whether its block is in its article)."""
    from banmian.core.segmentation.fixes import fix_report
    from banmian.core.segmentation.segmenter import propose

    out = []
    for page, gold in pages:
        segmentation, attached = propose(page, model, evidence=True)
        misplaced = fix_report(page, segmentation.to_json(), gold).misplaced
        for first, last, _confidence, evidence in attached:
            if evidence:
                wrong = any(a <= last and first <= b for a, b in misplaced)
                out.append((evidence, not wrong))
    return out


def judged(model: LineModel, pages: Iterable[tuple[Page, Mapping]]) -> list[tuple[float, bool]]:
    """Every contested heading on gold pages as its doubt states it: (the probability
    the segmenter gives it, whether it went to its article) — what an ECE is taken of."""
    weights = weights_of(getattr(model, "card", {}))
    return [
        (
            probability(weights, evidence)
            if weights is not None
            else model.calibration("heading", evidence[0]),
            right,
        )
        for evidence, right in outcomes(model, pages)
    ]
