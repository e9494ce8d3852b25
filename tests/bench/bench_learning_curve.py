"""The learning curve on a newspaper layout the shipped model never saw.

    python -m tests.devcorpus.variant --kinds wrapped        # once: the evening paper's pages
    python -m tests.bench.bench_learning_curve [--kind evening_wrapped] [--steps 0,5,10,20,50]
        [--test 40] [--timing 200] [--seed 14] [--why 8] [--corpus /work/devcorpus]

The pages of `OUT/unseen/<kind>` (tests.devcorpus.variant: another column width, heading
order and byline habit, never in the shipped model's training data) are put in a seeded
order; the last `--test` are held out. Then, as an annotator would, the first pages are
"verified" one by one (the gold copied in, status verified) and after 0, 5, 10, 20, 50 of
them `learn` runs (what `banmian train` does: cross-validated, used only if better). After
each step the held-out pages are proposed with the model in use for the paper and scored
against their gold: fixes per page as `banmian eval` counts them (mean and median), with
the training's wall time and CPU time (the training runs on one core: on a shared machine
the CPU time is what it takes on an idle one). `--timing N` then trains once more from a
fresh database of N verified pages and prints how long that took. `--why N` prints, after
each step, the N commonest reasons for a fix on the held-out pages, per page (see
`FixReport.reasons` in core/segmentation/fixes.py). `--seed` draws another order: the
held-out figure moves by a few tenths from one draw to the next, so compare draws, not
single runs.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

NEWSPAPER = "晚报"


def pairs_of(folder: Path, seed: int) -> list[tuple[Path, Path]]:
    pairs = [(f, f.with_name(f.stem + ".gold.json")) for f in sorted(folder.glob("*.txt"))]
    pairs = [(f, g) for f, g in pairs if g.exists()]
    random.Random(seed).shuffle(pairs)
    return pairs


def verify(store, pairs) -> None:
    """Import each page as proposed by the shipped model, copy its gold in, verify it."""
    from banmian.core.corpus.rows import new_page
    from banmian.core.page.files import read_page_file
    from banmian.core.page.meta import PageMeta
    from banmian.core.page.model import segmentation_from_json
    from banmian.core.segmentation.segmenter import segment_page

    for path, gold_path in pairs:
        page = read_page_file(path)
        gold = json.loads(gold_path.read_text("utf-8"))
        (added,) = store.add_pages(
            [new_page(page, PageMeta(path.name, NEWSPAPER), segment_page(page))]
        )
        store.save(added.page_id, segmentation_from_json(page, gold), "gold copied in")
        store.set_status(added.page_id, "verified")


def held_out_fixes(model, test, why: Counter | None = None) -> list[float]:
    """Each held-out page's fixes with `model`; counted by reason into `why` if given."""
    from banmian.core.page.files import read_page_file
    from banmian.core.segmentation.fixes import fix_report
    from banmian.core.segmentation.segmenter import segment_page

    out = []
    for path, gold_path in test:
        page = read_page_file(path)
        gold = json.loads(gold_path.read_text("utf-8"))
        report = fix_report(page, segment_page(page, model).to_json(), gold)
        out.append(float(report.fixes))
        if why is not None:
            why.update(report.reasons.values())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=Path("/work/devcorpus"))
    parser.add_argument("--kind", default="evening_wrapped")
    parser.add_argument("--steps", default="0,5,10,20,50")
    parser.add_argument("--test", type=int, default=40, help="held-out pages")
    parser.add_argument("--timing", type=int, default=0, help="also time a training on N pages")
    parser.add_argument("--iterations", type=int, default=None)
    parser.add_argument("--folds", type=int, default=None)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument(
        "--why", type=int, default=0, help="print the N commonest reasons for a fix per step"
    )
    args = parser.parse_args(argv)

    from banmian.core.corpus import learning, models
    from banmian.core.corpus.store import Store

    folder = args.corpus / "unseen" / args.kind
    pairs = pairs_of(folder, args.seed)
    steps = sorted({int(s) for s in args.steps.split(",")})
    test, pool = pairs[-args.test :], pairs[: -args.test]
    if len(pool) < steps[-1]:
        print(f"{folder}: {len(pairs)} pages, too few for {steps[-1]} + {args.test} held out")
        print("generate them: python -m tests.devcorpus.variant")
        return 2
    extra = {
        k: v for k, v in (("iterations", args.iterations), ("folds", args.folds)) if v is not None
    }
    print(f"{args.kind}: {len(test)} held-out pages; {learning.base_data().note}")
    print(
        f"{'verified':>8} {'fixes/page':>10} {'median':>6}  {'train s':>7} {'cpu s':>6}  model in use"
    )
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "curve.db", annotator="bench")
        done = 0
        for step in steps:
            verify(store, pool[done:step])
            done = step
            took, cpu, note = 0.0, 0.0, "shipped"
            if step:
                start, cpu_start = time.perf_counter(), time.process_time()
                outcomes = learning.learn(store, **extra)
                took, cpu = time.perf_counter() - start, time.process_time() - cpu_start
                note = "; ".join(f"{o.scope}: {o.reason}" for o in outcomes)
            ref = models.ref_for(models.proposing_models(store), NEWSPAPER)
            why: Counter = Counter()
            fixes = held_out_fixes(ref.load(), test, why)
            in_use = f"model {ref.id}" if ref.id is not None else "shipped"
            print(
                f"{step:8} {statistics.mean(fixes):10.2f} {statistics.median(fixes):6.1f}  "
                f"{took:7.1f} {cpu:6.1f}  {in_use} ({note})",
                flush=True,
            )
            if args.why:
                print(
                    "         why: "
                    + ", ".join(f"{r} {n / len(test):.2f}" for r, n in why.most_common(args.why)),
                    flush=True,
                )
        store.close()
    if args.timing:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "timing.db", annotator="bench")
            verify(store, pool[: args.timing])
            start, cpu_start = time.perf_counter(), time.process_time()
            outcomes = learning.learn(store, **extra)
            took, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            for o in outcomes:
                print(f"timing: {o.scope}: {o.pages} verified pages, {o.reason}")
            print(
                f"training on {min(args.timing, len(pool))} verified pages: {took:.1f} s "
                f"({cpu:.1f} s CPU)"
            )
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
