"""Reflow: the hard-wrapped column lines of a span back into running text.

Extraction breaks lines at the column width (about 15 CJK characters) and at column
breaks; neither is a real boundary in Chinese, so lines join with no space. Only where two
Latin words meet across a break is a space put back, and a trailing hyphen joins as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from banmian.core.page.model import Page, Role

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


# Punctuation that ends a clause inside a heading: what follows it needs no space.
_CLAUSE_MARKS = "，、：；！？。—…·（《“‘"
_OPENING_MARKS = "，、：；！？。）》”’…—"

# Whether a heading's line break falls inside a word or phrase, as the words layer reads
# it (`before`, `after`: the text on each side). The page layer cannot import the words
# layer (it sits below it), so `banmian.core.words.nlp` installs its rule here when it
# is imported; without one, only punctuation and Latin words decide.
WordBreakRule = Callable[[str, str], bool]
_inside_word: WordBreakRule | None = None


def set_word_break_rule(rule: WordBreakRule | None) -> None:
    global _inside_word
    _inside_word = rule


def join_heading(pieces: list[str]) -> str:
    """Join a heading's lines: a space between two complete phrases, none where the
    line break falls inside a word (`联邦议` + `会`), after a clause's punctuation, or
    before a closing one."""
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out and _needs_space(out, piece):
            out += " "
        out += piece
    return out


def _needs_space(before: str, after: str) -> bool:
    if _is_latin(before[-1]) and _is_latin(after[0]):
        return True
    if before[-1] in _CLAUSE_MARKS or after[0] in _OPENING_MARKS or before[-1] == "-":
        return False
    return not (_inside_word is not None and _inside_word(before, after))


def block_text(page: Page, role: Role, first: int, last: int) -> str:
    """The text a block shows: body and captions reflowed into one paragraph, headings
    and bylines with their lines kept apart by a space where each line is a phrase of
    its own (see `join_heading`)."""
    pieces = [clean_line(line) for line in page.span(first, last)]
    pieces = [p for p in pieces if p]
    if role in (Role.BODY, Role.CAPTION, Role.NOISE):
        text = join_wrapped(pieces)
        if "上接" in text or "下转" in text:  # the pattern scans the whole paragraph
            text = _CONTINUATION_MARKS.sub("", text)
        return text.strip()
    if role is Role.BYLINE:
        return " ".join(pieces)
    return join_heading(pieces)
