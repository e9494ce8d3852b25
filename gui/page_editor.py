"""One page open for correction: its text beside its articles, every key an edit.

The editor holds the current Segmentation value and the store it came from. A key
press computes a new value with a pure `core` edit, pushes it as an undo command, and
the command saves it before anything else happens; the views are then refreshed from
the saved value, never patched by hand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from banmian.core.cli.main import storage_problem
from banmian.core.corpus import continuations
from banmian.core.corpus.database import DatabaseRefused
from banmian.core.corpus.store import Store, StoreError
from banmian.core.edits import details as articleedits
from banmian.core.edits.structure import Edit, EditError
from banmian.core.page.model import Segmentation
from banmian.gui.article_details import ArticleDetails
from banmian.gui.article_tree import ArticleTree
from banmian.gui.commands import EditCommand, StatusCommand
from banmian.gui.corrections import Corrections
from banmian.gui.doubt_panel import DoubtPanel
from banmian.gui.doubt_review import DoubtReview
from banmian.gui.page_links import PageLinks
from banmian.gui.page_navigation import PageNavigation
from banmian.gui.page_text_view import PageTextView
from banmian.gui.repeat import MODIFIER_KEYS
from banmian.gui.split_choice import SplitChoice
from banmian.gui.translate import tr
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIntValidator, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

CHECKPOINT_PAUSE_MS = 1500
# What a save can meet besides success: the window says so and never crashes on it.
STORAGE_ERRORS = (sqlite3.Error, OSError, StoreError, DatabaseRefused)

# The focused pane is framed in the palette's highlight colour, the other one is not.
FOCUS_FRAME = (
    "QTreeView, QPlainTextEdit { border: 2px solid transparent; }"
    "QTreeView:focus, QPlainTextEdit:focus { border: 2px solid palette(highlight); }"
)


class PageEditor(Corrections, PageLinks, PageNavigation, DoubtReview, SplitChoice, QWidget):
    message = Signal(str)  # a correction that could not be made, or what was done
    mode_changed = Signal()  # the page became read-only or editable
    fragment_requested = Signal(int, str)  # the other part of a linked article: page, id
    furniture_marked = Signal(int, list)  # page, the texts of lines just marked as noise

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.page_id: int | None = None
        self.segmentation: Segmentation | None = None
        self.status = "new"
        self.undo_stack: QUndoStack | None = None
        self.save_failed = False  # the last save the database refused (see _not_saved)
        self.doubt_index = -1
        # the doubt in the panel, and whether the annotator went to it (F8, F7, opening
        # the page) or it slid into its place when a correction took the one there away
        self.doubt_shown: tuple | None = None
        self.doubt_visited = False
        self.read_only = False  # a verified page, until the annotator chooses to edit it
        self.split_block: int | None = None  # choosing the line of a paragraph split
        self.split_line: int | None = None
        self.split_typed = ""  # the digits typed while choosing the split line
        self.goto_line_at: int | None = None  # the line Ctrl+G went to (Shift+J splits there)
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
        self.splitter.setStyleSheet(FOCUS_FRAME)
        self.goto_bar = QWidget()
        goto_layout = QHBoxLayout(self.goto_bar)
        goto_layout.setContentsMargins(0, 0, 0, 0)
        goto_layout.addWidget(QLabel(tr("Go to line:")))
        self.goto_entry = QLineEdit()
        self.goto_entry.setValidator(QIntValidator(1, 10**6, self.goto_entry))
        self.goto_entry.setPlaceholderText(
            tr("line number, then Return or a command key (Esc: back)")
        )
        goto_layout.addWidget(self.goto_entry, 1)
        self.goto_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.doubt_panel)
        layout.addWidget(self.goto_bar)
        layout.addWidget(self.splitter, 1)
        self.goto_entry.returnPressed.connect(self._goto_typed)
        self.tree.installEventFilter(self)
        for field in (
            self.text_view,
            self.goto_entry,
            self.details.title,
            self.details.continued_from,
            self.details.continued_to,
            self.details.notes,
            self.details.tags,
            self.details.tag_entry,
            self.details.tag_kind,
            self.details.suggestions,
        ):
            field.installEventFilter(self)
        for field in (self.details.title, self.details.continued_from, self.details.continued_to):
            field.returnPressed.connect(self.tree.setFocus)

        self.tree.selectionModel().selectionChanged.connect(self._tree_selected)
        self.tree.selectionModel().currentChanged.connect(self._tree_selected)
        self.tree.article_model.blocks_dropped.connect(self._blocks_dropped)
        self.text_view.line_activated.connect(self._line_activated)
        self.details.details_edited.connect(self._details_edited)
        self.details.tag_added.connect(self._tag_typed)
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
        self.details.link_ends = lambda article_id: continuations.page_links(store, page_id).get(
            article_id, []
        )
        # a verified page until E; every page while another window edits the database
        self.read_only = status == "verified" or store.readonly
        self._end_split_choice()
        self.goto_bar.hide()
        self.doubt_index, self.doubt_shown = -1, None
        self.text_view.hits = [w for w in hits or [] if w]  # drawn by the refresh below
        self.refresh()
        if not self.read_only and self.segmentation.doubts():
            self.next_doubt()  # a page to correct opens on its least sure decision (F8)
        else:
            first = self.tree.article_model.index(0, 0)
            if first.isValid():
                self.tree.setCurrentIndex(first)
        self.tree.setFocus()
        self.mode_changed.emit()
        if self.read_only:
            self.message.emit(self.mode_text())

    def mode_text(self) -> str:
        """What the status bar says for as long as the page is open."""
        if self.segmentation is None:
            return ""
        if self.store is not None and self.store.readonly:
            return tr("Read-only: the database is open in another window")
        if self.read_only:
            return tr("Verified page, read-only: press E to edit it")
        return tr(self.status)

    def edit_verified(self) -> None:
        """Make a verified page editable again; it goes back to `in_progress`."""
        if self.segmentation is None or not self.read_only:
            self.message.emit(tr("This page is already editable"))
            return
        if self.store is not None and self.store.readonly:
            self.message.emit(self.mode_text())
            return
        self.read_only = False
        self.set_status("in_progress")
        self.mode_changed.emit()
        self.message.emit(tr("The page is editable again (in progress)"))

    def close_page(self) -> None:
        self.details.flush()
        self._end_split_choice()
        self.read_only = False
        self.checkpoint_timer.stop()
        self.store = self.page_id = self.segmentation = self.undo_stack = None
        self.text_view.segmentation = None
        self.tree.article_model.set_segmentation(None)
        self.details.show_article(None)

    def commit(self, segmentation: Segmentation, action: str, detail: dict, focus: Edit) -> bool:
        """Save, then show: called by the undo commands only."""
        assert self.store is not None and self.page_id is not None
        try:
            self.store.save(self.page_id, segmentation, action, detail)
            if continuations.relink_edited_page(self.store, self.page_id):
                # the linker put link doubts on the page's articles: show (and keep) them
                segmentation = self.store.load(self.page_id)
        except STORAGE_ERRORS as exc:
            return self._not_saved(exc)
        self.save_failed = False
        self.checkpoint_timer.start()
        self.segmentation = segmentation
        if self.status == "new":
            self.status = "in_progress"
        if focus.change.blocks:
            self.refresh(list(focus.change.articles), list(focus.change.blocks))
        else:  # tags, details, reordering: the selection stays where the annotator is
            self.refresh()
        return True

    def commit_status(self, status: str) -> bool:
        assert self.store is not None and self.page_id is not None
        try:
            self.store.set_status(self.page_id, status)
        except STORAGE_ERRORS as exc:
            return self._not_saved(exc)
        self.save_failed = False
        self.checkpoint_timer.start()
        self.status = status
        self.mode_changed.emit()
        return True

    def _not_saved(self, exc: Exception) -> bool:
        """A correction the database refused (locked past the busy timeout, disk full,
        file gone read-only): the screen goes back to what is saved and says why; the
        command removes itself from the undo stack (see gui.commands)."""
        self.save_failed = True
        reason = storage_problem(exc) if isinstance(exc, sqlite3.Error) else str(exc)
        self.message.emit(tr("Not saved, so not made: {0}").format(reason))
        # shown once the key that asked for it is handled: rewriting a text field from
        # inside its own change signal (a note being typed) aborts Qt
        QTimer.singleShot(0, self.refresh)
        return False

    def _checkpoint(self) -> None:
        if self.store is not None:
            self.store.checkpoint()

    def apply(self, make: Callable[[Segmentation], Edit]) -> bool:
        """Compute an edit on the current page and push it (which saves it)."""
        if self.segmentation is None or self.undo_stack is None:
            self.message.emit(tr("Open a page first"))
            return False
        if self.read_only:
            self.message.emit(self.mode_text())
            return False
        try:
            edit = make(self.segmentation)
        except EditError as exc:
            self.message.emit(tr(str(exc)))  # core's fixed sentences are translated
            return False
        self.save_failed = False
        self.goto_line_at = None  # a correction ends Ctrl+G's claim on Shift+J
        self.undo_stack.push(EditCommand(self, self.segmentation, edit))
        if self.save_failed:
            return False  # _not_saved said why
        self.message.emit(edit.change.description)
        return True

    def set_status(self, status: str) -> None:
        if self.store is not None and self.store.readonly:
            self.message.emit(self.mode_text())
            return
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
        self.text_view.select_article(article.id if article else None)
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
        keys = [(d, k) for d, _a, k in doubts]
        if self.doubt_shown in keys:  # an edit elsewhere may have moved it in the list
            self.doubt_index = keys.index(self.doubt_shown)
        if 0 <= self.doubt_index < len(doubts):
            doubt, article_id, block_key = doubts[self.doubt_index]
            if self.doubt_shown != (doubt, block_key):
                # not the doubt the annotator went to: an edit took that one away
                self.doubt_visited = False
            self.doubt_shown = (doubt, block_key)
            self.doubt_panel.show_doubt(
                doubt, article_id, block_key, self.doubt_index + 1, len(doubts)
            )
        else:
            self.doubt_index, self.doubt_shown = -1, None
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ShortcutOverride:
            if watched is self.tree and self.split_choice_takes(event.key(), event.modifiers()):
                event.accept()  # a digit or role key chooses the split, not its command
                return True
            if watched is self.goto_entry and _ends_typing_a_number(event):
                self._goto_typed()  # the number typed so far is gone to; the key then
                event.ignore()  # acts as the command it is, on that line's block
                return True
        if event.type() == QEvent.Type.KeyPress:
            if watched is self.tree and event.key() not in MODIFIER_KEYS:
                self.goto_line_at = None  # Shift+J splits at it only right after Ctrl+G
            if watched is self.tree and self.split_block is not None:
                if self._split_key(event):
                    return True
            elif event.key() == Qt.Key.Key_Escape and watched is not self.tree:
                if watched is self.goto_entry:
                    self.goto_bar.hide()
                self.details.flush()
                self.tree.setFocus()  # Escape from any field: back to the tree
                return True
        return super().eventFilter(watched, event)


def _ends_typing_a_number(event: QEvent) -> bool:
    """A key in the go-to-line field that is neither a digit nor for editing the number:
    a command's key (H, Shift+J, 3, …) ends the typing instead of Return."""
    editing = {
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Escape,
    }
    plain = event.modifiers() in (
        Qt.KeyboardModifier.NoModifier,
        Qt.KeyboardModifier.KeypadModifier,
    )
    if event.key() in editing or (plain and Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9):
        return False
    # a shortcut with a modifier (Ctrl+Z, Ctrl+A in the field) stays the field's own
    return event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)


def _has_block(seg: Segmentation, key: int) -> bool:
    return any(b.first == key for b in seg.blocks())


def _article(seg: Segmentation, article_id: str | None):
    return next((a for a in seg.articles if a.id == article_id), None)
