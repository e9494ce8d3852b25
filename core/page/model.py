"""The page model: raw lines → blocks → articles.

Everything in banmian shows or corrects one `Segmentation`: the proposal of how one
`Page`'s raw lines split into articles. The classes are frozen so that an edit returns a
new segmentation that shares every untouched block and article with the old one; undo
keeps the old value instead of deep-copying or replaying anything.

A block is identified by its first line (blocks never share a non-blank line, so no two
start on the same line); an article by its id (`A1`, `A2`, …, unique on the page).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Role(StrEnum):
    """What a block is on the page; the values are the JSON contract's role names."""

    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"
    KICKER = "kicker"
    BYLINE = "byline"
    BODY = "body"
    CAPTION = "caption"
    NOISE = "noise"


HEADING_ROLES = frozenset({Role.HEADLINE, Role.SUBHEADLINE, Role.KICKER})

# Reading order inside an article: kicker above the headline, subtitle below it, then
# byline, paragraphs and captions.
READING_RANK = {
    Role.KICKER: 0,
    Role.HEADLINE: 1,
    Role.SUBHEADLINE: 2,
    Role.BYLINE: 3,
    Role.BODY: 4,
    Role.CAPTION: 5,
    Role.NOISE: 6,
}


class ModelError(ValueError):
    """A segmentation broke an invariant; the message names the line or block."""


@dataclass(frozen=True)
class Page:
    """One page's raw text, split into lines at every line end: `\\n`, `\\r\\n`, and a
    lone `\\r` (old Mac files, stray CRs in mixed files), so that the window, which also
    breaks lines at a lone CR, and the model always number the same lines.

    Line numbers everywhere are 1-based and inclusive, as in the JSON contract, so
    `page.line(1)` is the first line. For files with `\\n` or CRLF line ends this is
    exactly the raw file split on `\\n`.
    """

    source: str
    lines: tuple[str, ...]

    @classmethod
    def from_text(cls, text: str, source: str = "") -> Page:
        if text.startswith("\ufeff"):
            text = text[1:]
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return cls(source=source, lines=tuple(text.split("\n")))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def span(self, first: int, last: int) -> list[str]:
        return list(self.lines[first - 1 : last])

    def is_blank(self, number: int) -> bool:
        return not self.lines[number - 1].strip()

    def content_lines(self) -> Iterator[int]:
        """Numbers of the lines that carry text (the ones a block must cover)."""
        return (n for n, line in enumerate(self.lines, 1) if line.strip())


@dataclass(frozen=True)
class Doubt:
    """A decision of the pipeline that could go either way.

    `about` names the kind of decision (`heading`, `boundary`, `paragraph`, `role`);
    `alternatives` lists what else it could have been (article ids, roles, …) so the
    window can offer them.
    """

    about: str
    confidence: float
    reason: str
    lines: tuple[int, int] | None = None
    alternatives: tuple[str, ...] = ()

    def to_json(self) -> dict:
        out: dict = {"about": self.about, "confidence": self.confidence, "reason": self.reason}
        if self.lines:
            out["lines"] = list(self.lines)
        if self.alternatives:
            out["alternatives"] = list(self.alternatives)
        return out

    @classmethod
    def from_json(cls, data: dict) -> Doubt:
        lines = data.get("lines")
        return cls(
            about=str(data.get("about", "")),
            confidence=float(data.get("confidence", 0.5)),
            reason=str(data.get("reason", "")),
            lines=(int(lines[0]), int(lines[1])) if lines else None,
            alternatives=tuple(str(a) for a in data.get("alternatives", ())),
        )


@dataclass(frozen=True)
class Block:
    """A span of lines with one role; `text` is the span reflowed (see core.reflow)."""

    role: Role
    first: int
    last: int
    text: str
    doubts: tuple[Doubt, ...] = ()

    @property
    def key(self) -> int:
        return self.first

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first, self.last)

    def to_json(self) -> dict:
        out: dict = {"role": str(self.role), "lines": [self.first, self.last], "text": self.text}
        if self.doubts:
            out["doubts"] = [d.to_json() for d in self.doubts]
        return out


@dataclass(frozen=True)
class Tag:
    """A tag on an article; `source` is `user` for typed tags and `auto` for the
    pipeline's suggestions, which keep it once accepted so an export can tell them apart."""

    name: str
    kind: str = "topic"
    source: str = "user"

    def to_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "source": self.source}

    @classmethod
    def from_json(cls, data: dict | str) -> Tag:
        if isinstance(data, str):
            return cls(name=data)
        return cls(
            name=data["name"], kind=data.get("kind", "topic"), source=data.get("source", "user")
        )


@dataclass(frozen=True)
class Article:
    """Blocks of one article, always kept in reading order (see `READING_RANK`)."""

    id: str
    blocks: tuple[Block, ...]
    continued_from: str | None = None
    continued_to: str | None = None
    title_override: str | None = None
    tags: tuple[Tag, ...] = ()
    suggestions: tuple[Tag, ...] = ()
    notes: str = ""
    status: str = "proposed"
    doubts: tuple[Doubt, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "blocks", tuple(sorted(self.blocks, key=reading_key)))

    @property
    def title(self) -> str:
        """The title override if the annotator set one, else the headline blocks joined."""
        if self.title_override:
            return self.title_override
        from banmian.core.page.reflow import join_heading

        return join_heading([b.text for b in self.blocks if b.role is Role.HEADLINE])

    def of_role(self, role: Role) -> list[Block]:
        return [b for b in self.blocks if b.role is role]

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.role is Role.BODY]

    @property
    def first_line(self) -> int:
        return min((b.first for b in self.blocks), default=0)

    @property
    def body_first_line(self) -> int:
        """Where the article's text starts: the order of articles on the page."""
        body = [b.first for b in self.blocks if b.role in (Role.BODY, Role.BYLINE)]
        return min(body) if body else self.first_line

    def with_blocks(self, blocks: Iterable[Block]) -> Article:
        return replace(self, blocks=tuple(blocks))

    def to_json(self) -> dict:
        out: dict = {
            "id": self.id,
            "title": self.title,
            "continued_from": self.continued_from,
            "continued_to": self.continued_to,
            "tags": [t.name for t in self.tags],
            "blocks": [b.to_json() for b in self.blocks],
        }
        if self.title_override:
            out["title_override"] = self.title_override
        if self.notes:
            out["notes"] = self.notes
        if self.status != "proposed":
            out["status"] = self.status
        if self.suggestions:
            out["suggested_tags"] = [t.to_json() for t in self.suggestions]
        if any(t.kind != "topic" or t.source != "user" for t in self.tags):
            out["tag_details"] = [t.to_json() for t in self.tags]
        if self.doubts:
            out["doubts"] = [d.to_json() for d in self.doubts]
        return out


def reading_key(block: Block) -> tuple[int, int]:
    return (READING_RANK[block.role], block.first)


@dataclass(frozen=True)
class Segmentation:
    """The articles of one page plus the blocks that belong to no article.

    Articles are kept in reading order (the order the annotator sees and may change).
    """

    page: Page
    articles: tuple[Article, ...]
    unassigned: tuple[Block, ...] = field(default=())

    # -- looking things up ------------------------------------------------------------
    def blocks(self) -> list[Block]:
        """Every block of the page in line order."""
        found = [b for a in self.articles for b in a.blocks] + list(self.unassigned)
        return sorted(found, key=lambda b: b.first)

    def block(self, key: int) -> Block:
        for b in self.blocks():
            if b.first == key:
                return b
        raise ModelError(f"no block starts on line {key}")

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise ModelError(f"no article {article_id}")

    def article_of(self, key: int) -> Article | None:
        """The article holding the block that starts on line `key`, or None."""
        for a in self.articles:
            if any(b.first == key for b in a.blocks):
                return a
        return None

    def block_at_line(self, number: int) -> Block | None:
        for b in self.blocks():
            if b.first <= number <= b.last:
                return b
        return None

    def next_article_id(self) -> str:
        taken = {a.id for a in self.articles}
        n = len(self.articles) + 1
        while f"A{n}" in taken:
            n += 1
        return f"A{n}"

    def doubts(self) -> list[tuple[Doubt, str | None, int | None]]:
        """Every doubt as (doubt, article id, block key), lowest confidence first."""
        found: list[tuple[Doubt, str | None, int | None]] = []
        for a in self.articles:
            found += [(d, a.id, None) for d in a.doubts]
            found += [(d, a.id, b.first) for b in a.blocks for d in b.doubts]
        found += [(d, None, b.first) for b in self.unassigned for d in b.doubts]
        return sorted(found, key=lambda t: (t[0].confidence, t[2] or 0))

    # -- invariants -------------------------------------------------------------------
    def check(self) -> Segmentation:
        """Raise ModelError unless every non-blank line is in exactly one block and every
        block in at most one article; return self so calls can be chained."""
        n_lines = len(self.page.lines)
        owner: dict[int, int] = {}
        seen_blocks: set[int] = set()
        ids: set[str] = set()
        for a in self.articles:
            if a.id in ids:
                raise ModelError(f"article id {a.id} is used twice")
            ids.add(a.id)
        for b in [b for a in self.articles for b in a.blocks] + list(self.unassigned):
            if b.first in seen_blocks:
                raise ModelError(f"block on line {b.first} is in more than one place")
            seen_blocks.add(b.first)
            if not 1 <= b.first <= b.last <= n_lines:
                raise ModelError(
                    f"block lines [{b.first}, {b.last}] outside the page (1–{n_lines})"
                )
            for n in range(b.first, b.last + 1):
                if self.page.is_blank(n):
                    continue
                if n in owner:
                    raise ModelError(f"line {n} is in the blocks on lines {owner[n]} and {b.first}")
                owner[n] = b.first
        missing = [n for n in self.page.content_lines() if n not in owner]
        if missing:
            raise ModelError(f"line {missing[0]} is in no block ({len(missing)} such lines)")
        return self

    # -- the JSON contract (DESIGN §2) -------------------------------------------------
    def to_json(self) -> dict:
        return {
            "source": self.page.source,
            "articles": [a.to_json() for a in self.articles],
            "unassigned": [b.to_json() for b in self.unassigned],
        }


def block_from_json(data: dict, text: str | None = None) -> Block:
    first, last = data["lines"]
    return Block(
        role=Role(data["role"]),
        first=int(first),
        last=int(last),
        text=text if text is not None else data.get("text", ""),
        doubts=tuple(Doubt.from_json(d) for d in data.get("doubts", ())),
    )


def segmentation_from_json(page: Page, data: dict, retext: bool = True) -> Segmentation:
    """Rebuild a segmentation from the JSON contract; with `retext`, block texts are
    reflowed from the page rather than trusted (the gold file leaves them out)."""
    from banmian.core.page.reflow import block_text

    def make(b: dict) -> Block:
        block = block_from_json(b)
        return (
            replace(block, text=block_text(page, block.role, block.first, block.last))
            if retext
            else block
        )

    articles = []
    for i, a in enumerate(data.get("articles", ()), 1):
        details = a.get("tag_details")
        tags = tuple(
            Tag.from_json(t) for t in (details if details is not None else a.get("tags", ()))
        )
        articles.append(
            Article(
                id=str(a.get("id") or f"A{i}"),
                blocks=tuple(make(b) for b in a.get("blocks", ())),
                continued_from=_opt_str(a.get("continued_from")),
                continued_to=_opt_str(a.get("continued_to")),
                title_override=a.get("title_override"),
                tags=tags,
                suggestions=tuple(Tag.from_json(t) for t in a.get("suggested_tags", ())),
                notes=a.get("notes", ""),
                status=a.get("status", "proposed"),
                doubts=tuple(Doubt.from_json(d) for d in a.get("doubts", ())),
            )
        )
    unassigned = tuple(make(b) for b in data.get("unassigned", ()))
    return Segmentation(page=page, articles=tuple(articles), unassigned=unassigned)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)
