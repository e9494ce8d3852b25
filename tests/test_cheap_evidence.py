"""The segmenter's cheap paths give what the plain definitions give.

Line evidence is asked of every line of every page, so some of it takes shortcuts: a
substring test before a regex's scan, dictionary probes that stop at a missing prefix,
feature strings formatted once per shape and then reused, a sure line's probabilities
read from its one marginal without the matrix product. Each shortcut must give
exactly the answer of the plain definition: the shipped model was trained on the
features as the plain code computed them.
"""

from __future__ import annotations

import re
from importlib import resources

import numpy as np
from banmian.core.page.model import Page
from banmian.core.page.reflow import clean_line
from banmian.core.segmentation import evidence as ev
from banmian.core.segmentation.features import page_features
from banmian.core.segmentation.line_model import SURE, shipped_model
from banmian.core.words import nlp

LINES = [
    "图为市民在公园赏花。 本报记者 孙强 摄",
    "▲游客在景区参观",
    "（图为施工现场）",
    "（上接第一版）本报记者 张三 摄",
    "本报记者 李四摄）",
    "张三 摄",
    "摄",
    "区财政局———",
    "区财政局———  ",
    "——访全国人大代表",
    "两个字--",
    "三个---",
    "──",
    "──────",
    "项目建设",
    "　　该航线的开通，将提高效率。",
    "",
]


def sample_lines() -> list[str]:
    text = resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")
    return [clean_line(line) for line in text.splitlines()] + LINES


def test_captions_and_kickers_as_the_plain_regexes_find_them():
    for text in sample_lines():
        plain_caption = (
            len(text) <= 120 and bool(ev._CAPTION.search(text)) and not text.startswith("（上接")
        )
        assert ev.is_caption(text) == plain_caption, text
        plain_kicker = bool(ev.KICKER_DASHES.search(text)) and len(text) > 2
        assert ev.is_kicker_line(text) == plain_kicker, text


def plain_word_across(before: str, after: str) -> bool:
    freq = nlp._dictionary()
    return any(
        freq.get(before[-k:] + after[:m])
        for k in (1, 2, 3)
        if len(before) >= k
        for m in range(1, 5 - k)
        if len(after) >= m
    )


def test_word_across_stops_probing_only_where_no_word_can_follow():
    texts = [t for t in sample_lines() if t]
    pairs = list(zip(texts, texts[1:], strict=False))
    pairs += [("新增就", "业2000人"), ("该航线的开", "通"), ("效用。", "会议"), ("联邦议", "会")]
    for before, after in pairs:
        assert nlp.word_across(before, after) == plain_word_across(before, after), (before, after)


def test_features_are_the_same_computed_twice_and_shapes_are_not_shared_wrongly():
    text = resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")
    lines = Page.from_text(text).lines
    first = page_features(lines)
    again = page_features(lines)  # now from the shape caches
    assert first == again
    assert all(isinstance(items, list) and len(set(items)) == len(items) for _, items in first)
    # a line's own strings name its own values: no cached tuple of another line's shape
    for _, items in first:
        own = dict(i.split("=", 1) for i in items if re.match(r"^[a-z]+=", i) and "|" not in i)
        assert {"w", "len", "ind", "end", "st", "es", "run", "rpos", "hd"} <= set(own)


def test_decisions_read_the_marginals_as_one_matrix_product_over_all_lines_would():
    """A sure line's roles and openings are taken from its one marginal directly; they
    must be bit for bit what the product of the page's marginals gives."""
    model = shipped_model()
    text = resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")
    numbers, features = zip(*page_features(Page.from_text(text).lines), strict=True)
    decisions = model.decide(numbers, features)
    tagger = model._tagger
    chosen = tagger.tag(list(features))
    marginals = np.zeros((len(chosen), len(model._names)))
    for i, label in enumerate(chosen):
        k = model._index[label]
        sure = tagger.marginal(label, i)
        if sure >= SURE:
            marginals[i, k] = sure
        else:
            marginals[i] = [tagger.marginal(name, i) for name in model._names]
    roles = (marginals @ model._role_of).tolist()
    opens = (marginals @ model._opens).tolist()
    assert any(max(d.roles.values()) < SURE for d in decisions)  # both kinds of line
    for i, decision in enumerate(decisions):
        assert decision.label == model._parsed[chosen[i]]
        assert decision.roles == dict(zip(model._roles, roles[i], strict=True))
        assert list(decision.roles) == model._roles
        assert (decision.opens_block, decision.opens_article) == tuple(opens[i])
