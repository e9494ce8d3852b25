"""Import of page files: encodings, duplicates, rejections, metadata, interruption."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from banmian.core.corpus.importer import import_paths
from banmian.core.corpus.store import Store
from banmian.core.page.files import PageFileError, decode_page_bytes
from banmian.core.page.meta import meta_from_path


def _cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "banmian.core.cli", *args], capture_output=True, text=True, **kwargs
    )


def test_sample_gb18030_copy_and_binary(tmp_path, sample_text):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2023-02-03_02.txt").write_text(sample_text, "utf-8")
    (folder / "copy_gbk.txt").write_bytes(sample_text.encode("gb18030"))
    (folder / "scan.txt").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "c.db"
    result = _cli("import", str(folder), "--db", str(db))
    assert result.returncode == 2, result.stderr  # a file failed: exit 2, as documented
    assert "imported 1, duplicates 1, failed 1" in result.stdout
    assert "Traceback" not in result.stderr
    assert "duplicate:" in result.stderr and "copy_gbk.txt" in result.stderr
    assert "failed:" in result.stderr and "scan.txt" in result.stderr and "binary" in result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT date, page_no FROM pages").fetchall() == [("2023-02-03", "2")]


@pytest.mark.parametrize(
    "encoded",
    [
        "\ufeff　　正文。\r\n".encode(),
        "　　正文。\r\n".encode("utf-16"),
        "　　正文。\r\n".encode("gb18030"),
    ],
)
def test_encodings_decode_to_the_same_text(encoded):
    assert decode_page_bytes(encoded).lstrip("\ufeff").replace("\r\n", "\n") == "　　正文。\n"


def test_undecodable_bytes_name_the_problem():
    with pytest.raises(PageFileError, match="NUL"):
        decode_page_bytes(b"abc\x00def")
    with pytest.raises(PageFileError):
        decode_page_bytes(b"\x81\x20\x81\x20\xff\xff")


@pytest.mark.parametrize(
    "rel, newspaper, date, page_no",
    [
        ("2023-02-03_02.txt", "", "2023-02-03", "2"),
        ("20200102-04.txt", "", "2020-01-02", "4"),
        ("报纸名/2023-02-03/02.txt", "报纸名", "2023-02-03", "2"),
        ("报纸名_2023-02-03_第2版.txt", "报纸名", "2023-02-03", "2"),
        ("青岛日报/20230203/A3.txt", "青岛日报", "2023-02-03", "A3"),
    ],
)
def test_metadata_from_names(tmp_path, rel, newspaper, date, page_no):
    meta = meta_from_path(tmp_path / rel, tmp_path)
    assert (meta.newspaper, meta.date, meta.page_no) == (newspaper, date, page_no)


def test_sidecar_wins_over_the_name(tmp_path):
    (tmp_path / "x.txt").write_text("　　正文。", "utf-8")
    (tmp_path / "x.json").write_text(
        '{"newspaper": "人民日报", "date": "2024-01-02", "page": "5"}', "utf-8"
    )
    meta = meta_from_path(tmp_path / "x.txt", tmp_path)
    assert (meta.newspaper, meta.date, meta.page_no) == ("人民日报", "2024-01-02", "5")


def _variants(sample_text: str, folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"2023-01-{1 + i % 28:02d}_{i:04d}.txt").write_text(
            f"第{i}版\n{sample_text}", "utf-8"
        )


def test_workers_import_a_batch_with_progress(tmp_path, sample_text):
    _variants(sample_text, tmp_path / "batch", 30)
    store = Store(tmp_path / "w.db")
    seen = []
    report = import_paths(
        store, [tmp_path / "batch"], workers=2, progress=lambda d, t, p: seen.append((d, t))
    )
    assert len(report.imported) == 30 and seen[-1] == (30, 30)
    assert len(store.pages()) == 30 and all(p.articles == 8 for p in store.pages())
    store.close()


PAGES = 1000  # the batch size the done-when names


def test_kill_9_mid_import_leaves_whole_pages_and_reimport_adds_the_rest(tmp_path, sample_text):
    _variants(sample_text, tmp_path / "many", PAGES)
    db = tmp_path / "k.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "banmian.core.cli",
            "import",
            str(tmp_path / "many"),
            "--db",
            str(db),
            "--workers",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            if sqlite3.connect(db).execute("SELECT count(*) FROM pages").fetchone()[0] > 0:
                break
        except sqlite3.Error:
            pass
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    landed = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    assert 0 < landed < PAGES
    store = Store(db)
    for summary in store.pages():  # every page that landed is whole
        seg = store.load(summary.id).check()
        assert len(seg.articles) == summary.articles == 8
    store.close()
    conn.close()
    result = _cli("import", str(tmp_path / "many"), "--db", str(db), "--workers", "2")
    assert f"imported {PAGES - landed}, duplicates {landed}, failed 0" in result.stdout
