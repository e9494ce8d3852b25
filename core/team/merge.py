"""Bring annotators' verified and curated pages back into the main database.

Months of work meet here, so a merge never decides between two people silently:

- every annotator's version of a page is a *claim* (its fingerprint, core.team.versions);
  the claims of the files given now, and those files merged earlier remembered in
  `merges`, must agree — else the page is reported and left for curation;
- a curated version (someone resolved the disagreement, `pages.curated_by`) wins over
  the claims it resolved; a page curated in the main database is kept as it is;
- a page changed in the main database since the batch (or since the last merge wrote
  it) is not written over either;
- each annotator file's edit log comes along, from where the last merge stopped, and
  the page's status and annotator with it; running the same merge again changes nothing;
- the links (下转/上接) annotators set on merged pages follow, by the same rules
  (core.team.merge_links);
- a page of a file that `main` does not hold is listed, never added: the files come
  from `main`, so such a page was deleted there, or added in the annotator's file
  without its source file (an import's job).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from banmian.core.corpus.store import Store, StoreError, now, page_place
from banmian.core.team.info import TeamInfo, team_info
from banmian.core.team.merge_links import LinkOutcome, merge_links
from banmian.core.team.versions import PageVersion, read_versions


@dataclass
class MergeReport:
    merged: list[str] = field(default_factory=list)  # "place: from A, B"
    unchanged: int = 0
    kept_curated: int = 0
    conflicts: list[str] = field(default_factory=list)
    waiting: int = 0  # pages handed out that no file gives as verified yet
    log_rows: int = 0
    not_in_main: list[str] = field(default_factory=list)  # "place: why", never added
    links: LinkOutcome = field(default_factory=LinkOutcome)

    @property
    def left_alone(self) -> bool:
        """Whether anything was left for someone to decide (the command's exit status)."""
        return bool(self.conflicts or self.links.conflicts)

    def summary(self) -> str:
        lines = [f"merged {p}" for p in self.merged]
        lines += [f"merged {link}" for link in self.links.merged]
        lines += [f"not in main: {p}" for p in self.not_in_main]
        lines += [f"NOT MERGED {c}" for c in self.conflicts + self.links.conflicts]
        lines.append(
            f"{len(self.merged)} pages merged, {self.unchanged} already up to date, "
            f"{self.kept_curated} kept as curated here, {len(self.conflicts)} left for "
            f"curation, {self.waiting} not verified yet, {len(self.not_in_main)} not in "
            f"main; {self.log_rows} edit log rows added"
        )
        links = self.links
        if links.merged or links.unchanged or links.conflicts or links.waiting:
            lines.append(
                f"links: {len(links.merged)} merged, {links.unchanged} already up to date, "
                f"{len(links.conflicts)} left alone, {links.waiting} waiting for their pages"
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class Source:
    """One annotator's file as the merge reads it."""

    store: Store
    info: TeamInfo
    verified: dict[str, PageVersion]  # content hash → version
    handed: dict[str, str]  # content hash → base fingerprint, for the pages it was given

    @property
    def name(self) -> str:
        return self.info.annotator or Path(self.store.path).stem


def open_sources(main: Store, stores: list[Store]) -> list[Source]:
    """Check that every file was batched from `main` (by id: paths change) and read it."""
    main_id = team_info(main).id
    if not main_id:
        raise StoreError(f"{main.path} has handed out no batch; nothing can be merged into it")
    sources = []
    seen: set[str] = set()
    for store in stores:
        info = team_info(store)
        if info.origin_id != main_id:
            raise StoreError(f"{store.path} was not batched from {main.path}")
        if info.id in seen:
            raise StoreError(f"{store.path} is given twice")
        seen.add(info.id)
        handed = {
            r["content_hash"]: r["base"]
            for r in store.rows(
                "SELECT content_hash, base FROM assignments WHERE annotator = ?", [info.annotator]
            )
        }
        sources.append(Source(store, info, read_versions(store), handed))
    return sources


def merge(main: Store, stores: list[Store]) -> MergeReport:
    """Merge every file's verified and curated pages into `main`, then the links its
    annotator set on them (see the module and core.team.merge_links)."""
    sources = open_sources(main, stores)
    report = MergeReport()
    wanted = {h for s in sources for h in s.handed} | {h for s in sources for h in s.verified}
    mains = read_versions(main, hashes=wanted)
    settled: dict[str, set[str]] = {s.info.id: set() for s in sources}
    disputed: set[str] = set()
    for content_hash in sorted(wanted, key=lambda h: mains[h].page_id if h in mains else 0):
        giving = [s for s in sources if content_hash in s.verified]
        here = mains.get(content_hash)
        if here is None:
            report.not_in_main.append(_not_in_main(main, content_hash, sources))
            continue
        if not giving:
            report.waiting += 1
            continue
        if _merge_page(main, here, giving, report):
            for source in giving:
                settled[source.info.id].add(content_hash)
        else:
            disputed.add(content_hash)
    report.links = merge_links(main, sources, settled, disputed)
    return report


def _not_in_main(main: Store, content_hash: str, sources: list[Source]) -> str:
    """Why a page of the files is not in `main`, which is never given it: every file was
    batched from `main` (open_sources), so a page handed out and gone was deleted there
    on purpose; one never handed out was added in the annotator's file, and belongs in
    `main` by an import, with its file and metadata, not by a merge."""
    having = [s for s in sources if content_hash in s.handed or content_hash in s.verified]
    row = next(
        having[0].store.rows(
            "SELECT source_file, newspaper, date, page_no FROM pages WHERE content_hash = ?",
            [content_hash],
        ),
        None,
    )
    place = content_hash[:12]
    if row:
        where = page_place(row["newspaper"] or "", row["date"] or "", row["page_no"] or "")
        place = where or row["source_file"] or place
    names = ", ".join(sorted(s.name for s in having))
    if any(content_hash in s.handed for s in having):
        return (
            f"{place}: handed out to {names} but deleted from {main.path.name} since; "
            "not added back"
        )
    return f"{place}: added in {names}'s file, never handed out; import it into {main.path.name}"


def _claims(main: Store, content_hash: str, giving: list[Source]) -> dict[str, str]:
    """Annotator → the fingerprint they claim: the files given now, and what earlier
    merges brought from other files."""
    now_given = {s.info.id for s in giving}
    claims = {
        r["annotator"]: r["fingerprint"]
        for r in main.rows(
            "SELECT source, annotator, fingerprint FROM merges WHERE content_hash = ?",
            [content_hash],
        )
        if r["source"] not in now_given and r["fingerprint"]
    }
    claims.update({s.name: s.verified[content_hash].fingerprint for s in giving})
    return claims


def _merge_page(main: Store, here: PageVersion, giving: list[Source], report: MergeReport) -> bool:
    """Merge one page; False when it is left for curation."""
    content_hash = here.content_hash
    row = main.page_row(here.page_id)
    place = here.place or f"page {here.page_id}"
    curated = [s for s in giving if s.verified[content_hash].curated_by]
    if here.curated_by and not curated:
        report.kept_curated += 1
        _bring_logs(main, here, giving, report)
        return True
    if curated:
        claims = {s.name: s.verified[content_hash].fingerprint for s in curated}
    else:
        claims = _claims(main, content_hash, giving)
    if len(set(claims.values())) > 1:
        said = ", ".join(sorted(claims))
        report.conflicts.append(f"{place}: verified differently by {said}, not curated")
        _remember_claims(main, content_hash, giving)
        return False
    (target,) = set(claims.values())
    chosen = next(s for s in (curated or giving) if s.verified[content_hash].fingerprint == target)
    version = chosen.verified[content_hash]
    reference = row["merged"] or chosen.handed.get(content_hash)
    if here.fingerprint != target and here.fingerprint != reference:
        report.conflicts.append(
            f"{place}: changed in {main.path.name} since it was handed out, and by "
            f"{', '.join(sorted(claims))}"
        )
        _remember_claims(main, content_hash, giving)
        return False
    who = version.curated_by or ", ".join(sorted(claims))
    needs_page = (
        here.fingerprint != target
        or row["status"] != "verified"
        or (row["curated_by"] or "") != version.curated_by
    )
    stamp = now()
    with main.writing():
        if needs_page:
            if here.fingerprint != target:
                main.replace_rows(here.page_id, chosen.store.load(version.page_id))
            main.db.execute(
                "UPDATE pages SET status = 'verified', annotator = ?, curated_by = ?, "
                "merged = ?, updated_at = ? WHERE id = ?",
                [who, version.curated_by or None, target, stamp, here.page_id],
            )
        _bring_logs(main, here, giving, report, stamp)
        if needs_page:
            detail = {"from": sorted(claims), "version": target}
            if version.curated_by:
                detail["curated_by"] = version.curated_by
            main.log(here.page_id, "merge", detail, stamp)
    if needs_page:
        report.merged.append(f"{place}: from {who}")
    else:
        report.unchanged += 1
    return True


def _bring_logs(
    main: Store,
    here: PageVersion,
    giving: list[Source],
    report: MergeReport,
    stamp: str | None = None,
) -> int:
    """Each file's edit log rows of the page that no merge brought yet (the batch's own
    row stays behind), with who made them and when; and each file's claim remembered."""
    stamp = stamp or now()
    added = 0
    with main.writing():
        for source in giving:
            version = source.verified[here.content_hash]
            mark = next(
                main.rows(
                    "SELECT last_log_id, fingerprint FROM merges "
                    "WHERE source = ? AND content_hash = ?",
                    [source.info.id, here.content_hash],
                ),
                None,
            )
            last = mark["last_log_id"] if mark else 0
            rows = list(
                source.store.db.execute(
                    "SELECT id, at, annotator, action, detail FROM edit_log "
                    "WHERE page_id = ? AND id > ? ORDER BY id",
                    [version.page_id, last],
                )
            )
            if not rows and mark and mark["fingerprint"] == version.fingerprint:
                continue
            main.db.conn.executemany(
                "INSERT INTO edit_log (page_id, at, annotator, action, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                [(here.page_id, *r[1:]) for r in rows if r[3] != "batch"],
            )
            added += sum(r[3] != "batch" for r in rows)
            main.db.execute(
                "INSERT OR REPLACE INTO merges "
                "(source, content_hash, annotator, last_log_id, fingerprint, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    source.info.id,
                    here.content_hash,
                    source.name,
                    rows[-1][0] if rows else last,
                    version.fingerprint,
                    stamp,
                ],
            )
    report.log_rows += added
    return added


def _remember_claims(main: Store, content_hash: str, giving: list[Source]) -> None:
    """What each file said of a page left for curation, so that merging the files one
    at a time later still sees them differ (no log rows come along yet)."""
    known = {
        r["source"]: r["fingerprint"]
        for r in main.rows(
            "SELECT source, fingerprint FROM merges WHERE content_hash = ?", [content_hash]
        )
    }
    fresh = [
        (s.info.id, content_hash, s.name, s.verified[content_hash].fingerprint, now())
        for s in giving
        if known.get(s.info.id) != s.verified[content_hash].fingerprint
    ]
    if not fresh:
        return
    with main.writing():
        main.db.conn.executemany(
            "INSERT INTO merges (source, content_hash, annotator, last_log_id, fingerprint, at) "
            "VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (source, content_hash) DO UPDATE SET "
            "fingerprint = excluded.fingerprint, annotator = excluded.annotator, at = excluded.at",
            fresh,
        )
