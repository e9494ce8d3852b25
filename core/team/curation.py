"""Resolve two annotators' disagreements on a page into one curated version.

Each disagreement (core.team.compare) is a stretch whose articles and unassigned blocks
cover the same lines in both versions, so taking either side's units for it, and the
agreed units as they are, always gives a whole page. The curator takes a side per
disagreement (the first annotator's by default), may then edit freely, and the result
is saved as the page's curated version: verified, `curated_by` the curator, and an edit
log row saying which side was taken where, so the decision can be traced later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from banmian.core.corpus.store import Store, StoreError, now
from banmian.core.page.model import Article, Block, Segmentation
from banmian.core.team.agreement import who
from banmian.core.team.compare import Disagreement, disagreements
from banmian.core.team.versions import PageVersion, version_of

FIRST, SECOND = 0, 1


@dataclass(frozen=True)
class Curation:
    """Two annotators' versions of one page and where they differ."""

    names: tuple[str, str]
    versions: tuple[Segmentation, Segmentation]
    shapes: tuple[PageVersion, PageVersion]
    disagreements: tuple[Disagreement, ...]


def prepare(first: Segmentation, second: Segmentation, names: tuple[str, str]) -> Curation:
    if first.page.lines != second.page.lines:
        raise StoreError("the two versions are not of the same page")
    shapes = (version_of(first), version_of(second))
    return Curation(names, (first, second), shapes, disagreements(*shapes))


def _units(seg: Segmentation) -> list[Article | Block]:
    """The segmentation's units in core.team.versions' order."""
    return [*seg.articles, *sorted(seg.unassigned, key=lambda b: b.first)]


def resolve(curation: Curation, choices: Mapping[int, int]) -> Segmentation:
    """The page with each disagreement (by index) taken from the side chosen for it
    (FIRST unless `choices` says SECOND); agreed parts as both have them."""
    first, second = curation.versions
    a_units, b_units = _units(first), _units(second)
    swapped = {i for i, side in choices.items() if side == SECOND}
    dropped: dict[int, int] = {}  # first's unit index → the disagreement replacing it
    for i in swapped:
        for u in curation.disagreements[i].first:
            dropped[u] = i
    taken_ids = {a.id for n, a in enumerate(first.articles) if n not in dropped}
    articles: list[Article] = []
    placed: set[int] = set()

    def from_second(i: int) -> list[Article]:
        out = []
        for u in curation.disagreements[i].second:
            unit = b_units[u]
            if isinstance(unit, Article):
                new_id = unit.id if unit.id not in taken_ids else _fresh_id(taken_ids)
                taken_ids.add(new_id)
                out.append(replace(unit, id=new_id))
        return out

    for n, article in enumerate(first.articles):
        if n not in dropped:
            articles.append(article)
        elif dropped[n] not in placed:
            placed.add(dropped[n])
            articles += from_second(dropped[n])
    for i in sorted(swapped - placed):  # first had no article there: place by line
        for article in from_second(i):
            at = next(
                (k for k, a in enumerate(articles) if a.body_first_line > article.body_first_line),
                len(articles),
            )
            articles.insert(at, article)
    unassigned = [b for n, b in enumerate(a_units) if isinstance(b, Block) and n not in dropped] + [
        b_units[u]
        for i in swapped
        for u in curation.disagreements[i].second
        if isinstance(b_units[u], Block)
    ]
    result = Segmentation(first.page, tuple(articles), tuple(sorted(unassigned, key=_first)))
    return result.check()


def _first(block: Block) -> int:
    return block.first


def _fresh_id(taken: set[str]) -> str:
    n = len(taken) + 1
    while f"A{n}" in taken:
        n += 1
    return f"A{n}"


def decisions(curation: Curation, choices: Mapping[int, int]) -> list[dict]:
    """Who was followed where, as the edit log keeps it."""
    return [
        {
            "lines": d.where,
            "kinds": list(d.kinds),
            "took": curation.names[choices.get(i, FIRST)],
        }
        for i, d in enumerate(curation.disagreements)
    ]


def save_curated(
    store: Store,
    page_id: int,
    segmentation: Segmentation,
    curation: Curation,
    choices: Mapping[int, int],
    curator: str | None = None,
) -> None:
    """Store `segmentation` as the page's curated version, in one transaction."""
    segmentation.check()
    curator = curator or store.annotator
    stamp = now()
    detail = {
        "versions": {
            name: shape.fingerprint
            for name, shape in zip(curation.names, curation.shapes, strict=True)
        },
        "decisions": decisions(curation, choices),
        "result": version_of(segmentation).fingerprint,
    }
    with store.writing():
        store.page_row(page_id)
        store.replace_rows(page_id, segmentation)
        store.db.execute(
            "UPDATE pages SET status = 'verified', curated_by = ?, annotator = ?, "
            "updated_at = ? WHERE id = ?",
            [curator, curator, stamp, page_id],
        )
        store.log(page_id, "curate", detail, stamp, annotator=curator)


def load_curation(store: Store, page_id: int, first: Store, second: Store) -> Curation:
    """The two files' versions of the page `page_id` of `store` (matched by content)."""
    digest = store.page_row(page_id)["content_hash"]
    versions = []
    for other in (first, second):
        row = next(other.rows("SELECT id FROM pages WHERE content_hash = ?", [digest]), None)
        if row is None:
            raise StoreError(f"{other.path} does not hold this page")
        versions.append(other.load(row["id"]))
    return prepare(versions[0], versions[1], (who(first), who(second)))
