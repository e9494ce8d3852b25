"""A page file made ready for the store, the half of an import that costs CPU.

Import runs this in worker processes: read and decode the file, segment the page, suggest
its tags, build its rows and search words. Nothing here imports SQLite or sqlite-utils
(which brings pandas along when it is installed), so a worker starts in the time jieba
takes to load its dictionaries, and a worker never touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from banmian.core.corpus.made_elsewhere import (
    SegmentationFileError,
    read_segmentation,
    segmentation_file,
)
from banmian.core.corpus.rows import NewPage, cover_every_line, new_page
from banmian.core.corpus.stacking import load_model
from banmian.core.page.files import (
    PageFileError,
    decode_page_bytes,
    read_page_bytes,
    readable_path,
)
from banmian.core.page.meta import meta_from_path
from banmian.core.page.model import Page, Segmentation
from banmian.core.segmentation.segmenter import segment_page
from banmian.core.words.tagging import Idf, with_suggestions


@dataclass(frozen=True)
class Prepared:
    """A page ready to be written, or why it cannot be, as a worker hands it back."""

    path: str
    new: NewPage | None = None
    error: str = ""
    model_id: int | None = None  # the database model that proposed it (None: shipped)
    # the proposal as the store will hold it, kept only when asked (the archive writes its
    # JSON beside the rows; import's workers would only pay to send it back)
    segmentation: Segmentation | None = None


# scope (a newspaper, '' for any other) → (model id, model file): the database's models
# in use, as a worker receives them (None, None: the shipped model)
ModelFiles = dict[str, tuple[int | None, str | None]]


def prepare(
    item: tuple[Path, Path],
    idf: Idf | None = None,
    models: ModelFiles | None = None,
    keep_segmentation: bool = False,
) -> Prepared:
    """Read, segment, tag and index one file; never raises, so one bad file cannot
    stop a batch."""
    path, root = item
    # names as they can be stored and printed, whatever bytes the file system holds
    shown, shown_root = readable_path(path), readable_path(root)
    try:
        text = decode_page_bytes(read_page_bytes(path))
    except PageFileError as exc:
        return Prepared(str(shown), error=str(exc))
    except OSError as exc:
        return Prepared(str(shown), error=exc.strerror or str(exc))
    page = Page.from_text(text, shown.name)
    meta = meta_from_path(shown, shown_root)
    models = models or {}
    model_id, model_path = models.get(meta.newspaper or "", models.get("", (None, None)))
    made_elsewhere = segmentation_file(path)
    try:
        if made_elsewhere.exists():  # an annotation from another database or tool
            segmentation = with_suggestions(read_segmentation(page, made_elsewhere), idf)
            new = new_page(page, meta, segmentation, made_elsewhere.name)
            model_id = None  # no model proposed it
        else:
            model = load_model(model_path)
            segmentation = with_suggestions(segment_page(page, model), idf)
            new = new_page(page, meta, segmentation)
        kept = cover_every_line(segmentation) if keep_segmentation else None
    except SegmentationFileError as exc:
        return Prepared(str(shown), error=str(exc))
    except Exception as exc:  # a pipeline bug must not lose the rest of the batch
        return Prepared(str(shown), error=f"segmentation failed: {exc!r}")
    return Prepared(str(shown), new, model_id=model_id, segmentation=kept)


# The IDF a worker process tags with: sent once when the worker starts, not with every
# page (a learned table is large; None means jieba's, which each worker loads itself).
_worker_idf: Idf | None = None
_worker_models: ModelFiles | None = None


def start_worker(idf: Idf | None, models: ModelFiles | None = None) -> None:
    global _worker_idf, _worker_models
    _worker_idf = idf
    _worker_models = models


def prepare_in_worker(item: tuple[Path, Path]) -> Prepared:
    return prepare(item, _worker_idf, _worker_models)


def prepare_chunk(items: list[tuple[Path, Path]]) -> list[Prepared]:
    return [prepare(item, _worker_idf, _worker_models) for item in items]
