"""The window's search runs on a worker thread with its own read-only connection: the
window keeps answering while it runs, the newest query wins, results show on arrival."""

from __future__ import annotations

import threading
import time

from banmian.core.corpus.store import Store
from banmian.gui import corpus_view
from PySide6.QtCore import QTimer

from tests.gui.conftest import press, type_chinese


def _search(qtbot, window, query: str) -> None:
    press(qtbot, window, "Ctrl+F")
    window.corpus.search.clear()
    type_chinese(window.corpus.search, query)
    press(qtbot, window, "Return")


def test_results_arrive_from_a_read_only_connection_on_another_thread(qtbot, window, monkeypatch):
    seen: list[tuple[bool, bool]] = []
    real = Store.search

    def watched(store, query, **kwargs):
        seen.append((threading.current_thread() is threading.main_thread(), store.readonly))
        return real(store, query, **kwargs)

    monkeypatch.setattr(Store, "search", watched)
    _search(qtbot, window, "包机")
    qtbot.waitUntil(lambda: window.corpus.results.count() == 1)
    assert seen == [(False, True)]  # a worker thread, a read-only connection
    assert "青岛至纽约跨境电商全货包机首飞" in window.corpus.results.item(0).text()
    assert "1 articles found" in window.statusBar().currentMessage()
    assert window.corpus.last_words == ["包机"]


def test_a_slow_search_leaves_the_window_answering(qtbot, window, monkeypatch):
    real = corpus_view.search_database
    release = threading.Event()

    def slow(database, query):
        release.wait(10)  # as long as the test wants
        return real(database, query)

    monkeypatch.setattr(corpus_view, "search_database", slow)
    _search(qtbot, window, "包机")
    assert window.corpus.searches and window.corpus.results.count() == 0
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    qtbot.wait(300)  # the event loop runs while the search waits
    assert len(ticks) >= 10
    type_chinese(window.corpus.search, "首飞")  # typing still reaches the field
    assert window.corpus.search.text() == "包机首飞"
    release.set()
    qtbot.waitUntil(lambda: not window.corpus.searches, timeout=10_000)
    timer.stop()
    assert window.corpus.results.count() == 1


def test_the_newest_query_wins_and_stale_answers_are_dropped(qtbot, window, monkeypatch):
    real = corpus_view.search_database
    first_may_answer = threading.Event()

    def held_back(database, query):
        if query == "包机":  # the first query answers only after the second
            first_may_answer.wait(10)
        return real(database, query)

    monkeypatch.setattr(corpus_view, "search_database", held_back)
    _search(qtbot, window, "包机")
    _search(qtbot, window, "西海岸")
    qtbot.waitUntil(lambda: len(window.corpus.searches) == 1, timeout=10_000)
    newest = [window.corpus.results.item(i).text() for i in range(window.corpus.results.count())]
    assert newest and all("[西海岸]" in text and "[包机]" not in text for text in newest)
    first_may_answer.set()
    qtbot.waitUntil(lambda: not window.corpus.searches, timeout=10_000)
    after = [window.corpus.results.item(i).text() for i in range(window.corpus.results.count())]
    assert after == newest  # the late answer to the older query was dropped
    assert window.corpus.last_words == ["西海岸"]


def test_closing_the_window_waits_for_a_running_search(qtbot, window, monkeypatch):
    real = corpus_view.search_database

    def slow(database, query):
        time.sleep(0.3)
        return real(database, query)

    monkeypatch.setattr(corpus_view, "search_database", slow)
    _search(qtbot, window, "包机")
    assert window.corpus.searches
    window.close()  # no thread outlives the window, no crash
    assert all(job.isFinished() for job in window.corpus.searches)
