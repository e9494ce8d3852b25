"""Folders of distinct pages made from the sample page, for imports run side by side."""

from __future__ import annotations

from pathlib import Path


def variant_folders(root: Path, sample_text: str, folders: int, pages: int) -> list[Path]:
    """`folders` folders of `pages` page files each, every page a different text (so
    none is a duplicate) and a different date and page number in its name."""
    out = []
    for n in range(folders):
        folder = root / f"in{n}"
        folder.mkdir()
        for k in range(pages):
            text = sample_text.replace("古镇口", f"古镇口{n}x{k}", 1)
            (folder / f"2023-{n + 1:02d}-{k % 28 + 1:02d}_{k // 28 + 1:02d}.txt").write_text(
                text, "utf-8"
            )
        out.append(folder)
    return out
