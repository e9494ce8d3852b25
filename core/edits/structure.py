"""Every structural correction an annotator can make, as a pure function.

Each edit takes a Segmentation and returns an `Edit`: the new segmentation and a
`Change` record naming what it touched (for the edit log, the undo menu and the views
that refresh only those articles). Nothing is mutated, so undo is keeping the old value.

Two rules hold for every edit:
- an article left without blocks disappears;
- a block or article the annotator has touched loses the pipeline's doubts about it
  (they have looked at it and decided).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from banmian.core.page.model import Article, Block, Doubt, ModelError, Role, Segmentation
from banmian.core.page.reflow import block_text


class EditError(ValueError):
    """A correction that cannot be made here; the message says why, for the user."""


@dataclass(frozen=True)
class Change:
    action: str
    description: str
    articles: tuple[str, ...] = ()
    blocks: tuple[int, ...] = ()
    detail: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Edit:
    segmentation: Segmentation
    change: Change


# -- shared steps -----------------------------------------------------------------------


def find_article(seg: Segmentation, article_id: str) -> Article:
    try:
        return seg.article(article_id)
    except ModelError as exc:
        raise EditError(str(exc)) from None


def _block(seg: Segmentation, key: int) -> Block:
    try:
        return seg.block(key)
    except ModelError:
        raise EditError(f"no block starts on line {key}") from None


def _untouched(block: Block) -> Block:
    return replace(block, doubts=()) if block.doubts else block


def _take_blocks(seg: Segmentation, keys: Iterable[int]) -> tuple[Segmentation, list[Block]]:
    """The segmentation without the given blocks, and those blocks (doubts cleared)."""
    wanted = set(keys)
    taken = [_untouched(b) for b in seg.blocks() if b.first in wanted]
    missing = wanted - {b.first for b in taken}
    if missing:
        raise EditError(f"no block starts on line {min(missing)}")
    articles = tuple(
        a.with_blocks(b for b in a.blocks if b.first not in wanted) for a in seg.articles
    )
    unassigned = tuple(b for b in seg.unassigned if b.first not in wanted)
    return replace(seg, articles=articles, unassigned=unassigned), taken


def with_article(seg: Segmentation, article: Article) -> Segmentation:
    return replace(seg, articles=tuple(article if a.id == article.id else a for a in seg.articles))


def finished(seg: Segmentation, change: Change) -> Edit:
    """Drop emptied articles and check the invariants before anyone sees the result."""
    pruned = replace(seg, articles=tuple(a for a in seg.articles if a.blocks))
    for article in pruned.articles:  # the store keeps one row per tag name
        names = [t.name for t in article.tags]
        if len(names) != len(set(names)):
            raise EditError(f"{change.description}: would give {article.id} a tag twice")
    try:
        return Edit(pruned.check(), change)
    except ModelError as exc:  # a correction that cannot be made: say so, change nothing
        raise EditError(f"{change.description}: not possible here ({exc})") from None


def _insert_in_reading_order(seg: Segmentation, article: Article) -> Segmentation:
    """Place a new article before the first one whose text starts below it."""
    start = article.body_first_line
    index = next(
        (i for i, a in enumerate(seg.articles) if a.body_first_line > start), len(seg.articles)
    )
    articles = list(seg.articles)
    articles.insert(index, article)
    return replace(seg, articles=tuple(articles))


def _retexted(seg: Segmentation, block: Block, role: Role, first: int, last: int) -> Block:
    return Block(role, first, last, block_text(seg.page, role, first, last))


# -- articles ---------------------------------------------------------------------------


def split_article(seg: Segmentation, block_key: int) -> Edit:
    """The blocks from `block_key` down the page (by line) become a new article placed
    right after the old one. Line order, not reading order, decides: whatever order
    the page puts headings in, a heading below the cut belongs to the text below it."""
    source = seg.article_of(block_key)
    if source is None:
        raise EditError(f"the block on line {block_key} is in no article")
    lower = [b for b in source.blocks if b.first >= block_key]
    if len(lower) == len(source.blocks):
        raise EditError(f"line {block_key} is the first block of {source.id}: nothing to split")
    new_id = seg.next_article_id()
    kept = replace(source.with_blocks(b for b in source.blocks if b.first < block_key), doubts=())
    new = Article(new_id, tuple(_untouched(b) for b in lower), continued_to=source.continued_to)
    kept = replace(kept, continued_to=None) if source.continued_to else kept
    articles = []
    for a in seg.articles:
        articles += [kept, new] if a.id == source.id else [a]
    change = Change(
        "split_article",
        f"Split {source.id} at line {block_key}",
        (source.id, new_id),
        tuple(b.first for b in lower),
        {"article": source.id, "at": block_key, "new": new_id},
    )
    return finished(replace(seg, articles=tuple(articles)), change)


def merge_articles(seg: Segmentation, first_id: str, second_id: str) -> Edit:
    """`second`'s blocks, tags and continuation join `first`, which keeps its place."""
    if first_id == second_id:
        raise EditError("an article cannot be merged with itself")
    first, second = find_article(seg, first_id), find_article(seg, second_id)
    tags = first.tags + tuple(t for t in second.tags if t.name not in {x.name for x in first.tags})
    tagged = {t.name for t in tags}
    # a name is a tag or a suggestion, never both: accepting it must not tag it twice
    suggestions = tuple(t for t in first.suggestions if t.name not in tagged)
    merged = replace(
        first.with_blocks(first.blocks + tuple(_untouched(b) for b in second.blocks)),
        continued_from=first.continued_from or second.continued_from,
        continued_to=first.continued_to or second.continued_to,
        tags=tags,
        suggestions=suggestions,
        notes="\n".join(n for n in (first.notes, second.notes) if n),
        doubts=(),
    )
    seg = replace(
        seg,
        articles=tuple(
            merged if a.id == first_id else a for a in seg.articles if a.id != second_id
        ),
    )
    change = Change(
        "merge_articles",
        f"Merge {second_id} into {first_id}",
        (first_id, second_id),
        tuple(b.first for b in second.blocks),
        {"into": first_id, "merged": second_id},
    )
    return finished(seg, change)


def _neighbour(seg: Segmentation, article_id: str, step: int) -> str:
    ids = [a.id for a in seg.articles]
    if article_id not in ids:
        raise EditError(f"no article {article_id}")
    index = ids.index(article_id) + step
    if not 0 <= index < len(ids):
        raise EditError(f"{article_id} has no {'previous' if step < 0 else 'next'} article")
    return ids[index]


def merge_with_previous(seg: Segmentation, article_id: str) -> Edit:
    return merge_articles(seg, _neighbour(seg, article_id, -1), article_id)


def merge_with_next(seg: Segmentation, article_id: str) -> Edit:
    return merge_articles(seg, article_id, _neighbour(seg, article_id, +1))


def new_article(seg: Segmentation, block_keys: Sequence[int]) -> Edit:
    """The blocks, wherever they are now, form a new article in reading order."""
    if not block_keys:
        raise EditError("select the blocks that form the new article")
    rest, taken = _take_blocks(seg, block_keys)
    new_id = seg.next_article_id()
    touched = tuple(sorted({a.id for k in block_keys if (a := seg.article_of(k))}))
    change = Change(
        "new_article",
        f"New article {new_id} from {len(taken)} blocks",
        (*touched, new_id),
        tuple(sorted(block_keys)),
        {"article": new_id, "blocks": sorted(block_keys)},
    )
    return finished(_insert_in_reading_order(rest, Article(new_id, tuple(taken))), change)


def dissolve_article(seg: Segmentation, article_id: str) -> Edit:
    """The article goes; its blocks stay on the page, unassigned."""
    article = find_article(seg, article_id)
    seg = replace(
        seg,
        articles=tuple(a for a in seg.articles if a.id != article_id),
        unassigned=tuple(
            sorted(
                seg.unassigned + tuple(_untouched(b) for b in article.blocks), key=lambda b: b.first
            )
        ),
    )
    change = Change(
        "dissolve_article",
        f"Dissolve {article_id}",
        (article_id,),
        tuple(b.first for b in article.blocks),
        {"article": article_id},
    )
    return finished(seg, change)


def move_article(seg: Segmentation, article_id: str, new_index: int) -> Edit:
    """Reorder: the article goes to position `new_index` of the reading order."""
    article = find_article(seg, article_id)
    others = [a for a in seg.articles if a.id != article_id]
    if not 0 <= new_index <= len(others):
        raise EditError(
            f"position {new_index + 1} is outside the page's {len(seg.articles)} articles"
        )
    old_index = [a.id for a in seg.articles].index(article_id)
    if old_index == new_index:
        raise EditError(f"{article_id} is already there")
    others.insert(new_index, article)
    change = Change(
        "move_article",
        f"Move {article_id} to position {new_index + 1}",
        (article_id,),
        (),
        {"article": article_id, "from": old_index, "to": new_index},
    )
    return finished(replace(seg, articles=tuple(others)), change)


def move_article_up(seg: Segmentation, article_id: str) -> Edit:
    index = [a.id for a in seg.articles].index(find_article(seg, article_id).id)
    if index == 0:
        raise EditError(f"{article_id} is already the first article")
    return move_article(seg, article_id, index - 1)


def move_article_down(seg: Segmentation, article_id: str) -> Edit:
    index = [a.id for a in seg.articles].index(find_article(seg, article_id).id)
    if index == len(seg.articles) - 1:
        raise EditError(f"{article_id} is already the last article")
    return move_article(seg, article_id, index + 1)


# -- blocks -----------------------------------------------------------------------------


def move_blocks(
    seg: Segmentation, block_keys: Sequence[int], target_article_id: str | None
) -> Edit:
    """Blocks go to another article (None: to no article)."""
    if not block_keys:
        raise EditError("select the blocks to move")
    if target_article_id is not None:
        find_article(seg, target_article_id)
    if all((a := seg.article_of(k)) is not None and a.id == target_article_id for k in block_keys):
        raise EditError(f"the blocks are already in {target_article_id}")
    sources = tuple(sorted({a.id for k in block_keys if (a := seg.article_of(k))}))
    rest, taken = _take_blocks(seg, block_keys)
    if target_article_id is None:
        rest = replace(
            rest, unassigned=tuple(sorted(rest.unassigned + tuple(taken), key=lambda b: b.first))
        )
    else:
        target = rest.article(target_article_id)
        rest = with_article(rest, target.with_blocks(target.blocks + tuple(taken)))
    where = target_article_id or "no article"
    change = Change(
        "move_blocks",
        f"Move {len(taken)} block{'s' if len(taken) > 1 else ''} to {where}",
        tuple(x for x in (*sources, target_article_id) if x),
        tuple(sorted(block_keys)),
        {"blocks": sorted(block_keys), "to": target_article_id},
    )
    return finished(rest, change)


def move_blocks_to_number(seg: Segmentation, block_keys: Sequence[int], number: int) -> Edit:
    """Blocks go to the article at this place in reading order (1 is the first), as the
    tree numbers them: one key instead of one step per article in between."""
    if not 1 <= number <= len(seg.articles):
        raise EditError(f"there is no article {number} (the page has {len(seg.articles)})")
    return move_blocks(seg, block_keys, seg.articles[number - 1].id)


def set_role(seg: Segmentation, block_keys: Sequence[int], role: Role) -> Edit:
    """Give blocks a role; their text is reflowed as that role reads."""
    role = Role(role)
    keys = set(block_keys)
    blocks = [_block(seg, k) for k in sorted(keys)]
    if all(b.role is role for b in blocks):
        raise EditError(f"already {role.value}")

    def fix(b: Block) -> Block:
        return _retexted(seg, b, role, b.first, b.last) if b.first in keys else b

    articles = tuple(a.with_blocks(fix(b) for b in a.blocks) for a in seg.articles)
    unassigned = tuple(fix(b) for b in seg.unassigned)
    touched = tuple(sorted({a.id for k in keys if (a := seg.article_of(k))}))
    change = Change(
        "set_role",
        f"Make {len(keys)} block{'s' if len(keys) > 1 else ''} {role.value}",
        touched,
        tuple(sorted(keys)),
        {"blocks": sorted(keys), "role": role.value, "was": [b.role.value for b in blocks]},
    )
    return finished(replace(seg, articles=articles, unassigned=unassigned), change)


def join_with_previous(seg: Segmentation, block_key: int) -> Edit:
    """Join a block with the block of its role above it in its article (by line): the
    same correction as `join_paragraphs`, made from the lower paragraph, where a doubt
    about a column break puts the annotator."""
    block = _block(seg, block_key)
    owner = seg.article_of(block_key)
    siblings = owner.blocks if owner else seg.unassigned
    above = [b for b in siblings if b.first < block.first and b.role is block.role]
    if not above:
        raise EditError(f"no {block.role.value} block before line {block_key} to join with")
    return join_paragraphs(seg, max(above, key=lambda b: b.first).first)


def join_paragraphs(seg: Segmentation, block_key: int) -> Edit:
    """Join a block with the next block of its article (by line): a column break the
    pipeline read as a paragraph break."""
    block = _block(seg, block_key)
    owner = seg.article_of(block_key)
    siblings = sorted(owner.blocks if owner else seg.unassigned, key=lambda b: b.first)
    later = [b for b in siblings if b.first > block.first and b.role is block.role]
    if not later:
        raise EditError(f"no {block.role.value} block after line {block_key} to join with")
    following = later[0]
    between = [
        b for b in seg.blocks() if block.last < b.first < following.first and b is not following
    ]
    if between:
        other = between[0]
        raise EditError(
            f"the {other.role.value} block on line {other.first} lies between the blocks on "
            f"lines {block.first} and {following.first}: move it first, then join"
        )
    joined = _retexted(seg, block, block.role, block.first, following.last)
    rest, _ = _take_blocks(seg, [block.first, following.first])
    rest = _place(rest, owner.id if owner else None, joined)
    change = Change(
        "join_paragraphs",
        f"Join the paragraphs at lines {block.first} and {following.first}",
        (owner.id,) if owner else (),
        (block.first, following.first),
        {"block": block.first, "with": following.first},
    )
    return finished(rest, change)


def split_paragraph(seg: Segmentation, block_key: int, at_line: int) -> Edit:
    """Split a block so that a new one starts on `at_line`: a paragraph break the
    pipeline read as a column break."""
    block = _block(seg, block_key)
    if not block.first < at_line <= block.last:
        raise EditError(
            f"line {at_line} is not inside the block on lines {block.first}–{block.last} (after its first line)"
        )
    if seg.page.is_blank(at_line):
        raise EditError(f"line {at_line} is blank: split at a line with text")
    upper_last = max(n for n in range(block.first, at_line) if not seg.page.is_blank(n))
    owner = seg.article_of(block_key)
    rest, _ = _take_blocks(seg, [block.first])
    for part in (
        _retexted(seg, block, block.role, block.first, upper_last),
        _retexted(seg, block, block.role, at_line, block.last),
    ):
        rest = _place(rest, owner.id if owner else None, part)
    change = Change(
        "split_paragraph",
        f"Split the paragraph at line {at_line}",
        (owner.id,) if owner else (),
        (block.first, at_line),
        {"block": block.first, "at": at_line},
    )
    return finished(rest, change)


def _place(seg: Segmentation, article_id: str | None, block: Block) -> Segmentation:
    if article_id is None:
        return replace(
            seg, unassigned=tuple(sorted((*seg.unassigned, block), key=lambda b: b.first))
        )
    article = seg.article(article_id)
    return with_article(seg, article.with_blocks((*article.blocks, block)))


# -- doubts -----------------------------------------------------------------------------


def resolve_doubt(
    seg: Segmentation,
    article_id: str | None,
    block_key: int | None,
    about: str,
    only: Doubt | None = None,
) -> Edit:
    """The annotator accepts the pipeline's decision: the doubt goes, nothing else.

    With `only`, that doubt alone goes: a block or article may carry two doubts of one
    kind (a boundary in doubt and a run of columns read side by side, say), and
    accepting one says nothing of the other. Without it, every doubt of the kind goes."""

    def kept(doubts: tuple[Doubt, ...]) -> tuple[Doubt, ...]:
        if only is not None:
            return tuple(d for d in doubts if d != only)
        return tuple(d for d in doubts if d.about != about)

    if block_key is not None:
        block = _block(seg, block_key)
        if kept(block.doubts) == block.doubts:
            raise EditError(f"no doubt about {about} on line {block_key}")
        fixed = replace(block, doubts=kept(block.doubts))
        owner = seg.article_of(block_key)
        seg2, _ = _take_blocks(seg, [block_key])
        seg2 = _place(seg2, owner.id if owner else None, fixed)
    else:
        if article_id is None:
            raise EditError("name the article or block the doubt is about")
        article = find_article(seg, article_id)
        if kept(article.doubts) == article.doubts:
            raise EditError(f"no doubt about {about} on {article_id}")
        seg2 = with_article(seg, replace(article, doubts=kept(article.doubts)))
    change = Change(
        "resolve_doubt",
        f"Accept the {about} decision",
        (article_id,) if article_id else (),
        (block_key,) if block_key is not None else (),
        {"about": about, "article": article_id, "block": block_key},
    )
    return finished(seg2, change)
