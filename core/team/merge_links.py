"""Bring annotators' page links (下转/上接) back into the main database with their pages.

A link names two articles on two pages, so it cannot ride along with one page's rows the
way blocks and tags do; the merge brings it after the pages, by the same rules:

- an annotator's *claim* is a `user` row of their file made after the file was batched
  (older rows are the main database's own, copied out); it comes back once a page it
  names is merged (or already up to date) from that file and not left for curation, and
  every article it names is found in the main database (by its lines: article ids may
  differ between a curated page and an annotator's);
- an annotator's link wins over the linker's (`auto` rows); two files that claim
  different links for one article (or two articles for one tail), now or in an earlier
  merge, are reported and left alone, and so is a link set in the main database since
  the batch;
- writes go through core.corpus.continuations.set_link (both ends replaced, link doubts
  dropped, logged), and each claim is remembered in the edit log (`merge_link`, on the
  head's page): that is the page's history anyway, and it lets files merged one at a
  time still be seen to differ without another table. Running the merge again finds
  every link as claimed and writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from banmian.core.corpus import continuations
from banmian.core.corpus.links import fragment_ref
from banmian.core.corpus.rows import json_text
from banmian.core.corpus.store import Store, now, page_place
from banmian.core.team.versions import PageVersion, Unit, read_versions

if TYPE_CHECKING:
    from banmian.core.team.merge import Source

End = tuple[int, str]  # (page id in the main database, article id)


@dataclass(frozen=True)
class Claim:
    """What one file says an article continues in (`tail` None: nowhere)."""

    source: str  # the file's team id
    name: str  # its annotator
    head: End
    tail: End | None
    stamp: str = ""  # when the file was batched; "" for a claim remembered from before


@dataclass
class LinkOutcome:
    merged: list[str] = field(default_factory=list)  # "p1 A1 → p2 B2: from A"
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    waiting: int = 0  # claims whose pages are not merged (yet)


def _lines(unit: Unit) -> frozenset[int]:
    return frozenset(n for first, last, _role in unit.blocks for n in range(first, last + 1))


def _same_article(theirs: PageVersion, article_id: str, ours: PageVersion) -> str | None:
    """The main database's article covering exactly the lines `article_id` covers in the
    annotator's version of the page (None: none, or not one)."""
    unit = next((u for u in theirs.units if u.article_id == article_id), None)
    if unit is None:
        return None
    found = [u.article_id for u in ours.units if u.article_id and _lines(u) == _lines(unit)]
    return found[0] if len(found) == 1 else None


def file_claims(
    main: Store, source: Source, settled: set[str], disputed: set[str]
) -> tuple[list[Claim], int]:
    """The file's link claims in the main database's terms, and how many wait for pages
    not merged. `settled`: hashes of pages this merge took (or found) from the file;
    `disputed`: pages left for curation."""
    batched = next(
        source.store.db.execute(
            "SELECT min(created_at) FROM assignments WHERE annotator = ?", [source.info.annotator]
        )
    )[0]
    if not batched:
        return [], 0
    # no continuations function reads a row's age or lists an article's own decisions
    rows = source.store.db.execute(
        "SELECT from_page, from_article, to_page, to_article FROM links "
        "WHERE source = 'user' AND created_at > ? ORDER BY from_page, from_article",
        [batched],
    ).fetchall()
    if not rows:
        return [], 0
    hashes = dict(source.store.db.execute("SELECT id, content_hash FROM pages").fetchall())
    named = {hashes[p] for r in rows for p in (r[0], r[2]) if p in hashes}
    theirs = {v.page_id: v for v in read_versions(source.store, hashes=named).values()}
    ours = read_versions(main, hashes=named)
    claims, waiting = [], 0
    for from_page, from_article, to_page, to_article in rows:
        ends = [(from_page, from_article)] + ([(to_page, to_article)] if to_page else [])
        pages = [hashes.get(p) for p, _a in ends]
        verified = [h for h in pages if h in source.verified]
        if (
            None in pages
            or not any(h in settled for h in verified)
            or any(h in disputed for h in pages)
        ):
            waiting += 1
            continue
        mapped: list[End] = []
        for (page, article), digest in zip(ends, pages, strict=True):
            here = ours.get(digest)
            article_here = here and _same_article(theirs[page], article, here)
            if not article_here:
                break
            mapped.append((here.page_id, article_here))
        if len(mapped) != len(ends):
            waiting += 1
            continue
        tail = mapped[1] if len(mapped) > 1 else None
        claims.append(Claim(source.info.id, source.name, mapped[0], tail, batched))
    return claims, waiting


def remembered(main: Store) -> dict[tuple[str, End], Claim]:
    """(file id, head) → the last claim an earlier merge recorded for it."""
    out: dict[tuple[str, End], Claim] = {}
    for row in main.rows(
        "SELECT page_id, detail FROM edit_log WHERE action = 'merge_link' ORDER BY id"
    ):
        detail = json.loads(row["detail"] or "{}")
        head = (row["page_id"], detail["article"])
        tail = tuple(detail["to"]) if detail.get("to") else None
        out[(detail["source"], head)] = Claim(detail["source"], detail["from"], head, tail)
    return out


def _describe(main: Store, end: End | None, full: bool = False) -> str:
    """`p2 B1` (`full`: `测试报 2024-01-01 p.1 A1`), or "nowhere" for no tail."""
    if end is None:
        return "nowhere"
    row = main.page_row(end[0])
    if full:
        place = page_place(row["newspaper"] or "", row["date"] or "", row["page_no"] or "")
        return f"{place or row['source_file'] or end[0]} {end[1]}"
    return fragment_ref(row["page_no"] or "", end[1])


def _link_age(main: Store, head: End) -> str:
    """When the main database's row of `head` was written ("" when it has none)."""
    row = main.db.execute(
        "SELECT created_at FROM links WHERE from_page = ? AND from_article = ?", list(head)
    ).fetchone()
    return (row[0] or "") if row else ""


def merge_links(
    main: Store,
    sources: list[Source],
    settled: dict[str, set[str]],
    disputed: set[str],
) -> LinkOutcome:
    """Bring the files' link claims into `main` (see the module); `settled` maps each
    file's id to the hashes of the pages merged or up to date from it."""
    outcome = LinkOutcome()
    claims: list[Claim] = []
    for source in sources:
        found, waiting = file_claims(main, source, settled.get(source.info.id, set()), disputed)
        claims += found
        outcome.waiting += waiting
    if not claims:
        return outcome
    known = remembered(main)
    current = {(c.source, c.head): c for c in claims}
    given = {s.info.id for s in sources}  # what these files say now replaces their past
    everyone = {k: c for k, c in known.items() if k[0] not in given}
    everyone.update(current)
    tails_of: dict[End, set] = {}
    heads_of: dict[End, set] = {}
    for c in everyone.values():
        tails_of.setdefault(c.head, set()).add(c.tail)
        if c.tail is not None:
            heads_of.setdefault(c.tail, set()).add(c.head)
    explained = {(c.head, c.tail) for c in known.values()}  # user rows a merge accounts for
    done: set[tuple[End, End | None]] = set()
    reported: set = set()  # ends whose conflict is listed already
    for claim in claims:
        if (claim.head, claim.tail) in done:
            continue
        done.add((claim.head, claim.tail))
        agreeing = sorted(
            {c.name for c in everyone.values() if (c.head, c.tail) == (claim.head, claim.tail)}
        )
        label = f"link {_describe(main, claim.head, full=True)}"
        if len(tails_of[claim.head]) > 1 or (
            claim.tail is not None and len(heads_of[claim.tail]) > 1
        ):
            said = sorted(
                f"{c.name} → {_describe(main, c.tail)}"
                for c in everyone.values()
                if c.head == claim.head or (claim.tail and c.tail == claim.tail)
            )
            if not {claim.head, claim.tail} & reported:
                outcome.conflicts.append(f"{label}: set differently ({', '.join(said)})")
            reported |= {claim.head, claim.tail} - {None}
            _remember(main, [c for c in claims if (c.head, c.tail) == (claim.head, claim.tail)])
            continue
        same = [c for c in claims if (c.head, c.tail) == (claim.head, claim.tail)]
        rows = continuations.link_rows(main, *claim.head)
        own = next((r for r in rows if (r.from_page, r.from_article) == claim.head), None)
        tail_now = (own.to_page, own.to_article) if own and own.to_page is not None else None
        if own is not None and own.source == "user" and tail_now == claim.tail:
            outcome.unchanged += 1
            _remember(main, same)
            continue
        if claim.tail is not None:
            rows += continuations.link_rows(main, *claim.tail)
        if _changed_here(main, rows, explained, claim.stamp):
            outcome.conflicts.append(
                f"{label}: changed in {main.path.name} since it was handed out, and set "
                f"→ {_describe(main, claim.tail)} by {', '.join(agreeing)}"
            )
            _remember(main, same)
            continue
        with main.writing():
            continuations.set_link(main, claim.head, claim.tail)
            _remember(main, same)
        explained.add((claim.head, claim.tail))
        outcome.merged.append(
            f"{label} → {_describe(main, claim.tail)}: from {', '.join(agreeing)}"
        )
    return outcome


def _changed_here(
    main: Store,
    rows: Iterable[continuations.LinkRow],
    explained: set[tuple[End, End | None]],
    stamp: str,
) -> bool:
    """Whether a claim would replace an annotator's link the main database got since the
    batch from someone other than a merge (the linker's rows always give way)."""
    for r in rows:
        if r.source != "user":
            continue
        head = (r.from_page, r.from_article)
        tail = (r.to_page, r.to_article) if r.to_page is not None else None
        if (head, tail) in explained or _link_age(main, head) <= stamp:
            continue
        return True
    return False


def _remember(main: Store, claims: list[Claim]) -> None:
    """Log each file's claim on the head's page, unless the last merge logged the same."""
    known = remembered(main)
    fresh = [
        c
        for c in claims
        if (c.source, c.head) not in known or known[(c.source, c.head)].tail != c.tail
    ]
    if not fresh:
        return
    stamp = now()
    with main.writing():
        main.db.conn.executemany(
            "INSERT INTO edit_log (page_id, at, annotator, action, detail) "
            "VALUES (?, ?, ?, 'merge_link', ?)",
            [
                (
                    c.head[0],
                    stamp,
                    main.annotator,
                    json_text(
                        {
                            "source": c.source,
                            "from": c.name,
                            "article": c.head[1],
                            "to": list(c.tail) if c.tail else None,
                        }
                    ),
                )
                for c in fresh
            ],
        )
