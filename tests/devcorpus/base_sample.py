"""Build the base training data a database's own model is trained on beside its pages.

    python -m tests.devcorpus.base_sample --corpus /work/devcorpus [--pages 40]

The shipped model's training pages are news text and cannot ship. What ships instead is
a featurized sample of the corpus's `train/` split: for each sampled page (and two short
excerpts of it, as the shipped model is trained on) the feature strings and the gold
label of each non-blank line, and nothing else. The feature strings are shape buckets
and flags (`w=5`, `end=stop`, `-1:byl`); this script refuses to write a feature that is
not plain ASCII of that form, so no character of a page can leave in it.

Writes `resources/segmenter_base.jsonl.gz`: a first line with the format, the features
fingerprint (`core.segmentation.features`' source hash: a sample from other features is
refused by the training code) and the feature vocabulary; then one page per line,
`{"name", "labels", "lines": [[vocabulary index, ...], ...]}`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "segmenter_base.jsonl.gz"
MAX_BYTES = 2_000_000
# A feature is `key=value`, a flag, or a conjunction of them: ASCII letters, digits and
# `=|:+-.`; never a character of the page.
FEATURE = re.compile(r"^[A-Za-z0-9=|:+.\-]+$")


def _featurize(pair: tuple[str, str, float]) -> list[dict]:
    from tests.devcorpus.train import _examples

    return [
        {"labels": list(ex.labels), "features": [list(f) for f in ex.features]}
        for ex in _examples(pair)
        if ex.labels
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=Path("/work/devcorpus"))
    parser.add_argument("--pages", type=int, default=40, help="pages of each kind")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)

    from banmian.core.corpus.learning import features_fingerprint

    from tests.devcorpus.train import corpus_pairs

    rng = random.Random(args.seed)
    pairs = []
    for kind in sorted(p for p in (args.corpus / "train").iterdir() if p.is_dir()):
        found = corpus_pairs(kind)
        pairs += rng.sample(found, min(args.pages, len(found)))
    if not pairs:
        print(f"no X.txt + X.gold.json pairs under {args.corpus / 'train'}", file=sys.stderr)
        return 2
    with ProcessPoolExecutor(args.jobs) as pool:
        pages = [p for group in pool.map(_featurize, pairs, chunksize=8) for p in group]
    vocabulary: dict[str, int] = {}
    rows = []
    for n, page in enumerate(pages):
        lines = []
        for features in page["features"]:
            for feature in features:
                if not FEATURE.match(feature):
                    raise SystemExit(f"refused: a feature that may hold page text: {feature!r}")
            lines.append([vocabulary.setdefault(f, len(vocabulary)) for f in features])
        rows.append({"name": f"base:{n}", "labels": page["labels"], "lines": lines})
    header = {
        "format": 1,
        "features": features_fingerprint(),
        "pages": len(rows),
        "lines": sum(len(r["labels"]) for r in rows),
        "vocabulary": list(vocabulary),
    }
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        for row in [header, *rows]:
            out.write(json.dumps(row, separators=(",", ":")) + "\n")
    size = args.out.stat().st_size
    print(f"{args.out}: {len(rows)} pages, {header['lines']} lines, {size / 1e6:.2f} MB")
    if size > MAX_BYTES:
        print(f"too large (over {MAX_BYTES / 1e6:.0f} MB): use fewer --pages", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
