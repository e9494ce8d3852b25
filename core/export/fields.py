"""The fields an export reads out of an article's text: its dateline, its authors and its
byline, as a researcher citing the article wants them.

Checking an export against gold found three ways the segmenter's own helpers
(core.segmentation.bylines, which only need to know *that* a byline or dateline is
there) fall short of what a corpus user needs:

- a dateline ran on into the body: `新华社昆明2月26日电 （记者赵超）2月24日，…` gave
  `…（记者赵超）2月24日`. A date after the dateline belongs to it only after a dateless
  `本报讯` (`本报讯 2月2日，…`); after `…日电` it is the body's own date;
- reporters credited in a paragraph of their own (`（本报记者李晓宏、殷淼、杨俊）`,
  `（综合本报记者王政、李心萍报道）`, `（新华社北京5月27日电 记者黄明、梅世雄）`) were not
  authors, and affiliations written against a role word (`健康时报记者赵安平`,
  `新华社记者张晓松`) were taken for names;
- a byline printed twice (split over two blocks, or on both parts of an article
  continued across pages) was written twice.

Names are what follows a role word (记者, 通讯员 …), up to the next role word; what is
written against a role word before it is an affiliation, never a name. A byline without
any role word (`张三 李四 报道`) is names only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from banmian.core.segmentation.evidence import BYLINE_TRAILERS

_PARENS = r"(?:\s*[（(][^）)]{0,60}[）)])?"
_DATE = r"\d{1,2}月\d{1,2}日"
# 本报讯 (its date, if any, follows it); 本报北京2月1日电; 新华社昆明2月26日电; 据新华社电.
DATELINE = re.compile(
    rf"^\s*(本报讯{_PARENS}(?:\s*{_DATE}(?:\d{{1,2}}时)?)?"
    rf"|据?(?:本报|[\u4e00-\u9fff]{{2,6}}社)[\u4e00-\u9fff]{{0,8}}{_DATE}[电讯]{_PARENS}"
    rf"|据?(?:新华社|中新社)电{_PARENS})"
)
# Words that name people's role in a credit: 记者, 本报特约记者, 通讯员, 实习生 …
_ROLE = re.compile(r"(?:本报)?(?:特约|实习|见习|首席|摄影)?(?:记者|通讯员|实习生|评论员)|摄影|撰稿")
# What a name may carry after it: `陈尚文编译`, `李琰、任皓宇采访整理`, `原韬雄报道`.
_TRAILER = re.compile(r"(?:采访整理|参与采写|整理|采写|报道|编译)$")
_MARKS = re.compile(r"[□■◇◆○●▲△★☆【】\[\]（）()]")
_STRONG = re.compile(r"[、，,;；/|:：]+|及")
_NAME = re.compile(r"^[\w·•]{2,8}$")
_NOT_A_NAME = re.compile(r"新华社|中新社|本报|人民网|新华网|央视|日电|\d")
_CREDIT = re.compile(r"^\s*[（(](?P<inside>[^（()）]{2,300})[）)]\s*$")


def dateline(first_paragraph: str) -> str:
    """The dateline opening an article's first paragraph (`新华社昆明2月26日电 （记者赵超）`,
    `本报讯 2月2日`), or ''."""
    match = DATELINE.match(first_paragraph or "")
    return match.group(1).strip() if match else ""


def credit_names(text: str) -> list[str]:
    """The people a credit names: `本报记者 李晓宏 殷 淼` → [李晓宏, 殷淼];
    `综合本报记者王政、李心萍报道` → [王政, 李心萍]; `张三 李四 报道` → [张三, 李四]."""
    return list(_credit_names(text or ""))


@lru_cache(maxsize=4096)  # a paper's reporters sign hundreds of articles each
def _credit_names(text: str) -> tuple[str, ...]:
    text = _MARKS.sub(" ", text)
    with_roles = bool(_ROLE.search(text))
    names: list[str] = []
    seen_role = not with_roles
    for chunk in _STRONG.split(text):
        for token in _joined_singles(chunk.split()):
            roles = list(_ROLE.finditer(token))
            if roles:  # `健康时报记者赵安平`: after the (last) role word only
                seen_role = True
                token = token[roles[-1].end() :]
            if not seen_role or token in BYLINE_TRAILERS:
                continue
            bare = _TRAILER.sub("", token)
            if len(bare) >= 2:
                token = bare
            if _NAME.match(token) and not _NOT_A_NAME.search(token):
                names.append(token)
    return tuple(dict.fromkeys(names))


def _joined_singles(tokens: Sequence[str]) -> list[str]:
    """Two-character names that the paper spaced out to three (`殷  淼`) or that extraction
    cut (`韩 鑫`) joined again: runs of single characters, two by two (three: one name)."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) == 3:
            out.append("".join(run))
        else:
            out.extend("".join(run[i : i + 2]) for i in range(0, len(run), 2))
        run.clear()

    for token in tokens:
        if len(token) == 1 and token not in BYLINE_TRAILERS and not token.isdigit():
            run.append(token)
            continue
        flush()
        out.append(token)
    flush()
    return out


def credit_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """Paragraphs that are only a credit in parentheses naming reporters by their role
    (`（本报记者李晓宏、殷淼、杨俊）`), as papers print them at an article's end."""
    found = []
    for paragraph in paragraphs:
        match = _CREDIT.match(paragraph)
        if match and _ROLE.search(match["inside"]):
            found.append(match["inside"])
    return found


def authors(bylines: Iterable[str], paragraphs: Sequence[str] = ()) -> list[str]:
    """Every name credited: bylines, the dateline's parenthesis, credit paragraphs; each
    once, in that order."""
    found: list[str] = []
    for byline in bylines:
        found += credit_names(byline)
    opening = dateline(paragraphs[0]) if paragraphs else ""
    for inside in re.findall(r"[（(]([^）)]{0,60})[）)]", opening):
        if _ROLE.search(inside):
            found += credit_names(inside)
    for credit in credit_paragraphs(paragraphs):
        found += credit_names(credit)
    return list(dict.fromkeys(found))


def byline(bylines: Iterable[str]) -> str:
    """The byline blocks' text joined, a byline printed twice written once."""
    return " ".join(dict.fromkeys(b.strip() for b in bylines if b and b.strip()))
