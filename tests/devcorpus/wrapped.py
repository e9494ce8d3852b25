"""Plain wrapped dumps (no PDF): the page's text hard-wrapped at a column width, the way
the sample page looks. The gold is exact by construction: every line is written with
the key of the block it comes from.

Variants: `before` (headings before their bodies), `after` (headings after their bodies,
heading groups of neighbouring articles sometimes interleaved), `noindent` (either
order, U+3000 indents stripped).
"""

from __future__ import annotations

import random
import re

from .compose import Block, PageContent, stable_rng

HANGING = set("，。、；：？！）》」』”’…—")
Line = tuple[str, "tuple[int, int] | None"]


def measure(ch: str) -> float:
    return 0.5 if ord(ch) < 0x2000 else 1.0


def wrap(text: str, width: int) -> list[str]:
    """Greedy breaks at `width` (CJK 1, ASCII ½); up to two closing marks may hang."""
    lines, current, w = [], "", 0.0
    for ch in text:
        cw = measure(ch)
        if current and w + cw > width:
            if ch in HANGING and w <= width + 1:
                current += ch
                w += cw
                continue
            lines.append(current)
            current, w = "", 0.0
        current += ch
        w += cw
    if current:
        lines.append(current)
    return lines


def _byline_variants(text: str, rng: random.Random) -> list[str]:
    text = re.sub(r"[\s\u3000]+", " ", text).strip()
    m = re.match(r"^本报记者 (.+)$", text)
    if m and rng.random() < 0.5:
        names = m.group(1)
        if " " in names and rng.random() < 0.5 and len(names.split()) == 2:
            a, b = names.split()
            return [f"□记者 {a}", f"通讯员 {b} 报道"]
        return [f"□记者 {names} 报道"]
    return [("□" if rng.random() < 0.6 else "") + text]


def _heading_lines(blocks: list[Block], rng: random.Random) -> list[list[Line]]:
    """The heading group as pieces (each a list of lines); pieces may get blank lines between."""
    pieces = []
    space = " " if rng.random() < 0.3 else ""
    for b in blocks:
        if b.role == "headline" and "  " in b.text and rng.random() < 0.7:
            pieces.append([(space + p, b.key) for p in b.text.split("  ") if p])
        else:
            pieces.append([(space + b.text.replace("  ", " "), b.key)])
    return pieces


def wrapped_page(content: PageContent, seed: int, variant: str) -> list[Line]:
    rng = stable_rng(seed, "wrapped", variant, content.name)
    width = rng.randint(12, 17)
    indent = "" if variant == "noindent" else "\u3000\u3000"
    after = variant == "after" or (variant == "noindent" and rng.random() < 0.5)
    out: list[Line] = []

    def blank() -> None:
        if out and out[-1][1] is not None:
            out.append(("", None))

    if rng.random() < 0.3:
        out.append(("  ".join(b.text for b in content.running_head), content.running_head[0].key))
        blank()
    pending: list[list[Line]] = []  # held heading pieces (interleaving)
    for n, article in enumerate(content.articles):
        heading = _heading_lines(article.heading, rng)
        body: list[Line] = []
        for b in article.bylines:
            for text in _byline_variants(b.text, rng):
                stray = " " if rng.random() < 0.15 else ""
                body.append((stray + indent + text, b.key))
        if body and rng.random() < 0.2:
            body.append(("", None))
        captions_first = rng.random() < 0.3
        captions = [(line, b.key) for b in article.captions for line in wrap(b.text, width)]
        if captions_first:
            body += captions
        for b in article.body:
            stray = " " if rng.random() < 0.03 else ""
            first = indent if b.role != "byline" else indent + "□"
            for k, line in enumerate(wrap(first + b.text, width)):
                body.append(((stray + line) if k == 0 else line, b.key))
        if not captions_first:
            body += captions
        # column breaks: a blank line every `height` lines, mid-paragraph or mid-word
        height = rng.randint(6, 45)  # the module's column height
        broken: list[Line] = []
        count = 0
        for line in body:
            if line[1] is not None:
                if count and count % height == 0 and broken and broken[-1][1] is not None:
                    broken.append(("", None))
                count += 1
            broken.append(line)
        group: list[Line] = []
        for k, piece in enumerate(heading):
            if k and rng.random() < 0.4:
                group.append(("", None))
            group += piece
        if not after:
            if group:
                out += group
                blank()
            out += broken
            blank()
            continue
        out += broken
        blank()
        if not heading:
            continue
        nxt = content.articles[n + 1] if n + 1 < len(content.articles) else None
        if not pending and nxt is not None and nxt.heading and rng.random() < 0.35:
            pending = heading  # interleave with the next article's heading group
            continue
        if pending:
            a, b = list(pending), list(heading)
            merged: list[list[Line]] = []
            while a or b:
                src = a if (a and (not b or rng.random() < 0.5)) else b
                merged.append(src.pop(0))
            pending = []
            group = []
            for k, piece in enumerate(merged):
                if k and rng.random() < 0.3:
                    group.append(("", None))
                group += piece
        out += group
        blank()
    if pending:
        for piece in pending:
            out += piece
        blank()
    if rng.random() < 0.3:
        out.append((content.editors.text, content.editors.key))
    out.append(("", None))
    return out
