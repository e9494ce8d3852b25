"""Proposing again, with the model in use, the pages nobody has touched.

After a training puts a better model into use, the `new` pages it never proposed still
carry the old proposal. Only pages no annotator has changed in any way are proposed
again (`untouched`), checked once more inside the write, since the window may be
correcting one meanwhile; the newspaper's furniture rules (core.corpus.furniture) go over
the new proposal as they went over the old one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from banmian.core.corpus import models as stored
from banmian.core.corpus.furniture import RULE as FURNITURE_RULE
from banmian.core.corpus.furniture import apply_rules, furniture_rules
from banmian.core.corpus.idf import store_idf
from banmian.core.corpus.importer import Progress
from banmian.core.corpus.store import Store
from banmian.core.segmentation.segmenter import segment_page
from banmian.core.words.tagging import with_suggestions

# Actions in a page's edit log that are not an annotator's: a page with only these is
# untouched and may be proposed again.
UNTOUCHED_ACTIONS = frozenset({"import", "repropose", FURNITURE_RULE})


@dataclass
class ReproposeReport:
    changed: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # touched since their import
    cancelled: bool = False

    def summary(self) -> str:
        text = (
            f"proposed again {len(self.changed)}, unchanged {len(self.unchanged)}, "
            f"left alone (touched) {len(self.skipped)}"
        )
        return text + (" (cancelled)" if self.cancelled else "")


def untouched(store: Store, page_id: int) -> bool:
    """A `new` page that no annotator has changed in any way: only import (and earlier
    re-proposals) in its edit log, no tag, no note, no title or continuation typed."""
    row = next(
        store.rows("SELECT status FROM pages WHERE id = ?", [page_id]),
        None,
    )
    if row is None or row["status"] != "new":
        return False
    for entry in store.rows("SELECT action FROM edit_log WHERE page_id = ?", [page_id]):
        if entry["action"] not in UNTOUCHED_ACTIONS:
            return False
    typed = next(
        store.rows(
            "SELECT 1 FROM articles WHERE page_id = ? AND (coalesce(notes, '') != '' "
            "OR title_override IS NOT NULL) UNION ALL "
            "SELECT 1 FROM article_tags WHERE page_id = ? LIMIT 1",
            [page_id, page_id],
        ),
        None,
    )
    return typed is None


def _shape(data: dict) -> list:
    """What a proposal decides (articles, blocks, roles), without text or doubts."""
    return [
        [(b["role"], tuple(b["lines"])) for b in a["blocks"]] for a in data.get("articles", ())
    ] + [[(b["role"], tuple(b["lines"])) for b in data.get("unassigned", ())]]


def repropose(
    store: Store,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ReproposeReport:
    """Propose every untouched `new` page again with the model in use for it, and the
    newspaper's furniture rules (core.corpus.furniture) over the proposal, as the page
    had them before."""
    report = ReproposeReport()
    refs = stored.proposing_models(store)
    rules = furniture_rules(store)
    idf = store_idf(store)
    rows = list(store.rows("SELECT id, newspaper FROM pages WHERE status = 'new' ORDER BY id"))
    for done, row in enumerate(rows, 1):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        page_id = row["id"]
        if not untouched(store, page_id):
            report.skipped.append(page_id)
        else:
            ref = stored.ref_for(refs, row["newspaper"])
            before = store.load(page_id)
            proposal = with_suggestions(segment_page(before.page, ref.load()), idf)
            proposal, _lines = apply_rules(proposal, rules.get(row["newspaper"] or "", ()))
            same = _shape(proposal.to_json()) == _shape(before.to_json())
            if _replace_proposal(store, page_id, proposal, ref.id, write=not same):
                (report.unchanged if same else report.changed).append(page_id)
            else:
                report.skipped.append(page_id)
        if progress is not None:
            progress(done, len(rows), f"page {page_id}")
    return report


def _replace_proposal(
    store: Store, page_id: int, proposal, model_id: int | None, write: bool
) -> bool:
    """Write the new proposal if the page is still untouched (checked again inside the
    transaction: the window may have corrected it meanwhile). Status and last edit stay."""
    with store.writing():
        if not untouched(store, page_id):
            return False
        if write:
            store.replace_rows(page_id, proposal)
            store.log(page_id, "repropose", {"model": model_id})
        store.db.execute("UPDATE pages SET proposed_by = ? WHERE id = ?", [model_id, page_id])
    return True
