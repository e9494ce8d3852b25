"""Where paragraphs start and end: column breaks, indents or their absence, the words
that open a sentence, columns read side by side; rule by rule with a hand-set model."""

from __future__ import annotations

import pytest
from banmian.core.page.model import Page, Role
from banmian.core.segmentation.segmenter import segment_page

from tests.hand_model import HandModel as _HandModel


def test_column_break_mid_word_continues_the_paragraph():
    page = Page.from_text("　　该航线的开\n\n通，将提高效率。\n")
    (article,) = segment_page(page).articles
    assert article.paragraphs == ["该航线的开通，将提高效率。"]


def test_blank_after_a_sentence_then_a_full_line_is_a_column_break():
    lines = [
        "　　第一句话已经结束了句号。",
        "",
        "第二行是满宽的正文内容继续",
        "写下去直到这个段落结束。",
    ]
    seg = segment_page(Page.from_text("\n".join(lines)))
    (article,) = seg.articles
    (block,) = article.blocks
    assert block.lines == (1, 4)
    assert article.paragraphs == [
        "第一句话已经结束了句号。第二行是满宽的正文内容继续写下去直到这个段落结束。"
    ]


def test_unindented_page_falls_back_to_blank_separated_paragraphs():
    text = "标题在这里\n\n这是第一段正文，写得比较长一些，超过半行。\n\n这是第二段正文，也写得比较长一些才行。\n"
    seg = segment_page(Page.from_text(text)).check()
    (article,) = seg.articles
    roles = [b.role for b in article.blocks]
    assert roles[0] in (Role.HEADLINE, Role.SUBHEADLINE) and roles[1:] == [Role.BODY, Role.BODY]


def test_columns_read_side_by_side_give_each_line_its_own_block_and_one_doubt():
    # two columns of one article whose lines an extractor read alternately, each line
    # followed by a blank line: no line goes on from the line above it
    left = [
        "今年以来，本市加快推进老旧",
        "小区改造，已完成改造小区一百",
        "二十个，惠及居民三万余户。改",
    ]
    right = [
        "和加装电梯等项目。市住建局负",
        "责人表示，下一步将重点解决停",
        "车难、充电难等问题，让居民住",
    ]
    shredded = [line for pair in zip(left, right, strict=True) for line in pair]
    seg = segment_page(
        Page.from_text("\n\n".join(shredded) + "\n"), _HandModel(block_elsewhere=0.0)
    )
    (article,) = seg.articles
    assert [(b.first, b.last) for b in article.blocks] == [(n, n) for n in range(1, 12, 2)]
    (doubt,) = [d for b in article.blocks for d in b.doubts]
    assert doubt.lines == (1, 11) and "side by side" in doubt.reason


def test_a_few_blank_separated_lines_are_still_read_as_the_model_reads_them():
    lines = [
        "第一行正文内容写到这里还没",
        "有结束，这是第二行的正文内容",
        "第三行的正文内容在这里结束。",
    ]
    seg = segment_page(Page.from_text("\n\n".join(lines) + "\n"), _HandModel(block_elsewhere=0.0))
    (article,) = seg.articles
    assert [(b.first, b.last) for b in article.blocks] == [(1, 5)]
    assert not [d for b in article.blocks for d in b.doubts]


def test_every_line_where_a_paragraph_may_start_is_in_one_doubt_on_the_block():
    text = "　　" + "".join(f"第{n}行的正文内容写到这里，\n" for n in range(1, 7))
    seg = segment_page(
        Page.from_text(text), _HandModel(block={3: 0.3, 5: 0.4}, block_elsewhere=0.0)
    )
    (article,) = seg.articles
    (block,) = article.blocks
    (doubt,) = [d for d in block.doubts if d.about == "paragraph"]
    assert doubt.lines == (3, 5)
    assert doubt.confidence == pytest.approx(0.7 * 0.6, abs=1e-3)  # right only if neither opens


def test_without_indents_a_full_line_ending_a_sentence_leaves_the_next_line_in_doubt():
    # the model is sure each line goes on, but on a page without indents a full line
    # that ends a sentence ends its paragraph about a third of the time; where the next
    # line cannot open a sentence (it starts with a comma) the words say nothing
    lines = [
        "今天上午召开的会议上提出。",
        "，各地要结合实际推进落实。",
        "，有关部门将加强指导和监督",
    ]
    seg = segment_page(Page.from_text("\n".join(lines) + "\n"), _HandModel(block_elsewhere=0.0))
    (doubt,) = [d for b in seg.articles[0].blocks for d in b.doubts if d.about == "paragraph"]
    assert doubt.lines == (2, 3)
    assert doubt.confidence == pytest.approx(0.64 * 0.64, abs=1e-3)
    indented = ["　　" + line for line in lines]
    seg = segment_page(Page.from_text("\n".join(indented) + "\n"), _HandModel(block_elsewhere=0.0))
    assert not [d for b in seg.articles[0].blocks for d in b.doubts if d.about == "paragraph"]


def test_without_indents_the_words_opening_a_sentence_decide_a_coin_flip():
    # the model cannot tell (one in three) whether a paragraph ends at the column's
    # edge; `（二）` numbers a new paragraph, `但是` goes on from the sentence before
    lines = [
        "要求各地区各部门抓好落实。",
        "（一）加强组织领导和统筹。",
        "各地要结合实际推进落实。",
        "但是也要注意防止形式主义",
        "和官僚主义问题的出现。",
    ]
    model = _HandModel(block={2: 0.35, 3: 0.35, 4: 0.35}, block_elsewhere=0.0)
    seg = segment_page(Page.from_text("\n".join(lines) + "\n"), model)
    (article,) = seg.articles
    assert [(b.first, b.last) for b in article.blocks] == [(1, 1), (2, 5)]
    # the words are surer of these than the line model was: no doubt left
    assert not [d for b in article.blocks for d in b.doubts]


def test_on_an_indented_page_a_flush_line_under_another_is_no_paragraph_doubt():
    # the model gives the flush lines a one-in-five chance of opening a paragraph; on a
    # page that indents its paragraphs that never happens
    text = "".join(
        f"　　第{k}段的第一行写到这里，\n接着写第二行的内容，\n第三行到此结束。\n"
        for k in range(1, 4)
    )
    openings = {n: 0.2 for n in range(1, 10) if n % 3 != 1}
    seg = segment_page(Page.from_text(text), _HandModel(block=openings, block_elsewhere=0.0))
    assert not [d for b in seg.blocks() for d in b.doubts if d.about == "paragraph"]
    unindented = text.replace("　　", "")
    seg = segment_page(Page.from_text(unindented), _HandModel(block=openings, block_elsewhere=0.0))
    assert [d for b in seg.blocks() for d in b.doubts if d.about == "paragraph"]


def test_on_an_indented_page_a_flush_line_under_body_text_goes_on_even_if_the_model_opens():
    text = (
        "　　疫情发生以来，政府采取了坚决有力的措施。\n如今在武汉，建设医院的速度令人惊叹。\n"
        "　　第二段。\n　　第三段。\n"
    )
    seg = segment_page(Page.from_text(text), _HandModel(block={2: 0.8}))
    assert [(b.first, b.last) for b in seg.articles[0].blocks] == [(1, 2), (3, 3), (4, 4)]


def test_on_an_indented_page_an_indented_line_opens_a_paragraph_even_if_the_model_goes_on():
    text = "".join(f"　　第{k}段的第一行写到这里，\n接着写完第{k}段。\n" for k in range(1, 5))
    seg = segment_page(Page.from_text(text), _HandModel(block_elsewhere=0.0))
    assert [(b.first, b.last) for b in seg.articles[0].blocks] == [(1, 2), (3, 4), (5, 6), (7, 8)]
    assert not [d for b in seg.blocks() for d in b.doubts if d.about == "paragraph"]


def test_a_flush_section_head_above_an_indented_line_is_not_joined_to_the_paragraph():
    text = (
        "　　第一段的第一行写到这里，\n接着写完第一段。\n五、狠抓改革强警\n"
        "　　第二段的正文。\n　　第三段的正文。\n"
    )
    seg = segment_page(Page.from_text(text), _HandModel(block={2: 0.0, 3: 0.8}))
    assert [(b.first, b.last) for b in seg.articles[0].blocks] == [(1, 2), (3, 3), (4, 4), (5, 5)]
