"""`banmian export`: formats that agree, filters, safe names, atomic writes."""

from __future__ import annotations

import csv
import dataclasses
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from banmian.core.cli import export as cli_export
from banmian.core.cli import main as cli
from banmian.core.corpus.store import PageMeta, Store
from banmian.core.export import rows as export_rows
from banmian.core.export.articles import (
    ExportError,
    ExportFilters,
    export_articles,
    select_articles,
)
from banmian.core.export.formats import FIELDS
from banmian.core.page.model import Tag

TITLES = ("强化“四个聚焦”", "青岛至纽约跨境电商全货包机首飞", "这个百亿级大项目今年6月竣工投产")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "banmian.core.cli", "export", *args],
        capture_output=True,
        text=True,
    )


@pytest.fixture
def db(tmp_path, sample_page) -> Path:
    path = tmp_path / "corpus.db"
    store = Store(path, annotator="tester")
    store.add_page(sample_page, PageMeta("sample_page.txt", "西海岸新闻", "2023-02-03", "2"))
    store.close()
    return path


def _edit(db: Path, **changes_by_article) -> None:
    """Save the page with some articles changed (dataclasses.replace keywords)."""
    store = Store(db, annotator="tester")
    seg = store.load(1)
    articles = tuple(
        dataclasses.replace(a, **changes_by_article[a.id]) if a.id in changes_by_article else a
        for a in seg.articles
    )
    store.save(1, dataclasses.replace(seg, articles=articles), "test edit")
    store.close()


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _txt(folder: Path) -> list[dict]:
    """Each TXT file read back: its headings (kicker, title, subtitle, byline: those the
    article has), a blank line, its paragraphs; the id from the name
    `<date>_p<pages>_<id>_<title>.txt`."""
    found = []
    for file in sorted(folder.glob("*.txt")):
        lines = file.read_text("utf-8").splitlines()
        blank = lines.index("")
        date, pages, article_id = file.name.removesuffix(".txt").split("_")[:3]
        found.append(
            {
                "id": article_id,
                "name": (date, pages),
                "headings": lines[:blank],
                "text": "\n".join(lines[blank + 1 :]),
            }
        )
    return found


def test_all_formats_agree_on_the_sample(db, tmp_path):
    out = tmp_path / "out"
    for name, fmt in (("a.jsonl", "jsonl"), ("a.csv", "csv"), ("txt", "txt")):
        result = _cli(str(out / name), "--format", fmt, "--status", "any", "--db", str(db))
        assert result.returncode == 0, result.stderr
        assert f"exported 8 articles to {out / name}" in result.stdout
    rows = _jsonl(out / "a.jsonl")
    assert len(rows) == 8 and all(set(FIELDS) == set(r) for r in rows)
    titles = [r["title"] for r in rows]
    for wanted in TITLES:
        assert any(wanted in t for t in titles), wanted
    raw = (out / "a.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads UTF-8
    with open(out / "a.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert [(r["id"], r["title"], r["text"]) for r in table] == [
        (r["id"], r["title"], r["text"]) for r in rows
    ]
    assert json.loads(table[1]["paragraphs"]) == rows[1]["paragraphs"]
    assert table[1]["authors"] == "丁霞；刘丽娜"
    by_id = {r["id"]: r for r in rows}
    texts = _txt(out / "txt")
    assert sorted(a["id"] for a in texts) == sorted(by_id)
    for article in texts:
        expected = by_id[article["id"]]
        headings = [expected[k] for k in ("kicker", "title", "subtitle", "byline")]
        assert article["headings"] == [h for h in headings if h]
        assert article["text"] == expected["text"]
        assert article["name"] == (expected["date"], f"p{int(expected['page']):02d}")
    kicked = next(a for a in texts if by_id[a["id"]]["kicker"])  # the kicker comes first
    assert kicked["headings"][0] == by_id[kicked["id"]]["kicker"]
    assert sorted(p.name for p in out.iterdir()) == ["a.csv", "a.jsonl", "txt"]  # no leftovers


def test_rows_carry_metadata_authors_and_sources(db, tmp_path):
    _edit(db, A6={"continued_to": "A7"}, A5={"tags": (Tag("航空", "topic", "user"),)})
    rows = list(select_articles(Store(db), ExportFilters(status="any")))
    a1, a2, a5, a6, a7 = (rows[i] for i in (0, 1, 4, 5, 6))
    assert a1["id"].endswith("-A1") and len(a1["id"]) == 15
    assert (a1["newspaper"], a1["date"], a1["page"]) == ("西海岸新闻", "2023-02-03", "2")
    assert a1["authors"] == ["李宛遥"] and a1["dateline"] == "本报讯 2月2日"
    assert a2["authors"] == ["丁霞", "刘丽娜"] and a2["kicker"] == "黄岛街道社会治理中心———"
    assert a5["subtitle"].startswith("该航线由") and a5["authors"] == ["王雪"]
    assert a5["tags"] == [{"name": "航空", "kind": "topic", "source": "user"}]  # accepted only
    assert a6["continued_to"] == a7["id"]  # an article on the same page: its stable id
    assert a7["continued_from"] == "1" and a7["title"] == ""  # another page: as written
    assert a1["status"] == "in_progress" and a1["annotator"] == "tester"
    assert a1["source"]["file"] == "sample_page.txt" and len(a1["source"]["content_hash"]) == 64
    assert [1, 1] in a1["source"]["lines"] and a1["text"] == "\n".join(a1["paragraphs"])
    again = [r["id"] for r in select_articles(Store(db), ExportFilters(status="any"))]
    assert again == [r["id"] for r in rows]  # stable across exports


def test_every_exported_article_has_stored_suggestions(db):
    conn = sqlite3.connect(db)
    suggested = conn.execute(
        "SELECT count(*) FROM articles WHERE suggestions IS NOT NULL"
    ).fetchone()
    assert suggested[0] == 8


def test_jsonl_loads_as_a_dataframe(db, tmp_path):
    out = tmp_path / "a.jsonl"
    assert _cli(str(out), "--status", "any", "--db", str(db)).returncode == 0
    try:
        import datasets

        table = datasets.load_dataset("json", data_files=str(out), split="train").to_pandas()
    except ImportError:
        pandas = pytest.importorskip("pandas")
        table = pandas.read_json(out, lines=True)
    assert len(table) == 8 and list(table.columns) == list(FIELDS)
    assert table["title"].str.contains("包机").sum() == 1


def test_verified_only_by_default_and_nothing_creates_nothing(db, tmp_path):
    out = tmp_path / "none" / "a.jsonl"
    result = _cli(str(out), "--db", str(db))
    assert result.returncode == 0 and "nothing to export (status verified)" in result.stdout
    assert not out.exists() and not out.parent.exists()
    store = Store(db)
    store.set_status(1, "verified")
    store.close()
    result = _cli(str(out), "--db", str(db))
    assert result.returncode == 0 and len(_jsonl(out)) == 8


def test_tag_and_date_filters(db, tmp_path):
    _edit(db, A5={"tags": (Tag("航空", "topic", "user"),)})
    out = tmp_path / "f.jsonl"

    def exported(*args: str) -> list[str]:
        out.unlink(missing_ok=True)
        result = _cli(str(out), "--status", "any", "--db", str(db), *args)
        assert result.returncode == 0, result.stderr
        return [r["title"] for r in _jsonl(out)] if out.exists() else []

    assert exported("--tag", "航空") == [TITLES[1]]
    assert exported("--tag", "包机") == []  # only a suggestion, not an accepted tag
    assert len(exported("--since", "2023-02-03", "--until", "2023-02-03")) == 8
    assert exported("--since", "2023-02-04") == []
    assert exported("--until", "2023-02-02") == []


@pytest.mark.parametrize("bad", ["2023-02-30", "2023/02/03", "20230203", "yesterday", "2023-2-3"])
def test_bad_dates_exit_2_and_write_nothing(db, tmp_path, bad):
    out = tmp_path / "x.jsonl"
    result = _cli(str(out), "--since", bad, "--db", str(db))
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_hostile_titles_give_safe_unique_file_names(db, tmp_path):
    hostile = {
        "A1": "../../etc/passwd",
        "A2": 'a/b\\c:"d"<b>粗体</b>?*|',
        "A3": "第一行\n第二行\t\r",
        "A4": "长" * 500,
        "A5": "..",
        "A6": "同名",
        "A7": "同名",
        "A8": "CON",
    }
    _edit(db, **{k: {"title_override": v} for k, v in hostile.items()})
    out = tmp_path / "txt"
    result = _cli(str(out), "--format", "txt", "--status", "any", "--db", str(db))
    assert result.returncode == 0, result.stderr
    files = list(out.glob("*.txt"))
    assert len(files) == 8 and len({f.name.casefold() for f in files}) == 8
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".banmian-export", *(f.name for f in files)]
    )
    for f in files:
        assert f.resolve().parent == out.resolve() and f.is_file()
        assert len(f.name.encode()) <= 255 and not f.name.startswith(".")
        assert not set(f.name) & set('/\\:"<>|?*\n\r\t')
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".txt")]  # temporaries


def test_segmentation_export_is_the_page_json(db, tmp_path):
    out = tmp_path / "seg.jsonl"
    result = _cli(str(out), "--format", "segmentation", "--status", "any", "--db", str(db))
    assert result.returncode == 0 and "exported 1 pages" in result.stdout
    (page,) = _jsonl(out)
    assert page["source"] == "sample_page.txt" and len(page["articles"]) == 8
    assert page["unassigned"] == [] and page["date"] == "2023-02-03"
    assert page["articles"][0]["blocks"][0]["lines"] and "status" in page


def test_parquet_without_pyarrow_names_the_extra(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "a.parquet"
    args = cli.parse(["export", str(out), "--status", "any", "--db", str(db)])
    assert cli_export.run(args) == 2
    assert "pip install 'banmian[parquet]'" in capsys.readouterr().err
    assert not out.exists()


def test_parquet_round_trip(db, tmp_path):
    pytest.importorskip("pyarrow")
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "a.parquet"
    result = _cli(str(out), "--status", "any", "--db", str(db))
    assert result.returncode == 0, result.stderr
    table = pandas.read_parquet(out)
    rows = list(select_articles(Store(db), ExportFilters(status="any")))
    assert list(table["id"]) == [r["id"] for r in rows]
    assert list(table["text"]) == [r["text"] for r in rows]
    assert list(table.iloc[1]["authors"]) == ["丁霞", "刘丽娜"]


@pytest.mark.parametrize("fmt, name", [("jsonl", "a.jsonl"), ("csv", "a.csv"), ("txt", "txt")])
def test_a_failure_midway_leaves_no_output(db, tmp_path, monkeypatch, fmt, name):
    real_row, calls = export_rows.article_row, []

    def failing_row(*args):
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("disk on fire")
        return real_row(*args)

    monkeypatch.setattr(export_rows, "article_row", failing_row)
    folder = tmp_path / "out"
    folder.mkdir()
    store = Store(db)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export_articles(store, folder / name, fmt, ExportFilters(status="any"))
    assert list(folder.iterdir()) == []  # neither the target nor a temporary file
    if fmt != "txt":  # an earlier export survives a failed one
        monkeypatch.setattr(export_rows, "article_row", real_row)
        export_articles(store, folder / name, fmt, ExportFilters(status="any"))
        previous = (folder / name).read_bytes()
        monkeypatch.setattr(export_rows, "article_row", failing_row)
        calls.clear()
        with pytest.raises(RuntimeError):
            export_articles(store, folder / name, fmt, ExportFilters(status="any"))
        assert [p.name for p in folder.iterdir()] == [name]
        assert (folder / name).read_bytes() == previous
    store.close()


def test_progress_reaches_the_total_and_queries_do_not_grow_per_article(db, tmp_path):
    store = Store(db)
    seen: list[tuple[int, int]] = []
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    result = export_articles(
        store,
        tmp_path / "p.jsonl",
        "jsonl",
        ExportFilters(status="any"),
        lambda done, total: seen.append((done, total)),
    )
    store.db.conn.set_trace_callback(None)
    assert result.count == 8 and seen[0] == (0, 8) and seen[-1] == (8, 8)
    # count, pages, the links' chains, and four per batch of pages
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 7
    store.close()


def test_targets_that_cannot_be_written_are_refused(db, tmp_path):
    store = Store(db)
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "notes.md").write_text("mine", "utf-8")
    with pytest.raises(ExportError, match="is a folder"):
        export_articles(store, tmp_path / "folder", "jsonl", ExportFilters(status="any"))
    with pytest.raises(ExportError, match="other than an earlier TXT export"):
        export_articles(store, tmp_path / "folder", "txt", ExportFilters(status="any"))
    assert (tmp_path / "folder" / "notes.md").read_text("utf-8") == "mine"
    with pytest.raises(ExportError, match="unknown format"):
        export_articles(store, tmp_path / "x", "xml", ExportFilters(status="any"))
    with pytest.raises(ExportError, match="unknown status"):
        ExportFilters(status="done")
    # a second TXT export replaces the first
    export_articles(store, tmp_path / "txt", "txt", ExportFilters(status="any"))
    export_articles(store, tmp_path / "txt", "txt", ExportFilters(status="any", tag="none"))
    assert len(list((tmp_path / "txt").glob("*.txt"))) == 8  # nothing to export: left alone
    store.close()
