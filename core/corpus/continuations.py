"""The links an article has, as the window and the export read them, and links set by
hand: what an annotator sees ("continues on p.2 A3 ▸") and corrects, and the chains of
fragments a whole-article export follows.

The automatic linker (core.corpus.links) decides links by evidence; this module only
reads and writes the `links` table for one article at a time, each change one
transaction with its entry in the edit log, so that the window can undo it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from banmian.core.corpus.links import (
    LINK,
    fragment,
    fragment_ref,
    link_issues,
    now,
    page_label,
)
from banmian.core.corpus.rows import doubts_json
from banmian.core.page.model import Doubt

if TYPE_CHECKING:
    from banmian.core.corpus.store import Store


# -- the links of a page, and setting one by hand ------------------------------------
@dataclass(frozen=True)
class LinkEnd:
    """The other end of an article's link, as the window shows it."""

    direction: str  # "to": the article continues on `page_id`; "from": it comes from it
    page_id: int
    article_id: str
    page_no: str
    source: str
    score: float

    @property
    def ref(self) -> str:
        return fragment_ref(self.page_no, self.article_id)


def page_links(store: Store, page_id: int) -> dict[str, list[LinkEnd]]:
    """Each article of the page with its links (to the next part, from the one before)."""
    out: dict[str, list[LinkEnd]] = {}
    for direction, here, there in (("to", "from", "to"), ("from", "to", "from")):
        for article_id, other, other_article, page_no, source, link_score in store.db.execute(
            f"SELECT l.{here}_article, l.{there}_page, l.{there}_article, p.page_no,"
            f" l.source, l.score FROM links l JOIN pages p ON p.id = l.{there}_page"
            f" WHERE l.{here}_page = ?",
            [page_id],
        ):
            end = LinkEnd(
                direction, other, other_article, page_label(page_no), source, link_score or 0.0
            )
            out.setdefault(article_id, []).append(end)
    return out


@dataclass(frozen=True)
class LinkRow:
    """One stored row of `links` (None: no row), what undo puts back."""

    from_page: int
    from_article: str
    to_page: int | None
    to_article: str | None
    score: float | None
    source: str


def link_rows(store: Store, page_id: int, article_id: str) -> tuple[LinkRow, ...]:
    """Every row naming the article at either end."""
    return tuple(
        LinkRow(*r)
        for r in store.db.execute(
            "SELECT from_page, from_article, to_page, to_article, score, source FROM links"
            " WHERE (from_page = ? AND from_article = ?) OR (to_page = ? AND to_article = ?)",
            [page_id, article_id, page_id, article_id],
        )
    )


def set_link(
    store: Store,
    head: tuple[int, str],
    tail: tuple[int, str] | None,
) -> tuple[LinkRow, ...]:
    """An annotator's link: `head` continues in `tail` (None: `head` continues nowhere in
    the corpus). Replaces the links of both ends, drops the link doubts of both, logs the
    action on the head's page; returns the rows it replaced, for `restore_links`."""
    before = link_rows(store, *head) + (link_rows(store, *tail) if tail else ())
    before = tuple(dict.fromkeys(before))
    with store.writing():
        _delete_rows(store, before)
        store.db.execute(
            "INSERT OR REPLACE INTO links (from_page, from_article, to_page, to_article, score,"
            " source, created_at) VALUES (?, ?, ?, ?, 1.0, 'user', ?)",
            [head[0], head[1], *(tail or (None, None)), now()],
        )
        _drop_link_doubts(store, [head, *([tail] if tail else [])])
        store.log(head[0], "set_link", {"article": head[1], "to": list(tail) if tail else None})
    return before


def remove_link(store: Store, page_id: int, article_id: str) -> tuple[LinkRow, ...]:
    """Take away every link of the article; the linker will not link it again (a `user`
    row with no other end stays for a head; a tail's head gets one)."""
    before = link_rows(store, page_id, article_id)
    with store.writing():
        _delete_rows(store, before)
        heads = {(r.from_page, r.from_article) for r in before}
        if not heads:
            heads = {(page_id, article_id)}
        for fp, fa in heads:
            store.db.execute(
                "INSERT OR REPLACE INTO links (from_page, from_article, to_page, to_article,"
                " score, source, created_at) VALUES (?, ?, NULL, NULL, 1.0, 'user', ?)",
                [fp, fa, now()],
            )
        store.log(page_id, "remove_link", {"article": article_id})
    return before


def restore_links(
    store: Store, now_rows: tuple[LinkRow, ...], previous: tuple[LinkRow, ...], page_id: int
) -> None:
    """Undo of `set_link` / `remove_link`: the rows of both ends as they were before."""
    with store.writing():
        _delete_rows(store, now_rows)
        store.db.conn.executemany(
            "INSERT OR REPLACE INTO links (from_page, from_article, to_page, to_article, score,"
            " source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (r.from_page, r.from_article, r.to_page, r.to_article, r.score, r.source, now())
                for r in previous
            ],
        )
        store.log(page_id, "restore_links", {"rows": len(previous)})


def _delete_rows(store: Store, rows: Iterable[LinkRow]) -> None:
    for r in rows:
        store.db.execute(
            "DELETE FROM links WHERE from_page = ? AND from_article = ?",
            [r.from_page, r.from_article],
        )


def _drop_link_doubts(store: Store, ends: list[tuple[int, str]]) -> None:
    for page_id, article_id in ends:
        row = store.db.execute(
            "SELECT doubts FROM articles WHERE page_id = ? AND article_id = ?",
            [page_id, article_id],
        ).fetchone()
        if not row:
            continue
        old = [Doubt.from_json(d) for d in json.loads(row[0] or "[]")]
        new = tuple(d for d in old if d.about != LINK)
        if len(new) != len(old):
            store.db.execute(
                "UPDATE articles SET doubts = ? WHERE page_id = ? AND article_id = ?",
                [doubts_json(new), page_id, article_id],
            )
            store.db.execute(
                "UPDATE pages SET doubts = max(0, coalesce(doubts, 0) - ?) WHERE id = ?",
                [len(old) - len(new), page_id],
            )


def chains(store: Store) -> list[list[tuple[int, str]]]:
    """Every linked article as its fragments in order (head first); only chains of two
    or more parts. A cycle (a mislink) is cut where it closes."""
    nxt: dict[tuple[int, str], tuple[int, str]] = {}
    has_prev: set[tuple[int, str]] = set()
    for fp, fa, tp, ta in store.db.execute(
        "SELECT l.from_page, l.from_article, l.to_page, l.to_article FROM links l"
        " WHERE l.to_page IS NOT NULL"
        " AND EXISTS (SELECT 1 FROM articles a WHERE a.page_id = l.from_page"
        "             AND a.article_id = l.from_article)"
        " AND EXISTS (SELECT 1 FROM articles a WHERE a.page_id = l.to_page"
        "             AND a.article_id = l.to_article)"
    ):
        nxt[(fp, fa)] = (tp, ta)
        has_prev.add((tp, ta))
    out: list[list[tuple[int, str]]] = []
    seen: set[tuple[int, str]] = set()
    starts = [k for k in nxt if k not in has_prev] + [k for k in nxt if k in has_prev]
    for start in starts:
        if start in seen:
            continue
        chain = [start]
        seen.add(start)
        while chain[-1] in nxt and nxt[chain[-1]] not in seen:
            chain.append(nxt[chain[-1]])
            seen.add(chain[-1])
        if len(chain) > 1:
            out.append(chain)
    return out


def resolve_ref(store: Store, page_id: int, ref: str) -> tuple[int, str] | None:
    """The fragment a typed `p2 B1` (or `2 B1`) names in the issue of `page_id`."""
    m = re.match(r"^\s*p?\.?\s*(\S+?)\s+(\S+)\s*$", ref)
    if not m:
        return None
    row = store.db.execute(
        "SELECT coalesce(newspaper, ''), coalesce(date, '') FROM pages WHERE id = ?", [page_id]
    ).fetchone()
    if not row or not row[1]:
        return None
    for other, page_no in store.db.execute(
        "SELECT id, page_no FROM pages WHERE coalesce(newspaper, '') = ? AND date = ?", row
    ).fetchall():
        if (
            other != page_id
            and page_label(page_no) == page_label(m.group(1))
            and fragment(store, other, m.group(2)) is not None
        ):
            return (other, m.group(2))
    return None


def stale_links(store: Store, page_id: int) -> tuple[LinkRow, ...]:
    """Links with an end on the page that no longer fits it: the article is gone (merged
    away) or no longer carries the mark of its end (a split moved `（下转第二版）` to the
    new article)."""
    marked = {
        (article_id, "to"): bool(cto)
        for article_id, cto in store.db.execute(
            "SELECT article_id, coalesce(continued_to, '') FROM articles WHERE page_id = ?",
            [page_id],
        )
    }
    for article_id, cfrom in store.db.execute(
        "SELECT article_id, coalesce(continued_from, '') FROM articles WHERE page_id = ?",
        [page_id],
    ):
        marked[(article_id, "from")] = bool(cfrom)
    stale = []
    for row in store.db.execute(
        "SELECT from_page, from_article, to_page, to_article, score, source FROM links"
        " WHERE from_page = ? OR to_page = ?",
        [page_id, page_id],
    ):
        r = LinkRow(*row)
        head_ok = r.from_page != page_id or marked.get((r.from_article, "to"), False)
        tail_ok = r.to_page != page_id or marked.get((r.to_article, "from"), False)
        if not (head_ok and tail_ok):
            stale.append(r)
    return tuple(stale)


def relink_edited_page(store: Store, page_id: int) -> bool:
    """After a correction of the page: drop its stale links (an annotator's too, since
    the fragment it named changed) and relink its issue, so that the link is kept where
    the evidence is still sure and becomes a doubt where it is not, never silently lost.
    True when a link was dropped (the page's link doubts may have changed)."""
    stale = stale_links(store, page_id)
    if not stale:
        return False
    with store.writing():
        _delete_rows(store, stale)
        store.log(page_id, "relink", {"dropped": len(stale)})
    link_issues(store, [page_id])
    return True


def open_links(conn: sqlite3.Connection, page_id: int) -> int:
    """How many of the page's continuation marks (`（下转第二版）`, `（上接第一版）`) no link
    resolves yet: what the corpus view shows, so that an annotator finds the pages a
    whole-article export would still give in halves. Two primary-key lookups a fragment:
    cheap enough for each row the view paints."""
    (count,) = conn.execute(
        "SELECT count(*) FROM articles a WHERE a.page_id = ? AND ("
        " (ifnull(a.continued_to, '') != '' AND NOT EXISTS (SELECT 1 FROM links l"
        "   WHERE l.from_page = a.page_id AND l.from_article = a.article_id))"
        " OR (ifnull(a.continued_from, '') != '' AND NOT EXISTS (SELECT 1 FROM links l"
        "   WHERE l.to_page = a.page_id AND l.to_article = a.article_id)))",
        [page_id],
    ).fetchone()
    return count
