"""Reflow of hard-wrapped column lines (DESIGN §1)."""

from __future__ import annotations

from banmian.core.page.model import Page, Role
from banmian.core.page.reflow import block_text, is_indented, join_wrapped


def _body(text: str) -> str:
    page = Page.from_text(text)
    return block_text(page, Role.BODY, 1, len(page))


def test_cjk_joins_without_space_and_digits_stay_together():
    assert (
        _body("　　深入学习贯彻党的二十大精神2022\n年度总结表彰大会")
        == "深入学习贯彻党的二十大精神2022年度总结表彰大会"
    )
    assert _body("　　总投资475亿\n\n元的青岛光电产业园") == "总投资475亿元的青岛光电产业园"
    assert join_wrapped(["编号12", "34号"]) == "编号1234号"


def test_latin_words_meeting_get_a_space_and_hyphen_joins():
    assert join_wrapped(["flights to New", "York"]) == "flights to New York"
    assert join_wrapped(["B747-", "400全货运"]) == "B747-400全货运"


def test_crlf_trailing_blanks_and_stray_space():
    page = Page.from_text(" 　　□记者 李宛遥 报道\r\n　　正文第一行\r\n继续。 \r\n\r\n")
    assert page.line(1) == " 　　□记者 李宛遥 报道"
    assert is_indented(page.line(1))
    assert block_text(page, Role.BYLINE, 1, 1) == "□记者 李宛遥 报道"
    assert block_text(page, Role.BODY, 2, 3) == "正文第一行继续。"


def test_heading_lines_keep_a_space_between_them():
    page = Page.from_text("强化“四个聚焦”\n实现“四个突破”")
    assert block_text(page, Role.HEADLINE, 1, 2) == "强化“四个聚焦” 实现“四个突破”"


def test_continuation_markers_are_not_text():
    assert _body("（上接第一版）监督责任贯通联\n动。") == "监督责任贯通联动。"
    assert _body("　　文旅消费有望保持较快增长。（下转第4版）") == "文旅消费有望保持较快增长。"


def test_heading_lines_join_without_a_space_inside_a_word():
    """Issue 15: a headline's line break inside a word or leaving a word's remnant is
    no phrase break; two complete phrases stay apart (the words layer decides)."""
    from banmian.core.page.model import Article, Block, Role
    from banmian.core.page.reflow import block_text
    from banmian.core.words import nlp  # noqa: F401 (installs the word-break rule)

    page = Page.from_text(
        "不负军人职责，不负家人\n期盼\n德国联邦议\n会\n分\n组审议\n强化“四个聚焦”\n实现“四个突破”\n"
    )
    assert block_text(page, Role.HEADLINE, 1, 2) == "不负军人职责，不负家人期盼"
    assert block_text(page, Role.HEADLINE, 3, 4) == "德国联邦议会"
    assert block_text(page, Role.KICKER, 5, 6) == "分组审议"
    assert block_text(page, Role.HEADLINE, 7, 8) == "强化“四个聚焦” 实现“四个突破”"
    two = Article(
        "A1",
        (Block(Role.HEADLINE, 3, 3, "德国联邦议"), Block(Role.HEADLINE, 4, 4, "会")),
    )
    assert two.title == "德国联邦议会"
