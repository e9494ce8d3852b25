"""Where the annotator's database lives unless they name another one.

The default is `banmian.db` in the platform's user data folder, created on first use and
seeded with the bundled sample page so that the window never opens on an empty corpus.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from banmian.core.corpus.store import PageMeta, Store
from banmian.core.page.model import Page
from platformdirs import user_data_dir


def default_database() -> Path:
    return Path(user_data_dir("banmian", appauthor=False)) / "banmian.db"


def sample_page() -> Page:
    text = resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")
    return Page.from_text(text, "sample_page.txt")


def open_store(path: str | Path | None = None, readonly: bool = False) -> Store:
    """The store at `path`, or the default one (seeded with the sample page when new).

    `readonly` (commands that only read): the file must exist already and is neither
    created, migrated nor converted; DatabaseRefused says why it cannot be opened."""
    if path is not None or readonly:
        return Store(path if path is not None else default_database(), readonly=readonly)
    target = default_database()
    is_new = not target.exists()
    store = Store(target)
    if is_new:
        store.add_page(sample_page(), PageMeta("sample_page.txt"))
    return store
