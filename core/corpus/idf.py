"""The database's own word weights: IDF learnt from its articles once it holds enough.

Tag suggestions weigh keywords by IDF; jieba's general table serves until a corpus is
large enough to say which words are common in *its* newspapers. Kept in the corpus
package because it reads the store; the tagger only receives an `Idf`.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from banmian.core.corpus.store import Store
from banmian.core.words.tagging import Idf, article_words, learn_idf

# A database learns its own IDF once it holds this many articles (fewer give noise).
LEARN_FROM = 200
# Learning reads at most this many articles, spread over the whole database.
LEARN_SAMPLE = 2000


def store_idf(store: Store) -> Idf:
    """The database's own IDF once it holds `LEARN_FROM` articles, else jieba's table."""
    return learned_idf(store) or Idf.general()


def learned_idf(store: Store) -> Idf | None:
    """The database's own IDF, or None while it holds fewer than `LEARN_FROM` articles.

    Learning tokenises up to `LEARN_SAMPLE` articles, so the result is kept per store
    and learned again only when the database has grown by a quarter.
    """
    (count,) = store.db.execute("SELECT count(*) FROM articles").fetchone()
    if count < LEARN_FROM:
        return None
    cached = _learned.get(store)
    if cached and cached[0] <= count < cached[0] * 1.25:
        return cached[1]
    step = max(1, count // LEARN_SAMPLE)
    rows = store.db.execute(
        "SELECT title, article_text(page_id, article_id) FROM articles WHERE rowid % ? = 0 LIMIT ?",
        [step, LEARN_SAMPLE],
    ).fetchall()
    memo: dict[str, bool] = {}
    idf = learn_idf(
        article_words(title or "", (text or "").split("\n"), memo) for title, text in rows
    )
    _learned[store] = (count, idf)
    return idf


# store → (article count when learned, its IDF); forgotten with the store
_learned: WeakKeyDictionary[Store, tuple[int, Idf]] = WeakKeyDictionary()
