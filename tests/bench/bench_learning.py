"""Learning from verified pages, measured on development pages of one kind.

    python -m tests.bench.bench_learning --kind pdftotext [--pages 40] [--corpus /work/devcorpus]

Imports `--pages` pages of `dev/<kind>` into a fresh database, copies each page's gold
in and marks it verified (as an annotator would), then runs `learn` (the same as
`banmian train`): prints the cross-validated fixes per page of the candidate and of the
shipped model, the decision and the training time. Then the pages after those
(`--test` of them) are imported as `new`, re-proposed with the model in use, and scored
against their gold with the shipped model and with the learnt one.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("/work/devcorpus"))
    parser.add_argument("--kind", default="pdftotext")
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--test", type=int, default=20)
    parser.add_argument("--iterations", type=int, default=None)
    parser.add_argument("--newspaper", default="人民日报")
    args = parser.parse_args(argv)

    from banmian.core.corpus import learning, models
    from banmian.core.corpus.store import Store
    from banmian.core.page.files import read_page_file
    from banmian.core.page.meta import PageMeta
    from banmian.core.page.model import segmentation_from_json
    from banmian.core.segmentation.metrics import score
    from banmian.core.segmentation.segmenter import segment_page

    files = sorted((args.corpus / "dev" / args.kind).glob("*.txt"))
    pairs = [(f, f.with_name(f.stem + ".gold.json")) for f in files]
    pairs = [(f, g) for f, g in pairs if g.exists()]
    train, test = pairs[: args.pages], pairs[args.pages : args.pages + args.test]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db", annotator="bench")
        for path, gold_path in train:
            page = read_page_file(path)
            gold = json.loads(gold_path.read_text("utf-8"))
            (added,) = store.add_pages(
                [_new(page, PageMeta(path.name, args.newspaper), segment_page(page))]
            )
            store.save(added.page_id, segmentation_from_json(page, gold), "gold copied in")
            store.set_status(added.page_id, "verified")
        extra = {} if args.iterations is None else {"iterations": args.iterations}
        start = time.perf_counter()
        outcomes = learning.learn(store, **extra)
        took = time.perf_counter() - start
        for o in outcomes:
            print(
                f"{o.scope}: {o.pages} verified pages; cross-validated fixes per page "
                f"{o.candidate_fixes:.2f} (learnt) vs {o.in_use_fixes:.2f} ({o.in_use}); "
                f"{'used' if o.used else 'kept aside'}; {o.seconds:.0f} s"
            )
        print(f"training took {took:.0f} s")
        ref = models.ref_for(models.proposing_models(store), args.newspaper)
        learnt = ref.load()
        shipped, mine = [], []
        for path, gold_path in test:
            page = read_page_file(path)
            gold = json.loads(gold_path.read_text("utf-8"))
            shipped.append(score(page, segment_page(page).to_json(), gold)["fixes"])
            mine.append(score(page, segment_page(page, learnt).to_json(), gold)["fixes"])
        if test:
            print(
                f"{len(test)} further pages: fixes per page {sum(shipped) / len(test):.2f} "
                f"(shipped) → {sum(mine) / len(test):.2f} (model in use: "
                f"{ref.id if ref.id is not None else 'shipped'})"
            )
        store.close()
    return 0


def _new(page, meta, segmentation):
    from banmian.core.corpus.rows import new_page

    return new_page(page, meta, segmentation)


if __name__ == "__main__":
    raise SystemExit(main())
