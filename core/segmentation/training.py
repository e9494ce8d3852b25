"""Fitting the line model to gold pages, and calibrating its confidences.

Pure functions over (page, gold annotation) pairs, so that the shipped model (built from
the development corpus), and a database's own model (built from its verified pages)
come from the same code. A share of the pages is held out of the fit to calibrate the
marginals (Platt scaling per kind of decision) and to score the model.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pycrfsuite
from banmian.core.page.model import Page
from banmian.core.segmentation.features import page_features
from banmian.core.segmentation.labels import gold_labels, parse
from banmian.core.segmentation.line_model import Calibration, LineDecision, LineModel

FORMAT_VERSION = 1
DECISION_KINDS = ("role", "start", "article")
HOLD_OUT = 0.15  # share of pages kept out of the fit, to calibrate and score on


@dataclass(frozen=True)
class Example:
    """One gold page as the model sees it: features and labels of its non-blank lines."""

    name: str
    numbers: tuple[int, ...]
    features: tuple[list[str], ...]
    labels: tuple[str, ...]
    weight: float = 1.0


def example(name: str, page: Page, annotation: Mapping, weight: float = 1.0) -> Example:
    """The page's lines that the gold covers (a line it leaves out is skipped)."""
    gold = gold_labels(page, annotation)
    rows = [(n, f) for n, f in page_features(page.lines) if n in gold]
    return Example(
        name,
        tuple(n for n, _ in rows),
        tuple(f for _, f in rows),
        tuple(gold[n] for n, _ in rows),
        weight,
    )


def held_out(name: str, share: float) -> bool:
    """A stable pseudo-random choice of pages to hold out, by name."""
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < share


def fit(
    examples: Sequence[Example],
    model_path: Path,
    iterations: int = 150,
    c1: float = 0.05,
    c2: float = 0.01,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Train a CRF on `examples` and write it to `model_path`.

    A page's weight is honoured by repeating it (CRFsuite has no instance weights)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for ex in examples:
        for _ in range(max(1, round(ex.weight))):
            trainer.append(list(ex.features), list(ex.labels))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    if progress is not None:

        def message(log: str) -> None:
            if log.startswith("***** Iteration #"):
                done = int(log.split("#")[1].split()[0])
                progress(done, iterations)

        trainer.message = message  # type: ignore[method-assign]
    trainer.train(str(model_path))


def decisions_against_gold(
    model: LineModel, examples: Iterable[Example]
) -> dict[str, list[tuple[float, bool]]]:
    """Every decision of the model on held-out pages: (raw confidence, was it right)."""
    out: dict[str, list[tuple[float, bool]]] = {kind: [] for kind in DECISION_KINDS}
    for ex in examples:
        for decision, gold in zip(model.decide(ex.numbers, ex.features), ex.labels, strict=True):
            for kind, p, right in decision_outcomes(decision, gold):
                out[kind].append((p, right))
    return out


def decision_outcomes(decision: LineDecision, gold_label: str) -> list[tuple[str, float, bool]]:
    """The three decisions a line's label makes, each with the model's confidence in
    what it chose and whether the gold agrees."""
    gold = parse(gold_label)
    chosen = decision.label
    role_p = decision.role_probability(str(chosen.role))
    start_p = decision.opens_block if chosen.opens_block else 1 - decision.opens_block
    art_p = decision.opens_article if chosen.opens_article else 1 - decision.opens_article
    return [
        ("role", role_p, chosen.role == gold.role),
        ("start", start_p, chosen.opens_block == gold.opens_block),
        ("article", art_p, chosen.opens_article == gold.opens_article),
    ]


def platt(
    outcomes: Sequence[tuple[float, bool]], rounds: int = 100, prior: float = 1.0
) -> tuple[float, float]:
    """(a, b) minimising log loss of sigmoid(a * logit(p) + b) by Newton's method, with a
    weak pull (`prior`) towards no scaling so that few or uniform scores stay sane."""
    if len(outcomes) < 20 or all(r for _, r in outcomes) or not any(r for _, r in outcomes):
        return 1.0, 0.0
    xs = [math.log(max(p, 1e-6) / max(1 - p, 1e-6)) for p, _ in outcomes]
    ys = [1.0 if r else 0.0 for _, r in outcomes]
    a, b = 1.0, 0.0
    for _ in range(rounds):
        ga, gb = prior * (a - 1.0), prior * b
        haa, hab, hbb = prior, 0.0, prior
        for x, y in zip(xs, ys, strict=True):
            z = max(min(a * x + b, 30.0), -30.0)
            q = 1 / (1 + math.exp(-z))
            d = q - y
            w = q * (1 - q) + 1e-9
            ga += d * x
            gb += d
            haa += w * x * x
            hab += w * x
            hbb += w
        det = haa * hbb - hab * hab
        if abs(det) < 1e-12:
            break
        step_a = (hbb * ga - hab * gb) / det
        step_b = (haa * gb - hab * ga) / det
        size = math.hypot(step_a, step_b)
        if size > 0.5:  # damped: a full Newton step overshoots where the loss is flat
            step_a, step_b = step_a * 0.5 / size, step_b * 0.5 / size
        a, b = a - step_a, b - step_b
        if abs(step_a) + abs(step_b) < 1e-7:
            break
    return a, b


def expected_calibration_error(outcomes: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """ECE: the gap between confidence and accuracy, averaged over equal-width bins."""
    if not outcomes:
        return 0.0
    totals = [[0, 0.0, 0] for _ in range(bins)]
    for p, right in outcomes:
        slot = totals[min(int(p * bins), bins - 1)]
        slot[0] += 1
        slot[1] += p
        slot[2] += right
    return sum(abs(conf - hits) for _n, conf, hits in totals) / len(outcomes)


def train_model(
    examples: Sequence[Example],
    out_path: Path,
    hold_out: float = HOLD_OUT,
    iterations: int = 150,
    description: str = "",
    progress: Callable[[int, int], None] | None = None,
    c1: float = 0.05,
    c2: float = 0.01,
) -> dict:
    """Fit on most pages, calibrate on the rest; write the model and its card.

    Returns the card: version, pages, calibration, and the held-out scores before and
    after calibration."""
    fit_on = [ex for ex in examples if not held_out(ex.name, hold_out)]
    calibrate_on = [ex for ex in examples if held_out(ex.name, hold_out)]
    if not fit_on:
        raise ValueError("no pages to train on")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "model.crfsuite"
        fit(fit_on, draft, iterations=iterations, c1=c1, c2=c2, progress=progress)
        outcomes = decisions_against_gold(LineModel(draft, {}), calibrate_on)
        card = model_card(description, fit_on, len(calibrate_on), outcomes)
        shutil.copyfile(draft, out_path)
    return _written(out_path, card)


def train_on_all(
    examples: Sequence[Example],
    out_path: Path,
    outcomes: Mapping[str, Sequence[tuple[float, bool]]],
    checked_pages: int,
    description: str = "",
    **fit_options: Any,
) -> dict:
    """Fit on every page and calibrate with `outcomes` that the caller measured on
    pages a model did not see (a cross-validation's folds); returns the card.

    A database's model learns from a few dozen verified pages: holding 15% of them out
    to calibrate (as `train_model` does) cost a model trained on 20 pages of an unseen
    layout 0.4 fixes per page on held-out pages (tests/bench/bench_learning_curve.py),
    while the cross-validation that checks the model has already decided every page
    with a model that did not see it."""
    if not examples:
        raise ValueError("no pages to train on")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fit(examples, out_path, **fit_options)  # iterations, c1, c2, progress
    return _written(out_path, model_card(description, examples, checked_pages, outcomes))


def _written(out_path: Path, card: dict) -> dict:
    """The card, written beside its model."""
    out_path.with_suffix(".json").write_text(
        json.dumps(card, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    return card


def model_card(
    description: str,
    fit_on: Sequence[Example],
    held_out_pages: int,
    outcomes: Mapping[str, Sequence[tuple[float, bool]]],
) -> dict:
    """A model's card: what it was fitted on, its calibration (Platt scaling per kind of
    decision, from `outcomes` on pages it or its folds did not see) and those scores."""
    outcomes = {kind: list(outcomes.get(kind, ())) for kind in DECISION_KINDS}
    calibration = {kind: platt(outcomes[kind]) for kind in DECISION_KINDS}
    scaled = Calibration(calibration)
    return {
        "format": FORMAT_VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "description": description,
        "pages": len(fit_on),
        "held_out_pages": held_out_pages,
        "lines": sum(len(ex.labels) for ex in fit_on),
        "calibration": {k: [round(a, 4), round(b, 4)] for k, (a, b) in calibration.items()},
        "held_out": {
            kind: {
                "decisions": len(outcomes[kind]),
                "accuracy": round(
                    sum(r for _, r in outcomes[kind]) / max(1, len(outcomes[kind])), 4
                ),
                "ece_raw": round(expected_calibration_error(outcomes[kind]), 4),
                "ece_calibrated": round(
                    expected_calibration_error([(scaled(kind, p), r) for p, r in outcomes[kind]]),
                    4,
                ),
            }
            for kind in DECISION_KINDS
        },
    }


def heading_outcomes(
    model: LineModel, pages: Iterable[tuple[Page, Mapping]]
) -> list[tuple[float, bool]]:
    """Every heading the segmenter attached by evidence on gold pages: (raw attachment
    confidence, was the heading right) — right when no block of the gold under it needs
    a fix (wrong article or role), as `banmian eval` counts fixes."""
    from banmian.core.segmentation.fixes import fix_report
    from banmian.core.segmentation.segmenter import propose

    out: list[tuple[float, bool]] = []
    for page, gold in pages:
        segmentation, attached = propose(page, model)
        needing = fix_report(page, segmentation.to_json(), gold).needing
        for first, last, confidence in attached:
            wrong = any(a <= last and first <= b for a, b in needing)
            out.append((confidence, not wrong))
    return out


def calibrate_headings(
    card_path: Path, model: LineModel, pages: Iterable[tuple[Page, Mapping]]
) -> dict:
    """Add the heading attachment's calibration to a model's card, from gold pages the
    model was not trained on; returns the card."""
    outcomes = heading_outcomes(model, pages)
    a, b = platt(outcomes)
    card = json.loads(card_path.read_text("utf-8"))
    card.setdefault("calibration", {})["heading"] = [round(a, 4), round(b, 4)]
    scaled = Calibration({"heading": (a, b)})
    card.setdefault("held_out", {})["heading"] = {
        "decisions": len(outcomes),
        "accuracy": round(sum(r for _, r in outcomes) / max(1, len(outcomes)), 4),
        "ece_raw": round(expected_calibration_error(outcomes), 4),
        "ece_calibrated": round(
            expected_calibration_error([(scaled("heading", p), r) for p, r in outcomes]), 4
        ),
    }
    card_path.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return card
