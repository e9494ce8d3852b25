"""Issues laid out for the linking tests: front-page stories continued on inner pages.

`issue`: page 1 holds two stories going on to page 2 (`（下转第二版）`) and one going on
to page 5, which the corpus does not hold; page 2 holds their tails (`（上接第一版）`).
`continued_corpus`: several days of such issues, varied (tails in another order, titles
repeated, shortened or left out, a misprinted page number on either end), each with its
truth, for the acceptance measurement (tests/test_link_acceptance.py,
tests/bench/bench_links.py). Each article is written whole first, so a test can compare
an export with the original.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
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


# -- a corpus of several issues, for the acceptance measurement -------------------------
# Invented stories, each cut where a page turn would cut it: (title, head, tail, 接 title).
# Some are cut mid-word (`新增就` / `业`), some mid-sentence, some at a sentence's end.
STORIES = (
    ("西海岸新区外贸进出口创新高", TRADE_HEAD, TRADE_TAIL, "外贸进出口创新高"),
    ("前湾港集装箱航线再添新成员", PORT_HEAD, PORT_TAIL, "前湾港新航线开通"),
    (
        "灵山卫街道建成社区食堂十二处",
        "本报讯 灵山卫街道今年建成社区食堂十二处，老人在家门口就能吃上热饭。街道负责人介绍，"
        "食堂由社区统一管理，菜价比市场低两成，每天供应午餐和晚",
        "餐。灵山卫街道还将在年底前再建社区食堂六处，让更多老人受益。",
        "灵山卫社区食堂",
    ),
    (
        "琅琊台景区游客量同比翻番",
        "本报讯 春节假期，琅琊台景区接待游客八万人次，同比翻了一番。景区管理处负责人说，"
        "今年景区新开放了观海栈道和琅琊",
        "刻石展馆，游客在琅琊台可以看到秦代刻石的复制品。景区将延长开放时间。",
        "琅琊台游客翻番",
    ),
    (
        "隐珠街道老旧小区改造启动",
        "本报讯 隐珠街道老旧小区改造工程日前启动，涉及小区二十个、居民五千户。",
        "改造内容包括更换供水管道、加装电梯和修缮屋面。隐珠街道将在十月底前完工。",
        "隐珠老旧小区改造",
    ),
    (
        "大珠山杜鹃花节开幕",
        "本报讯 第十届大珠山杜鹃花节昨日开幕，花节将持续一个月。大珠山风景区今年新栽杜鹃",
        "花三万株，游客可以沿着新修的步道赏花。花节期间还将举办摄影比赛。",
        "大珠山杜鹃花节",
    ),
)
CHINESE_PAGES = "一二三四五六七八九十"


def _mark(page: int) -> str:
    return CHINESE_PAGES[page - 1]


@dataclass
class IssueTruth:
    """What a laid-out issue holds: the true links (head → tail, as `(page, article)`),
    the marks whose page is missing, and each continued article's whole text."""

    links: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    missing: set[tuple[str, str]] = field(default_factory=set)
    whole: dict[str, str] = field(default_factory=dict)  # title → text


def lay_out_issue(day: int) -> tuple[list[tuple], IssueTruth]:
    """The pages of day `day`'s issue as (built page, continuations, page number) and its
    truth. Page 1 holds three stories going on to page 2 or 3 (two on page 2: the same
    page named twice), one going on to page 5 (not in the corpus) and one whole story;
    the tails' order on their page, whether they repeat or shorten the title, and which
    page number is misprinted vary with the day."""
    rng = random.Random(day)
    stories = rng.sample(STORIES, 4)
    continued, missing_one = stories[:3], stories[3]
    targets = [2, 2, 3]
    truth = IssueTruth()
    front: list[tuple] = []
    conts_one: dict[str, tuple] = {}
    tails: dict[int, list[tuple]] = {2: [], 3: []}
    misprint = rng.choice(["head", "tail", "none"])
    for n, ((title, head, tail, short), page) in enumerate(zip(continued, targets, strict=True)):
        aid = f"A{n + 1}"
        typed_to = page
        typed_from = 1
        if page == 3 and misprint == "head":
            typed_to = 4  # 下转第四版, but it goes on on page 3 (page 4 holds nothing of it)
        if page == 3 and misprint == "tail":
            typed_from = 6  # 上接第六版, but it comes from page 1
        front += [(aid, "headline", title), (aid, "body", head + f"（下转第{_mark(typed_to)}版）")]
        front.append(("", "blank", ""))
        conts_one[aid] = (None, str(typed_to))
        tail_title = rng.choice([title, short, ""]) if short else ""
        tails[page].append((tail_title, tail, typed_from, aid))
        # a page turn at a sentence's end is taken for a paragraph break, as printed
        truth.whole[title] = head + ("\n" if head.endswith("。") else "") + tail
    title, head, _tail, _short = missing_one
    front += [("A4", "headline", title), ("A4", "body", head + "（下转第五版）"), ("", "blank", "")]
    conts_one["A4"] = (None, "5")
    truth.missing.add(("1", "A4"))
    front += [("A5", "headline", f"新区新建中小学{day + 3}所"), ("A5", "body", _school(day))]
    pages = [(build(front, source="01.txt"), conts_one, "1")]
    for page, found in tails.items():
        rng.shuffle(found)
        items: list[tuple] = []
        conts: dict[str, tuple] = {}
        letter = "BC"[page - 2]
        for n, (tail_title, tail, typed_from, head_id) in enumerate(found):
            aid = f"{letter}{n + 1}"
            if tail_title:
                items.append((aid, "headline", tail_title))
            items += [(aid, "body", f"（上接第{_mark(typed_from)}版）" + tail), ("", "blank", "")]
            conts[aid] = (str(typed_from), None)
            truth.links[("1", head_id)] = (str(page), aid)
        other = f"{letter}{len(found) + 1}"
        items += [
            (other, "headline", f"第{page}版的一则短讯{day}"),
            (other, "body", _school(day + page)),
        ]
        pages.append((build(items, source=f"0{page}.txt"), conts, str(page)))
    return pages, truth


def _school(n: int) -> str:
    return f"本报讯 新区今年新建中小学{n + 3}所，新增学位{n + 1}千个，满足适龄儿童入学需求。"


def continued_corpus(store: Store, days: int = 5, first: str = "2023-03-01") -> dict:
    """Store `days` issues laid out by `lay_out_issue`, one a day from `first`; returns
    each date's truth with page numbers turned into page ids: {date: (ids, truth)}."""
    start = datetime.date.fromisoformat(first)
    out = {}
    for day in range(days):
        date = (start + datetime.timedelta(days=day)).isoformat()
        pages, truth = lay_out_issue(day)
        ids = {page_no: add(store, built, conts, page_no, date) for built, conts, page_no in pages}
        out[date] = (ids, truth)
    return out
