"""The raw page, line by line with numbers, each article's lines in its own tint.

Tints are ExtraSelection overlays owned by one highlighter (the text itself is never
edited), with colours derived from the palette so a dark theme stays readable. A second
mode shows the reflowed articles instead of the raw lines.
"""

from __future__ import annotations

from banmian.core.page.model import HEADING_ROLES, Role, Segmentation
from banmian.gui.text_positions import line_starts, to_utf16
from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
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


# Characters a QTextDocument takes as the end of a block (or draws as a line break), as it
# does `\n` and `\r`: inside a page line they would shift every line number after them.
# Each is shown as one other BMP character, so UTF-16 positions stay the same.
_BREAKS_IN_QT = str.maketrans(
    {"\u2028": "\ufffd", "\u2029": "\ufffd", "\ufdd0": "\ufffd", "\ufdd1": "\ufffd"}
)


def shown_text(lines: tuple[str, ...] | list[str]) -> str:
    """The page's lines as the view shows them: one text block per model line."""
    return "\n".join(lines).translate(_BREAKS_IN_QT)


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
        self._article_rows: dict[str, int] = {}  # reflowed mode: article → its first row
        self._tints: dict[int, QColor] = {}
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
            self._article_rows = reflowed_rows(segmentation)
        elif not same_page or self.document().blockCount() != len(segmentation.page.lines):
            scroll = self.verticalScrollBar().value() if same_page else 0
            self.blockSignals(True)
            self.setPlainText(shown_text(segmentation.page.lines))
            self.blockSignals(False)
            self.verticalScrollBar().setValue(scroll)
        self.retint()
        self.gutter.update()

    def set_reflowed(self, on: bool) -> None:
        """Reflowed articles wrap to the pane (read as exported); raw lines never do."""
        self.reflowed = on
        self.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.WidgetWidth if on else QPlainTextEdit.LineWrapMode.NoWrap
        )
        if self.segmentation is not None:
            self.segmentation, seg = None, self.segmentation
            self.show_segmentation(seg)

    def set_hits(self, words: list[str]) -> None:
        """Mark occurrences of search words (from the corpus search) in the raw text."""
        hits = [w for w in words if w]
        if hits != self.hits:
            self.hits = hits
            self.retint()

    def select_lines(self, first: int, last: int) -> None:
        self.selected_lines = (first, last)
        self.viewport().update()  # the band is painted in paintEvent
        if not self.reflowed:
            block = self.document().findBlockByNumber(first - 1)
            cursor = QTextCursor(block)
            self.blockSignals(True)
            self.setTextCursor(cursor)
            self.blockSignals(False)
            self.centerCursor()

    def select_article(self, article_id: str | None) -> None:
        """Reflowed mode: bring the article's heading row to the middle of the pane."""
        row = self._article_rows.get(article_id or "")
        if not self.reflowed or row is None:
            return
        self.blockSignals(True)
        self.setTextCursor(QTextCursor(self.document().findBlockByNumber(row)))
        self.blockSignals(False)
        self.centerCursor()

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1

    # -- tints ----------------------------------------------------------------------------
    def retint(self) -> None:
        """Recompute tints and role marks (after the segmentation or the hits changed).

        Article tints are painted per visible line in paintEvent, so their cost does not
        grow with the page; only the few non-body lines and search hits need selections.
        """
        seg = self.segmentation
        self._tints = {}
        if seg is None or self.reflowed:
            self.setExtraSelections([])
            self.viewport().update()
            return
        palette = self.palette()
        selections: list[QTextEdit.ExtraSelection] = []
        for index, article in enumerate(seg.articles):
            colour = article_colour(index, palette)
            for block in article.blocks:
                self._tints.update(dict.fromkeys(range(block.first, block.last + 1), colour))
                if block.role is not Role.BODY:
                    selections += self._role_selections(block.first, block.last, block.role)
        for block in seg.unassigned:
            selections += self._role_selections(block.first, block.last, block.role)
        selections += self._hit_selections(seg)
        self.setExtraSelections(selections)
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Article tints and the selected band under the text, visible lines only."""
        if self._tints or self.selected_lines:
            painter = QPainter(self.viewport())
            band = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            band.setAlpha(90)
            first, last = self.selected_lines or (0, -1)
            width = self.viewport().width()
            offset = self.contentOffset()
            bottom = event.rect().bottom()
            block = self.firstVisibleBlock()
            while block.isValid():
                geometry = self.blockBoundingGeometry(block).translated(offset)
                if geometry.top() > bottom:
                    break
                number = block.blockNumber() + 1
                row = QRectF(0, geometry.top(), width, geometry.height())
                colour = self._tints.get(number)
                if colour is not None and block.text().strip():
                    painter.fillRect(row, colour)
                if first <= number <= last and not self.reflowed:
                    painter.fillRect(row, band)
                block = block.next()
            painter.end()
        super().paintEvent(event)

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

    def _role_selections(self, first: int, last: int, role: Role) -> list[QTextEdit.ExtraSelection]:
        """Headings bold, bylines and captions italic, noise greyed."""
        fmt = QTextCharFormat()
        if role in HEADING_ROLES:
            fmt.setFontWeight(QFont.Weight.Bold)
        if role in (Role.BYLINE, Role.CAPTION):
            fmt.setFontItalic(True)
        if role is Role.NOISE:
            fmt.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        out = []
        block = self.document().findBlockByNumber(first - 1)
        for _n in range(first, last + 1):
            if not block.isValid():
                break
            if block.text().strip():
                cursor = QTextCursor(block)
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                sel = QTextEdit.ExtraSelection()
                sel.format = fmt
                sel.cursor = cursor
                out.append(sel)
            block = block.next()
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


def reflowed_rows(seg: Segmentation) -> dict[str, int]:
    """Each article's first row in `reflowed_text` (0-based)."""
    rows, row = {}, 0
    for article in seg.articles:
        rows[article.id] = row
        row += 1 + len(article.blocks) + (1 if article.continued_to else 0) + 1
    return rows


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
