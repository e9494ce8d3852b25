"""How long `banmian agree` takes on two databases of N verified pages (issue 13: ≤ 5 s
for 1,000).

Builds the databases once in a folder (`--keep DIR` to reuse them): the sample page
made distinct N times by a last line, proposed once by the segmenter; the first file
verifies every page as proposed, the second splits an article, changes a role and tags
an article on every page, so each page has disagreements to list. Then times the
command as a user runs it (a subprocess, table and JSON) and `agree()` in process, and
prints the median of each over `--runs` runs.

    python -m tests.bench.bench_agree [--pages 1000] [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from banmian.core.corpus.paths import sample_page
from banmian.core.corpus.rows import new_page
from banmian.core.corpus.store import PageMeta, Store
from banmian.core.edits import details, structure
from banmian.core.page.model import Block, Page, Role, Tag
from banmian.core.segmentation.segmenter import segment_page
from banmian.core.team.agreement import agree


def build(folder: Path, pages: int) -> tuple[Path, Path]:
    first, second = folder / "A.db", folder / "B.db"
    if first.exists() and second.exists():
        return first, second
    sample = sample_page()
    proposal = segment_page(sample)
    store = Store(first, annotator="A")
    batch = []
    for n in range(pages):
        page = Page.from_text(sample.text + f"\n第{n}期", f"p{n}.txt")
        extra = Block(Role.NOISE, len(page), len(page), f"第{n}期")
        seg = dataclasses.replace(proposal, page=page, unassigned=(*proposal.unassigned, extra))
        day = f"2024-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}"
        batch.append(new_page(page, PageMeta(f"p{n}.txt", "样报", day, str(1 + n // 336)), seg))
        if len(batch) == 200:
            store.add_pages(batch)
            batch = []
    store.add_pages(batch)
    store.db.execute("UPDATE pages SET status = 'verified'")
    store.db.conn.commit()
    store.close()
    shutil.copy(first, second)
    store = Store(second, annotator="B")
    for summary in store.pages():
        seg = store.load(summary.id)
        article = seg.articles[1]
        seg = structure.split_article(seg, article.blocks[-1].first).segmentation
        seg = structure.set_role(seg, [seg.articles[0].blocks[0].first], Role.KICKER).segmentation
        seg = details.add_tag(seg, seg.articles[2].id, Tag("测试")).segmentation
        store.save(summary.id, seg, "bench")
    store.close()
    return first, second


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the databases here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_agree_"))
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    first, second = build(folder, args.pages)
    print(
        f"{args.pages} verified pages in each file ({time.perf_counter() - start:.1f} s to build)"
    )
    command = [sys.executable, "-m", "banmian.core.cli", "agree", str(first), str(second)]
    table = [timed(command) for _ in range(args.runs)]
    as_json = [timed([*command, "--format", "json"]) for _ in range(args.runs)]
    inside = []
    for _ in range(args.runs):
        a, b = Store(first, readonly=True), Store(second, readonly=True)
        t0 = time.perf_counter()
        result = agree(a, b)
        inside.append(time.perf_counter() - t0)
        a.close()
        b.close()
    print(
        f"pages compared {len(result.pairs)}, disagreements {result.disagreement_count()}, "
        f"B-cubed F1 {result.overall()['bcubed_f1']:.3f}"
    )
    print(f"banmian agree (table), median of {args.runs}: {statistics.median(table):.2f} s")
    print(f"banmian agree --format json, median of {args.runs}: {statistics.median(as_json):.2f} s")
    print(f"agree() in process, median of {args.runs}: {statistics.median(inside):.2f} s")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
