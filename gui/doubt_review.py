"""Walking and deciding the pipeline's doubts, for the page editor (a mixin of
PageEditor): F8 least sure first, F7 down the tree, Y accepts the decision, Alt+N takes
an alternative; a link doubt is decided in the links table (PageLinks).
"""

from __future__ import annotations

from banmian.core.edits import structure as edits
from banmian.core.edits.doubts import take_alternative
from banmian.core.edits.structure import Edit, EditError
from banmian.core.page.model import Segmentation
from banmian.gui.article_model import KEY_ROLE
from banmian.gui.translate import tr


class DoubtReview:
    """Needs from the editor: `tree`, `segmentation`, `doubt_index`, `doubt_shown`,
    `doubt_visited`, `message`, `apply`, `_go_to_row`, `_tree_selected`, `_show_doubt`
    and `decide_link_doubt`."""

    def step_doubt_row(self, step: int) -> None:
        """F7 / Shift+F7: the next / previous block in the tree that has a doubt (in the
        tree's order, where F8 goes least sure first); the doubt panel shows its doubt."""
        seg = self.segmentation
        if seg is None:
            return
        doubted = {key for _d, _a, key in seg.doubts() if key is not None}
        if not self._go_to_row(
            lambda i: i.data(KEY_ROLE)[0] == "block" and i.data(KEY_ROLE)[1] in doubted, step
        ):
            self.message.emit(tr("No doubt further on") if step > 0 else tr("No doubt above"))
            return
        key = self.tree.currentIndex().data(KEY_ROLE)[1]
        self._visit(next(i for i, (_d, _a, k) in enumerate(seg.doubts()) if k == key))

    def next_doubt(self, step: int = 1) -> None:
        """F8 / Shift+F8: the next / previous doubt, least sure first. A doubt that slid
        into the panel when a correction took the one there away (the block it was on
        was corrected) is the next one: F8 goes to it, not past it."""
        doubts = self.segmentation.doubts() if self.segmentation else []
        if not doubts:
            self.message.emit(tr("No doubts left on this page"))
            self._show_doubt()
            return
        if self.doubt_index < 0:
            index = 0 if step > 0 else len(doubts) - 1
        elif step > 0 and not self.doubt_visited:
            index = self.doubt_index
        else:
            index = self.doubt_index + step
        index %= len(doubts)
        doubt, article_id, block_key = doubts[index]
        self.tree.select_items([article_id] if article_id else [], [block_key] if block_key else [])
        self._tree_selected()
        self._visit(index)

    def _visit(self, index: int) -> None:
        """Show the doubt at `index` as the one the annotator went to."""
        doubts = self.segmentation.doubts() if self.segmentation else []
        self.doubt_index = index
        if 0 <= index < len(doubts):
            self.doubt_shown = (doubts[index][0], doubts[index][2])
        self.doubt_visited = True
        self._show_doubt()

    def _current_doubt(self):
        doubts = self.segmentation.doubts() if self.segmentation else []
        if not 0 <= self.doubt_index < len(doubts):
            if not doubts:
                raise EditError(tr("no doubt to decide: press F8 to go to one"))
            self.doubt_index = 0
        return doubts[self.doubt_index]

    def accept_doubt(self) -> None:
        if self._link_doubt(0):
            return

        def accept(seg: Segmentation) -> Edit:
            doubt, article_id, block_key = self._current_doubt()
            return edits.resolve_doubt(seg, article_id, block_key, doubt.about, only=doubt)

        if self.apply(accept):
            self._after_doubt()

    def take_alternative(self, index: int) -> None:
        if self._link_doubt(index):
            return

        def take(seg: Segmentation) -> Edit:
            doubt, article_id, block_key = self._current_doubt()
            return take_alternative(seg, doubt, article_id, block_key, index)

        if self.apply(take):
            self._after_doubt()

    def _link_doubt(self, index: int) -> bool:
        """A `link` doubt is decided in the links table (PageLinks.decide_link_doubt);
        True when the current doubt was one (decided or not)."""
        doubts = self.segmentation.doubts() if self.segmentation else []
        if not doubts:
            return False
        doubt, article_id, _block = self._current_doubt()
        if doubt.about != "link":
            return False
        if self.decide_link_doubt(doubt, article_id, index):
            self._after_doubt()
        return True

    def _after_doubt(self) -> None:
        """The decided doubt is gone from the list; show the one now in its place."""
        doubts = self.segmentation.doubts() if self.segmentation else []
        if not doubts:
            self.doubt_index = -1
            self._show_doubt()
            return
        self.doubt_index = min(max(self.doubt_index, 0), len(doubts) - 1)
        self.doubt_visited = False  # the one now in its place is the next
        self.next_doubt()
