"""Every command of the window in one table: menus, tooltips and the shortcut sheet are
all built from it, so a shortcut shown anywhere is the one that works.

Single-letter keys act on the selected block or article (they never reach a text field,
which takes its own typing first); `T, <key>` chords add a vocabulary tag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from banmian.gui.translate import tr
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


_S = QKeySequence.StandardKey
MENUS = ("&File", "&Edit", "&Go", "&Article", "&Block", "&Review", "&View", "&Help")
STANDARD = {"quit": _S.Quit, "open_database": _S.Open}

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("open_database", "&File", "Open database…", ("Ctrl+O",)),
    ActionSpec(
        "import_files", "&File", "Import files…", ("Ctrl+I",), "Add page files to the database"
    ),
    ActionSpec(
        "import_folder",
        "&File",
        "Import folder…",
        ("Ctrl+Shift+I",),
        "Add every *.txt under a folder",
    ),
    ActionSpec(
        "export", "&File", "Export…", ("Ctrl+Shift+E",), "Write the curated articles for research"
    ),
    ActionSpec("vocabulary", "&File", "Tag vocabulary…", (), "The tags annotators choose from"),
    ActionSpec("quit", "&File", "Quit", ("Ctrl+Q",)),
    ActionSpec(
        "find", "&Edit", "Search articles", ("Ctrl+F",), "Word-aware search over the corpus"
    ),
    ActionSpec(
        "details", "&Edit", "Edit article details", ("F2",), "Title, continuations, notes", True
    ),
    ActionSpec(
        "add_tag",
        "&Edit",
        "Add a tag…",
        ("Ctrl+T",),
        "Type a tag; completion from the vocabulary",
        True,
    ),
    *(
        ActionSpec(
            f"accept_suggestion_{n}", "&Edit", f"Accept suggested tag {n}", (f"Ctrl+{n}",), "", True
        )
        for n in range(1, 10)
    ),
    ActionSpec("corpus", "&Go", "Corpus", ("Alt+Left",), "Back to the list of pages"),
    ActionSpec("previous_page", "&Go", "Previous page", ("Ctrl+PgUp",), "", True),
    ActionSpec("next_page", "&Go", "Next page", ("Ctrl+PgDown",), "", True),
    ActionSpec(
        "split",
        "&Article",
        "Split article here",
        ("S",),
        "The selected block starts a new article",
        True,
    ),
    ActionSpec(
        "merge_next", "&Article", "Merge with next", ("M",), "The next article joins this one", True
    ),
    ActionSpec(
        "merge_previous",
        "&Article",
        "Merge with previous",
        ("Shift+M",),
        "This article joins the previous one",
        True,
    ),
    ActionSpec(
        "new_article",
        "&Article",
        "New article from blocks",
        ("A",),
        "The selected blocks form a new article",
        True,
    ),
    ActionSpec(
        "dissolve",
        "&Article",
        "Dissolve article",
        ("D",),
        "Its blocks stay on the page, in no article",
        True,
    ),
    ActionSpec(
        "article_up", "&Article", "Move article up", ("Ctrl+Up",), "Earlier in reading order", True
    ),
    ActionSpec(
        "article_down",
        "&Article",
        "Move article down",
        ("Ctrl+Down",),
        "Later in reading order",
        True,
    ),
    ActionSpec("role_headline", "&Block", "Headline", ("H",), "", True),
    ActionSpec("role_subheadline", "&Block", "Subtitle", ("U",), "", True),
    ActionSpec("role_kicker", "&Block", "Kicker", ("K",), "", True),
    ActionSpec("role_byline", "&Block", "Byline", ("B",), "", True),
    ActionSpec("role_body", "&Block", "Body paragraph", ("P",), "", True),
    ActionSpec("role_caption", "&Block", "Caption", ("C",), "", True),
    ActionSpec("role_noise", "&Block", "Noise (page furniture)", ("N",), "", True),
    ActionSpec(
        "join",
        "&Block",
        "Join with next paragraph",
        ("J",),
        "A column break read as a paragraph break",
        True,
    ),
    ActionSpec(
        "split_paragraph",
        "&Block",
        "Split paragraph at cursor line",
        ("Shift+J",),
        "Put the cursor on the line in the page text first",
        True,
    ),
    ActionSpec("to_previous_article", "&Block", "Move to previous article", ("Alt+Up",), "", True),
    ActionSpec("to_next_article", "&Block", "Move to next article", ("Alt+Down",), "", True),
    ActionSpec("unassign", "&Block", "Take out of its article", ("X",), "", True),
    ActionSpec(
        "next_doubt", "&Review", "Next doubt", ("F8",), "The least sure decision left", True
    ),
    ActionSpec("previous_doubt", "&Review", "Previous doubt", ("Shift+F8",), "", True),
    ActionSpec("accept_doubt", "&Review", "Accept the decision", ("Y",), "Clears the doubt", True),
    ActionSpec("alternative_1", "&Review", "Take alternative 1", ("Alt+1",), "", True),
    ActionSpec("alternative_2", "&Review", "Take alternative 2", ("Alt+2",), "", True),
    ActionSpec(
        "verify_next",
        "&Review",
        "Page verified, next page",
        ("Ctrl+Return",),
        "Mark verified and open the next unverified page",
        True,
    ),
    ActionSpec(
        "reflow",
        "&View",
        "Reflowed text",
        ("Ctrl+R",),
        "Show the articles as read instead of the raw lines",
    ),
    ActionSpec("zoom_in", "&View", "Larger text", ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoom_out", "&View", "Smaller text", ("Ctrl+-",)),
    ActionSpec("shortcuts", "&Help", "Keyboard shortcuts", ("F1",)),
    ActionSpec("about", "&Help", "About banmian"),
)


def build_actions(
    window: QWidget, menubar: QMenuBar, handler: Callable[[str], Callable[[], None]]
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """QActions for every spec, in their menus, each triggering `handler(name)`."""
    menus = {name: menubar.addMenu(tr(name)) for name in MENUS}
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(tr(spec.text), window)
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
