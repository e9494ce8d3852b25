"""One door for user-visible text, so a Simplified Chinese translation can follow.

Every string the window shows goes through `tr`, which is QCoreApplication.translate in
the empty context — the context `pyside6-lupdate gui/*.py -ts banmian_zh_CN.ts` files a
bare `tr("…")` call under, so its translations are found at run time. The app loads
`banmian_<locale>.qm` from resources/i18n when one exists.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QLocale, QTranslator

# Words and sentences that reach the window from `core` as values (statuses, roles, tag
# kinds, export formats, the pipeline's doubts); listed here so lupdate collects them.
CORE_WORDS = (
    QT_TR_NOOP("new"),
    QT_TR_NOOP("in_progress"),
    QT_TR_NOOP("verified"),
    QT_TR_NOOP("proposed"),
    QT_TR_NOOP("any"),
    QT_TR_NOOP("topic"),
    QT_TR_NOOP("section"),
    QT_TR_NOOP("place"),
    QT_TR_NOOP("person"),
    QT_TR_NOOP("organisation"),
    QT_TR_NOOP("custom"),
    QT_TR_NOOP("jsonl"),
    QT_TR_NOOP("csv"),
    QT_TR_NOOP("txt"),
    QT_TR_NOOP("parquet"),
    QT_TR_NOOP("segmentation"),
    QT_TR_NOOP("heading"),
    QT_TR_NOOP("paragraph"),
    QT_TR_NOOP("boundary"),
    QT_TR_NOOP("caption"),
    QT_TR_NOOP("its best match already has a heading of this kind"),
    QT_TR_NOOP("the heading fits two articles almost equally"),
    QT_TR_NOOP("a sentence ended before the blank line; read as a column break"),
    QT_TR_NOOP("a new article assumed after a heading group, with no byline or dateline"),
    QT_TR_NOOP("caption given to the nearest article"),
    QT_TR_NOOP("the heading fits two articles"),
    QT_TR_NOOP("this line may go on from the paragraph above (a column break)"),
    QT_TR_NOOP("a new paragraph may start on this line"),
    QT_TR_NOOP("this may go on from the article before"),
    QT_TR_NOOP("a new article may start here"),
    QT_TR_NOOP("a headline stands before this text: it may start another article"),
    QT_TR_NOOP("new paragraphs may start on these lines"),
    QT_TR_NOOP("two headlines went to this article: it may be two articles"),
    QT_TR_NOOP("columns read side by side: lines of this run may belong to other articles"),
    QT_TR_NOOP("one article"),
    QT_TR_NOOP("two articles"),
    QT_TR_NOOP("as they are"),
    QT_TR_NOOP("other articles"),
    # what taking those alternatives asks of the annotator (core.edits.doubts.BY_HAND)
    QT_TR_NOOP("find where the second article starts and split it there (S)"),
    QT_TR_NOOP("move each line that belongs to another article there (1 … 9)"),
    # what two annotators' versions differ in, and the agreement figures' short names
    # (core.team.compare, core.team.agreement)
    QT_TR_NOOP("articles"),
    QT_TR_NOOP("roles"),
    QT_TR_NOOP("paragraphs"),
    QT_TR_NOOP("tags"),
    QT_TR_NOOP("details"),
    QT_TR_NOOP("exact"),
    QT_TR_NOOP("κ roles"),
    QT_TR_NOOP("para F1"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def install_translator(app: QCoreApplication, locale: str | None = None) -> QTranslator | None:
    """Load the translation for `locale` (default: the user's) if banmian ships one."""
    folder = resources.files("banmian.resources").joinpath("i18n")
    name = f"banmian_{locale or QLocale.system().name()}.qm"
    if not folder.joinpath(name).is_file():
        return None
    translator = QTranslator(app)
    with resources.as_file(folder.joinpath(name)) as path:
        if translator.load(str(path)):
            app.installTranslator(translator)
            return translator
    return None
