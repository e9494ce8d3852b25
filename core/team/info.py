"""What one database file is in a team: its own id, main or annotator, whose it is and
where it came from (the `team` table, one key per row).

Merge must know that an annotator's file was batched from this main database and which
of its rows it already brought in; an id written once into each file, rather than its
path, survives the files being copied, mailed and renamed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from banmian.core.corpus.store import Store


@dataclass(frozen=True)
class TeamInfo:
    id: str
    role: str  # "main", "annotator", or "" for a file no batch has touched
    annotator: str
    origin: str  # the main database's path when batched
    origin_id: str
    batch: str


def team_info(store: Store) -> TeamInfo:
    """The file's team keys; an empty id when it has none yet (read-only safe)."""
    values = {r["key"]: r["value"] or "" for r in store.rows("SELECT key, value FROM team")}
    return TeamInfo(
        id=values.get("id", ""),
        role=values.get("role", ""),
        annotator=values.get("annotator", ""),
        origin=values.get("origin", ""),
        origin_id=values.get("origin_id", ""),
        batch=values.get("batch", ""),
    )


def set_team_keys(store: Store, **values: str) -> None:
    """Write keys inside the caller's write transaction."""
    store.db.conn.executemany(
        "INSERT OR REPLACE INTO team (key, value) VALUES (?, ?)", list(values.items())
    )


def ensure_id(store: Store, role: str) -> str:
    """The file's id, given one (and `role`) on first need, inside the caller's write
    transaction."""
    info = team_info(store)
    if info.id:
        if not info.role:
            set_team_keys(store, role=role)
        return info.id
    new_id = uuid.uuid4().hex
    set_team_keys(store, id=new_id, role=info.role or role)
    return new_id
