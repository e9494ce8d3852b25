"""Test pages unlike the sample: other heading orders, no bylines, furniture, captions.

Each function returns a BuiltPage (text + exact gold). The texts are written like real
local-news and national-daily pages so that the word evidence is as thin as it is in
practice.
"""

from __future__ import annotations

from tests.page_builder import BuiltPage, build


def headings_first() -> BuiltPage:
    """Another extraction tool: every heading group stands above its article."""
    return build(
        [
            ("", "noise", "2023年3月1日 星期三"),
            ("", "noise", "第3版"),
            ("", "blank", ""),
            ("A1", "kicker", "市交通运输局———"),
            ("A1", "headline", "地铁6号线一期\n今日开通运营"),
            ("A1", "blank", ""),
            ("A1", "byline", "□记者 王明远 报道"),
            (
                "A1",
                "body",
                "本报讯 3月1日上午，地铁6号线一期工程正式开通运营，全线设车站21座，贯穿西海岸新区南北。",
            ),
            (
                "A1",
                "body",
                "市交通运输局有关负责人介绍，6号线开通后，沿线市民前往轨道交通换乘站的时间将缩短约20分钟，早晚高峰发车间隔为6分钟。",
            ),
            (
                "A1",
                "body",
                "据了解，地铁6号线二期工程也已进入前期研究阶段，预计¦年内完成线路方案的比选工作。",
            ),
            ("", "blank", ""),
            ("A2", "headline", "老旧小区改造惠及万户居民"),
            (
                "A2",
                "subheadline",
                "今年计划改造小区86个，涉及居民楼512栋，同步完善养老托育等配套设施",
            ),
            ("A2", "blank", ""),
            ("A2", "byline", "□记者 刘晓 通讯员 陈思 报道"),
            (
                "A2",
                "body",
                "本报讯 记者从市住房和城乡建设局获悉，今年全市计划改造老旧小区86个，惠及居民1.2万户。",
            ),
            (
                "A2",
                "body",
                "改造内容包括外墙保温、雨污分流、加装电梯等，同时将补齐养老托育、便民市场等社区服务短板，让居民生活更便利。",
            ),
            ("A2", "caption", "图为改造后的小区一角。 本报记者 孙强 摄"),
            ("", "blank", ""),
            ("A3", "headline", "海洋科技创新大会开幕"),
            ("A3", "blank", ""),
            ("A3", "byline", "□本报记者 赵宁"),
            ("A3", "blank", ""),
            (
                "A3",
                "body",
                "2月28日，2023海洋科技创新大会在西海岸新区开幕，来自国内外的300余位专家学者围绕深远海装备、海洋新材料等议题展开交流。",
            ),
            ("A3", "body", "大会期间将发布海洋科技成果20项，签约项目15个，总投资额超过120亿元。"),
            ("", "blank", ""),
            ("", "noise", "责编：李华 美编：周洁"),
        ]
    )


def national_daily() -> BuiltPage:
    """A national daily: heading group, body, heading group, body… and no bylines."""
    page = build(
        [
            ("", "noise", "2024年1月2日 星期二"),
            ("", "blank", ""),
            ("A1", "headline", "全国铁路元旦假期发送旅客超千万人次"),
            ("A1", "blank", ""),
            (
                "A1",
                "body",
                "新华社北京1月1日电（记者 周明） 记者从国铁集团获悉，元旦假期三天，全国铁路累计发送旅客1260万人次，日均开行旅客列车1万列以上。",
            ),
            (
                "A1",
                "body",
                "国铁集团有关负责人表示，铁路部门在热门方向增开夜间高铁和临时旅客列车，优化售票组织，¦保障旅客安全有序出行。",
            ),
            ("A1", "blank", ""),
            ("A2", "kicker", "科技部———"),
            ("A2", "headline", "基础研究投入占比持续提高"),
            ("A2", "blank", ""),
            (
                "A2",
                "body",
                "本报北京1月1日电 科技部日前发布数据显示，2023年我国基础研究经费投入达到2212亿元，占研发经费的比重提高到6.65%。",
            ),
            (
                "A2",
                "body",
                "科技部表示，将进一步完善基础研究多元投入机制，引导企业和社会力量加大投入，推动形成持续稳定的支持格局。",
            ),
            ("A2", "blank", ""),
            ("A3", "headline", "冬季文旅消费持续升温"),
            ("A3", "subheadline", "——多地冰雪旅游订单同比增长超过三成"),
            ("A3", "blank", ""),
            (
                "A3",
                "body",
                "元旦假期，冰雪游、民俗游、夜间游成为文旅消费的热门选择。在线旅游平台数据显示，哈尔滨、长春、张家口等地的冰雪旅游订单同比增长三成以上。",
            ),
            (
                "A3",
                "body",
                "业内人士认为，随着冬季旅游产品供给不断丰富，文旅消费有望保持较快增长。（下转第4版）",
            ),
            ("", "blank", ""),
            ("", "noise", "第1版"),
        ]
    )
    page.gold["articles"][2]["continued_to"] = "4"
    return page


def headings_after_no_byline() -> BuiltPage:
    """The sample's order (headings below the body) on a page with no bylines at all."""
    page = build(
        [
            (
                "A1",
                "body",
                "本报讯 近日，西海岸新区启动城市更新三年行动，计划实施项目120个，总投资超过600亿元。",
            ),
            (
                "A1",
                "body",
                "三年行动将聚焦老旧街区改造、城市道路提升和公园绿地建设，¦着力补齐城市功能短板。",
            ),
            ("A1", "blank", ""),
            ("A1", "headline", "城市更新三年行动启动"),
            ("A1", "blank", ""),
            (
                "A2",
                "body",
                "本报讯 记者从区教育和体育局获悉，新区今年将新建改扩建中小学和幼儿园22所，新增学位1.8万个。",
            ),
            ("A2", "body", "区教育和体育局表示，将同步推进集团化办学，促进优质教育资源均衡发展。"),
            ("A2", "blank", ""),
            ("A2", "kicker", "区教育和体育局———"),
            ("A2", "headline", "新增学位1.8万个"),
            ("A2", "blank", ""),
            (
                "A3",
                "body",
                "（上接第一版）项目建成后，将有效缓解周边区域交通压力，进一步完善区域路网结构。",
            ),
            ("A3", "body", "目前，项目各项前期工作正在有序推进。"),
        ]
    )
    page.gold["articles"][2]["continued_from"] = "1"
    return page


LAYOUTS = {
    "headings_first": headings_first,
    "national_daily": national_daily,
    "headings_after_no_byline": headings_after_no_byline,
}
