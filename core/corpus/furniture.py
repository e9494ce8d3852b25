"""Page furniture learnt at once: a line an annotator marks as noise on one page is
proposed as noise on the other untouched pages of the same newspaper.

Running heads, `本版责编：` lines, the paper's name and the page's date repeat on every page
of a paper word for word, and the line model misreads them the same way every time. An
annotator who marks one should not mark it again on each page, nor wait for a training
run. The rule only changes pages nobody has touched yet (core.corpus.repropose.untouched:
status `new`, nothing in the edit log but the import and re-proposals), so no
annotator's work changes under them; each line it changes carries a doubt saying where
the rule came from, so the review queue shows it and one key takes it back.

The rule is kept in the marking page's edit log (`furniture_marked`, with its texts), so
that proposing the untouched pages again with another model (core.corpus
.repropose) applies it once more; it holds while those lines are still noise on the page
where they were marked (an annotator who takes the marking back ends it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from banmian.core.corpus.store import Store
from banmian.core.page.model import Article, Block, Doubt, Role, Segmentation
from banmian.core.page.reflow import block_text, clean_line

RULE = "furniture_rule"  # its edit-log action; an untouched page stays untouched
# The edit-log action on the page where the annotator marked the lines: the rule itself
# (its texts), which `repropose` applies again to the pages it proposes afresh.
MARKED = "furniture_marked"
SHORTEST = 2  # characters: a lone digit or mark says nothing about a page


def furniture_texts(segmentation: Segmentation, block_keys: Iterable[int]) -> list[str]:
    """The cleaned text of each line of these blocks, as the rule matches it."""
    page = segmentation.page
    texts = []
    for key in block_keys:
        block = segmentation.block(key)
        for n in range(block.first, block.last + 1):
            text = clean_line(page.line(n))
            if len(text) >= SHORTEST and text not in texts:
                texts.append(text)
    return texts


def mark_furniture(
    segmentation: Segmentation, texts: Sequence[str], reason: str
) -> tuple[Segmentation, list[int]]:
    """The segmentation with every line whose cleaned text is one of `texts` taken out
    as its own unassigned noise block carrying a doubt (alternatives: noise, the role it
    had); and the lines changed. Lines already noise are left as they are."""
    wanted = set(texts)
    page = segmentation.page
    hits = {
        n
        for b in segmentation.blocks()
        if b.role is not Role.NOISE
        for n in range(b.first, b.last + 1)
        if not page.is_blank(n) and clean_line(page.line(n)) in wanted
    }
    if not hits:
        return segmentation, []
    loose: list[Block] = []

    def cut(block: Block) -> list[Block]:
        """The block without the hit lines: the runs of its other lines, same role."""
        inside = [n for n in range(block.first, block.last + 1) if not page.is_blank(n)]
        if not any(n in hits for n in inside):
            return [block]
        pieces, run = [], []
        for n in inside:
            if n in hits:
                loose.append(
                    Block(
                        Role.NOISE,
                        n,
                        n,
                        block_text(page, Role.NOISE, n, n),
                        (Doubt("role", 0.5, reason, (n, n), ("noise", block.role.value)),),
                    )
                )
                if run:
                    pieces.append(run)
                run = []
            else:
                run.append(n)
        if run:
            pieces.append(run)
        return [
            replace(block, first=r[0], last=r[-1], text=block_text(page, block.role, r[0], r[-1]))
            for r in pieces
        ]

    articles: list[Article] = []
    for article in segmentation.articles:
        blocks = [piece for b in article.blocks for piece in cut(b)]
        if blocks:  # an article that was only furniture is gone
            articles.append(article.with_blocks(blocks))
    unassigned = [piece for b in segmentation.unassigned for piece in cut(b)] + loose
    unassigned.sort(key=lambda b: b.first)
    result = replace(segmentation, articles=tuple(articles), unassigned=tuple(unassigned))
    return result.check(), sorted(hits)


def record_rule(store: Store, page_id: int, texts: Sequence[str]) -> None:
    """Keep the rule in the marking page's edit log at once, beside the marking itself:
    proposing it elsewhere may take a while, and a rule lost with a crash meanwhile
    would never be applied again by a re-proposal."""
    if texts:
        with store.writing():
            store.log(page_id, MARKED, {"texts": list(texts)})


def spread_furniture(store: Store, page_id: int, texts: Sequence[str]) -> list[int]:
    """Record the rule and propose `texts` as furniture on the other untouched pages of
    `page_id`'s newspaper; the pages changed."""
    record_rule(store, page_id, texts)
    return propose_elsewhere(store, page_id, texts)


def propose_elsewhere(store: Store, page_id: int, texts: Sequence[str]) -> list[int]:
    """Propose `texts` as furniture on the other untouched pages of `page_id`'s
    newspaper; the pages changed. A page is checked and written in one transaction, so
    one the window opens meanwhile is either changed whole or not at all."""
    if not texts:
        return []
    # not at import: core.corpus.repropose applies this module's rules
    from banmian.core.corpus.repropose import untouched

    summary = store.page_summary(page_id)
    reason = _reason(summary.page_no, summary.source)
    # a cheap first sieve in SQL (the raw text holds the line); the rule itself then
    # matches whole cleaned lines
    sieve = " OR ".join("instr(raw_text, ?) > 0" for _ in texts)
    candidates = [
        r["id"]
        for r in store.rows(
            "SELECT id FROM pages WHERE status = 'new' AND id != ? "
            f"AND ifnull(newspaper, '') = ? AND ({sieve}) ORDER BY id",
            [page_id, summary.newspaper or "", *texts],
        )
    ]
    changed = []
    for other in candidates:
        with store.writing():
            if not untouched(store, other):
                continue
            before = store.load(other)
            after, lines = mark_furniture(before, texts, reason)
            if not lines:
                continue
            store.replace_rows(other, after)
            store.log(other, RULE, {"from_page": page_id, "lines": lines})
            changed.append(other)
    return changed


def _reason(page_no: str, source: str) -> str:
    return f"marked as page furniture on {f'p.{page_no}' if page_no else source} of this newspaper"


@dataclass(frozen=True)
class FurnitureRule:
    """Lines marked as furniture on one page, proposed as furniture on the paper's others."""

    newspaper: str
    texts: tuple[str, ...]
    reason: str


def furniture_rules(store: Store) -> dict[str, list[FurnitureRule]]:
    """Newspaper → the rules in force: each page's markings (oldest first), keeping only
    the texts that are still noise lines on that page."""
    rows = store.rows(
        "SELECT e.page_id, e.detail, p.newspaper, p.page_no, p.source_file FROM edit_log e "
        "JOIN pages p ON p.id = e.page_id WHERE e.action = ? ORDER BY e.id",
        [MARKED],
    )
    wanted: dict[int, tuple[dict, list[str]]] = {}
    for row in rows:
        _row, texts = wanted.setdefault(row["page_id"], (row, []))
        texts += [t for t in json.loads(row["detail"] or "{}").get("texts", ()) if t not in texts]
    rules: dict[str, list[FurnitureRule]] = {}
    for page_id, (row, texts) in wanted.items():
        still = set(noise_texts(store.load(page_id)))
        kept = tuple(t for t in texts if t in still)
        if kept:
            rule = FurnitureRule(
                row["newspaper"] or "", kept, _reason(row["page_no"], row["source_file"] or "")
            )
            rules.setdefault(rule.newspaper, []).append(rule)
    return rules


def noise_texts(segmentation: Segmentation) -> list[str]:
    """The cleaned text of every noise line of the segmentation."""
    page = segmentation.page
    return [
        clean_line(page.line(n))
        for b in segmentation.blocks()
        if b.role is Role.NOISE
        for n in range(b.first, b.last + 1)
        if not page.is_blank(n)
    ]


def apply_rules(
    segmentation: Segmentation, rules: Sequence[FurnitureRule]
) -> tuple[Segmentation, list[int]]:
    """The segmentation with every rule's lines proposed as furniture; the lines changed."""
    changed: list[int] = []
    for rule in rules:
        segmentation, lines = mark_furniture(segmentation, rule.texts, rule.reason)
        changed += lines
    return segmentation, sorted(changed)
