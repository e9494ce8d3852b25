"""Every correction on small hand-built pages: structure, invariants, change records."""

from __future__ import annotations

import pytest
from banmian.core.edits import details as ae
from banmian.core.edits import structure as edits
from banmian.core.edits.structure import EditError
from banmian.core.page.model import Article, Block, Doubt, Page, Role, Segmentation, Tag
from banmian.core.page.reflow import block_text

LINES = [
    "标题一",  # 1
    "　　□记者 甲 报道",  # 2
    "　　第一篇第一段。",  # 3
    "　　第一篇第二段，",  # 4
    "",  # 5
    "接着写完。",  # 6
    "标题二",  # 7
    "　　第二篇的正文。",  # 8
    "第3版",  # 9
]
PAGE = Page.from_text("\n".join(LINES))


def _b(role: Role, first: int, last: int, doubts=()) -> Block:
    return Block(role, first, last, block_text(PAGE, role, first, last), tuple(doubts))


def _seg() -> Segmentation:
    doubt = Doubt("heading", 0.5, "could be A2's", (7, 7), ("A1", "A2"))
    return Segmentation(
        PAGE,
        (
            Article(
                "A1",
                (
                    _b(Role.HEADLINE, 1, 1),
                    _b(Role.BYLINE, 2, 2),
                    _b(Role.BODY, 3, 3),
                    _b(Role.BODY, 4, 6),
                ),
            ),
            Article(
                "A2",
                (_b(Role.HEADLINE, 7, 7, [doubt]), _b(Role.BODY, 8, 8)),
                suggestions=(Tag("正文", "topic", "auto"),),
            ),
        ),
        (_b(Role.NOISE, 9, 9),),
    ).check()


def _layout(seg: Segmentation) -> list[tuple[str, list[int]]]:
    return [(a.id, [b.first for b in a.blocks]) for a in seg.articles]


def test_split_takes_the_blocks_below_the_cut():
    result = edits.split_article(_seg(), 4)
    assert _layout(result.segmentation) == [("A1", [1, 2, 3]), ("A3", [4]), ("A2", [7, 8])]
    assert result.change.articles == ("A1", "A3") and result.change.action == "split_article"
    with pytest.raises(EditError, match="nothing to split"):
        edits.split_article(_seg(), 1)


def test_merge_with_next_and_previous():
    merged = edits.merge_with_next(_seg(), "A1").segmentation
    assert _layout(merged) == [("A1", [1, 7, 2, 3, 4, 8])]
    assert merged.article("A1").blocks[1].doubts == ()  # touched: doubt resolved
    assert _layout(edits.merge_with_previous(_seg(), "A2").segmentation) == _layout(merged)
    with pytest.raises(EditError, match="no previous"):
        edits.merge_with_previous(_seg(), "A1")


def test_move_blocks_to_an_article_and_to_none():
    moved = edits.move_blocks(_seg(), [7], "A1").segmentation
    assert _layout(moved) == [("A1", [1, 7, 2, 3, 4]), ("A2", [8])]
    loose = edits.move_blocks(_seg(), [8, 7], None).segmentation
    assert _layout(loose) == [("A1", [1, 2, 3, 4])]  # A2 emptied: gone
    assert [b.first for b in loose.unassigned] == [7, 8, 9]
    with pytest.raises(EditError, match="already in A1"):
        edits.move_blocks(_seg(), [3], "A1")


def test_move_blocks_to_an_article_by_its_number_in_reading_order():
    seg = edits.move_article_down(_seg(), "A1").segmentation  # reading order: A2, A1
    moved = edits.move_blocks_to_number(seg, [9, 3], 1)
    assert _layout(moved.segmentation) == [("A2", [7, 3, 8, 9]), ("A1", [1, 2, 4])]
    assert moved.change.detail == {"blocks": [3, 9], "to": "A2"}
    with pytest.raises(EditError, match="no article 3"):
        edits.move_blocks_to_number(seg, [3], 3)
    with pytest.raises(EditError, match="already in A1"):
        edits.move_blocks_to_number(seg, [3], 2)


def test_join_with_previous_is_join_from_below():
    below = edits.join_with_previous(_seg(), 4)
    assert below.segmentation == edits.join_paragraphs(_seg(), 3).segmentation
    assert below.change.detail == {"block": 3, "with": 4}
    with pytest.raises(EditError, match="no body block before line 3"):
        edits.join_with_previous(_seg(), 3)


def test_set_role_retexts_the_block():
    result = edits.set_role(_seg(), [4], Role.HEADLINE)
    block = result.segmentation.block(4)
    assert block.role is Role.HEADLINE and block.text == "第一篇第二段，接着写完。"
    assert result.change.detail["was"] == ["body"]


def test_join_and_split_paragraphs_are_inverse():
    joined = edits.join_paragraphs(_seg(), 3).segmentation
    assert (
        joined.block(3).lines == (3, 6)
        and joined.block(3).text == "第一篇第一段。第一篇第二段，接着写完。"
    )
    split = edits.split_paragraph(joined, 3, 4).segmentation
    assert split == _seg().__class__(split.page, split.articles, split.unassigned)
    assert _layout(split) == _layout(_seg())
    with pytest.raises(EditError, match="blank"):
        edits.split_paragraph(_seg(), 4, 5)
    with pytest.raises(EditError, match="not inside"):
        edits.split_paragraph(_seg(), 4, 4)


def test_new_article_sits_in_reading_order_and_dissolve_unassigns():
    new = edits.new_article(_seg(), [4]).segmentation
    assert _layout(new) == [("A1", [1, 2, 3]), ("A3", [4]), ("A2", [7, 8])]
    gone = edits.dissolve_article(_seg(), "A2").segmentation
    assert [a.id for a in gone.articles] == ["A1"] and [b.first for b in gone.unassigned] == [
        7,
        8,
        9,
    ]


def test_reorder_articles():
    moved = edits.move_article_down(_seg(), "A1").segmentation
    assert [a.id for a in moved.articles] == ["A2", "A1"]
    with pytest.raises(EditError, match="already the last"):
        edits.move_article_down(_seg(), "A2")


def test_resolve_doubt_removes_only_it():
    result = edits.resolve_doubt(_seg(), "A2", 7, "heading")
    assert result.segmentation.doubts() == []
    assert _layout(result.segmentation) == _layout(_seg())


def test_details_and_tags():
    seg = ae.set_article_details(
        _seg(), "A2", title_override=" 新题 ", continued_to="4"
    ).segmentation
    assert seg.article("A2").title == "新题" and seg.article("A2").continued_to == "4"
    with pytest.raises(EditError, match="nothing changed"):
        ae.set_article_details(seg, "A2", continued_to="4")
    seg = ae.accept_suggestion(seg, "A2", "正文").segmentation
    assert (
        seg.article("A2").tags == (Tag("正文", "topic", "auto"),)
        and seg.article("A2").suggestions == ()
    )
    seg = ae.add_tag(seg, "A2", Tag("经济", "section")).segmentation
    with pytest.raises(EditError, match="already tagged"):
        ae.add_tag(seg, "A2", Tag("经济"))
    seg = ae.remove_tag(seg, "A2", "正文").segmentation
    assert [t.name for t in seg.article("A2").tags] == ["经济"]


def test_composed_edits_repair_a_wrong_segmentation():
    wrong = edits.merge_with_next(_seg(), "A1").segmentation  # the pipeline missed a boundary
    fixed = edits.split_article(wrong, 7).segmentation  # line order: heading 7 goes below
    fixed = edits.move_blocks(fixed, [9], fixed.articles[1].id).segmentation
    fixed = edits.move_blocks(fixed, [9], None).segmentation
    assert [[b.first for b in a.blocks] for a in fixed.articles] == [[1, 2, 3, 4], [7, 8]]
    assert [b.first for b in fixed.unassigned] == [9]


def test_each_kind_of_doubt_alternative_becomes_its_edit():
    from banmian.core.edits.doubts import take_alternative

    page = Page.from_text(
        "本报讯 第一篇的正文写到这里，\n\n接着写的一句话。\n标题二\n本报讯 第二篇。\n"
    )

    def block(role: Role, first: int, last: int) -> Block:
        return Block(role, first, last, block_text(page, role, first, last))

    seg = Segmentation(
        page,
        (
            Article("A1", (block(Role.BODY, 1, 3),)),
            Article("A2", (block(Role.HEADLINE, 4, 4), block(Role.BODY, 5, 5))),
        ),
    ).check()
    body = seg.articles[0].blocks[-1]
    column = Doubt("paragraph", 0.6, "…", (3, 3), ("column break", "paragraph break"))
    split = take_alternative(seg, column, seg.articles[0].id, body.first, 1).segmentation
    assert split.block_at_line(3).first == 3  # the paragraph now starts on line 3
    boundary = Doubt("boundary", 0.7, "…", None, ("new article", "same article"))
    merged = take_alternative(seg, boundary, seg.articles[-1].id, None, 1).segmentation
    assert len(merged.articles) == len(seg.articles) - 1
    with pytest.raises(EditError):
        take_alternative(seg, boundary, seg.articles[-1].id, None, 5)


def test_alternatives_without_a_place_say_how_to_make_them_instead_of_merging():
    from banmian.core.edits.doubts import take_alternative

    page = Page.from_text("本报讯 第一篇。\n本报讯 第二篇。\n")
    run = Doubt("boundary", 0.22, "…", (1, 2), ("as they are", "other articles"))
    text = block_text(page, Role.BODY, 1, 2)
    seg = Segmentation(page, (Article("A1", (Block(Role.BODY, 1, 2, text, (run,)),)),)).check()
    two = Doubt("boundary", 0.37, "…", (1, 2), ("one article", "two articles"))
    with pytest.raises(EditError, match="split"):
        take_alternative(seg, two, "A1", None, 1)
    with pytest.raises(EditError, match="move"):
        take_alternative(seg, run, "A1", 1, 1)
    assert take_alternative(seg, run, "A1", 1, 0).segmentation.blocks()[0].doubts == ()


def test_a_caption_doubt_moves_the_caption_to_the_article_it_names():
    from banmian.core.edits.doubts import take_alternative

    page = Page.from_text("本报讯 第一篇。\n图为现场。\n本报讯 第二篇。\n")
    doubt = Doubt("caption", 0.47, "…", (2, 2), ("A1", "A2"))
    caption = Block(Role.CAPTION, 2, 2, block_text(page, Role.CAPTION, 2, 2), (doubt,))
    seg = Segmentation(
        page,
        (
            Article("A1", (Block(Role.BODY, 1, 1, block_text(page, Role.BODY, 1, 1)), caption)),
            Article("A2", (Block(Role.BODY, 3, 3, block_text(page, Role.BODY, 3, 3)),)),
        ),
    ).check()
    moved = take_alternative(seg, doubt, "A1", 2, 1).segmentation
    assert moved.article_of(2).id == "A2"
    kept = take_alternative(seg, doubt, "A1", 2, 0).segmentation
    assert kept.article_of(2).id == "A1" and kept.block_at_line(2).doubts == ()


def test_accepting_one_doubt_keeps_the_other_of_its_kind():
    from banmian.core.edits.doubts import take_alternative

    page = Page.from_text("本报讯 第一篇。\n本报讯 第二篇。\n")
    run = Doubt("boundary", 0.22, "side by side", (1, 2), ("as they are", "other articles"))
    start = Doubt("boundary", 0.7, "new article?", (1, 2), ("same article", "new article"))
    text = block_text(page, Role.BODY, 1, 2)
    seg = Segmentation(
        page, (Article("A1", (Block(Role.BODY, 1, 2, text, (run, start)),)),)
    ).check()
    accepted = take_alternative(seg, run, "A1", 1, 0).segmentation
    assert accepted.block_at_line(1).doubts == (start,)
