"""Segmentations made elsewhere, brought in as verified pages (`X.seg.json` beside `X.txt`).

Another banmian database's `segmentation` export, or another tool's annotation, is
training data as good as pages verified here (core.corpus.learning trains on verified
pages). The file follows the page-segmentation contract of DESIGN §2; only each block's
`role` and `lines` are required. Since it comes in as *verified*, it is held to what a
verified page must be, and a file that is not is refused with one line naming the file
and the first problem, never half taken: unreadable JSON, a block without `role` or
`lines`, an unknown role, lines beyond the page, overlapping blocks, a line with text in
no block.
"""

from __future__ import annotations

import json
from pathlib import Path

from banmian.core.page.model import ModelError, Page, Role, Segmentation, segmentation_from_json

SUFFIX = ".seg.json"
ROLES = ", ".join(r.value for r in Role)


class SegmentationFileError(ValueError):
    """A `.seg.json` banmian will not take; the message is one line."""


def segmentation_file(page_file: Path) -> Path:
    """Where a page file's segmentation made elsewhere would be: `X.txt` → `X.seg.json`."""
    return page_file.with_name(page_file.stem + SUFFIX)


def read_segmentation(page: Page, path: Path) -> Segmentation:
    """The segmentation in `path` for `page`, checked as a verified page must be."""
    name = path.name
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SegmentationFileError(f"{name}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise SegmentationFileError(
            f"{name}: not JSON ({exc.msg}, line {exc.lineno} column {exc.colno})"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("articles", []), list):
        raise SegmentationFileError(f"{name}: not a page segmentation (no articles list)")
    _check_blocks(name, data, len(page.lines))
    try:  # overlaps, a block in two articles, a line with text in no block
        return segmentation_from_json(page, data).check()
    except ModelError as exc:
        raise SegmentationFileError(f"{name}: {exc}") from None


def _check_blocks(name: str, data: dict, n_lines: int) -> None:
    """What `segmentation_from_json` would fail on with a KeyError or a bare ValueError,
    said as the annotator would fix it in the file."""
    blocks = [
        (f"article {a.get('id') or i}", b)
        for i, a in enumerate(data.get("articles", []), 1)
        if isinstance(a, dict)
        for b in a.get("blocks", [])
    ] + [("unassigned", b) for b in data.get("unassigned", [])]
    for where, block in blocks:
        if not isinstance(block, dict) or "role" not in block or "lines" not in block:
            raise SegmentationFileError(f"{name}: a block of {where} has no role or no lines")
        if block["role"] not in {r.value for r in Role}:
            raise SegmentationFileError(
                f"{name}: unknown role {block['role']!r} in {where} (roles: {ROLES})"
            )
        lines = block["lines"]
        if (
            not isinstance(lines, list)
            or len(lines) != 2
            or not all(isinstance(n, int) for n in lines)
        ):
            raise SegmentationFileError(f"{name}: lines {lines!r} in {where} are not [first, last]")
        first, last = lines
        if not 1 <= first <= last <= n_lines:
            raise SegmentationFileError(
                f"{name}: lines [{first}, {last}] in {where} are outside the page (1–{n_lines})"
            )
