"""Fit the sentence openers' weights (core.segmentation.openers) on real article text.

    python -m tests.devcorpus.fit_openers [--mirror auto] [--corpus /work/devcorpus]

Reads every article of the allowed months (tests.devcorpus.source) printed on a page of
the `train` split (compose.split_of: the `dev` pages' articles are never seen), takes
every sentence boundary inside consecutive body paragraphs, fits a logistic regression
with CRFsuite (one-item sequences: a maximum-entropy classifier), checks it on a tenth of
those pages held out of the fit, and writes `resources/openers.json`: the weight of each
cue towards "opens a paragraph", with what it was fitted on and how it scored.

Then the mix of those words with the shipped line model: on the built corpus's `train/`
pages held out of the line model's fit, every coin flip the words weigh in on (its
marginal, the words' probability, what its line's width says, whether the gold opens a
paragraph there) fits the mix of core.segmentation.openers.mixed, written into the same
file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "openers.json"
MODEL = ROOT / "resources" / "segmenter.crfsuite"


def _checked(date: str, page: int) -> bool:
    """One training page in ten is kept out of the fit to score it."""
    return int(hashlib.sha1(f"openers:{date}-{page}".encode()).hexdigest()[:8], 16) % 10 == 0


def _body_runs(article) -> list[list[str]]:
    """Runs of consecutive body paragraphs (a section head or caption ends a run)."""
    runs: list[list[str]] = [[]]
    for paragraph in article.paragraphs:
        if paragraph.role == "body":
            runs[-1].append(paragraph.text)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def fit(samples: list[tuple[list[str], bool]], minfreq: int = 3) -> dict[str, float]:
    """The weight of each cue towards opening a paragraph (the difference of its two
    labels' weights in the fitted CRFsuite model)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for cues, opens in samples:
        trainer.append([cues], ["1" if opens else "0"])
    trainer.set_params({"c1": 0.05, "c2": 0.5, "max_iterations": 300, "feature.minfreq": minfreq})
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "openers.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        state = tagger.info().state_features
    weights: dict[str, float] = {}
    for (cue, label), weight in state.items():
        weights[cue] = weights.get(cue, 0.0) + (weight if label == "1" else -weight)
    return {cue: round(w, 4) for cue, w in sorted(weights.items()) if abs(w) >= 1e-4}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.devcorpus.fit_openers", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--mirror", default="auto", help="as for tests.devcorpus.build")
    parser.add_argument("--corpus", default="/work/devcorpus", help="the built corpus")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    from banmian.core.segmentation import openers

    from .compose import split_of
    from .source import load_pages

    pages = load_pages(args.mirror, Path(args.corpus) / ".cache" / "source")
    fitted: list[tuple[list[str], bool]] = []
    checked: list[tuple[list[str], bool]] = []
    for (date, page), articles in sorted(pages.items()):
        if split_of(date, page) != "train":
            continue
        into = checked if _checked(date, page) else fitted
        for article in articles:
            for run in _body_runs(article):
                into.extend(openers.boundaries(run))
    weights = fit(fitted)
    share = sum(o for _, o in checked) / len(checked)
    right = loss = 0.0
    for cues, opens in checked:
        p = openers.weighed(cues, weights)
        right += (p >= 0.5) == opens
        loss -= math.log(p if opens else 1 - p)
    base_loss = -(share * math.log(share) + (1 - share) * math.log(1 - share))
    report = {
        "fitted_boundaries": len(fitted),
        "checked_boundaries": len(checked),
        "checked_open_share": round(share, 4),
        "checked_accuracy": round(right / len(checked), 4),
        "checked_log_loss": round(loss / len(checked), 4),
        "checked_log_loss_of_the_share": round(base_loss, 4),
    }
    shipped = {"format": 1, **report, "weights": weights}
    _write(Path(args.out), shipped)
    mix = fit_mix(Path(args.corpus), Path(args.out))
    report.update({k: v for k, v in mix.items() if k != "mix"})
    _write(Path(args.out), {**shipped, **mix})
    print(json.dumps(report, indent=1), f"\nmix {mix['mix']}; {len(weights)} weights → {args.out}")
    return 0


def fit_mix(corpus: Path, written: Path, pages: list | None = None) -> dict:
    """The mix of line model and words, fitted on the coin flips of the corpus's held-out
    training pages (`pages` when the caller has read them) with the weights just
    `written` (the shipped ones are read from there when it is the shipped file) and the
    line model in resources/ as it is on disk now (a training may just have written
    it: not the process's cached shipped model)."""
    from banmian.core.segmentation import heading_odds, openers, segmenter
    from banmian.core.segmentation.labels import gold_labels, parse
    from banmian.core.segmentation.line_model import LineModel

    from .fit_headings import held_out_pages

    openers._shipped.cache_clear()
    if written.resolve() != OUT.resolve():
        raise SystemExit("the mix is fitted with the shipped weights: leave --out as it is")
    model = LineModel.from_path(MODEL)
    flips = []
    for page, gold in pages if pages is not None else held_out_pages(corpus):
        labels = gold_labels(page, gold)
        for n, marginal, words, cue in segmenter.coin_flips(page, model):
            if n in labels:
                flips.append((marginal, words, cue, parse(labels[n]).opens_block))
    if len(flips) < 200:
        raise SystemExit(f"only {len(flips)} coin flips in {corpus}/train: too few to fit")
    logit = openers.logit
    short, full = openers.SHORT_LINE, openers.FULL_LINE
    mix = heading_odds.fit(
        [((logit(m), logit(w), cue == short, cue == full), o) for m, w, cue, o in flips],
        l2=0.0,
    )
    right = sum((openers.mixed(m, w, cue, mix) >= 0.5) == o for m, w, cue, o in flips)
    alone = sum((m >= 0.5) == o for m, _w, _s, o in flips)
    openers._shipped.cache_clear()
    return {
        "mix": mix,
        "mix_coin_flips": len(flips),
        "mix_accuracy": round(right / len(flips), 4),
        "line_model_accuracy": round(alone / len(flips), 4),
    }


def refit_mix(corpus: Path, pages: list | None = None) -> dict:
    """Refit the shipped file's mix (the line model changed: tests.devcorpus.train; its
    held-out `pages` when it has them read)."""
    shipped = json.loads(OUT.read_text("utf-8"))
    shipped = {k: v for k, v in shipped.items() if not k.startswith(("mix", "line_model"))}
    _write(OUT, shipped)  # the coin flips are read by the line model alone
    mix = fit_mix(corpus, OUT, pages)
    _write(OUT, {**shipped, **mix})
    return mix


def _write(path: Path, content: dict) -> None:
    path.write_text(json.dumps(content, ensure_ascii=False, indent=0) + "\n", "utf-8")


if __name__ == "__main__":
    sys.exit(main())
