"""Newspaper, date and page number from where a page file lies and what it is called.

Archives name pages every which way: `2023-02-03_02.txt`, `20200102-04.txt`,
`报纸名/2023-02-03/02.txt`, `报纸名_2023-02-03_第2版.txt`. A sidecar JSON beside the
file (`X.json` or `X.meta.json`, keys `newspaper`, `date`, `page`) wins over names.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageMeta:
    """Where a page comes from: filled from file names, folders and sidecar files."""

    source_file: str = ""
    newspaper: str = ""
    date: str = ""
    page_no: str = ""


_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.年/]?(\d{1,2})[-_.月/]?(\d{1,2})日?(?!\d)")
_PAGE = re.compile(r"^(?:第\s*)?([0-9]{1,3}|[A-Z][0-9]{0,2})\s*版?$")
_SEPARATORS = re.compile(r"[_\-\s]+")


def _date(text: str) -> tuple[str, str] | None:
    """(ISO date, what is left of the text) when `text` holds a plausible date."""
    m = _DATE.search(text)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", text[: m.start()] + " " + text[m.end() :]


def _page_no(token: str) -> str | None:
    m = _PAGE.match(token.strip())
    if not m:
        return None
    label = m.group(1)
    return str(int(label)) if label.isdigit() else label


def meta_from_path(path: Path, root: Path | None = None) -> PageMeta:
    """What the file name and the folders under `root` say about the page."""
    try:
        rel = path.relative_to(root) if root else Path(path.name)
    except ValueError:  # not under root
        rel = Path(path.name)
    stem = path.stem
    date = page_no = newspaper = ""
    leftovers: list[str] = []
    for part in [*rel.parts[:-1], stem]:
        is_name = part == stem
        found = _date(part)
        rest = part
        if found:
            date = date or found[0]
            rest = found[1]
        for token in _SEPARATORS.split(rest):
            if not token:
                continue
            number = _page_no(token)
            if number is not None and is_name:
                page_no = number
            elif number is None and not token.isdigit() and (not is_name or found):
                leftovers.append(token)  # a file name names its newspaper only beside a date
    newspaper = leftovers[0] if leftovers else ""
    meta = PageMeta(source_file=str(rel), newspaper=newspaper, date=date, page_no=page_no)
    return _with_sidecar(path, meta)


def _with_sidecar(path: Path, meta: PageMeta) -> PageMeta:
    # plain strings: import asks this of every file, and pathlib's objects cost more
    # than the two stat calls
    base = os.path.splitext(path)[0]
    for sidecar in (base + ".json", base + ".meta.json"):
        if sidecar.endswith(".gold.json") or not os.path.isfile(sidecar):
            continue
        try:
            with open(sidecar, encoding="utf-8") as file:
                data = json.load(file)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(data, dict):
            return PageMeta(
                source_file=meta.source_file,
                newspaper=str(data.get("newspaper") or meta.newspaper),
                date=str(data.get("date") or meta.date),
                page_no=str(data.get("page") or data.get("page_no") or meta.page_no),
            )
    return meta
