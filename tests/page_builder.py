"""Lay out test pages the way text extraction would, with their gold segmentation.

A page is written as items (article id, role, text); the builder wraps body paragraphs
at the column width with the two-U+3000 indent, breaks a column wherever the text holds
`¦` (a blank line in the middle of a word), and records every block's line span, so
each test page carries an exact gold in the JSON contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

INDENT = "\u3000\u3000"
COLUMN_BREAK = "¦"


@dataclass
class BuiltPage:
    lines: list[str] = field(default_factory=list)
    gold: dict = field(default_factory=lambda: {"source": "", "articles": [], "unassigned": []})

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def wrap(text: str, width: int, first_indent: bool = True) -> list[str]:
    """Hard-wrap like a column: CJK cells count 1, ASCII half."""
    lines, current, cells = [], INDENT if first_indent else "", 2.0 if first_indent else 0.0
    for ch in text:
        if ch == COLUMN_BREAK:
            lines += [current, ""]
            current, cells = "", 0.0
            continue
        w = 0.5 if ch.isascii() else 1.0
        if cells + w > width and current.strip():
            lines.append(current)
            current, cells = "", 0.0
        current += ch
        cells += w
    if current:
        lines.append(current)
    return lines


def build(
    items: list[tuple[str, str, str]], width: int = 15, source: str = "test.txt"
) -> BuiltPage:
    """`items`: (article id or "" for unassigned, role, text); role "blank" adds blank lines.

    Body text is wrapped and indented; headings, kickers and captions are set as they
    are (one item = one line unless it contains "\\n"); bylines are indented.
    """
    page = BuiltPage()
    page.gold["source"] = source
    articles: dict[str, dict] = {}
    for article_id, role, text in items:
        if role == "blank":
            page.lines += [""] * (int(text) if text else 1)
            continue
        if role == "body":
            body_lines = wrap(text, width)
        elif role == "byline":
            body_lines = [INDENT + text]
        else:
            body_lines = text.split("\n")
        first = len(page.lines) + 1
        page.lines += body_lines
        block = {"role": role, "lines": [first, len(page.lines)]}
        if article_id:
            if article_id not in articles:
                articles[article_id] = {
                    "id": article_id,
                    "continued_from": None,
                    "continued_to": None,
                    "blocks": [],
                }
                page.gold["articles"].append(articles[article_id])
            articles[article_id]["blocks"].append(block)
        else:
            page.gold["unassigned"].append(block)
    return page
