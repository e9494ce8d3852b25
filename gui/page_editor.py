"""One page open for correction: its text beside its articles, every key an edit.

The editor holds the current Segmentation value and the store it came from. A key
press computes a new value with a pure `core` edit, pushes it as an undo command, and
the command saves it before anything else happens; the views are then refreshed from
the saved value, never patched by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from banmian.core import articleedits, edits
from banmian.core.doubtchoices import take_alternative
from banmian.core.edits import Edit, EditError
from banmian.core.model import Role, Segmentation, Tag
from banmian.core.store import Store
from banmian.gui.article_details import ArticleDetails
from banmian.gui.article_tree import ArticleTree
from banmian.gui.commands import EditCommand, StatusCommand
from banmian.gui.doubt_panel import DoubtPanel
from banmian.gui.page_text_view import PageTextView
from banmian.gui.translate import tr
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

CHECKPOINT_PAUSE_MS = 1500


class PageEditor(QWidget):
    message = Signal(str)  # a correction that could not be made, or what was done

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.page_id: int | None = None
        self.segmentation: Segmentation | None = None
        self.status = "new"
        self.undo_stack: QUndoStack | None = None
        self.doubt_index = -1
        self._syncing = False
        # The store's log is copied into the file once the annotator pauses (see
        # Store.defer_checkpoints), never inside a keystroke.
        self.checkpoint_timer = QTimer(self, singleShot=True, interval=CHECKPOINT_PAUSE_MS)
        self.checkpoint_timer.timeout.connect(self._checkpoint)

        self.text_view = PageTextView()
        self.tree = ArticleTree()
        self.details = ArticleDetails()
        self.doubt_panel = DoubtPanel()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.tree)
        right.addWidget(self.details)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.text_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.right_splitter = right
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.doubt_panel)
        layout.addWidget(self.splitter, 1)

        self.tree.selectionModel().selectionChanged.connect(self._tree_selected)
        self.tree.selectionModel().currentChanged.connect(self._tree_selected)
        self.tree.article_model.blocks_dropped.connect(self._blocks_dropped)
        self.text_view.line_activated.connect(self._line_activated)
        self.details.details_edited.connect(self._details_edited)
        self.details.tag_added.connect(
            lambda aid, name, kind: self.apply(
                lambda s: articleedits.add_tag(s, aid, Tag(name, kind, "user"))
            )
        )
        self.details.tag_removed.connect(
            lambda aid, name: self.apply(lambda s: articleedits.remove_tag(s, aid, name))
        )
        self.details.suggestion_accepted.connect(
            lambda aid, name: self.apply(lambda s: articleedits.accept_suggestion(s, aid, name))
        )
        self.doubt_panel.accept_requested.connect(self.accept_doubt)
        self.doubt_panel.alternative_requested.connect(self.take_alternative)

    # -- opening and saving -------------------------------------------------------------
    def open_page(
        self,
        store: Store,
        page_id: int,
        status: str,
        undo_stack: QUndoStack,
        hits: list[str] | None = None,
    ) -> None:
        """Show a page (its search words marked); the status comes from the caller, who
        has the page's summary already."""
        self.details.flush()
        self.store, self.page_id, self.undo_stack = store, page_id, undo_stack
        self.segmentation = store.load(page_id)
        self.status = status
        self.doubt_index = -1
        self.text_view.hits = [w for w in hits or [] if w]  # drawn by the refresh below
        self.refresh()
        first = self.tree.article_model.index(0, 0)
        if first.isValid():
            self.tree.setCurrentIndex(first)
        self.tree.setFocus()

    def close_page(self) -> None:
        self.details.flush()
        self.checkpoint_timer.stop()
        self.store = self.page_id = self.segmentation = self.undo_stack = None
        self.text_view.segmentation = None
        self.tree.article_model.set_segmentation(None)
        self.details.show_article(None)

    def commit(self, segmentation: Segmentation, action: str, detail: dict, focus: Edit) -> None:
        """Save, then show: called by the undo commands only."""
        assert self.store is not None and self.page_id is not None
        self.store.save(self.page_id, segmentation, action, detail)
        self.checkpoint_timer.start()
        self.segmentation = segmentation
        if self.status == "new":
            self.status = "in_progress"
        self.refresh(list(focus.change.articles), list(focus.change.blocks))

    def commit_status(self, status: str) -> None:
        assert self.store is not None and self.page_id is not None
        self.store.set_status(self.page_id, status)
        self.checkpoint_timer.start()
        self.status = status

    def _checkpoint(self) -> None:
        if self.store is not None:
            self.store.checkpoint()

    def apply(self, make: Callable[[Segmentation], Edit]) -> bool:
        """Compute an edit on the current page and push it (which saves it)."""
        if self.segmentation is None or self.undo_stack is None:
            self.message.emit(tr("Open a page first"))
            return False
        try:
            edit = make(self.segmentation)
        except EditError as exc:
            self.message.emit(str(exc))
            return False
        self.undo_stack.push(EditCommand(self, self.segmentation, edit))
        self.message.emit(edit.change.description)
        return True

    def set_status(self, status: str) -> None:
        if self.undo_stack is not None and status != self.status:
            text = tr("Mark page {0}").format(tr(status))
            self.undo_stack.push(StatusCommand(self, self.status, status, text))

    # -- showing ------------------------------------------------------------------------
    def refresh(self, articles: list[str] | None = None, blocks: list[int] | None = None) -> None:
        seg = self.segmentation
        if seg is None:
            return
        if articles is None and blocks is None:
            articles, blocks = self._current_keys()
        self._syncing = True
        try:
            self.text_view.show_segmentation(seg)
            self.tree.article_model.set_segmentation(seg)
            self.tree.expandAll()
            live_blocks = [k for k in blocks or [] if _has_block(seg, k)]
            live_articles = [a for a in articles or [] if any(x.id == a for x in seg.articles)]
            self.tree.select_items(live_articles, live_blocks)
        finally:
            self._syncing = False
        self._tree_selected()
        self._show_doubt()

    def _current_keys(self) -> tuple[list[str], list[int]]:
        article, blocks = self.tree.keys()
        return ([article] if article else []), blocks

    def _tree_selected(self, *_args) -> None:
        if self._syncing or self.segmentation is None:
            return
        article_id, blocks = self.tree.keys()
        article = _article(self.segmentation, article_id)
        self.details.show_article(article)
        if blocks:
            spans = [self.segmentation.block(k) for k in blocks]
            first, last = min(b.first for b in spans), max(b.last for b in spans)
        elif article is not None:
            first, last = article.first_line, max(b.last for b in article.blocks)
        else:
            return
        self._syncing = True
        self.text_view.select_lines(first, last)
        self._syncing = False

    def _line_activated(self, line: int) -> None:
        if self._syncing or self.segmentation is None:
            return
        block = self.segmentation.block_at_line(line)
        if block is None:
            return
        self._syncing = True
        owner = self.segmentation.article_of(block.first)
        self.tree.select_items([owner.id] if owner else [], [block.first])
        self._syncing = False
        self.details.show_article(owner)

    def _show_doubt(self) -> None:
        doubts = self.segmentation.doubts() if self.segmentation else []
        if 0 <= self.doubt_index < len(doubts):
            doubt, article_id, block_key = doubts[self.doubt_index]
            self.doubt_panel.show_doubt(
                doubt, article_id, block_key, self.doubt_index + 1, len(doubts)
            )
        else:
            self.doubt_index = -1
            self.doubt_panel.show_doubt(None, None, None, 0, len(doubts))

    # -- what the keys act on -----------------------------------------------------------
    def article_id(self) -> str | None:
        article_id, blocks = self.tree.keys()
        if article_id is None and blocks and self.segmentation:
            owner = self.segmentation.article_of(blocks[0])
            return owner.id if owner else None
        return article_id

    def block_keys(self) -> list[int]:
        """Selected blocks in the tree, else the block under the page text's cursor."""
        _article_id, blocks = self.tree.keys()
        if blocks or self.segmentation is None:
            return blocks
        block = self.segmentation.block_at_line(self.text_view.current_line())
        return [block.first] if block else []

    def _need_article(self) -> str:
        article_id = self.article_id()
        if article_id is None:
            raise EditError(tr("select an article first"))
        return article_id

    def _need_block(self) -> int:
        keys = self.block_keys()
        if not keys:
            raise EditError(tr("select a block first"))
        return keys[0]

    # -- corrections --------------------------------------------------------------------
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
        self.apply(lambda s: edits.set_role(s, self.block_keys(), role))

    def join(self) -> None:
        self.apply(lambda s: edits.join_paragraphs(s, self._need_block()))

    def split_paragraph(self) -> None:
        line = self.text_view.current_line()
        self.apply(lambda s: edits.split_paragraph(s, self._block_around(s, line), line))

    def _block_around(self, seg: Segmentation, line: int) -> int:
        block = seg.block_at_line(line)
        if block is None:
            raise EditError(tr("put the page text's cursor on the line that starts the paragraph"))
        return block.first

    def to_article(self, step: int) -> None:
        def move(seg: Segmentation) -> Edit:
            keys = self.block_keys()
            if not keys:
                raise EditError(tr("select a block first"))
            return edits.move_blocks(seg, keys, _neighbour_article(seg, keys[0], step))

        self.apply(move)

    def unassign(self) -> None:
        self.apply(lambda s: edits.move_blocks(s, self.block_keys(), None))

    def _blocks_dropped(self, keys: list, target: object) -> None:
        self.apply(lambda s: edits.move_blocks(s, [int(k) for k in keys], target))

    def _details_edited(self, article_id: str, changed: dict) -> None:
        try:
            assert self.segmentation is not None
            edit = articleedits.set_article_details(self.segmentation, article_id, **changed)
        except EditError:
            return  # typed back what was there: nothing to save
        self.apply(lambda _s: edit)

    def accept_suggestion(self, number: int) -> None:
        if not self.details.accept_suggestion(number):
            self.message.emit(tr("no suggested tag {0}").format(number))

    def add_tag_named(self, name: str, kind: str) -> None:
        self.apply(lambda s: articleedits.add_tag(s, self._need_article(), Tag(name, kind, "user")))

    # -- doubts -------------------------------------------------------------------------
    def next_doubt(self, step: int = 1) -> None:
        doubts = self.segmentation.doubts() if self.segmentation else []
        if not doubts:
            self.message.emit(tr("No doubts left on this page"))
            self._show_doubt()
            return
        self.doubt_index = (self.doubt_index + step) % len(doubts)
        doubt, article_id, block_key = doubts[self.doubt_index]
        self.tree.select_items([article_id] if article_id else [], [block_key] if block_key else [])
        self._tree_selected()
        self._show_doubt()

    def _current_doubt(self):
        doubts = self.segmentation.doubts() if self.segmentation else []
        if not 0 <= self.doubt_index < len(doubts):
            if not doubts:
                raise EditError(tr("no doubt to decide: press F8 to go to one"))
            self.doubt_index = 0
        return doubts[self.doubt_index]

    def accept_doubt(self) -> None:
        def accept(seg: Segmentation) -> Edit:
            doubt, article_id, block_key = self._current_doubt()
            return edits.resolve_doubt(seg, article_id, block_key, doubt.about)

        if self.apply(accept):
            self._after_doubt()

    def take_alternative(self, index: int) -> None:
        def take(seg: Segmentation) -> Edit:
            doubt, article_id, block_key = self._current_doubt()
            return take_alternative(seg, doubt, article_id, block_key, index)

        if self.apply(take):
            self._after_doubt()

    def _after_doubt(self) -> None:
        """The decided doubt is gone from the list; show the one now in its place."""
        doubts = self.segmentation.doubts() if self.segmentation else []
        if not doubts:
            self.doubt_index = -1
            self._show_doubt()
            return
        self.doubt_index = min(max(self.doubt_index, 0), len(doubts) - 1) - 1
        self.next_doubt()


def _has_block(seg: Segmentation, key: int) -> bool:
    return any(b.first == key for b in seg.blocks())


def _article(seg: Segmentation, article_id: str | None):
    return next((a for a in seg.articles if a.id == article_id), None)


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
