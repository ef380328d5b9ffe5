"""Fixtures for the terminal app tests: a frozen clock, a private data folder, the catalog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from threshold_guide.loading.catalog import Catalog
from threshold_guide.storage.preferences import Preferences, save_preferences
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.tui.app import ThresholdApp

from ..conftest import GUIDANCE

NOW = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)


def frozen_clock() -> dt.datetime:
    return NOW


@pytest.fixture(scope="session")
def shipped_catalog() -> Catalog:
    """Loaded once: every app test reads the same shipped guidance."""
    return Catalog.load([GUIDANCE])


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("THRESHOLD_GUIDE_DATA", str(folder))
    return folder


@pytest.fixture
def make_app(data_dir: Path, shipped_catalog: Catalog) -> Callable[..., ThresholdApp]:
    """Build an app on a private data folder; the first-run note is already read unless
    ``intro_seen=False``."""

    def build(*, intro_seen: bool = True, catalog: Catalog | None = None,
              guidance: list[Path] | None = None, **options: Any) -> ThresholdApp:
        prefs = data_dir / "preferences.json"
        if intro_seen:
            save_preferences(Preferences(intro_seen=True), prefs)
        options.setdefault("clock", frozen_clock)
        options.setdefault("export_dir", data_dir / "exports")
        options.setdefault("store", SessionStore(data_dir / "sessions"))
        return ThresholdApp(
            guidance,
            catalog=catalog if catalog is not None or guidance else shipped_catalog,
            preferences_path=prefs,
            **options,
        )

    return build
