"""Chinese needs a font that has its characters; without one every character is a box
and the annotator cannot work, so the window says so and says how to fix it."""

from __future__ import annotations

from banmian.gui.translate import tr
from PySide6.QtGui import QFont, QFontDatabase

PREFERRED = (
    "Noto Sans Mono CJK SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
)


def chinese_families() -> list[str]:
    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def page_font(point_size: float = 0) -> QFont:
    """A font for the page text: a CJK family when one is installed."""
    families = set(chinese_families())
    font = QFont()
    for name in PREFERRED:
        if name in families:
            font = QFont(name)
            break
    if point_size:
        font.setPointSizeF(point_size)
    return font


def missing_font_warning() -> str | None:
    if chinese_families():
        return None
    return tr(
        "No font for Chinese is installed, so characters show as boxes. Install one and "
        "restart banmian: on Debian or Ubuntu `sudo apt install fonts-noto-cjk`, on Fedora "
        "`sudo dnf install google-noto-sans-cjk-fonts`; Windows and macOS ship one."
    )
