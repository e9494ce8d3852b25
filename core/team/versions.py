"""One annotator's version of a page, light enough to compare a thousand of them at once.

Agreement and merge compare what two files say about the same page (matched by content
hash, since page ids differ between files): which lines form which article, with which
roles, paragraphs and tags. Loading full `Segmentation`s (block texts, doubts,
suggestions) costs a millisecond a page; the rows needed here come in four queries for
the whole file. A `Segmentation` converts to the same form, so the window's curation
and the command line speak of the same units.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from banmian.core.corpus.store import Store, page_place
from banmian.core.page.model import Page, Segmentation

# (first line, last line, role) of one block
BlockSpan = tuple[int, int, str]


@dataclass(frozen=True)
class Unit:
    """An article, or one block that belongs to no article (`article_id` None)."""

    article_id: str | None
    blocks: tuple[BlockSpan, ...]  # in line order
    tags: tuple[str, ...] = ()  # accepted tag names, sorted
    details: tuple[str | None, ...] = (None, None, None)  # title override, from, to
    title: str = ""

    def signature(self) -> tuple:
        """What must be equal for two annotators to say the same thing (ids aside)."""
        return (self.article_id is None, self.blocks, self.tags, self.details)

    @property
    def label(self) -> str:
        return self.article_id or "no article"


@dataclass(frozen=True)
class PageVersion:
    """A page as one file holds it: its lines and its units (articles in reading order,
    then the unassigned blocks in line order)."""

    content_hash: str
    page_id: int
    status: str
    annotator: str
    curated_by: str
    lines: tuple[str, ...]
    units: tuple[Unit, ...]
    place: str = ""  # `青岛西海岸新闻 2023-02-03 p.2`, else the source file

    @cached_property
    def content_lines(self) -> dict[int, int]:
        """Each line with text → the index of the unit holding it."""
        owner: dict[int, int] = {}
        for i, unit in enumerate(self.units):
            for first, last, _role in unit.blocks:
                for n in range(first, min(last, len(self.lines)) + 1):
                    if self.lines[n - 1].strip():
                        owner[n] = i
        return owner

    def page(self) -> Page:
        return Page(source="", lines=self.lines)

    def annotation(self) -> dict:
        """The JSON contract's shape (DESIGN §2), for core.segmentation.metrics."""
        articles, unassigned = [], []
        for unit in self.units:
            blocks = [{"role": r, "lines": [f, last]} for f, last, r in unit.blocks]
            if unit.article_id is None:
                unassigned += blocks
            else:
                articles.append({"id": unit.article_id, "blocks": blocks})
        return {"articles": articles, "unassigned": unassigned}

    @cached_property
    def fingerprint(self) -> str:
        """Hash of the annotation (article ids, block texts and doubts left out): equal
        fingerprints mean two files say the same about the page."""
        shape = [u.signature() for u in self.units]
        return hashlib.sha256(json.dumps(shape, ensure_ascii=False).encode()).hexdigest()[:32]


def _unit(article, blocks: Iterable[BlockSpan], tags: Sequence[str]) -> Unit:
    return Unit(
        article_id=article["article_id"],
        blocks=tuple(sorted(blocks)),
        tags=tuple(sorted(tags)),
        details=(article["title_override"], article["continued_from"], article["continued_to"]),
        title=article["title"] or "",
    )


def read_versions(
    store: Store, statuses: Sequence[str] = ("verified",), hashes: Iterable[str] | None = None
) -> dict[str, PageVersion]:
    """Every page of the file with one of `statuses` (or of `hashes`, any status), by
    content hash, in four queries."""
    if hashes is not None:
        wanted = list(hashes)
        where = f"content_hash IN ({', '.join('?' * len(wanted))})"
        params: list = wanted
    else:
        where = f"status IN ({', '.join('?' * len(statuses))})"
        params = list(statuses)
    pages = {
        r["id"]: r
        for r in store.rows(
            "SELECT id, content_hash, status, annotator, curated_by, raw_text, "
            "source_file, newspaper, date, page_no "
            f"FROM pages WHERE {where}",
            params,
        )
    }
    chosen = f"page_id IN (SELECT id FROM pages WHERE {where})"
    blocks: dict[tuple[int, str | None], list[BlockSpan]] = {}
    for page_id, article_id, first, last, role in store.db.execute(
        f"SELECT page_id, article_id, first_line, last_line, role FROM blocks WHERE {chosen}",
        params,
    ):
        blocks.setdefault((page_id, article_id), []).append((first, last, role))
    tags: dict[tuple[int, str], list[str]] = {}
    for page_id, article_id, name in store.db.execute(
        f"SELECT page_id, article_id, name FROM article_tags WHERE {chosen}", params
    ):
        tags.setdefault((page_id, article_id), []).append(name)
    units: dict[int, list[Unit]] = {page_id: [] for page_id in pages}
    for article in store.rows(
        "SELECT page_id, article_id, title_override, continued_from, continued_to, title "
        f"FROM articles WHERE {chosen} ORDER BY page_id, position",
        params,
    ):
        key = (article["page_id"], article["article_id"])
        units[article["page_id"]].append(_unit(article, blocks.get(key, ()), tags.get(key, ())))
    out = {}
    for page_id, row in pages.items():
        loose = sorted(blocks.get((page_id, None), ()))
        page_units = units[page_id] + [Unit(None, (span,)) for span in loose]
        out[row["content_hash"]] = PageVersion(
            content_hash=row["content_hash"],
            page_id=page_id,
            status=row["status"],
            annotator=row["annotator"] or "",
            curated_by=row["curated_by"] or "",
            lines=Page.from_text(row["raw_text"]).lines,
            units=tuple(page_units),
            place=page_place(row["newspaper"] or "", row["date"] or "", row["page_no"] or "")
            or (row["source_file"] or ""),
        )
    return out


def version_of(
    segmentation: Segmentation,
    content_hash: str = "",
    page_id: int = 0,
    status: str = "",
    annotator: str = "",
) -> PageVersion:
    """The same form for a segmentation in memory (the window's curation)."""
    units = [
        Unit(
            article_id=a.id,
            blocks=tuple(sorted((b.first, b.last, b.role.value) for b in a.blocks)),
            tags=tuple(sorted(t.name for t in a.tags)),
            details=(a.title_override, a.continued_from, a.continued_to),
            title=a.title,
        )
        for a in segmentation.articles
    ]
    units += [
        Unit(None, ((b.first, b.last, b.role.value),))
        for b in sorted(segmentation.unassigned, key=lambda b: b.first)
    ]
    return PageVersion(
        content_hash=content_hash,
        page_id=page_id,
        status=status,
        annotator=annotator,
        curated_by="",
        lines=segmentation.page.lines,
        units=tuple(units),
    )
