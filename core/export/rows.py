"""One article as an export row: the fields of `formats.FIELDS`, each of one type in
every row, so that exports of different batches concatenate (pandas, `datasets`).

Strings are never None except `continued_from` / `continued_to` (a string or null);
lists (`pages`, `parts`, `authors`, `paragraphs`, `tags`) are always lists, empty when
there is nothing; line numbers are ints. The text-derived fields (dateline, authors,
byline) come from core.export.fields.
"""

from __future__ import annotations

from banmian.core.export import fields


def stable_id(content_hash: str, article_id: str) -> str:
    """The id an article keeps on every re-export: 12 hex of its page's hash, its id."""
    return f"{content_hash[:12]}-{article_id}"


def article_row(
    page: tuple, article: tuple, blocks: list[tuple], tags: list[dict], on_page: set
) -> dict:
    """The row of one article from the store's page, article, block and tag rows (as
    core.export.selection reads them); `on_page`: the ids of the page's articles, so a
    continuation to one of them is written as its export id."""
    _, content_hash, source_file, newspaper, page_date, page_no, status, annotator = page
    _, article_id, title_override, continued_from, continued_to = article
    by_role: dict[str, list[str]] = {}
    for b in blocks:
        by_role.setdefault(b[2], []).append(b[5] or "")
    paragraphs = by_role.get("body", [])
    bylines = by_role.get("byline", [])

    def linked(value: str | None) -> str | None:
        if value is None or value == "":
            return None
        return stable_id(content_hash, value) if value in on_page else str(value)

    own_id = stable_id(content_hash, article_id)
    lines = [[int(b[3]), int(b[4])] for b in blocks]
    page_no = str(page_no or "")
    return {
        "id": own_id,
        "newspaper": newspaper or "",
        "date": page_date or "",
        "page": page_no,
        "pages": [page_no],
        "parts": [{"id": own_id, "page": page_no, "lines": lines, "status": status}],
        "title": title_override or " ".join(by_role.get("headline", [])),
        "kicker": " ".join(by_role.get("kicker", [])),
        "subtitle": " ".join(by_role.get("subheadline", [])),
        "byline": fields.byline(bylines),
        "authors": fields.authors(bylines, paragraphs),
        "dateline": fields.dateline(paragraphs[0] if paragraphs else ""),
        "paragraphs": paragraphs,
        "text": "\n".join(paragraphs),
        "tags": tags,
        "continued_from": linked(continued_from),
        "continued_to": linked(continued_to),
        "status": status,
        "annotator": annotator or "",
        "source": {"file": source_file or "", "content_hash": content_hash, "lines": lines},
    }
