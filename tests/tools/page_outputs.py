"""A digest of everything import derives from each page's words, to compare two runs.

Run on demand: `python tests/tools/page_outputs.py DIR OUT.tsv`, once as is and once with
`BANMIAN_TOKENISER=jieba`, then `diff` the two files. Each line is a page file, the
digest of the segmenter's proposal (`segment_page(page).to_json()`), of the suggested tags
and of the search index's words, so a change of tokeniser that altered any of them shows
as a line that differs, and which of the three changed. Nothing of the pages' text is
written.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.corpus.rows import search_words  # noqa: E402
from banmian.core.page.files import (  # noqa: E402
    PageFileError,
    decode_page_bytes,
    read_page_bytes,
)
from banmian.core.page.model import Page  # noqa: E402
from banmian.core.segmentation.segmenter import segment_page  # noqa: E402
from banmian.core.words import nlp  # noqa: E402
from banmian.core.words.tagging import with_suggestions  # noqa: E402


def digest(value: object) -> str:
    data = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def outputs(path: Path) -> tuple[str, ...]:
    """(proposal, tags, search words) digests of one page file, or why it is no page."""
    try:
        page = Page.from_text(decode_page_bytes(read_page_bytes(path)), path.name)
    except PageFileError as exc:
        return (f"unreadable: {exc}",)
    seg = segment_page(page)
    tagged = with_suggestions(seg)
    tags = [[(t.name, t.kind) for t in a.suggestions] for a in tagged.articles]
    return digest(seg.to_json()), digest(tags), digest(search_words(seg))


def main() -> None:
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    files = sorted(folder.rglob("*.txt"))
    with out.open("w", encoding="utf-8") as sink:
        for path in files:
            sink.write("\t".join([str(path.relative_to(folder)), *outputs(path)]) + "\n")
    print(f"{len(files)} pages, tokenised by {nlp.tokeniser()}: {out}")


if __name__ == "__main__":
    main()
