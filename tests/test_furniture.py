"""A line marked as page furniture on one page is proposed as furniture on the other
untouched pages of that newspaper, at once and with a doubt saying why."""

from __future__ import annotations

from banmian.core.corpus.furniture import furniture_texts, mark_furniture, spread_furniture
from banmian.core.corpus.repropose import untouched
from banmian.core.corpus.store import Store
from banmian.core.page.meta import PageMeta
from banmian.core.page.model import Role

from tests.furniture_pages import CREDIT, credit_page, glued_proposal


def test_mark_furniture_takes_the_line_out_with_a_doubt():
    page = credit_page(1)
    marked, lines = mark_furniture(glued_proposal(page), [CREDIT], "marked on p.1")
    assert lines == [4]
    assert [(b.role, b.first, b.last) for b in marked.articles[0].blocks] == [
        (Role.HEADLINE, 1, 1),
        (Role.BODY, 2, 2),
        (Role.BODY, 3, 3),
    ]
    (noise,) = marked.unassigned
    assert (noise.role, noise.first, noise.last) == (Role.NOISE, 4, 4)
    (doubt,) = noise.doubts
    assert doubt.alternatives == ("noise", "body") and "p.1" in doubt.reason
    assert mark_furniture(marked, [CREDIT], "again") == (marked, [])  # already noise


def _store(tmp_path) -> tuple[Store, list[int]]:
    store = Store(tmp_path / "corpus.db")
    ids = []
    for n, paper in ((1, "人民日报"), (2, "人民日报"), (3, "人民日报"), (4, "光明日报")):
        page = credit_page(n)
        meta = PageMeta(f"p{n}.txt", paper, "2020-02-0{n}", str(n))
        ids.append(store.add_page(page, meta, glued_proposal(page)).page_id)
    return store, ids


def test_spread_changes_only_untouched_pages_of_the_same_newspaper(tmp_path):
    store, (one, two, three, other_paper) = _store(tmp_path)
    # the annotator corrects page 3 a little, and on page 1 makes the credit furniture
    from banmian.core.edits.structure import set_role

    store.save(three, set_role(store.load(three), [1], Role.KICKER).segmentation, "set_role")
    by_hand, _ = mark_furniture(store.load(one), [CREDIT], "")
    store.save(one, by_hand, "set_role")
    texts = furniture_texts(store.load(one), [4])
    assert texts == [CREDIT]
    assert spread_furniture(store, one, texts) == [two]
    assert store.load(two).block(4).role is Role.NOISE
    assert "p.1" in store.load(two).block(4).doubts[0].reason
    assert store.load(three).block(3).last == 4  # an annotator's page: left alone
    assert store.load(other_paper).block(3).last == 4  # another paper: left alone
    assert untouched(store, two)  # still re-proposable: the rule is a proposal
    log = [r["action"] for r in store.rows("SELECT action FROM edit_log WHERE page_id = ?", [two])]
    assert log == ["import", "furniture_rule"]
    assert spread_furniture(store, one, texts) == []  # again: nothing left to change
    store.close()


def test_repropose_applies_the_rules_again_while_they_hold(tmp_path, monkeypatch):
    from banmian.core.corpus import repropose
    from banmian.core.edits.structure import set_role

    store, (one, two, three, other_paper) = _store(tmp_path)
    marked, _ = mark_furniture(store.load(one), [CREDIT], "")
    store.save(one, marked, "set_role")
    spread_furniture(store, one, furniture_texts(store.load(one), [4]))
    later = store.add_page(
        credit_page(5), PageMeta("p5.txt", "人民日报"), glued_proposal(credit_page(5))
    )
    # whatever the model in use, the proposal glues the credit again
    monkeypatch.setattr(repropose, "segment_page", lambda page, model=None: glued_proposal(page))

    repropose.repropose(store)
    for page_id in (two, three, later.page_id):  # the rule survives the new proposal
        noise = store.load(page_id).block(4)
        assert noise.role is Role.NOISE and "p.1" in noise.doubts[0].reason
        assert untouched(store, page_id)
    assert store.load(other_paper).block(3).last == 4  # another newspaper: no rule

    # the annotator takes the marking back on page 1: the rule no longer holds
    store.save(one, set_role(store.load(one), [4], Role.BODY).segmentation, "set_role")
    repropose.repropose(store)
    assert store.load(two).block(3).last == 4
    store.close()
