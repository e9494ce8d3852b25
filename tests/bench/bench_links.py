"""Issue 12's acceptance measurement: links across pages and the whole-article export.

Run on demand: `python tests/bench/bench_links.py [--days 20 …] [--seeds 0 …]
[--keep DIR] [--datasets-python PYTHON]`. Lays out `--days` issues with
tests/continued_pages.py from each seed (front pages continued on inner pages, two or
more fragments continued on the same page, marks whose page is missing, misprinted page
numbers), links them as an import does, and prints, for one corpus:

- links right with no doubt (target ≥ 95%), wrong or missing ones and how many of those
  carry a doubt (target: all), links invented (target: none), missing pages listed;
- the JSONL export: one record per whole article, each continued article's text equal
  to the original's, and two exports of different days concatenated in pandas with one
  type per column, read by pyarrow with the export's own schema; with
  `--datasets-python` (an interpreter that has Hugging Face `datasets`, which banmian's
  test extra does not pull in), each export loaded by `datasets` and the two
  concatenated.

With several day counts or seeds it prints the link figures of each corpus on a line,
and pooled: right with no doubt, wrong with no doubt (target 0), invented (target 0),
wrong or missing with a doubt, misprinted links right with no doubt, missing marks
listed; and whether the export's records and texts were right.
tests/test_link_acceptance.py asserts the same figures on ten days of three seeds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.corpus.links import LINK, link_issues, missing_marks  # noqa: E402
from banmian.core.corpus.store import Store  # noqa: E402
from banmian.core.export.articles import ExportFilters, export_articles  # noqa: E402

from tests import continued_pages as cp  # noqa: E402

Key = tuple[int, str]


@dataclass
class LinkFigures:
    true_links: int = 0
    right_no_doubt: int = 0
    wrong_or_missing: list[tuple[Key, Key]] = field(default_factory=list)
    wrong_with_doubt: int = 0
    right_with_doubt: int = 0
    invented: list[tuple[Key, Key]] = field(default_factory=list)
    missing_marks: int = 0
    missing_listed: int = 0
    missing_with_doubt: int = 0
    misprinted: int = 0  # true links one of whose marks names a wrong page …
    misprinted_right: int = 0  # … and of those, right with no doubt
    shared_pages: int = 0  # pages holding two tails or more

    def __add__(self, other: LinkFigures) -> LinkFigures:
        return LinkFigures(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(LinkFigures))
        )

    @property
    def right_share(self) -> float:
        return self.right_no_doubt / max(1, self.true_links)

    def lines(self) -> list[str]:
        return [
            f"links right with no doubt: {self.right_no_doubt}/{self.true_links}"
            f" ({self.right_share:.1%}; target ≥ 95%)",
            f"right but doubted: {self.right_with_doubt}",
            f"wrong or missing: {len(self.wrong_or_missing)}, of which with a doubt:"
            f" {self.wrong_with_doubt} (target: all)",
            f"links invented: {len(self.invented)} (target: 0)",
            f"marks whose page is missing: {self.missing_marks}, listed by `link --missing`:"
            f" {self.missing_listed}, with a doubt (an unlinked tail names their page):"
            f" {self.missing_with_doubt}",
            f"misprinted marks: {self.misprinted} links, right with no doubt:"
            f" {self.misprinted_right}; pages holding two tails or more: {self.shared_pages}",
        ]

    def row(self) -> str:
        """The figures on one line, as the sweep prints them."""
        return (
            f"{self.right_no_doubt:5}/{self.true_links:<5} {self.right_share:7.1%}"
            f" {len(self.wrong_or_missing) - self.wrong_with_doubt:>9}"
            f" {len(self.invented):>8} {self.wrong_with_doubt:>12}"
            f" {self.misprinted_right:>5}/{self.misprinted:<5}"
            f" {self.missing_listed:>4}/{self.missing_marks:<4}"
        )

    @property
    def met(self) -> bool:
        return (
            self.right_share >= 0.95
            and self.wrong_with_doubt == len(self.wrong_or_missing)
            and not self.invented
        )


def measure_links(store: Store, corpus: dict) -> LinkFigures:
    """Compare the stored links and link doubts with the corpus' truth."""
    stored = {
        (fp, fa): (tp, ta)
        for fp, fa, tp, ta in store.db.execute(
            "SELECT from_page, from_article, to_page, to_article FROM links"
            " WHERE to_page IS NOT NULL"
        )
    }
    doubted = set()
    for page_id, article_id, raw in store.db.execute(
        "SELECT page_id, article_id, doubts FROM articles"
    ):
        if any(d["about"] == LINK for d in json.loads(raw or "[]")):
            doubted.add((page_id, article_id))
    listed = {(m.fragment.page_id, m.fragment.article_id) for m in missing_marks(store)}
    figures = LinkFigures()
    truth: dict[Key, Key] = {}
    misprinted: set[Key] = set()
    for ids, issue in corpus.values():
        for (head_page, head), (tail_page, tail) in issue.links.items():
            truth[(ids[head_page], head)] = (ids[tail_page], tail)
        misprinted |= {(ids[page], head) for page, head in issue.misprinted}
        figures.shared_pages += len(issue.shared_pages)
        for page_no, article in issue.missing:
            key = (ids[page_no], article)
            figures.missing_marks += 1
            figures.missing_listed += key in listed
            figures.missing_with_doubt += key in doubted
    figures.true_links = len(truth)
    figures.misprinted = len(misprinted)
    for head, tail in truth.items():
        doubt = head in doubted or tail in doubted
        if stored.get(head) == tail:
            figures.right_no_doubt += not doubt
            figures.misprinted_right += head in misprinted and not doubt
            figures.right_with_doubt += doubt
        else:
            figures.wrong_or_missing.append((head, tail))
            figures.wrong_with_doubt += doubt
    figures.invented = [(h, t) for h, t in stored.items() if truth.get(h) != t]
    return figures


@dataclass
class ExportFigures:
    records: int = 0
    expected_records: int = 0
    whole_articles: int = 0
    whole_linked: int = 0  # continued articles written whole (their link was sure)
    whole_equal: int = 0
    duplicated_titles: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"exported records: {self.records} (expected {self.expected_records}:"
            " one per whole article)",
            f"continued articles written whole: {self.whole_linked}/{self.whole_articles}"
            f" (the rest as fragments: their link is a doubt); text equal to the original:"
            f" {self.whole_equal}/{self.whole_linked}",
            f"articles written twice: {len(self.duplicated_titles)}",
            *(f"problem: {p}" for p in self.problems),
        ]


def measure_export(store: Store, corpus: dict, out: Path) -> ExportFigures:
    """One whole-article JSONL of every page; each continued article once, whole."""
    export_articles(store, out, "jsonl", ExportFilters(status="any"))
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    figures = ExportFigures(records=len(rows))
    (articles,) = store.db.execute("SELECT count(*) FROM articles").fetchone()
    (links,) = store.db.execute("SELECT count(*) FROM links WHERE to_page IS NOT NULL").fetchone()
    figures.expected_records = articles - links
    for date, (_ids, issue) in corpus.items():
        of_day = [r for r in rows if r["date"] == date]
        for title, text in issue.whole.items():
            found = [r for r in of_day if r["title"] == title]
            figures.whole_articles += 1
            if len(found) == 1 and len(found[0]["pages"]) > 1:
                figures.whole_linked += 1
                figures.whole_equal += found[0]["text"] == text
            if len(found) > 1:
                figures.duplicated_titles.append(f"{date} {title}")
    return figures


def batches_concatenate(store: Store, folder: Path, split: str) -> list[str]:
    """Export the days up to `split` and those after it as two JSONL files and check
    that they concatenate with one type per field: pandas (each column's values of one
    Python type), pyarrow (each file read with the export's own schema, and the two
    inferred schemas unify). Returns the problems found (none: [])."""
    import pandas as pd
    from banmian.core.export.formats import FIELDS

    first, second = folder / "first.jsonl", folder / "second.jsonl"
    export_articles(store, first, "jsonl", ExportFilters(status="any", until=split))
    export_articles(store, second, "jsonl", ExportFilters(status="any", since=_next(split)))
    problems = []
    frame = pd.concat([pd.read_json(p, lines=True, dtype=False) for p in (first, second)])
    if list(frame.columns) != list(FIELDS):
        problems.append(f"pandas columns {list(frame.columns)}")
    for name in frame.columns:
        kinds = {type(v).__name__ for v in frame[name] if not _null(v)}
        if len(kinds) > 1:  # one type, or none where every row is null
            problems.append(f"pandas: {name} holds {sorted(kinds)}")
    try:
        import pyarrow as pa
        import pyarrow.json as pj
        from banmian.core.export.formats import parquet_schema
    except ImportError:
        problems.append("pyarrow is not installed: schema not checked")
        return problems
    schema = parquet_schema(pa)
    options = pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    for path in (first, second):
        try:
            table = pj.read_json(path, parse_options=options)
        except pa.ArrowInvalid as exc:
            problems.append(f"pyarrow: {path.name} does not fit the schema: {exc}")
            continue
        if table.schema != schema:
            problems.append(f"pyarrow: {path.name} read as {table.schema}")
    try:
        pa.unify_schemas(
            [pj.read_json(p).schema for p in (first, second)], promote_options="permissive"
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        problems.append(f"pyarrow: the two exports' schemas do not unify: {exc}")
    return problems


def _null(value: object) -> bool:
    """None, or the NaN pandas puts for null in a column that is all null in one file."""
    return value is None or (isinstance(value, float) and value != value)


def _next(day: str) -> str:
    import datetime

    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()


DATASETS_CHECK = """
import sys, datasets
datasets.disable_progress_bars()
parts = [datasets.load_dataset("json", data_files=p, split="train") for p in sys.argv[1:]]
both = datasets.concatenate_datasets(parts)
print(len(both), "rows;", ", ".join(f"{k}: {v}" for k, v in both.features.items()
      if k in ("page", "pages", "authors", "tags", "continued_from", "parts")))
"""


def datasets_check(python: str, files: list[Path]) -> str:
    """Load each export with Hugging Face `datasets` in another interpreter and
    concatenate them; its one-line answer, or the error."""
    done = subprocess.run(
        [python, "-c", DATASETS_CHECK, *map(str, files)], capture_output=True, text=True
    )
    if done.returncode:
        return "FAILED: " + done.stderr.strip().splitlines()[-1]
    return done.stdout.strip()


def one_corpus(folder: Path, days: int, seed: int) -> tuple[Store, dict, float]:
    """A fresh database in `folder` holding `days` laid-out issues (`seed`), linked;
    the store, the corpus' truth and the seconds linking took."""
    (folder / "links.db").unlink(missing_ok=True)
    store = Store(folder / "links.db")
    corpus = cp.continued_corpus(store, days=days, seed=seed)
    started = time.perf_counter()
    link_issues(store)
    return store, corpus, time.perf_counter() - started


def sweep(folder: Path, days: list[int], seeds: list[int]) -> bool:
    """The link figures of every (days, seed) corpus on a line each, and pooled."""
    print(
        f"{'days':>4} {'seed':>4} {'right, no doubt':>19} {'wrong-no-doubt':>9}"
        f" {'invented':>8} {'wrong-doubt':>12} {'misprint ok':>11} {'missing':>9}  export"
    )
    pooled = LinkFigures()
    exports_ok = True
    for n in days:
        for seed in seeds:
            store, corpus, _took = one_corpus(folder, n, seed)
            links = measure_links(store, corpus)
            export = measure_export(store, corpus, folder / "whole.jsonl")
            store.close()
            ok = export.records == export.expected_records and (
                export.whole_equal == export.whole_linked
            )
            exports_ok &= ok
            pooled += links
            print(f"{n:>4} {seed:>4} {links.row()}  {'ok' if ok else 'WRONG'}")
    print(f"{'all':>9} {pooled.row()}")
    return exports_ok and pooled.met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, nargs="+", default=[20])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--keep", type=Path, help="keep the database and exports here")
    parser.add_argument("--datasets-python", help="an interpreter with `datasets` installed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        if len(args.days) > 1 or len(args.seeds) > 1:
            ok = sweep(folder, args.days, args.seeds)
            print("acceptance (pooled):", "met" if ok else "NOT met")
            return 0 if ok else 1
        store, corpus, took = one_corpus(folder, args.days[0], args.seeds[0])
        (pages,) = store.db.execute("SELECT count(*) FROM pages").fetchone()
        print(f"{len(corpus)} issues, {pages} pages; linked in {took:.2f} s")
        links = measure_links(store, corpus)
        print("\n".join(links.lines()))
        export = measure_export(store, corpus, folder / "whole.jsonl")
        print("\n".join(export.lines()))
        split = sorted(corpus)[len(corpus) // 2 - 1]
        problems = batches_concatenate(store, folder, split)
        print(
            f"two exports (to {split}, after it) concatenated in pandas and pyarrow: "
            + ("one type per field" if not problems else "; ".join(problems))
        )
        if args.datasets_python:
            files = [folder / "first.jsonl", folder / "second.jsonl"]
            print("datasets:", datasets_check(args.datasets_python, files))
        store.close()
        ok = (
            links.met
            and export.records == export.expected_records
            and export.whole_equal == export.whole_linked
            and not problems
        )
        print("acceptance:", "met" if ok else "NOT met")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
