"""Issues laid out for the linking tests: front-page stories continued on inner pages.

`issue`: page 1 holds two stories going on to page 2 (`（下转第二版）`) and one going on
to page 5, which the corpus does not hold; page 2 holds their tails (`（上接第一版）`).
`continued_corpus`: several days of issues laid out at random from a seed, each with its
truth, for the acceptance measurement (tests/test_link_acceptance.py,
tests/bench/bench_links.py): four to eight pages, two to four front-page stories going
on to inner pages (most to the issue's jump page, so tails share a page and their page
numbers), now and then an inner story going on further, each cut where chance puts the
page turn; tails repeating, shortening or leaving out the title; misprinted marks and
missing pages at rates of their own (`MISPRINT`, `MISSING_PAGE`), at least one of each
in every corpus. Each article is written whole first, so a test can compare an export
with the original.
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
# Invented stories: (title, 接 title, text; "\n" between paragraphs). Where a page turn
# cuts each is drawn anew for every issue, so a cut falls inside a word (`新增就` /
# `业`), between words, or at a sentence's end as chance has it, and whether the tail
# names the story's place or people again is the story's own affair.
STORIES = (
    (
        "西海岸新区外贸进出口创新高",
        "外贸进出口创新高",
        "本报讯 2月2日，记者从区商务局获悉，2022年西海岸新区外贸进出口总额达到2100亿元，"
        "同比增长百分之十五。\n区商务局负责人介绍，新区今年将继续推进跨境电商综合试验区建设，"
        "新增就业2000人，跨境电商企业达到300家。区商务局表示，新区外贸将扩大对外开放。",
    ),
    (
        "前湾港集装箱航线再添新成员",
        "前湾港新航线开通",
        "本报讯 近日，前湾港新开通一条至东南亚的集装箱航线，每周一班。\n港口集团负责人说，"
        "该航线的开通，将提高前湾港在东南亚市场的竞争力，港口集团还将开通更多集装箱航线，"
        "为外贸企业节省运输时间。",
    ),
    (
        "灵山卫街道建成社区食堂十二处",
        "灵山卫社区食堂",
        "本报讯 灵山卫街道今年建成社区食堂十二处，老人在家门口就能吃上热饭。\n街道负责人介绍，"
        "食堂由社区统一管理，菜价比市场低两成，每天供应午餐和晚餐。灵山卫街道还将在年底前"
        "再建社区食堂六处，让更多老人受益。",
    ),
    (
        "琅琊台景区游客量同比翻番",
        "琅琊台游客翻番",
        "本报讯 春节假期，琅琊台景区接待游客八万人次，同比翻了一番。\n景区管理处负责人说，"
        "今年景区新开放了观海栈道和琅琊刻石展馆，游客在琅琊台可以看到秦代刻石的复制品。"
        "景区将延长开放时间，并增开旅游专线公交。",
    ),
    (
        "隐珠街道老旧小区改造启动",
        "隐珠老旧小区改造",
        "本报讯 隐珠街道老旧小区改造工程日前启动，涉及小区二十个、居民五千户。\n"
        "改造内容包括更换供水管道、加装电梯和修缮屋面，施工期间各小区设立临时停车场。"
        "隐珠街道将在十月底前完工，并请居民代表全程监督工程质量。",
    ),
    (
        "大珠山杜鹃花节开幕",
        "大珠山杜鹃花节",
        "本报讯 第十届大珠山杜鹃花节昨日开幕，花节将持续一个月。\n大珠山风景区今年新栽杜鹃"
        "花三万株，游客可以沿着新修的步道赏花。花节期间还将举办摄影比赛和民俗表演，"
        "景区门票对六十岁以上老人免费。",
    ),
    (
        "藏马镇春耕生产全面展开",
        "藏马镇春耕忙",
        "本报讯 眼下正值春耕时节，藏马镇两万亩农田里一派忙碌景象。\n今年藏马镇推广新型"
        "农机二百台，农民种粮的积极性很高。镇农业站的技术人员深入田间地头，指导农民科学"
        "施肥、合理灌溉，确保粮食稳产增收。",
    ),
    (
        "新区首条地铁环线开始试运行",
        "地铁环线试运行",
        "本报讯 新区首条地铁环线昨日开始试运行，全长四十二公里，设站二十六座。\n"
        "地铁公司负责人介绍，试运行期间列车不载客，主要检验信号系统和车辆性能。"
        "环线正式开通后，从城区到开发区的时间将缩短到半小时以内。",
    ),
    (
        "海军公园改造提升工程完工",
        "海军公园焕新",
        "本报讯 历时八个月，海军公园改造提升工程日前完工。\n改造后的公园新增绿地三万平方米，"
        "修建了儿童游乐区和健身步道，原有的纪念广场也重新铺装。市民张建国说，公园变漂亮了，"
        "每天晚饭后都来这里散步。",
    ),
    (
        "唐岛湾滨海步道全线贯通",
        "唐岛湾步道贯通",
        "本报讯 唐岛湾滨海步道近日全线贯通，步道全长十八公里，串起沿岸五处公园。\n"
        "步道沿线设置了休息驿站和观景平台，夜间有照明。区城管局表示，今后将定期维护步道，"
        "并在周末组织志愿者清理海滩垃圾。",
    ),
    (
        "张家楼街道油画小镇迎来写生季",
        "油画小镇写生季",
        "本报讯 春暖花开，张家楼街道油画小镇迎来写生季，来自全国四十多所高校的师生在此写生。\n"
        "小镇现有画廊六十家、画师三百余人，去年油画销售额超过一亿元。街道负责人说，"
        "将建设油画艺术馆，打造北方油画产业基地。",
    ),
    (
        "新区医保报销实现一站式结算",
        "医保一站式结算",
        "本报讯 从本月起，新区参保居民在定点医院看病，医保报销实现一站式结算。\n"
        "区医保局负责人介绍，居民出院时只需支付个人承担部分，不用再往返跑腿报销。"
        "目前全区已有定点医院四十七家，明年将覆盖所有社区卫生服务中心。",
    ),
    (
        "六汪镇茶园喜获丰收",
        "六汪茶园丰收",
        "本报讯 清明前后，六汪镇三千亩茶园迎来采摘旺季，春茶产量比去年增加两成。\n"
        "茶农李秀英告诉记者，今年雨水充足，茶叶长势好，每斤春茶能卖到八百元。"
        "六汪镇还建起了茶叶加工厂，带动周边村民就近务工。",
    ),
    (
        "海青镇农村公路提档升级",
        "海青农村公路升级",
        "本报讯 海青镇今年投资五千万元，对辖区内六十公里农村公路进行提档升级。\n"
        "升级后的公路路面加宽到六米，两侧安装了护栏和路灯。村民王德福说，以前下雨天"
        "出门一身泥，现在开车二十分钟就能到镇上。",
    ),
    (
        "珠山街道开展防溺水安全教育",
        "珠山防溺水教育",
        "本报讯 暑假将至，珠山街道组织民警和教师走进辖区十二所中小学，开展防溺水安全教育。\n"
        "民警结合真实案例，讲解了野外游泳的危险和落水自救的方法。街道还在河道沿岸设置"
        "警示牌一百余块，安排巡查人员每天巡河。",
    ),
    (
        "新区高校毕业生就业服务月启动",
        "毕业生就业服务月",
        "本报讯 新区高校毕业生就业服务月昨日启动，三百多家企业提供就业岗位八千余个。\n"
        "区人社局负责人介绍，服务月期间将举办专场招聘会十场，并为毕业生提供职业指导和"
        "创业补贴申请服务。首场招聘会当天就有一千二百人达成就业意向。",
    ),
)
CHINESE_PAGES = "一二三四五六七八九十"
MISPRINT = 0.05  # of links: one of its two marks names a wrong page
MISSING_PAGE = 0.2  # of issues: one inner page is not in the corpus
_NO_CUT_AFTER = "\n：；“（"  # a column break does not fall right after these …
_NO_CUT_BEFORE = "\n，、。：；！？”）"  # … nor before these (no line starts with them)


def _mark(page: int) -> str:
    return CHINESE_PAGES[page - 1]


@dataclass
class IssueTruth:
    """What a laid-out issue holds: the true links (head → tail, as `(page, article)`,
    both pages in the corpus), the marks naming a page the corpus does not hold, the
    links with a misprinted mark, the pages holding two or more tails, and each linked
    article's whole text."""

    links: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    missing: set[tuple[str, str]] = field(default_factory=set)
    misprinted: set[tuple[str, str]] = field(default_factory=set)  # heads of such links
    shared_pages: set[str] = field(default_factory=set)
    whole: dict[str, str] = field(default_factory=dict)  # title → text


def _cut(text: str, rng: random.Random) -> tuple[str, str]:
    """Where the page turn cuts `text`: anywhere from a third to three quarters in."""
    places = [
        i
        for i in range(len(text) // 3, len(text) * 3 // 4)
        if text[i - 1] not in _NO_CUT_AFTER and text[i] not in _NO_CUT_BEFORE
    ]
    at = rng.choice(places)
    return text[:at], text[at:]


def lay_out_issue(
    day: int, seed: int = 0, misprint: bool | None = None, missing: bool | None = None
) -> tuple[list[tuple], IssueTruth]:
    """The pages of one issue as (built page, continuations, page number) and its truth.

    The issue has four to eight pages. Two to four front-page stories go on to inner
    pages, most of them to the issue's jump page (so two or more tails share a page,
    their page numbers alike); now and then an inner-page story goes on to a later page.
    A link's mark is misprinted (either end, naming another page) at the rate
    `MISPRINT`, and an inner page is missing from the corpus at the rate
    `MISSING_PAGE` (its heads and tails then name a page that is not there);
    `misprint` and `missing` force one or forbid any. Every page also holds a story
    of its own. Articles are in a random order on their page."""
    rng = random.Random(f"{seed}/{day}")
    n_pages = rng.randint(4, 8)
    jump = rng.randint(2, min(4, n_pages))
    spans = []  # (from page, to page)
    for _ in range(rng.choice((2, 3, 3, 4))):
        spans.append((1, jump if rng.random() < 0.7 else rng.randint(2, n_pages)))
    if rng.random() < 0.3:
        start = rng.randint(2, n_pages - 1)
        spans.append((start, rng.randint(start + 1, n_pages)))
    absent = rng.randint(2, n_pages) if rng.random() < MISSING_PAGE else None
    if missing is not None:  # forced: a page some story goes on to or comes from
        absent = rng.choice([p for span in spans for p in span if p != 1]) if missing else None
    stories = rng.sample(STORIES, len(spans))
    wrong = {i for i in range(len(spans)) if rng.random() < MISPRINT}
    if misprint is not None:
        wrong = {rng.randrange(len(spans))} if misprint else set()
    present = [p for p in range(1, n_pages + 1) if p != absent]
    on_page: dict[int, list[tuple]] = {p: [] for p in range(1, n_pages + 1)}
    truth = IssueTruth()
    for n, ((start, end), (title, short, text)) in enumerate(zip(spans, stories, strict=True)):
        head, tail = _cut(text, rng)
        typed_to, typed_from = end, start
        if n in wrong:
            other = rng.choice([p for p in range(1, max(n_pages, 6) + 1) if p not in (start, end)])
            if rng.random() < 0.5:
                typed_to = other
            else:
                typed_from = other
        tail_title = rng.choices((title, short, ""), weights=(3, 3, 4))[0]
        on_page[start].append(("head", n, title, head, typed_to))
        on_page[end].append(("tail", n, tail_title, tail, typed_from))
        if start in present and end in present:
            truth.whole[title] = head + ("\n" if head.endswith("。") else "") + tail
    ids: dict[tuple[str, int], str] = {}  # (head or tail, story) → article id
    pages = []
    for page in present:
        found = on_page[page]
        rng.shuffle(found)
        letter = "ABCDEFGH"[page - 1]
        items: list[tuple] = []
        conts: dict[str, tuple] = {}
        for k, (end, n, title, text, typed) in enumerate(found):
            aid = f"{letter}{k + 1}"
            ids[(end, n)] = aid
            paragraphs = text.split("\n")
            if title:
                items.append((aid, "headline", title))
            if end == "head":
                paragraphs[-1] += f"（下转第{_mark(typed)}版）"
                conts[aid] = (None, str(typed))
            else:
                paragraphs[0] = f"（上接第{_mark(typed)}版）" + paragraphs[0]
                conts[aid] = (str(typed), None)
            items += [(aid, "body", p) for p in paragraphs]
            items.append(("", "blank", ""))
            if typed not in present:
                truth.missing.add((str(page), aid))
        own = f"{letter}{len(found) + 1}"
        items += [
            (own, "headline", f"第{page}版的一则短讯{day}"),
            (own, "body", _school(day + page)),
        ]
        pages.append((build(items, source=f"{page:02d}.txt"), conts, str(page)))
    tails_on: dict[int, int] = {}
    for n, (start, end) in enumerate(spans):
        if start in present and end in present:
            truth.links[(str(start), ids[("head", n)])] = (str(end), ids[("tail", n)])
            tails_on[end] = tails_on.get(end, 0) + 1
            if n in wrong:
                truth.misprinted.add((str(start), ids[("head", n)]))
    truth.shared_pages = {str(p) for p, count in tails_on.items() if count > 1}
    return pages, truth


def _school(n: int) -> str:
    return f"本报讯 新区今年新建中小学{n + 3}所，新增学位{n + 1}千个，满足适龄儿童入学需求。"


def continued_corpus(store: Store, days: int = 5, first: str = "2023-03-01", seed: int = 0) -> dict:
    """Store `days` issues laid out by `lay_out_issue`, one a day from `first`; returns
    each date's truth with page numbers turned into page ids: {date: (ids, truth)}.
    However few the days, one issue has a misprinted mark and one a missing page."""
    start = datetime.date.fromisoformat(first)
    picker = random.Random(f"{seed}/forced")
    with_misprint, with_missing = picker.randrange(days), picker.randrange(days)
    out = {}
    for day in range(days):
        date = (start + datetime.timedelta(days=day)).isoformat()
        pages, truth = lay_out_issue(
            day,
            seed,
            misprint=True if day == with_misprint else None,
            missing=True if day == with_missing else None,
        )
        ids = {page_no: add(store, built, conts, page_no, date) for built, conts, page_no in pages}
        out[date] = (ids, truth)
    return out
