"""Columns read side by side: runs of lines where every other line is blank.

Extractors that read two columns whose lines align side by side give them one at a time,
a blank line after each (pdfminer.six and pdftotext on tight columns do it on about one
simulated page in six). Each line of such a run goes on from a line elsewhere, never
from the line above it, and two articles' columns may alternate in it. The line model
reads a line against the line above, so over a long run it joins lines into paragraphs
that are not there; and most of a PDF page's corrections are in these runs.
"""

from __future__ import annotations

from collections.abc import Sequence

from banmian.core.page.model import Doubt

# This many lines in a row, each after one blank line, are columns read side by side:
# on the development pages' training half, 92% of the body lines of such runs open a
# paragraph of their own (94% with pdftotext, 89% with pdfminer.six); wrapped dumps
# have none of six lines or more.
RUN = 6
# The share of such runs the segmenter proposes without a single correction (158 of
# 703 with pdftotext, 110 of 499 with pdfminer.six, training half): a doubt's confidence.
RUN_RIGHT = 0.22


def runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of at least RUN non-blank lines, in line order, where
    each line stands two after the one before (one blank line between)."""
    found = []
    start = 0
    for k in range(1, len(numbers) + 1):
        if k == len(numbers) or numbers[k] != numbers[k - 1] + 2:
            if k - start >= RUN:
                found.append((numbers[start], numbers[k - 1]))
            start = k
    return found


def run_doubt(first: int, last: int) -> Doubt:
    """One doubt over a whole run: which article each of its lines belongs to is the
    question, and it is the same question for every line."""
    return Doubt(
        "boundary",
        RUN_RIGHT,
        "columns read side by side: lines of this run may belong to other articles",
        (first, last),
        ("as they are", "other articles"),
    )
