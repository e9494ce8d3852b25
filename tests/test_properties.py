"""Property tests: random correction sequences over core.edits and random pages through
the pipeline, every invariant checked after every step.

Examples are derandomized (the same on every run and machine, so CI is stable) and
unbounded in time per example (`deadline=None`: a slow shared machine is not a bug).
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from banmian.core.corpus.rows import cover_every_line, new_page
from banmian.core.corpus.store import Store
from banmian.core.edits import details, structure
from banmian.core.edits.doubts import take_alternative
from banmian.core.edits.structure import Edit, EditError
from banmian.core.page.meta import PageMeta
from banmian.core.page.model import (
    READING_RANK,
    Page,
    Role,
    Segmentation,
    Tag,
    segmentation_from_json,
)
from banmian.core.segmentation.segmenter import segment_page
from banmian.core.words.tagging import with_suggestions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EDIT_SEQUENCES = 1000
PAGES = 1000
COMMON = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ROLES = list(Role)


# -- invariants ----------------------------------------------------------------------------
def assert_sound(seg: Segmentation) -> None:
    """Everything the window, the store and the export rely on."""
    seg.check()
    owners = Counter()
    for block in seg.blocks():
        assert 1 <= block.first <= block.last <= len(seg.page.lines)
        for n in range(block.first, block.last + 1):
            if not seg.page.is_blank(n):
                owners[n] += 1
    content = set(seg.page.content_lines())
    assert set(owners) == content, "every line with text is in a block"
    assert all(count == 1 for count in owners.values()), "no line is in two blocks"
    ids = [a.id for a in seg.articles]
    assert len(ids) == len(set(ids))
    for article in seg.articles:
        assert article.blocks, "no empty article"
        names = [t.name for t in article.tags]
        assert len(names) == len(set(names)), "no tag twice"
        assert not {t.name for t in article.suggestions} & set(names), "tag or suggestion"
        assert list(article.blocks) == sorted(
            article.blocks, key=lambda b: (READING_RANK[b.role], b.first)
        )
    # the JSON contract round-trips
    data = json.loads(json.dumps(seg.to_json(), ensure_ascii=False))
    again = segmentation_from_json(seg.page, data, retext=False)
    assert again.to_json() == seg.to_json()


# -- random edit sequences ------------------------------------------------------------------
@pytest.fixture(scope="module")
def start_pages(sample_page) -> list[Segmentation]:
    small = Page.from_text(
        "区财政局———\n强化“四个聚焦”\n\n□记者 王雪\n　　本报讯 今年以来，区财政局\n"
        "加强预算管理。\n　　下一步将继续\n推进改革。\n\n图为会场。\n\n第二篇\n"
        "　　本报讯 港口吞吐量创新高。\n（下转第二版）\n",
        "small.txt",
    )
    starts = [with_suggestions(segment_page(sample_page)), with_suggestions(segment_page(small))]
    for seg in starts:
        assert_sound(seg)
    return starts


def _keys(seg: Segmentation) -> list[int]:
    return [b.first for b in seg.blocks()]


def _article_ids(seg: Segmentation) -> list[str]:
    return [a.id for a in seg.articles]


def random_edit(seg: Segmentation, draw) -> Edit:
    """One correction an annotator could ask for, possibly an impossible one."""
    keys, ids = _keys(seg), _article_ids(seg)
    key = draw(st.sampled_from(keys))
    article = draw(st.sampled_from(ids)) if ids else None
    kind = draw(
        st.sampled_from(
            [
                "split",
                "merge_next",
                "merge_previous",
                "new_article",
                "dissolve",
                "move_up",
                "move_down",
                "move_blocks",
                "take_out",
                "role",
                "join",
                "split_paragraph",
                "details",
                "add_tag",
                "remove_tag",
                "accept",
                "reject",
                "doubt",
            ]
        )
    )
    if kind == "split":
        return structure.split_article(seg, key)
    if kind == "merge_next":
        return structure.merge_with_next(seg, article or "A1")
    if kind == "merge_previous":
        return structure.merge_with_previous(seg, article or "A1")
    if kind == "new_article":
        chosen = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=4, unique=True))
        return structure.new_article(seg, chosen)
    if kind == "dissolve":
        return structure.dissolve_article(seg, article or "A1")
    if kind == "move_up":
        return structure.move_article_up(seg, article or "A1")
    if kind == "move_down":
        return structure.move_article_down(seg, article or "A1")
    if kind == "move_blocks":
        chosen = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True))
        return structure.move_blocks(seg, chosen, article)
    if kind == "take_out":
        return structure.move_blocks(seg, [key], None)
    if kind == "role":
        return structure.set_role(seg, [key], draw(st.sampled_from(ROLES)))
    if kind == "join":
        return structure.join_paragraphs(seg, key)
    if kind == "split_paragraph":
        block = seg.block(key)
        return structure.split_paragraph(seg, key, draw(st.integers(block.first, block.last + 1)))
    if kind == "details":
        return details.set_article_details(
            seg,
            article or "A1",
            title_override=draw(st.sampled_from(["", "新标题", "𠀀名\u202e", None])),
            notes=draw(st.text(max_size=12)),
        )
    tag_name = draw(st.sampled_from(["经济", "港口", "青岛", " ", "𠀀"]))
    if kind == "add_tag":
        return details.add_tag(seg, article or "A1", Tag(tag_name))
    if kind == "remove_tag":
        return details.remove_tag(seg, article or "A1", tag_name)
    owner = seg.article(article) if article else None
    suggested = [t.name for t in owner.suggestions] if owner else []
    name = draw(st.sampled_from(suggested)) if suggested else tag_name
    if kind == "accept":
        return details.accept_suggestion(seg, article or "A1", name)
    if kind == "reject":
        return details.reject_suggestion(seg, article or "A1", name)
    doubts = seg.doubts()
    if not doubts:
        raise EditError("no doubts")
    doubt, doubt_article, block_key = draw(st.sampled_from(doubts))
    index = draw(st.integers(0, max(len(doubt.alternatives), 1)))
    return take_alternative(seg, doubt, doubt_article, block_key, index)


def _change_names_what_it_touched(before: Segmentation, edit: Edit) -> None:
    after = edit.segmentation
    known_ids = set(_article_ids(before)) | set(_article_ids(after))
    known_keys = set(_keys(before)) | set(_keys(after))
    assert set(edit.change.articles) <= known_ids, edit.change
    assert set(edit.change.blocks) <= known_keys, edit.change
    assert edit.change.action and edit.change.description
    json.dumps(edit.change.detail)  # the edit log stores it as JSON


@settings(COMMON, max_examples=EDIT_SEQUENCES)
@given(data=st.data(), start=st.integers(0, 1), steps=st.integers(1, 10))
def test_random_edit_sequences_keep_every_invariant(start_pages, data, start, steps):
    seg = start_pages[start]
    history = [seg]
    for _ in range(steps):
        snapshot = seg.to_json()
        try:
            edit = random_edit(seg, data.draw)
        except EditError:
            assert seg.to_json() == snapshot  # a refused edit changes nothing
            continue
        assert seg.to_json() == snapshot  # edits are pure: the value undo keeps is intact
        assert_sound(edit.segmentation)
        _change_names_what_it_touched(seg, edit)
        seg = edit.segmentation
        history.append(seg)
    # undo all the way back: the kept values are the ones each step started from
    assert history[0] is start_pages[start]
    assert history[0].to_json() == start_pages[start].to_json()


STORE_SEQUENCES = 150


@settings(COMMON, max_examples=STORE_SEQUENCES)
@given(data=st.data(), steps=st.integers(1, 6))
def test_saved_corrections_load_back_and_undo_restores(tmp_path_factory, start_pages, data, steps):
    """Each step saved as the window saves it (redo), then undone step by step (the
    earlier value saved again): every load equals what was saved."""
    store = _store(tmp_path_factory, start_pages[1])
    seg = start_pages[1]
    store.save(1, seg, "reset")
    assert store.load(1) == seg
    history = [seg]
    for _ in range(steps):
        try:
            edit = random_edit(seg, data.draw)
        except EditError:
            continue
        store.save(1, edit.segmentation, edit.change.action, edit.change.detail)
        assert store.load(1) == edit.segmentation
        seg = edit.segmentation
        history.append(seg)
    for earlier in reversed(history[:-1]):
        store.save(1, earlier, "undo")
        assert store.load(1) == earlier
    store.close()


_STORES: dict = {}


def _store(tmp_path_factory, seg: Segmentation) -> Store:
    if "path" not in _STORES:
        _STORES["path"] = tmp_path_factory.mktemp("props") / "c.db"
        store = Store(_STORES["path"])
        store.add_page(seg.page, segmentation=seg)
        store.close()
    return Store(_STORES["path"])


# -- random pages through the pipeline ------------------------------------------------------
HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
body_line = st.builds(
    lambda indent, text: ("\u3000\u3000" if indent else "") + text,
    st.booleans(),
    st.text(HANZI, min_size=1, max_size=16),
)
special_line = st.sampled_from(
    [
        "",
        "",
        " ",
        "\u3000\u3000",
        "□记者 李宛遥 报道",
        "□记者 丁霞",
        "通讯员 刘丽娜 报道",
        "□本报记者 王雪",
        "　　本报讯 2月2日，古镇口核心区",
        "区财政局———",
        "强化“四个聚焦”",
        "（上接第一版）",
        "（下转第二版）",
        "新华社北京1月1日电（记者 张三）",
        "2023年2月3日 星期五",
        "责任编辑：王五",
        "图为会场。",
        "2022",
        "年度总结-",
        "ABC def 123",
        "𠀀𠀁𠀂字",
        "\t\t制表",
        "\u202e反向\u200b零宽",
        "。。。",
        "———",
        "1",
    ]
)
any_line = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\n\r"), max_size=20
)
page_text = st.lists(
    st.one_of(body_line, body_line, special_line, any_line), min_size=0, max_size=60
).map("\n".join)
line_ends = st.sampled_from(["\n", "\r\n", "\r"])


def _random_page(text: str, end: str, trailing: bool) -> Page:
    raw = text.replace("\n", end) + (end if trailing else "")
    page = Page.from_text(raw, "random.txt")
    assert len(page.lines) == raw.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    return page


@settings(COMMON, max_examples=PAGES)
@given(text=page_text, end=line_ends, trailing=st.booleans())
def test_random_pages_reach_the_store_sound(text, end, trailing):
    """What import stores for any page (segmented, tagged, every line in a block)."""
    page = _random_page(text, end, trailing)
    seg = cover_every_line(with_suggestions(segment_page(page)))
    assert seg.page == page
    assert_sound(seg)
    rows = new_page(page, PageMeta("random.txt"), seg).rows
    assert len(rows.articles) == len(seg.articles)
    for doubt, _article, _block in seg.doubts():
        assert 0.0 <= doubt.confidence <= 1.0


@settings(COMMON, max_examples=PAGES)
@given(text=page_text, end=line_ends, trailing=st.booleans())
def test_random_pages_segment_soundly(text, end, trailing):
    page = _random_page(text, end, trailing)
    seg = segment_page(page)
    assert seg.page == page
    assert_sound(seg)


# -- the cases that were found --------------------------------------------------------------
def test_join_over_a_block_of_another_role_is_refused_not_a_crash():
    page = Page.from_text("　　第一段文字\n图为会场。\n　　第二段文字\n")
    seg = Segmentation(
        page,
        (
            structure.Article(
                "A1",
                (
                    structure.Block(Role.BODY, 1, 1, "第一段文字"),
                    structure.Block(Role.CAPTION, 2, 2, "图为会场。"),
                    structure.Block(Role.BODY, 3, 3, "第二段文字"),
                ),
            ),
        ),
    ).check()
    with pytest.raises(EditError, match="lies between"):
        structure.join_paragraphs(seg, 1)


def test_merge_then_accepting_a_suggestion_never_tags_twice():
    page = Page.from_text("　　第一篇\n　　第二篇\n")
    first = structure.Article(
        "A1",
        (structure.Block(Role.BODY, 1, 1, "第一篇"),),
        suggestions=(Tag("港口", "topic", "auto"),),
    )
    second = structure.Article(
        "A2", (structure.Block(Role.BODY, 2, 2, "第二篇"),), tags=(Tag("港口"),)
    )
    merged = structure.merge_articles(Segmentation(page, (first, second)), "A1", "A2").segmentation
    assert_sound(merged)
    article = merged.article("A1")
    assert [t.name for t in article.tags] == ["港口"] and not article.suggestions
    with pytest.raises(EditError):
        details.accept_suggestion(merged, "A1", "港口")
    # and a suggestion already given as a tag is dropped, not added again
    one = Page.from_text("　　第一篇\n")
    both = Segmentation(
        one,
        (
            structure.Article(
                "A1", first.blocks, tags=(Tag("港口"),), suggestions=first.suggestions
            ),
        ),
    )
    accepted = details.accept_suggestion(both, "A1", "港口").segmentation
    assert [t.name for t in accepted.article("A1").tags] == ["港口"]


def test_lines_the_pipeline_left_in_no_block_are_stored_in_blocks():
    page = Page.from_text("　　正文\n孤立的一行\n")
    seg = Segmentation(
        page, (structure.Article("A1", (structure.Block(Role.BODY, 1, 1, "正文"),)),)
    )
    covered = cover_every_line(seg)
    assert_sound(covered)
    (block,) = covered.unassigned
    assert (block.first, block.last) == (2, 2) and block.doubts
