"""Words as banmian tokenises them must be exactly jieba's: search, tags and heading
attachment all read them, and import caches them clause by clause for speed."""

from __future__ import annotations

import random

import pytest
from banmian.core.words import nlp

MIXED = [
    "",
    " ",
    "\n\n",
    "a",
    "青岛至纽约跨境电商全货包机首飞",
    "abc def 123.5% C919 ——“包机”",
    "中文English混合\t制表 符\u3000全角空格",
    "2023年2月3日 星期五 农历癸卯年正月十三",
    "（上接第一版）记者 李宛遥 报道",
]


@pytest.fixture(scope="module")
def jieba():
    return nlp.jieba_module()


def test_tokens_are_jiebas_for_every_line_and_the_whole_page(jieba, sample_text):
    for text in [*sample_text.split("\n"), sample_text, *MIXED]:
        assert list(nlp.tokens(text)) == jieba.lcut(text), text


def test_tokens_are_jiebas_for_random_text(jieba, sample_text):
    """Random runs of the page's characters: clause boundaries anywhere, unknown words
    for the HMM, punctuation and spaces next to each other."""
    rng = random.Random(3)
    alphabet = sorted(set(sample_text))
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        assert list(nlp.tokens(text)) == jieba.lcut(text), text


def test_index_text_keeps_every_word_and_drops_only_whitespace(sample_text):
    for text in [*sample_text.split("\n"), *MIXED]:
        expected = " ".join(t for t in nlp.tokens(text) if t.strip())
        assert nlp.index_text(text) == expected
