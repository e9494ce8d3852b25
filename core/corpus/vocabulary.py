"""The tag vocabulary an annotator keeps: the names offered first, with a kind and an
optional one-key shortcut.

Tags on articles are free text; the vocabulary only makes the common ones quick to give
and consistent to spell. It lives in the database (table `tag_vocabulary`) so that every
annotator of one corpus sees the same list; a new database starts from
resources/tag_vocabulary.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from banmian.core.corpus.store import Store

VOCABULARY_KINDS = ("topic", "section", "place", "person", "organisation", "custom")
MAX_NAME = 40


@dataclass(frozen=True)
class VocabularyEntry:
    name: str
    kind: str = "topic"
    shortcut: str | None = None


def vocabulary(store: Store) -> list[VocabularyEntry]:
    """Every entry, grouped by kind in `VOCABULARY_KINDS` order, names sorted."""
    rank = {kind: i for i, kind in enumerate(VOCABULARY_KINDS)}
    entries = [
        VocabularyEntry(r["name"], r["kind"] or "topic", r["shortcut"] or None)
        for r in store.rows("SELECT name, kind, shortcut FROM tag_vocabulary")
    ]
    return sorted(entries, key=lambda e: (rank.get(e.kind, len(rank)), e.name))


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise ValueError("a tag name cannot be empty")
    if len(cleaned) > MAX_NAME:
        raise ValueError(f"tag name {cleaned[:12]!r}… is too long ({len(cleaned)} > {MAX_NAME})")
    return cleaned


def add_entry(
    store: Store, name: str, kind: str = "topic", shortcut: str | None = None
) -> VocabularyEntry:
    """Add a name, or change the kind and shortcut of one already there.

    Names are stripped and inner whitespace collapsed, so `经济 ` and `经济` are one tag.
    A shortcut is one key, unique whatever its case (Shift should not be a second key).
    """
    name = _clean_name(name)
    if kind not in VOCABULARY_KINDS:
        raise ValueError(f"unknown tag kind {kind!r}; use one of {', '.join(VOCABULARY_KINDS)}")
    if shortcut is not None and shortcut != "":
        if len(shortcut) != 1 or not shortcut.isprintable() or shortcut.isspace():
            raise ValueError(f"a shortcut is one visible character, not {shortcut!r}")
    else:
        shortcut = None
    with store.writing():
        if shortcut is not None:
            holder = next(
                (
                    e
                    for e in vocabulary(store)
                    if e.shortcut
                    and e.shortcut.casefold() == shortcut.casefold()
                    and e.name != name
                ),
                None,
            )
            if holder is not None:
                raise ValueError(f"shortcut {shortcut!r} is already used by {holder.name!r}")
        store.db.table("tag_vocabulary").upsert(
            {"name": name, "kind": kind, "shortcut": shortcut}, pk="name"
        )
    return VocabularyEntry(name, kind, shortcut)


def remove_entry(store: Store, name: str) -> None:
    """Remove a name from the vocabulary; articles keep the tags they carry."""
    cleaned = " ".join(str(name).split())
    with store.writing():
        cursor = store.db.execute("DELETE FROM tag_vocabulary WHERE name = ?", [cleaned])
        if cursor.rowcount == 0:
            raise ValueError(f"{cleaned!r} is not in the tag vocabulary")


def default_entries() -> list[VocabularyEntry]:
    """resources/tag_vocabulary.json: newspaper sections and recurring topics."""
    raw = resources.files("banmian.resources").joinpath("tag_vocabulary.json").read_text("utf-8")
    return [
        VocabularyEntry(e["name"], e.get("kind", "topic"), e.get("shortcut"))
        for e in json.loads(raw)["entries"]
    ]


def seed_vocabulary(store: Store) -> int:
    """Fill an empty vocabulary with the default one; how many entries were added.

    A vocabulary the annotators emptied on purpose is refilled only if called again, so
    call this when a database is created or opened, not after every removal.
    """
    with store.writing():
        (count,) = store.db.execute("SELECT count(*) FROM tag_vocabulary").fetchone()
        if count:
            return 0
        entries = default_entries()
        store.db.table("tag_vocabulary").insert_all(
            ({"name": e.name, "kind": e.kind, "shortcut": e.shortcut} for e in entries),
            pk="name",
            ignore=True,
        )
    return len(entries)


def known_tag_names(store: Store) -> list[str]:
    """Names to complete a typed tag from: the vocabulary and every tag annotators have
    given (article_tags holds no machine suggestions, which would drown the list), sorted."""
    rows = store.db.execute(
        "SELECT name FROM tag_vocabulary UNION SELECT name FROM article_tags"
    ).fetchall()
    return sorted(name for (name,) in rows if name)
