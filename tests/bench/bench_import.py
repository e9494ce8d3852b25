"""Import throughput and search latency, on real pages or generated ones.

Run on demand: `python tests/bench/bench_import.py [--pages 10000] [--workers 2]`.

With `--dirs DIR…` the pages are real page files (e.g. the development months
/work/devcorpus/train /work/devcorpus/dev): the files found, cycled until `--pages`, each
copy given a line of its own so that none is a duplicate; with `--runs 3` the import runs
three times (a fresh database each), each beside the floor: `--workers` processes doing
nothing but `jieba.lcut` over the same files, started the same way. Medians are printed.
`--tokeniser jieba` imports without the fast cut, for the figure before it; `--tokeniser
both` imports twice a run, with and without it, under the same load.

Without `--dirs` the pages are variants of the sample (paragraphs shuffled, numbers and
reporters changed): every page hashes differently, but they repeat the sample's clauses,
which banmian's caches tokenise once per worker, so they flatter the rate.
Target: ≥ 150 pages/s with 2 cores on real text, segmentation, tags and search index included.

Also printed: what a worker sends the writer for a page (pickled, beside its raw text),
and the database's whole size on disk (file and log) against the raw text's UTF-8 bytes,
as the import left it and VACUUMed (target ≤ 2.5×).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from concurrent.futures import ProcessPoolExecutor  # noqa: E402

from banmian.core.words import nlp  # noqa: E402

if TYPE_CHECKING:
    from banmian.core.corpus.store import Store

# The store and the importer (sqlite-utils, and pandas with it when installed) are
# imported where they are used: a spawned worker imports this module again as its main
# and would load them for nothing, 0.3 s of CPU a worker that the import's figures carry.

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


def write_pages(folder: Path, args: argparse.Namespace) -> int:
    """The pages to import under `folder`; their raw text's bytes (UTF-8)."""
    folder.mkdir()
    if args.dirs:
        files = sorted(f for d in args.dirs for f in Path(d).rglob("*.txt"))
        if not files:
            raise SystemExit(f"no *.txt under {' '.join(map(str, args.dirs))}")
        size = 0
        for n in range(args.pages):
            source = files[n % len(files)]
            text = source.read_text("utf-8") + (f"\n第{n}份\n" if n >= len(files) else "")
            size += len(text.encode("utf-8"))
            # each folder (extraction, copy) a newspaper of its own: its issues hold one
            # day's pages once, as an archive's do, for the linker after the import
            issue = folder / f"{source.parent.name}{n // len(files)}"
            issue.mkdir(exist_ok=True)
            (issue / source.name).write_text(text, "utf-8")
        copies = "" if args.pages <= len(files) else f", cycled ({args.pages / len(files):.1f}×)"
        print(f"{args.pages} pages of real text from {len(files)} files{copies}")
        return size
    sample = resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")
    rng = random.Random(1)
    size = 0
    for n in range(args.pages):
        text = variant(sample, rng, n)
        size += len(text.encode("utf-8"))
        (folder / f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}_{n:05d}.txt").write_text(text, "utf-8")
    print(f"{args.pages} variants of the sample page")
    return size


def file_size(db: Path) -> int:
    """The database's whole size on disk: the file and its write-ahead log."""
    return db.stat().st_size + sum(
        p.stat().st_size for p in db.parent.glob(db.name + "-*") if p.is_file()
    )


def database_size(store: Store, db: Path, raw: int, pages: int) -> str:
    """The file after the import, as the import left it (its log copied in, free pages
    kept) and VACUUMed, against the raw text's bytes (UTF-8) of the page files."""
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    as_left = file_size(db)
    store.db.execute("VACUUM")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vacuumed = file_size(db)
    return (
        f"database: {as_left / pages / 1024:.0f} KiB a page, {as_left / max(raw, 1):.2f}× the "
        f"raw text ({raw / pages / 1024:.1f} KiB a page, UTF-8) as the import left it; "
        f"{vacuumed / max(raw, 1):.2f}× VACUUMed (target ≤ 2.5)"
    )


def writer_load(folder: Path, sample: int = 40) -> str:
    """What a worker sends the writer for a page: the pickled result of preparing it
    (as `prepare_chunk` returns it), on `sample` pages spread over the files."""
    import pickle

    from banmian.core.corpus.preparation import prepare

    files = sorted(folder.rglob("*.txt"))
    chosen = files[:: max(1, len(files) // sample)][:sample]
    sent = sum(len(pickle.dumps([prepare((f, folder))])) for f in chosen)
    raw = sum(f.stat().st_size for f in chosen)
    return (
        f"sent to the writer: {sent / len(chosen) / 1024:.1f} KiB a page for "
        f"{raw / len(chosen) / 1024:.1f} KiB of raw text ({sent / raw:.2f}×, pickled)"
    )


def _floor_start() -> None:
    nlp.jieba_module()


def _floor_chunk(paths: list[Path]) -> int:
    cut = nlp.jieba_module().lcut
    return sum(len(cut(p.read_text("utf-8"))) for p in paths)


def floor_rate(folder: Path, workers: int) -> float:
    """Pages a second of `workers` processes doing nothing but `jieba.lcut` over the
    files (started as import starts its workers: spawned, loading jieba)."""
    files = sorted(folder.rglob("*.txt"))
    chunks = [files[i : i + 8] for i in range(0, len(files), 8)]
    start = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_floor_start) as pool:
        sum(pool.map(_floor_chunk, chunks))
    return len(files) / (time.perf_counter() - start)


def set_tokeniser(name: str) -> None:
    """The tokeniser of this process and of the workers an import starts next."""
    if name == "jieba":
        os.environ["BANMIAN_TOKENISER"] = "jieba"  # spawned workers inherit it
    else:
        os.environ.pop("BANMIAN_TOKENISER", None)
    nlp._fast_cut.cache_clear()
    nlp.tokens.cache_clear()


def import_once(folder: Path, db: Path, workers: int) -> tuple[float, Store, list[str]]:
    """One import into a fresh database: pages a second, the store, the lines to print."""
    from banmian.core.corpus.importer import import_paths
    from banmian.core.corpus.store import Store

    store = Store(db)
    start = time.perf_counter()
    before = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    first_page: list[float] = []

    def progress(done: int, _total: int, _path: str) -> None:
        if not first_page:
            first_page.append(time.perf_counter() - start)

    report = import_paths(store, [folder], workers=workers, progress=progress)
    elapsed = time.perf_counter() - start
    after = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    pages = max(len(report.imported), 1)
    cpu = [
        (b.ru_utime + b.ru_stime - a.ru_utime - a.ru_stime) * 1000 / pages
        for a, b in zip(before, after, strict=True)
    ]
    rate = len(report.imported) / elapsed
    lines = [
        f"imported {len(report.imported)} pages ({report.summary()}) in {elapsed:.1f} s: "
        f"{rate:.0f} pages/s with {workers} workers",
        f"CPU per page: {cpu[0]:.1f} ms writing (this process), {cpu[1]:.1f} ms in workers",
    ]
    if first_page and elapsed > first_page[0]:
        rest = (len(report.imported) - 1) / (elapsed - first_page[0])
        lines.append(
            f"first page after {first_page[0]:.1f} s (workers loading their dictionaries), "
            f"{rest:.0f} pages/s from then on"
        )
    return rate, store, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dirs", nargs="*", type=Path, default=[], help="real page files")
    parser.add_argument("--runs", type=int, default=1, help="imports, each beside the floor")
    parser.add_argument("--tokeniser", choices=["default", "jieba", "both"], default="default")
    parser.add_argument(
        "--no-links",
        action="store_true",
        help="skip linking the issues after the import (minutes on real issues of 7-20 pages)",
    )
    args = parser.parse_args()
    if args.no_links:
        from banmian.core.corpus import importer

        importer.link_issues = lambda _store, _ids: None
    if args.tokeniser == "jieba":
        set_tokeniser("jieba")
    print(f"tokeniser: {nlp.tokeniser()}")
    sample = resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        raw = write_pages(folder, args)
        print(writer_load(folder))
        reference_before = machine_reference(sample)
        rates, floors, jieba_rates = [], [], []
        store = None
        for run in range(args.runs):
            if args.dirs:
                floors.append(floor_rate(folder, args.workers))
            for tokeniser in ["jieba", "default"] if args.tokeniser == "both" else [None]:
                if tokeniser is not None:
                    set_tokeniser(tokeniser)
                if store is not None:
                    store.close()
                db = Path(tmp) / f"bench{run}{tokeniser or ''}.db"
                rate, store, lines = import_once(folder, db, args.workers)
                (jieba_rates if tokeniser == "jieba" else rates).append(rate)
                floor = f", floor (bare jieba.lcut) {floors[-1]:.0f} pages/s" if floors else ""
                print(f"run {run + 1} ({nlp.tokeniser()}): {rate:.0f} pages/s{floor}", flush=True)
                for line in lines:
                    print("  " + line, flush=True)
        assert store is not None
        if jieba_rates:
            print(
                f"with jieba alone: median {statistics.median(jieba_rates):.0f} pages/s "
                f"({', '.join(f'{r:.0f}' for r in jieba_rates)})"
            )
        floor = (
            f" beside the floor's {statistics.median(floors):.0f} pages/s "
            f"({', '.join(f'{f:.0f}' for f in floors)})"
            if floors
            else ""
        )
        print(
            f"import rate: median {statistics.median(rates):.0f} pages/s of {args.runs} runs "
            f"({', '.join(f'{r:.0f}' for r in rates)}){floor} (target ≥ 150)"
        )
        print(database_size(store, db, raw, args.pages))
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
