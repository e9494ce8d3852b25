"""The keys benchmark's planner: what an oracle annotator, who knows a page's gold and
sees the window, presses next. It reads the gold as line facts, finds the fewest
navigation keys between rows of the tree (and between lines of a block being split),
and chooses the next correction; `bench_keys.Annotator` presses the keys in the window.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from banmian.core.page.model import HEADING_ROLES, Role, Segmentation

if TYPE_CHECKING:
    from tests.bench.bench_keys import Annotator


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


def text_lines(seg: Segmentation, first: int, last: int) -> list[int]:
    return [n for n in range(first, last + 1) if not seg.page.is_blank(n)]


def _next_text_line(seg: Segmentation, line: int) -> int:
    n = line + 1
    while n <= len(seg.page.lines) and seg.page.is_blank(n):
        n += 1
    return n


def page_run_end(rows, seg: Segmentation, i: int, step: int) -> int:
    """Where Shift+PgDn (step 1) / Shift+PgUp (-1) takes the selection's end from row i:
    over the block rows that go on from each other on the page without a jump."""
    while 0 <= i + step < len(rows) and rows[i][0] == rows[i + step][0] == "block":
        upper, lower = (rows[i][1], rows[i + step][1])[:: 1 if step > 0 else -1]
        if _next_text_line(seg, seg.block(upper).last) != lower:
            break
        i += step
    return i


def extension_path(
    rows, seg: Segmentation, anchor: int, end: int, page_runs: bool, article_ends: bool = False
) -> list[str]:
    """The fewest keys that extend a selection from row `anchor` to row `end`."""
    moves = {"Shift+Down": lambda i: i + 1, "Shift+Up": lambda i: i - 1}
    if article_ends:  # Shift+Home / Shift+End: to the first / last block of the article
        parent = {}
        for i, row in enumerate(rows):
            parent[i] = i if row[0] == "article" else parent.get(i - 1, i)
        last = {}
        for i in parent:
            last[parent[i]] = i
        moves |= {
            "Shift+Home": lambda i: parent[i] + 1 if rows[parent[i]][0] == "article" else i,
            "Shift+End": lambda i: last[parent[i]],
        }
    if page_runs:
        moves |= {
            "Shift+PgDown": lambda i: page_run_end(rows, seg, i, 1),
            "Shift+PgUp": lambda i: page_run_end(rows, seg, i, -1),
        }
    return fewest_keys(moves, anchor, end, lambda j: 0 <= j < len(rows) and rows[j][0] == "block")


def fewest_keys(moves: dict, start: int, goal: int, allowed=lambda _j: True) -> list[str]:
    """The shortest sequence of `moves` (key → where it leads from a place) from
    `start` to `goal`, through allowed places only: a breadth-first search."""
    previous = {start: (start, "")}
    queue = deque([start])
    while queue and goal not in previous:
        i = queue.popleft()
        for keys, move in moves.items():
            j = move(i)
            if j not in previous and allowed(j):
                previous[j] = (i, keys)
                queue.append(j)
    path = []
    i = goal
    while i != start:
        i, keys = previous[i]
        path.append(keys)
    return path[::-1]


def split_path(
    seg: Segmentation, block: int, lines: list[int], picked: int, at: int, digits: bool = False
) -> list[str]:
    """The fewest keys from the proposed split line to `at`: ↑/↓ step a line, PgDn/PgUp
    jump to the next/previous likely line, or (`digits`) the last digits of its number."""
    from banmian.gui.split_choice import split_candidates

    likely = split_candidates(seg, block, lines)
    moves = {
        "Down": lambda n: lines[min(lines.index(n) + 1, len(lines) - 1)],
        "Up": lambda n: lines[max(lines.index(n) - 1, 0)],
        "PgDown": lambda n: next((m for m in likely if m > n), lines[-1]),
        "PgUp": lambda n: next((m for m in reversed(likely) if m < n), lines[0]),
    }
    path = fewest_keys(moves, picked, at)
    if digits:
        typed = typed_digits(lines, at)
        if typed is not None and len(typed) < len(path):
            return list(typed)
    return path


def typed_digits(lines: list[int], at: int) -> str | None:
    """The fewest last digits of `at` that the split choice reads as line `at`."""
    from banmian.gui.split_choice import line_ending

    number = str(at)
    for size in range(1, len(number) + 1):
        typed = ""
        for digit in number[-size:]:  # as the window reads them, one at a time
            typed = typed + digit if line_ending(lines, typed + digit) is not None else digit
        if line_ending(lines, typed) == at:
            return number[-size:]
    return None


def doubt_walk(rows, seg: Segmentation, doubt_index: int, presses: int = 3):
    """Where F8 (Shift+F8) pressed 1…`presses` times puts the current row: the window's
    walk over the doubts, least sure first, from the doubt it shows now."""
    doubts = seg.doubts()
    seeds = []
    for keys, step in (("F8", 1), ("Shift+F8", -1)):
        for k in range(1, min(presses, len(doubts)) + 1):
            _doubt, article, block = doubts[(doubt_index + step * k) % len(doubts)]
            row = ("block", block) if block is not None else ("article", article)
            if row in rows:
                seeds.append((rows.index(row), [keys] * k))
    return seeds


def shortest_path(
    rows,
    start: int,
    goal: int,
    new: bool,
    seg: Segmentation,
    doubts: bool = False,
    seeds: list[tuple[int, list[str]]] = (),
) -> list[str]:
    """The fewest navigation keys from row `start` to row `goal` (see `paths_from`)."""
    return best_path(rows, goal, new, paths_from(rows, start, new, seg, doubts, seeds))


def best_path(rows, goal: int, new: bool, paths: dict[int, list[str]]) -> list[str]:
    """The walk in `paths`, or going to the block's line (Ctrl+G, its digits, Return)."""
    path = paths[goal]
    if new and rows[goal][0] == "block":
        jump = ["Ctrl+G", *str(rows[goal][1]), "Return"]
        if len(jump) < len(path):
            return jump
    return path


def paths_from(
    rows,
    start: int,
    new: bool,
    seg: Segmentation,
    doubts: bool = False,
    seeds: list[tuple[int, list[str]]] = (),
    page: tuple[int, int] | None = None,
) -> dict[int, list[str]]:
    """The fewest navigation keys from row `start` to every row: breadth-first over the
    keys' effect on the current row; `seeds` are rows that some keys reach from the
    start whatever the row (the F8 walk), with those keys; `page`, the rows PgDn and
    PgUp move over (the tree's own keys: a screenful, see `Annotator.page_rows`)."""
    n = len(rows)
    articles = [i for i, r in enumerate(rows) if r[0] == "article"]
    headings = [
        i for i, r in enumerate(rows) if r[0] == "block" and seg.block(r[1]).role in HEADING_ROLES
    ]

    def after(marks: list[int], i: int) -> int:
        return marks[k] if (k := bisect_right(marks, i)) < len(marks) else i

    def before(marks: list[int], i: int) -> int:
        return marks[k - 1] if (k := bisect_left(marks, i)) > 0 else i

    moves = {
        "Down": lambda i: min(i + 1, n - 1),
        "Up": lambda i: max(i - 1, 0),
        "Home": lambda i: 0,
        "End": lambda i: n - 1,
    }
    if page:  # PgDn / PgUp: a screenful of rows, as many as the tree shows
        down, up = page
        moves |= {
            "PgDown": lambda i: min(i + down, n - 1),
            "PgUp": lambda i: max(i - up, 0),
        }
    if new:
        moves |= {
            "]": lambda i: after(articles, i),
            "[": lambda i: before(articles, i),
            ".": lambda i: after(headings, i),
            ",": lambda i: before(headings, i),
        }
    if doubts:  # the window of F7: blocks with a doubt, in the tree's order
        doubted = {key for _d, _a, key in seg.doubts() if key is not None}
        marks = [i for i, r in enumerate(rows) if r[0] == "block" and r[1] in doubted]
        moves |= {
            "F7": lambda i: after(marks, i),
            "Shift+F7": lambda i: before(marks, i),
        }
    # every key costs one: a queue by cost, the seeds entering at the cost of their keys
    origins: dict[int, list[str]] = {start: []}
    for row, keys in seeds:
        if row not in origins or len(keys) < len(origins[row]):
            origins[row] = keys
    previous: dict[int, tuple[int | None, str]] = {}
    cost: dict[int, int] = {}
    entering = sorted(origins, key=lambda r: len(origins[r]))
    queue: deque[int] = deque()
    level = 0
    while entering or queue:
        while entering and len(origins[entering[0]]) <= level:
            row = entering.pop(0)
            if row not in cost:
                cost[row] = len(origins[row])
                previous[row] = (None, "")
                queue.append(row)
        next_level: deque[int] = deque()
        while queue:
            i = queue.popleft()
            for keys, move in moves.items():
                j = move(i)
                if j not in cost:
                    cost[j] = cost[i] + 1
                    previous[j] = (i, keys)
                    next_level.append(j)
        queue = next_level
        level += 1
        if not queue and entering:
            level = max(level, len(origins[entering[0]]))
    paths: dict[int, list[str]] = {}
    for goal in range(n):
        path: list[str] = []
        i = goal
        while previous[i][0] is not None:
            i, keys = previous[i]
            path.append(keys)
        paths[goal] = origins[i] + path[::-1]
    return paths


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
