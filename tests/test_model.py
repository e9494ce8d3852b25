"""The model's invariants and its JSON round trip."""

from __future__ import annotations

import pytest
from banmian.core.page.model import (
    Article,
    Block,
    ModelError,
    Page,
    Role,
    Segmentation,
    segmentation_from_json,
)


def _page() -> Page:
    return Page.from_text("　　第一段\r\n第一段续\n\n　　第二段\n标题\n")


def test_crlf_is_removed_without_shifting_lines():
    page = _page()
    assert page.line(1) == "　　第一段"
    assert page.line(4) == "　　第二段"
    assert len(page) == 6


def test_check_accepts_a_full_cover_and_round_trips():
    page = _page()
    seg = Segmentation(
        page,
        (
            Article(
                "A1", (Block(Role.HEADLINE, 5, 5, "标题"), Block(Role.BODY, 1, 2, "第一段第一段续"))
            ),
            Article("A2", (Block(Role.BODY, 4, 4, "第二段"),)),
        ),
    ).check()
    assert [b.role for b in seg.articles[0].blocks] == [Role.HEADLINE, Role.BODY]
    assert seg.articles[0].title == "标题"
    again = segmentation_from_json(page, seg.to_json()).check()
    assert again == seg


def test_check_rejects_uncovered_and_shared_lines():
    page = _page()
    with pytest.raises(ModelError, match="line 5 is in no block"):
        Segmentation(page, (Article("A1", (Block(Role.BODY, 1, 4, "x"),)),)).check()
    with pytest.raises(ModelError, match="line 2 is in the blocks"):
        Segmentation(
            page,
            (Article("A1", (Block(Role.BODY, 1, 2, "x"), Block(Role.BODY, 2, 5, "y"))),),
        ).check()
