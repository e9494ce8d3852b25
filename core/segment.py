"""Raw page → proposed articles: lines to blocks, blocks to roles, roles to articles.

The order of work mirrors how an editor reads a page dump:
1. lines become blocks: an indent opens a paragraph; an unindented line continues it
   across a column break unless the paragraph had ended a sentence and the line does
   not read as running text; bylines, furniture, captions and kickers are recognised by
   their shape (core.evidence);
2. consecutive heading blocks form heading groups, whose pieces get their roles
   (kicker, headline, subheadline) from shape and position within the group;
3. articles are cut from the running text at bylines, datelines, continuation markers
   and heading groups;
4. headings are attached to articles by evidence (core.headings), never by page order.
Every decision that could go either way leaves a Doubt for the annotator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from banmian.core import evidence as ev
from banmian.core.headings import ArticleText, HeadingPiece, attach_headings
from banmian.core.model import Article, Block, Doubt, Page, Role, Segmentation
from banmian.core.reflow import block_text

# A line wider than this many columns was not wrapped at the column: a heading set wide.
WIDE = 1.3
# A subtitle often opens with a dash: `——多地冰雪旅游订单同比增长`.
SUBTITLE_DASHES = ("——", "－－", "—")


@dataclass
class Unit:
    """A block under construction."""

    kind: str  # body, byline, heading, kicker, noise, caption
    first: int
    last: int
    lines: list[ev.LineClue]
    doubts: list[Doubt] = field(default_factory=list)
    role: Role | None = None
    group: int = -1
    reflowed: str = ""  # the block's text as `text_as` shows it (see _reflowed)
    text_as: Role | None = None

    def add(self, clue: ev.LineClue) -> None:
        self.lines.append(clue)
        self.last = clue.number

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.lines)


def segment_page(page: Page) -> Segmentation:
    """The proposal for one page; always passes `Segmentation.check()`."""
    found = ev.clues(page.lines)
    if not any(found):
        return Segmentation(page=page, articles=())
    width = ev.column_width(found)
    units = _blocks(found, width)
    _heading_roles(units, width)
    return _articles(page, units)


# -- 1. lines → blocks ----------------------------------------------------------------


def _blocks(found: list[ev.LineClue | None], width: float) -> list[Unit]:
    text_lines = [c for c in found if c]
    indented_page = sum(c.indented for c in text_lines) >= max(1, len(text_lines) // 25)
    units: list[Unit] = []
    paragraph: Unit | None = None  # the body block an unindented line may continue
    previous: ev.LineClue | None = None
    for i, clue in enumerate(text_lines):
        after_blank = previous is not None and clue.number > previous.number + 1
        nxt = text_lines[i + 1] if i + 1 < len(text_lines) else None
        nxt_touches = nxt is not None and nxt.number == clue.number + 1
        text = clue.text
        last = units[-1] if units else None
        starts_paragraph = clue.indented or (
            not indented_page and (after_blank or previous is None)
        )
        previous = clue

        if ev.is_byline(text):
            if last and last.kind == "byline" and clue.number - last.last <= 2:
                last.add(clue)
            else:
                units.append(Unit("byline", clue.number, clue.number, [clue]))
            paragraph = None
            continue
        if ev.continued_from(text) is not None:
            paragraph = Unit("body", clue.number, clue.number, [clue])
            units.append(paragraph)
            continue
        continues = paragraph is not None and not starts_paragraph and not _closed(paragraph)
        if (not continues or after_blank) and ev.is_furniture(text):
            units.append(Unit("noise", clue.number, clue.number, [clue]))
            paragraph = None
            continue
        if starts_paragraph and not (
            not indented_page and _reads_as_heading(clue, nxt, nxt_touches, width)
        ):
            paragraph = Unit("body", clue.number, clue.number, [clue])
            units.append(paragraph)
            continue
        if continues:
            paragraph.add(clue)
            continue
        if not starts_paragraph and ev.is_caption(text) and not ev.is_kicker_line(text):
            units.append(Unit("caption", clue.number, clue.number, [clue]))
            paragraph = None
            continue
        if ev.is_kicker_line(text):
            units.append(Unit("kicker", clue.number, clue.number, [clue]))
            paragraph = None
            continue
        if paragraph is not None and _reads_as_running_text(clue, nxt, nxt_touches, width):
            if after_blank:
                paragraph.doubts.append(
                    Doubt(
                        "paragraph",
                        0.6,
                        "a sentence ended before the blank line; read as a column break",
                        (clue.number, clue.number),
                        ("column break", "paragraph break"),
                    )
                )
            paragraph.add(clue)
            continue
        if last and last.kind == "byline" and _reads_as_running_text(clue, nxt, nxt_touches, width):
            paragraph = Unit("body", clue.number, clue.number, [clue])
            units.append(paragraph)
            continue
        # A heading line: joins the heading above it when it is the next line of a
        # multi-line headline, else starts a heading block of its own.
        wide = clue.width > width * WIDE
        if (
            last
            and last.kind == "heading"
            and not after_blank
            and not wide
            and last.lines[-1].width <= width * WIDE
            and not text.startswith(SUBTITLE_DASHES)
        ):
            last.add(clue)
        else:
            units.append(Unit("heading", clue.number, clue.number, [clue]))
        paragraph = None
    return units


def _closed(paragraph: Unit) -> bool:
    """A paragraph that ended a sentence or handed over to another page."""
    last = paragraph.lines[-1].text
    return ev.ends_sentence(last) or ev.continued_to(last) is not None


def _reads_as_running_text(
    clue: ev.LineClue, nxt: ev.LineClue | None, touches: bool, width: float
) -> bool:
    """After a finished sentence, is this unindented line still the paragraph's text?

    It is when it ends in sentence punctuation or a comma, or when it is a full column
    line running straight into more text of the same measure.
    """
    if clue.text.endswith(("。", "；", "，", "、", "：", ".", ",", ";")):
        return True
    if width - 1.5 <= clue.width <= width * 1.25 and any(p in clue.text for p in "，。；"):
        return True  # a full line with a sentence inside it: headings of this measure have none
    if not touches or nxt is None or nxt.indented:
        return False
    full = width - 1.5 <= clue.width <= width * 1.25
    return full and nxt.width <= width * 1.25 and not ev.is_kicker_line(nxt.text)


def _reads_as_heading(
    clue: ev.LineClue, nxt: ev.LineClue | None, touches: bool, width: float
) -> bool:
    """On pages without indents: a short line that ends no sentence is a heading."""
    return (
        not clue.ends_sentence
        and clue.width < width * 0.8
        and not _reads_as_running_text(clue, nxt, touches, width)
    )


# -- 2. heading groups and their roles ------------------------------------------------


def _heading_roles(units: list[Unit], width: float) -> None:
    group, in_group = -1, False
    for unit in units:
        if unit.kind in ("heading", "kicker"):
            if not in_group:
                group += 1
                in_group = True
            unit.group = group
        elif unit.kind in ("body", "byline"):
            in_group = False
    for g in range(group + 1):
        members = [u for u in units if u.group == g]
        for pos, unit in enumerate(members):
            text = unit.text
            if unit.kind == "kicker":
                unit.role = Role.KICKER
            elif text.startswith(SUBTITLE_DASHES):
                unit.role = Role.SUBHEADLINE
            elif unit.lines[0].width > width * WIDE or len(unit.lines) > 2:
                later_headline = any(
                    m.kind == "heading" and m.lines[0].width <= width * WIDE
                    for m in members[pos + 1 :]
                )
                unit.role = Role.KICKER if later_headline else Role.SUBHEADLINE
            else:
                unit.role = Role.HEADLINE


# -- 3. and 4. articles and attachment ------------------------------------------------


@dataclass
class _Draft:
    units: list[Unit] = field(default_factory=list)
    continued_from: str | None = None
    continued_to: str | None = None
    doubts: list[Doubt] = field(default_factory=list)

    @property
    def has_body(self) -> bool:
        return any(u.kind == "body" for u in self.units)

    @property
    def span(self) -> tuple[int, int]:
        return self.units[0].first, self.units[-1].last


def _articles(page: Page, units: list[Unit]) -> Segmentation:
    drafts: list[_Draft] = []
    current = _Draft()
    headings: list[Unit] = []
    loose: list[Unit] = []  # noise and captions
    heading_since_text = False
    ended_by_marker = False

    def cut(doubt: Doubt | None = None) -> None:
        nonlocal current
        if current.units:
            drafts.append(current)
        current = _Draft(doubts=[doubt] if doubt else [])

    for unit in units:
        if unit.kind in ("heading", "kicker"):
            headings.append(unit)
            heading_since_text = True
            continue
        if unit.kind in ("noise", "caption"):
            loose.append(unit)
            continue
        text = unit.lines[0].text
        if unit.kind == "byline":
            if current.has_body or ended_by_marker:
                cut()
        elif (source := ev.continued_from(text)) is not None:
            cut()
            current.continued_from = source
        elif current.has_body and (ended_by_marker or ev.opens_with_dateline(text)):
            cut()
        elif current.has_body and heading_since_text:
            cut(
                Doubt(
                    "boundary",
                    0.7,
                    "a new article assumed after a heading group, with no byline or dateline",
                    (unit.first, unit.last),
                    ("new article", "same article"),
                )
            )
        ended_by_marker = False
        current.units.append(unit)
        heading_since_text = False
        if unit.kind == "body" and (target := ev.continued_to(unit.lines[-1].text)) is not None:
            current.continued_to = target
            ended_by_marker = True
    cut()

    ids = [f"A{i}" for i in range(1, len(drafts) + 1)]
    texts = [
        ArticleText(
            ids[i],
            "".join(_reflowed(page, u, Role.BODY) for u in d.units if u.kind == "body"),
            d.continued_from,
        )
        for i, d in enumerate(drafts)
    ]
    pieces = [
        HeadingPiece(u.role or Role.HEADLINE, u.first, u.last, u.text, u.group) for u in headings
    ]
    first_text = next((u for u in units if u.kind in ("body", "byline")), None)
    last_text = next((u for u in reversed(units) if u.kind in ("body", "byline")), None)
    attachments = attach_headings(
        pieces,
        texts,
        [d.span for d in drafts],
        page_starts_with_heading=bool(
            headings and first_text and headings[0].first < first_text.first
        ),
        page_ends_with_heading=bool(headings and last_text and headings[-1].first > last_text.last),
    )
    for unit, attachment in zip(headings, attachments, strict=False):
        drafts[attachment.article].units.append(unit)
        if attachment.doubt:
            unit.doubts.append(attachment.doubt)

    unassigned: list[Block] = []
    for unit in loose:
        if unit.kind == "caption" and drafts:
            target = min(range(len(drafts)), key=lambda i: _distance(drafts[i], unit.first))
            unit.role = Role.CAPTION
            unit.doubts.append(
                Doubt(
                    "caption", 0.6, "caption given to the nearest article", (unit.first, unit.last)
                )
            )
            drafts[target].units.append(unit)
        else:
            unassigned.append(
                _block(page, unit, Role.NOISE if unit.kind == "noise" else Role.CAPTION)
            )

    articles = tuple(
        Article(
            id=ids[i],
            blocks=tuple(_block(page, u, _role_of(u)) for u in d.units),
            continued_from=d.continued_from,
            continued_to=d.continued_to,
            doubts=tuple(d.doubts),
        )
        for i, d in enumerate(drafts)
    )
    return Segmentation(page=page, articles=articles, unassigned=tuple(unassigned))


def _role_of(unit: Unit) -> Role:
    if unit.role is not None:
        return unit.role
    return {"body": Role.BODY, "byline": Role.BYLINE, "noise": Role.NOISE, "caption": Role.CAPTION}[
        unit.kind
    ]


def _block(page: Page, unit: Unit, role: Role) -> Block:
    return Block(role, unit.first, unit.last, _reflowed(page, unit, role), tuple(unit.doubts))


def _reflowed(page: Page, unit: Unit, role: Role) -> str:
    """The unit's text as a block of `role` shows it, reflowed once: heading attachment
    reads a body's text before its block is made."""
    if unit.text_as != role:
        unit.reflowed, unit.text_as = block_text(page, role, unit.first, unit.last), role
    return unit.reflowed


def _distance(draft: _Draft, line: int) -> tuple[int, int]:
    """How far a caption sits from an article's text; the article above wins a tie."""
    text = [u for u in draft.units if u.kind in ("body", "byline")]
    gaps = [(max(u.first - line, line - u.last, 0), 0 if u.last < line else 1) for u in text]
    return min(gaps, default=(10**6, 1))
