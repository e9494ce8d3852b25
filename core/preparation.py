"""A page file made ready for the store, the half of an import that costs CPU.

Import runs this in worker processes: read and decode the file, segment the page, suggest
its tags, build its rows and search words. Nothing here imports SQLite or sqlite-utils
(which brings pandas along when it is installed), so a worker starts in the time jieba
takes to load its dictionaries, and a worker never touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from banmian.core.model import Page
from banmian.core.pagefile import PageFileError, decode_page_bytes
from banmian.core.pagemeta import meta_from_path
from banmian.core.segment import segment_page
from banmian.core.tablerows import NewPage, new_page
from banmian.core.tagging import Idf, with_suggestions


@dataclass(frozen=True)
class Prepared:
    """A page ready to be written, or why it cannot be, as a worker hands it back."""

    path: str
    new: NewPage | None = None
    error: str = ""


def prepare(item: tuple[Path, Path], idf: Idf | None = None) -> Prepared:
    """Read, segment, tag and index one file; never raises, so one bad file cannot
    stop a batch."""
    path, root = item
    try:
        text = decode_page_bytes(path.read_bytes())
    except PageFileError as exc:
        return Prepared(str(path), error=str(exc))
    except OSError as exc:
        return Prepared(str(path), error=exc.strerror or str(exc))
    page = Page.from_text(text, path.name)
    meta = meta_from_path(path, root)
    try:
        new = new_page(page, meta, with_suggestions(segment_page(page), idf))
    except Exception as exc:  # a pipeline bug must not lose the rest of the batch
        return Prepared(str(path), error=f"segmentation failed: {exc!r}")
    return Prepared(str(path), new)


# The IDF a worker process tags with: sent once when the worker starts, not with every
# page (a learned table is large; None means jieba's, which each worker loads itself).
_worker_idf: Idf | None = None


def start_worker(idf: Idf | None) -> None:
    global _worker_idf
    _worker_idf = idf


def prepare_in_worker(item: tuple[Path, Path]) -> Prepared:
    return prepare(item, _worker_idf)
