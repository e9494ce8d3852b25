"""What taking each alternative of a doubt means as a correction.

The pipeline names alternatives in words (`column break` / `paragraph break`, article
ids for a heading, `new article` / `same article`); the window offers them as numbered
choices (its labels are translated there), and this module turns a choice into the one
edit that makes it true. Taking the
alternative the pipeline already chose is the same as accepting its decision.
"""

from __future__ import annotations

from banmian.core.edits.structure import (
    Edit,
    EditError,
    join_with_previous,
    merge_with_previous,
    move_blocks,
    resolve_doubt,
    set_role,
    split_article,
    split_paragraph,
)
from banmian.core.page.model import Doubt, Role, Segmentation

# Alternatives that name a correction without its place: the annotator finds the place.
BY_HAND = {
    "two articles": "find where the second article starts and split it there (S)",
    "other articles": "move each line that belongs to another article there (1 … 9)",
}


def take_alternative(
    seg: Segmentation, doubt: Doubt, article_id: str | None, block_key: int | None, index: int
) -> Edit:
    """The edit for alternative `index` (0-based) of `doubt`."""
    if not 0 <= index < len(doubt.alternatives):
        raise EditError(f"this doubt offers {len(doubt.alternatives)} alternatives")
    chosen = doubt.alternatives[index]
    by_article = doubt.about in ("heading", "caption")  # alternatives are article ids
    proposed = chosen == article_id if by_article else index == 0
    if proposed:
        return resolve_doubt(seg, article_id, block_key, doubt.about, only=doubt)
    if by_article:
        first, last = doubt.lines or (block_key, block_key)
        keys = [b.first for b in seg.blocks() if first <= b.first <= last]
        return move_blocks(seg, keys or [block_key], chosen)
    if doubt.about == "paragraph" and chosen == "column break" and block_key is not None:
        return join_with_previous(seg, block_key)
    if doubt.about == "paragraph" and doubt.lines and block_key is not None:
        return split_paragraph(seg, block_key, doubt.lines[0])
    if doubt.about == "boundary" and chosen == "new article" and block_key is not None:
        return split_article(seg, block_key)
    if doubt.about == "boundary" and chosen == "same article" and article_id is not None:
        return merge_with_previous(seg, article_id)
    if doubt.about == "role" and block_key is not None and chosen in {str(r) for r in Role}:
        return set_role(seg, [block_key], Role(chosen))
    raise EditError(BY_HAND.get(chosen, f"no correction is known for “{chosen}”; make it by hand"))
