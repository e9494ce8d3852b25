"""The page editor's corrections (a mixin of PageEditor): each command key computes a
new segmentation with a pure `core` edit on the selection, and `apply` saves it as one
undoable step.
"""

from __future__ import annotations

from collections.abc import Callable

from banmian.core.corpus.furniture import furniture_texts
from banmian.core.edits import details as articleedits
from banmian.core.edits import structure as edits
from banmian.core.edits.structure import Edit, EditError
from banmian.core.page.model import Role, Segmentation, Tag
from banmian.gui.translate import tr


class Corrections:
    """Needs from the editor: `segmentation`, `page_id`, `tree`, `details`, `message`,
    `furniture_marked`, `apply`, `block_keys`, `_need_article`, `_need_block` and
    `_tree_selected`."""

    def split(self) -> None:
        self.apply(lambda s: edits.split_article(s, self._need_block()))

    def merge_next(self) -> None:
        self.apply(lambda s: edits.merge_with_next(s, self._need_article()))

    def merge_previous(self) -> None:
        self.apply(lambda s: edits.merge_with_previous(s, self._need_article()))

    def new_article(self) -> None:
        self.apply(lambda s: edits.new_article(s, self.block_keys()))

    def dissolve(self) -> None:
        self.apply(lambda s: edits.dissolve_article(s, self._need_article()))

    def article_up(self) -> None:
        self.apply(lambda s: edits.move_article_up(s, self._need_article()))

    def article_down(self) -> None:
        self.apply(lambda s: edits.move_article_down(s, self._need_article()))

    def set_role(self, role: Role) -> None:
        keys = self.block_keys()
        if self.apply(lambda s: edits.set_role(s, keys, role)) and role is Role.NOISE:
            # the same lines on the newspaper's untouched pages (core.corpus.furniture)
            self.furniture_marked.emit(self.page_id, furniture_texts(self.segmentation, keys))

    def join(self) -> None:
        self.apply(lambda s: edits.join_paragraphs(s, self._need_block()))

    def join_previous(self) -> None:
        self.apply(lambda s: edits.join_with_previous(s, self._need_block()))

    def to_article(self, step: int) -> None:
        def move(seg: Segmentation) -> Edit:
            keys = self.block_keys()
            if not keys:
                raise EditError(tr("select a block first"))
            return edits.move_blocks(seg, keys, _neighbour_article(seg, keys[0], step))

        self.apply(move)

    def to_article_number(self, number: int) -> None:
        """1–9: the selected blocks go to the article with that number in the tree."""
        self._move_away(lambda s, keys: edits.move_blocks_to_number(s, keys, number))

    def unassign(self) -> None:
        self.apply(lambda s: edits.move_blocks(s, self.block_keys(), None))

    def _move_away(self, make: Callable[[Segmentation, list[int]], Edit]) -> None:
        """Move the selected blocks, then select the block now in their place in the
        group they left, so that reviewing goes on down that article."""
        keys = self.block_keys()
        place = _block_after(self.segmentation, keys) if self.segmentation else None
        if self.apply(lambda s: make(s, keys)) and place is not None:
            owner = self.segmentation.article_of(place)
            self.tree.select_items([owner.id] if owner else [], [place])
            self._tree_selected()

    def _blocks_dropped(self, keys: list, target: object) -> None:
        self.apply(lambda s: edits.move_blocks(s, [int(k) for k in keys], target))

    def _details_edited(self, article_id: str, changed: dict) -> None:
        try:
            assert self.segmentation is not None
            edit = articleedits.set_article_details(self.segmentation, article_id, **changed)
        except EditError:
            return  # typed back what was there: nothing to save
        self.apply(lambda _s: edit)

    def _tag_typed(self, article_id: str, name: str, kind: str) -> None:
        self.apply(lambda s: articleedits.add_tag(s, article_id, Tag(name, kind, "user")))
        self.tree.setFocus()  # the next key is a command again, not a tag

    def accept_suggestion(self, number: int) -> None:
        if not self.details.accept_suggestion(number):
            self.message.emit(tr("no suggested tag {0}").format(number))

    def add_tag_named(self, name: str, kind: str) -> None:
        self.apply(lambda s: articleedits.add_tag(s, self._need_article(), Tag(name, kind, "user")))


def _block_after(seg: Segmentation, keys: list[int]) -> int | None:
    """The block that follows the selected ones in their group (article or unassigned),
    in the tree's order; else the one before them; None if they are the whole group."""
    if not keys:
        return None
    owner = seg.article_of(keys[0])
    group = [b.first for b in (owner.blocks if owner else seg.unassigned)]
    if keys[0] not in group:
        return None
    chosen = set(keys)
    last = max(group.index(k) for k in keys if k in group)
    after = [k for k in group[last + 1 :] if k not in chosen]
    before = [k for k in group[:last] if k not in chosen]
    return after[0] if after else (before[-1] if before else None)


def _neighbour_article(seg: Segmentation, key: int, step: int) -> str:
    """The article before/after the block's own one; for a block in no article, the
    article of the nearest assigned block above/below it on the page."""
    owner = seg.article_of(key)
    ids = [a.id for a in seg.articles]
    if owner is not None:
        index = ids.index(owner.id) + step
        if not 0 <= index < len(ids):
            raise EditError(
                tr("{0} has no {1} article").format(
                    owner.id, tr("previous") if step < 0 else tr("next")
                )
            )
        return ids[index]
    blocks = seg.blocks()
    ordered = (
        [b for b in blocks if b.first < key][::-1]
        if step < 0
        else [b for b in blocks if b.first > key]
    )
    for block in ordered:
        if (near := seg.article_of(block.first)) is not None:
            return near.id
    raise EditError(
        tr("there is no article above it") if step < 0 else tr("there is no article below it")
    )
