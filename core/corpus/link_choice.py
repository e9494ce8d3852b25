"""Which scored candidate pairs of an issue become links: the sure ones.

A pair is sure when its score is high (`SURE`) and nothing else could as well be
true. Two rules, applied in turn until neither links anything more:

- *clearly ahead*: the pair is `MARGIN` ahead of every other candidate of its head and
  of its tail that is still free (a fragment linked for sure is nobody's rival any more,
  so the other of two stories continued on the same page follows by elimination);
- *clearly the best reading*: among the free fragments, the best way to pair them all
  (the greatest total score) holds the pair, and every way without it totals at least
  `MARGIN` less. Two stories continued on page 2 whose tails each fit one head a bit
  better (0.69 and 0.63 against 0.55 and 0.50 crosswise) are told apart together,
  where neither is clearly ahead alone.

The second rule weighs the pairings of a few free fragments at a time (`MAX_FREE`); more
stay doubts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

SURE = 0.6  # a link is stored only from this score …
MARGIN = 0.15  # … and this far ahead of every other reading
MAX_FREE = 6  # heads (and tails) the best-reading rule weighs at once


class Pair(Protocol):
    score: float

    @property
    def head_key(self) -> tuple[int, str]: ...

    @property
    def tail_key(self) -> tuple[int, str]: ...


def sure_pairs(pairs: Sequence[Pair]) -> list[Pair]:
    """The sure pairs among `pairs` (best first), no fragment in two of them."""
    ordered = sorted(pairs, key=lambda c: -c.score)
    chosen: list[Pair] = []
    heads: set = set()
    tails: set = set()

    def free(c: Pair) -> bool:
        return c.head_key not in heads and c.tail_key not in tails

    def take(c: Pair) -> None:
        chosen.append(c)
        heads.add(c.head_key)
        tails.add(c.tail_key)

    progress = True
    while progress:
        progress = False
        for c in ordered:
            if free(c) and c.score >= SURE and _clearly_ahead(c, [x for x in ordered if free(x)]):
                take(c)
                progress = True
        if progress:
            continue
        open_pairs = [x for x in ordered if free(x)]
        if len({x.head_key for x in open_pairs}) > MAX_FREE:
            break
        for c in open_pairs:
            if c.score >= SURE and free(c) and _best_reading(c, open_pairs):
                take(c)
                progress = True
                break
    return chosen


def _clearly_ahead(c: Pair, open_pairs: list[Pair]) -> bool:
    rivals = [
        x.score
        for x in open_pairs
        if x is not c and (x.head_key == c.head_key or x.tail_key == c.tail_key)
    ]
    return all(r <= c.score - MARGIN for r in rivals)


def _best_reading(c: Pair, open_pairs: list[Pair]) -> bool:
    with_c = c.score + _best_total(
        [x for x in open_pairs if x.head_key != c.head_key and x.tail_key != c.tail_key]
    )
    without_c = _best_total([x for x in open_pairs if x is not c])
    return with_c - without_c >= MARGIN


def _best_total(pairs: list[Pair]) -> float:
    """The greatest total score of pairs sharing no fragment (heads may stay unpaired).

    A maximum-weight assignment, solved as one (the Hungarian method, O(n²m)) rather than
    by trying every pairing: an issue imported twice (two extraction tools of the same
    pages) gives each head dozens of candidate tails, and trying them all took minutes.
    """
    heads = sorted({p.head_key for p in pairs})
    tails = sorted({p.tail_key for p in pairs})
    if not heads:
        return 0.0
    row = {h: i for i, h in enumerate(heads)}
    column = {t: j for j, t in enumerate(tails)}
    # one column per tail, then one "stays unpaired" column per head (worth nothing)
    width = len(tails) + len(heads)
    gain = [[0.0] * width for _ in heads]
    for p in pairs:
        i, j = row[p.head_key], column[p.tail_key]
        gain[i][j] = max(gain[i][j], p.score, 0.0)
    chosen = _assignment([[-g for g in line] for line in gain])
    return sum(gain[i][j] for i, j in enumerate(chosen))


def _assignment(cost: list[list[float]]) -> list[int]:
    """For each row the column of a least-cost assignment (rows ≤ columns): the
    Hungarian method with potentials."""
    n, m = len(cost), len(cost[0])
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner = [0] * (m + 1)  # column → its row (1-based; 0: free)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        least = [float("inf")] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], float("inf"), 0
            for j in range(1, m + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < least[j]:
                        least[j], way[j] = reduced, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    chosen = [0] * n
    for j in range(1, m + 1):
        if owner[j]:
            chosen[owner[j] - 1] = j - 1
    return chosen
