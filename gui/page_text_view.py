"""The raw page, line by line with numbers, each article's lines in its own tint.

Tints are ExtraSelection overlays owned by one highlighter (the text itself is never
edited), with colours derived from the palette so a dark theme stays readable. A second
mode shows the reflowed articles instead of the raw lines.
"""

from __future__ import annotations

from banmian.core.model import HEADING_ROLES, Role, Segmentation
from banmian.gui.text_positions import line_starts, to_utf16
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

ROLE_MARKS = {
    Role.HEADLINE: "H",
    Role.SUBHEADLINE: "U",
    Role.KICKER: "K",
    Role.BYLINE: "B",
    Role.BODY: "",
    Role.CAPTION: "C",
    Role.NOISE: "N",
}


def article_colour(index: int, palette: QPalette) -> QColor:
    """A distinct tint per article that keeps text readable on the palette's base."""
    base = palette.color(QPalette.ColorRole.Base)
    dark = base.lightness() < 128
    hue = (index * 137) % 360  # golden-angle steps: neighbours never look alike
    return QColor.fromHsv(hue, 90 if dark else 60, 90 if dark else 250)


class LineGutter(QWidget):
    """Line numbers and the role letter of each line's block."""

    def __init__(self, view: PageTextView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.view.gutter_width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.view.paint_gutter(self, event)


class PageTextView(QPlainTextEdit):
    """Read-only page text; emits the 1-based line the annotator clicked or moved to."""

    line_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.gutter = LineGutter(self)
        self.segmentation: Segmentation | None = None
        self.reflowed = False
        self.selected_lines: tuple[int, int] | None = None
        self.hits: list[str] = []
        self._base_selections: list[QTextEdit.ExtraSelection] = []
        self._role_of_line: dict[int, Role] = {}
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self._update_margins()

    # -- content --------------------------------------------------------------------------
    def show_segmentation(self, segmentation: Segmentation) -> None:
        same_page = self.segmentation is not None and self.segmentation.page == segmentation.page
        self.segmentation = segmentation
        self._role_of_line = {
            n: b.role for b in segmentation.blocks() for n in range(b.first, b.last + 1)
        }
        if self.reflowed:
            self.setPlainText(reflowed_text(segmentation))
        elif not same_page or self.document().blockCount() != len(segmentation.page.lines):
            scroll = self.verticalScrollBar().value() if same_page else 0
            self.blockSignals(True)
            self.setPlainText(segmentation.page.text)
            self.blockSignals(False)
            self.verticalScrollBar().setValue(scroll)
        self.retint()
        self.gutter.update()

    def set_reflowed(self, on: bool) -> None:
        self.reflowed = on
        if self.segmentation is not None:
            self.segmentation, seg = None, self.segmentation
            self.show_segmentation(seg)

    def set_hits(self, words: list[str]) -> None:
        """Mark occurrences of search words (from the corpus search) in the raw text."""
        self.hits = [w for w in words if w]
        self.retint()

    def select_lines(self, first: int, last: int) -> None:
        self.selected_lines = (first, last)
        self._show_selections()
        if not self.reflowed:
            block = self.document().findBlockByNumber(first - 1)
            cursor = QTextCursor(block)
            self.blockSignals(True)
            self.setTextCursor(cursor)
            self.blockSignals(False)
            self.centerCursor()

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1

    # -- tints ----------------------------------------------------------------------------
    def retint(self) -> None:
        """Recompute the article tints and search hits (after the segmentation changed)."""
        seg = self.segmentation
        self._base_selections = []
        if seg is None or self.reflowed:
            self.setExtraSelections([])
            return
        palette = self.palette()
        selections: list[QTextEdit.ExtraSelection] = []
        for index, article in enumerate(seg.articles):
            colour = article_colour(index, palette)
            for block in article.blocks:
                selections += self._line_selections(block.first, block.last, colour, block.role)
        grey = palette.color(QPalette.ColorRole.PlaceholderText)
        for block in seg.unassigned:
            selections += self._line_selections(block.first, block.last, None, block.role, grey)
        selections += self._hit_selections(seg)
        self._base_selections = selections
        self._show_selections()

    def _show_selections(self) -> None:
        """The tints plus the band of the selected lines (cheap: runs on every click)."""
        band: list[QTextEdit.ExtraSelection] = []
        if self.selected_lines and self.segmentation is not None and not self.reflowed:
            first, last = self.selected_lines
            highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(90)
            fmt = QTextCharFormat()
            fmt.setBackground(highlight)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            document = self.document()
            for n in range(first, last + 1):
                sel = QTextEdit.ExtraSelection()
                sel.format = fmt
                sel.cursor = QTextCursor(document.findBlockByNumber(n - 1))
                band.append(sel)
        self.setExtraSelections(self._base_selections + band)

    def _hit_selections(self, seg: Segmentation) -> list[QTextEdit.ExtraSelection]:
        out: list[QTextEdit.ExtraSelection] = []
        if not self.hits:
            return out
        palette = self.palette()
        fmt = QTextCharFormat()
        fmt.setBackground(palette.color(QPalette.ColorRole.Highlight))
        fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        starts = line_starts(seg.page.lines)
        document = self.document()
        for word in self.hits:
            for n, line in enumerate(seg.page.lines):
                start = line.find(word)
                while start >= 0:
                    cursor = QTextCursor(document)
                    cursor.setPosition(starts[n] + to_utf16(line, start))
                    cursor.setPosition(
                        starts[n] + to_utf16(line, start + len(word)),
                        QTextCursor.MoveMode.KeepAnchor,
                    )
                    sel = QTextEdit.ExtraSelection()
                    sel.format = fmt
                    sel.cursor = cursor
                    out.append(sel)
                    start = line.find(word, start + len(word))
        return out

    def _line_selections(
        self,
        first: int,
        last: int,
        colour: QColor | None,
        role: Role,
        foreground: QColor | None = None,
    ) -> list[QTextEdit.ExtraSelection]:
        out = []
        document = self.document()
        for n in range(first, last + 1):
            text_block = document.findBlockByNumber(n - 1)
            if not text_block.isValid() or not text_block.text().strip():
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            if colour is not None:
                fmt.setBackground(colour)
                fmt.setForeground(QColor("black") if colour.value() > 160 else QColor("white"))
            if foreground is not None:
                fmt.setForeground(foreground)
            if role in HEADING_ROLES:
                fmt.setFontWeight(QFont.Weight.Bold)
            if role is Role.BYLINE:
                fmt.setFontItalic(True)
            if role is Role.NOISE:
                fmt.setFontStrikeOut(False)
                fmt.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
            sel.format = fmt
            cursor = QTextCursor(text_block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            sel.cursor = cursor
            out.append(sel)
        return out

    # -- gutter ---------------------------------------------------------------------------
    def gutter_width(self) -> int:
        digits = max(3, len(str(max(1, self.blockCount()))))
        return 10 + self.fontMetrics().horizontalAdvance("9") * (digits + 2)

    def _update_margins(self, *_args) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))

    def paint_gutter(self, gutter: QWidget, event) -> None:
        painter = QPainter(gutter)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            number = block.blockNumber() + 1
            mark = "" if self.reflowed else ROLE_MARKS.get(self._role_of_line.get(number), "")
            label = f"{mark} {number}" if mark else str(number)
            painter.drawText(0, top, gutter.width() - 6, height, Qt.AlignmentFlag.AlignRight, label)
            block = block.next()
            top += round(self.blockBoundingRect(block).height()) if block.isValid() else height
        painter.end()

    def _cursor_moved(self) -> None:
        if not self.reflowed:
            self.line_activated.emit(self.current_line())


def reflowed_text(seg: Segmentation) -> str:
    """The articles as a reader would see them: headings, byline, paragraphs."""
    out = []
    for article in seg.articles:
        out.append(f"── {article.id} ──")
        for block in article.blocks:
            prefix = {
                Role.KICKER: "【引题】",
                Role.SUBHEADLINE: "【副题】",
                Role.BYLINE: "",
                Role.CAPTION: "【图说】",
            }.get(block.role, "")
            out.append(("# " if block.role is Role.HEADLINE else "") + prefix + block.text)
        if article.continued_to:
            out.append(f"（下转第{article.continued_to}版）")
        out.append("")
    return "\n".join(out)
