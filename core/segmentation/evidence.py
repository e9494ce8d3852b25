"""What a single line says about itself: the clues the segmenter weighs.

Kept apart from the segmenter so that each clue is one small, tested function: a byline's
shape, page furniture, a caption, a kicker's trailing dashes, a continuation marker, the
end of a sentence, and how wide the line is against the page's column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from banmian.core.page.reflow import clean_line, is_indented

SENTENCE_END = tuple("。！？!?；…") + ("。”", "！”", "？”", "。’", "。）", "”", "』", "」")
KICKER_DASHES = re.compile(r"(—{2,}|-{3,}|─{2,})\s*$")

# 记者, 本报记者, 本报特约记者, 摄影记者, 特约通讯员 …: the words a byline names people by.
ROLE_WORD = r"(?:本报)?(?:特约|实习|见习|首席|摄影)?(?:记者|通讯员|实习生|摄影|撰稿|编译|评论员)"
# What a byline may end with after its names.
BYLINE_TRAILERS = ("报道", "采写", "整理", "摄", "文")
_NAME = r"[\u4e00-\u9fff\U00020000-\U0002ffff·]{2,5}"
_BYLINE = re.compile(
    rf"^[□■◇◆○●▲△\s]*(?:{ROLE_WORD}[\s:：]*{_NAME}(?:[\s、，,]+{_NAME})*[\s]*)+(?:{'|'.join(BYLINE_TRAILERS)})?$"
)
_SENTENCE_MARKS = re.compile("[，。；！？“”]")  # a line holding one is no byline
_BYLINE_BARE = re.compile(rf"^[□■◇◆○●\s]*{_NAME}(?:[\s、]+{_NAME})*\s+报道$")
# Inline datelines open an article's first paragraph: 本报讯 (2月2日), 本报北京2月1日电,
# 新华社北京1月1日电（记者 X）. Group 1 is the whole dateline, reporters and date included
# (exports cite it); the segmenter only needs to know that one is there.
DATELINE = re.compile(
    r"^\s*((?:本报讯|本报[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日[电讯]"
    r"|[\u4e00-\u9fff]{2,6}社[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电)"
    r"(?:\s*[（(][^）)]{0,40}[）)])?"
    r"(?:\s*\d{1,2}月\d{1,2}日(?:\d{1,2}时)?)?)"
)
_CONTINUED_FROM = re.compile(
    r"^[（(]\s*上接第?\s*([0-9一二三四五六七八九十百零〇A-Z]+)\s*版\s*[）)]"
)
_CONTINUED_TO = re.compile(
    r"[（(]\s*下转第?\s*([0-9一二三四五六七八九十百零〇A-Z]+)\s*版\s*[）)]\s*$"
)
_FURNITURE = (
    re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期.|周.)?(\s*农历.*)?$"),
    re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}(\s*(星期.|周.))?$"),
    re.compile(r"^(第\s*)?[0-9A-Z]{1,3}\s*版(\s*[:：/|·].{0,12})?$"),
    re.compile(r"^[A-Z]?\d{1,3}$"),
    re.compile(r"^(责编|责任编辑|编辑|美编|版式|校对|组版|审读|主编|值班编辑|视觉)\s*[:：]"),
    re.compile(r"^(本版|本版责编|版面设计)"),
    re.compile(r"^(广告|热线|订阅|邮发代号|国内统一刊号|电话)[:：\s]"),
)
# One alternation, so a line costs one match call, not one per pattern.
_ANY_FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for p in _FURNITURE))
_CAPTION_OPENING = r"^([▲△▼◀▶↑←→]|图为|图[:：]|上图|下图|左图|右图|（图|\(图)"
_CAPTION = re.compile(_CAPTION_OPENING + r"|(记者|通讯员|本报记者)?\s*\S{2,4}\s*摄\s*[)）]?$")
# Without 摄 only the opening can match: one anchored match instead of a scan per position.
_CAPTION_OPENS = re.compile(_CAPTION_OPENING)

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


class LineClue(NamedTuple):
    """A line of the page with the facts the segmenter needs about it (a named tuple:
    a page makes hundreds, and a frozen dataclass costs several times more to build)."""

    number: int
    text: str  # without its margin
    indented: bool
    width: float

    @property
    def ends_sentence(self) -> bool:
        return ends_sentence(self.text)


def display_width(text: str) -> float:
    """Width in CJK cells: Latin letters, digits and ASCII punctuation take half a cell."""
    return len(text) - 0.5 * len(text.encode("ascii", "ignore"))  # counted in C, per line


def clues(lines: Sequence[str]) -> tuple[LineClue | None, ...]:
    """One clue per raw line (None for blank lines), index 0 = line 1.

    Kept for the last few pages: the features and the segmenter's own line evidence both
    ask for the clues of the page being segmented (a tuple, so that neither can change
    what the other reads)."""
    return _clues(tuple(lines))  # a page's lines are a tuple already: no copy


@lru_cache(maxsize=4)
def _clues(lines: tuple[str, ...]) -> tuple[LineClue | None, ...]:
    out: list[LineClue | None] = []
    for n, raw in enumerate(lines, 1):
        text = clean_line(raw)
        out.append(LineClue(n, text, is_indented(raw), display_width(text)) if text else None)
    return tuple(out)


def column_width(found: Sequence[LineClue | None]) -> float:
    """The page's column measure: the usual width of a wrapped body line.

    Lines that are followed directly by more text of the same paragraph are full lines;
    their upper median is the measure. Falls back to all lines on tiny pages.
    """
    full = [
        c.width
        for i, c in enumerate(found[:-1])
        if c and found[i + 1] and not found[i + 1].indented
    ]
    widths = full if len(full) >= 3 else [c.width for c in found if c]
    if not widths:
        return 15.0
    widths.sort()
    return max(6.0, widths[int(len(widths) * 0.6)])


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_END)


def is_byline(text: str) -> bool:
    """`□记者 李宛遥 报道`, `通讯员 刘丽娜 报道`, `□本报记者 王雪`, `本报记者 张三 李四`."""
    if len(text) > 40 or _SENTENCE_MARKS.search(text):
        return False
    return bool(_BYLINE.match(text) or _BYLINE_BARE.match(text))


def opens_with_dateline(text: str) -> bool:
    return bool(DATELINE.match(text))


def is_furniture(text: str) -> bool:
    """Page furniture: date line, page number, editor's name: never article text."""
    return len(text) <= 40 and bool(_ANY_FURNITURE.match(text))


def is_caption(text: str) -> bool:
    # asked of every line: most hold no 摄, and then only the anchored opening can match
    if len(text) > 120 or text.startswith("（上接"):
        return False
    return bool((_CAPTION if "摄" in text else _CAPTION_OPENS).search(text))


def is_kicker_line(text: str) -> bool:
    """A kicker ending in dashes: `区财政局———`."""
    # asked of every line: the substring tests spare nearly all of them the regex's scan
    if len(text) <= 2 or not ("——" in text or "---" in text or "──" in text):
        return False
    return bool(KICKER_DASHES.search(text))


def continued_from(text: str) -> str | None:
    """The page a fragment continues from, as the page number (`（上接第一版）` → "1")."""
    m = _CONTINUED_FROM.match(text)
    return page_number(m.group(1)) if m else None


def continued_to(text: str) -> str | None:
    # asked of nearly every line; the substring test spares the regex its scan
    m = _CONTINUED_TO.search(text) if "下转" in text else None
    return page_number(m.group(1)) if m else None


def page_number(label: str) -> str:
    """`一` → "1", `十二` → "12", `A3` and `03` kept as written (but without leading zeros)."""
    if label.isdigit():
        return str(int(label))
    if all(ch in _CN_DIGITS or ch in "十百" for ch in label):
        total, current = 0, 0
        for ch in label:
            if ch == "十":
                total += (current or 1) * 10
                current = 0
            elif ch == "百":
                total += (current or 1) * 100
                current = 0
            else:
                current = _CN_DIGITS[ch]
        return str(total + current)
    return label
