"""A line model whose decisions a test sets by hand, for testing the segmenter's rules
one by one (tests/test_segment.py, tests/test_paragraphs.py)."""

from __future__ import annotations

from banmian.core.page.model import Role
from banmian.core.segmentation.labels import LineLabel
from banmian.core.segmentation.line_model import Calibration, LineDecision


class HandModel:
    """A line model whose decisions are set by hand: each line's role (body unless
    given), the marginal of a block opening (1.0 on the first line, `block` elsewhere)
    and of an article opening (1.0 on the first line, `article` elsewhere); a line's
    label opens what its marginal gives at least even odds."""

    calibration = Calibration()

    def __init__(
        self,
        roles: dict[int, Role] | None = None,
        article: dict[int, float] | None = None,
        block: dict[int, float] | None = None,
        block_elsewhere: float = 1.0,
    ) -> None:
        self.roles, self.article = roles or {}, article or {}
        self.block, self.block_elsewhere = block or {}, block_elsewhere

    def decide(self, numbers, features):
        out = []
        for n in numbers:
            first = n == numbers[0]
            role = self.roles.get(n, Role.BODY)
            block = 1.0 if first else self.block.get(n, self.block_elsewhere)
            article = 1.0 if first else self.article.get(n, 0.0)
            label = LineLabel(role, block >= 0.5, article >= 0.5)
            out.append(LineDecision(n, label, {role.value: 1.0}, block, article))
        return out
