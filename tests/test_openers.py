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


def test_a_full_line_on_a_page_that_dropped_its_indents_leans_towards_going_on():
    assert openers.width_cue(short=True, dropped_indents=True) == openers.SHORT_LINE
    assert openers.width_cue(short=False, dropped_indents=True) == openers.FULL_LINE
    assert openers.width_cue(short=False, dropped_indents=False) == openers.NO_WIDTH_CUE
    full, none = openers.FULL_LINE, openers.NO_WIDTH_CUE
    assert openers.mixed(0.4, 0.6, full) < openers.mixed(0.4, 0.6, none)


def test_a_page_whose_paragraphs_start_two_characters_short_dropped_its_indents():
    # pdftotext drops the U+3000 of an indent: the first line of a paragraph still ends
    # where the column does, two characters short of a full line
    from banmian.core.page.model import Page
    from banmian.core.segmentation.indents import indent_evidence

    full, going_on, end = (
        "今天上午召开的会议提出要求",
        "各地要结合实际抓好落实工作",
        "各有关部门要密切配合推进。",
    )
    short = "会议强调要加快推进工作"
    assert len(full) == len(going_on) == len(end) == len(short) + 2
    lines = [full, going_on, end, short, going_on, end, short, going_on, end, full, going_on, end]
    evidence = indent_evidence(Page.from_text("\n".join(lines) + "\n"))
    assert evidence.coin_flips == {4, 7, 10}
    assert evidence.short_flips == {4, 7} and evidence.dropped_indents
    flush = [full, going_on, end] * 4
    assert not indent_evidence(Page.from_text("\n".join(flush) + "\n")).dropped_indents
