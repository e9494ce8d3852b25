"""Attacks through the files an import or `segment` is given: names that are not UTF-8,
pipes and devices, files far too big for a page, encodings banmian does not read, line
ends of every kind, and workers killed as the out-of-memory killer kills them."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading

import pytest
from banmian.core.corpus.importer import import_paths
from banmian.core.corpus.store import Store
from banmian.core.page import files
from banmian.core.page.files import PageFileError, decode_page_bytes, read_page_file
from banmian.core.page.model import Page


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "banmian.core.cli", *args], capture_output=True, text=True
    )


def test_a_file_name_that_is_not_utf8_imports_with_the_rest_of_the_batch(tmp_path):
    folder = tmp_path / "zip"
    folder.mkdir()
    gbk_name = "中文_2023-01-01_01.txt".encode("gb18030")
    with open(os.path.join(os.fsencode(folder), gbk_name), "wb") as handle:
        handle.write("本报讯 一篇文章。\n".encode())
    with open(os.path.join(os.fsencode(folder), b"\xff\xfe_bad.txt"), "wb") as handle:
        handle.write("本报讯 第三篇文章。\n".encode())
    (folder / "ok.txt").write_text("本报讯 另一篇文章。\n", "utf-8")
    db = tmp_path / "c.db"
    result = _cli("import", str(folder), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "imported 3" in result.stdout
    names = {r[0] for r in sqlite3.connect(db).execute("SELECT source_file FROM pages")}
    assert "中文_2023-01-01_01.txt" in names and "ok.txt" in names
    assert all(name.encode("utf-8") for name in names)


def test_a_killed_worker_does_not_hang_the_import(tmp_path, sample_text):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(48):
        text = sample_text.replace("古镇口", f"古镇口{n}", 1)
        (folder / f"2023-03-{n % 28 + 1:02d}_{n // 28 + 1:02d}.txt").write_text(text, "utf-8")
    killed: list[int] = []

    def progress(done: int, total: int, current: str) -> None:
        if not killed:
            import multiprocessing

            for child in multiprocessing.active_children():
                os.kill(child.pid, signal.SIGKILL)  # as the out-of-memory killer does
                killed.append(child.pid)
                break

    outcome: dict = {}

    def run() -> None:
        store = Store(tmp_path / "c.db")
        try:
            outcome["report"] = import_paths(store, [folder], workers=2, progress=progress)
        finally:
            store.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(240)
    assert not thread.is_alive(), "the import hung after its worker was killed"
    assert killed
    report = outcome["report"]
    assert len(report.imported) + len(report.failed) == 48
    assert len(report.imported) == 48  # a worker killed from outside: its files are retried
    count = sqlite3.connect(tmp_path / "c.db").execute("SELECT count(*) FROM pages").fetchone()
    assert count == (48,)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_not_read_forever(tmp_path):
    pipe = tmp_path / "page.txt"
    os.mkfifo(pipe)
    with pytest.raises(PageFileError, match="not a regular file"):
        read_page_file(pipe)
    result = subprocess.run(
        [sys.executable, "-m", "banmian.core.cli", "segment", str(pipe)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "not a regular file" in result.stderr
    store = Store(tmp_path / "c.db")
    report = import_paths(store, [pipe], workers=1)
    store.close()
    assert report.failed and "not a regular file" in report.failed[0][1]


def test_devices_are_refused():
    with pytest.raises(PageFileError, match="not a regular file"):
        read_page_file("/dev/zero")


def test_a_file_too_big_for_a_page_is_refused_with_a_reason(tmp_path, monkeypatch):
    big = tmp_path / "book.txt"
    big.write_bytes(("本报讯 一行文字。\n" * 60_000).encode())  # 1.6 MB
    with pytest.raises(PageFileError, match="too big for one newspaper page"):
        read_page_file(big)
    result = _cli("segment", str(big))
    assert result.returncode == 2 and "too big" in result.stderr
    assert "Traceback" not in result.stderr
    many = "a\n" * (files.MAX_PAGE_LINES + 1)
    with pytest.raises(PageFileError, match="too many for one newspaper page"):
        decode_page_bytes(many.encode())
    with pytest.raises(PageFileError, match="too many"):
        decode_page_bytes(("a\r" * (files.MAX_PAGE_LINES + 1)).encode())


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("中華民國的報紙新聞，記者報導，臺灣經濟發展迅速，政府宣佈新的政策。" * 5, "big5"),
        ("日本語のテキストです。新聞の記事を読みます。東京都の天気は晴れです。" * 3, "shift_jis"),
        ("Ça été très précis, déjà connu à Zürich, où l'été fut chaud. " * 10, "latin-1"),
    ],
)
def test_encodings_banmian_does_not_read_are_refused_not_guessed(text, encoding):
    with pytest.raises(PageFileError, match="not UTF-8, UTF-16 or GB18030"):
        decode_page_bytes(text.encode(encoding))


def test_gbk_pages_are_still_read(sample_text):
    assert decode_page_bytes(sample_text.encode("gbk")) == sample_text
    assert decode_page_bytes(sample_text.encode("gb18030")) == sample_text


@pytest.mark.parametrize(
    "text",
    [
        "第一行\r第二行\r\r第四行\r",  # old Mac
        "第一行\r\n第二行\n第三行\r第四行",  # mixed
        "一\r\r\n二\n\r三",
    ],
)
def test_every_line_end_counts_as_one_line(text):
    page = Page.from_text(text)
    assert list(page.lines) == text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert all("\r" not in line for line in page.lines)


@pytest.mark.parametrize(
    "text",
    [
        "本报讯 第一行\r第二行\r\r第四行\r",
        "本报讯 第一行\r\n第二行\n第三行\r第四行",
        "本报讯 一行\u2029同一行\u2028仍是\ufdd0同一\ufdd1行\n第二行",
    ],
)
def test_the_window_numbers_lines_as_the_model_does(qtbot, text):
    from banmian.core.segmentation.segmenter import segment_page
    from banmian.gui.page_text_view import PageTextView

    view = PageTextView()
    qtbot.addWidget(view)
    seg = segment_page(Page.from_text(text))
    view.show_segmentation(seg)
    document = view.document()
    assert document.blockCount() == len(seg.page.lines)
    for n, line in enumerate(seg.page.lines):
        assert len(document.findBlockByNumber(n).text()) == len(line)
