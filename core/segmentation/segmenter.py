"""Raw page → proposed articles, from the line model's joint decisions.

1. Every non-blank line gets its features (core.segmentation.features) and the trained
   line model decides all lines of the page at once: role, whether the line opens a
   block (a paragraph) and whether it opens an article (labels).
2. Lines become blocks: a line that opens one starts it, a line that continues joins
   the block above it across blank lines (a column break).
3. Blocks become articles at the lines that open one; headings are attached to articles
   by evidence (core.segmentation.headings), in-body section heads to the article around
   them, captions to the nearest article, furniture to no article.
4. Every decision whose calibrated confidence falls below `DOUBT_BELOW` becomes a doubt
   naming the alternative, so that the review queue walks the likely errors.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field, replace

from banmian.core.page.model import Article, Block, Doubt, Page, Role, Segmentation
from banmian.core.page.reflow import block_text, clean_line
from banmian.core.segmentation import evidence as ev
from banmian.core.segmentation import heading_odds, shredded
from banmian.core.segmentation.features import page_features
from banmian.core.segmentation.headings import ArticleText, HeadingPiece, attach_headings
from banmian.core.segmentation.labels import HEADING_ROLES
from banmian.core.segmentation.line_model import (
    Calibration,
    LineDecision,
    LineModel,
    shipped_model,
)

# A decision less sure than this is offered to the annotator as a doubt.
DOUBT_BELOW = 0.9
# A headline this sure, standing between two paragraphs of one article, splits it.
SURE_HEADLINE = 0.8
# The share of articles that took two headlines and need no correction (29 of 78 on the
# held-out training pages): the two-headline doubt's confidence.
TWO_HEADLINES_RIGHT = 0.37
# On pages without indents, the share of body lines after a full line ending a sentence
# that start a paragraph (2,160 of 5,939 on the training half of the pages stripped of
# their indents; 41-56% with PDF extractors): no continuation there is surer than this.
COIN_FLIP_STARTS = 0.36
# A page indents its paragraphs when this many of its lines (and this share) are indented;
# there a flush line right under another goes on from it at least this surely.
INDENTED_PAGE, INDENTED_SHARE = 3, 0.05
FLUSH_GOES_ON = 0.97
# How often a caption goes to its article when the nearest article's text is within
# this many lines closer than the next one's (held-out training pages: 17 of 36 within
# a line, 60 of 68 within three, 98 of 107 within ten; 59 of 81 farther, where both are
# far off and the caption may be a photo's beside a third)
CAPTION_RIGHT = ((1, 0.47), (3, 0.88), (10, 0.92), (float("inf"), 0.73))


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
    side_by_side: bool = False  # opened because its column was read beside another

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number


@dataclass
class _Draft:
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


def segment_page(page: Page, model: LineModel | None = None) -> Segmentation:
    """The proposal for one page; always passes `Segmentation.check()`, and every
    non-blank line lands in exactly one block."""
    return propose(page, model)[0]


def propose(
    page: Page, model: LineModel | None = None, evidence: bool = False
) -> tuple[
    Segmentation, list[tuple[int, int, float]] | list[tuple[int, int, float, tuple[float, ...]]]
]:
    """The proposal, and for each heading attached by evidence its lines and raw
    attachment confidence (with `evidence`, also what a contested choice rested on, empty
    for an uncontested one): what calibrating that confidence against gold pages needs."""
    rows = page_features(page.lines)
    if not rows:
        return Segmentation(page=page, articles=()), []
    model = model or shipped_model()
    decisions = model.decide([n for n, _ in rows], [f for _, f in rows])
    runs = shredded.runs([d.number for d in decisions])
    evidence = _line_evidence(page)
    units = _units(page, decisions, runs, evidence[1])
    _unit_doubts(units, model.calibration, evidence)
    odds = heading_odds.weights_of(getattr(model, "card", {}))
    segmentation = _articles(page, units, model.calibration, runs, odds)
    if evidence:
        return segmentation, [
            (u.first, u.last, u.attachment, u.evidence) for u in units if u.attachment is not None
        ]
    attached = [(u.first, u.last, u.attachment) for u in units if u.attachment is not None]
    return segmentation, attached


# -- lines → blocks ---------------------------------------------------------------------


def _units(
    page: Page,
    decisions: list[LineDecision],
    runs: list[tuple[int, int]],
    flush: frozenset[int] = frozenset(),
) -> list[Unit]:
    units: list[Unit] = []
    side_by_side = {n for a, b in runs for n in range(a + 1, b + 1)}
    for decision in decisions:
        label = decision.label
        last = units[-1] if units else None
        goes_on = not label.opens_block or (
            # on a page that indents, a flush body line right under body text goes on
            decision.number in flush
            and label.role is Role.BODY
            and decision.opens_article < 0.5
            and last is not None
            and last.lines[-1].number == decision.number - 1
        )
        if (
            last is not None
            and goes_on
            and last.role is label.role
            and decision.number not in side_by_side
        ):
            last.lines.append(decision)
        else:
            # an article starts where the marginal says so, not where the single best
            # label path does: 0.19 fewer fixes a page on the development corpus, since
            # the path gives up a likely start to keep its neighbours' labels consistent
            units.append(Unit(label.role, [decision], decision.opens_article >= 0.5))
            units[-1].side_by_side = decision.number in side_by_side and not label.opens_block
    for unit in units:
        unit.text = "".join(clean_line(page.line(d.number)) for d in unit.lines)
    return units


def _run_doubts(units: list[Unit], runs: list[tuple[int, int]]) -> None:
    for first, last in runs:
        unit = next(u for u in units if u.first <= first <= u.last)
        unit.doubts.append(shredded.run_doubt(first, last))


def _line_evidence(page: Page) -> tuple[frozenset[int], frozenset[int]]:
    """What a line's neighbours on the page say about a paragraph starting on it, where
    the line model's confidence is known to be off (measured on the training half):

    - *coin flips*: on a page without indents, a line after a full line that ends a
      sentence; nothing says whether the paragraph ended at the column's edge, and the
      model is surer of either than it may be;
    - *flush continuations*: on a page that indents its paragraphs, a flush line right
      under another line (no blank between); not once in 290,000 such body lines did a
      paragraph start, yet the model gave some a one-in-ten chance and a doubt."""
    clues = ev.clues(page.lines)
    present = [c for c in clues if c is not None]
    indented = sum(c.indented for c in present)
    if indented >= max(INDENTED_PAGE, INDENTED_SHARE * len(present)):
        flush = frozenset(
            c.number
            for c in present
            if not c.indented and c.number > 1 and clues[c.number - 2] is not None
        )
        return frozenset(), flush
    if indented:
        return frozenset(), frozenset()
    full = ev.column_width(clues) - 1
    flips = set()
    for before, clue in zip(present, present[1:], strict=False):
        if before.width >= full and ev.ends_sentence(before.text):
            flips.add(clue.number)
    return frozenset(flips), frozenset()


def _unit_doubts(
    units: list[Unit], cal: Calibration, evidence: tuple[frozenset[int], frozenset[int]]
) -> None:
    coin_flips, flush = evidence
    """Doubts on where blocks start and end and on their roles."""
    previous: Unit | None = None
    for unit in units:
        head = unit.lines[0]
        # a shredded line's own block is right about nine times in ten: no doubt
        if (
            previous is not None
            and previous.role is unit.role is Role.BODY
            and not unit.side_by_side
        ):
            sure = cal.below("start", head.opens_block, DOUBT_BELOW)
            if sure is not None:
                unit.doubts.append(
                    Doubt(
                        "paragraph",
                        round(sure, 3),
                        "this line may go on from the paragraph above (a column break)",
                        (head.number, head.number),
                        ("paragraph break", "column break"),
                    )
                )
        unsure = []
        for d in unit.lines[1:]:
            sure = cal("start", 1 - d.opens_block)
            if d.number in coin_flips:
                sure = min(sure, 1 - COIN_FLIP_STARTS)
            elif d.number in flush:
                sure = max(sure, FLUSH_GOES_ON)
            if sure < DOUBT_BELOW:
                unsure.append((d.number, sure))
        if unsure:
            # one doubt over every line where a paragraph may start: the block is right
            # only if none does, and a long run of such lines (no indents) is one question
            whole = math.prod(sure for _n, sure in unsure)
            first, last = unsure[0][0], unsure[-1][0]
            unit.doubts.append(
                Doubt(
                    "paragraph",
                    round(whole, 3),
                    "a new paragraph may start on this line"
                    if first == last
                    else "new paragraphs may start on these lines",
                    (first, last),
                    ("column break", "paragraph break"),
                )
            )
        role = str(unit.role)
        sure = cal.below("role", _least(unit, role), DOUBT_BELOW)
        if sure is not None:
            rival = next(r for r, _p in head.ranked_roles() if r != role)
            unit.doubts.append(
                Doubt(
                    "role",
                    round(sure, 3),
                    f"this block may be a {rival} rather than a {role}",
                    (unit.first, unit.last),
                    (role, rival),
                )
            )
        previous = unit


# -- blocks → articles ------------------------------------------------------------------


def _articles(
    page: Page,
    units: list[Unit],
    cal: Calibration,
    runs: list[tuple[int, int]],
    odds: list[float] | None = None,
) -> Segmentation:
    drafts: list[_Draft] = []
    headings: list[Unit] = []
    loose: list[Unit] = []  # furniture and captions
    # An article start the model put on a caption or furniture line (which belong to no
    # article's text) passes to the next text: its probability with it.
    handed_on = 0.0
    for unit in units:
        if unit.role in (Role.NOISE, Role.CAPTION):
            loose.append(unit)
            if unit.opens_article and drafts:
                handed_on = max(handed_on, unit.lines[0].opens_article)
            continue
        if unit.role in HEADING_ROLES and not unit.opens_article:
            headings.append(unit)
            continue
        source = ev.continued_from(unit.text) if unit.role is Role.BODY else None
        p_open = max(unit.lines[0].opens_article, handed_on)
        opens, handed_on = unit.opens_article or handed_on > 0, 0.0
        if not drafts or opens or source is not None:
            drafts.append(_Draft(continued_from=source))
            if len(drafts) > 1:
                sure = cal.below("article", p_open, DOUBT_BELOW)
                if sure is not None:
                    drafts[-1].doubts.append(
                        Doubt(
                            "boundary",
                            round(sure, 3),
                            "this may go on from the article before",
                            (unit.first, unit.first),
                            ("new article", "same article"),
                        )
                    )
        elif unit.role not in HEADING_ROLES:
            sure = cal.below("article", 1 - p_open, DOUBT_BELOW)
            if sure is not None:
                unit.doubts.append(
                    Doubt(
                        "boundary",
                        round(sure, 3),
                        "a new article may start here",
                        (unit.first, unit.first),
                        ("same article", "new article"),
                    )
                )
        drafts[-1].units.append(unit)
        if unit.role is Role.BODY and (target := ev.continued_to(unit.text)) is not None:
            drafts[-1].continued_to = target
    if not drafts and headings:
        # headings, captions and furniture only (an advert, a contents page): the first
        # heading opens an article, so that every heading still lands in a block
        drafts.append(_Draft(units=[headings.pop(0)]))
    if not drafts:  # a page of furniture and captions only
        return Segmentation(
            page=page, articles=(), unassigned=tuple(_block(page, u, u.role) for u in loose)
        )

    _split_at_headlines(drafts, headings, cal)
    _widen_boundary_doubts(drafts)
    _run_doubts(units, runs)
    _attach_headings(drafts, headings, units, cal, odds)
    unassigned = _place_loose(page, drafts, loose)
    ids = [f"A{i}" for i in range(1, len(drafts) + 1)]
    articles = tuple(
        Article(
            id=ids[i],
            blocks=tuple(_block(page, u, u.role) for u in d.units),
            continued_from=d.continued_from,
            continued_to=d.continued_to,
            doubts=tuple(d.doubts),
        )
        for i, d in enumerate(drafts)
    )
    return Segmentation(page=page, articles=articles, unassigned=tuple(unassigned))


def _split_at_headlines(drafts: list[_Draft], headings: list[Unit], cal: Calibration) -> None:
    """A headline between two paragraphs of one article means an article boundary the
    line model missed: whichever side of its body a page puts headings, the text after
    the headline belongs to another article than the text before it."""
    for unit in headings:
        if unit.role is not Role.HEADLINE or _least(unit, "headline") < SURE_HEADLINE:
            continue
        for i, draft in enumerate(drafts):
            text = draft.text_units
            if not (text[0].last < unit.first and text[-1].first > unit.last):
                continue
            k = next(j for j, u in enumerate(draft.units) if u.first > unit.last)
            head = draft.units[k]
            rest = _Draft(units=draft.units[k:], continued_to=draft.continued_to)
            draft.units = draft.units[:k]
            draft.continued_to = None
            # measured on the development pages: about nine such boundaries in ten are
            # right, and the line model's own doubt about the line says which ones
            sure = 1 - cal("article", head.lines[0].opens_article)
            if sure < DOUBT_BELOW:
                rest.doubts.append(
                    Doubt(
                        "boundary",
                        round(sure, 3),
                        "a headline stands before this text: it may start another article",
                        (head.first, head.first),
                        ("new article", "same article"),
                    )
                )
            drafts.insert(i + 1, rest)
            break


def _least(unit: Unit, role: str) -> float:
    return min(d.role_probability(role) for d in unit.lines)


def _widen_boundary_doubts(drafts: list[_Draft]) -> None:
    """A doubt on an article boundary is about every line the boundary would move: the
    whole article for "may go on from the one before", the rest of the article for "a
    new article may start here"."""
    for draft in drafts:
        first, last = draft.span
        draft.doubts = [replace(d, lines=(first, last)) for d in draft.doubts]
        for unit in draft.units:
            unit.doubts = [
                replace(d, lines=(unit.first, last)) if d.about == "boundary" else d
                for d in unit.doubts
            ]


def _attach_headings(
    drafts: list[_Draft],
    headings: list[Unit],
    units: list[Unit],
    cal: Calibration,
    odds: list[float] | None = None,
) -> None:
    """In-body section heads stay in the article around them; other headings go where
    the evidence (shared words, names, the page's heading side) puts them."""
    owner = {id(u): i for i, d in enumerate(drafts) for u in d.units}
    placed_text = [u for u in units if id(u) in owner]  # in line order, not overlapping
    firsts = [u.first for u in placed_text]
    starts = sorted(u.first for u in units)
    free: list[Unit] = []
    for unit in headings:
        k = bisect.bisect_left(firsts, unit.first)
        before = placed_text[k - 1] if k else None
        after = placed_text[k] if k < len(placed_text) else None
        j = bisect.bisect_right(starts, unit.last)
        if (
            unit.role is Role.SUBHEADLINE
            and before is not None
            and after is not None
            and owner[id(before)] == owner[id(after)]
            and before.role in _TEXT_ROLES
            and after.role in _TEXT_ROLES
        ):
            drafts[owner[id(before)]].units.append(unit)
        elif (
            unit.role is Role.SUBHEADLINE
            and before is not None
            and before.role in _TEXT_ROLES
            and before.last == unit.first - 1
            and (j == len(starts) or starts[j] > unit.last + 1)
        ):
            # right under an article's last lines, a blank line after it: its credit line
            # (版式设计：…, 制图：…, 新华社发), whichever side the page's headings sit on
            drafts[owner[id(before)]].units.append(unit)
        else:
            free.append(unit)
    if not free:
        return
    bundles = _bundles(free)
    texts = [
        ArticleText(
            f"A{i + 1}",
            "".join(u.text for u in d.units if u.role is Role.BODY),
            d.continued_from,
        )
        for i, d in enumerate(drafts)
    ]
    pieces = [
        HeadingPiece(_main_role(b), b[0].first, b[-1].last, "".join(u.text for u in b), g)
        for g, b in enumerate(bundles)
    ]
    text_units = [u for d in drafts for u in d.text_units]
    first_text = min((u.first for u in text_units), default=0)
    last_text = max((u.last for u in text_units), default=0)
    attachments = attach_headings(
        pieces,
        texts,
        [d.span for d in drafts],
        page_starts_with_heading=free[0].first < first_text,
        page_ends_with_heading=free[-1].first > last_text,
    )
    for bundle, attachment in zip(bundles, attachments, strict=True):
        drafts[attachment.article].units.extend(bundle)
        contested = attachment.evidence if attachment.rival is not None else ()
        if odds is not None and contested:
            sure = heading_odds.probability(odds, contested)
        else:
            sure = cal("heading", attachment.confidence)
        for unit in bundle:
            unit.attachment = attachment.confidence
            unit.evidence = contested
        if attachment.rival is not None and sure < DOUBT_BELOW:
            # one decision, one doubt: on the group's headline, over all its lines, so
            # that taking the other article moves the kicker and subtitle with it
            main = next((u for u in bundle if u.role is Role.HEADLINE), bundle[0])
            main.doubts.append(
                Doubt(
                    "heading",
                    round(sure, 3),
                    attachment.reason,
                    (bundle[0].first, bundle[-1].last),
                    (f"A{attachment.article + 1}", f"A{attachment.rival + 1}"),
                )
            )
    for draft in drafts:
        draft.units.sort(key=lambda u: u.first)
        _two_headlines_doubt(draft)


def _two_headlines_doubt(draft: _Draft) -> None:
    """An article that took two headlines is likely two articles whose boundary the
    line model missed (a page's headings after their bodies give no other sign of it):
    one doubt over its text, where the boundary must be."""
    headlines = [u for u in draft.units if u.role is Role.HEADLINE]
    if len(headlines) < 2 or not any(u.role is Role.BODY for u in draft.units):
        return
    first, last = draft.span
    draft.doubts.append(
        Doubt(
            "boundary",
            TWO_HEADLINES_RIGHT,
            "two headlines went to this article: it may be two articles",
            (first, last),
            ("one article", "two articles"),
        )
    )


def _bundles(headings: list[Unit]) -> list[list[Unit]]:
    """A kicker directly above its headline, a headline directly above its subtitle (no
    blank line between) go to one article together. Other neighbours may not: two
    kickers in a row belong to two articles whose heading groups the extraction
    interleaved (the sample page's lines 71–76)."""
    bundles: list[list[Unit]] = []
    for unit in headings:
        if (
            bundles
            and unit.first == bundles[-1][-1].last + 1
            and (bundles[-1][-1].role, unit.role) in _FOLLOWS
        ):
            bundles[-1].append(unit)
        else:
            bundles.append([unit])
    return bundles


_TEXT_ROLES = (Role.BODY, Role.BYLINE)
_FOLLOWS = {(Role.KICKER, Role.HEADLINE), (Role.HEADLINE, Role.SUBHEADLINE)}


def _main_role(bundle: list[Unit]) -> Role:
    roles = [u.role for u in bundle]
    return Role.HEADLINE if Role.HEADLINE in roles else roles[0]


def _place_loose(page: Page, drafts: list[_Draft], loose: list[Unit]) -> list[Block]:
    unassigned: list[Block] = []
    for unit in loose:
        if unit.role is Role.CAPTION:
            ranked = sorted(range(len(drafts)), key=lambda i: _distance(drafts[i], unit.first))
            target = ranked[0]
            drafts[target].units.append(unit)
            drafts[target].units.sort(key=lambda u: u.first)
            if len(ranked) > 1:
                gap = (
                    _distance(drafts[ranked[1]], unit.first)[0]
                    - _distance(drafts[target], unit.first)[0]
                )
                sure = next(p for within, p in CAPTION_RIGHT if gap <= within)
                if sure < DOUBT_BELOW:
                    unit.doubts.append(
                        Doubt(
                            "caption",
                            sure,
                            "caption given to the nearest article",
                            (unit.first, unit.last),
                            (f"A{target + 1}", f"A{ranked[1] + 1}"),
                        )
                    )
        else:
            unassigned.append(_block(page, unit, unit.role))
    return unassigned


def _block(page: Page, unit: Unit, role: Role) -> Block:
    return Block(
        role,
        unit.first,
        unit.last,
        block_text(page, role, unit.first, unit.last),
        tuple(unit.doubts),
    )


def _distance(draft: _Draft, line: int) -> tuple[int, int]:
    """How far a caption sits from an article's text; the article above wins a tie."""
    gaps = [
        (max(u.first - line, line - u.last, 0), 0 if u.last < line else 1)
        for u in draft.units
        if u.role in (Role.BODY, Role.BYLINE)
    ]
    return min(gaps, default=(10**6, 1))
