"""The details editor of the selected article: title override, continuations, notes,
accepted tags and the pipeline's suggested tags (kept apart so nobody mistakes one for
the other).

It only reports what the annotator changed; the editor turns each report into an
undoable correction and calls `show_article` again with the saved result.
"""

from __future__ import annotations

from collections.abc import Callable

from banmian.core.corpus.vocabulary import VOCABULARY_KINDS
from banmian.core.page.model import Article
from banmian.gui.translate import tr
from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)


class ArticleDetails(QWidget):
    details_edited = Signal(str, dict)  # article id, {field: value}
    tag_added = Signal(str, str, str)  # article id, name, kind
    tag_removed = Signal(str, str)  # article id, name
    suggestion_accepted = Signal(str, str)  # article id, name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = QLabel()
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.heading)
        self.title = QLineEdit()
        self.continued_from = QLineEdit()
        self.continued_to = QLineEdit()
        self.continued_from.setPlaceholderText(tr("page or article it continues from"))
        self.continued_to.setPlaceholderText(tr("page or article it continues on"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(tr("Notes for this article"))
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Continued from"), self.continued_from)
        form.addRow(tr("Continued to"), self.continued_to)
        # the fragments this one is linked to on other pages (core.corpus.links); L follows
        self.link_label = QLabel()
        self.link_label.setToolTip(tr("L: go to the other part of the article and back"))
        self.link_ends: Callable[[str], list] = lambda _article_id: []
        form.addRow(tr("Link"), self.link_label)
        form.addRow(tr("Notes"), self.notes)
        self.tags = QListWidget()
        self.tags.setMaximumHeight(self.fontMetrics().height() * 5)
        self.tags.setToolTip(tr("Accepted tags; Delete removes the selected one"))
        form.addRow(tr("Tags"), self.tags)
        adder = QHBoxLayout()
        self.tag_entry = QLineEdit()
        self.tag_entry.setPlaceholderText(tr("Add a tag (Ctrl+T), Enter to add"))
        self.completions = QStringListModel(self)
        completer = QCompleter(self.completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_entry.setCompleter(completer)
        self.tag_kind = QComboBox()
        for kind in VOCABULARY_KINDS:
            self.tag_kind.addItem(tr(kind), kind)
        adder.addWidget(self.tag_entry, 1)
        adder.addWidget(self.tag_kind)
        form.addRow("", adder)
        self.suggestions = QListWidget()
        self.suggestions.setMaximumHeight(self.fontMetrics().height() * 6)
        self.suggestions.setToolTip(tr("Suggested tags: Ctrl+1…9 or double-click accepts"))
        form.addRow(tr("Suggested"), self.suggestions)
        self.kinds: dict[str, str] = {}

        for edit in (self.title, self.continued_from, self.continued_to):
            edit.editingFinished.connect(self._fields_finished)
        # Every keystroke of a note is saved (a crash loses nothing typed); the editor
        # merges a run of them into one undo step.
        self.notes.textChanged.connect(self._notes_typed)
        self.tags.installEventFilter(self)
        self.tag_entry.returnPressed.connect(self._add_typed_tag)
        self.suggestions.itemActivated.connect(
            lambda item: self._accept(item.data(Qt.ItemDataRole.UserRole))
        )
        self.show_article(None)

    # -- showing ----------------------------------------------------------------------
    def set_vocabulary(self, names: list[str], kinds: dict[str, str]) -> None:
        self.completions.setStringList(sorted(names))
        self.kinds = kinds

    def show_article(self, article: Article | None) -> None:
        same = article is not None and self.article is not None and self.article.id == article.id
        self.article = article
        self.setEnabled(article is not None)
        self._loading = True
        if article is None:
            self.heading.setText(tr("Select an article"))
            self.link_label.clear()
            for edit in (self.title, self.continued_from, self.continued_to):
                edit.clear()
            self.notes.setPlainText("")
            self.tags.clear()
            self.suggestions.clear()
            self._loading = False
            return
        self.heading.setText(f"<b>{article.id}</b> · {tr(article.status)}")
        self.link_label.setText(link_text(self.link_ends(article.id)))
        self.title.setPlaceholderText(article.title or tr("(no headline)"))
        for edit, value in (
            (self.title, article.title_override),
            (self.continued_from, article.continued_from),
            (self.continued_to, article.continued_to),
        ):
            if not (same and edit.hasFocus()):  # never under the annotator's typing
                edit.setText(value or "")
        if self.notes.toPlainText() != article.notes:
            self.notes.setPlainText(article.notes)
        self.tags.clear()
        for tag in article.tags:
            item = QListWidgetItem(f"{tag.name}  · {tr(tag.kind)}")
            item.setData(Qt.ItemDataRole.UserRole, tag.name)
            self.tags.addItem(item)
        self.suggestions.clear()
        for n, tag in enumerate(article.suggestions, 1):
            prefix = f"Ctrl+{n}  " if n <= 9 else ""
            item = QListWidgetItem(f"{prefix}{tag.name}  · {tr(tag.kind)}")
            item.setData(Qt.ItemDataRole.UserRole, tag.name)
            self.suggestions.addItem(item)
        self._loading = False

    def focus_title(self) -> None:
        """F2: the title field, holding the title as derived when there is no override
        yet, so that fixing one character does not mean retyping it all."""
        if self.article is not None and not self.title.text():
            self.title.setText(self.article.title)
        self.title.setFocus()
        self.title.selectAll()

    def focus_tag_entry(self) -> None:
        self.tag_entry.setFocus()
        self.tag_entry.selectAll()

    # -- reporting ----------------------------------------------------------------------
    def _fields_finished(self) -> None:
        if self._loading or self.article is None:
            return
        a = self.article
        if a.title_override is None and self.title.text().strip() == a.title:
            self.title.setText("")  # the derived title, not typed: no override
        changed = {
            name: edit.text().strip() or None
            for name, edit, now in (
                ("title_override", self.title, a.title_override),
                ("continued_from", self.continued_from, a.continued_from),
                ("continued_to", self.continued_to, a.continued_to),
            )
            if (edit.text().strip() or None) != now
        }
        if changed:
            self.details_edited.emit(a.id, changed)

    def _notes_typed(self) -> None:
        if self._loading or self.article is None:
            return
        if self.notes.toPlainText() != self.article.notes:
            self.details_edited.emit(self.article.id, {"notes": self.notes.toPlainText()})

    def _add_typed_tag(self) -> None:
        name = self.tag_entry.text().strip()
        if self.article is None or not name:
            return
        kind = self.kinds.get(name, self.tag_kind.currentData())
        self.tag_entry.clear()
        self.tag_added.emit(self.article.id, name, kind)

    def _accept(self, name: str) -> None:
        if self.article is not None:
            self.suggestion_accepted.emit(self.article.id, name)

    def accept_suggestion(self, number: int) -> bool:
        """Accept the suggestion numbered `number` (1-based) as shown."""
        item = self.suggestions.item(number - 1)
        if item is None or self.article is None:
            return False
        self._accept(item.data(Qt.ItemDataRole.UserRole))
        return True

    def flush(self) -> None:
        """Report a field still being edited (before the page or window changes)."""
        if any(edit.hasFocus() for edit in (self.title, self.continued_from, self.continued_to)):
            self._fields_finished()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            watched is self.tags
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.tags.currentItem() is not None
            and self.article is not None
        ):
            self.tag_removed.emit(
                self.article.id, self.tags.currentItem().data(Qt.ItemDataRole.UserRole)
            )
            return True
        return super().eventFilter(watched, event)


def link_text(ends: list) -> str:
    """`◂ continues from p.1 A1 · continues on p.2 B1 ▸` (empty: no link)."""
    parts = []
    for end in sorted(ends, key=lambda e: e.direction != "from"):
        where = f"p.{end.page_no or '?'} {end.article_id}"
        if end.direction == "from":
            parts.append("◂ " + tr("continues from {0}").format(where))
        else:
            parts.append(tr("continues on {0}").format(where) + " ▸")
    return " · ".join(parts)
