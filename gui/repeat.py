"""F4: do the last correction again, together with the moves that led to it.

Where a page's errors come in a rhythm (pdftotext interleaves two articles' columns
line by line, so every third and fourth block belongs elsewhere), the annotator walks
the same few rows and presses the same key over and over. F4 replays the keys pressed
since the correction before the last one: the tree's own moves (arrows, Home/End,
PgUp/PgDn, each with or without Shift) and the window's moving commands (] [ . , F7
F8 Shift+PgDn …), then the one-key correction that ended them (a role, a digit, J, X,
…). Anything else in between (a click in the page text, Ctrl+G, a split chosen with
Shift+J, an undo) makes the last correction not repeatable, so F4 never guesses: it
replays exactly what the annotator saw happen, through the same handlers.
"""

from __future__ import annotations

from collections.abc import Callable

from banmian.gui.actions import ROLE_ACTIONS
from banmian.gui.translate import tr
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QWidget

MOVES = {
    "next_article",
    "previous_article",
    "next_heading",
    "previous_heading",
    "extend_on_page",
    "extend_on_page_up",
    "next_doubt",
    "previous_doubt",
    "next_doubt_down",
    "previous_doubt_up",
}
CORRECTIONS = {
    "split",
    "merge_next",
    "merge_previous",
    "new_article",
    "dissolve",
    "article_up",
    "article_down",
    "join",
    "join_previous",
    "to_previous_article",
    "to_next_article",
    "unassign",
    "accept_doubt",
    *ROLE_ACTIONS,
    *(f"to_article_{n}" for n in range(1, 10)),
    *(f"alternative_{n}" for n in (1, 2)),
}
_TREE_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End}
_TREE_KEYS |= {Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta}

Step = tuple[str, object, object]  # ("key", key, modifiers) or ("command", name, None)


class Repeater(QObject):
    """Records the moves since the last correction; `repeat` replays the last group.

    `tree` and `text_view` are the page editor's; `busy` says whether a split line is
    being chosen (its keys belong to the choice, not to moving); `trigger(name)` runs a
    window command as its key would; `message` goes to the status bar."""

    message = Signal(str)

    def __init__(
        self,
        tree: QWidget,
        text_view: QWidget,
        undo_group: QUndoGroup,
        busy: Callable[[], bool],
        trigger: Callable[[str], None],
    ) -> None:
        super().__init__(tree)
        self.tree, self.text_view, self.busy, self.trigger = tree, text_view, busy, trigger
        self.moves: list[Step] | None = []  # None: something not replayable happened
        self.last: list[Step] | None = None  # the group F4 replays
        self.running: str | None = None  # the command being run, while it runs
        self.edited = False
        tree.installEventFilter(self)
        text_view.installEventFilter(self)
        undo_group.indexChanged.connect(self._index_changed)

    def reset(self) -> None:
        """Another page: nothing of the last one is repeated on it."""
        self.moves, self.last = [], None

    def wrap(self, name: str, run: Callable[[], None]) -> Callable[[], None]:
        """The command `name` as its key runs it, recorded for F4."""
        if name == "repeat":
            return run

        def recorded() -> None:
            self.running, self.edited = name, False
            try:
                run()
            finally:
                self.running = None
            if self.edited:
                return
            if name in MOVES:
                if self.moves is not None:
                    self.moves.append(("command", name, None))
            elif name not in CORRECTIONS:  # a dialog, a field, Ctrl+G, Shift+J's choice…
                self.moves = None

        return recorded

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and not self.busy():
            assert isinstance(event, QKeyEvent)
            key, modifiers = event.key(), event.modifiers()
            if key in MODIFIER_KEYS:
                return False
            if watched is self.tree and key in _TREE_KEYS and modifiers in _PLAIN:
                if self.moves is not None:
                    self.moves.append(("key", Qt.Key(key), modifiers))
            elif watched is self.tree or watched is self.text_view:
                self.moves = None  # the page text's cursor, Tab, Escape…: not replayed
        return False

    def _index_changed(self, _index: int) -> None:
        """A correction was saved (or undone): it ends the group of moves before it."""
        self.edited = True
        name = self.running
        if name in CORRECTIONS and self.moves is not None:
            self.last = [*self.moves, ("command", name, None)]
        else:
            self.last = None  # a split's Return, an undo, a typed title: not repeatable
        self.moves = []

    def repeat(self) -> None:
        """F4: the last group's moves and correction again, from where the tree is now."""
        if self.last is None:
            self.message.emit(
                tr(
                    "Nothing to repeat: F4 repeats a one-key correction and the arrow or "
                    "go-to keys pressed in the tree just before it"
                )
            )
            return
        steps, self.moves = list(self.last), []
        for kind, what, modifiers in steps:
            if kind == "key":
                press = QKeyEvent(QEvent.Type.KeyPress, what, modifiers)
                QApplication.sendEvent(self.tree, press)  # through the same filters
            else:
                self.trigger(str(what))
