"""An issue laid out for the linking tests: front-page stories continued on page 2.

Page 1 holds two stories going on to page 2 (`（下转第二版）`) and one going on to page 5,
which the corpus does not hold; page 2 holds their tails (`（上接第一版）`). Each article
is written whole first (`WHOLE`), so a test can compare an export with the original.
"""

from __future__ import annotations

from pathlib import Path

from banmian.core.corpus.store import Store
from banmian.core.page.meta import PageMeta
from banmian.core.page.model import Page, segmentation_from_json

from tests.page_builder import build

TRADE_HEAD = (
    "本报讯 2月2日，记者从区商务局获悉，2022年西海岸新区外贸进出口总额达到2100亿元，"
    "同比增长百分之十五。区商务局负责人介绍，新区今年将继续推进跨境电商综合试验区建设，新增就"
)
TRADE_TAIL = "业2000人，跨境电商企业达到300家。区商务局表示，新区外贸将扩大对外开放。"
PORT_HEAD = (
    "本报讯 近日，前湾港新开通一条至东南亚的集装箱航线，每周一班。港口集团负责人说，该航线的开"
)
PORT_TAIL = "通，将提高前湾港在东南亚市场的竞争力，港口集团还将开通更多集装箱航线。"
FARM_HEAD = "本报讯 今年春耕，藏马镇推广新型农机二百台，农民种粮的积极性很高，"
FARM_TAIL = "镇农业站的技术人员还深入田间地头，指导农民科学种田。"
SCHOOL = "本报讯 新区今年新建中小学十所，新增学位一万二千个，满足适龄儿童入学需求。"
DATE = "2023-02-03"
NEWSPAPER = "西海岸新闻"

WHOLE = {
    "trade": [TRADE_HEAD + TRADE_TAIL],
    "port": [PORT_HEAD + PORT_TAIL],
}


def page_one(to_trade: str = "二", to_port: str = "二") -> tuple:
    items = [
        ("A1", "headline", "西海岸新区外贸进出口创新高"),
        ("A1", "body", TRADE_HEAD + f"（下转第{to_trade}版）"),
        ("", "blank", ""),
        ("A2", "headline", "前湾港集装箱航线再添新成员"),
        ("A2", "body", PORT_HEAD + f"（下转第{to_port}版）"),
        ("", "blank", ""),
        ("A3", "headline", "藏马镇春耕忙"),
        ("A3", "body", FARM_HEAD + "（下转第五版）"),
        ("", "blank", ""),
        ("A4", "headline", "新区新建中小学十所"),
        ("A4", "body", SCHOOL),
    ]
    built = build(items, source="01.txt")
    conts = {"A1": (None, "2"), "A2": (None, "2"), "A3": (None, "5")}
    return built, conts


def page_two(swap: bool = False) -> tuple:
    first, second = ("B1", "B2") if not swap else ("B2", "B1")
    items = [
        (first, "headline", "西海岸新区外贸进出口创新高"),
        (first, "body", "（上接第一版）" + TRADE_TAIL),
        ("", "blank", ""),
        (second, "headline", "前湾港新航线开通"),
        (second, "body", "（上接第一版）" + PORT_TAIL),
    ]
    built = build(items, source="02.txt")
    conts = {first: ("1", None), second: ("1", None)}
    return built, conts


def add(store: Store, built, conts: dict, page_no: str, date: str = DATE) -> int:
    """Store a built page with its exact segmentation (the segmenter is not under test)."""
    for article in built.gold["articles"]:
        article["continued_from"], article["continued_to"] = conts.get(article["id"], (None, None))
    page = Page.from_text(built.text, built.gold["source"])
    seg = segmentation_from_json(page, built.gold)
    meta = PageMeta(f"{date}_{page_no}.txt", NEWSPAPER, date, page_no)
    return store.add_page(page, meta, seg).page_id


def issue(store: Store, date: str = DATE, **page_one_args) -> tuple[int, int]:
    one = add(store, *page_one(**page_one_args), "1", date)
    two = add(store, *page_two(), "2", date)
    return one, two


def write_files(folder: Path, date: str = DATE) -> list[Path]:
    """The issue as page files named as import reads them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (built, _conts) in ((1, page_one()), (2, page_two())):
        path = folder / f"{NEWSPAPER}_{date}_第{n}版.txt"
        path.write_text(built.text, "utf-8")
        paths.append(path)
    return paths
