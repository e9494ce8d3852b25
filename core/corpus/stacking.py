"""A database's line model reads the shipped model's decisions as evidence (stacking).

Nothing here touches SQLite: import workers load models by path with `load_model`.
"""

from __future__ import annotations

from pathlib import Path

from banmian.core.segmentation.line_model import LineModel, shipped_model


class StackedModel(LineModel):
    """A database's model: it reads each line's features plus what the shipped model
    decided about the line and its neighbours (`stacked_features`), so that a few dozen
    verified pages teach it where this database differs from the shipped model, not the
    whole craft again. Used wherever a LineModel is (segment_page)."""

    def decide(self, numbers, features):
        return super().decide(numbers, stacked_features(numbers, features))


def stacked_features(numbers, features) -> list[list[str]]:
    """Each line's features with the shipped model's decision on it and its neighbours."""
    if not features:
        return []
    decisions = shipped_model().decide(numbers, features)
    labels = [str(d.label) for d in decisions]
    out = []
    for i, (own, decision) in enumerate(zip(features, decisions, strict=True)):
        sure = decision.role_probability(str(decision.label.role))
        bucket = "4" if sure >= 0.99 else "3" if sure >= 0.9 else "2" if sure >= 0.7 else "1"
        extra = [f"ship={labels[i]}", f"ship={labels[i]}|sure={bucket}"]
        for offset in (-1, 1):
            j = i + offset
            extra.append(f"ship{offset}={labels[j] if 0 <= j < len(labels) else 'none'}")
        out.append([*own, *extra])
    return out


_loaded: dict[str, LineModel] = {}


def load_model(path: str | None) -> LineModel:
    """The model in the file at `path` (None: the shipped one), loaded once per process."""
    if path is None:
        return shipped_model()
    if path not in _loaded:
        plain = LineModel.from_path(Path(path))
        _loaded[path] = StackedModel(plain.path, plain.card) if plain.card.get("stacked") else plain
    return _loaded[path]
