"""The tag vocabulary: seeding, validation, shortcuts and completion names."""

from __future__ import annotations

import dataclasses

import pytest
from banmian.core.corpus.store import PageMeta, Store
from banmian.core.corpus.vocabulary import (
    VOCABULARY_KINDS,
    VocabularyEntry,
    add_entry,
    default_entries,
    known_tag_names,
    remove_entry,
    seed_vocabulary,
    vocabulary,
)
from banmian.core.page.model import Tag


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "v.db")
    yield s
    s.close()


def test_seeding_fills_an_empty_vocabulary_once(store):
    defaults = default_entries()
    assert len(defaults) >= 24
    assert {"经济", "政务", "社会", "民生", "教育", "科技", "文化", "体育", "国际"} <= {
        e.name for e in defaults
    }
    assert all(e.kind in VOCABULARY_KINDS for e in defaults)
    shortcuts = [e.shortcut for e in defaults if e.shortcut]
    assert len(shortcuts) == len(set(shortcuts))
    assert seed_vocabulary(store) == len(defaults)
    assert seed_vocabulary(store) == 0
    entries = vocabulary(store)
    assert len(entries) == len(defaults)
    ranks = [VOCABULARY_KINDS.index(e.kind) for e in entries]
    assert ranks == sorted(ranks)


def test_add_update_and_remove(store):
    assert add_entry(store, "  航空 ", "topic", "h") == VocabularyEntry("航空", "topic", "h")
    add_entry(store, "航空", "section")  # an existing name is updated, shortcut dropped
    assert vocabulary(store) == [VocabularyEntry("航空", "section", None)]
    remove_entry(store, "航空")
    assert vocabulary(store) == []
    with pytest.raises(ValueError, match="not in the tag vocabulary"):
        remove_entry(store, "航空")


@pytest.mark.parametrize(
    "name, kind, shortcut, message",
    [
        ("", "topic", None, "cannot be empty"),
        ("   ", "topic", None, "cannot be empty"),
        ("长" * 41, "topic", None, "too long"),
        ("航空", "subject", None, "unknown tag kind 'subject'; use one of topic"),
        ("航空", "topic", "ab", "one visible character"),
        ("航空", "topic", " ", "one visible character"),
        ("航空", "topic", "\n", "one visible character"),
    ],
)
def test_bad_entries_are_refused_with_a_reason(store, name, kind, shortcut, message):
    with pytest.raises(ValueError, match=message):
        add_entry(store, name, kind, shortcut)
    assert vocabulary(store) == []


def test_shortcuts_are_unique_whatever_their_case(store):
    add_entry(store, "经济", "section", "e")
    with pytest.raises(ValueError, match="shortcut 'E' is already used by '经济'"):
        add_entry(store, "教育", "section", "E")
    add_entry(store, "经济", "section", "e")  # keeping one's own shortcut is fine
    add_entry(store, "教育", "section", "j")
    assert {e.name: e.shortcut for e in vocabulary(store)} == {"经济": "e", "教育": "j"}


def test_known_names_are_the_vocabulary_and_accepted_tags(store, sample_page):
    store.add_page(sample_page, PageMeta("sample_page.txt"))
    seg = store.load(1)
    first = dataclasses.replace(seg.articles[0], tags=(Tag("古镇口会议", "topic", "user"),))
    store.save(1, dataclasses.replace(seg, articles=(first, *seg.articles[1:])), "tag")
    add_entry(store, "经济", "section")
    names = known_tag_names(store)
    assert "经济" in names and "古镇口会议" in names
    suggested = {t.name for a in seg.articles for t in a.suggestions}
    assert suggested and not (suggested - {"经济"}) & set(names)
    assert names == sorted(names)
