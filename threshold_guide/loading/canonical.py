"""Canonical content and its hash: the identity a session pins a document version by.

The hash is taken over the validated model, not the file bytes, so reformatting a YAML
file or editing its comments does not change it, while changing any field does.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel


def canonical_json(model: BaseModel) -> str:
    """Compact, key-sorted JSON of a model, with every default written out."""
    data: Any = model.model_dump(mode="json")
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(model: BaseModel) -> str:
    """sha256 hex digest of :func:`canonical_json`."""
    return hashlib.sha256(canonical_json(model).encode("utf-8")).hexdigest()
