"""Whole articles: the fragments of an article continued across pages (linked by
core.corpus.links) joined into the one row a researcher wants.

A whole article sits at its first part's place with the first part's id, headings and
dateline; its paragraphs are every part's in order, a paragraph the page turn cut
(`…新增就` / `业2000人…`) joined again; `pages` and `parts` say where it was printed, and
its status is the least advanced of its parts', so that "verified" means every part was.
A byline or a name printed on both parts is written once.
"""

from __future__ import annotations

from banmian.core.corpus.continuations import chains
from banmian.core.corpus.store import Store
from banmian.core.export import fields
from banmian.core.export.selection import PAGES_PER_BATCH, batch_rows, stable_id

_STATUS_ORDER = {"new": 0, "in_progress": 1, "verified": 2}
_SENTENCE_END = "。！？!?…；;：:”」』）)"

Chains = tuple[dict[str, tuple[list[str], int]], dict[str, dict]]


def linked_parts(store: Store) -> Chains:
    """Each linked fragment's chain (stable ids, in order) and its place in it, and the
    fragment rows of every chain (read whatever their pages' status)."""
    found = chains(store)
    if not found:
        return {}, {}
    pages = sorted({page_id for chain in found for page_id, _ in chain})
    hashes = dict(
        store.db.execute(
            f"SELECT id, content_hash FROM pages WHERE id IN ({','.join('?' * len(pages))})",
            pages,
        ).fetchall()
    )
    part_of: dict[str, tuple[list[str], int]] = {}
    for chain in found:
        ids = [stable_id(hashes[page_id], article_id) for page_id, article_id in chain]
        for position, part in enumerate(ids):
            part_of[part] = (ids, position)
    rows: dict[str, dict] = {}
    for start in range(0, len(pages), PAGES_PER_BATCH):
        for row in batch_rows(store, pages[start : start + PAGES_PER_BATCH], None):
            if row["id"] in part_of:
                rows[row["id"]] = row
    return part_of, rows


def whole_article(parts: list[dict]) -> dict:
    """One row of an article from its fragments' rows, in order (see the module)."""
    head = parts[0]
    paragraphs = list(head["paragraphs"])
    for part in parts[1:]:
        more = list(part["paragraphs"])
        if paragraphs and more and paragraphs[-1].rstrip()[-1:] not in _SENTENCE_END:
            paragraphs[-1] = paragraphs[-1].rstrip() + more.pop(0).lstrip()
        paragraphs += more
    tags: dict[str, dict] = {}
    for part in parts:
        for tag in part["tags"]:
            tags.setdefault(tag["name"], tag)
    status = min((p["status"] for p in parts), key=lambda s: _STATUS_ORDER.get(s, -1))
    return {
        **head,
        "title": head["title"] or next((p["title"] for p in parts if p["title"]), ""),
        "pages": [page for p in parts for page in p["pages"]],
        "parts": [part for p in parts for part in p["parts"]],
        "byline": fields.byline(p["byline"] for p in parts),
        "authors": list(dict.fromkeys(name for p in parts for name in p["authors"])),
        "paragraphs": paragraphs,
        "text": "\n".join(paragraphs),
        "tags": list(tags.values()),
        "continued_to": parts[-1]["continued_to"],
        "status": status,
    }
