"""Undo commands: each wraps one `core` edit and writes its result before returning.

The store is written inside `redo`/`undo` themselves, so by the time Qt reads the next
key the correction (or its undoing) is on disk together with its edit-log row.
"""

from __future__ import annotations

from typing import Protocol

from banmian.core.edits import Edit
from banmian.core.model import Segmentation
from PySide6.QtGui import QUndoCommand


class PageHolder(Protocol):
    """What a command needs from the editor: a way to save and show a segmentation."""

    def commit(
        self, segmentation: Segmentation, action: str, detail: dict, focus: Edit
    ) -> None: ...

    def commit_status(self, status: str) -> None: ...


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

    def redo(self) -> None:
        change = self.edit.change
        self.holder.commit(self.edit.segmentation, change.action, change.detail, self.edit)

    def undo(self) -> None:
        change = self.edit.change
        detail = {"undo": change.action, **change.detail}
        self.holder.commit(self.before, "undo", detail, self.edit)


class StatusCommand(QUndoCommand):
    """Marking a page verified (or back) is a correction like any other."""

    def __init__(self, holder: PageHolder, before: str, after: str, text: str) -> None:
        super().__init__(text)
        self.holder, self.before, self.after = holder, before, after

    def redo(self) -> None:
        self.holder.commit_status(self.after)

    def undo(self) -> None:
        self.holder.commit_status(self.before)
