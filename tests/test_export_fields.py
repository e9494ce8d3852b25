"""Datelines, authors and bylines as an export writes them (core.export.fields): the
cases an export checked against gold got wrong."""

from __future__ import annotations

import pytest
from banmian.core.export.fields import authors, byline, credit_names, dateline


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        # the body's own date after an agency's dateline is not part of it
        (
            "新华社昆明2月26日电 （记者赵超）2月24日，会议在昆明召开。",
            "新华社昆明2月26日电 （记者赵超）",
        ),
        ("本报北京2月1日电 2月1日，会议召开。", "本报北京2月1日电"),
        (
            "本报南宁2月5日电（记者甲乙、丙丁）记者从农业厅获悉。",
            "本报南宁2月5日电（记者甲乙、丙丁）",
        ),
        (
            "据新华社电 （记者李铮、张逸飞）2013年以来，每到清明节。",
            "据新华社电 （记者李铮、张逸飞）",
        ),
        # … but a dateless 本报讯 is dated by what follows it
        ("本报讯 2月2日，古镇口核心区召开大会。", "本报讯 2月2日"),
        ("本报讯（记者 王雪）2月2日，大会召开。", "本报讯（记者 王雪）2月2日"),
        ("本报讯  记者从青岛开发区获悉，项目推进。", "本报讯"),
        ("2月2日22时，一架货机起飞。", ""),
        ("合作社电商销售额增长。", ""),
        ("", ""),
    ],
)
def test_dateline_stops_at_the_dateline(paragraph, expected):
    assert dateline(paragraph) == expected


@pytest.mark.parametrize(
    "bylines, paragraphs, names",
    [
        (["（本报记者李晓宏、殷淼、杨俊）"], [], ["李晓宏", "殷淼", "杨俊"]),
        (["记者郑琪、殷新宇"], [], ["郑琪", "殷新宇"]),
        (["本报记者  李晓宏  殷  淼  杨  俊"], [], ["李晓宏", "殷淼", "杨俊"]),  # padded names
        (["□记者 丁霞 通讯员 刘丽娜 报道"], [], ["丁霞", "刘丽娜"]),
        (["本报特约记者 欧阳修文 摄"], [], ["欧阳修文"]),
        (["张三 李四 报道"], [], ["张三", "李四"]),
        ([], ["新华社北京3月1日电（记者郑琪、殷新宇）3月1日，会议召开。"], ["郑琪", "殷新宇"]),
        # credits printed as a paragraph of their own, usually the last
        ([], ["正文。", "（本报记者甲一、乙二、丙三）"], ["甲一", "乙二", "丙三"]),
        ([], ["正文。", "（综合本报记者甲一、乙二及新华社报道）"], ["甲一", "乙二"]),
        ([], ["正文。", "（本报记者甲一、乙 二，健康时报记者丙三）"], ["甲一", "乙二", "丙三"]),
        ([], ["正文。", "（新华社记者甲一、乙二，解放军报记者丙三）"], ["甲一", "乙二", "丙三"]),
        ([], ["正文。", "（本报北京、开罗2月24日电 记者甲一、乙二）"], ["甲一", "乙二"]),
        ([], ["正文。", "（作者为某院院长，本报记者甲一、乙二采访整理）"], ["甲一", "乙二"]),
        ([], ["正文。", "（本报记者甲一、乙二编译）"], ["甲一", "乙二"]),
        # parentheses inside a paragraph of text are no credit
        ([], ["正文（本报记者 王五）写在句中。"], []),
        # one name credited twice is listed once
        (["记者 张三"], ["新华社北京1月1日电（记者 张三 王五）今天"], ["张三", "王五"]),
    ],
)
def test_authors_from_every_credit(bylines, paragraphs, names):
    assert authors(bylines, paragraphs) == names


def test_affiliations_and_places_are_not_names():
    assert credit_names("新华社北京5月25日电 新华社记者甲一，解放军报记者乙二") == ["甲一", "乙二"]
    assert credit_names("参与记者：") == []


def test_byline_printed_twice_written_once():
    assert (
        byline(["本报记者 王雪", " 本报记者 王雪 ", "", "通讯员 李四"])
        == "本报记者 王雪 通讯员 李四"
    )
