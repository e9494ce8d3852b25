"""Import throughput and search latency on generated pages.

Run on demand: `python tests/bench/bench_import.py [--pages 10000] [--workers 2]`.
Pages are variants of the sample (paragraphs shuffled, numbers and reporters changed)
so that every page hashes differently and the segmenter does real work. Target:
≥ 170 pages/s with 2 cores, segmentation and search indexing included.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.corpus.importer import import_paths  # noqa: E402
from banmian.core.corpus.store import Store  # noqa: E402
from banmian.core.words import nlp  # noqa: E402

REPORTERS = ["李宛遥", "丁霞", "张静", "龚鹏", "王雪", "刘腾", "赵宁", "孙强", "周明", "陈思"]


def variant(text: str, rng: random.Random, n: int) -> str:
    """A different but equally realistic page: paragraphs of each article shuffled."""
    blocks = text.split("\n\n")
    rng.shuffle(blocks)
    out = "\n\n".join(blocks)
    for name in REPORTERS[:6]:
        out = out.replace(name, rng.choice(REPORTERS))
    return (
        out.replace("2023", str(2000 + n % 24)).replace("2月", f"{1 + n % 12}月") + f"\n第{n}版\n"
    )


def machine_reference(sample: str) -> float:
    """How fast this machine is just now, in ms, in a unit that survives a change of
    machine: jieba cutting the sample page from scratch. Shared machines change speed by
    half from one minute to the next, so it is taken before and after the import.
    Generated pages repeat the sample's clauses, which banmian tokenises once per worker;
    a page of wholly new text costs about this much more of jieba."""
    jieba = nlp.jieba_module()
    times = []
    for _ in range(5):
        t = time.perf_counter()
        jieba.lcut(sample)
        times.append((time.perf_counter() - t) * 1000)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sample = resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for n in range(args.pages):
            (folder / f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}_{n:05d}.txt").write_text(
                variant(sample, rng, n), "utf-8"
            )
        store = Store(Path(tmp) / "bench.db")
        reference_before = machine_reference(sample)
        start = time.perf_counter()
        before = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        first_page: list[float] = []

        def progress(done: int, _total: int, _path: str) -> None:
            if not first_page:
                first_page.append(time.perf_counter() - start)

        report = import_paths(store, [folder], workers=args.workers, progress=progress)
        elapsed = time.perf_counter() - start
        after = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        cpu = [
            (b.ru_utime + b.ru_stime - a.ru_utime - a.ru_stime) * 1000 / max(args.pages, 1)
            for a, b in zip(before, after, strict=True)
        ]
        print(f"CPU per page: {cpu[0]:.1f} ms writing (this process), {cpu[1]:.1f} ms in workers")
        print(f"imported {len(report.imported)} pages ({report.summary()}) in {elapsed:.1f} s")
        print(
            f"import rate: {len(report.imported) / elapsed:.0f} pages/s with {args.workers} workers (target ≥ 170)"
        )
        if first_page:
            rest = (len(report.imported) - 1) / (elapsed - first_page[0])
            print(
                f"first page after {first_page[0]:.1f} s (workers loading jieba's dictionaries), "
                f"{rest:.0f} pages/s from then on"
            )
        queries = [
            "包机",
            "创新突破",
            "青岛 纽约",
            "财政",
            "潍柴 挖掘机",
            "社会治理",
            "民生服务",
            '"AND (',
            "跨境电商",
            "项目建设",
        ]
        latencies = []
        for _ in range(5):
            for q in queries:
                t = time.perf_counter()
                store.search(q, limit=20)
                latencies.append((time.perf_counter() - t) * 1000)
        latencies.sort()
        p95 = latencies[int(len(latencies) * 0.95) - 1]
        print(
            f"search over {len(store.pages())} pages: p50 {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms"
        )
        print(
            f"machine reference (jieba.lcut of the whole sample page): {reference_before:.1f} ms"
            f" before the import, {machine_reference(sample):.1f} ms after it"
        )
        store.close()


if __name__ == "__main__":
    main()
