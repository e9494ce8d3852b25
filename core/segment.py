"""Blocks → roles → articles. (Placeholder being replaced by the pipeline work.)"""

from __future__ import annotations

from banmian.core.model import Article, Block, Page, Role, Segmentation
from banmian.core.reflow import block_text, is_indented


def segment_page(page: Page) -> Segmentation:
    spans: list[list[int]] = []
    for n in page.content_lines():
        if not spans or is_indented(page.line(n)):
            spans.append([n, n])
        else:
            spans[-1][1] = n
    blocks = tuple(Block(Role.BODY, a, b, block_text(page, Role.BODY, a, b)) for a, b in spans)
    articles = (Article(id="A1", blocks=blocks),) if blocks else ()
    return Segmentation(page=page, articles=articles)
