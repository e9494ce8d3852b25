"""How close a segmentation is to a reference: the scores `banmian eval` prints.

Both sides are read as JSON-contract dicts (DESIGN §2) so that a gold file, a saved
annotation and the pipeline's proposal compare alike. A gold file may list blocks under
`either` (a heading the page itself does not attach); their lines are left out of every
article score but their role still counts.

What the scores look at:
- *lines*: the page's non-blank lines covered by the reference, in line order. An
  unassigned block (noise, a stray caption) is a cluster of its own.
- *B-cubed*, *exact articles*: the line → article clustering.
- *Pk*, *WindowDiff*, *B*: the same lines as a linear sequence of segments (a run of
  lines of one article or unassigned block), as segeval defines them with its defaults.
- *boundary F1*: where one article's body ends and the next begins, over the
  reference's body lines in line order; a boundary is the first body line of a new
  article in that sequence.
- *role accuracy*: share of lines given the reference's role (Cohen's kappa as well,
  for agreement between annotators).
- *paragraph F1*: body blocks as exact (first, last) spans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from banmian.core.page.model import Page
from banmian.core.segmentation.fixes import fix_report

SCORE_NAMES = (
    "bcubed_f1",
    "bcubed_precision",
    "bcubed_recall",
    "exact_article_f1",
    "boundary_f1",
    "pk",
    "windowdiff",
    "boundary_similarity",
    "role_accuracy",
    "role_kappa",
    "paragraph_f1",
    "fixes",
    "doubts",
    "doubt_recall",
)
# Counts behind doubt_recall: a mean over pages sums these rather than averaging ratios.
_RECALL_COUNTS = ("needing", "pointed")


@dataclass(frozen=True)
class LineLabels:
    """Each covered line's article cluster and role, plus the body paragraph spans."""

    cluster: dict[int, str]
    role: dict[int, str]
    excluded: frozenset[int]
    paragraphs: frozenset[tuple[int, int]]


def line_labels(page: Page, annotation: Mapping) -> LineLabels:
    cluster: dict[int, str] = {}
    role: dict[int, str] = {}
    paragraphs: set[tuple[int, int]] = set()

    def cover(block: Mapping, label: str) -> None:
        first, last = (int(n) for n in block["lines"])
        for n in range(first, last + 1):
            if n <= len(page) and not page.is_blank(n):
                cluster[n] = label
                role[n] = str(block["role"])
        if block["role"] == "body":
            paragraphs.add((first, last))

    for article in annotation.get("articles", ()):
        for block in article.get("blocks", ()):
            cover(block, f"article:{article['id']}")
    for block in annotation.get("unassigned", ()):
        cover(block, f"unassigned:{block['lines'][0]}")
    excluded: set[int] = set()
    for block in annotation.get("either", ()):
        cover(block, f"either:{block['lines'][0]}")
        first, last = block["lines"]
        excluded.update(range(int(first), int(last) + 1))
    return LineLabels(cluster, role, frozenset(excluded), frozenset(paragraphs))


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(found: set, expected: set) -> tuple[float, float, float]:
    """Precision, recall, F1 of a found set against an expected one (empty vs empty = 1)."""
    if not found and not expected:
        return 1.0, 1.0, 1.0
    hits = len(found & expected)
    p = hits / len(found) if found else 0.0
    r = hits / len(expected) if expected else 0.0
    return p, r, f1(p, r)


def bcubed(hyp: Sequence[str], ref: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of two labelings of the same items."""
    if not ref:
        return 1.0, 1.0, 1.0
    pair = Counter(zip(hyp, ref, strict=True))
    h_size, r_size = Counter(hyp), Counter(ref)
    precision = sum(pair[(h, r)] / h_size[h] for h, r in zip(hyp, ref, strict=True)) / len(ref)
    recall = sum(pair[(h, r)] / r_size[r] for h, r in zip(hyp, ref, strict=True)) / len(ref)
    return precision, recall, f1(precision, recall)


def masses(labels: Sequence[str]) -> list[int]:
    """Run lengths of equal consecutive labels: segeval's segment masses."""
    out: list[int] = []
    for i, label in enumerate(labels):
        if i and label == labels[i - 1]:
            out[-1] += 1
        else:
            out.append(1)
    return out


def _positions(segment_masses: Sequence[int]) -> list[int]:
    return [i for i, m in enumerate(segment_masses) for _ in range(m)]


def window_size(reference_masses: Sequence[int]) -> int:
    """segeval's default: half the mean reference segment, rounded half to even, ≥ 2."""
    k = round(sum(reference_masses) / len(reference_masses) / 2)
    return k if k > 1 else 2


def pk(hyp_masses: Sequence[int], ref_masses: Sequence[int], k: int | None = None) -> float:
    """Pk (Beeferman et al. 1999): share of windows whose ends agree in one segmentation
    and not in the other. Lower is better."""
    ref, hyp = _positions(ref_masses), _positions(hyp_masses)
    k = k or window_size(ref_masses)
    n = len(ref) - k
    if n <= 0:
        return 0.0
    wrong = sum((ref[i] == ref[i + k]) != (hyp[i] == hyp[i + k]) for i in range(n))
    return wrong / n


def windowdiff(hyp_masses: Sequence[int], ref_masses: Sequence[int], k: int | None = None) -> float:
    """WindowDiff (Pevzner & Hearst 2002): share of windows holding a different number of
    boundaries. Lower is better."""
    ref, hyp = _positions(ref_masses), _positions(hyp_masses)
    k = k or window_size(ref_masses)
    n = len(ref) - k
    if n <= 0:
        return 0.0
    ref_cuts = [ref[i] != ref[i + 1] for i in range(len(ref) - 1)]
    hyp_cuts = [hyp[i] != hyp[i + 1] for i in range(len(hyp) - 1)]
    wrong = sum(sum(ref_cuts[i : i + k]) != sum(hyp_cuts[i : i + k]) for i in range(n))
    return wrong / n


def boundary_similarity(
    hyp_masses: Sequence[int], ref_masses: Sequence[int], n_t: int = 2
) -> float:
    """Boundary Similarity B (Fournier 2013) for one boundary type: matches count 1,
    near misses (a boundary off by fewer than `n_t` positions) count by how far they are
    off, misses count 0. Higher is better. Near misses are paired left to right, shortest
    span first, each position used once, as segeval does."""
    a, b = _boundary_string(hyp_masses), _boundary_string(ref_masses)
    matches = sum(x and y for x, y in zip(a, b, strict=True))
    used: set[int] = set()
    transpositions, weight = 0, 0.0
    for span in range(1, n_t):
        for i in range(len(a) - span):
            j = i + span
            crosswise = a[i] != b[i] and a[j] != b[j] and a[i] != a[j] and b[i] != b[j]
            if crosswise and i not in used and j not in used:
                used.update((i, j))
                transpositions += 1
                weight += span / n_t
    differing = sum(x != y for x, y in zip(a, b, strict=True))
    additions = differing - 2 * transpositions
    denominator = additions + transpositions + matches
    if denominator == 0:
        return 1.0
    return (denominator - additions - weight) / denominator


def _boundary_string(segment_masses: Sequence[int]) -> list[bool]:
    """Whether a segment ends after each unit but the last."""
    ends: list[bool] = []
    for m in segment_masses:
        ends += [False] * (m - 1) + [True]
    return ends[:-1]


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    if not a:
        return 1.0
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def score(page: Page, hypothesis: Mapping, reference: Mapping) -> dict[str, float]:
    """Every score of `hypothesis` against `reference` (both JSON-contract dicts)."""
    hyp, ref = line_labels(page, hypothesis), line_labels(page, reference)
    lines = sorted(ref.cluster)
    counted = [n for n in lines if n not in ref.excluded]

    def hyp_cluster(n: int) -> str:
        return hyp.cluster.get(n, f"missing:{n}")

    h_labels = [hyp_cluster(n) for n in counted]
    r_labels = [ref.cluster[n] for n in counted]
    bp, br, bf = bcubed(h_labels, r_labels)

    def article_sets(labels: LineLabels) -> set[frozenset[int]]:
        groups: dict[str, set[int]] = {}
        for n, c in labels.cluster.items():
            if c.startswith("article:") and n not in ref.excluded:
                groups.setdefault(c, set()).add(n)
        return {frozenset(g) for g in groups.values()}

    _, _, exact = prf(article_sets(hyp), article_sets(ref))

    body = [n for n in counted if ref.role.get(n) == "body"]

    def cuts(label_of) -> set[int]:
        return {n for i, n in enumerate(body) if i and label_of(n) != label_of(body[i - 1])}

    _, _, boundary = prf(cuts(hyp_cluster), cuts(lambda n: ref.cluster[n]))
    h_masses, r_masses = masses(h_labels), masses(r_labels)
    h_roles = [hyp.role.get(n, "missing") for n in lines]
    r_roles = [ref.role[n] for n in lines]
    _, _, paragraph = prf(set(hyp.paragraphs), set(ref.paragraphs))
    report = fix_report(page, hypothesis, reference)
    return {
        "bcubed_f1": bf,
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "exact_article_f1": exact,
        "boundary_f1": boundary,
        "pk": pk(h_masses, r_masses),
        "windowdiff": windowdiff(h_masses, r_masses),
        "boundary_similarity": boundary_similarity(h_masses, r_masses),
        "role_accuracy": sum(x == y for x, y in zip(h_roles, r_roles, strict=True)) / len(lines)
        if lines
        else 1.0,
        "role_kappa": cohen_kappa(h_roles, r_roles),
        "paragraph_f1": paragraph,
        "fixes": report.fixes,
        "doubts": report.doubts,
        "doubt_recall": len(report.pointed) / report.fixes if report.fixes else 1.0,
        "needing": report.fixes,
        "pointed": len(report.pointed),
    }


def agreement(page: Page, first: Mapping, second: Mapping) -> dict[str, float]:
    """Agreement of two annotations of one page: the scores with the first as reference
    (B-cubed and kappa are symmetric in spirit; precision and recall swap)."""
    return score(page, second, first)


def mean_scores(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """The mean of each score; doubt recall over all pages' blocks needing a fix."""
    if not rows:
        return {}
    mean = {name: sum(r[name] for r in rows) / len(rows) for name in SCORE_NAMES}
    needing, pointed = (sum(r.get(k, 0) for r in rows) for k in _RECALL_COUNTS)
    mean["doubt_recall"] = pointed / needing if needing else 1.0
    return mean
