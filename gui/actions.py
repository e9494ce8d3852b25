"""Every command of the window in one table: menus, tooltips and the shortcut sheet are
all built from it, so a shortcut shown anywhere is the one that works.

Single-letter keys act on the selected block or article (they never reach a text field,
which takes its own typing first); `T, <key>` chords add a vocabulary tag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from banmian.core.page.model import Role
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
CHECKABLE = ("reflow", "page_order")  # view settings that stay on until turned off
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
ROLE_ACTIONS = {
    "role_headline": Role.HEADLINE,
    "role_subheadline": Role.SUBHEADLINE,
    "role_kicker": Role.KICKER,
    "role_byline": Role.BYLINE,
    "role_body": Role.BODY,
    "role_caption": Role.CAPTION,
    "role_noise": Role.NOISE,
}

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
    ActionSpec(
        "annotator",
        "&File",
        QT_TR_NOOP("Annotator name…"),
        (),
        QT_TR_NOOP("The name written with every correction and in the export"),
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
        "follow_link",
        "&Article",
        QT_TR_NOOP("Go to the other part of the article"),
        ("L",),
        QT_TR_NOOP(
            "An article continued on another page (下转/上接): go there; L again comes back"
        ),
        True,
    ),
    ActionSpec(
        "set_link",
        "&Article",
        QT_TR_NOOP("Link to another page…"),
        ("Ctrl+L",),
        QT_TR_NOOP("Type the other part of the article (p2 A3); empty removes the link"),
        True,
    ),
    ActionSpec(
        "remove_link",
        "&Article",
        QT_TR_NOOP("Remove the link to another page"),
        ("Shift+L",),
        QT_TR_NOOP("This part is no longer linked, and linking leaves it alone"),
        True,
    ),
    ActionSpec("repeat", "&Edit", QT_TR_NOOP("Repeat the last correction"), ("F4",), "", True),
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
    ActionSpec(
        "next_article",
        "&Go",
        QT_TR_NOOP("Next article"),
        ("]",),
        QT_TR_NOOP("The next article's row in the tree"),
        True,
    ),
    ActionSpec("previous_article", "&Go", QT_TR_NOOP("Previous article"), ("[",), "", True),
    ActionSpec(
        "next_heading",
        "&Go",
        QT_TR_NOOP("Next heading block"),
        (".",),
        QT_TR_NOOP("The next kicker, headline or subtitle in the tree"),
        True,
    ),
    ActionSpec("previous_heading", "&Go", QT_TR_NOOP("Previous heading block"), (",",), "", True),
    ActionSpec(
        "goto_line",
        "&Go",
        QT_TR_NOOP("Go to line…"),
        ("Ctrl+G",),
        QT_TR_NOOP(
            "Type a line number, then Return or a command's key: its block is selected "
            "(Shift+J next splits it at that line)"
        ),
        True,
    ),
    ActionSpec(
        "switch_pane",
        "&Go",
        QT_TR_NOOP("Page text ↔ article tree"),
        ("F6",),
        QT_TR_NOOP("Move the focus between the page text and the article tree"),
        True,
    ),
    ActionSpec(
        "extend_on_page",
        "&Go",
        QT_TR_NOOP("Extend over the blocks that go on from it on the page"),
        ("Shift+PgDown",),
        QT_TR_NOOP("Select down the tree the blocks that continue the selection in the text"),
        True,
    ),
    ActionSpec(
        "extend_on_page_up",
        "&Go",
        QT_TR_NOOP("Extend over the blocks it goes on from on the page"),
        ("Shift+PgUp",),
        "",
        True,
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
        "join_previous",
        "&Block",
        QT_TR_NOOP("Join with previous paragraph"),
        ("Ctrl+J",),
        QT_TR_NOOP("The same join, from the lower paragraph (where F7 stops)"),
        True,
    ),
    ActionSpec(
        "split_paragraph",
        "&Block",
        QT_TR_NOOP("Split paragraph at a line…"),
        ("Shift+J",),
        QT_TR_NOOP(
            "↑/↓ or the line number's last digits choose the line that starts the new "
            "paragraph; Return splits, a role key splits and gives the lower part that role"
        ),
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
    *(
        ActionSpec(
            f"to_article_{n}",
            "&Block",
            QT_TR_NOOP("Move to article {0}"),
            (str(n),),
            QT_TR_NOOP("The selected blocks go to the article numbered so in the tree"),
            True,
            number=n,
        )
        for n in range(1, 10)
    ),
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
        "next_doubt_down",
        "&Review",
        QT_TR_NOOP("Next doubtful block down the tree"),
        ("F7",),
        QT_TR_NOOP("The next block with a doubt, in the tree's order (F8: least sure first)"),
        True,
    ),
    ActionSpec(
        "previous_doubt_up",
        "&Review",
        QT_TR_NOOP("Previous doubtful block up the tree"),
        ("Shift+F7",),
        "",
        True,
    ),
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
        "edit_verified",
        "&Review",
        QT_TR_NOOP("Edit this verified page"),
        ("E",),
        QT_TR_NOOP("A verified page opens read-only; this makes it editable again"),
        True,
    ),
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
    ActionSpec(
        "page_order",
        "&View",
        QT_TR_NOOP("Blocks in page order"),
        ("Ctrl+Shift+O",),
        QT_TR_NOOP(
            "List each article's blocks as they stand in the page text, so that Down does "
            "not jump back and forth where headings are printed after their body"
        ),
    ),
    ActionSpec("zoom_in", "&View", QT_TR_NOOP("Larger text"), ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoom_out", "&View", QT_TR_NOOP("Smaller text"), ("Ctrl+-",)),
    ActionSpec("shortcuts", "&Help", QT_TR_NOOP("Keyboard shortcuts"), ("F1",)),
    ActionSpec("about", "&Help", QT_TR_NOOP("About banmian")),
)


def role_letters() -> dict[int, Role]:
    """The role keys (H, U, K, …) as Qt key codes, from the table above."""
    out = {}
    for spec in SPECS:
        if spec.name in ROLE_ACTIONS:
            for shortcut in spec.shortcuts:
                out[QKeySequence(shortcut)[0].key()] = ROLE_ACTIONS[spec.name]
    return out


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
        action.setCheckable(spec.name in CHECKABLE)
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
    rows.append((tr("Go"), tr("Tree row: next / previous, a screenful on"), "↓ ↑, PgDn PgUp"))
    rows.append((tr("Go"), tr("First / last row of the article tree"), "Home, End"))
    rows.append((tr("Go"), tr("Extend the selection of blocks"), "Shift+↓, Shift+↑"))
    rows.append(
        (
            tr("Go"),
            tr("Extend the selection to the article's first / last block"),
            "Shift+Home, Shift+End",
        )
    )
    rows.append((tr("Go"), tr("Back to the article tree from any field"), "Esc"))
    rows.append((tr("Go"), tr("Next / previous field or pane"), "Tab, Shift+Tab"))
    rows.append(
        (
            tr("Block"),
            tr("While choosing a split line"),
            tr(
                "↑, ↓, PgDn, PgUp, the line number's last digits; Return or a role key; Esc cancels"
            ),
        )
    )
    rows.append((tr("Edit"), tr("Remove the selected tag (in the tag list)"), "Delete"))
    rows.append((tr("Article"), tr("Move blocks to another article"), tr("drag them onto it")))
    return rows
