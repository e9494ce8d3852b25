"""The trained line model: a linear-chain CRF (CRFsuite) over a page's non-blank lines.

Why a CRF: a line's decision depends on its neighbours' (a continuation line follows an
opening one; a byline precedes a dateline; headings come in runs), and a linear-chain CRF
decides the whole page jointly by Viterbi while still giving each line's marginal
probabilities, which become the doubts' confidences. CRFsuite is small, fast (C, no
model server), trains in minutes on two cores and its model loads in milliseconds.

The shipped model lives in `banmian.resources` (`segmenter.crfsuite`, with
`segmenter.json` describing it: version, training pages, calibration). A database may
hold models of its own (learning from verified pages); they are handed in by path.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pycrfsuite
from banmian.core.segmentation.labels import LABELS, LineLabel, parse

MODEL_NAME = "segmenter.crfsuite"
# A line whose Viterbi label has at least this marginal is not asked for the others'
# (most lines of a page: it saves nineteen of twenty calls); doubts start far lower.
SURE = 0.999
CARD_NAME = "segmenter.json"


class LineDecision(NamedTuple):
    """The model's reading of one line: its Viterbi label and, from the marginals, the
    probability of each role, of opening a block and of opening an article.

    A named tuple, not a frozen dataclass: a page makes one per line (hundreds), and a
    frozen dataclass costs several times more to build."""

    number: int
    label: LineLabel
    roles: dict[str, float]
    opens_block: float
    opens_article: float

    def role_probability(self, role: str) -> float:
        return self.roles.get(role, 0.0)

    def ranked_roles(self) -> list[tuple[str, float]]:
        return sorted(self.roles.items(), key=lambda kv: -kv[1])


@dataclass
class Calibration:
    """Platt scaling per kind of decision: p' = sigmoid(a * logit(p) + b).

    A CRF's marginals are sharper than its accuracy; the scaling is fitted on pages the
    model was not trained on, so that a decision with confidence p is right about p of
    the time."""

    params: dict[str, tuple[float, float]] = field(default_factory=dict)

    def __call__(self, kind: str, p: float) -> float:
        a, b = self.params.get(kind, (1.0, 0.0))
        p = min(max(p, 1e-6), 1 - 1e-6)
        z = a * math.log(p / (1 - p)) + b
        return 1 / (1 + math.exp(-z)) if z > -30 else 0.0

    def below(self, kind: str, p: float, level: float) -> float | None:
        """The calibrated confidence if it falls below `level`, else None; decided on the
        raw value where the scaling keeps order (a > 0), so that the many sure decisions
        of a page cost a comparison, not a logarithm."""
        a, b = self.params.get(kind, (1.0, 0.0))
        if a > 0:
            z = (math.log(level / (1 - level)) - b) / a
            if p > 1 / (1 + math.exp(-z)) + 1e-9:  # near the edge: decide exactly below
                return None
        sure = self(kind, p)
        return sure if sure < level else None


class LineModel:
    """A loaded CRF with its card (what it is) and calibration."""

    def __init__(self, model_path: Path, card: dict) -> None:
        self.path = model_path
        self.card = card
        self.calibration = Calibration(
            {k: (float(a), float(b)) for k, (a, b) in card.get("calibration", {}).items()}
        )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self._names = list(self._tagger.labels())
        if not set(self._names) <= set(LABELS):
            raise ValueError(f"{model_path}: not a banmian line model ({self._names})")
        self._parsed = {name: parse(name) for name in self._names}
        self._index = {name: i for i, name in enumerate(self._names)}
        labels = [self._parsed[name] for name in self._names]
        self._roles = sorted({lab.role.value for lab in labels})
        # label → role, label → opens a block / an article, as matrices: one product
        # turns a page's marginals into what the doubts need
        self._role_of = np.array(
            [[lab.role.value == r for r in self._roles] for lab in labels], float
        )
        self._opens = np.array([[lab.opens_block, lab.opens_article] for lab in labels], float)
        # what a line the model is sure of reads as: its label's role and openings
        self._sure_reading = {
            name: (lab.role.value, lab.opens_block, lab.opens_article)
            for name, lab in zip(self._names, labels, strict=True)
        }
        self._no_roles = dict.fromkeys(self._roles, 0.0)

    @classmethod
    def from_path(cls, model_path: Path) -> LineModel:
        card_path = model_path.with_suffix(".json")
        card = json.loads(card_path.read_text("utf-8")) if card_path.exists() else {}
        return cls(model_path, card)

    def decide(self, numbers: Sequence[int], features: Sequence[list[str]]) -> list[LineDecision]:
        """The Viterbi labels of a page's lines, with what their marginals say."""
        if not features:
            return []
        tagger = self._tagger
        chosen = tagger.tag(features)
        marginal = tagger.marginal
        sures = [marginal(label, i) for i, label in enumerate(chosen)]
        # the other labels share less than 1 - SURE: not worth asking (most lines)
        unsure = [i for i, sure in enumerate(sures) if sure < SURE]
        doubted = self._doubted(chosen, sures, unsure) if unsure else {}
        parsed = self._parsed
        sure_reading = self._sure_reading
        out = []
        for i, (number, label) in enumerate(zip(numbers, chosen, strict=True)):
            if i in doubted:
                roles, opens_block, opens_article = doubted[i]
            else:
                # one label holds all the line's weight: its role and openings get it whole
                role, block, article = sure_reading[label]
                sure = sures[i]
                roles = self._no_roles.copy()
                roles[role] = sure
                opens_block = sure if block else 0.0
                opens_article = sure if article else 0.0
            out.append(LineDecision(number, parsed[label], roles, opens_block, opens_article))
        return out

    def _doubted(
        self, chosen: list[str], sures: list[float], unsure: list[int]
    ) -> dict[int, tuple[dict[str, float], float, float]]:
        """Roles and openings of the lines the model is unsure of, from every label's
        marginal: one matrix product over the page's lines (the sure lines' rows hold
        their one marginal, as they always have, so that each row sums as before)."""
        names = self._names
        marginal = self._tagger.marginal
        marginals = np.zeros((len(chosen), len(names)))
        index = self._index
        for i, label in enumerate(chosen):
            marginals[i, index[label]] = sures[i]
        for i in unsure:
            marginals[i] = [marginal(name, i) for name in names]
        roles = (marginals @ self._role_of)[unsure].tolist()
        opens = (marginals @ self._opens)[unsure].tolist()
        role_names = self._roles
        return {
            i: (dict(zip(role_names, roles[k], strict=True)), opens[k][0], opens[k][1])
            for k, i in enumerate(unsure)
        }


@lru_cache(maxsize=1)
def shipped_model() -> LineModel:
    """The model bundled with banmian, loaded once per process."""
    folder = resources.files("banmian.resources")
    path = Path(str(folder.joinpath(MODEL_NAME)))
    card = json.loads(folder.joinpath(CARD_NAME).read_text("utf-8"))
    return LineModel(path, card)
