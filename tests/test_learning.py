"""Learning from verified pages: models stored with the database, used only if better,
going back to any model, proposing untouched pages again, import with the model in use."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from banmian.core.corpus import learning, models
from banmian.core.corpus.importer import import_paths
from banmian.core.corpus.repropose import repropose
from banmian.core.corpus.rows import new_page
from banmian.core.corpus.store import Store
from banmian.core.page.meta import PageMeta
from banmian.core.page.model import Page, segmentation_from_json
from banmian.core.segmentation import heading_odds
from banmian.core.segmentation.line_model import shipped_model
from banmian.core.segmentation.segmenter import segment_page

from tests.cli_run import banmian as run_banmian
from tests.page_builder import build

PAPER = "西海岸日报"
NO_BASE = learning.BaseData((), "no base data (test)")
FAST = {"iterations": 3, "folds": 2, "base": NO_BASE}
CLAUSES = (
    "区财政局召开专题会议，部署今年预算执行工作",
    "地铁6号线二期工程进入前期研究阶段",
    "老旧小区改造惠及万户居民，加装电梯百余部",
    "新建学校九所，新增学位一万余个",
    "港口货物吞吐量同比增长百分之六",
    "全区新增就业两千人，城镇登记失业率保持低位",
    "海洋科技企业落户园区，总投资四十亿元",
    "社区卫生服务中心延长服务时间",
)


def page_text(n: int):
    """A small page with two articles, different for every n (never a duplicate)."""
    a, b = CLAUSES[n % len(CLAUSES)], CLAUSES[(n + 3) % len(CLAUSES)]
    return build(
        [
            ("", "noise", f"2023年3月{n + 1}日 第{n + 2}版"),
            ("", "blank", ""),
            ("A1", "headline", a[:9]),
            ("A1", "byline", f"□记者 王明{n} 报道"),
            ("A1", "body", f"本报讯 {a}。{b}，第{n}次会议明确了工作安排。"),
            ("A1", "body", f"{b}。有关负责人介绍，{a}，年内完成。"),
            ("", "blank", ""),
            ("A2", "headline", b[:8]),
            ("A2", "body", f"{a}，{b}。记者从有关部门获悉，第{n}批项目已经开工。"),
        ],
        source=f"p{n}.txt",
    )


def add(store: Store, n: int, verified: bool, newspaper: str = PAPER) -> int:
    built = page_text(n)
    page = Page.from_text(built.text, built.gold["source"])
    meta = PageMeta(built.gold["source"], newspaper, f"2023-03-{n + 1:02d}", str(n))
    (added,) = store.add_pages([new_page(page, meta, segment_page(page))])
    if verified:
        store.save(added.page_id, segmentation_from_json(page, built.gold), "gold copied in")
        store.set_status(added.page_id, "verified")
    return added.page_id


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "corpus.db", annotator="test")
    for n in range(6):
        add(s, n, verified=True)
    yield s
    s.close()


def rigged(monkeypatch, candidate: float, current: float) -> None:
    """Fixes per page as if the candidate scored `candidate` and the model in use
    `current` (the real scoring runs in the other tests)."""

    def fake(model, pages):
        return {
            p.id: candidate if isinstance(model, models.StackedModel) else current for p in pages
        }

    monkeypatch.setattr(learning, "fixes_per_page", fake)


def test_training_stores_a_model_with_its_pages_and_scores(store):
    (outcome,) = learning.learn(store, **FAST)
    assert outcome.model_id is not None and outcome.pages == 6
    (row,) = models.stored_models(store)
    assert row.training_pages == [p.id for p in store.pages()]
    assert row.scores["folds"] == 2 and set(row.scores["pages"]) == {
        str(i) for i in row.training_pages
    }
    # fitted on every verified page: the folds' decisions calibrate it, no page held out
    assert row.card["stacked"] and row.card["pages"] == 6
    assert row.card["held_out"]["role"]["decisions"] == sum(
        len(learning.example("", store.load(i).page, store.load(i).to_json()).labels)
        for i in row.training_pages
    )
    assert row.in_use == outcome.used
    assert not outcome.used or outcome.candidate_fixes < outcome.in_use_fixes
    loaded = models.model_ref(store, row.id).load()
    assert isinstance(loaded, models.StackedModel)
    segment_page(store.load(1).page, loaded).check()
    # a heading's probability comes with it (the shipped fit: it rests on the evidence)
    assert heading_odds.weights_of(loaded.card) == heading_odds.weights_of(shipped_model().card)
    assert learning.pages_since_training(store) == 0


def test_a_worse_model_is_kept_aside_and_says_why(store, monkeypatch):
    rigged(monkeypatch, candidate=3.0, current=1.0)
    (outcome,) = learning.learn(store, **FAST)
    assert not outcome.used
    assert "3.00" in outcome.reason and "1.00" in outcome.reason and "kept aside" in outcome.reason
    assert models.proposing_id(store, PAPER) is None  # still the shipped model
    assert models.stored_model(store, outcome.model_id).decision == "kept aside"


def test_a_better_model_is_used_and_the_user_can_go_back(store, monkeypatch):
    rigged(monkeypatch, candidate=1.0, current=2.0)
    (first,) = learning.learn(store, **FAST)
    assert first.used and models.proposing_id(store, PAPER) == first.model_id
    # the next candidate is compared with the model in use, on pages it did not see:
    # its remembered cross-validation scores (1.0 each), not a fresh score
    rigged(monkeypatch, candidate=1.5, current=0.0)
    (second,) = learning.learn(store, **FAST)
    assert not second.used and second.in_use == f"model {first.model_id}"
    assert second.in_use_fixes == pytest.approx(1.0)
    models.use_model(store, second.model_id)
    assert models.proposing_id(store, PAPER) == second.model_id
    models.use_model(store, models.SHIPPED)
    assert models.proposing_id(store, PAPER) is None
    models.use_model(store, first.model_id)
    assert models.proposing_id(store, "") == first.model_id


def test_one_torn_page_does_not_decide_which_model_is_used():
    ids = range(1, 21)
    # better by one fix on 19 pages, one page torn apart: the mean says worse, yet the
    # candidate proposes the pages better
    in_use = {i: 3.0 for i in ids}
    candidate = {i: 2.0 for i in ids} | {20: 60.0}
    assert sum(candidate.values()) > sum(in_use.values())
    assert learning.trusted_gain(candidate, in_use)[0]
    # better on the mean by one lucky page, worse on the others: not trusted
    candidate = {i: 4.0 for i in ids} | {20: 0.0}
    in_use = {i: 3.0 for i in ids} | {20: 60.0}
    assert sum(candidate.values()) < sum(in_use.values())
    assert not learning.trusted_gain(candidate, in_use)[0]
    # a gain that five pages cannot vouch for is not taken
    used, why = learning.trusted_gain(
        {1: 2.0, 2: 9.0, 3: 1.0, 4: 5.0, 5: 3.0}, {1: 5.0, 2: 6.0, 3: 4.0, 4: 4.0, 5: 3.0}
    )
    assert not used and "better on 2 pages, worse on 2" in why


def test_a_newspaper_gets_its_own_model_once_it_has_enough_pages(store, monkeypatch):
    monkeypatch.setattr(learning, "PAPER_PAGES", 4)
    add(store, 10, verified=True, newspaper="另一报")
    assert learning.scopes(store) == [PAPER, ""]
    assert learning.scopes(store, "另一报") == ["另一报"]
    (few,) = learning.learn(store, "另一报", **FAST)
    assert few.model_id is None and "at least" in few.reason


def test_repropose_touches_only_untouched_new_pages(store, monkeypatch):
    rigged(monkeypatch, candidate=1.0, current=2.0)
    (outcome,) = learning.learn(store, **FAST)
    monkeypatch.undo()
    fresh = add(store, 20, verified=False)
    corrected = add(store, 21, verified=False)
    seg = store.load(corrected)
    store.save(corrected, seg, "set_role", {})
    store.set_status(corrected, "new")  # back to new, but its log holds a correction
    tagged = add(store, 22, verified=False)
    store.db.execute(
        "INSERT INTO article_tags (page_id, article_id, name, kind, source) "
        "SELECT page_id, article_id, '交通', 'topic', 'user' FROM articles WHERE page_id = ? LIMIT 1",
        [tagged],
    )
    store.db.conn.commit()
    before = {p: store.load(p).to_json() for p in (corrected, tagged)}
    report = repropose(store)
    assert fresh in report.changed + report.unchanged
    assert set(report.skipped) >= {corrected, tagged}
    assert store.page_row(fresh)["proposed_by"] == outcome.model_id
    assert store.page_row(fresh)["status"] == "new"
    for p in (corrected, tagged):
        assert store.load(p).to_json() == before[p]
        assert "repropose" not in [e.action for e in store.history(p)]
        assert store.page_row(p)["proposed_by"] is None
    verified = store.pages("verified")[0].id
    assert "repropose" not in [e.action for e in store.history(verified)]


def test_import_proposes_with_the_model_in_use(store, monkeypatch, tmp_path):
    rigged(monkeypatch, candidate=1.0, current=2.0)
    (outcome,) = learning.learn(store, **FAST)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "p30.txt").write_text(page_text(30).text, "utf-8")
    report = import_paths(store, [folder], workers=1, newspaper=PAPER)
    assert len(report.imported) == 1
    (row,) = store.rows("SELECT proposed_by FROM pages WHERE source_file LIKE '%p30.txt'")
    assert row["proposed_by"] == outcome.model_id


def test_a_cancelled_training_stores_nothing(store):
    import threading

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(learning.Cancelled):
        learning.learn(store, cancel=cancel, **FAST)
    assert models.stored_models(store) == []


def test_the_base_sample_holds_no_page_text_and_matches_the_features():
    path = Path(learning.__file__).resolve().parents[2] / "resources" / learning.BASE_NAME
    assert path.stat().st_size <= 2_000_000
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        first = json.loads(handle.readline())
    shape = re.compile(r"^[A-Za-z0-9=|:+.\-]+$")
    assert all(shape.match(f) for f in header["vocabulary"])
    assert set(first) == {"name", "labels", "lines"}
    assert header["features"] == learning.features_fingerprint(), (
        "the features changed: rebuild with python -m tests.devcorpus.base_sample"
    )


def test_the_commands(tmp_path):
    db = tmp_path / "cli.db"
    s = Store(db, annotator="test")
    for n in range(4):
        add(s, n, verified=True)
    add(s, 9, verified=False)
    s.close()

    def banmian(*args):
        return run_banmian("--db", str(db), *args)

    trained = banmian("train", "--iterations", "2", "--folds", "2", "--no-base", "--quiet")
    assert trained.returncode == 0, trained.stderr
    assert re.search(r"model 1 (in use|kept aside)", trained.stdout)
    listed = banmian("models")
    assert listed.returncode == 0 and "fixes/page" in listed.stdout
    assert banmian("models", "--use", "1").stdout.count("model 1 is in use") == 1
    assert "shipped model is in use" in banmian("models", "--use", "shipped").stdout
    assert banmian("models", "--use", "x").returncode == 2
    again = banmian("repropose", "--quiet")
    assert again.returncode == 0 and "proposed again" in again.stdout


def test_review_menu_learns_in_the_background(qtbot, tmp_path, monkeypatch):
    from banmian.gui.app import make_application
    from banmian.gui.main_window import MainWindow
    from PySide6.QtCore import QSettings

    make_application()
    db = tmp_path / "gui.db"
    s = Store(db, annotator="test")
    for n in range(5):
        add(s, n, verified=True)
    s.close()
    monkeypatch.setattr(learning, "ITERATIONS", 2)
    real_learn = learning.learn
    monkeypatch.setattr(
        learning, "learn", lambda store, **kw: real_learn(store, folds=2, base=NO_BASE, **kw)
    )
    monkeypatch.setattr(learning, "OFFER_AFTER", 5)
    window = MainWindow(db, QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.learning.check_offer()
    assert not window.learning.offer.isHidden()  # enough new verified pages: offered
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, "learn")
    assert "Review" in action.parent().title()  # Review → Learn from verified pages
    action.trigger()
    qtbot.waitUntil(lambda: window.learning.running is None, timeout=20_000)
    assert len(models.stored_models(window.store)) == 1
    assert window.learning.offer.isHidden()
    window.close()
