"""The review strip: the pipeline's current doubt, its reason and its alternatives.

Doubts come lowest confidence first; the panel shows where the annotator is in that
list and offers every alternative as a button with its key.
"""

from __future__ import annotations

from banmian.core.page.model import Doubt
from banmian.gui.translate import tr
from PySide6.QtCore import QT_TR_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

MAX_ALTERNATIVES = 2  # as many as the Review menu has keys for


class DoubtPanel(QWidget):
    accept_requested = Signal()
    alternative_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        # One line that never asks for more room: a longer reason must not re-lay out
        # the whole window on every F8 (the full text is in the tooltip).
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.label, 1)
        self.accept = QPushButton(tr("Accept (Y)"))
        self.accept.clicked.connect(self.accept_requested)
        layout.addWidget(self.accept)
        self.buttons: list[QPushButton] = []
        for n in range(MAX_ALTERNATIVES):
            button = QPushButton()
            button.clicked.connect(lambda _=False, n=n: self.alternative_requested.emit(n))
            layout.addWidget(button)
            self.buttons.append(button)
        self.show_doubt(None, None, None, 0, 0)

    def show_doubt(
        self,
        doubt: Doubt | None,
        article_id: str | None,
        block_key: int | None,
        position: int,
        total: int,
    ) -> None:
        if doubt is None:
            self.label.setText(
                tr("No doubts left on this page.")
                if total == 0
                else tr("{0} doubts on this page: F8 walks them, least sure first.").format(total)
            )
            self.label.setToolTip(self.label.text())
            self.accept.setEnabled(False)
            for button in self.buttons:
                button.hide()
            return
        where = " · ".join(
            x for x in (article_id, tr("line {0}").format(block_key) if block_key else "") if x
        )
        self.label.setText(
            tr("Doubt {0} of {1} ({2}, confidence {3:.2f}): {4} — {5}").format(
                position, total, where, doubt.confidence, tr(doubt.about), tr(doubt.reason)
            )
        )
        self.label.setToolTip(self.label.text())
        self.accept.setEnabled(True)
        labels = choice_labels(doubt, article_id)
        for n, button in enumerate(self.buttons):
            if n < len(labels):
                button.setText(f"{labels[n]} (Alt+{n + 1})")
                button.show()
            else:
                button.hide()


ALTERNATIVE_WORDS = (  # what the pipeline calls its alternatives, for lupdate
    QT_TR_NOOP("column break"),
    QT_TR_NOOP("paragraph break"),
    QT_TR_NOOP("new article"),
    QT_TR_NOOP("same article"),
)


def choice_labels(doubt: Doubt, article_id: str | None) -> list[str]:
    """The alternatives as the buttons name them, the proposed one marked."""
    if doubt.about == "link":  # candidates, best first; none is stored until chosen
        return [
            tr("link to {0}").format(alt) + (tr(" (best)") if i == 0 else "")
            for i, alt in enumerate(doubt.alternatives)
        ]
    if doubt.about in ("heading", "caption"):  # alternatives are article ids
        return [
            tr("belongs to {0}").format(alt) + (tr(" (as proposed)") if alt == article_id else "")
            for alt in doubt.alternatives
        ]
    return [
        tr(alt) + (tr(" (as proposed)") if i == 0 else "")
        for i, alt in enumerate(doubt.alternatives)
    ]
