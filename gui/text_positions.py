"""Qt counts text positions in UTF-16 units, Python in code points.

Names in Chinese text may use characters outside the basic plane (𠀀 and friends), each
two UTF-16 units long; every conversion goes through here so a line never lands one
character off after such a name.
"""

from __future__ import annotations


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def line_starts(lines: list[str] | tuple[str, ...]) -> list[int]:
    """UTF-16 position where each line starts when the lines are joined with `\\n`."""
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += utf16_length(line) + 1
    return starts


def to_utf16(text: str, index: int) -> int:
    """UTF-16 position of code point `index` in `text`."""
    return utf16_length(text[:index])
