"""Rebuild the segmenter model that ships in resources/ from the development corpus.

    python -m tests.devcorpus.train --corpus /work/devcorpus [--iterations 150]

Trains on the corpus's `train/` split (every kind of page), the sample page with its
gold (DESIGN's reference page) and the suite's hand-written layouts; writes
`resources/segmenter.crfsuite` and its card `resources/segmenter.json` (with the heading
attachment's probability fitted by tests.devcorpus.fit_headings) and refits the mix of
the sentence openers' words with it (tests.devcorpus.fit_openers), then prints the card.
The `dev/` split is never trained on: `banmian eval DIR/dev` scores the result.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_GOLD = ROOT.parent / "shared" / "corpus" / "sample_page.gold.json"
EXCERPTS = 2  # short excerpts of each page trained on beside the page


def _examples(pair: tuple[str, str, float]) -> list:
    """The page itself and a few short excerpts of it: tiny pages (a pasted article, a
    snippet in a test) must be read as well as whole ones, and their page-wide evidence
    (column width, indents) is thinner."""
    from banmian.core.page.files import PageFileError, read_page_file
    from banmian.core.page.model import Page
    from banmian.core.segmentation.training import example

    page_path, gold_path, weight = pair
    try:
        page = read_page_file(Path(page_path))
    except PageFileError as exc:  # banmian refuses it too (a NUL from pdfminer, say)
        print(f"skipped {page_path}: {exc}", file=sys.stderr)
        return []
    gold = json.loads(Path(gold_path).read_text("utf-8"))
    out = [example(page_path, page, gold, weight)]
    rng = random.Random(page_path)
    for k in range(EXCERPTS):
        size = rng.choice((1, 2, 3, 5, 8, 13, 21))
        start = rng.randrange(1, max(2, len(page) - size + 1))
        end = min(len(page), start + size - 1)
        lines = page.lines[start - 1 : end]
        if not any(line.strip() for line in lines):
            continue
        cropped = Page(source=f"{page_path}#{start}", lines=tuple(lines))
        out.append(example(f"{page_path}#{k}", cropped, excerpt_gold(gold, start, end), weight))
    return out


def excerpt_gold(gold: dict, start: int, end: int) -> dict:
    """The gold of lines start..end, renumbered from 1."""

    def clip(blocks):
        kept = []
        for block in blocks:
            first, last = max(block["lines"][0], start), min(block["lines"][1], end)
            if first <= last:
                kept.append({**block, "lines": [first - start + 1, last - start + 1]})
        return kept

    articles = [{**a, "blocks": clip(a.get("blocks", ()))} for a in gold.get("articles", ())]
    return {
        "articles": [a for a in articles if a["blocks"]],
        "unassigned": clip(gold.get("unassigned", ())),
        "either": clip(gold.get("either", ())),
    }


def corpus_pairs(folder: Path) -> list[tuple[str, str, float]]:
    pairs = []
    for page in sorted(folder.rglob("*.txt")):
        gold = page.with_name(page.stem + ".gold.json")
        if gold.exists():
            pairs.append((str(page), str(gold), 1.0))
    return pairs


def hand_made_examples(weight: float) -> list:
    from banmian.core.page.model import Page
    from banmian.core.segmentation.training import example

    from tests.layouts import LAYOUTS

    out = []
    for name, build in LAYOUTS.items():
        built = build()
        out.append(example(f"layout:{name}", Page.from_text(built.text, name), built.gold, weight))
    if SAMPLE_GOLD.exists():
        page = Page.from_text((ROOT / "resources" / "sample_page.txt").read_text("utf-8"))
        gold = json.loads(SAMPLE_GOLD.read_text("utf-8"))
        out.append(example("sample_page", page, gold, weight))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=Path("/work/devcorpus"))
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--limit", type=int, default=0, help="at most this many corpus pages")
    parser.add_argument("--hand-weight", type=float, default=8.0)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "segmenter.crfsuite")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--c1", type=float, default=0.05, help="L1 penalty of the CRF")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty of the CRF")
    args = parser.parse_args(argv)

    from banmian.core.segmentation.training import train_model

    pairs = corpus_pairs(args.corpus / "train")
    if args.limit:
        pairs = pairs[:: max(1, len(pairs) // args.limit)][: args.limit]
    if not pairs:
        print(f"no X.txt + X.gold.json pairs under {args.corpus / 'train'}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        examples = [e for group in pool.map(_examples, pairs, chunksize=16) for e in group]
    examples += hand_made_examples(args.hand_weight)
    print(
        f"{len(examples)} pages, {sum(len(e.labels) for e in examples)} lines "
        f"read in {time.perf_counter() - start:.0f} s",
        file=sys.stderr,
    )

    def progress(done: int, total: int) -> None:
        if done % 25 == 0:
            print(f"  iteration {done}/{total}", file=sys.stderr)

    start = time.perf_counter()
    card = train_model(
        examples,
        args.out,
        iterations=args.iterations,
        description=f"{len(pairs)} development pages of {args.corpus.name}, the sample page "
        "and the suite's layouts",
        progress=progress,
        c1=args.c1,
        c2=args.c2,
    )
    print(f"trained in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    # the heading attachment, on the pages held out of the fit (read once for both): its
    # Platt scaling (the fallback) and its fitted probability
    from banmian.core.segmentation.line_model import LineModel
    from banmian.core.segmentation.training import calibrate_headings

    from .fit_headings import fit_card, held_out_pages

    held = list(held_out_pages(args.corpus))
    calibrate_headings(args.out.with_suffix(".json"), LineModel.from_path(args.out), held)
    fit_card(args.out, held)
    if args.out.resolve() == (ROOT / "resources" / "segmenter.crfsuite").resolve():
        # the words' mix with the line model's marginals (core.segmentation.openers)
        from .fit_openers import refit_mix

        print(f"openers' mix refitted: {refit_mix(args.corpus, held)['mix']}", file=sys.stderr)
    card = json.loads(args.out.with_suffix(".json").read_text("utf-8"))
    print(json.dumps(card, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
