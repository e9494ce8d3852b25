"""Shared fixtures: the sample page and an isolated environment for every test."""

from __future__ import annotations

import os
from importlib import resources

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from banmian.core.page.model import Page  # noqa: E402


@pytest.fixture(scope="session")
def sample_text() -> str:
    return resources.files("banmian.resources").joinpath("sample_page.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def sample_page(sample_text: str) -> Page:
    return Page.from_text(sample_text, "sample_page.txt")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's data folder or Qt settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("HOME", str(home))
