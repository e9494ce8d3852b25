"""What the sequence model says about each non-blank line: role, block start, article start.

One label per line packs three decisions, so that a linear-chain model decides them
jointly: `body.B+` opens a paragraph that opens an article, `body.B` opens a paragraph,
`body.I` continues the block above it (across blank lines too: a column break). An
article's `+` sits on its first line in line order that is not a heading, because
headings are attached afterwards by evidence (they may come before or after their
body); an article made of headings alone carries it on its first heading.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from banmian.core.page.model import Page, Role

HEADING_ROLES = frozenset({Role.HEADLINE, Role.SUBHEADLINE, Role.KICKER})
ROLES = tuple(Role)
OPENS, OPENS_ARTICLE, CONTINUES = "B", "B+", "I"
LABELS = tuple(f"{role}.{kind}" for role in ROLES for kind in (OPENS_ARTICLE, OPENS, CONTINUES))


class LineLabel(NamedTuple):
    role: Role
    opens_block: bool
    opens_article: bool

    def __str__(self) -> str:
        kind = OPENS_ARTICLE if self.opens_article else OPENS if self.opens_block else CONTINUES
        return f"{self.role}.{kind}"


def parse(label: str) -> LineLabel:
    role, kind = label.rsplit(".", 1)
    return LineLabel(Role(role), kind != CONTINUES, kind == OPENS_ARTICLE)


def gold_labels(page: Page, annotation: Mapping) -> dict[int, str]:
    """Line number → label for every non-blank line the annotation covers.

    Blocks listed under `either` keep their role and are treated as unassigned."""
    labels: dict[int, str] = {}

    def mark(block: Mapping, opens_article: bool) -> None:
        first, last = (int(n) for n in block["lines"])
        lines = [n for n in range(first, min(last, len(page)) + 1) if not page.is_blank(n)]
        role = Role(block["role"])
        for i, n in enumerate(lines):
            labels[n] = str(LineLabel(role, i == 0, opens_article and i == 0))

    for article in annotation.get("articles", ()):
        blocks = sorted(article.get("blocks", ()), key=lambda b: int(b["lines"][0]))
        text = [b for b in blocks if Role(b["role"]) not in HEADING_ROLES]
        opener = (text or blocks or [None])[0]
        for block in blocks:
            mark(block, block is opener)
    for block in (*annotation.get("unassigned", ()), *annotation.get("either", ())):
        mark(block, False)
    return labels
