"""Undo commands: each wraps one `core` edit and writes its result before returning.

The store is written inside `redo`/`undo` themselves, so by the time Qt reads the next
key the correction (or its undoing) is on disk together with its edit-log row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

from banmian.core.corpus import continuations
from banmian.core.corpus.store import Store, StoreError
from banmian.core.edits.structure import Edit
from banmian.core.page.model import Segmentation
from PySide6.QtGui import QUndoCommand, QUndoStack


class PageHolder(Protocol):
    """What a command needs from the editor: a way to save and show a segmentation."""

    def commit(
        self, segmentation: Segmentation, action: str, detail: dict, focus: Edit
    ) -> bool: ...  # False: the database refused it and the screen shows what is saved

    def commit_status(self, status: str) -> bool: ...


STORAGE_ERRORS = (sqlite3.Error, OSError, StoreError)


@contextmanager
def one_undo_step(stack: QUndoStack, text: str) -> Iterator[None]:
    """Every edit pushed inside is undone and redone together, as one step named `text`
    (each is still its own row in the edit log)."""
    stack.beginMacro(text)
    try:
        yield
    finally:
        stack.endMacro()


NOTES_ID = 1  # Qt merges consecutive commands with the same id


def _notes_of(edit: Edit) -> str | None:
    """The article whose notes alone this edit changes, if that is all it does."""
    change = edit.change
    if change.action == "set_article_details" and set(change.detail.get("set", {})) == {"notes"}:
        return change.detail["article"]
    return None


class EditCommand(QUndoCommand):
    def __init__(self, holder: PageHolder, before: Segmentation, edit: Edit) -> None:
        super().__init__(edit.change.description)
        self.holder = holder
        self.before = before
        self.edit = edit

    def id(self) -> int:
        return NOTES_ID if _notes_of(self.edit) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        """Typing a note is one undo step however many keystrokes (each already saved)."""
        if not isinstance(other, EditCommand) or _notes_of(other.edit) != _notes_of(self.edit):
            return False
        self.edit = other.edit
        return True

    # A save the database refused leaves the screen as saved (the holder shows why) and
    # makes the command obsolete: QUndoStack then drops it, so the stack, the screen and
    # the file never disagree about what was done.
    def redo(self) -> None:
        change = self.edit.change
        if not self.holder.commit(self.edit.segmentation, change.action, change.detail, self.edit):
            self.setObsolete(True)

    def undo(self) -> None:
        change = self.edit.change
        detail = {"undo": change.action, **change.detail}
        if not self.holder.commit(self.before, "undo", detail, self.edit):
            self.setObsolete(True)


class StatusCommand(QUndoCommand):
    """Marking a page verified (or back) is a correction like any other."""

    def __init__(self, holder: PageHolder, before: str, after: str, text: str) -> None:
        super().__init__(text)
        self.holder, self.before, self.after = holder, before, after

    def redo(self) -> None:
        if not self.holder.commit_status(self.after):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.holder.commit_status(self.before):
            self.setObsolete(True)


class LinkCommand(QUndoCommand):
    """Setting, changing or removing a link between fragments on two pages: `change`
    is a core.corpus.continuations function that writes the link and returns the rows it
    replaced; undo puts those back. `done` refreshes what the window shows."""

    def __init__(
        self,
        store: Store,
        page_id: int,
        ends: list[tuple[int, str]],
        change: Callable[[], tuple],
        done: Callable[[], None],
        text: str,
    ) -> None:
        super().__init__(text)
        self.store, self.page_id, self.ends = store, page_id, ends
        self.change, self.done = change, done
        self.before: tuple = ()

    def _rows_now(self) -> tuple:
        rows: tuple = ()
        for end in self.ends:
            rows += continuations.link_rows(self.store, *end)
        return tuple(dict.fromkeys(rows))

    def redo(self) -> None:
        try:
            self.before = self.change()
        except STORAGE_ERRORS:
            self.setObsolete(True)
        self.done()

    def undo(self) -> None:
        try:
            continuations.restore_links(self.store, self._rows_now(), self.before, self.page_id)
        except STORAGE_ERRORS:
            self.setObsolete(True)
        self.done()
