"""Hand out a main database's pages: one new database per annotator.

Each annotator works offline in a file of their own, the way one annotator always has;
the file carries everything the window needs for its pages (the pipeline's proposal and
search rows, the tag vocabulary, the line models in use and those that proposed its
pages, the links between its pages), and knows whose it is and where it came from (the
`team` table). A share of pages (`overlap`) goes to two annotators, so that agreement can
be measured on them. The main database records every assignment with the fingerprint of
the version handed out: merge tells from it whether a page changed on either side since.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from banmian.core.corpus.rows import json_text
from banmian.core.corpus.store import Store, StoreError, now
from banmian.core.team.info import ensure_id, set_team_keys
from banmian.core.team.versions import read_versions

# table → the pages it holds rows of (`where` over the attached main database `origin`)
COPIED = (
    ("pages", "id IN (SELECT id FROM temp.chosen)"),
    ("articles", "page_id IN (SELECT id FROM temp.chosen)"),
    ("blocks", "page_id IN (SELECT id FROM temp.chosen)"),
    ("article_tags", "page_id IN (SELECT id FROM temp.chosen)"),
    ("tag_vocabulary", "1"),
    (
        "models",
        "in_use = 1 OR id IN (SELECT proposed_by FROM origin.pages "
        "WHERE id IN (SELECT id FROM temp.chosen))",
    ),
    (
        "links",
        "from_page IN (SELECT id FROM temp.chosen) "
        "AND (to_page IS NULL OR to_page IN (SELECT id FROM temp.chosen))",
    ),
)
SAFE_NAME = re.compile(r"[^\w.-]+")


@dataclass
class BatchReport:
    batch: str
    files: dict[str, Path] = field(default_factory=dict)
    pages: dict[str, list[int]] = field(default_factory=dict)  # annotator → page ids
    shared: list[int] = field(default_factory=list)  # pages given to two annotators
    skipped: int = 0  # pages of the status already handed out in an earlier batch

    def summary(self) -> str:
        lines = [
            f"{name}: {len(self.pages[name])} pages → {path}" for name, path in self.files.items()
        ]
        lines.append(
            f"{sum(len(p) for p in self.pages.values()) - len(self.shared)} pages handed out, "
            f"{len(self.shared)} of them to two annotators"
            + (f"; {self.skipped} already in an earlier batch" if self.skipped else "")
        )
        return "\n".join(lines)


def file_name(annotator: str) -> str:
    """A file name for an annotator's database that every file system takes."""
    stem = SAFE_NAME.sub("_", annotator.strip()).strip("._") or "annotator"
    return f"{stem[:80]}.db"


def plan(page_ids: list[int], annotators: list[str], overlap: float) -> dict[int, list[str]]:
    """Each page's annotators: in turn, and every 1/overlap-th page also to the next
    one in turn, so each pair of annotators shares pages and the shares are even."""
    n = len(annotators)
    out: dict[int, list[str]] = {}
    for i, page_id in enumerate(page_ids):
        who = [annotators[i % n]]
        if n > 1 and math.floor((i + 1) * overlap) > math.floor(i * overlap):
            who.append(annotators[(i + 1) % n])
        out[page_id] = who
    return out


def check_annotators(annotators: list[str], overlap: float) -> list[str]:
    names = [a.strip() for a in annotators if a.strip()]
    if not names:
        raise StoreError("name at least one annotator (--annotators A,B,C)")
    files = [file_name(a).lower() for a in names]
    if len(set(files)) != len(files):
        raise StoreError(f"two annotators would share a file: {', '.join(names)}")
    if not 0 <= overlap <= 1:
        raise StoreError(f"overlap must be between 0 and 1, not {overlap}")
    return names


def make_batch(
    main: Store,
    out_dir: str | Path,
    annotators: list[str],
    overlap: float = 0.1,
    status: str = "new",
) -> BatchReport:
    """Write one database per annotator into `out_dir` (none may exist yet: a file there
    could be someone's work) and record the batch in `main`."""
    names = check_annotators(annotators, overlap)
    out = Path(out_dir)
    targets = {name: out / file_name(name) for name in names}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing:
        raise StoreError(f"{existing[0]} exists already; a batch never writes over a file")
    assigned = {r["content_hash"] for r in main.rows("SELECT content_hash FROM assignments")}
    hashes = {r["id"]: r["content_hash"] for r in main.rows("SELECT id, content_hash FROM pages")}
    candidates = main.pages(status)
    pages = [p.id for p in candidates if hashes[p.id] not in assigned]
    stamp = now()
    with main.writing():
        main_id = ensure_id(main, "main")
    batch = f"{stamp[:19].replace(':', '')}-{main_id[:6]}"
    report = BatchReport(batch, skipped=len(candidates) - len(pages))
    if not pages:
        return report
    who = plan(pages, names, overlap)
    base = {v.page_id: v for v in read_versions(main, hashes=[hashes[p] for p in pages]).values()}
    rows = [
        (batch, base[p].content_hash, name, base[p].fingerprint, stamp)
        for p in pages
        for name in who[p]
    ]
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        mine = [p for p in pages if name in who[p]]
        report.pages[name] = mine
        report.files[name] = targets[name]
        theirs = {hashes[p] for p in mine}
        origin = {"annotator": name, "origin_id": main_id, "batch": batch}
        _write_file(main, targets[name], origin, mine, [r for r in rows if r[1] in theirs])
    report.shared = [p for p in pages if len(who[p]) > 1]
    with main.writing():
        main.db.conn.executemany(
            "INSERT INTO assignments (batch, content_hash, annotator, base, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        main.db.conn.executemany(
            "INSERT INTO edit_log (page_id, at, annotator, action, detail) VALUES (?, ?, ?, ?, ?)",
            [
                (p, stamp, main.annotator, "batch", json_text({"batch": batch, "to": who[p]}))
                for p in pages
            ],
        )
    return report


def _columns(store: Store, table: str, schema: str = "main") -> list[str]:
    return [r[1] for r in store.db.execute(f"PRAGMA {schema}.table_info([{table}])")]


def _write_file(
    main: Store, target: Path, origin: dict[str, str], page_ids: list[int], assignments: list
) -> None:
    """The annotator's database in one transaction: the pages' rows copied from `main` as
    they are, and whose file it is."""
    store = Store(target, annotator=main.annotator)
    try:
        store.db.execute("ATTACH DATABASE ? AS origin", [str(main.path)])
        try:
            with store.writing():
                store.db.execute("CREATE TEMP TABLE chosen (id INTEGER PRIMARY KEY)")
                store.db.conn.executemany(
                    "INSERT INTO temp.chosen VALUES (?)", [(p,) for p in page_ids]
                )
                for table, where in COPIED:
                    theirs = set(_columns(store, table, "origin"))
                    columns = ", ".join(f"[{c}]" for c in _columns(store, table) if c in theirs)
                    store.db.execute(
                        f"INSERT INTO main.[{table}] ({columns}) "
                        f"SELECT {columns} FROM origin.[{table}] WHERE {where}"
                    )
                store.reindex(page_ids)  # the index keeps no words to copy
                store.db.conn.executemany(
                    "INSERT INTO assignments (batch, content_hash, annotator, base, created_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    assignments,
                )
                stamp = now()
                store.db.conn.executemany(
                    "INSERT INTO edit_log (page_id, at, annotator, action, detail) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (p, stamp, main.annotator, "batch", json_text({"to": origin["annotator"]}))
                        for p in page_ids
                    ],
                )
                ensure_id(store, "annotator")
                set_team_keys(
                    store, role="annotator", origin=str(Path(main.path).resolve()), **origin
                )
                store.db.execute("DROP TABLE temp.chosen")
        finally:
            store.db.execute("DETACH DATABASE origin")
    finally:
        store.close()
