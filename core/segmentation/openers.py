"""Does the sentence a line starts with open a paragraph? What its first words say.

On a page that shows no indent (pdftotext drops every U+3000; some papers set paragraphs
flush), a paragraph that ends exactly at the column's edge leaves no trace in the
layout: after a full line ending a sentence the next line may open a paragraph or go on
(41-56% open one). The layout cannot tell, so the line model flips a coin there. The
words can: `（二）`, `第三条`, `二是`, `据介绍` open paragraphs far more often than `这`,
`其中`, `因此`, `对此`; and a paragraph of one short sentence goes on more often than one
of five. On the development months' articles (every sentence boundary inside a body,
not only at line ends) these cues take the share of boundaries guessed right from 69%
(always "goes on") to 79%.

The weights are a logistic regression over those cues, fitted by CRFsuite (already the
line model's library) on sentence boundaries of real articles: `resources/openers.json`,
refitted by `python -m tests.devcorpus.fit_openers`. They describe Chinese news prose,
not a layout, so every line model (shipped or learnt from verified pages) uses the same.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources

from banmian.core.segmentation import heading_odds
from banmian.core.words import nlp

WEIGHTS_NAME = "openers.json"
# a sentence ends at one of these, with any closing quotes or brackets after it
_STOPS = "。！？；：!?;:…"
_CLOSING = "”’）」』》)"
_SENTENCES = re.compile(rf"[^{_STOPS}]*(?:[{_STOPS}]+[{_CLOSING}]*|$)")
# what no sentence starts with: the line goes on from a clause the one above broke
_NO_OPENING = "，。、；：！？,.;:!?…）》”’」』)%"
# the marks that number a paragraph: 第二条, （三）, 一是, 三、, 2. and circled digits
_ENUMERATOR = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[条章节部分是]|[（(][一二三四五六七八九十\d]+[）)]"
    r"|[一二三四五六七八九十]+[是、]|\d{1,2}[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])"
)
_LONGEST_WORD = 4


def sentences(text: str) -> list[str]:
    """`text` cut after each sentence end (closing quotes stay with their sentence)."""
    return [s for s in _SENTENCES.findall(text) if s]


def applies(paragraph: str, opening: str) -> bool:
    """Whether `paragraph` ends a sentence and `opening` can start one: the only place
    the weights were fitted for (a closing quote alone, `“野”` + `长城`, ends none)."""
    end = paragraph.rstrip(_CLOSING)
    return bool(end) and end[-1] in _STOPS and bool(opening) and opening[0] not in _NO_OPENING


def first_word(text: str) -> str:
    """The longest word of jieba's dictionary `text` starts with (its first character if
    none): dictionary look-ups only, no cut of the whole line."""
    return _longest_word(text, lambda k: text[:k])


def last_word(text: str) -> str:
    """The longest word of jieba's dictionary `text` ends with, before its closing
    marks (`说`, `表示`, `工作`); its last character if none."""
    text = text.rstrip(_STOPS + _CLOSING)
    return _longest_word(text, lambda k: text[-k:])


def _longest_word(text: str, piece: Callable[[int], str]) -> str:
    """The longest `piece(k)` of `text` (k characters) that is a dictionary word, else
    `piece(1)`."""
    for k in range(min(_LONGEST_WORD, len(text)), 1, -1):
        if nlp.is_word(piece(k)):
            return piece(k)
    return piece(1) if text else ""


def features(paragraph: str, opening: str) -> list[str]:
    """The cues for a sentence `opening` (its first few characters are enough) that
    follows `paragraph`, the text of the paragraph so far (ending a sentence)."""
    told = sentences(paragraph)
    last = told[-1] if told else ""
    numbered = "1" if _ENUMERATOR.match(opening) else "0"
    return [
        "bias",
        f"c1={opening[:1]}",
        f"c2={opening[:2]}",
        f"w={first_word(opening)}",
        f"pe={last[-1:]}",
        f"pe2={last[-2:]}",
        f"pw={last_word(last)}",
        f"enum={numbered}",
        f"penum={'1' if _ENUMERATOR.match(paragraph) else '0'}",
        f"enum={numbered}|pe={last[-1:]}",
        f"ns={min(len(told), 6)}",
        f"nc={min(len(paragraph) // 40, 6)}",
        f"sl={min(len(last) // 15, 5)}",
        f"pf={first_word(paragraph)}",
        f"ns={min(len(told), 6)}|nc={min(len(paragraph) // 40, 6)}",
        f"w={first_word(opening)}|ns={min(len(told), 3)}",
    ]


def boundaries(paragraphs: Iterable[str]) -> Iterator[tuple[list[str], bool]]:
    """Every sentence boundary of consecutive body `paragraphs` of one article, as
    (cues, does the next sentence open a paragraph): what the weights are fitted on."""
    so_far = ""
    for text in paragraphs:
        for k, sentence in enumerate(sentences(text)):
            if so_far:
                yield features(so_far, sentence), k == 0
            so_far = sentence if k == 0 else so_far + sentence


def probability(paragraph: str, opening: str, weights: Mapping[str, float] | None = None) -> float:
    """How likely the sentence `opening` opens a new paragraph after `paragraph`."""
    return weighed(features(paragraph, opening), shipped_weights() if weights is None else weights)


def weighed(cues: Iterable[str], weights: Mapping[str, float]) -> float:
    """The logistic regression's probability of opening a paragraph, given its cues."""
    score = sum(weights.get(cue, 0.0) for cue in cues)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


NO_WIDTH_CUE, SHORT_LINE, FULL_LINE = 0, 1, 2


def width_cue(short: bool, dropped_indents: bool) -> int:
    """What a coin flip's own line width says. Where an extractor dropped the indents'
    characters (pdftotext), a paragraph's first line still ends two characters early:
    a short line opens a paragraph, and on such a page a full one goes on. On a flush
    page (no indent ever set) the width says nothing."""
    if short:
        return SHORT_LINE
    return FULL_LINE if dropped_indents else NO_WIDTH_CUE


def mixed(
    marginal: float, worded: float, cue: int = NO_WIDTH_CUE, mix: Sequence[float] | None = None
) -> float:
    """The line model's marginal and the words' probability, weighed together:
    logit(p) = a * logit(marginal) + b * logit(words) + d1 [short line] + d2 [full line
    on a page that dropped its indents] + c, where (a, b, d1, d2, c) is fitted on the
    coin flips of gold pages the line model was not fitted on. The line model reads the
    width too, but at one confidence for every kind of page; the width cue tells the
    mix how far to trust it against the words."""
    evidence = (logit(marginal), logit(worded), cue == SHORT_LINE, cue == FULL_LINE)
    return heading_odds.probability(shipped_mix() if mix is None else mix, evidence)


def logit(p: float) -> float:
    """log(p / (1 - p)), kept finite."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def shipped_weights() -> dict[str, float]:
    """The weights shipped in `banmian.resources` (empty, so every cue weighs nothing and
    every answer is one half, if the file is missing)."""
    return _shipped().get("weights", {})


def shipped_mix() -> tuple[float, float, float, float, float]:
    """The shipped mix of line model and words (the line model alone if none)."""
    return tuple(_shipped().get("mix", (1.0, 0.0, 0.0, 0.0, 0.0)))


@lru_cache(maxsize=1)
def _shipped() -> dict:
    try:
        text = resources.files("banmian.resources").joinpath(WEIGHTS_NAME).read_text("utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(text)
