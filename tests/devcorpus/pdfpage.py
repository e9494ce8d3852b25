"""The page simulator: lay a PageContent out as a newspaper page (pdfdraw.py draws it as
a PDF with reportlab and extracts its text with pdftotext, pdfminer.six and pypdfium2).

Every string drawn is recorded with its block key (DrawnLine), in drawing order; the
gold of each extracted text is aligned from that record (gold.align), never from a
segmenter. reportlab, pdfminer and pypdfium2 are imported inside the functions.
"""

from __future__ import annotations

import copy
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from .compose import Article, Block, PageContent, stable_rng

FONTS = {
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}
HANGING: set[str] = set()  # no hanging punctuation: a mark in the gutter glues columns in pdftotext
_widths: dict[str, dict[str, float]] = {}
_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    for name, (path, index) in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    _registered = True


def char_width(ch: str, font: str) -> float:
    table = _widths.setdefault(font, {})
    w = table.get(ch)
    if w is None:
        from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415

        w = table[ch] = pdfmetrics.stringWidth(ch, font, 1.0)
    return w


def text_width(text: str, font: str, size: float) -> float:
    return sum(char_width(ch, font) for ch in text) * size


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy line breaks at `width` points; a closing punctuation mark may hang."""
    lines, current, w = [], "", 0.0
    for ch in text:
        cw = char_width(ch, font) * size
        if current and w + cw > width + 0.01:
            if ch in HANGING and current[-1] not in HANGING and w + cw <= width + size * 1.01:
                current += ch
                lines.append(current)
                current, w = "", 0.0
                continue
            lines.append(current)
            current, w = "", 0.0
            if ch == " ":
                continue
        current += ch
        w += cw
    if current.strip():
        lines.append(current)
    return lines


@dataclass
class DrawnLine:
    text: str
    x: float
    y: float
    font: str
    size: float
    key: tuple[int, int]
    role: str
    align: str = "left"  # left | center | right (x is the anchor)
    group: int = 0  # drawing-order group (module)
    part: str = "body"  # heading | body


@dataclass
class Style:
    fs: float
    lead: float
    cpl: int
    colw: float
    gutter: float
    ncols: int
    glyph_indent: bool
    heading_align: str


class Module:
    """One article's module: headings across its columns, then the body in columns."""

    def __init__(self, article: Article, cols: int, style: Style, rng: random.Random):
        self.article, self.cols, self.style, self.rng = article, cols, style, rng
        self.width = cols * style.colw + (cols - 1) * style.gutter
        self.headline_size = style.fs * min(2.8, 1.5 + 0.35 * cols) * rng.uniform(0.9, 1.1)
        self.photo_top = rng.random() < 0.6
        self.photo_lines = rng.randint(6, 14)
        self.photo_cols = cols if cols < 3 or rng.random() < 0.5 else cols - 1
        self.layout()

    def heading_lines(self) -> list[tuple[str, str, float, Block]]:
        st = self.style
        out = []
        for block in self.article.heading:
            if block.role == "kicker":
                font, size = "kai", st.fs * 1.25
            elif block.role == "headline":
                font, size = "hei", self.headline_size
            else:
                font, size = ("kai" if self.rng.random() < 0.5 else "hei"), st.fs * 1.3
            text = block.text
            if (
                block.role == "headline"
                and "  " in text
                and text_width(text, font, size) > self.width
            ):
                parts = [p for p in text.split("  ") if p]
            else:
                parts = [text]
            for part in parts:
                for line in wrap(part, self.width, font, size):
                    out.append((line, font, size, block))
        return out

    def layout(self) -> None:
        st = self.style
        self.heads = self.heading_lines()
        self.heading_h = sum(size * 1.35 for _, _, size, _ in self.heads) + (
            st.lead * 0.6 if self.heads else 0
        )
        self.byline_lines = [
            (line, b)
            for b in self.article.bylines
            for line in wrap(b.text, st.colw * min(self.cols, 2), "kai", st.fs)
        ]
        photo_w = self.photo_cols * st.colw + (self.photo_cols - 1) * st.gutter
        self.caption_lines = [
            (line, b)
            for b in self.article.captions
            for line in wrap(b.text, photo_w, "kai", st.fs * 0.9)
        ]
        self.photo_w = photo_w
        self.photo_h = (
            (self.photo_lines * st.lead + len(self.caption_lines) * st.fs * 1.25 + st.lead * 0.5)
            if self.caption_lines
            else 0.0
        )
        self.body_lines: list[tuple[str, str, str, Block]] = []  # text, font, align, block
        for block in self.article.body:
            if block.role == "subheadline":
                for line in wrap(block.text, st.colw, "hei", st.fs):
                    self.body_lines.append((line, "hei", "center", block))
            elif block.role == "byline":
                for line in wrap(block.text, st.colw, "kai", st.fs):
                    self.body_lines.append((line, "kai", "left", block))
            else:
                text = ("\u3000\u3000" + block.text) if st.glyph_indent else block.text
                lines = wrap(text, st.colw - (0 if st.glyph_indent else 2 * st.fs), "ming", st.fs)
                for k, line in enumerate(lines):
                    self.body_lines.append(
                        (
                            line,
                            "ming",
                            "indent" if (k == 0 and not st.glyph_indent) else "left",
                            block,
                        )
                    )

    def fixed_h(self) -> float:
        return self.heading_h + len(self.byline_lines) * self.style.lead + self.photo_h

    def height(self) -> float:
        rows = math.ceil(len(self.body_lines) / self.cols)
        return self.fixed_h() + rows * self.style.lead + self.style.lead * 0.8

    def fit(self, height: float, to_page: int) -> bool:
        """Truncate the body with （下转第X版） until the module fits `height`."""
        rows = int((height - self.fixed_h() - self.style.lead * 0.8) / self.style.lead)
        if rows < 4:
            return False
        capacity = rows * self.cols
        keep = sum(len(b.text) for b in self.article.body)
        for _ in range(40):
            if len(self.body_lines) <= capacity:
                return True
            keep = int(keep * min(0.95, capacity / max(len(self.body_lines), 1)))
            if keep < 30:
                return False
            self.article.truncate(keep, to_page)
            self.layout()
        return len(self.body_lines) <= capacity

    def draw(self, x: float, top: float, group: int, out: list[DrawnLine]) -> list[tuple]:
        """Record this module's lines; returns graphics (photo boxes) to paint."""
        st = self.style
        y = top
        graphics = []
        for text, font, size, block in self.heads:
            y -= size * 1.3
            if st.heading_align == "center":
                out.append(
                    DrawnLine(
                        text,
                        x + self.width / 2,
                        y,
                        font,
                        size,
                        block.key,
                        block.role,
                        "center",
                        group,
                        "heading",
                    )
                )
            else:
                out.append(
                    DrawnLine(
                        text, x, y, font, size, block.key, block.role, "left", group, "heading"
                    )
                )
        if self.heads:
            y -= st.lead * 0.6
        for text, block in self.byline_lines:
            y -= st.lead
            out.append(DrawnLine(text, x, y, "kai", st.fs, block.key, block.role, "left", group))

        def photo(at_top: float) -> float:
            box_h = self.photo_lines * st.lead
            graphics.append(("rect", x, at_top - box_h, self.photo_w, box_h))
            yy = at_top - box_h - st.lead * 0.2
            for text, block in self.caption_lines:
                yy -= st.fs * 1.25
                out.append(
                    DrawnLine(text, x, yy, "kai", st.fs * 0.9, block.key, block.role, "left", group)
                )
            return yy - st.lead * 0.3

        body_top = y
        rows = math.ceil(len(self.body_lines) / self.cols) if self.body_lines else 0
        if self.caption_lines and self.photo_top:
            body_top = photo(y)
        for k, (text, font, align, block) in enumerate(self.body_lines):
            col, row = divmod(k, rows)
            cx = x + col * (st.colw + st.gutter)
            yy = body_top - (row + 1) * st.lead
            if align == "center":
                out.append(
                    DrawnLine(
                        text,
                        cx + st.colw / 2,
                        yy,
                        font,
                        st.fs,
                        block.key,
                        block.role,
                        "center",
                        group,
                    )
                )
            else:
                dx = 2 * st.fs if align == "indent" else 0.0
                out.append(
                    DrawnLine(text, cx + dx, yy, font, st.fs, block.key, block.role, "left", group)
                )
        if self.caption_lines and not self.photo_top:
            photo(body_top - rows * st.lead - st.lead * 0.5)
        return graphics


def layout_page(
    content: PageContent, seed: int, restyle: Callable[[Style], Style] | None = None
) -> tuple[list[DrawnLine], list[tuple], tuple[float, float], PageContent]:
    """Place the page's modules in bands of side-by-side slots; returns the drawn lines in
    drawing order, graphics, the page size and the content as drawn (truncations).
    `restyle` changes the page's style (a layout variant: tests.devcorpus.variant); it
    must not draw from this page's rng, so the corpus's pages stay as they are."""
    register_fonts()
    content = copy.deepcopy(content)
    rng = stable_rng(seed, "layout", content.name)
    fs = round(rng.uniform(8.5, 9.8), 2)
    cpl = rng.randint(12, 17)
    style = Style(
        fs=fs,
        lead=fs * rng.uniform(1.38, 1.55),
        cpl=cpl,
        colw=cpl * fs,
        gutter=fs * rng.uniform(1.4, 2.2),
        ncols=rng.randint(5, 8),
        glyph_indent=rng.random() < 0.85,
        heading_align=rng.choice(["center", "left"]),
    )
    if restyle is not None:
        style = restyle(style)
    margin = 28.0
    lines_per_col = rng.randint(80, 115)
    page_w = 2 * margin + style.ncols * style.colw + (style.ncols - 1) * style.gutter
    head_h = fs * 4.0
    foot_h = fs * 2.5
    page_h = 2 * margin + head_h + foot_h + lines_per_col * style.lead
    drawn: list[DrawnLine] = []
    graphics: list[tuple] = []
    # running head (noise) and the editors' line
    top = page_h - margin
    heads = content.running_head
    slots = [
        margin,
        page_w / 2,
        page_w - margin - text_width(heads[2].text + heads[3].text, "hei", fs * 1.2) - fs * 2,
        page_w - margin,
    ]
    xs = [(margin, "left"), (page_w / 2, "center"), (slots[2], "left"), (page_w - margin, "right")]
    head_lines = []
    for (x, al), block in zip(xs, heads, strict=True):
        size = fs * (2.2 if block.text == "人民日报" else 1.2)
        font = "hei" if block.text == "人民日报" else "kai"
        head_lines.append(
            DrawnLine(
                block.text, x, top - fs * 2, font, size, block.key, "noise", al, -1, "heading"
            )
        )
    graphics.append(("hline", margin, top - fs * 3, page_w - margin))
    editors_at_top = rng.random() < 0.4
    ed = content.editors
    ed_line = DrawnLine(
        ed.text,
        margin if not editors_at_top else page_w - margin,
        (margin + fs * 0.5) if not editors_at_top else top - fs * 3.0 - fs * 1.2,
        "kai",
        fs * 0.9,
        ed.key,
        "noise",
        "left" if not editors_at_top else "right",
        -2,
    )
    body_top = top - head_h - (fs * 1.2 if editors_at_top else 0)
    bottom = margin + foot_h
    queue = list(content.articles)
    placed: list[tuple[Module, float, float]] = []
    y = body_top
    min_h = style.lead * 10
    band_gap = style.lead * 1.2
    next_page = (
        content.page + rng.randint(1, 6) if content.page < 20 else content.page - rng.randint(1, 10)
    )
    while queue and y - bottom > min_h:
        avail = y - bottom
        k = (
            rng.choices([1, 2, 3], weights=[0.25, 0.45, 0.3])[0]
            if style.ncols >= 6
            else rng.choices([1, 2, 3], weights=[0.35, 0.5, 0.15])[0]
        )
        k = min(k, len(queue), style.ncols)
        for _ in range(50):
            cuts = sorted(rng.sample(range(1, style.ncols), k - 1)) if k > 1 else []
            widths = [b - a for a, b in zip([0] + cuts, cuts + [style.ncols], strict=True)]
            if all(w <= 6 for w in widths):
                break
        else:
            widths = [style.ncols // k] * k
            widths[-1] += style.ncols - sum(widths)
        lead_slot = (
            max(range(k), key=lambda i: widths[i]) if rng.random() < 0.7 else rng.randrange(k)
        )
        first = Module(queue[0], widths[lead_slot], style, rng)
        band_h = min(avail, max(first.height(), rng.randint(14, 34) * style.lead))
        if avail - band_h < min_h + band_gap:
            band_h = avail
        last_band = band_h >= avail - 1
        order = [lead_slot] + [i for i in range(k) if i != lead_slot]
        x_of = []
        acc = margin
        for w in widths:
            x_of.append(acc)
            acc += w * style.colw + w * style.gutter
        for slot in order:
            w = widths[slot]
            slot_top, left = y, band_h
            while queue and left > style.lead * 8:
                module = (
                    first
                    if (slot == lead_slot and queue and queue[0] is first.article)
                    else Module(queue[0], w, style, rng)
                )
                need = module.height()
                if need <= left:
                    placed.append((module, x_of[slot], slot_top))
                    queue.pop(0)
                    slot_top -= need + style.lead * 0.5
                    left -= need + style.lead * 0.5
                    continue
                nothing_here = slot_top == y
                if (last_band or nothing_here or rng.random() < 0.25) and module.fit(
                    left, next_page
                ):
                    placed.append((module, x_of[slot], slot_top))
                    queue.pop(0)
                    if slot_top != y:
                        graphics.append(
                            (
                                "hline",
                                x_of[slot],
                                slot_top + style.lead * 0.25,
                                x_of[slot] + module.width,
                            )
                        )
                    slot_top -= module.height()
                    left = 0
                break
        for i in range(1, k):
            x = x_of[i] - style.gutter / 2
            graphics.append(("vline", x, y, y - band_h))
        y -= band_h + band_gap
        if queue and y - bottom > min_h:
            graphics.append(("hline", margin, y + band_gap / 2, page_w - margin))
    drawn_articles = {id(m.article) for m, _, _ in placed}
    content.articles = [a for a in content.articles if id(a) in drawn_articles]
    body_drawn: list[DrawnLine] = []
    for group, (module, x, top_y) in enumerate(placed):
        graphics += module.draw(x, top_y, group, body_drawn)
    mode = rng.choices(
        ["heading_first", "heading_after", "headings_end"], weights=[0.55, 0.25, 0.2]
    )[0]
    if mode == "heading_first":
        ordered = body_drawn
    elif mode == "heading_after":
        ordered = sorted(body_drawn, key=lambda d: (d.group, d.part == "heading"))
    else:
        ordered = sorted(body_drawn, key=lambda d: d.part == "heading")
    furniture_first = rng.random() < 0.6
    drawn = (
        (head_lines + ordered + [ed_line])
        if furniture_first
        else (ordered + head_lines + [ed_line])
    )
    return drawn, graphics, (page_w, page_h), content
