"""One tokenisation a page: import cuts each text of a page once, whoever asks for it.

The segmenter (heading words), the suggested tags and the search index all read words
through `nlp.tokens`, whose cache hands the second and third reader the first one's
tokens; the segmenter's line-break evidence probes the dictionary and cuts nothing. So
the characters import cuts for a page are about the page's own: the only overlap left is
a heading's lines, cut for heading attachment, and then its title (their join): 1% of a
newspaper page's characters, up to 5% of the suite's small pages, all heading text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from banmian.core.corpus.preparation import prepare
from banmian.core.words import nlp

from tests.layouts import LAYOUTS


@pytest.fixture
def cuts(monkeypatch) -> list[str]:
    """Every text that reaches a cutter (the fast one or jieba) during the test."""
    seen: list[str] = []
    fast, slow = nlp._fast_cut(), nlp.jieba_tokens

    def spy(cut):
        def cutting(text: str) -> tuple[str, ...]:
            seen.append(text)
            return cut(text)

        return cutting

    monkeypatch.setattr(nlp, "_fast_cut", lambda: fast and spy(fast))
    monkeypatch.setattr(nlp, "jieba_tokens", spy(slow))
    nlp.tokens.cache_clear()
    yield seen
    nlp.tokens.cache_clear()


def test_import_cuts_each_text_of_a_page_once(cuts, tmp_path: Path, sample_text):
    pages = {"sample": sample_text, **{name: build().text for name, build in LAYOUTS.items()}}
    for name, text in pages.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, "utf-8")
        nlp.tokens.cache_clear()
        cuts.clear()
        prepared = prepare((path, tmp_path))
        assert prepared.new is not None, prepared.error
        assert len(cuts) == len(set(cuts)), name  # no text cut twice
        cut_chars = sum(map(len, cuts))
        assert cut_chars <= len(text), (name, cut_chars, len(text))
        # and what is cut twice inside a longer text (a heading's line in its title) is little
        distinct = set(cuts)
        inside = sum(len(c) for c in distinct if any(c != d and c in d for d in distinct))
        assert inside <= 0.06 * len(text), (name, inside)
