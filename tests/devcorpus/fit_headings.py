"""Fit the heading attachment's probability for a model, from the development corpus.

    python -m tests.devcorpus.fit_headings [--corpus /work/devcorpus] [--model resources/segmenter.crfsuite]

Reads the `train/` pages held out of the line model's fit (training.held_out, the same
pages its Platt calibration uses), collects every contested heading's evidence and
whether it went to its article (core.segmentation.heading_odds), fits the logistic
regression and writes it into the model's card with its calibration error measured by
two-fold cross-validation on those pages; and the Platt scaling of heading blocks'
roles, fitted on those blocks alone. `tests.devcorpus.train` runs it after a fit.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from banmian.core.page.model import Page

ROOT = Path(__file__).resolve().parents[2]


def held_out_pages(corpus: Path) -> Iterator[tuple[Page, dict]]:
    """The `train/` pages held out of the line model's fit, with their gold."""
    from banmian.core.page.files import PageFileError, read_page_file
    from banmian.core.segmentation.training import HOLD_OUT, held_out

    for page_path in sorted((corpus / "train").rglob("*.txt")):
        gold_path = page_path.with_name(page_path.stem + ".gold.json")
        if not gold_path.exists() or not held_out(str(page_path), HOLD_OUT):
            continue
        try:
            page = read_page_file(page_path)
        except PageFileError:
            continue
        yield page, json.loads(gold_path.read_text("utf-8"))


def fit_card(model_path: Path, pages: list[tuple[Page, dict]]) -> dict:
    """Fit, cross-check and write the heading odds into the card beside `model_path`,
    from gold `pages` the line model was not fitted on (`held_out_pages`)."""
    from banmian.core.segmentation import heading_odds
    from banmian.core.segmentation.line_model import Calibration, LineModel
    from banmian.core.segmentation.training import expected_calibration_error, platt

    model = LineModel.from_path(model_path)
    model.card.pop(heading_odds.CARD_KEY, None)  # the evidence does not depend on it
    rows = heading_odds.outcomes(model, pages)
    roles = heading_odds.role_outcomes(model, pages)
    if len(rows) < 100:
        raise SystemExit(f"only {len(rows)} contested headings: too few to fit")
    checked = []
    for k in (0, 1):
        weights = heading_odds.fit(rows[1 - k :: 2])
        checked += [(heading_odds.probability(weights, e), r) for e, r in rows[k::2]]
    weights = heading_odds.fit(rows)
    role_platt = platt(roles)
    scaled = Calibration({"role": role_platt})
    card_path = model_path.with_suffix(".json")
    card = json.loads(card_path.read_text("utf-8"))
    card[heading_odds.CARD_KEY] = {
        "evidence": list(heading_odds.EVIDENCE),
        "weights": weights,
        "decisions": len(rows),
        "accuracy": round(sum(r for _, r in rows) / len(rows), 4),
        "ece_cross_validated": round(expected_calibration_error(checked), 4),
        # a heading block's role, scaled on heading blocks alone
        "role_platt": [round(role_platt[0], 4), round(role_platt[1], 4)],
        "role_blocks": len(roles),
        "role_ece": round(
            expected_calibration_error([(scaled("role", p), r) for p, r in roles]), 4
        ),
    }
    card_path.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return card[heading_odds.CARD_KEY]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("/work/devcorpus"))
    parser.add_argument("--model", type=Path, default=ROOT / "resources" / "segmenter.crfsuite")
    args = parser.parse_args(argv)
    pages = list(held_out_pages(args.corpus))
    print(json.dumps(fit_card(args.model, pages), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
