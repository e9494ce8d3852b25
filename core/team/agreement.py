"""Agreement between two annotators' files: per page and overall, for `banmian agree`
and the window's Review → Agreement….

Only pages both verified are compared (matched by content hash: the files' page ids
differ); pages verified in one file only are counted, not scored. Overall figures are
the mean over pages, except Cohen's kappa of roles, which is computed over all lines of
all pages at once (a page with one role on every line says little about chance).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from banmian.core.corpus.store import Store
from banmian.core.segmentation.metrics import cohen_kappa
from banmian.core.team.compare import PageAgreement, compare_pages
from banmian.core.team.info import team_info
from banmian.core.team.versions import PageVersion, read_versions

FIGURES = (
    "bcubed_f1",
    "boundary_similarity",
    "exact_articles",
    "role_kappa",
    "paragraph_f1",
    "tag_agreement",
)
HEADERS = ("B³ F1", "B", "exact", "κ roles", "para F1", "tags")


@dataclass(frozen=True)
class PagePair:
    """One page both verified: each file's version and their agreement."""

    first: PageVersion
    second: PageVersion
    agreement: PageAgreement


@dataclass(frozen=True)
class CorpusAgreement:
    first: str  # who (the file's annotator, else its name)
    second: str
    pairs: tuple[PagePair, ...]
    only_first: int  # pages verified in the first file only
    only_second: int

    def overall(self) -> dict[str, float | None]:
        if not self.pairs:
            return dict.fromkeys(FIGURES)
        out: dict[str, float | None] = {}
        for name in FIGURES:
            values = [v for p in self.pairs if (v := p.agreement.figures()[name]) is not None]
            out[name] = sum(values) / len(values) if values else None
        first_roles = [r for p in self.pairs for r in p.agreement.roles[0]]
        second_roles = [r for p in self.pairs for r in p.agreement.roles[1]]
        out["role_kappa"] = cohen_kappa(first_roles, second_roles)
        return out

    def disagreement_count(self) -> int:
        return sum(len(p.agreement.disagreements) for p in self.pairs)

    def to_json(self) -> dict:
        return {
            "annotators": [self.first, self.second],
            "pages": len(self.pairs),
            "only_first": self.only_first,
            "only_second": self.only_second,
            "overall": self.overall(),
            "disagreements": self.disagreement_count(),
            "per_page": [
                {
                    "page": p.first.place,
                    "content_hash": p.first.content_hash,
                    "page_ids": [p.first.page_id, p.second.page_id],
                    **p.agreement.figures(),
                    "disagreements": [
                        {
                            "lines": [list(run) for run in d.lines],
                            "kinds": list(d.kinds),
                            "said": [d.first_says, d.second_says],
                        }
                        for d in p.agreement.disagreements
                    ],
                }
                for p in self.pairs
            ],
        }


def who(store: Store) -> str:
    """The file's annotator as the batch named it, else the file's name."""
    return team_info(store).annotator or Path(store.path).stem


def agree(first: Store, second: Store) -> CorpusAgreement:
    """Agreement on every page both files hold as verified."""
    a, b = read_versions(first), read_versions(second)
    both = [h for h in a if h in b]
    both.sort(key=lambda h: (a[h].place, a[h].page_id))
    pairs = tuple(PagePair(a[h], b[h], compare_pages(a[h], b[h])) for h in both)
    first_name, second_name = who(first), who(second)
    if first_name == second_name:
        first_name, second_name = f"{first_name} (1)", f"{second_name} (2)"
    return CorpusAgreement(
        first=first_name,
        second=second_name,
        pairs=pairs,
        only_first=len(a) - len(both),
        only_second=len(b) - len(both),
    )


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def agreement_table(result: CorpusAgreement) -> str:
    """The per-page figures, the overall line, then every disagreement."""
    width = max([len(p.first.place) for p in result.pairs] + [len("overall")])
    head = f"{'page':<{width}}  " + "  ".join(f"{h:>7}" for h in HEADERS) + "  differ"
    out = [f"{result.first} and {result.second}: {len(result.pairs)} pages verified by both", ""]
    out.append(head)
    for pair in result.pairs:
        figures = pair.agreement.figures()
        out.append(
            f"{pair.first.place:<{width}}  "
            + "  ".join(f"{_figure(figures[n]):>7}" for n in FIGURES)
            + f"  {len(pair.agreement.disagreements):>6}"
        )
    overall = result.overall()
    out.append(
        f"{'overall':<{width}}  "
        + "  ".join(f"{_figure(overall[n]):>7}" for n in FIGURES)
        + f"  {result.disagreement_count():>6}"
    )
    if result.only_first or result.only_second:
        out.append(
            f"(verified by one only: {result.first} {result.only_first}, "
            f"{result.second} {result.only_second})"
        )
    for pair in result.pairs:
        for d in pair.agreement.disagreements:
            out += [
                "",
                f"{pair.first.place}, lines {d.where} ({', '.join(d.kinds)})",
                f"  {result.first}: {d.first_says}",
                f"  {result.second}: {d.second_says}",
            ]
    return "\n".join(out)
