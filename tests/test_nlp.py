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


# --- the fast cut (rjieba's route, jieba's HMM): measured identical to jieba on 952,565
# texts of the development pages (whole pages, lines, random stretches), so held to that


def _fast():
    pytest.importorskip("rjieba")
    cut = nlp._fast_cut()
    if cut is None:
        pytest.skip("BANMIAN_TOKENISER=jieba: the fast cut is switched off")
    return cut


def _suite_pages(sample_text: str) -> list[str]:
    from tests.layouts import LAYOUTS

    return [sample_text, *(build().text for build in LAYOUTS.values())]


def test_fast_cut_is_jiebas_on_the_suites_pages(jieba, sample_text):
    """Every token of every page the suite writes, whole and line by line, as jieba."""
    fast = _fast()
    for page in _suite_pages(sample_text):
        for text in [page, *page.split("\n")]:
            assert list(fast(text)) == jieba.lcut(text), text


def test_fast_cut_is_jiebas_where_the_two_models_part(jieba):
    """Where rjieba's own cut differs from jieba's (its HMM, letters and digits joined
    with dots and dashes, characters outside jieba's clauses), banmian's does not."""
    fast = _fast()
    texts = [
        "江南四季常在的绿色将更加动人",  # rjieba's HMM: 常在; jieba's: 常/在
        "详见www.example.com或拨打400-800-2211，邮箱abc@163.com",
        "增长3.5%，C919与ARJ21-700首飞，第2019-Workflow号",
        "㐀中国\u9fe0豈好𠀀字",  # CJK extensions and compatibility ideographs
        "\r\n\n  \t\u3000x",
        *MIXED,
    ]
    for text in texts:
        assert list(fast(text)) == jieba.lcut(text), text
        assert list(nlp.tokens(text)) == jieba.lcut(text), text


def test_fast_cut_is_jiebas_for_random_mixed_text(jieba, sample_text):
    """Random runs of the page's characters, Latin letters, digits, the punctuation
    jieba keeps inside a clause (. - % + # &) and spaces: runs of single characters of
    every kind for the HMM."""
    fast = _fast()
    rng = random.Random(5)
    alphabet = sorted(set(sample_text)) + list("abcXYZ0123456789.-%+#& \n\u3000")
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80)))
        assert list(fast(text)) == jieba.lcut(text), text


def test_without_rjieba_jieba_cuts_alone(monkeypatch, jieba, sample_text):
    """No rjieba (or BANMIAN_TOKENISER=jieba): the same tokens from jieba, and
    `tokeniser()` says so."""
    import sys

    from banmian.core.words import fast_cut

    monkeypatch.setitem(sys.modules, "rjieba", None)  # import rjieba raises ImportError
    assert fast_cut.cutter(jieba) is None
    nlp._fast_cut.cache_clear()
    nlp.tokens.cache_clear()
    monkeypatch.setenv("BANMIAN_TOKENISER", "jieba")
    try:
        assert nlp.tokeniser() == "jieba"
        assert list(nlp.tokens(sample_text)) == jieba.lcut(sample_text)
    finally:
        nlp._fast_cut.cache_clear()
        nlp.tokens.cache_clear()
