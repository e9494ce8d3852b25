"""What each observation says about a head and a tail being one article, in log-odds
(natural log) of "the tail goes on where the head stops" against "it is another
story's": the page numbers, the join, the title, the names (see core.corpus.links)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from banmian.core.words import nlp

if TYPE_CHECKING:
    from banmian.core.corpus.links import Fragment

_SENTENCE_END = "。！？!?…；;”」』）)"
_TITLE_MARK = re.compile(r"^[（(]?\s*接[^）)]{0,3}[）)]?\s*|[（(]\s*[上下]接.*$")
# What each observation is worth, not a tuned score.
MISPRINT = -3.0  # one of the two marks names another page: about one mark in twenty
WORD_ACROSS = 2.5  # a dictionary word runs across the join: ~45% of true joins, ~3% of others
NO_WORD_ACROSS = -0.5  # the head stops mid-sentence and no word runs across
TITLE_REPEATED = 3.0  # the tail repeats the head's title or a piece of it
TITLE_SHORTENED = 1.5  # the tail's title shares most of the head's characters
TITLE_OTHER = -1.0  # the tail has a title of its own, and not the head's
NAMES = ((0.3, 3.0), (0.15, 2.0), (0.05, 0.5))  # shared rarer words: share → weight
NO_NAMES = -1.0  # nothing rarer shared: most other stories', a sixth of true tails


def _bare_title(title: str) -> str:
    return re.sub(r"\s+", "", _TITLE_MARK.sub("", title))


def title_likeness(head: str, tail: str) -> float:
    """1.0 when the tail repeats the head's title, less for a shortened one, 0 for none."""
    a, b = _bare_title(head), _bare_title(tail)
    if not a or not b:
        return 0.0
    if a == b or (len(b) >= 2 and b in a) or (len(a) >= 2 and a in b):
        return 1.0
    shared = sum(1 for ch in set(b) if ch in a and ch.isalnum())
    return shared / max(1, len(set(b)))


def _idf() -> tuple[dict[str, float], float]:
    return nlp.idf_table()


def shared_names(head: Fragment, tail: Fragment) -> float:
    """How much of the rarer words of the shorter fragment the other one holds (0..1);
    the head's title counts as the head's text (a tail names the story's subject again),
    the tail's own title is the title evidence's."""
    freq, median = _idf()
    a = set(nlp.words(" ".join((head.title, *head.paragraphs))))
    b = set(nlp.words(" ".join(tail.paragraphs)))
    if not a or not b:
        return 0.0

    def weight(words: set[str]) -> float:
        return sum(freq.get(w, median) for w in words)

    return weight(a & b) / max(1e-9, min(weight(a), weight(b)))


def word_across(end: str, start: str) -> bool:
    """Whether jieba's dictionary route through the join cuts a word across it
    (`新增就` + `业2000人`): the route, not any dictionary word that would fit, so that
    two unrelated texts seldom join into one."""
    before, after = end[-6:], start[:6]
    at = 0
    for token in nlp.jieba_module().lcut(before + after, HMM=False):
        if at < len(before) < at + len(token):
            return True
        at += len(token)
    return False


def page_label(number: str | None) -> str:
    """A page number as compared: `02` and `2` alike."""
    text = (number or "").strip()
    return str(int(text)) if text.isdigit() else text


def weigh(head: Fragment, tail: Fragment) -> tuple[float, tuple[str, ...]]:
    """The evidence that `tail` goes on where `head` stops, in log-odds, and the reasons
    an annotator is shown."""
    evidence: list[tuple[float, str]] = []
    names_tail = page_label(head.continued_to) == tail.page_no
    names_head = page_label(tail.continued_from) == head.page_no
    if names_tail and names_head:
        evidence.append((0.0, "page numbers agree"))
    else:
        evidence.append((MISPRINT, "one page number agrees"))
    end = head.paragraphs[-1].rstrip() if head.paragraphs else ""
    start = tail.paragraphs[0].lstrip() if tail.paragraphs else ""
    if end and start and end[-1:] not in _SENTENCE_END:
        if word_across(end, start):
            evidence.append((WORD_ACROSS, "a word runs across the join"))
        else:
            evidence.append((NO_WORD_ACROSS, ""))
    likeness = title_likeness(head.title, tail.title)
    if likeness >= 0.9:
        evidence.append((TITLE_REPEATED, "the title is repeated"))
    elif likeness >= 0.5:
        evidence.append((TITLE_SHORTENED, "the title is shortened"))
    elif _bare_title(tail.title):
        evidence.append((TITLE_OTHER, "the tail has a title of its own"))
    names = shared_names(head, tail)
    gained = next((w for least, w in NAMES if names > least), NO_NAMES)
    evidence.append((gained, "shared names" if gained > 0 else ""))
    return round(sum(w for w, _ in evidence), 3), tuple(r for _, r in evidence if r)
