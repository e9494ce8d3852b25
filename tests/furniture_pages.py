"""Pages for the furniture rule's tests: an editor's credit line under an article, as
the line model misreads it (glued to the last paragraph) and as an annotator leaves it
(a block of its own)."""

from __future__ import annotations

from banmian.core.page.model import Article, Block, Page, Role, Segmentation
from banmian.core.page.reflow import block_text

CREDIT = "本版责编：王春"


def credit_page(n: int) -> Page:
    """A headline, two paragraphs, and the editor's credit glued under the second."""
    return Page.from_text(
        f"第{n}篇标题\n　　第{n}篇第一段，春耕开始了。\n　　第{n}篇第二段，农民下田。\n{CREDIT}\n",
        f"p{n}.txt",
    )


def glued_proposal(page: Page) -> Segmentation:
    """The proposal the rule must mend: the credit read as the end of a paragraph."""

    def block(role: Role, first: int, last: int) -> Block:
        return Block(role, first, last, block_text(page, role, first, last))

    blocks = (block(Role.HEADLINE, 1, 1), block(Role.BODY, 2, 2), block(Role.BODY, 3, 4))
    return Segmentation(page=page, articles=(Article(id="A1", blocks=blocks),))


def credit_own_block(page) -> Segmentation:
    """Page 1 as the annotator left it: the credit split off as a block of its own."""
    blocks = [
        Block(role, first, last, block_text(page, role, first, last))
        for role, first, last in ((Role.HEADLINE, 1, 1), (Role.BODY, 2, 3), (Role.BODY, 4, 4))
    ]
    return Segmentation(page=page, articles=(Article(id="A1", blocks=tuple(blocks)),))
