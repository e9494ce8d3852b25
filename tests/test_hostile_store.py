"""Attacks on the database and the command line: two writers, foreign, newer, damaged,
read-only and missing files, full disks, huge arguments. Each must end in one line and
exit 2 (or a wait for the lock), never a traceback, and never change a file banmian was
only asked to read."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from banmian.core.cli.main import main
from banmian.core.corpus import database
from banmian.core.corpus.schema import SCHEMA_VERSION
from banmian.core.corpus.search import search
from banmian.core.corpus.store import PageMeta, Store
from banmian.core.page.model import Page

from tests.page_variants import variant_folders


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "banmian.core.cli", *args], capture_output=True, text=True
    )


def _one_line_exit_2(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def corpus(tmp_path, sample_page):
    path = tmp_path / "corpus.db"
    store = Store(path, annotator="tester")
    store.add_page(sample_page, PageMeta("sample_page.txt", "西海岸新闻", "2023-02-03", "2"))
    store.close()
    return path


# -- two writers ---------------------------------------------------------------------------
def test_a_save_waits_for_another_writer_instead_of_failing(corpus):
    """A deferred transaction that read before another writer committed cannot write:
    SQLite says "database is locked" at once. Writers now take the lock first."""
    window = Store(corpus)
    seg = window.load(1)
    holding, done = threading.Event(), []

    def other_writer() -> None:
        importer = Store(corpus)
        with importer.writing():
            importer.db.execute("UPDATE pages SET newspaper = 'other' WHERE id = 1")
            holding.set()
            time.sleep(0.5)
        importer.close()
        done.append(True)

    thread = threading.Thread(target=other_writer)
    thread.start()
    assert holding.wait(10)
    window.save(1, seg, "test")  # waits for the other transaction, then writes
    thread.join()
    assert done == [True]
    assert [r["action"] for r in window.rows("SELECT action FROM edit_log")][-1] == "test"
    assert window.page_row(1)["newspaper"] == "other"
    window.close()


def test_two_imports_into_one_database_at_once(tmp_path, sample_text):
    folders = variant_folders(tmp_path, sample_text, 2, 6)
    db = tmp_path / "c.db"
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "banmian.core.cli", "import", str(f), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in folders
    ]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        assert "Traceback" not in err
    count = sqlite3.connect(db).execute("SELECT count(*) FROM pages").fetchone()[0]
    assert count == 12


# -- files that are not this banmian's database --------------------------------------------
def _foreign(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('mine')")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("command", [["pages"], ["search", "港口"], ["import", "NOFILE"]])
def test_another_applications_sqlite_file_is_refused_untouched(tmp_path, command):
    path = tmp_path / "other.db"
    _foreign(path)
    before = _digest(path)
    line = _one_line_exit_2(_cli("--db", str(path), *command))
    assert "not a banmian database" in line
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal, no -shm


def test_export_refuses_a_foreign_file_too(tmp_path):
    path = tmp_path / "other.db"
    _foreign(path)
    before = _digest(path)
    _one_line_exit_2(_cli("--db", str(path), "export", str(tmp_path / "out.jsonl")))
    assert _digest(path) == before and not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("command", [["pages"], ["import", "NOFILE"]])
def test_a_file_from_a_newer_banmian_is_refused_not_marked_older(corpus, command):
    conn = sqlite3.connect(corpus)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    line = _one_line_exit_2(_cli("--db", str(corpus), *command))
    assert "newer banmian" in line
    version = sqlite3.connect(corpus).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION + 1


def test_a_newer_migration_name_is_refused(corpus):
    conn = sqlite3.connect(corpus)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('banmian', 'm099_from_the_future', 'x')"
    )
    conn.commit()
    conn.close()
    assert "newer banmian" in _one_line_exit_2(_cli("--db", str(corpus), "pages"))


@pytest.mark.parametrize(
    "content, why",
    [
        (b"id,title\n1,hello\n", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x13" * 4000, "damaged"),
    ],
)
@pytest.mark.parametrize("command", [["pages"], ["import", "NOFILE"], ["search", "x"]])
def test_non_sqlite_and_damaged_files_are_refused(tmp_path, content, why, command):
    path = tmp_path / "x.db"
    path.write_bytes(content)
    line = _one_line_exit_2(_cli("--db", str(path), *command))
    assert why in line or "not a" in line
    assert path.read_bytes() == content


@pytest.mark.parametrize("command", [["pages"], ["search", "港口"], ["export", "out.jsonl"]])
def test_read_only_commands_never_create_a_database(tmp_path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = _one_line_exit_2(_cli("--db", str(tmp_path / "typo.db"), *command))
    assert "no such database" in line
    assert list(tmp_path.iterdir()) == []


def test_read_only_commands_do_not_migrate_or_switch_on_wal(tmp_path, sample_page):
    """A plain (rollback-journal) banmian file stays exactly as it was under `pages`."""
    path = tmp_path / "c.db"
    store = Store(path)
    store.add_page(sample_page)
    store.db.execute("PRAGMA journal_mode = delete")
    store.close()
    before = _digest(path)
    result = _cli("--db", str(path), "pages")
    assert result.returncode == 0, result.stderr
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db"]


def test_a_read_only_database_is_read_by_pages_and_refused_by_import(corpus, monkeypatch, capsys):
    """Simulated: the tests may run as root, who can write any file."""
    real_access = database.os.access
    monkeypatch.setattr(
        database.os,
        "access",
        lambda path, mode: False if str(path) == str(corpus) else real_access(path, mode),
    )
    assert main(["--db", str(corpus), "pages"]) == 0
    assert main(["--db", str(corpus), "import", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and "Traceback" not in err


# -- disks that fail -----------------------------------------------------------------------
def test_a_full_disk_while_importing_is_one_line(corpus, tmp_path, monkeypatch, capsys):
    page = tmp_path / "2023-01-01_01.txt"
    page.write_text("本报讯 一篇新文章。\n", "utf-8")

    def full(self, batch):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "add_pages", full)
    assert main(["--db", str(corpus), "import", str(page), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "disk is full" in err and len(err.strip().splitlines()) == 1


def test_a_full_disk_while_exporting_is_one_line_and_leaves_nothing(
    corpus, tmp_path, monkeypatch, capsys
):
    from banmian.core.export import formats

    def full(rows, path):
        list(rows)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(formats, "write_jsonl", full)
    out = tmp_path / "out"
    out.mkdir()
    code = main(["--db", str(corpus), "export", str(out / "a.jsonl"), "--status", "any"])
    assert code == 2
    err = capsys.readouterr().err
    assert "disk is full" in err and len(err.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


def test_an_export_folder_that_cannot_be_written_is_one_line(corpus, tmp_path, monkeypatch, capsys):
    from banmian.core.export import targets

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "locked"))

    monkeypatch.setattr(targets.tempfile, "mkstemp", refused)
    monkeypatch.setattr(targets.tempfile, "mkdtemp", refused)
    for target in ("a.jsonl", "txt"):
        code = main(
            ["--db", str(corpus), "export", str(tmp_path / "locked" / target), "--status", "any"]
        )
        assert code == 2
        err = capsys.readouterr().err
        assert "Permission denied" in err and len(err.strip().splitlines()) == 1


# -- arguments -----------------------------------------------------------------------------
def test_a_huge_limit_is_refused_or_clamped(corpus):
    result = _cli("--db", str(corpus), "search", "港口", "--limit", "9" * 30)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    store = Store(corpus)
    assert len(search(store.db, "青岛", limit=10**30)) >= 1  # clamped, no OverflowError
    assert search(store.db, "青岛", limit=-5) == []
    store.close()


def test_a_long_query_of_repeated_words_is_quick(corpus):
    store = Store(corpus)
    started = time.perf_counter()
    hits = search(store.db, "青岛 开发区 " * 3000)
    assert time.perf_counter() - started < 2.0
    assert hits == search(store.db, "青岛 开发区")
    store.close()


@pytest.mark.parametrize(
    "gold",
    [
        "[]",
        "null",
        '"text"',
        '{"articles": [null]}',
        '{"articles": 5}',
        '{"articles": [{"blocks": [{"role": "body", "lines": [1]}]}]}',
        "[" * 100000,
    ],
)
def test_eval_with_a_malformed_gold_file_is_one_line(tmp_path, sample_text, gold):
    page = tmp_path / "p.txt"
    page.write_text(sample_text, "utf-8")
    (tmp_path / "g.json").write_text(gold, "utf-8")
    _one_line_exit_2(_cli("eval", str(page), str(tmp_path / "g.json")))


def test_search_words_are_distinct_and_capped():
    from banmian.core.corpus.search import MAX_QUERY_WORDS, query_words

    assert query_words("港口 港口 港口") == ["港口"]
    many = " ".join(f"word{n}" for n in range(500))
    assert len(query_words(many)) == MAX_QUERY_WORDS


def test_store_refuses_a_folder_as_database(tmp_path):
    with pytest.raises(database.DatabaseRefused, match="not a database file"):
        Store(tmp_path)


def test_a_page_added_while_reading_is_seen_after(corpus):
    reader = Store(corpus, readonly=True)
    writer = Store(corpus)
    writer.add_page(Page.from_text("本报讯 另一页。\n", "b.txt"))
    assert len(reader.pages()) == 2
    writer.close()
    reader.close()
