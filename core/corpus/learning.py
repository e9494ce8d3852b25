"""Learning from verified pages: a database's own line model, used only if it is better.

A verified page's stored segmentation is its gold. `learn` fits the line model to the
verified pages of a scope (a newspaper with enough verified pages of its own, else the
whole database). Every model reads the shipped model's decisions as features
(core.corpus.stacking), so it learns where this paper differs from the shipped model, not
the whole craft again. A newspaper's own model learns from that paper's pages alone; the
database's model (which also proposes papers with few or no verified pages) adds an even
sample of the base data that ships with banmian (a featurized sample of the shipped
model's training pages, no text: `resources/segmenter_base.jsonl.gz`), never more lines
of it than the verified pages have, so that these count for more. Measured on a layout
the shipped model never saw (tests/bench/bench_learning_curve.py), the full base weighed
against 20 verified pages left 3.8 fixes per page where the pages alone left 3.1, and
made every fit four times slower.

Before a new model is used it is cross-validated on the scope's verified pages: k folds,
each fold's pages proposed by a model trained without them and scored in fixes per page
as `banmian eval` counts them. The model in use is scored on the same pages, each by a
model that did not see it (the shipped model never saw them; a database model's score
for a page it was trained on is its own cross-validation score for that page, stored with
it). The candidate goes into use only if it is better by a margin the cross-validation
can trust (core.corpus.model_choice: page by page, a torn page clipped); else it is
kept aside with the figures that say why. The model that goes into use is fitted on every verified
page, calibrated by the folds' decisions on the pages they did not see.

Proposing the untouched pages again with the model in use: core.corpus.repropose.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from banmian.core.corpus import models as stored
from banmian.core.corpus.model_choice import CLIP_FIXES, TRUST, trusted_gain
from banmian.core.corpus.store import Store
from banmian.core.page.model import Page
from banmian.core.segmentation import heading_odds
from banmian.core.segmentation.features import page_features
from banmian.core.segmentation.fixes import fix_report
from banmian.core.segmentation.line_model import LineModel, shipped_model
from banmian.core.segmentation.segmenter import segment_page
from banmian.core.segmentation.training import (
    DECISION_KINDS,
    Example,
    decisions_against_gold,
    example,
    fit,
    train_on_all,
)

BASE_NAME = "segmenter_base.jsonl.gz"
# A newspaper gets a model of its own once it has this many verified pages.
PAPER_PAGES = 20
# Fewer verified pages than this cannot be cross-validated meaningfully.
MIN_PAGES = 4
FOLDS = 3
ITERATIONS = 40
# The database's model: base lines trained on per verified line, at most.
BASE_SHARE = 1.0
# The CRF's L1 and L2 penalties for a database's model. CRFsuite sums them against the
# whole training set's loss, so a few thousand lines need far stronger ones than the
# shipped model's half a million (0.05, 0.01). On 20 verified pages of an unseen layout
# (tests/bench/bench_learning_curve.py) those let a fold's model tear a list page into
# 173 fixes, and cross-validation rejected a model that was better on held-out pages;
# with these the 3-fold figure fell from 10.5 to 4.5 fixes per page (held-out pages:
# 2.9 to 2.5).
C1 = 1.0
C2 = 1.0
# The window offers a training once this many pages were verified since the last one.
OFFER_AFTER = 10

Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user cancelled a training or a re-proposal."""


# -- base data ----------------------------------------------------------------------------


def features_fingerprint() -> str:
    """What the features of the bundled sample page are, hashed: a base sample built with
    other features than this code computes would teach the model the wrong evidence."""
    text = resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")
    rows = page_features(Page.from_text(text).lines)
    return hashlib.sha1(json.dumps(rows).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class BaseData:
    examples: tuple[Example, ...]
    note: str  # why there is none, or what it is


@lru_cache(maxsize=1)
def base_data(path: str | None = None) -> BaseData:
    """The shipped base sample as Examples (read once per process)."""
    source = (
        Path(path) if path else Path(str(resources.files("banmian.resources").joinpath(BASE_NAME)))
    )
    if not source.exists():
        return BaseData((), f"no base data ({source.name} missing)")
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        if header.get("features") != features_fingerprint():
            return BaseData(
                (),
                "base data skipped: built from other features than this banmian computes "
                "(rebuild it: python -m tests.devcorpus.base_sample)",
            )
        vocabulary = header["vocabulary"]
        examples = []
        for line in handle:
            row = json.loads(line)
            features = tuple([vocabulary[i] for i in indices] for indices in row["lines"])
            numbers = tuple(range(1, len(features) + 1))
            examples.append(Example(row["name"], numbers, features, tuple(row["labels"])))
    return BaseData(tuple(examples), f"{len(examples)} base pages, {header['lines']} lines")


# -- verified pages -------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldPage:
    id: int
    newspaper: str
    page: Page
    gold: dict


def verified_pages(store: Store, newspaper: str | None = None) -> list[GoldPage]:
    where, params = ("AND newspaper = ?", [newspaper]) if newspaper else ("", [])
    rows = list(
        store.rows(
            f"SELECT id, newspaper FROM pages WHERE status = 'verified' {where} ORDER BY id",
            params,
        )
    )
    out = []
    for row in rows:
        segmentation = store.load(row["id"])
        out.append(
            GoldPage(row["id"], row["newspaper"] or "", segmentation.page, segmentation.to_json())
        )
    return out


def scopes(store: Store, newspaper: str | None = None) -> list[str]:
    """The scopes to train: `newspaper` alone if named; else each newspaper with enough
    verified pages, and the whole database if any verified page is in a paper without."""
    if newspaper:
        return [newspaper]
    counts = {
        r["newspaper"] or "": r["n"]
        for r in store.rows(
            "SELECT newspaper, count(*) AS n FROM pages WHERE status = 'verified' GROUP BY 1"
        )
    }
    own = sorted(n for n, c in counts.items() if n and c >= PAPER_PAGES)
    rest = sum(c for n, c in counts.items() if n not in own)
    return own + ([""] if rest or not own else [])


def pages_since_training(store: Store) -> int:
    """Verified pages that no stored model was trained on (what a training would add).

    Counted by SQLite on the status index: the window asks every 20 seconds, and
    reading every verified page's id into Python took 180 ms at 100,000 pages."""
    (count,) = store.db.execute(
        """SELECT count(*) FROM pages WHERE status = 'verified' AND id NOT IN (
               SELECT t.value FROM models, json_each(models.training_pages) AS t)"""
    ).fetchone()
    return count


# -- training ----------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one scope's training did."""

    newspaper: str
    model_id: int | None = None
    used: bool = False
    pages: int = 0
    candidate_fixes: float = 0.0
    in_use_fixes: float = 0.0
    in_use: str = stored.SHIPPED
    seconds: float = 0.0
    reason: str = ""

    @property
    def scope(self) -> str:
        return self.newspaper or "database"


def base_sample(base: Sequence[Example], verified_lines: int, newspaper: str) -> list[Example]:
    """The base pages a scope trains on beside its verified pages: none for a newspaper's
    own model; for the database's, an even sample of at most `BASE_SHARE` times the
    verified pages' lines (the base is ordered by kind: a stride keeps every kind)."""
    total = sum(len(e.labels) for e in base)
    budget = verified_lines * BASE_SHARE
    if newspaper or not total or not budget:
        return []
    return list(base[:: math.ceil(total / budget)]) if total > budget else list(base)


class _Steps:
    """Progress over a whole training (CRF iterations and pages scored), and cancel."""

    def __init__(self, total: int, progress: Progress | None, cancel: threading.Event | None):
        self.done, self.total, self.progress, self.cancel = 0, total, progress, cancel

    def step(self, text: str, count: int = 1) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled
        self.done += count
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total, text)

    def iterations(self, text: str) -> Callable[[int, int], None]:
        def tick(_done: int, _total: int) -> None:  # raising here stops CRFsuite
            self.step(text)

        return tick


def _stacked(ex: Example, weight: float) -> Example:
    """The example with the shipped model's decisions among its features."""
    features = tuple(stored.stacked_features(ex.numbers, ex.features))
    return Example(ex.name, ex.numbers, features, ex.labels, weight)


def fixes_per_page(model: LineModel | None, pages: Sequence[GoldPage]) -> dict[int, float]:
    """Each page's fixes (as `banmian eval` counts them) with `model`'s proposal."""
    return {
        p.id: float(fix_report(p.page, segment_page(p.page, model).to_json(), p.gold).fixes)
        for p in pages
    }


def learn(
    store: Store,
    newspaper: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    iterations: int = ITERATIONS,
    folds: int = FOLDS,
    base: BaseData | None = None,
) -> list[Outcome]:
    """Train every scope that needs it (see `scopes`); each is stored, used if better."""
    base = base if base is not None else base_data()
    return [
        learn_scope(store, scope, progress, cancel, iterations, folds, base)
        for scope in scopes(store, newspaper)
    ]


def learn_scope(
    store: Store,
    newspaper: str,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    iterations: int = ITERATIONS,
    folds: int = FOLDS,
    base: BaseData | None = None,
) -> Outcome:
    started = time.perf_counter()
    base = base if base is not None else base_data()
    outcome = Outcome(newspaper)
    pages = verified_pages(store, newspaper or None)
    outcome.pages = len(pages)
    if len(pages) < MIN_PAGES:
        outcome.reason = (
            f"{len(pages)} verified pages{' of ' + newspaper if newspaper else ''}: "
            f"at least {MIN_PAGES} are needed to train and check a model"
        )
        return outcome
    folds = max(2, min(folds, len(pages)))
    plain = {p.id: example(f"page:{p.id}", p.page, p.gold) for p in pages}
    gold = {i: _stacked(ex, 1.0) for i, ex in plain.items()}
    verified_lines = sum(len(e.labels) for e in gold.values())
    base_examples = [
        _stacked(e, e.weight) for e in base_sample(base.examples, verified_lines, newspaper)
    ]
    base_lines = sum(len(e.labels) for e in base_examples)
    steps = _Steps((folds + 1) * iterations + 2 * len(pages), progress, cancel)

    # the model in use now, scored on pages it did not see
    current = stored.in_use(store, newspaper) or (stored.in_use(store, "") if newspaper else None)
    current_model = stored.model_ref(store, current.id if current else None).load()
    outcome.in_use = f"model {current.id}" if current else stored.SHIPPED
    seen = set(current.training_pages) if current else set()
    remembered = current.scores.get("pages", {}) if current else {}
    in_use_scores: dict[int, float] = {}
    for p in pages:
        steps.step("scoring the model in use")
        if p.id in seen and str(p.id) in remembered:
            in_use_scores[p.id] = float(remembered[str(p.id)])
        else:
            in_use_scores.update(fixes_per_page(current_model, [p]))

    # the candidate, cross-validated; every page's line decisions by the fold's model
    # that did not see it calibrate the final model, which is fitted on every page
    candidate_scores: dict[int, float] = {}
    outcomes: dict[str, list[tuple[float, bool]]] = {kind: [] for kind in DECISION_KINDS}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = [p for n, p in enumerate(pages) if n % folds == k]
            train_on = [*base_examples, *(gold[p.id] for p in pages if p not in held)]
            path = Path(tmp) / f"fold{k}.crfsuite"
            fit(
                train_on,
                path,
                iterations=iterations,
                c1=C1,
                c2=C2,
                progress=steps.iterations(f"checking: fold {k + 1} of {folds}"),
            )
            fold_model = stored.StackedModel(path, {})
            for p in held:
                steps.step(f"checking: fold {k + 1} of {folds}")
                candidate_scores.update(fixes_per_page(fold_model, [p]))
                for kind, got in decisions_against_gold(fold_model, [plain[p.id]]).items():
                    outcomes[kind].extend(got)
        final = Path(tmp) / "model.crfsuite"
        card = train_on_all(
            [*base_examples, *gold.values()],
            final,
            outcomes,
            len(pages),
            iterations=iterations,
            description=(
                f"{len(pages)} verified pages of {newspaper or 'the database'} "
                f"({verified_lines} lines) and {len(base_examples)} base pages "
                f"({base_lines} lines; {base.note})"
            ),
            progress=steps.iterations("training on every verified page"),
            c1=C1,
            c2=C2,
        )
        model_bytes = final.read_bytes()
    # the model reads stacked features (loaded as a StackedModel); it depends on the
    # shipped model it was stacked on, which the card names. A heading's probability
    # rests on the attachment's evidence, not on the line model: the shipped fit serves
    # (a paper's few verified pages hold too few contested headings to fit one)
    shipped = shipped_model().card
    card = {
        **card,
        "stacked": True,
        "shipped_created": shipped.get("created"),
        **(
            {heading_odds.CARD_KEY: shipped[heading_odds.CARD_KEY]}
            if heading_odds.CARD_KEY in shipped
            else {}
        ),
    }
    n = len(pages)
    outcome.candidate_fixes = sum(candidate_scores.values()) / n
    outcome.in_use_fixes = sum(in_use_scores.values()) / n
    outcome.used, margin = trusted_gain(candidate_scores, in_use_scores)
    figures = (
        f"{outcome.candidate_fixes:.2f} fixes per page against {outcome.in_use_fixes:.2f} "
        f"for {outcome.in_use}, {folds}-fold cross-validation on {n} verified pages "
        f"({margin})"
    )
    outcome.reason = (
        "better page by page: " if outcome.used else "not better page by page, kept aside: "
    ) + figures
    scores = {
        "folds": folds,
        "base_pages": len(base_examples),
        "iterations": iterations,
        "c1": C1,
        "c2": C2,
        "clip_fixes": CLIP_FIXES,
        "trust": TRUST,
        "fixes_per_page": round(outcome.candidate_fixes, 4),
        "in_use_fixes_per_page": round(outcome.in_use_fixes, 4),
        "compared_with": outcome.in_use,
        "pages": {str(i): s for i, s in candidate_scores.items()},
        "in_use_pages": {str(i): s for i, s in in_use_scores.items()},
    }
    card = {**card, "scores": {k: v for k, v in scores.items() if "pages" not in k}}
    outcome.model_id = stored.add_model(
        store,
        model_bytes,
        card,
        newspaper,
        [p.id for p in pages],
        scores,
        "used" if outcome.used else "kept aside",
        outcome.reason,
        use=outcome.used,
    )
    outcome.seconds = time.perf_counter() - started
    return outcome
