"""The direction of imports inside core (DESIGN §3), read from the source itself.

`page` is the bottom; `words` may speak of pages; `segmentation` uses both; `edits` works
over `page` alone; `corpus` stores what the segmenter proposes and the edits change;
`export` reads the corpus; `team` works across several corpus files (batches,
agreement, merge); `archive` runs the corpus's page preparation over a whole archive
into shards and loads them; `cli` sits on top of everything in core. Nothing in core
imports Qt or the GUI. Every import counts, also inside functions and under
TYPE_CHECKING: a type-only import upwards is still a package knowing its users.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "core"

MAY_IMPORT: dict[str, set[str]] = {
    "page": set(),
    "words": {"page"},
    "segmentation": {"page", "words"},
    "edits": {"page"},
    "corpus": {"page", "words", "segmentation", "edits"},
    "export": {"page", "words", "segmentation", "edits", "corpus"},
    "team": {"page", "words", "segmentation", "edits", "corpus"},
    "archive": {"page", "words", "segmentation", "edits", "corpus"},
    "cli": {"page", "words", "segmentation", "edits", "corpus", "export", "team", "archive"},
}
FOREIGN = ("PySide6", "shiboken6", "banmian.gui")


def imported_names(source: str) -> Iterator[tuple[int, str]]:
    """(line, module) for every import statement anywhere in `source`."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module
            for alias in node.names:  # `from banmian.core import nlp` names a module
                yield node.lineno, f"{node.module}.{alias.name}"


def wrong_way(package: str, source: str) -> list[str]:
    """The imports of a module of `package` that break the direction, as messages."""
    found = []
    for line, name in imported_names(source):
        if name.startswith(FOREIGN):
            found.append(f"line {line}: {name} (core never imports Qt or the GUI)")
            continue
        parts = name.split(".")
        if parts[:2] != ["banmian", "core"] or len(parts) < 3 or parts[2] not in MAY_IMPORT:
            continue
        target = parts[2]
        if target != package and target not in MAY_IMPORT[package]:
            found.append(f"line {line}: {name} ({package} may not import {target})")
    return sorted(set(found))


def test_every_core_module_lives_in_a_package_with_a_docstring():
    loose = [p.name for p in CORE.glob("*.py") if p.name != "__init__.py"]
    assert loose == [], "every module of core belongs to a package"
    packages = {p.parent.name for p in CORE.glob("*/__init__.py")}
    assert packages == set(MAY_IMPORT)
    for name in packages:
        tree = ast.parse((CORE / name / "__init__.py").read_text("utf-8"))
        assert ast.get_docstring(tree), f"core/{name}/__init__.py says what it holds"


def test_imports_run_one_way():
    problems = {}
    for path in sorted(CORE.rglob("*.py")):
        package = path.relative_to(CORE).parts[0]
        if package not in MAY_IMPORT:
            continue
        found = wrong_way(package, path.read_text("utf-8"))
        if found:
            problems[str(path.relative_to(CORE))] = found
    assert problems == {}


def test_the_check_catches_a_wrong_way_import():
    assert wrong_way("page", "from banmian.core.words import nlp\n")
    assert wrong_way("segmentation", "def f():\n    from banmian.core.corpus.store import Store\n")
    assert wrong_way("words", "from banmian.core import corpus\n")
    assert wrong_way("corpus", "import PySide6.QtCore\n")
    assert wrong_way("edits", "from banmian.core.segmentation.segmenter import segment_page\n")
    assert not wrong_way("export", "from banmian.core.corpus.store import Store\n")
    assert not wrong_way("cli", "from banmian.core.export import articles\n")


def test_the_direction_has_no_cycle():
    """The allowed graph itself is a DAG, so following it can never loop."""
    order: list[str] = []
    remaining = dict(MAY_IMPORT)
    while remaining:
        ready = [p for p, deps in remaining.items() if deps <= set(order)]
        assert ready, f"cycle among {sorted(remaining)}"
        order.extend(sorted(ready))
        for p in ready:
            del remaining[p]
