"""Two annotators' versions of one page: how far they agree, and where they do not.

The figures reuse the evaluation's measures (core.segmentation.metrics), with the first
annotator as reference where a measure has a direction: B-cubed F1 of lines to articles,
boundary similarity B over the lines as a sequence of segments, Cohen's kappa of the
lines' roles, paragraph F1 of body spans; plus the share of articles both drew exactly
and the agreement on tags of those articles.

A *disagreement* is a stretch of the page both must be read on to see the difference:
articles and unassigned blocks of both versions that share a line are linked, and each
linked group covers the same lines in both versions (every line with text is in exactly
one block of each). A group whose units are equal is agreed; any other is one
disagreement, and taking one side's units for it keeps the page whole — which is what
curation does, one key per disagreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from banmian.core.segmentation.metrics import (
    bcubed,
    boundary_similarity,
    cohen_kappa,
    line_labels,
    masses,
    prf,
)
from banmian.core.team.versions import PageVersion, Unit

ROLE_LETTER = {
    "headline": "H",
    "subheadline": "U",
    "kicker": "K",
    "byline": "B",
    "body": "P",
    "caption": "C",
    "noise": "N",
}


@dataclass(frozen=True)
class Disagreement:
    """One stretch the two versions tell differently, and what each says there."""

    lines: tuple[tuple[int, int], ...]  # runs of the page's lines with text
    kinds: tuple[str, ...]  # of "articles", "roles", "paragraphs", "tags", "details"
    first: tuple[int, ...]  # indices into the first version's units
    second: tuple[int, ...]
    first_says: str
    second_says: str

    @property
    def where(self) -> str:
        return ranges_text(self.lines)


@dataclass(frozen=True)
class PageAgreement:
    content_hash: str
    lines: int
    bcubed_f1: float
    boundary_similarity: float
    exact_articles: float
    role_kappa: float
    paragraph_f1: float
    tag_agreement: float | None  # None: no article drawn alike by both
    roles: tuple[tuple[str, ...], tuple[str, ...]]  # each line's role, for pooled kappa
    disagreements: tuple[Disagreement, ...]

    def figures(self) -> dict[str, float | None]:
        return {
            "bcubed_f1": self.bcubed_f1,
            "boundary_similarity": self.boundary_similarity,
            "exact_articles": self.exact_articles,
            "role_kappa": self.role_kappa,
            "paragraph_f1": self.paragraph_f1,
            "tag_agreement": self.tag_agreement,
        }


def ranges_text(runs: Sequence[tuple[int, int]]) -> str:
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs)


def _article_lines(version: PageVersion) -> dict[int, frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for n, i in version.content_lines.items():
        if version.units[i].article_id is not None:
            groups.setdefault(i, set()).add(n)
    return {i: frozenset(g) for i, g in groups.items()}


def compare_pages(first: PageVersion, second: PageVersion) -> PageAgreement:
    """Every figure of agreement between two versions of one page, and the list of
    disagreements."""
    page = first.page()
    a, b = line_labels(page, first.annotation()), line_labels(page, second.annotation())
    lines = sorted(set(a.cluster) | set(b.cluster))
    a_labels = [a.cluster.get(n, f"none:{n}") for n in lines]
    b_labels = [b.cluster.get(n, f"none:{n}") for n in lines]
    _, _, bf = bcubed(b_labels, a_labels)
    similarity = boundary_similarity(masses(b_labels), masses(a_labels)) if lines else 1.0
    a_articles, b_articles = _article_lines(first), _article_lines(second)
    _, _, exact = prf(set(b_articles.values()), set(a_articles.values()))
    a_roles = tuple(a.role.get(n, "none") for n in lines)
    b_roles = tuple(b.role.get(n, "none") for n in lines)
    _, _, paragraphs = prf(set(b.paragraphs), set(a.paragraphs))
    return PageAgreement(
        content_hash=first.content_hash,
        lines=len(lines),
        bcubed_f1=bf,
        boundary_similarity=similarity,
        exact_articles=exact,
        role_kappa=cohen_kappa(a_roles, b_roles),
        paragraph_f1=paragraphs,
        tag_agreement=_tag_agreement(first, second, a_articles, b_articles),
        roles=(a_roles, b_roles),
        disagreements=disagreements(first, second),
    )


def _tag_agreement(
    first: PageVersion,
    second: PageVersion,
    a_articles: dict[int, frozenset[int]],
    b_articles: dict[int, frozenset[int]],
) -> float | None:
    """Over the articles both drew alike, tags given by both / tags given by either
    (1.0 when neither gave any); None when no article was drawn alike."""
    b_by_lines = {lines: i for i, lines in b_articles.items()}
    both = given = 0
    matched = False
    for i, lines in a_articles.items():
        j = b_by_lines.get(lines)
        if j is None:
            continue
        matched = True
        ta, tb = set(first.units[i].tags), set(second.units[j].tags)
        both += len(ta & tb)
        given += len(ta | tb)
    if not matched:
        return None
    return both / given if given else 1.0


def disagreements(first: PageVersion, second: PageVersion) -> tuple[Disagreement, ...]:
    """The linked groups of units (see the module's docstring) that differ, in line
    order."""
    n_first = len(first.units)
    parent = list(range(n_first + len(second.units)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    a_owner, b_owner = first.content_lines, second.content_lines
    for n, i in a_owner.items():
        j = b_owner.get(n)
        if j is not None:
            ra, rb = root(i), root(n_first + j)
            if ra != rb:
                parent[rb] = ra
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(n_first):
        groups.setdefault(root(i), ([], []))[0].append(i)
    for j in range(len(second.units)):
        groups.setdefault(root(n_first + j), ([], []))[1].append(j)
    found = []
    for a_units, b_units in groups.values():
        ua = [first.units[i] for i in a_units]
        ub = [second.units[j] for j in b_units]
        if sorted(u.signature() for u in ua) == sorted(u.signature() for u in ub):
            continue
        lines = sorted(
            {n for n, i in a_owner.items() if i in a_units}
            | {n for n, j in b_owner.items() if j in b_units}
        )
        found.append(
            Disagreement(
                lines=_runs_over_blanks(lines, first.lines),
                kinds=_kinds(first, second, ua, ub, lines),
                first=tuple(a_units),
                second=tuple(b_units),
                first_says=_says(ua, first),
                second_says=_says(ub, second),
            )
        )
    return tuple(sorted(found, key=lambda d: d.lines[0] if d.lines else (0, 0)))


def _runs_over_blanks(numbers: Sequence[int], page_lines: Sequence[str]) -> tuple:
    """Runs of lines, a run going on over blank lines between two of its lines."""
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and all(not page_lines[k - 1].strip() for k in range(out[-1][1] + 1, n)):
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return tuple(out)


def _line_roles(units: Sequence[Unit]) -> dict[int, str]:
    roles = {}
    for unit in units:
        for first, last, role in unit.blocks:
            for n in range(first, last + 1):
                roles[n] = role
    return roles


def _kinds(
    first: PageVersion, second: PageVersion, ua: list[Unit], ub: list[Unit], lines: list[int]
) -> tuple[str, ...]:
    kinds = []
    a_sets = sorted(_unit_lines(u, first) for u in ua)
    b_sets = sorted(_unit_lines(u, second) for u in ub)
    if a_sets != b_sets or [u.article_id is None for u in ua] != [u.article_id is None for u in ub]:
        kinds.append("articles")
    ra, rb = _line_roles(ua), _line_roles(ub)
    if any(ra.get(n) != rb.get(n) for n in lines):
        kinds.append("roles")
    pa = {(f, last) for u in ua for f, last, r in u.blocks if r == "body"}
    pb = {(f, last) for u in ub for f, last, r in u.blocks if r == "body"}
    if pa != pb:
        kinds.append("paragraphs")
    a_by_lines = {_unit_lines(u, first): u for u in ua}
    alike = [(a_by_lines[k], u) for u in ub if (k := _unit_lines(u, second)) in a_by_lines]
    if any(a.tags != b.tags for a, b in alike):
        kinds.append("tags")
    if any(a.details != b.details for a, b in alike) or not kinds:
        kinds.append("details")
    return tuple(kinds)


def _unit_lines(unit: Unit, version: PageVersion) -> tuple[int, ...]:
    return tuple(
        n
        for first, last, _role in unit.blocks
        for n in range(first, last + 1)
        if n <= len(version.lines) and version.lines[n - 1].strip()
    )


def describe_unit(unit: Unit, version: PageVersion) -> str:
    """`A3 「title」: H5 P6–9 P10–12 #经济` — an article's blocks by role letter and line."""
    spans = " ".join(
        f"{ROLE_LETTER.get(r, r)}{f}" if f == last else f"{ROLE_LETTER.get(r, r)}{f}–{last}"
        for f, last, r in unit.blocks
    )
    head = unit.label + (f" 「{unit.title}」" if unit.title else "")
    tags = "".join(f" #{t}" for t in unit.tags)
    details = [
        f"{name} {value}"
        for name, value in zip(("title", "from", "to"), unit.details, strict=True)
        if value
    ]
    extra = f" ({'; '.join(details)})" if details else ""
    return f"{head}: {spans}{tags}{extra}"


def _says(units: Sequence[Unit], version: PageVersion) -> str:
    return " | ".join(describe_unit(u, version) for u in units)
