"""Blocks and articles while a page's proposal is being made.

A `Unit` is a block under construction, a `Draft` an article: the segmenter makes them
from the line model's decisions, and the placement of headings and captions and the
doubts work on them before they become the frozen model's blocks and articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from banmian.core.page.model import Block, Doubt, Page, Role
from banmian.core.page.reflow import block_text
from banmian.core.segmentation.labels import HEADING_ROLES
from banmian.core.segmentation.line_model import LineDecision

# A decision less sure than this is offered to the annotator as a doubt.
DOUBT_BELOW = 0.9


@dataclass
class Unit:
    """A block under construction: its role and the model's decisions on its lines."""

    role: Role
    lines: list[LineDecision]
    opens_article: bool
    doubts: list[Doubt] = field(default_factory=list)
    text: str = ""  # cleaned lines joined, for heading attachment and markers
    attachment: float | None = None  # a heading's raw attachment confidence
    evidence: tuple[float, ...] = ()  # what a contested attachment rested on
    side_by_side: bool = False  # in a run of columns read side by side (shredded.py)

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number


@dataclass
class Draft:
    units: list[Unit] = field(default_factory=list)
    continued_from: str | None = None
    continued_to: str | None = None
    doubts: list[Doubt] = field(default_factory=list)

    @property
    def text_units(self) -> list[Unit]:
        return [u for u in self.units if u.role not in HEADING_ROLES] or self.units

    @property
    def span(self) -> tuple[int, int]:
        units = self.text_units
        return units[0].first, units[-1].last


def least(unit: Unit, role: str) -> float:
    return min(d.role_probability(role) for d in unit.lines)


def block_of(page: Page, unit: Unit, role: Role) -> Block:
    return Block(
        role,
        unit.first,
        unit.last,
        block_text(page, role, unit.first, unit.last),
        tuple(unit.doubts),
    )
