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

import math
from dataclasses import replace

from banmian.core.page.model import Article, Doubt, Page, Role, Segmentation
from banmian.core.page.reflow import clean_line, is_indented
from banmian.core.segmentation import evidence as ev
from banmian.core.segmentation import heading_odds, openers, shredded
from banmian.core.segmentation.drafts import DOUBT_BELOW, Draft, Unit, block_of, least
from banmian.core.segmentation.features import page_features
from banmian.core.segmentation.indents import (
    COIN_FLIP_STARTS,
    FLUSH_GOES_ON,
    IndentEvidence,
    indent_evidence,
)
from banmian.core.segmentation.labels import HEADING_ROLES
from banmian.core.segmentation.line_model import (
    Calibration,
    LineDecision,
    LineModel,
    shipped_model,
)
from banmian.core.segmentation.placement import place_headings, place_loose

__all__ = ["DOUBT_BELOW", "propose", "segment_page"]

# A headline this sure, standing between two paragraphs of one article, splits it.
SURE_HEADLINE = 0.8
# How often an indented paragraph after blank lines, the one above ending a sentence,
# starts another article (145 of 1,134 in the training half's wrapped dumps: 17% with
# headings after their bodies, 7% before): no "same article" there is surer than 1 - it.
GAP_NEW_ARTICLE = 0.13
# The coin flips the sentence's opening words weighed in on (core.segmentation.openers),
# each with the line model's marginal, the words' probability and what its line's width
# says (openers.width_cue): the probability they give together is fitted on gold lines,
# not the line model's marginal.
Worded = dict[int, tuple[float, float, int]]
# How sure the words must be of a coin flip (core.segmentation.openers) for it to go
# without a doubt: where they are surer than nine in ten but less than this, 9% of the
# training half's coin flips went the other way (1% above it), and the queue should show them.
WORDED_UNDOUBTED = 0.95


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
    model = model or shipped_model()
    drafted = _blocks_of(page, model)
    if drafted is None:
        return Segmentation(page=page, articles=()), []
    units, runs, indents, worded = drafted
    card = getattr(model, "card", {})
    _unit_doubts(units, model.calibration, indents, worded, heading_odds.role_scaling(card))
    odds = heading_odds.weights_of(card)
    segmentation = _articles(page, units, model.calibration, runs, odds)
    if evidence:
        return segmentation, [
            (u.first, u.last, u.attachment, u.evidence) for u in units if u.attachment is not None
        ]
    attached = [(u.first, u.last, u.attachment) for u in units if u.attachment is not None]
    return segmentation, attached


def heading_blocks(page: Page, model: LineModel | None = None) -> list[tuple[int, int, str, float]]:
    """Each heading block as the line model reads it: its lines, role and how sure the
    model is of that role on its least sure line (what calibrating it needs)."""
    drafted = _blocks_of(page, model or shipped_model())
    units = drafted[0] if drafted else []
    return [
        (u.first, u.last, str(u.role), least(u, str(u.role)))
        for u in units
        if u.role in HEADING_ROLES
    ]


def _blocks_of(
    page: Page, model: LineModel
) -> tuple[list[Unit], list[tuple[int, int]], IndentEvidence, Worded] | None:
    rows = page_features(page.lines)
    if not rows:
        return None
    decisions = model.decide([n for n, _ in rows], [f for _, f in rows])
    runs = shredded.runs([d.number for d in decisions])
    indents = indent_evidence(page)
    units, worded = _units(page, decisions, runs, indents)
    return units, runs, indents, worded


# -- lines → blocks ---------------------------------------------------------------------


def _units(
    page: Page,
    decisions: list[LineDecision],
    runs: list[tuple[int, int]],
    indents: IndentEvidence,
) -> tuple[list[Unit], Worded]:
    """The blocks, and the coin flips the words opening their sentence weighed in on."""
    units: list[Unit] = []
    side_by_side = {n for a, b in runs for n in range(a + 1, b + 1)}
    worded: Worded = {}
    clues = ev.clues(page.lines)  # the features' own, cleaned once per page
    for decision in decisions:
        last = units[-1] if units else None
        text = clues[decision.number - 1].text
        if (
            decision.number in indents.coin_flips
            and last is not None
            and last.role is decision.label.role is Role.BODY
            and not decision.label.opens_article
            and decision.number not in side_by_side
            and openers.applies(last.text, text)
        ):
            words = openers.probability(last.text, text)
            cue = openers.width_cue(decision.number in indents.short_flips, indents.dropped_indents)
            worded[decision.number] = (decision.opens_block, words, cue)
            p = openers.mixed(decision.opens_block, words, cue)
            label = decision.label._replace(opens_block=p >= 0.5)
            decision = decision._replace(opens_block=p, label=label)
        label = decision.label
        # on a page that indents: a flush body line right under body text goes on from
        # it, an indented one opens a paragraph, whatever the model says
        goes_on = (
            not label.opens_block
            and not (label.role is Role.BODY and decision.number in indents.indented)
        ) or (
            decision.number in indents.flush
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
            last.text += text
        else:
            # an article starts where the marginal says so, not where the single best
            # label path does: 0.19 fewer fixes a page on the development corpus, since
            # the path gives up a likely start to keep its neighbours' labels consistent
            units.append(Unit(label.role, [decision], decision.opens_article >= 0.5, text=text))
            units[-1].side_by_side = decision.number in side_by_side
    return units, worded


def coin_flips(page: Page, model: LineModel | None = None) -> list[tuple[int, float, float, int]]:
    """Each coin flip the words weighed in on: its line, the line model's marginal of a
    paragraph opening there, the words' probability and what the line's width says
    (openers.width_cue): what fitting their mix needs."""
    drafted = _blocks_of(page, model or shipped_model())
    return [(n, *odds) for n, odds in sorted(drafted[3].items())] if drafted else []


def _run_doubts(units: list[Unit], runs: list[tuple[int, int]]) -> None:
    """The run's doubt goes on its first body block (its first block if it has none),
    where the review queue shows the run's text."""
    for first, last in runs:
        inside = [u for u in units if first <= u.first <= last or u.first <= first <= u.last]
        unit = next((u for u in inside if u.role is Role.BODY), inside[0])
        unit.doubts.append(shredded.run_doubt(first, last))


def _unit_doubts(
    units: list[Unit],
    cal: Calibration,
    evidence: IndentEvidence,
    worded: Worded,
    heading_cal: Calibration | None = None,
) -> None:
    """Doubts on where blocks start and end and on their roles (a heading's role by its
    own scaling where the card has one: the model is surer of those than it may be)."""
    coin_flips, flush, indented = evidence.coin_flips, evidence.flush, evidence.indented
    previous: Unit | None = None
    for unit in units:
        head = unit.lines[0]
        # in a run of columns read side by side, a line opens its own block nine times
        # in ten: no doubt on that (the run's own doubt covers its lines)
        if (
            previous is not None
            and previous.role is unit.role is Role.BODY
            and not unit.side_by_side
        ):
            sure = (
                None
                if head.number in indented
                else _below(head.opens_block)
                if head.number in worded
                else cal.below("start", head.opens_block, DOUBT_BELOW)
            )
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
            if d.number in flush and FLUSH_GOES_ON >= DOUBT_BELOW:
                continue  # at least that sure: no doubt
            if d.number in worded:
                sure = _below(1 - d.opens_block)
            elif d.number in coin_flips:
                sure = min(cal("start", 1 - d.opens_block), 1 - COIN_FLIP_STARTS)
            else:  # most lines: decided on the raw marginal, no logarithm
                sure = cal.below("start", 1 - d.opens_block, DOUBT_BELOW)
            if sure is not None and sure < DOUBT_BELOW:
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
        scale = heading_cal if heading_cal is not None and unit.role in HEADING_ROLES else cal
        sure = scale.below("role", least(unit, role), DOUBT_BELOW)
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


def _below(p: float) -> float | None:
    """A worded coin flip's doubt: its probability is fitted on gold (no Platt scaling),
    but one that is not `WORDED_UNDOUBTED` sure keeps a doubt, just under the line."""
    if p >= WORDED_UNDOUBTED:
        return None
    return min(p, DOUBT_BELOW - 0.01)


# -- blocks → articles ------------------------------------------------------------------


def _articles(
    page: Page,
    units: list[Unit],
    cal: Calibration,
    runs: list[tuple[int, int]],
    odds: list[float] | None = None,
) -> Segmentation:
    drafts: list[Draft] = []
    headings: list[Unit] = []
    loose: list[Unit] = []  # furniture and captions
    # An article start the model put on a caption or furniture line (which belong to no
    # article's text) passes to the next text: its probability with it.
    handed_on = 0.0
    text_before: Unit | None = None  # the body block last put in an article
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
            drafts.append(Draft(continued_from=source))
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
            if _after_a_gap(page, text_before, unit):
                sure = min(cal("article", 1 - p_open), 1 - GAP_NEW_ARTICLE)
            else:
                sure = cal.below("article", 1 - p_open, DOUBT_BELOW)
            if sure is not None and sure < DOUBT_BELOW:
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
        if unit.role is Role.BODY:
            text_before = unit
            if (target := ev.continued_to(unit.text)) is not None:
                drafts[-1].continued_to = target
    if not drafts and headings:
        # headings, captions and furniture only (an advert, a contents page): the first
        # heading opens an article, so that every heading still lands in a block
        drafts.append(Draft(units=[headings.pop(0)]))
    if not drafts:  # a page of furniture and captions only
        return Segmentation(
            page=page, articles=(), unassigned=tuple(block_of(page, u, u.role) for u in loose)
        )

    _split_at_headlines(drafts, headings, cal)
    _widen_boundary_doubts(drafts)
    _run_doubts(units, runs)
    place_headings(drafts, headings, units, cal, odds)
    unassigned = place_loose(page, drafts, loose)
    ids = [f"A{i}" for i in range(1, len(drafts) + 1)]
    articles = tuple(
        Article(
            id=ids[i],
            blocks=tuple(block_of(page, u, u.role) for u in d.units),
            continued_from=d.continued_from,
            continued_to=d.continued_to,
            doubts=tuple(d.doubts),
        )
        for i, d in enumerate(drafts)
    )
    return Segmentation(page=page, articles=articles, unassigned=tuple(unassigned))


def _after_a_gap(page: Page, before: Unit | None, unit: Unit) -> bool:
    """An indented paragraph after blank lines only, the one above it ending a sentence
    (not in a run of columns read side by side, where every line stands so): where, on
    a page of wrapped text, one article's text may end and the next begin with nothing
    else between them."""
    return (
        unit.role is Role.BODY
        and not unit.side_by_side
        and before is not None
        and unit.first > before.last + 1
        and all(page.is_blank(n) for n in range(before.last + 1, unit.first))
        and is_indented(page.line(unit.first))
        and ev.ends_sentence(clean_line(page.line(before.last)))
    )


def _split_at_headlines(drafts: list[Draft], headings: list[Unit], cal: Calibration) -> None:
    """A headline between two paragraphs of one article means an article boundary the
    line model missed: whichever side of its body a page puts headings, the text after
    the headline belongs to another article than the text before it."""
    for unit in headings:
        if unit.role is not Role.HEADLINE or least(unit, "headline") < SURE_HEADLINE:
            continue
        for i, draft in enumerate(drafts):
            text = draft.text_units
            if not (text[0].last < unit.first and text[-1].first > unit.last):
                continue
            k = next(j for j, u in enumerate(draft.units) if u.first > unit.last)
            head = draft.units[k]
            rest = Draft(units=draft.units[k:], continued_to=draft.continued_to)
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


def _widen_boundary_doubts(drafts: list[Draft]) -> None:
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
