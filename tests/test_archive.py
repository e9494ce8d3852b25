"""A whole archive without the window: `banmian segment DIR --out SHARDS/` on a local Dask
cluster, resumed after a kill, and `banmian import SHARDS/` giving the database a direct
import gives. The archive is written here from tests/layouts.py and the sample page
(never news text), as `newspaper/date/page.txt`, so that path order (a direct import's)
and shard order (newspaper, month) agree and even the page ids must match."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import layouts
from tests.cli_run import banmian

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

PAPERS = ("晨报", "晚报")
TIMESTAMPS = {"created_at", "updated_at", "at"}


def write_archive(folder: Path, count: int, sample_text: str) -> list[Path]:
    """`count` distinct pages over two newspapers and two months, plus a binary file
    (fails in both paths) and a copy of a page under another name (a duplicate)."""
    texts = [
        layouts.headings_first().text,
        layouts.national_daily().text,
        layouts.headings_after_no_byline().text,
        sample_text,
    ]
    written = []
    for i in range(count):
        paper = PAPERS[i % 2]
        day = f"2023-{1 + (i // 2) % 2:02d}-{1 + i // 4:02d}"
        path = folder / paper / day / f"{1 + i % 8:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"第{i}期\n{texts[i % len(texts)]}", "utf-8")
        written.append(path)
    (folder / PAPERS[0] / "2023-01-01" / "99.txt").write_bytes(b"\x00\x01binary")
    copy = folder / PAPERS[1] / "2023-02-28" / "01.txt"
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(written[0].read_bytes())
    return written


def database_content(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in rowid order, without the times of writing."""
    conn = sqlite3.connect(path)
    tables = [
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith(("sqlite_", "_sqlite"))
    ]
    content = {}
    for table in tables:
        columns = [
            c[1] for c in conn.execute(f"PRAGMA table_info([{table}])") if c[1] not in TIMESTAMPS
        ]
        names = ", ".join(f"[{c}]" for c in columns)
        content[table] = conn.execute(f"SELECT {names} FROM [{table}]").fetchall()
    conn.close()
    return content


def segment(archive: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return banmian("segment", str(archive), "--out", str(out), *extra, timeout=300)


@pytest.fixture(scope="module")
def segmented(tmp_path_factory, sample_text):
    root = tmp_path_factory.mktemp("archive")
    write_archive(root / "pages", 12, sample_text)
    result = segment(root / "pages", root / "shards", "--workers", "2", "--shard-pages", "2")
    assert result.returncode == 2, result.stderr  # the binary file failed, the rest went on
    return root, result


def test_shards_import_to_the_database_a_direct_import_gives(segmented):
    root, result = segmented
    assert "failed: " in result.stderr and "99.txt" in result.stderr
    assert re.search(r"\d+ shards written, 0 already done .* 14 pages .* pages/s", result.stdout)
    direct = banmian("import", str(root / "pages"), "--db", str(root / "direct.db"))
    shards = banmian("import", str(root / "shards"), "--db", str(root / "shards.db"))
    assert direct.stdout.strip() == shards.stdout.strip() == "imported 12, duplicates 1, failed 1"
    expected = database_content(root / "direct.db")
    got = database_content(root / "shards.db")
    assert expected["pages"] and expected["blocks"] and expected["article_search"]
    assert any(row[-1] for row in expected["articles"])  # suggested tags came along
    assert got == expected
    again = banmian("import", str(root / "shards"), "--db", str(root / "shards.db"))
    assert "imported 0, duplicates 13, failed 1" in again.stdout


def test_shards_hold_the_segmentation_json_and_article_rows(segmented):
    import pyarrow.parquet as pq

    root, _ = segmented
    table = pq.read_table(root / "shards")
    rows = [r for r in table.to_pylist() if not r["error"]]
    assert len(rows) == 13
    first = next(r for r in rows if r["newspaper"] == "晨报" and r["date"] == "2023-01-01")
    proposal = json.loads(first["segmentation"])
    assert [a["id"] for a in proposal["articles"]] == [a["article_id"] for a in first["articles"]]
    assert all(a["title"] is not None and a["search_text"] for a in first["articles"])


def test_import_chooses_shards_by_date_and_newspaper(segmented):
    root, _ = segmented
    db = str(root / "chosen.db")
    result = banmian(
        "import",
        str(root / "shards"),
        "--db",
        db,
        "--since",
        "2023-02-01",
        "--until",
        "2023-02-28",
        "--only-newspaper",
        "晚报",
    )
    assert result.returncode == 0, result.stderr
    rows = sqlite3.connect(db).execute("SELECT newspaper, date FROM pages").fetchall()
    assert rows and all(paper == "晚报" and date.startswith("2023-02") for paper, date in rows)
    bad = banmian("import", str(root / "shards"), "--db", db, "--since", "1.2.2023")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    mixed = banmian("import", str(root / "pages"), "--db", db, "--only-newspaper", "晚报")
    assert mixed.returncode == 2 and "--only-newspaper" in mixed.stderr


SHARDS = 24


def test_a_rerun_after_a_kill_writes_only_the_shards_left(tmp_path, sample_text):
    write_archive(tmp_path / "pages", SHARDS - 2, sample_text)  # + binary + copy: 24 files
    out = tmp_path / "shards"
    proc = subprocess.Popen(
        [sys.executable, "-m", "banmian.core.cli", "segment", str(tmp_path / "pages")]
        + ["--out", str(out), "--workers", "1", "--shard-pages", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the cluster's worker processes die with it
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*.parquet"))) < 3:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.glob("*.parquet")}
    assert 3 <= len(before) < SHARDS, "killed midway"
    result = segment(tmp_path / "pages", out, "--workers", "2", "--shard-pages", "1")
    left = SHARDS - len(before)
    assert f"{left} shards written, {len(before)} already done (of {SHARDS})" in result.stdout
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.glob("*.parquet")}
    assert len(after) == SHARDS and not list(out.glob(".*"))  # no temporary file left
    assert {name: after[name] for name in before} == before  # finished shards untouched
    again = segment(tmp_path / "pages", out, "--workers", "2", "--shard-pages", "1")
    assert f"0 shards written, {SHARDS} already done" in again.stdout
    imported = banmian("import", str(out), "--db", str(tmp_path / "k.db"))
    assert f"imported {SHARDS - 2}, duplicates 1, failed 1" in imported.stdout


def test_without_dask_one_line_says_how_to_install_it(tmp_path, sample_text):
    write_archive(tmp_path / "pages", 2, sample_text)
    code = (
        "import sys; sys.modules['dask'] = sys.modules['distributed'] = None; "
        "from banmian.core.cli.main import main; "
        f"sys.exit(main(['segment', {str(tmp_path / 'pages')!r}, '--out', "
        f"{str(tmp_path / 'out')!r}]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and ".[archive]" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_folder_without_out_is_refused_and_one_file_still_gets_its_outline(tmp_path, sample_text):
    write_archive(tmp_path / "pages", 1, sample_text)
    refused = banmian("segment", str(tmp_path / "pages"))
    assert refused.returncode == 2 and "--out" in refused.stderr
    page = next((tmp_path / "pages").rglob("01.txt"))
    outline = banmian("segment", str(page))
    assert outline.returncode == 0 and "articles" in outline.stdout.splitlines()[0]


def test_a_schedulers_workers_write_the_same_shards(tmp_path, sample_text):
    """--scheduler ADDRESS: the same tasks on a running Dask cluster (here a scheduler
    and two worker processes on this machine, as a cluster's would be)."""
    write_archive(tmp_path / "pages", 4, sample_text)
    info = tmp_path / "scheduler.json"
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--scheduler-file", str(info)]
            + ["--port", "0", "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        started.append(
            subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(info)]
                + ["--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        address = json.loads(info.read_text("utf-8"))["address"]
        result = segment(tmp_path / "pages", tmp_path / "shards", "--scheduler", address)
        assert "shards written, 0 already done" in result.stdout, result.stderr
        imported = banmian("import", str(tmp_path / "shards"), "--db", str(tmp_path / "c.db"))
        assert "imported 4, duplicates 1, failed 1" in imported.stdout
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=30)
