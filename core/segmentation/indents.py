"""What indents, or their absence, say about where paragraphs start.

The line model reads a line's shape and its neighbours'; two facts of the whole page it
weighs less surely than they deserve (measured on the training half of the development
pages), and the segmenter takes them from here.
"""

from __future__ import annotations

from typing import NamedTuple

from banmian.core.page.model import Page
from banmian.core.segmentation import evidence as ev
from banmian.core.segmentation.evidence import LineClue

# On pages without indents, the share of body lines after a full line ending a sentence
# that start a paragraph (2,160 of 5,939 on the training half of the pages stripped of
# their indents; 41-56% with PDF extractors): no continuation there is surer than this.
COIN_FLIP_STARTS = 0.36
# A page indents its paragraphs when this many of its lines (and this share) are indented;
# there a flush line right under another goes on from it at least this surely.
INDENTED_PAGE, INDENTED_SHARE = 3, 0.05
FLUSH_GOES_ON = 0.97
# A line this many characters short of the column's measure may hold a dropped indent,
# and a page where this share of the coin flips' lines do dropped its indents (on the
# development pages: 20% or more on nine pdftotext pages in ten, at most 14% on wrapped
# dumps without indents).
DROPPED_INDENT = 1.5
DROPPED_SHARE = 0.2


class IndentEvidence(NamedTuple):
    coin_flips: frozenset[int]  # lines a paragraph may or may not start on
    flush: frozenset[int]  # lines that go on from the line above
    indented: frozenset[int] = frozenset()  # lines that open a paragraph
    # coin flips whose own line falls short of the column by about an indent: where an
    # extractor dropped the indent's characters (pdftotext), the line still ends early
    short_flips: frozenset[int] = frozenset()
    # so many coin flips fall short that the page's extractor dropped its indents: there
    # a coin flip's full line goes on from the one above
    dropped_indents: bool = False


def _section_head(clue: LineClue, clues: list[LineClue | None]) -> bool:
    """A flush line that ends no sentence, right above an indented one: a section head
    (`五、狠抓改革强警`), which some papers set flush, not a paragraph's last line."""
    below = clues[clue.number] if clue.number < len(clues) else None
    return below is not None and below.indented and not ev.ends_sentence(clue.text)


def indent_evidence(page: Page) -> IndentEvidence:
    """What a line's neighbours on the page say about a paragraph starting on it, where
    the line model's confidence is known to be off (measured on the training half):

    - *coin flips*: on a page without indents, a line after a full line that ends a
      sentence; nothing says whether the paragraph ended at the column's edge, and the
      model is surer of either than it may be;
    - *flush continuations*: on a page that indents its paragraphs, a flush line right
      under another line (no blank between); not once in 290,000 such body lines did a
      paragraph start, yet the model gave some a one-in-ten chance and a doubt;
    - *indented openings*: on such a page, an indented line; 99.9% of the 32,000 indented
      body lines under body text started a paragraph (the rest: a paragraph broken
      across a column whose lines an extractor glued to its indent)."""
    clues = ev.clues(page.lines)
    present = [c for c in clues if c is not None]
    indented = sum(c.indented for c in present)
    if indented >= max(INDENTED_PAGE, INDENTED_SHARE * len(present)):
        flush = frozenset(
            c.number
            for c in present
            if not c.indented
            and c.number > 1
            and clues[c.number - 2] is not None
            and not _section_head(c, clues)
        )
        opening = frozenset(c.number for c in present if c.indented)
        return IndentEvidence(frozenset(), flush, opening)
    if indented:
        return IndentEvidence(frozenset(), frozenset())
    measure = ev.column_width(clues)
    flips, short = set(), set()
    for before, clue in zip(present, present[1:], strict=False):
        if before.width >= measure - 1 and ev.ends_sentence(before.text):
            flips.add(clue.number)
            if clue.width <= measure - DROPPED_INDENT:
                short.add(clue.number)
    dropped = len(short) >= 2 and len(short) >= DROPPED_SHARE * len(flips)
    return IndentEvidence(
        frozenset(flips), frozenset(), short_flips=frozenset(short), dropped_indents=dropped
    )
