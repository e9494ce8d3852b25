"""Where headings, section heads, credit lines and captions go, with their doubts.

Blocks that are not an article's text are placed after the articles are drafted: in-body
section heads stay in the article around them, a credit line with the article above it,
other headings where the evidence puts them (core.segmentation.headings, their
probability from core.segmentation.heading_odds), captions with the nearest article's
text; furniture goes to no article.
"""

from __future__ import annotations

import bisect

from banmian.core.page.model import Block, Doubt, Page, Role
from banmian.core.segmentation import heading_odds
from banmian.core.segmentation.drafts import DOUBT_BELOW, Draft, Unit, block_of
from banmian.core.segmentation.headings import ArticleText, HeadingPiece, attach_headings
from banmian.core.segmentation.line_model import Calibration

# The share of articles that took two headlines and need no correction (29 of 78 on the
# held-out training pages): the two-headline doubt's confidence.
TWO_HEADLINES_RIGHT = 0.37
# How often a caption goes to its article when the nearest article's text is within
# this many lines closer than the next one's (held-out training pages: 17 of 36 within
# a line, 60 of 68 within three, 98 of 107 within ten; 59 of 81 farther, where both are
# far off and the caption may be a photo's beside a third)
CAPTION_RIGHT = ((1, 0.47), (3, 0.88), (10, 0.92), (float("inf"), 0.73))
_TEXT_ROLES = (Role.BODY, Role.BYLINE)
_FOLLOWS = {(Role.KICKER, Role.HEADLINE), (Role.HEADLINE, Role.SUBHEADLINE)}


def place_headings(
    drafts: list[Draft],
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


def _two_headlines_doubt(draft: Draft) -> None:
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


def _main_role(bundle: list[Unit]) -> Role:
    roles = [u.role for u in bundle]
    return Role.HEADLINE if Role.HEADLINE in roles else roles[0]


def place_loose(page: Page, drafts: list[Draft], loose: list[Unit]) -> list[Block]:
    """Captions to the nearest article's text (a doubt when another is about as near);
    furniture to no article: the blocks returned are the page's unassigned ones."""
    unassigned: list[Block] = []
    for unit in loose:
        if unit.role is Role.CAPTION:
            distance = [_distance(d, unit.first) for d in drafts]
            ranked = sorted(range(len(drafts)), key=distance.__getitem__)
            target = ranked[0]
            drafts[target].units.append(unit)
            drafts[target].units.sort(key=lambda u: u.first)
            if len(ranked) > 1:
                gap = distance[ranked[1]][0] - distance[target][0]
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
            unassigned.append(block_of(page, unit, unit.role))
    return unassigned


def _distance(draft: Draft, line: int) -> tuple[int, int]:
    """How far a caption sits from an article's text; the article above wins a tie."""
    gaps = [
        (max(u.first - line, line - u.last, 0), 0 if u.last < line else 1)
        for u in draft.units
        if u.role in (Role.BODY, Role.BYLINE)
    ]
    return min(gaps, default=(10**6, 1))
