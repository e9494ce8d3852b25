"""How good the proposals are, per extraction tool: what issue 10's targets measure.

Run on demand: `python tests/bench/bench_proposals.py [DIR] [--timing-pages N]`, DIR
being a folder of sub-folders (one per extractor or layout) of `X.txt` + `X.gold.json`
pairs — the development corpus's `dev/` split by default (tests/devcorpus/README.md
builds it). Prints per sub-folder and overall:

- fixes a page (as `banmian eval` counts them), B-cubed F1, paragraph F1;
- doubt recall (share of blocks needing a fix that a doubt points at), doubts a page,
  and on pages needing no fix: mean and most doubts, share with at most 3;
- expected calibration error of the calibrated decisions (each line's role, block
  start and article start; each contested heading's attachment, right when its block
  is in its article; each coin flip on a page without indents that the sentence's
  opening words weighed in on, core.segmentation.openers) against the gold, all
  together (ECE), the heading attachment's alone (h-ECE) and the words' (w-ECE, over
  w-n decisions: a few dozen on PDF pages, where an ECE is mostly noise);
- segmentation time against one bare `jieba.lcut` over the same page text (medians of
  `--rounds` runs over `--timing-pages` pages of each sub-folder, token cache cleared).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.page.files import PageFileError, read_page_file  # noqa: E402
from banmian.core.segmentation import heading_odds, openers  # noqa: E402
from banmian.core.segmentation.labels import gold_labels, parse  # noqa: E402
from banmian.core.segmentation.line_model import shipped_model  # noqa: E402
from banmian.core.segmentation.metrics import mean_scores, score  # noqa: E402
from banmian.core.segmentation.segmenter import coin_flips, segment_page  # noqa: E402
from banmian.core.segmentation.training import (  # noqa: E402
    DECISION_KINDS,
    decisions_against_gold,
    example,
    expected_calibration_error,
)
from banmian.core.words import nlp  # noqa: E402

KINDS = (*DECISION_KINDS, "heading", "words")


def _median_seconds(run, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        nlp.tokens.cache_clear()
        nlp._clause_tokens.cache_clear()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_folder(folder: Path, timing_pages: int, rounds: int) -> dict:
    model = shipped_model()
    rows, clean_doubts, outcomes = [], [], {k: [] for k in KINDS}
    timed = []
    for page_path in sorted(folder.glob("*.txt")):
        gold_path = page_path.with_name(page_path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        try:
            page = read_page_file(page_path)
        except PageFileError:
            continue
        gold = json.loads(gold_path.read_text("utf-8"))
        row = score(page, segment_page(page).to_json(), gold)
        rows.append(row)
        if row["fixes"] == 0:
            clean_doubts.append(row["doubts"])
        found = decisions_against_gold(model, [example(page_path.name, page, gold)])
        for kind in DECISION_KINDS:
            outcomes[kind] += [(model.calibration(kind, p), r) for p, r in found[kind]]
        # a heading's doubt is about its article: right when its block is in it
        outcomes["heading"] += heading_odds.judged(model, [(page, gold)])
        # a coin flip the words weighed in on: the probability the segmenter decided by
        labels = gold_labels(page, gold)
        outcomes["words"] += [
            (openers.mixed(marginal, words, cue), parse(labels[n]).opens_block)
            for n, marginal, words, cue in coin_flips(page, model)
            if n in labels
        ]
        if len(timed) < timing_pages:
            timed.append(page)
    jieba = nlp.jieba_module()
    seg_time = sum(_median_seconds(lambda p=p: segment_page(p), rounds) for p in timed)
    jieba_time = sum(_median_seconds(lambda p=p: jieba.lcut(p.text), rounds) for p in timed)
    mean = mean_scores(rows)
    every = [o for kind in KINDS for o in outcomes[kind]]
    return {
        "pages": len(rows),
        "fixes": mean["fixes"],
        "bcubed_f1": mean["bcubed_f1"],
        "paragraph_f1": mean["paragraph_f1"],
        "doubt_recall": mean["doubt_recall"],
        "doubts": mean["doubts"],
        "clean_pages": len(clean_doubts),
        "clean_doubts": statistics.mean(clean_doubts) if clean_doubts else 0.0,
        "clean_max": max(clean_doubts, default=0),
        "clean_le3": sum(d <= 3 for d in clean_doubts) / len(clean_doubts) if clean_doubts else 1.0,
        "ece": expected_calibration_error(every),
        **{f"ece_{k}": expected_calibration_error(outcomes[k]) for k in KINDS},
        "words": len(outcomes["words"]),
        "ms_segment": seg_time / max(1, len(timed)) * 1e3,
        "ms_jieba": jieba_time / max(1, len(timed)) * 1e3,
        "ratio": seg_time / jieba_time if jieba_time else 0.0,
        "_rows": rows,
    }


COLUMNS = (
    ("pages", "{:>6}"),
    ("fixes", "{:>6.2f}"),
    ("bcubed_f1", "{:>6.3f}"),
    ("paragraph_f1", "{:>6.3f}"),
    ("doubt_recall", "{:>6.3f}"),
    ("doubts", "{:>6.1f}"),
    ("clean_pages", "{:>6}"),
    ("clean_doubts", "{:>6.1f}"),
    ("clean_le3", "{:>6.2f}"),
    ("ece", "{:>6.3f}"),
    ("ece_heading", "{:>6.3f}"),
    ("ece_words", "{:>6.3f}"),
    ("words", "{:>6}"),
    ("ms_segment", "{:>7.1f}"),
    ("ms_jieba", "{:>7.1f}"),
    ("ratio", "{:>6.2f}"),
)
HEADS = (
    "pages",
    "fixes",
    "B3-F1",
    "para",
    "d-rec",
    "doubts",
    "clean",
    "c-dbt",
    "c≤3",
    "ECE",
    "h-ECE",
    "w-ECE",
    "w-n",
    "seg ms",
    "jb ms",
    "ratio",
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", nargs="?", type=Path, default=Path("/work/devcorpus/dev"))
    parser.add_argument("--timing-pages", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folders = sorted(p for p in args.folder.iterdir() if p.is_dir()) or [args.folder]
    nlp.jieba_module()
    shipped_model()
    print(f"{'folder':<18}" + "".join(f"{h:>7}" for h in HEADS))
    results = {}
    for folder in folders:
        result = bench_folder(folder, args.timing_pages, args.rounds)
        if not result["pages"]:
            continue
        results[folder.name] = result
        print(f"{folder.name:<18}" + "".join(" " + fmt.format(result[k]) for k, fmt in COLUMNS))
    every = [r for result in results.values() for r in result["_rows"]]
    mean = mean_scores(every)
    print(
        f"{'all':<18} {len(every):>6} {mean['fixes']:>6.2f} {mean['bcubed_f1']:>6.3f} "
        f"{mean['paragraph_f1']:>6.3f} {mean['doubt_recall']:>6.3f} {mean['doubts']:>6.1f}   "
        f"worst ECE {max(r['ece'] for r in results.values()):.3f}, "
        f"worst time ratio {max(r['ratio'] for r in results.values()):.2f} (target ≤ 1.5)"
    )


if __name__ == "__main__":
    main()
