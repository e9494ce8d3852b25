"""How many corrections a proposal costs, and whether its doubts point at them.

An annotator cares less about F-scores than about the corrections a page needs. A
reference block needs a fix when any of these holds:
- *wrong article*: its lines sit in a proposed article that is not the one matched to its
  reference article (proposed and reference articles are paired one to one, largest
  overlap first; unassigned blocks on both sides pair with each other);
- *wrong role*: most of its lines carry another role;
- *not its own paragraph*: a reference body paragraph that is not exactly one proposed
  body block (split, joined or cut short).
Each block counts once however many of these it has; `fixes` is their number.

A doubt *points at* a block when its lines touch the block, or, for an article's doubt,
when the block is in the article's first block's span. `doubt_recall` is the share of
blocks needing a fix that some doubt points at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from banmian.core.page.model import Page

UNASSIGNED = "unassigned"


@dataclass(frozen=True)
class FixReport:
    needing: frozenset[tuple[int, int]]  # reference blocks (first, last) that need a fix
    pointed: frozenset[tuple[int, int]]  # of those, the ones a doubt points at
    doubts: int  # doubts the proposal carries
    # why each block of `needing` needs its fix, the first reason that holds:
    # `article:ROLE` (its lines sit in another article; ROLE is the reference block's),
    # `role:GOLD->PROPOSED`, or `paragraph` (a body paragraph split, joined or cut short)
    reasons: Mapping[tuple[int, int], str] = field(default_factory=dict)

    @property
    def fixes(self) -> int:
        return len(self.needing)

    @property
    def misplaced(self) -> frozenset[tuple[int, int]]:
        """The blocks in the wrong article (what a heading's doubt is about)."""
        return frozenset(s for s, why in self.reasons.items() if why.startswith("article:"))


def _blocks(annotation: Mapping) -> Iterator[tuple[str, Mapping]]:
    for article in annotation.get("articles", ()):
        for block in article.get("blocks", ()):
            yield str(article["id"]), block
    for block in annotation.get("unassigned", ()):
        yield UNASSIGNED, block


def _lines(page: Page, block: Mapping) -> list[int]:
    first, last = (int(n) for n in block["lines"])
    return [n for n in range(first, min(last, len(page)) + 1) if not page.is_blank(n)]


def _doubt_spans(hypothesis: Mapping) -> list[tuple[int, int]]:
    spans = []
    for article in hypothesis.get("articles", ()):
        blocks = article.get("blocks", ())
        for doubt in article.get("doubts", ()):
            lines = doubt.get("lines") or (blocks[0]["lines"] if blocks else None)
            if lines:
                spans.append((int(lines[0]), int(lines[1])))
        for block in blocks:
            spans.extend(_block_doubt_spans(block))
    for block in hypothesis.get("unassigned", ()):
        spans.extend(_block_doubt_spans(block))
    return spans


def _block_doubt_spans(block: Mapping) -> Iterator[tuple[int, int]]:
    for doubt in block.get("doubts", ()):
        lines = doubt.get("lines") or block["lines"]
        yield int(lines[0]), int(lines[1])


def fix_report(page: Page, hypothesis: Mapping, reference: Mapping) -> FixReport:
    """Which reference blocks need a correction, and which of them a doubt points at."""
    excluded = {n for b in reference.get("either", ()) for n in _lines(page, b)}
    hyp_article: dict[int, str] = {}
    hyp_role: dict[int, str] = {}
    hyp_paragraphs: set[tuple[int, int]] = set()
    for article_id, block in _blocks(hypothesis):
        for n in _lines(page, block):
            hyp_article[n], hyp_role[n] = article_id, str(block["role"])
        if block["role"] == "body":
            span = _lines(page, block)
            if span:
                hyp_paragraphs.add((span[0], span[-1]))

    ref_blocks = [(a, b, _lines(page, b)) for a, b in _blocks(reference)]
    overlap: Counter[tuple[str, str]] = Counter()
    for ref_id, _block, lines in ref_blocks:
        for n in lines:
            if n not in excluded:
                overlap[(hyp_article.get(n, "missing"), ref_id)] += 1
    matched = {UNASSIGNED: UNASSIGNED}
    used = {UNASSIGNED}
    for (hyp_id, ref_id), _count in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
        if hyp_id in matched or ref_id in used or UNASSIGNED in (hyp_id, ref_id):
            continue
        matched[hyp_id] = ref_id
        used.add(ref_id)

    reasons: dict[tuple[int, int], str] = {}
    for ref_id, block, lines in ref_blocks:
        if not lines:
            continue
        span, role = (lines[0], lines[-1]), str(block["role"])
        counted = [n for n in lines if n not in excluded]
        if counted:
            owner = Counter(hyp_article.get(n, "missing") for n in counted).most_common(1)[0][0]
            if matched.get(owner) != ref_id:
                reasons.setdefault(span, f"article:{role}")
                continue
        proposed = Counter(hyp_role.get(n, "missing") for n in lines).most_common(1)[0][0]
        if proposed != role:
            reasons.setdefault(span, f"role:{role}->{proposed}")
        elif role == "body" and span not in hyp_paragraphs:
            reasons.setdefault(span, "paragraph")
    needing = set(reasons)

    doubt_spans = _doubt_spans(hypothesis)
    pointed = {
        (first, last)
        for first, last in needing
        if any(a <= last and first <= b for a, b in doubt_spans)
    }
    return FixReport(frozenset(needing), frozenset(pointed), len(doubt_spans), reasons)
