"""The keys benchmark's planner: what an oracle annotator, who knows a page's gold and
sees the window, presses next. It reads the gold as line facts and chooses the next
correction; the fewest keys to reach it come from keys_paths.py, and
`keys_window.Annotator` presses the keys in the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from banmian.core.page.model import Role, Segmentation

from tests.bench.keys_paths import text_lines

if TYPE_CHECKING:
    from tests.bench.keys_window import Annotator


ROLE_KEY = {
    Role.HEADLINE: "H",
    Role.SUBHEADLINE: "U",
    Role.KICKER: "K",
    Role.BYLINE: "B",
    Role.BODY: "P",
    Role.CAPTION: "C",
    Role.NOISE: "N",
}


# -- the gold, read as line facts --------------------------------------------------------
@dataclass
class Gold:
    role: dict[int, Role]  # non-blank line → role
    start: set[int]  # first non-blank line of each gold block
    article: dict[int, str | None]  # non-blank line → gold article (None: in none)
    either: set[int]  # lines whose article the page does not decide
    block_of: dict[int, int]  # non-blank line → index of its gold block
    raw: dict


def read_gold(seg: Segmentation, raw: dict) -> Gold:
    page = seg.page
    gold = Gold({}, set(), {}, set(), {}, raw)
    blocks = [
        (a.get("id") or f"A{i}", b) for i, a in enumerate(raw["articles"], 1) for b in a["blocks"]
    ]
    blocks += [(None, b) for b in raw.get("unassigned", ())]
    blocks += [("?", b) for b in raw.get("either", ())]
    for index, (article, block) in enumerate(blocks):
        first, last = block["lines"]
        lines = [n for n in range(first, last + 1) if not page.is_blank(n)]
        if not lines:
            continue
        gold.start.add(lines[0])
        for n in lines:
            gold.role[n] = Role(block["role"])
            gold.block_of[n] = index
            gold.article[n] = article
            if article == "?":
                gold.either.add(n)
    return gold


# -- the oracle ---------------------------------------------------------------------------
def block_row(key: int) -> tuple[str, object]:
    return ("block", key)


def _starts(seg: Segmentation, gold: Gold, block) -> tuple[list[int], list[int]]:
    """A block's text lines known to the gold, and those of them that start a gold block."""
    lines = [n for n in text_lines(seg, block.first, block.last) if n in gold.role]
    starts = [
        n for i, n in enumerate(lines) if i and gold.block_of[n] != gold.block_of[lines[i - 1]]
    ]
    return lines, starts


def block_todo(seg: Segmentation, gold: Gold) -> list[int]:
    """Blocks whose boundaries or role differ from the gold."""
    todo = []
    for block in seg.blocks():
        lines, starts = _starts(seg, gold, block)
        if lines and (starts or block.role is not gold.role[lines[0]]):
            todo.append(block.first)
    return todo


def fix_blocks(annotator: Annotator, gold: Gold) -> bool:
    """Boundaries inside blocks and roles, top to bottom; True if anything was done."""
    todo = block_todo(annotator.editor.segmentation, gold)
    if todo:
        fix_block(annotator, gold, annotator.nearest(todo))
        return True
    return False


def fix_block(annotator: Annotator, gold: Gold, key: int) -> None:
    seg = annotator.editor.segmentation
    block = seg.block(key)
    lines, starts = _starts(seg, gold, block)
    wanted = gold.role[lines[0]]
    if block.role is not wanted:
        annotator.act(block_row(block.first), ROLE_KEY[wanted])
    for at in starts:  # each lower part is split from the one above it
        annotator.split_paragraph(key, at, gold.role[at])
        key = at


def mapping(seg: Segmentation, gold: Gold) -> dict[str, str]:
    """Each gold article's current article: the largest overlaps first, one to one."""
    overlap: dict[tuple[str, str], int] = {}
    for article in seg.articles:
        for block in article.blocks:
            for n in text_lines(seg, block.first, block.last):
                g = gold.article.get(n)
                if g not in (None, "?"):
                    overlap[(g, article.id)] = overlap.get((g, article.id), 0) + 1
    out: dict[str, str] = {}
    used: set[str] = set()
    for (g, a), _count in sorted(overlap.items(), key=lambda x: -x[1]):
        if g not in out and a not in used:
            out[g] = a
            used.add(a)
    return out


def gold_article_of(seg: Segmentation, gold: Gold, key: int) -> str | None:
    lines = [n for n in text_lines(seg, key, seg.block(key).last) if n not in gold.either]
    return gold.article.get(lines[0]) if lines else "?"


def article_todo(seg: Segmentation, gold: Gold) -> list[int]:
    """Blocks in another article than the gold's (as mapped now)."""
    where = mapping(seg, gold)
    todo = []
    for block in seg.blocks():
        g = gold_article_of(seg, gold, block.first)
        owner = seg.article_of(block.first)
        now = owner.id if owner else None
        if g != "?" and (where.get(g) if g is not None else None) != now:
            todo.append(block.first)
    return todo


def fix_articles(annotator: Annotator, gold: Gold) -> bool:
    seg = annotator.editor.segmentation
    todo = article_todo(seg, gold)
    return bool(todo) and fix_article_of(annotator, gold, seg.block(annotator.nearest(todo)))


def fix_article_of(
    annotator: Annotator, gold: Gold, block, exclude: set[int] = frozenset()
) -> bool:
    """Put `block` (and the run of its neighbours going to the same place, but none in
    `exclude`) in its gold article."""
    seg = annotator.editor.segmentation
    where = mapping(seg, gold)
    order = [a.id for a in seg.articles]
    g = gold_article_of(seg, gold, block.first)
    if g == "?":
        return False
    owner = seg.article_of(block.first)
    now = owner.id if owner else None
    target = where.get(g) if g is not None else None
    if g is None:
        if now is None:
            return False
        annotator.select_run(
            block.first,
            lambda k: (
                gold_article_of(seg, gold, k) is None
                and seg.article_of(k) == owner
                and k not in exclude
            ),
            "X",
        )
        return True
    if target == now:
        return False
    if target is None:  # a gold article with no article yet
        if owner is not None:
            lower = [b for b in owner.blocks if b.first >= block.first]
            upper = [b for b in owner.blocks if b.first < block.first]
            if upper and all(gold_article_of(seg, gold, b.first) in (g, "?") for b in lower):
                annotator.act(block_row(block.first), "S")
                return True
        annotator.select_run(
            block.first,
            lambda k: (
                gold_article_of(seg, gold, k) == g
                and seg.article_of(k) == owner
                and k not in exclude
            ),
            "A",
        )
        return True
    # the block belongs to an existing article: merge a fragment, else move it
    if owner is not None and all(
        gold_article_of(seg, gold, b.first) in (g, "?") for b in owner.blocks
    ):
        i, j = order.index(now), order.index(target)
        if abs(i - j) == 1:
            annotator.act(block_row(block.first), "Shift+M" if j < i else "M")
            return True
    step = _direction(seg, block.first, target)
    number = order.index(target) + 1
    if annotator.numbers and number <= 9:
        keys = str(number)
    else:
        keys = "Alt+Up" if step < 0 else "Alt+Down"
    annotator.select_run(
        block.first,
        lambda k: (
            gold_article_of(seg, gold, k) == g and seg.article_of(k) == owner and k not in exclude
        ),
        keys,
    )
    return True


def _direction(seg: Segmentation, key: int, target: str) -> int:
    order = [a.id for a in seg.articles]
    owner = seg.article_of(key)
    if owner is not None:
        return -1 if order.index(target) < order.index(owner.id) else 1
    above = [b for b in seg.blocks() if b.first < key and seg.article_of(b.first)]
    near = seg.article_of(above[-1].first).id if above else None
    return -1 if near is not None and order.index(target) <= order.index(near) else 1


def join_todo(annotator: Annotator, gold: Gold) -> dict[int, str]:
    """Paragraphs split by a column break: the key of the block to press the join on."""
    seg = annotator.editor.segmentation
    blocks = sorted(seg.blocks(), key=lambda b: b.first)
    todo: dict[int, str] = {}
    for upper, lower in zip(blocks, blocks[1:], strict=False):
        a = [n for n in text_lines(seg, upper.first, upper.last) if n in gold.block_of]
        b = [n for n in text_lines(seg, lower.first, lower.last) if n in gold.block_of]
        if a and b and gold.block_of[a[-1]] == gold.block_of[b[0]]:
            todo[upper.first] = "J"
            if "join_previous" in annotator.window.actions:  # Ctrl+J from the lower one
                todo[lower.first] = "Ctrl+J"
    return todo


def fix_joins(annotator: Annotator, gold: Gold) -> bool:
    todo = join_todo(annotator, gold)
    if not todo:
        return False
    key = annotator.nearest(list(todo))
    annotator.act(block_row(key), todo[key])
    return True


def fix_nearest(annotator: Annotator, gold: Gold) -> bool:
    """One pass down the page as a person makes it: the nearest correction of any kind
    whose turn has come (a block's boundaries and role before its article, both
    paragraphs in their article before they are joined); first F4, where the last beat
    pressed again lands on a correction the gold wants."""
    if fix_by_repeat(annotator, gold):
        return True
    seg = annotator.editor.segmentation
    blocks = block_todo(seg, gold)
    pending = set(blocks)
    articles = [k for k in article_todo(seg, gold) if k not in pending]
    pending |= set(articles)
    joins = {}
    for key, keys in join_todo(annotator, gold).items():
        block = seg.block(key)
        other = _join_partner(seg, block, keys)
        owner, partner_owner = seg.article_of(key), other and seg.article_of(other)
        if other is not None and owner == partner_owner and not {key, other} & pending:
            joins[key] = keys
    todo = {k: "block" for k in blocks} | {k: "article" for k in articles}
    todo |= {k: "join" for k in joins if k not in todo}
    if not todo:
        return False
    key = annotator.nearest(list(todo))
    if todo[key] == "block":
        fix_block(annotator, gold, key)
    elif todo[key] == "article":
        if not fix_article_of(annotator, gold, seg.block(key), exclude=set(blocks)):
            return False
    else:
        annotator.act(block_row(key), joins[key])
    return True


def _join_partner(seg: Segmentation, block, keys: str) -> int | None:
    """The block a join pressed on `block` would join it with (its neighbour on the page)."""
    ordered = sorted(seg.blocks(), key=lambda b: b.first)
    i = next(i for i, b in enumerate(ordered) if b.first == block.first)
    j = i - 1 if keys == "Ctrl+J" else i + 1
    return ordered[j].first if 0 <= j < len(ordered) else None


# -- F4: the same beat again --------------------------------------------------------------
_F4_MOVES = {"Down": (1, False), "Up": (-1, False), "Shift+Down": (1, True), "Shift+Up": (-1, True)}


def f4_lands(rows, here: int, moves: list[str]) -> tuple[int, list[int]] | None:
    """Where the arrow moves of F4's last group take the current row and the selection
    (rows' indexes), or None where a move is not an arrow the oracle follows."""
    anchor, current = here, here
    for keys in moves:
        if keys not in _F4_MOVES:
            return None
        step, extend = _F4_MOVES[keys]
        current = min(max(current + step, 0), len(rows) - 1)
        if not extend:
            anchor = current
    low, high = sorted((anchor, current))
    return current, list(range(low, high + 1))


def f4_is_right(annotator: Annotator, gold: Gold) -> bool:
    """Would F4 now make a correction the gold wants, and nothing else? The annotator
    looks where the beat lands before pressing it."""
    group = annotator.last_group
    if not annotator.repeat or not group or annotator.tree.selectionModel() is None:
        return False
    rows = annotator.rows()
    here = annotator.current()
    if here not in rows or len(annotator.tree.selectionModel().selectedRows()) != 1:
        return False
    landed = f4_lands(rows, rows.index(here), group[:-1])
    if landed is None:
        return False
    _current, chosen = landed
    if any(rows[i][0] != "block" for i in chosen):
        return False
    keys = [rows[i][1] for i in chosen]
    seg = annotator.editor.segmentation
    then = group[-1]
    pending = set(block_todo(seg, gold))
    if then.isdigit():
        order = [a.id for a in seg.articles]
        number = int(then)
        if number > len(order) or set(keys) & pending:
            return False
        where = mapping(seg, gold)
        for key in keys:
            g = gold_article_of(seg, gold, key)
            owner = seg.article_of(key)
            if g in (None, "?") or where.get(g) != order[number - 1] or owner is None:
                return False
            if owner.id == order[number - 1]:
                return False
        return True
    if then in ("J", "Ctrl+J") and len(keys) == 1:
        todo = join_todo(annotator, gold)
        block = seg.block(keys[0])
        other = _join_partner(seg, block, then)
        return (
            todo.get(keys[0]) == then
            and other is not None
            and seg.article_of(keys[0]) == seg.article_of(other)
            and not {keys[0], other} & pending
        )
    role = next((r for r, k in ROLE_KEY.items() if k == then), None)
    if role is not None and len(keys) == 1 and keys[0] in pending:
        lines, _starts_ = _starts(seg, gold, seg.block(keys[0]))
        return bool(lines) and gold.role[lines[0]] is role
    return False


def fix_by_repeat(annotator: Annotator, gold: Gold) -> bool:
    """F4 where the last beat, pressed again, lands on a correction the gold wants."""
    if f4_is_right(annotator, gold):
        annotator.focus_tree()
        annotator.command("F4")
        return True
    return False


# -- sweeps: one kind of correction at a time ---------------------------------------------
def fix_sweeps(annotator: Annotator, gold: Gold) -> bool:
    """The page in sweeps, as a person corrects a torn page: first every block's
    boundaries and role, then every block's article, then every join; each sweep takes
    the nearest correction of its kind (F4 first, where the last beat lands on one).
    Where the errors come in a rhythm (interleaved columns put every third block in the
    wrong article, and a wrong paragraph break after each), one kind at a time keeps the
    rhythm that F4 repeats, where the nearest of any kind breaks it at every beat."""
    if fix_by_repeat(annotator, gold):
        return True
    seg = annotator.editor.segmentation
    if block_todo(seg, gold):
        return fix_blocks(annotator, gold)
    if article_todo(seg, gold):
        return fix_articles(annotator, gold)
    return fix_joins(annotator, gold)


# the oracle's orders of visiting the corrections: which correction next (the nearest
# whose turn has come, or one kind at a time), and whether the next is the nearest in
# keys or the first further down the tree (a tour down the page, which leaves no far
# stragglers for the end, where the nearest-first leaves them to a Ctrl+G each)
STRATEGIES = {
    "nearest": (fix_nearest, False),
    "sweeps": (fix_sweeps, False),
    "down": (fix_nearest, True),
    "down-sweeps": (fix_sweeps, True),
}
