"""Render a summary (or any model) as stable, pretty JSON."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel


def render_json(model: BaseModel | list[Any] | dict[str, Any]) -> str:
    """Indented JSON with a trailing newline; field order as the model declares it."""
    data = model.model_dump(mode="json") if isinstance(model, BaseModel) else model
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
