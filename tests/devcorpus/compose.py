"""What one simulated page prints: its articles as blocks, before any layout.

Shared by the PDF simulator and the plain wrapped dumps, so both kinds of one printed
page carry the same articles. Every block gets a key (article index, block index) that
the gold is built from; page furniture gets keys of its own with role `noise`.
"""

from __future__ import annotations

import datetime
import hashlib
import random
import re
from dataclasses import dataclass, field

from .source import SourceArticle

CN_DIGITS = "零一二三四五六七八九"
SECTIONS = (
    "要闻",
    "要闻",
    "综合",
    "评论",
    "国际",
    "经济",
    "社会",
    "政治",
    "文化",
    "科技",
    "体育",
    "副刊",
    "理论",
    "观点",
    "地方",
    "民生",
    "生态",
    "视点",
)
WEEKDAYS = "一二三四五六日"


def chinese_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else CN_DIGITS[tens] + "十") + (CN_DIGITS[ones] if ones else "")


def stable_rng(*parts: object) -> random.Random:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


@dataclass
class Block:
    role: str
    text: str
    key: tuple[int, int] = (0, 0)


@dataclass
class Article:
    index: int
    title: str
    heading: list[Block] = field(default_factory=list)  # kicker, headline, subheadline
    bylines: list[Block] = field(default_factory=list)  # printed above the body
    body: list[Block] = field(default_factory=list)  # body / subheadline / byline, in order
    captions: list[Block] = field(default_factory=list)
    continued_from: str | None = None
    continued_to: str | None = None

    def blocks(self) -> list[Block]:
        return self.heading + self.bylines + self.body + self.captions

    def truncate(self, keep_chars: int, to_page: int) -> None:
        """Cut the body after about `keep_chars` characters and mark `（下转第X版）`."""
        kept, total = [], 0
        for block in self.body:
            if total + len(block.text) <= keep_chars or not kept:
                kept.append(block)
                total += len(block.text)
                continue
            room = keep_chars - total
            if room > 20 and block.role == "body":
                block.text = block.text[:room]
                kept.append(block)
            break
        while len(kept) > 1 and kept[-1].role != "body":
            kept.pop()
        self.body = kept
        self.mark_continued(to_page)

    def mark_continued(self, to_page: int) -> None:
        last = self.body[-1]
        last.text = (
            re.sub(r"（下转第.{1,3}版）$", "", last.text) + f"（下转第{chinese_number(to_page)}版）"
        )
        self.continued_to = str(to_page)


@dataclass
class PageContent:
    name: str
    date: str
    page: int
    articles: list[Article]
    running_head: list[Block]  # noise
    editors: Block  # noise: 本版责编：…

    def all_blocks(self) -> list[Block]:
        return [b for a in self.articles for b in a.blocks()] + self.running_head + [self.editors]

    def article_of(self, key: tuple[int, int]) -> Article | None:
        return self.articles[key[0]] if 0 <= key[0] < len(self.articles) else None


def page_name(date: str, page: int) -> str:
    return f"rmrb-{date}-{page:02d}"


def split_of(date: str, page: int) -> str:
    digest = hashlib.sha1(f"{date}-{page:02d}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % 4 == 0 else "train"


def _caption_text(rng: random.Random, source: SourceArticle, names: list[str]) -> str:
    clauses = []
    for p in source.paragraphs:
        if p.role != "body":
            continue
        for clause in re.split(r"[，。；！？：]", p.text):
            clause = clause.strip("“”《》（）() ")
            if 8 <= len(clause) <= 24 and not re.search(r"记者|电$|\d{4}年", clause):
                clauses.append(clause)
    clause = rng.choice(clauses) if clauses else source.headline[:20]
    who = rng.choice(["新华社记者", "本报记者", "新华社记者", ""])
    name = rng.choice(names) if names else "王明"
    if rng.random() < 0.5 and len(name) == 2:
        name = name[0] + " " + name[1]
    return f"图为{clause}。 {who + ' ' if who else ''}{name}摄"


def _byline_text(rng: random.Random, names: list[str]) -> str:
    count = 1 if rng.random() < 0.7 else 2
    chosen = [rng.choice(names) for _ in range(count)] if names else ["李明"]
    return "本报记者 " + " ".join(chosen)


def _article(index: int, source: SourceArticle, rng: random.Random, names: list[str]) -> Article:
    article = Article(index=index, title=source.headline)
    n = 0

    def block(role: str, text: str) -> Block:
        nonlocal n
        n += 1
        return Block(role, text, (index, n - 1))

    if source.kicker:
        article.heading.append(block("kicker", source.kicker))
    if source.headline:
        article.heading.append(block("headline", source.headline))
    if source.subtitle:
        article.heading.append(block("subheadline", source.subtitle))
    paragraphs = list(source.paragraphs)
    # bylines printed on their own at the top of the article
    while paragraphs and paragraphs[0].role == "byline":
        article.bylines.append(block("byline", paragraphs.pop(0).text))
    first = paragraphs[0].text if paragraphs else ""
    has_dateline = bool(re.match(r"^(本报|新华社|人民网|中新社).{0,20}(电|讯)", first))
    if not article.bylines and not has_dateline and rng.random() < 0.35 and len(paragraphs) > 2:
        article.bylines.append(block("byline", _byline_text(rng, names)))
    for p in paragraphs:
        if p.role == "caption":
            article.captions.append(block("caption", p.text))
        else:
            article.body.append(block(p.role, p.text))
    body_chars = sum(len(b.text) for b in article.body)
    if rng.random() < 0.3 and body_chars > 400 and not article.captions:
        article.captions.append(block("caption", _caption_text(rng, source, names)))
    # keep a real article's headings first among its keys: renumber after the body
    return article


def compose_page(
    date: str,
    page: int,
    sources: list[SourceArticle],
    front_page: list[SourceArticle] | None,
    names: list[str],
    seed: int,
) -> PageContent | None:
    rng = stable_rng(seed, "compose", date, page)
    budget = rng.randint(4500, 9000)
    articles: list[Article] = []
    used = 0
    for source in sources:
        if not source.headline and not source.paragraphs:
            continue
        article = _article(len(articles), source, rng, names)
        if not article.body:
            continue
        size = sum(len(b.text) for b in article.body)
        if used + size > budget:
            room = budget - used
            if not articles or (room > 700 and rng.random() < 0.6):
                article.truncate(
                    max(room, 300), rng.randint(page + 1, page + 8) if page < 20 else page - 10
                )
                articles.append(article)
                used += room
            break
        articles.append(article)
        used += size
    if not articles:
        return None
    if page != 1 and front_page and rng.random() < 0.35:
        candidates = [
            s for s in front_page if len([p for p in s.paragraphs if p.role == "body"]) >= 4
        ]
        if candidates:
            src = rng.choice(candidates)
            frag = Article(index=len(articles), title="", continued_from="1")
            body = [p for p in src.paragraphs if p.role in ("body", "subheadline")]
            start = max(1, len(body) // 2)
            for i, p in enumerate(body[start : start + 8]):
                text = ("（上接第一版）" + p.text) if i == 0 else p.text
                frag.body.append(Block(p.role if i else "body", text, (frag.index, i)))
            if rng.random() < 0.3 and len(frag.body) > 2:
                frag.mark_continued(rng.randint(page + 1, page + 6))
            position = rng.choice([len(articles), len(articles), rng.randrange(len(articles) + 1)])
            articles.insert(position, frag)
    for i, article in enumerate(articles):  # keys follow the final order
        article.index = i
        for j, b in enumerate(article.blocks()):
            b.key = (i, j)
    day = datetime.date(int(date[:4]), int(date[4:6]), int(date[6:]))
    date_text = (
        f"{day.year}年{day.month}月{day.day}日"
        + rng.choice(["  ", " "])
        + f"星期{WEEKDAYS[day.weekday()]}"
    )
    head_texts = [
        date_text,
        "人民日报",
        f"第{page}版" if rng.random() < 0.5 else f"{page:02d}",
        rng.choice(SECTIONS),
    ]
    if rng.random() < 0.5:
        head_texts = [head_texts[2], head_texts[3], head_texts[1], head_texts[0]]
    running_head = [Block("noise", t, (-1, 0)) for t in head_texts]  # one key: pieces may be glued
    editor_names = [rng.choice(names) if names else "张三" for _ in range(rng.randint(1, 3))]
    editors = Block("noise", "本版责编：" + "  ".join(editor_names), (-2, 0))
    return PageContent(page_name(date, page), date, page, articles, running_head, editors)
