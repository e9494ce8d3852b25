"""Authors and datelines as an export lists them."""

from __future__ import annotations

import pytest
from banmian.core.export.fields import authors, credit_names, dateline


@pytest.mark.parametrize(
    "byline, names",
    [
        ("□记者 李宛遥 报道", ["李宛遥"]),
        ("□记者 丁霞 通讯员 刘丽娜 报道", ["丁霞", "刘丽娜"]),
        ("□本报记者 王雪", ["王雪"]),
        ("本报记者 张三 李四", ["张三", "李四"]),
        ("记者张三、李四报道", ["张三", "李四"]),
        ("本报特约记者 欧阳修文 摄", ["欧阳修文"]),
        ("", []),
    ],
)
def test_names_in_bylines(byline, names):
    assert credit_names(byline) == names


@pytest.mark.parametrize(
    "paragraph, expected_dateline, names",
    [
        ("本报讯 2月2日，古镇口核心区召开大会。", "本报讯 2月2日", []),
        ("本报讯  记者从青岛开发区获悉，项目推进。", "本报讯", []),
        (
            "新华社北京1月1日电（记者 张三 李四）今天……",
            "新华社北京1月1日电（记者 张三 李四）",
            ["张三", "李四"],
        ),
        ("本报北京2月1日电 会议召开。", "本报北京2月1日电", []),
        ("2月2日22时，一架货机起飞。", "", []),
    ],
)
def test_datelines_and_their_names(paragraph, expected_dateline, names):
    assert dateline(paragraph) == expected_dateline
    assert authors([], [paragraph]) == names


def test_authors_join_byline_and_dateline_once_each():
    assert authors(["记者 张三"], ["新华社北京1月1日电（记者 张三 王五）"]) == ["张三", "王五"]
