"""The line models a database holds: learnt from its verified pages, versioned, one in use
per scope.

A model's scope is a newspaper (its own model, once it has enough verified pages) or ''
(the whole database). The model that proposes a page is its newspaper's model in use,
else the database's model in use, else the shipped one. Every model ever trained stays
in the `models` table with its bytes, its card, the pages it was trained on and its
cross-validated scores, so the user can go back to any of them (or to the shipped one:
no model in use for the scope).

CRFsuite opens a model only from a file, so a stored model is written once to a cache
folder named by its content's hash (workers of an import load it from there by path).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from banmian.core.corpus.stacking import StackedModel, load_model, stacked_features
from banmian.core.corpus.store import Store, StoreError, now
from banmian.core.segmentation.line_model import LineModel

__all__ = ["StackedModel", "stacked_features", "LineModel"]

SHIPPED = "shipped"


@dataclass(frozen=True)
class StoredModel:
    """A row of the `models` table, without its bytes."""

    id: int
    created_at: str
    newspaper: str
    description: str
    card: dict
    training_pages: list[int]
    scores: dict
    decision: str
    reason: str
    in_use: bool

    @property
    def scope(self) -> str:
        return self.newspaper or "database"


@dataclass(frozen=True)
class ModelRef:
    """Where a process finds a model: its id (None: shipped) and its file."""

    id: int | None
    path: str | None

    def load(self) -> LineModel:
        return load_model(self.path)


def cache_folder() -> Path:
    return (
        Path(tempfile.gettempdir())
        / f"banmian-models-{os.getuid() if hasattr(os, 'getuid') else 0}"
    )


def model_file(model: bytes, card: dict) -> Path:
    """The model's bytes as a file CRFsuite can open (its card beside it), written once.

    Named by the bytes and the card together: the same CRF stored with another card (by
    another version of banmian, say) must not be read with the card written first."""
    card_bytes = json.dumps(card, sort_keys=True).encode()
    digest = hashlib.sha1(model + b"\0" + card_bytes).hexdigest()
    folder = cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}.crfsuite"
    if not path.exists():
        for target, data in ((path.with_suffix(".json"), card_bytes), (path, model)):
            draft = target.with_name(f".{target.name}.{os.getpid()}")
            draft.write_bytes(data)
            os.replace(draft, target)
    return path


def _stored(row: dict) -> StoredModel:
    return StoredModel(
        id=row["id"],
        created_at=row["created_at"] or "",
        newspaper=row["newspaper"] or "",
        description=row["description"] or "",
        card=json.loads(row["card"] or "{}"),
        training_pages=json.loads(row["training_pages"] or "[]"),
        scores=json.loads(row["scores"] or "{}"),
        decision=row["decision"] or "",
        reason=row["reason"] or "",
        in_use=bool(row["in_use"]),
    )


_COLUMNS = (
    "id, created_at, newspaper, description, card, training_pages, scores, decision, reason, in_use"
)


def stored_models(store: Store) -> list[StoredModel]:
    """Every model of the database, oldest first."""
    return [_stored(r) for r in store.rows(f"SELECT {_COLUMNS} FROM models ORDER BY id")]


def stored_model(store: Store, model_id: int) -> StoredModel:
    row = next(store.rows(f"SELECT {_COLUMNS} FROM models WHERE id = ?", [model_id]), None)
    if row is None:
        raise StoreError(f"no model {model_id} in {store.path}")
    return _stored(row)


def in_use(store: Store, newspaper: str = "") -> StoredModel | None:
    """The model in use for exactly this scope (None: none of its own)."""
    row = next(
        store.rows(
            f"SELECT {_COLUMNS} FROM models WHERE newspaper = ? AND in_use = 1 ORDER BY id DESC",
            [newspaper],
        ),
        None,
    )
    return _stored(row) if row else None


def model_ref(store: Store, model_id: int | None) -> ModelRef:
    if model_id is None:
        return ModelRef(None, None)
    row = next(store.rows("SELECT model, card FROM models WHERE id = ?", [model_id]), None)
    if row is None:
        raise StoreError(f"no model {model_id} in {store.path}")
    return ModelRef(model_id, str(model_file(row["model"], json.loads(row["card"] or "{}"))))


def proposing_id(store: Store, newspaper: str = "") -> int | None:
    """The id of the model that proposes a page of `newspaper` (None: the shipped one)."""
    for scope in dict.fromkeys((newspaper or "", "")):
        chosen = in_use(store, scope)
        if chosen is not None:
            return chosen.id
    return None


def proposing_models(store: Store) -> dict[str, ModelRef]:
    """Scope → the model proposing its pages: '' for any newspaper without its own."""
    refs = {"": model_ref(store, proposing_id(store, ""))}
    for row in store.rows("SELECT DISTINCT newspaper FROM models WHERE in_use = 1"):
        if row["newspaper"]:
            refs[row["newspaper"]] = model_ref(store, proposing_id(store, row["newspaper"]))
    return refs


def ref_for(refs: dict[str, ModelRef], newspaper: str | None) -> ModelRef:
    return refs.get(newspaper or "", refs.get("", ModelRef(None, None)))


def add_model(
    store: Store,
    model: bytes,
    card: dict,
    newspaper: str,
    training_pages: list[int],
    scores: dict,
    decision: str,
    reason: str,
    use: bool,
) -> int:
    """Store a trained model; `use` puts it in use for its scope (the others leave it)."""
    with store.writing():
        cursor = store.db.execute(
            "INSERT INTO models (created_at, newspaper, description, model, card, "
            "training_pages, scores, decision, reason, in_use) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            [
                now(),
                newspaper,
                card.get("description", ""),
                model,
                json.dumps(card, ensure_ascii=False),
                json.dumps(training_pages),
                json.dumps(scores, ensure_ascii=False),
                decision,
                reason,
            ],
        )
        model_id = int(cursor.lastrowid)
        if use:
            _use(store, model_id, newspaper)
    return model_id


def _use(store: Store, model_id: int | None, newspaper: str) -> None:
    store.db.execute("UPDATE models SET in_use = 0 WHERE newspaper = ?", [newspaper])
    if model_id is not None:
        store.db.execute("UPDATE models SET in_use = 1 WHERE id = ?", [model_id])


def use_model(store: Store, choice: int | str, newspaper: str | None = None) -> StoredModel | None:
    """Put model `choice` (an id) in use for its scope, or `shipped`: no model of its own
    for `newspaper` (default: the whole database). Returns the model now in use."""
    if choice == SHIPPED:
        with store.writing():
            _use(store, None, newspaper or "")
        return None
    chosen = stored_model(store, int(choice))
    with store.writing():
        _use(store, chosen.id, chosen.newspaper)
    return stored_model(store, chosen.id)
