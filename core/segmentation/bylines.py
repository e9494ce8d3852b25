"""Who wrote an article and where it was filed: names from bylines and datelines.

A corpus user wants authors as a list of names, but a byline mixes them with role words
(`□本报记者 王雪`, `记者 丁霞 通讯员 刘丽娜 报道`) and agencies put theirs inside the
dateline (`新华社北京1月1日电（记者 张三 李四）`). Role words are cut out rather than
names matched, so a name of any length or script survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from banmian.core.segmentation.evidence import BYLINE_TRAILERS, DATELINE, ROLE_WORD

# The role words bylines are detected by (evidence), plus 整理 that may stand before names.
_ROLE_WORDS = re.compile(f"{ROLE_WORD}|整理")
_MARKS = re.compile(r"[□■◇◆○●▲△★☆【】\[\]（）()]")
_SEPARATORS = re.compile(r"[\s、，,;；/|:：]+")
_NAME = re.compile(r"^[\w·•]{2,8}$")

_PARENTHESIS = re.compile(r"[（(]([^）)]{0,40})[）)]")


def dateline(first_paragraph: str) -> str:
    """The dateline that opens an article's first paragraph, or ''."""
    match = DATELINE.match(first_paragraph or "")
    return match.group(1).strip() if match else ""


def names_in_byline(text: str) -> list[str]:
    """`□记者 丁霞 通讯员 刘丽娜 报道` → [丁霞, 刘丽娜]; `本报记者 张三 李四` → [张三, 李四]."""
    return list(_names(text or ""))


@lru_cache(maxsize=4096)  # a paper's reporters sign hundreds of articles each
def _names(text: str) -> tuple[str, ...]:
    text = _MARKS.sub(" ", text)
    text = _ROLE_WORDS.sub(" ", text)
    names = []
    for part in _SEPARATORS.split(text):
        if part in BYLINE_TRAILERS:
            continue
        if part.endswith("报道") and len(part) >= 4:  # 李四报道, written without a space
            part = part[:-2]
        if _NAME.match(part) and not part.isdigit():
            names.append(part)
    return tuple(names)


def authors(bylines: Iterable[str], first_paragraph: str = "") -> list[str]:
    """Names from the byline blocks and from a dateline's parenthesis, each once, in order."""
    found: list[str] = []
    for byline in bylines:
        found += _names(byline)
    opening = dateline(first_paragraph)
    for inside in _PARENTHESIS.findall(opening):
        if _ROLE_WORDS.search(inside):
            found += names_in_byline(inside)
    return list(dict.fromkeys(found))
