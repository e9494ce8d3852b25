"""Reflow: the hard-wrapped column lines of a span back into running text.

Extraction breaks lines at the column width (about 15 CJK characters) and at column
breaks; neither is a real boundary in Chinese, so lines join with no space. Only where two
Latin words meet across a break is a space put back, and a trailing hyphen joins as it is.
"""

from __future__ import annotations

import re

from banmian.core.model import Page, Role

IDEOGRAPHIC_SPACE = "\u3000"
# Stray ASCII spaces, U+3000 indents, non-breaking spaces and tabs all count as margin.
MARGIN = " \t\u3000\u00a0\ufeff"


# A fragment's continuation markers say where it goes on; they are not article text.
_CONTINUATION_MARKS = re.compile(
    r"^[（(]\s*上接第?\s*[^（）()]{1,4}版\s*[）)]|[（(]\s*下转第?\s*[^（）()]{1,4}版\s*[）)]\s*$"
)


_MARGIN_AND_BREAKS = MARGIN + "\r\n"


def clean_line(line: str) -> str:
    """A raw line without its margin on either side."""
    return line.strip(_MARGIN_AND_BREAKS)


def is_indented(line: str) -> bool:
    """A paragraph opens with two ideographic spaces (possibly after a stray ASCII space)."""
    return line.lstrip(" \t").startswith(IDEOGRAPHIC_SPACE)


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def join_wrapped(pieces: list[str]) -> str:
    """Join the cleaned lines of one paragraph the way the column broke them."""
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if (
            out
            and _is_latin(out[-1])
            and _is_latin(piece[0])
            and not (out[-1].isdigit() and piece[0].isdigit())
        ):
            out += " " + piece
        else:
            out += piece
    return out


def block_text(page: Page, role: Role, first: int, last: int) -> str:
    """The text a block shows: body and captions reflowed into one paragraph, headings
    and bylines with their lines kept apart by a space (each line is a phrase)."""
    pieces = [clean_line(line) for line in page.span(first, last)]
    pieces = [p for p in pieces if p]
    if role in (Role.BODY, Role.CAPTION, Role.NOISE):
        text = join_wrapped(pieces)
        if "上接" in text or "下转" in text:  # the pattern scans the whole paragraph
            text = _CONTINUATION_MARKS.sub("", text)
        return text.strip()
    return " ".join(pieces)
