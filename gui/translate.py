"""One door for user-visible text, so a Simplified Chinese translation can follow.

Every string the window shows goes through `tr`, which is QCoreApplication.translate in
the empty context — the context `pyside6-lupdate gui/*.py -ts banmian_zh_CN.ts` files a
bare `tr("…")` call under, so its translations are found at run time. The app loads
`banmian_<locale>.qm` from resources/i18n when one exists.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def install_translator(app: QCoreApplication) -> QTranslator | None:
    """Load the translation for the user's locale if banmian ships one."""
    folder = resources.files("banmian.resources").joinpath("i18n")
    name = f"banmian_{QLocale.system().name()}.qm"
    if not folder.joinpath(name).is_file():
        return None
    translator = QTranslator(app)
    with resources.as_file(folder.joinpath(name)) as path:
        if translator.load(str(path)):
            app.installTranslator(translator)
            return translator
    return None
