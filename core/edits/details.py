"""Corrections to an article's details and tags, as pure functions like core.edits."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from banmian.core.edits.structure import (
    Change,
    Edit,
    EditError,
    find_article,
    finished,
    with_article,
)
from banmian.core.page.model import Article, Segmentation, Tag

_NOT_GIVEN: Any = object()
DETAIL_FIELDS = ("title_override", "continued_from", "continued_to", "notes", "status")


def set_article_details(
    seg: Segmentation,
    article_id: str,
    *,
    title_override: str | None = _NOT_GIVEN,
    continued_from: str | None = _NOT_GIVEN,
    continued_to: str | None = _NOT_GIVEN,
    notes: str = _NOT_GIVEN,
    status: str = _NOT_GIVEN,
) -> Edit:
    """Change only the fields given; an empty title or continuation clears it."""
    article = find_article(seg, article_id)
    given = {
        name: value
        for name, value in zip(
            DETAIL_FIELDS,
            (title_override, continued_from, continued_to, notes, status),
            strict=True,
        )
        if value is not _NOT_GIVEN
    }
    for name in ("title_override", "continued_from", "continued_to"):
        if name in given:
            given[name] = (given[name] or "").strip() or None
    changed = {k: v for k, v in given.items() if getattr(article, k) != v}
    if not changed:
        raise EditError("nothing changed")
    before = {k: getattr(article, k) for k in changed}
    change = Change(
        "set_article_details",
        f"Change {', '.join(k.replace('_', ' ') for k in changed)} of {article_id}",
        (article_id,),
        (),
        {"article": article_id, "set": changed, "was": before},
    )
    return finished(with_article(seg, replace(article, **changed)), change)


def _article_changed(
    seg: Segmentation, updated: Article, action: str, description: str, detail: dict
) -> Edit:
    """The edit that puts one changed article in place (every tag edit ends so)."""
    change = Change(action, description, (updated.id,), (), detail)
    return finished(with_article(seg, updated), change)


def add_tag(seg: Segmentation, article_id: str, tag: Tag) -> Edit:
    article = find_article(seg, article_id)
    name = tag.name.strip()
    if not name:
        raise EditError("a tag needs a name")
    if any(t.name == name for t in article.tags):
        raise EditError(f"{article_id} is already tagged {name}")
    tag = replace(tag, name=name)
    updated = replace(
        article,
        tags=(*article.tags, tag),
        suggestions=tuple(t for t in article.suggestions if t.name != name),
    )
    return _article_changed(
        seg,
        updated,
        "add_tag",
        f"Tag {article_id} {name}",
        {"article": article_id, "tag": tag.to_json()},
    )


def remove_tag(seg: Segmentation, article_id: str, name: str) -> Edit:
    article = find_article(seg, article_id)
    if not any(t.name == name for t in article.tags):
        raise EditError(f"{article_id} has no tag {name}")
    updated = replace(article, tags=tuple(t for t in article.tags if t.name != name))
    return _article_changed(
        seg,
        updated,
        "remove_tag",
        f"Remove tag {name} from {article_id}",
        {"article": article_id, "tag": name},
    )


def accept_suggestion(seg: Segmentation, article_id: str, name: str) -> Edit:
    """A suggested tag becomes a tag; it keeps source `auto` so exports can tell."""
    article = find_article(seg, article_id)
    suggestion = next((t for t in article.suggestions if t.name == name), None)
    if suggestion is None:
        raise EditError(f"{article_id} has no suggested tag {name}")
    already = any(t.name == name for t in article.tags)  # never the same tag twice
    updated = replace(
        article,
        tags=article.tags if already else (*article.tags, suggestion),
        suggestions=tuple(t for t in article.suggestions if t.name != name),
    )
    return _article_changed(
        seg,
        updated,
        "accept_suggestion",
        f"Accept tag {name} for {article_id}",
        {"article": article_id, "tag": name},
    )


def reject_suggestion(seg: Segmentation, article_id: str, name: str) -> Edit:
    article = find_article(seg, article_id)
    if not any(t.name == name for t in article.suggestions):
        raise EditError(f"{article_id} has no suggested tag {name}")
    updated = replace(article, suggestions=tuple(t for t in article.suggestions if t.name != name))
    return _article_changed(
        seg,
        updated,
        "reject_suggestion",
        f"Reject tag {name} for {article_id}",
        {"article": article_id, "tag": name},
    )
