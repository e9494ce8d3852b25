"""Reading a page file whatever encoding its scanner's software wrote.

Chinese page dumps arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK
from older Windows tools. Decoding is strict so that a wrong guess fails loudly instead
of producing mojibake, and binary files are refused with a reason a person can act on.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from banmian.core.model import Page


class PageFileError(ValueError):
    """A page file that cannot be read as text; the message says why."""


def decode_page_bytes(raw: bytes) -> str:
    """The text of a page file; raises PageFileError for binary or undecodable bytes."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[len(codecs.BOM_UTF8) :], "utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16")
    if b"\x00" in raw:
        raise PageFileError("binary file (contains NUL bytes), not page text")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise PageFileError("binary file (mostly control characters), not page text")
        return text
    raise PageFileError("not UTF-8, UTF-16 or GB18030 text")


def _strict(raw: bytes, encoding: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise PageFileError(f"invalid {encoding.upper()} at byte {exc.start}") from None
    if _looks_binary(text):
        raise PageFileError("binary file (mostly control characters), not page text")
    return text


# Control characters other than line breaks, tabs and form feeds: text never holds many.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) > max(2, len(text) // 100)


def read_page_file(path: str | Path) -> Page:
    """The page in `path`, named by its file name; PageFileError says what is wrong."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PageFileError("no such file") from None
    except IsADirectoryError:
        raise PageFileError("is a folder, not a page file") from None
    except OSError as exc:
        raise PageFileError(exc.strerror or str(exc)) from None
    return Page.from_text(decode_page_bytes(raw), path.name)
