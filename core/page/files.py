"""Reading a page file whatever encoding its scanner's software wrote.

Chinese page dumps arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK
from older Windows tools. Decoding is strict so that a wrong guess fails loudly instead
of producing mojibake, and binary files are refused with a reason a person can act on.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from banmian.core.page.model import Page


class PageFileError(ValueError):
    """A page file that cannot be read as text; the message says why."""


# A printed page holds some 10–60 KB of text in a few hundred lines. Far bigger files are
# not pages (a whole book, a log, a disk image) and would take minutes and gigabytes.
MAX_PAGE_BYTES = 1_000_000
MAX_PAGE_LINES = 20_000


def decode_page_bytes(raw: bytes) -> str:
    """The text of a page file; raises PageFileError for binary or undecodable bytes, for
    text in an encoding banmian does not read, and for a file too big to be a page."""
    if len(raw) > MAX_PAGE_BYTES:
        raise PageFileError(_too_big(len(raw)))
    return check_page_size(_decode(raw))


def _decode(raw: bytes) -> str:
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
        if encoding == "gb18030" and not _plausible_chinese(text):
            raise PageFileError(
                "not UTF-8, UTF-16 or GB18030 text (read as GB18030 it is not Chinese: "
                "Big5, Shift-JIS, Latin-1 …?); convert it to UTF-8"
            )
        return text
    raise PageFileError("not UTF-8, UTF-16 or GB18030 text")


# Read as GB18030, nearly any bytes decode to something. Chinese text gives mostly
# characters of GB2312 (the common hanzi and punctuation); Big5, Shift-JIS or Latin-1
# bytes give kana, Cyrillic, box drawing and rare GBK-only characters instead.
_UNLIKELY = re.compile(r"[\u0370-\u052f\u2500-\u257f\u3040-\u30ff\uac00-\ud7af]")


def _plausible_chinese(text: str) -> bool:
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if len(wide) < 16:
        return True  # too little to judge
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += not _UNLIKELY.match(ch)
    return common >= 0.9 * len(wide)


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


def read_page_bytes(path: str | Path) -> bytes:
    """The bytes of a page file: only a regular file (never a pipe, device or socket,
    which could block or never end), at most `MAX_PAGE_BYTES`; PageFileError says why not.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise PageFileError("no such file") from None
    except IsADirectoryError:
        raise PageFileError("is a folder, not a page file") from None
    except OSError as exc:
        raise PageFileError(exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PageFileError("is a folder, not a page file")
        if not stat.S_ISREG(info.st_mode):
            raise PageFileError("not a regular file (a pipe, device or socket), not a page file")
        if info.st_size > MAX_PAGE_BYTES:
            raise PageFileError(_too_big(info.st_size))
        try:
            raw = handle.read(MAX_PAGE_BYTES + 1)
        except OSError as exc:
            raise PageFileError(exc.strerror or str(exc)) from None
    if len(raw) > MAX_PAGE_BYTES:  # grew while being read
        raise PageFileError(_too_big(len(raw)))
    return raw


def _too_big(size: int) -> str:
    return (
        f"{size / 1e6:.1f} MB is too big for one newspaper page (at most "
        f"{MAX_PAGE_BYTES // 1_000_000} MB); split the file into pages"
    )


def check_page_size(text: str) -> str:
    """`text` unless it has more lines than a page can (PageFileError says so)."""
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    if lines > MAX_PAGE_LINES:
        raise PageFileError(
            f"{lines} lines is too many for one newspaper page (at most {MAX_PAGE_LINES}); "
            "split the file into pages"
        )
    return text


def read_page_file(path: str | Path) -> Page:
    """The page in `path`, named by its file name; PageFileError says what is wrong."""
    path = Path(path)
    return Page.from_text(decode_page_bytes(read_page_bytes(path)), path.name)


def readable_path(path: Path) -> Path:
    """`path` with every component that is not valid UTF-8 (the file system hands such
    bytes to Python as lone surrogates, which no database or terminal accepts) decoded
    as GB18030 (names from a Chinese Windows zip), else with U+FFFD for what is unreadable.
    Used for names shown and stored; the file is still opened by its real path."""
    text = str(path)
    try:
        text.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    parts = []
    for part in path.parts:
        raw = os.fsencode(part)
        for encoding in ("utf-8", "gb18030"):
            try:
                parts.append(raw.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            parts.append(raw.decode("utf-8", "replace"))
    return Path(*parts)
