"""Which scored candidate pairs of an issue become links: the sure ones.

Each candidate pair has a *gain*, in log-odds (natural log): what its evidence says
(core.corpus.link_evidence: page numbers, the join, the title, shared names), plus, for
each of its ends whose named page is in the corpus, what pairing that end saves — an end
left unpaired although the page it names is there takes a misprint or a mark the
segmenter missed to explain (`UNPAIRED`). An end naming a page the corpus lacks may
stay unpaired at no cost: its other part is on that page.

The *best reading* of an issue is the pairing of greatest total gain (no fragment in two
pairs, any fragment free to stay unpaired), found as one assignment (the Hungarian
method). A pair's *margin* is how much better the best reading holding it is than the
best reading without it: the log of the odds that the pair is right against every other
way of reading the issue. A pair is sure when its margin is at least `MARGIN` (20 to 1).

So a lone tail on page 2 and the one head of page 1 naming page 2 are linked with no
other evidence (leaving both unpaired costs two unexplained marks), two stories
continued on the same page are told apart only by what their texts say, and a misprinted
number (one mark agreeing) is linked when the text outweighs the misprint and every rival.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

MARGIN = 3.0  # a link is stored when its reading is e³ ≈ 20 times likelier than any other
SURE = round(1 / (1 + math.exp(-MARGIN)), 3)  # … that is, its score (0..1) reaches this
UNPAIRED = 3.0  # what an end whose named page is in the corpus saves by being paired
_ALTERNATIVES = 4  # per fragment, the candidates whose margin is worked out for doubts


class Pair(Protocol):
    gain: float

    @property
    def head_key(self) -> tuple[int, str]: ...

    @property
    def tail_key(self) -> tuple[int, str]: ...


def probability(margin: float) -> float:
    """A margin as the 0..1 score links and doubts show."""
    return round(1 / (1 + math.exp(-max(-30.0, min(30.0, margin)))), 3)


def margins(pairs: Sequence[Pair]) -> dict[int, float]:
    """Each pair's margin, keyed by its index in `pairs` (see the module). Worked out
    for every pair of the best reading and each fragment's few best other candidates;
    the rest, far behind, are left out."""
    out: dict[int, float] = {}
    for component in _components(pairs):
        members = [pairs[i] for i in component]
        total, chosen = _best(members)
        chosen_ids = {id(p) for p in chosen}
        wanted = set(range(len(members)))
        if len(members) > 40:  # an issue imported twice: only each end's best few
            wanted = _best_few(members) | {k for k, p in enumerate(members) if id(p) in chosen_ids}
        for k in sorted(wanted):
            p = members[k]
            if id(p) in chosen_ids:
                without, _ = _best([x for x in members if x is not p])
                out[component[k]] = total - without
            else:
                rest = [x for x in members if x.head_key != p.head_key and x.tail_key != p.tail_key]
                out[component[k]] = p.gain + _best(rest)[0] - total
    return out


def sure_pairs(pairs: Sequence[Pair]) -> list[Pair]:
    """The sure pairs among `pairs` (greatest margin first), no fragment in two of them:
    a sure pair is in the best reading, so no two share a fragment."""
    found = margins(pairs)
    sure = [i for i, m in found.items() if m >= MARGIN]
    return [pairs[i] for i in sorted(sure, key=lambda i: -found[i])]


def _components(pairs: Sequence[Pair]) -> list[list[int]]:
    """The pairs' indices grouped by the fragments they connect: readings of one group
    do not touch another's."""
    parent: dict = {}

    def root(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        parent[root(("h", p.head_key))] = root(("t", p.tail_key))
    groups: dict = {}
    for i, p in enumerate(pairs):
        groups.setdefault(root(("h", p.head_key)), []).append(i)
    return list(groups.values())


def _best_few(members: list[Pair]) -> set[int]:
    ranked = sorted(range(len(members)), key=lambda k: -members[k].gain)
    count: dict = {}
    keep = set()
    for k in ranked:
        for end in (("h", members[k].head_key), ("t", members[k].tail_key)):
            if count.get(end, 0) < _ALTERNATIVES:
                count[end] = count.get(end, 0) + 1
                keep.add(k)
    return keep


def _best_total(pairs: Sequence[Pair]) -> float:
    """The greatest total gain of pairs sharing no fragment (any may stay unpaired)."""
    return _best(pairs)[0]


def _best(pairs: Sequence[Pair]) -> tuple[float, list[Pair]]:
    """The best reading: its total gain and its pairs.

    A maximum-weight assignment, solved as one (the Hungarian method, O(n²m)) rather than
    by trying every pairing: an issue imported twice (two extraction tools of the same
    pages) gives each head dozens of candidate tails, and trying them all took minutes.
    """
    heads = sorted({p.head_key for p in pairs})
    tails = sorted({p.tail_key for p in pairs})
    if not heads:
        return 0.0, []
    row = {h: i for i, h in enumerate(heads)}
    column = {t: j for j, t in enumerate(tails)}
    # one column per tail, then one "stays unpaired" column per head (worth nothing)
    width = len(tails) + len(heads)
    gain = [[0.0] * width for _ in heads]
    best: dict[tuple[int, int], Pair] = {}
    for p in pairs:
        i, j = row[p.head_key], column[p.tail_key]
        if p.gain > gain[i][j]:
            gain[i][j] = p.gain
            best[(i, j)] = p
    chosen = _assignment([[-g for g in line] for line in gain])
    total = sum(gain[i][j] for i, j in enumerate(chosen))
    return total, [best[(i, j)] for i, j in enumerate(chosen) if (i, j) in best]


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
