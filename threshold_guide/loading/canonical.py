"""Canonical content and its hash: the identity a session pins a document version by.

The hash is taken over the validated model, not the file bytes, so reformatting a YAML
file or editing its comments does not change it, while changing any field does.
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel


def canonical_json(model: BaseModel) -> bytes:
    """Compact JSON of a model with every default written out.

    Fields come out in the order the model declares them, whatever order the file used,
    and language mappings are sorted when validated (see ``models.text``), so the bytes
    depend only on the content. pydantic's Rust serialiser makes this cheap enough to
    hash every document on every load.
    """
    return model.__pydantic_serializer__.to_json(model)


def content_hash(model: BaseModel) -> str:
    """sha256 hex digest of :func:`canonical_json`."""
    return hashlib.sha256(canonical_json(model)).hexdigest()
