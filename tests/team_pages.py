"""Two small made-up pages whose agreement figures are worked out by hand in the tests
of the team workflow (core.team), their segmentations as two annotators gave them, and
a main database of them to batch."""

from __future__ import annotations

from banmian.core.corpus.store import PageMeta, Store
from banmian.core.page.model import Page, Segmentation, segmentation_from_json

FLOWERS = "\n".join(
    [
        "春风路口新设花坛",
        "\u3000\u3000本报讯 街道在春风路口新设花坛三处，",
        "种植月季与海棠。",
        "",
        "\u3000\u3000附近居民表示，花坛让路口更美观。",
        "图书馆延长开放时间",
        "\u3000\u3000市图书馆自下月起每晚开放至九点，",
        "方便上班族借阅。",
        "\u3000\u3000馆方同时增加自习座位五十个。",
        "第5版 责编：方圆",
    ]
)
OLD_STREET = "\n".join(
    [
        "老街改造完成",
        "\u3000\u3000老街改造历时半年，",
        "路面全部换成石板。",
        "\u3000\u3000商户陆续回归营业。",
        "公园新添健身器材",
        "\u3000\u3000公园近日新添健身器材二十件。",
        "\u3000\u3000晨练的市民纷纷试用。",
        "\u3000\u3000器材由街道统一维护。",
    ]
)


def _block(role: str, first: int, last: int | None = None) -> dict:
    return {"role": role, "lines": [first, last or first]}


def _article(article_id: str, *blocks: dict, tags: tuple[str, ...] = ()) -> dict:
    return {"id": article_id, "blocks": list(blocks), "tags": list(tags)}


# What both annotators start from (the proposal), and what each made of it.
FLOWERS_PROPOSAL = {
    "articles": [
        _article("A1", _block("headline", 1), _block("body", 2, 3), _block("body", 5)),
        _article("A2", _block("headline", 6), _block("body", 7, 8), _block("body", 9)),
    ],
    "unassigned": [_block("noise", 10)],
}
FLOWERS_FIRST = {  # the proposal as it is, one tag given
    "articles": [
        _article(
            "A1", _block("headline", 1), _block("body", 2, 3), _block("body", 5), tags=("市容",)
        ),
        _article("A2", _block("headline", 6), _block("body", 7, 8), _block("body", 9)),
    ],
    "unassigned": [_block("noise", 10)],
}
FLOWERS_SECOND = {  # one paragraph 2–5, line 9 a caption, more tags
    "articles": [
        _article("A1", _block("headline", 1), _block("body", 2, 5), tags=("市容", "街道")),
        _article(
            "A2", _block("headline", 6), _block("body", 7, 8), _block("caption", 9), tags=("文化",)
        ),
    ],
    "unassigned": [_block("noise", 10)],
}
STREET_PROPOSAL = {
    "articles": [
        _article("A1", _block("headline", 1), _block("body", 2, 3), _block("body", 4)),
        _article(
            "A2", _block("headline", 5), _block("body", 6), _block("body", 7), _block("body", 8)
        ),
    ],
    "unassigned": [],
}
STREET_FIRST = STREET_PROPOSAL
STREET_SECOND = {  # line 8 is an article of its own
    "articles": [
        STREET_PROPOSAL["articles"][0],
        _article("A2", _block("headline", 5), _block("body", 6), _block("body", 7)),
        _article("A3", _block("body", 8)),
    ],
    "unassigned": [],
}


def page(text: str, source: str) -> Page:
    return Page.from_text(text, source)


def segmentation(text: str, source: str, annotation: dict) -> Segmentation:
    return segmentation_from_json(page(text, source), annotation).check()


def make_main(path, extra: int = 0, dates: dict[str, str] | None = None) -> None:
    """A main database with the two made-up pages (and `extra` copies of the flowers
    page told apart by a last line, x0.txt… dated 2024-02-01…), proposed as above;
    `dates` moves the two pages (by file name) elsewhere in the corpus's order."""
    store = Store(path, annotator="lead")
    dates = {"flowers.txt": "2024-01-01", "street.txt": "2024-01-02", **(dates or {})}
    for text, source, proposal in (
        (FLOWERS, "flowers.txt", FLOWERS_PROPOSAL),
        (OLD_STREET, "street.txt", STREET_PROPOSAL),
    ):
        store.add_page(
            page(text, source),
            PageMeta(source, "测试报", dates[source], "2"),
            segmentation(text, source, proposal),
        )
    for n in range(extra):
        text = FLOWERS + f"\n第{n + 6}版 责编：方圆"
        proposal = {
            **FLOWERS_PROPOSAL,
            "unassigned": [
                *FLOWERS_PROPOSAL["unassigned"],
                {"role": "noise", "lines": [11, 11]},
            ],
        }
        store.add_page(
            page(text, f"x{n}.txt"),
            PageMeta(f"x{n}.txt", "测试报", f"2024-02-{n + 1:02d}", "1"),
            segmentation(text, f"x{n}.txt", proposal),
        )
    store.close()


def annotate(path, name: str, versions: dict[str, dict]) -> None:
    """The annotator `name` saves each page (by source file) as given and verifies it."""
    store = Store(path, annotator=name)
    for row in store.rows("SELECT id, source_file, raw_text FROM pages"):
        if row["source_file"] in versions:
            seg = segmentation(row["raw_text"], row["source_file"], versions[row["source_file"]])
            store.save(row["id"], seg, "scripted", {"by": name})
            store.set_status(row["id"], "verified")
    store.close()
