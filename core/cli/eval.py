"""Score the pipeline's proposals against gold segmentations.

`banmian eval PAGE.txt GOLD.json` scores one page; `banmian eval DIR` pairs every
`X.txt` under DIR (recursively) with the `X.gold.json` beside it and prints a table with
the mean.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from banmian.core.page.files import PageFileError, read_page_file
from banmian.core.segmentation.metrics import SCORE_NAMES, mean_scores, score
from banmian.core.segmentation.segmenter import segment_page

SHORT = {
    "bcubed_f1": "B3-F1",
    "bcubed_precision": "B3-P",
    "bcubed_recall": "B3-R",
    "exact_article_f1": "exact",
    "boundary_f1": "bound",
    "pk": "Pk",
    "windowdiff": "WD",
    "boundary_similarity": "B",
    "role_accuracy": "role",
    "role_kappa": "kappa",
    "paragraph_f1": "para",
    "fixes": "fixes",
    "doubts": "doubts",
    "doubt_recall": "d-rec",
}


COLUMNS = """columns:
  B3-F1/P/R  B-cubed F1, precision, recall of lines to articles (1 = same articles)
  exact      share of articles proposed exactly (F1)
  bound      F1 of article boundaries in the body text
  Pk, WD     segmentation error rates (0 = no error); B: boundary similarity (1 = same)
  role       share of lines with the right role; kappa: the same, chance-corrected
  para       F1 of body paragraphs as exact line spans
  fixes      reference blocks needing a correction (wrong article, role or paragraph)
  doubts     doubts the proposal raises on the page
  d-rec      share of blocks needing a fix that a doubt points at
A folder with sub-folders (one per extraction tool, say) gets a row per sub-folder."""


class EvalError(Exception):
    """A page or gold file that cannot be scored."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", help="a page file, or a folder of X.txt + X.gold.json pairs")
    parser.add_argument("gold", nargs="?", help="the gold segmentation of PAGE")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--pages", action="store_true", help="a row for every page, not only each folder's mean"
    )
    parser.epilog = COLUMNS
    parser.formatter_class = argparse.RawDescriptionHelpFormatter


def score_file(page_path: Path, gold_path: Path) -> dict[str, float]:
    try:
        page = read_page_file(page_path)
    except PageFileError as exc:
        raise EvalError(f"{page_path}: {exc}") from None
    try:
        gold = json.loads(gold_path.read_text("utf-8"))
    except FileNotFoundError:
        raise EvalError(f"{gold_path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise EvalError(f"{gold_path}: not a segmentation JSON ({exc})") from None
    except OSError as exc:
        raise EvalError(f"{gold_path}: {exc.strerror or exc}") from None
    if not isinstance(gold, dict):
        raise EvalError(f"{gold_path}: malformed segmentation (not a JSON object)")
    proposal = segment_page(page).to_json()  # a failure here is banmian's, not the gold's
    try:
        return score(page, proposal, gold)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise EvalError(f"{gold_path}: malformed segmentation ({exc!r})") from None


def pairs(folder: Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """(page, gold) pairs under `folder`, and the pages that have no gold."""
    found, missing = [], []
    for page in sorted(folder.rglob("*.txt")):
        gold = page.with_name(page.stem + ".gold.json")
        (found.append((page, gold)) if gold.exists() else missing.append(page))
    return found, missing


def run(args: argparse.Namespace) -> int:
    target = Path(args.page)
    try:
        if target.is_dir():
            return _run_folder(target, args.json, args.pages)
        if not args.gold:
            print(f"banmian: {target}: give the gold JSON too, or a folder", file=sys.stderr)
            return 2
        scores = score_file(target, Path(args.gold))
    except EvalError as exc:
        print(f"banmian: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores, indent=2))
    else:
        width = max(len(n) for n in SCORE_NAMES)
        for name in SCORE_NAMES:
            print(f"{name:<{width}}  {scores[name]:.3f}")
    return 0


def _cell(name: str, value: float) -> str:
    return f"{value:>6.2f}" if name in ("fixes", "doubts") else f"{value:>6.3f}"


def _run_folder(folder: Path, as_json: bool, show_pages: bool = False) -> int:
    found, missing = pairs(folder)
    if not found:
        print(f"banmian: {folder}: no X.txt with an X.gold.json beside it", file=sys.stderr)
        return 2
    rows = {str(page.relative_to(folder)): score_file(page, gold) for page, gold in found}
    groups: dict[str, list[dict[str, float]]] = {}
    for name, row in rows.items():
        groups.setdefault(str(Path(name).parent), []).append(row)
    by_folder = {group: mean_scores(members) for group, members in sorted(groups.items())}
    mean = mean_scores(list(rows.values()))
    if as_json:
        print(
            json.dumps(
                {
                    "pages": rows,
                    "folders": by_folder,
                    "mean": mean,
                    "skipped": [str(p) for p in missing],
                },
                indent=2,
            )
        )
        return 0
    shown = rows if show_pages or len(by_folder) == 1 else {}
    if len(by_folder) > 1:
        shown = {**shown, **{f"{g}/ ({len(groups[g])} pages)": m for g, m in by_folder.items()}}
    width = max(len(name) for name in [*shown, "mean"])
    print(f"{'page':<{width}}  " + "  ".join(f"{SHORT[n]:>6}" for n in SCORE_NAMES))
    for name, row in [*shown.items(), (f"mean ({len(rows)} pages)", mean)]:
        print(f"{name:<{width}}  " + "  ".join(_cell(n, row[n]) for n in SCORE_NAMES))
    for page in missing:
        print(f"skipped {page.relative_to(folder)}: no gold", file=sys.stderr)
    return 0
