"""The error every reading step raises for bad input: a stable code, a position and a fix."""

from __future__ import annotations

from threshold_guide.loading.positions import Position


class YamlProblem(Exception):
    """A file that cannot be read as YAML data. Carries a position and a fix."""

    def __init__(self, code: str, message: str, position: Position, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position
        self.hint = hint
