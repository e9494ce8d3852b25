"""Every command of the window in one table: menus, tooltips and the shortcut sheet are
all built from it, so a shortcut shown anywhere is the one that works.

Single-letter keys act on the selected block or article (they never reach a text field,
which takes its own typing first); `T, <key>` chords add a vocabulary tag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from banmian.gui.translate import tr
from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


@dataclass(frozen=True)
class ActionSpec:
    name: str
    menu: str
    text: str
    shortcuts: tuple[str, ...] = ()
    tip: str = ""
    needs_page: bool = False
    number: int = 0  # fills {0} in the text, for numbered families of actions


_S = QKeySequence.StandardKey
MENUS = (
    QT_TR_NOOP("&File"),
    QT_TR_NOOP("&Edit"),
    QT_TR_NOOP("&Go"),
    QT_TR_NOOP("&Article"),
    QT_TR_NOOP("&Block"),
    QT_TR_NOOP("&Review"),
    QT_TR_NOOP("&View"),
    QT_TR_NOOP("&Help"),
)
STANDARD = {"quit": _S.Quit, "open_database": _S.Open}

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("open_database", "&File", QT_TR_NOOP("Open database…"), ("Ctrl+O",)),
    ActionSpec(
        "import_files",
        "&File",
        QT_TR_NOOP("Import files…"),
        ("Ctrl+I",),
        QT_TR_NOOP("Add page files to the database"),
    ),
    ActionSpec(
        "import_folder",
        "&File",
        QT_TR_NOOP("Import folder…"),
        ("Ctrl+Shift+I",),
        QT_TR_NOOP("Add every *.txt under a folder"),
    ),
    ActionSpec(
        "export",
        "&File",
        QT_TR_NOOP("Export…"),
        ("Ctrl+Shift+E",),
        QT_TR_NOOP("Write the curated articles for research"),
    ),
    ActionSpec(
        "vocabulary",
        "&File",
        QT_TR_NOOP("Tag vocabulary…"),
        (),
        QT_TR_NOOP("The tags annotators choose from"),
    ),
    ActionSpec("quit", "&File", QT_TR_NOOP("Quit"), ("Ctrl+Q",)),
    ActionSpec(
        "find",
        "&Edit",
        QT_TR_NOOP("Search articles"),
        ("Ctrl+F",),
        QT_TR_NOOP("Word-aware search over the corpus"),
    ),
    ActionSpec(
        "details",
        "&Edit",
        QT_TR_NOOP("Edit article details"),
        ("F2",),
        QT_TR_NOOP("Title, continuations, notes"),
        True,
    ),
    ActionSpec(
        "add_tag",
        "&Edit",
        QT_TR_NOOP("Add a tag…"),
        ("Ctrl+T",),
        QT_TR_NOOP("Type a tag; completion from the vocabulary"),
        True,
    ),
    *(
        ActionSpec(
            f"accept_suggestion_{n}",
            "&Edit",
            QT_TR_NOOP("Accept suggested tag {0}"),
            (f"Ctrl+{n}",),
            "",
            True,
            number=n,
        )
        for n in range(1, 10)
    ),
    ActionSpec(
        "corpus",
        "&Go",
        QT_TR_NOOP("Corpus"),
        ("Alt+Left",),
        QT_TR_NOOP("Back to the list of pages"),
    ),
    ActionSpec("previous_page", "&Go", QT_TR_NOOP("Previous page"), ("Ctrl+PgUp",), "", True),
    ActionSpec("next_page", "&Go", QT_TR_NOOP("Next page"), ("Ctrl+PgDown",), "", True),
    ActionSpec(
        "split",
        "&Article",
        QT_TR_NOOP("Split article here"),
        ("S",),
        QT_TR_NOOP("The selected block starts a new article"),
        True,
    ),
    ActionSpec(
        "merge_next",
        "&Article",
        QT_TR_NOOP("Merge with next"),
        ("M",),
        QT_TR_NOOP("The next article joins this one"),
        True,
    ),
    ActionSpec(
        "merge_previous",
        "&Article",
        QT_TR_NOOP("Merge with previous"),
        ("Shift+M",),
        QT_TR_NOOP("This article joins the previous one"),
        True,
    ),
    ActionSpec(
        "new_article",
        "&Article",
        QT_TR_NOOP("New article from blocks"),
        ("A",),
        QT_TR_NOOP("The selected blocks form a new article"),
        True,
    ),
    ActionSpec(
        "dissolve",
        "&Article",
        QT_TR_NOOP("Dissolve article"),
        ("D",),
        QT_TR_NOOP("Its blocks stay on the page, in no article"),
        True,
    ),
    ActionSpec(
        "article_up",
        "&Article",
        QT_TR_NOOP("Move article up"),
        ("Ctrl+Up",),
        QT_TR_NOOP("Earlier in reading order"),
        True,
    ),
    ActionSpec(
        "article_down",
        "&Article",
        QT_TR_NOOP("Move article down"),
        ("Ctrl+Down",),
        QT_TR_NOOP("Later in reading order"),
        True,
    ),
    ActionSpec("role_headline", "&Block", QT_TR_NOOP("Headline"), ("H",), "", True),
    ActionSpec("role_subheadline", "&Block", QT_TR_NOOP("Subtitle"), ("U",), "", True),
    ActionSpec("role_kicker", "&Block", QT_TR_NOOP("Kicker"), ("K",), "", True),
    ActionSpec("role_byline", "&Block", QT_TR_NOOP("Byline"), ("B",), "", True),
    ActionSpec("role_body", "&Block", QT_TR_NOOP("Body paragraph"), ("P",), "", True),
    ActionSpec("role_caption", "&Block", QT_TR_NOOP("Caption"), ("C",), "", True),
    ActionSpec("role_noise", "&Block", QT_TR_NOOP("Noise (page furniture)"), ("N",), "", True),
    ActionSpec(
        "join",
        "&Block",
        QT_TR_NOOP("Join with next paragraph"),
        ("J",),
        QT_TR_NOOP("A column break read as a paragraph break"),
        True,
    ),
    ActionSpec(
        "split_paragraph",
        "&Block",
        QT_TR_NOOP("Split paragraph at cursor line"),
        ("Shift+J",),
        QT_TR_NOOP("Put the cursor on the line in the page text first"),
        True,
    ),
    ActionSpec(
        "to_previous_article",
        "&Block",
        QT_TR_NOOP("Move to previous article"),
        ("Alt+Up",),
        "",
        True,
    ),
    ActionSpec(
        "to_next_article", "&Block", QT_TR_NOOP("Move to next article"), ("Alt+Down",), "", True
    ),
    ActionSpec("unassign", "&Block", QT_TR_NOOP("Take out of its article"), ("X",), "", True),
    ActionSpec(
        "next_doubt",
        "&Review",
        QT_TR_NOOP("Next doubt"),
        ("F8",),
        QT_TR_NOOP("The least sure decision left"),
        True,
    ),
    ActionSpec("previous_doubt", "&Review", QT_TR_NOOP("Previous doubt"), ("Shift+F8",), "", True),
    ActionSpec(
        "accept_doubt",
        "&Review",
        QT_TR_NOOP("Accept the decision"),
        ("Y",),
        QT_TR_NOOP("Clears the doubt"),
        True,
    ),
    ActionSpec("alternative_1", "&Review", QT_TR_NOOP("Take alternative 1"), ("Alt+1",), "", True),
    ActionSpec("alternative_2", "&Review", QT_TR_NOOP("Take alternative 2"), ("Alt+2",), "", True),
    ActionSpec(
        "verify_next",
        "&Review",
        QT_TR_NOOP("Page verified, next page"),
        ("Ctrl+Return",),
        QT_TR_NOOP("Mark verified and open the next unverified page"),
        True,
    ),
    ActionSpec(
        "reflow",
        "&View",
        QT_TR_NOOP("Reflowed text"),
        ("Ctrl+R",),
        QT_TR_NOOP("Show the articles as read instead of the raw lines"),
    ),
    ActionSpec("zoom_in", "&View", QT_TR_NOOP("Larger text"), ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoom_out", "&View", QT_TR_NOOP("Smaller text"), ("Ctrl+-",)),
    ActionSpec("shortcuts", "&Help", QT_TR_NOOP("Keyboard shortcuts"), ("F1",)),
    ActionSpec("about", "&Help", QT_TR_NOOP("About banmian")),
)


def build_actions(
    window: QWidget, menubar: QMenuBar, handler: Callable[[str], Callable[[], None]]
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """QActions for every spec, in their menus, each triggering `handler(name)`."""
    menus = {name: menubar.addMenu(tr(name)) for name in MENUS}
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(tr(spec.text).format(spec.number), window)
        if spec.name in STANDARD:
            # the platform's own keys, or ours where the platform defines none
            bindings = QKeySequence.keyBindings(STANDARD[spec.name])
            action.setShortcuts(bindings or [QKeySequence(s) for s in spec.shortcuts])
        else:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = tr(spec.tip) if spec.tip else tr(spec.text)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.setCheckable(spec.name == "reflow")
        run = handler(spec.name)
        action.triggered.connect(lambda _checked=False, run=run: run())
        menus[spec.menu].addAction(action)
        window.addAction(action)
        actions[spec.name] = action
    return actions, menus


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for the Help sheet, from the live actions."""
    rows = []
    for spec in SPECS:
        action = actions[spec.name]
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        if keys:
            rows.append((tr(spec.menu).replace("&", ""), action.text(), keys))
    rows.append((tr("Go"), tr("Open the selected page"), tr("Return, double click")))
    rows.append((tr("Edit"), tr("Undo"), "Ctrl+Z"))
    rows.append((tr("Edit"), tr("Redo"), "Ctrl+Shift+Z, Ctrl+Y"))
    rows.append((tr("Edit"), tr("Add a vocabulary tag"), tr("T, then the tag's key")))
    rows.append((tr("Article"), tr("Move blocks to another article"), tr("drag them onto it")))
    return rows
