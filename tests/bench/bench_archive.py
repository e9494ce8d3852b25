"""The archive path on real pages: `banmian segment DIR --out SHARDS/` on a local Dask
cluster, killed midway and resumed, then the shards loaded into a database.

Run on demand: `python tests/bench/bench_archive.py --dirs /work/devcorpus/train
[--pages N] [--workers 2] [--shard-pages 100] [--direct]`.

The page files found under `--dirs` are copied into a temporary archive (as
`TOOL/newspaper-date-page.txt`, so shards group by newspaper and month); with `--pages` larger
than the files found they are cycled, each copy given a line of its own so none is a
duplicate (copies repeat clauses, which the tokeniser's caches flatter). Printed:

1. a whole run: pages/s over the whole run (cluster start included) and from the first
   shard on (the steady rate), and the shards;
2. a run killed (SIGKILL of its process group) once about half the shards are written,
   then rerun: the shards the rerun skipped and wrote, and its time;
3. the shards loaded into a fresh database (pages/s of the load alone) and, with
   `--direct`, a direct `banmian import` of the same pages beside it.

Never commit the development text: the archive lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.archive.load import import_shards  # noqa: E402
from banmian.core.archive.plan import plan_shards  # noqa: E402
from banmian.core.archive.run import segment_archive  # noqa: E402
from banmian.core.corpus.importer import import_paths  # noqa: E402
from banmian.core.corpus.store import Store  # noqa: E402

COMMAND = [sys.executable, "-m", "banmian.core.cli"]


def write_archive(folder: Path, dirs: list[Path], pages: int | None) -> int:
    files = sorted(f for d in dirs for f in d.rglob("*.txt") if not f.name.endswith(".gold.txt"))
    if not files:
        raise SystemExit(f"no *.txt under {' '.join(map(str, dirs))}")
    pages = pages or len(files)
    folder.mkdir()
    for n in range(pages):
        source = files[n % len(files)]
        text = source.read_bytes()
        cycle = n // len(files)
        if cycle:
            text += f"\n第{n}份\n".encode()
        # pdfminer/rmrb-20200201-04.txt → pdfminer1/rmrb-20200201-04.txt: each extraction
        # tool (and each cycle) a newspaper of its own, so that an issue holds each page
        # once (six copies of every page of an issue send the linker's choice of links
        # across pages into a search that grows exponentially)
        target = folder / f"{source.parent.name}{cycle or ''}" / source.name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(text)
    cycled = "" if pages <= len(files) else f", cycled ({pages / len(files):.1f}×)"
    print(f"{pages} pages of real text from {len(files)} files{cycled}")
    return pages


def whole_run(archive: Path, out: Path, workers: int, shard_pages: int) -> None:
    first: list[float] = []
    start = time.perf_counter()

    def progress(done: int, _total: int, pages: int, _total_pages: int) -> None:
        if done and not first:
            first.append((time.perf_counter() - start, pages))

    report = segment_archive(
        [archive], out, workers=workers, shard_pages=shard_pages, progress=progress
    )
    elapsed = time.perf_counter() - start
    print(f"whole run: {report.summary()}")
    print(f"  {report.pages / elapsed:.1f} pages/s over {elapsed:.1f} s with {workers} workers")
    if first and elapsed > first[0][0]:
        at, pages = first[0]
        steady = (report.pages - pages) / (elapsed - at)
        print(f"  first shard after {at:.1f} s (cluster start, jieba loading, {pages} pages);")
        print(f"  {steady:.1f} pages/s from then on")


def killed_and_resumed(archive: Path, out: Path, workers: int, shard_pages: int) -> None:
    args = [*COMMAND, "segment", str(archive), "--out", str(out), "--workers", str(workers)]
    args += ["--shard-pages", str(shard_pages), "--quiet"]
    total = len(plan_shards([archive], shard_pages))
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    start = time.perf_counter()
    while proc.poll() is None and len(list(out.glob("*.parquet"))) < total // 2:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = len(list(out.glob("*.parquet")))
    print(f"killed after {time.perf_counter() - start:.1f} s with {written} of {total} shards")
    start = time.perf_counter()
    rerun = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    print(f"rerun in {elapsed:.1f} s: {rerun.stdout.strip()}")
    match = re.search(r"(\d+) shards written, (\d+) already done", rerun.stdout)
    ok = match and int(match.group(2)) == written and int(match.group(1)) == total - written
    print(f"  the rerun {'did only the rest' if ok else 'DID NOT DO ONLY THE REST'}")


def load(out: Path, db: Path) -> None:
    store = Store(db)
    start = time.perf_counter()
    report = import_shards(store, [out])
    elapsed = time.perf_counter() - start
    store.close()
    rate = len(report.imported) / elapsed
    print(f"shards loaded: {report.summary()} in {elapsed:.1f} s ({rate:.0f} pages/s)")


def direct(archive: Path, db: Path, workers: int) -> None:
    store = Store(db)
    start = time.perf_counter()
    report = import_paths(store, [archive], workers=workers)
    elapsed = time.perf_counter() - start
    store.close()
    rate = len(report.imported) / elapsed
    print(f"direct import: {report.summary()} in {elapsed:.1f} s ({rate:.1f} pages/s)")


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # figures as they come, also into a file
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dirs", nargs="+", type=Path, required=True, help="real page files")
    parser.add_argument("--pages", type=int, default=None, help="default: the files found")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard-pages", type=int, default=100)
    parser.add_argument("--direct", action="store_true", help="also a direct import")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        write_archive(archive, args.dirs, args.pages)
        whole_run(archive, Path(tmp) / "shards", args.workers, args.shard_pages)
        killed_and_resumed(archive, Path(tmp) / "resumed", args.workers, args.shard_pages)
        load(Path(tmp) / "shards", Path(tmp) / "shards.db")
        if args.direct:
            direct(archive, Path(tmp) / "direct.db", args.workers)


if __name__ == "__main__":
    main()
