"""The words that open a sentence, as evidence of a paragraph start (segmentation.openers)."""

from __future__ import annotations

import pytest
from banmian.core.segmentation import openers


def test_sentences_keep_their_closing_quotes_and_the_unfinished_tail():
    assert openers.sentences("他说：“好。”我们走吧！还有") == [
        "他说：",
        "“好。”",
        "我们走吧！",
        "还有",
    ]
    assert openers.sentences("") == []


@pytest.mark.parametrize(
    ("paragraph", "opening", "expected"),
    [
        ("各地要抓好落实。", "第二条 坚持", True),
        ("他说：“好。”", "我们走吧", True),
        ("大多是没有垛墙的“野”", "长城，好似", False),  # a quote closes, no sentence ends
        ("各地要抓好落实。", "，推进", False),  # no sentence opens with a comma
        ("各地要抓好落实", "推进", False),
        ("", "推进", False),
    ],
)
def test_the_words_weigh_in_only_between_two_sentences(paragraph, opening, expected):
    assert openers.applies(paragraph, opening) is expected


def test_the_first_and_last_words_come_from_the_dictionary():
    assert openers.first_word("但是也要注意") == "但是"
    assert openers.first_word("“好") == "“"
    assert openers.last_word("防止形式主义。”") == "形式主义"


def test_every_sentence_boundary_of_an_article_is_one_example():
    examples = list(openers.boundaries(["第一句。第二句。", "第三句。"]))
    assert [opens for _cues, opens in examples] == [False, True]
    cues = examples[1][0]
    assert "ns=2" in cues and "c1=第" in cues and "pe=。" in cues


def test_the_shipped_weights_tell_a_numbered_paragraph_from_a_continuation():
    assert len(openers.shipped_weights()) > 1000
    before = "各地要加快推进落实。"
    numbered = openers.probability(before, "（二）加强监督")
    goes_on = openers.probability(before, "但是也要注意")
    assert numbered > 0.9 > 0.1 > goes_on


def test_the_mix_follows_both_the_line_model_and_the_words():
    assert openers.mixed(0.3, 0.9) > openers.mixed(0.3, 0.5) > openers.mixed(0.3, 0.1)
    assert openers.mixed(0.6, 0.5) > openers.mixed(0.3, 0.5)
    assert openers.weighed([], {}) == 0.5
