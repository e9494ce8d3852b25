"""The keys benchmark's paths: the fewest navigation keys between rows of the window's
tree (and between lines of a block being split), over the keys as they exist in this
version of the window. The planner (keys_plan.py) chooses where to go; these say how.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque

from banmian.core.page.model import HEADING_ROLES, Segmentation


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


def doubt_walk(rows, seg: Segmentation, doubt_index: int, presses: int = 3, visited: bool = True):
    """Where F8 (Shift+F8) pressed 1…`presses` times puts the current row: the window's
    walk over the doubts, least sure first, from the doubt it shows now (none: F8 goes
    to the first, Shift+F8 to the last; one that slid into the panel when a correction
    took the one there away, not `visited`: F8 goes to it first)."""
    doubts = seg.doubts()
    seeds = []
    for keys, step in (("F8", 1), ("Shift+F8", -1)):
        for k in range(1, min(presses, len(doubts)) + 1):
            if doubt_index < 0:
                index = k - 1 if step > 0 else len(doubts) - k
            elif step > 0 and not visited:
                index = doubt_index + k - 1
            else:
                index = doubt_index + step * k
            _doubt, article, block = doubts[index % len(doubts)]
            row = ("block", block) if block is not None else ("article", article)
            if row in rows:
                seeds.append((rows.index(row), [keys] * k))
    return seeds


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
