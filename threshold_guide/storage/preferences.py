"""Small per-user settings of the terminal app: whether the first-run note was read, the
theme, the language.

A broken or missing file means the defaults: settings must never stop the app opening.
A plain dataclass rather than a pydantic model on purpose: the app reads this file before
its first frame (the 999 line, in the chosen language), which is painted before pydantic
and the core are imported.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from threshold_guide.i18n.languages import is_interface_language
from threshold_guide.paths import data_dir
from threshold_guide.storage.atomic import write_atomic


@dataclass(frozen=True)
class Preferences:
    intro_seen: bool = False
    """The first-run note has been shown and dismissed."""
    theme: str | None = None
    """The Textual theme chosen last, e.g. 'textual-light'."""
    language: str | None = None
    """The interface language chosen last in the app ('en' or 'cy'); None: never chosen."""

    def but(self, **changes: object) -> Preferences:
        return replace(self, **changes)  # type: ignore[arg-type]


def preferences_path() -> Path:
    return data_dir() / "preferences.json"


def load_preferences(path: Path | None = None) -> Preferences:
    try:
        data = json.loads((path or preferences_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    theme = data.get("theme")
    language = data.get("language")
    return Preferences(
        intro_seen=data.get("intro_seen") is True,
        theme=theme if isinstance(theme, str) else None,
        # A language the app no longer speaks is as good as none chosen.
        language=language if isinstance(language, str) and is_interface_language(language)
        else None,
    )


def save_preferences(preferences: Preferences, path: Path | None = None) -> None:
    text = json.dumps(asdict(preferences), indent=2, sort_keys=True) + "\n"
    write_atomic(path or preferences_path(), text, private=True)
