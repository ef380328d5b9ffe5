"""What every file model shares: strict parsing and the id pattern."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"

Identifier = Annotated[str, Field(pattern=ID_PATTERN, max_length=120)]
"""An id: lower-case letters, digits, '-', '_' or '.', starting with a letter or digit.

(No description here: it would replace each field's own docstring in the JSON Schema.)"""


class Strict(BaseModel):
    """Base for file models: unknown fields are errors, so a typo never passes silently.

    Fields with an alias (``is``, ``all``, ``any``, ``not`` in conditions) are read and
    written by that alias, so files and JSON Schemas use the words a reader expects.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=False,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
    )
