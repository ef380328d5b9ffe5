"""Validate a parsed file against its model in bounded pieces, stopping at the first problems.

A file where every value is wrong made pydantic build one error per value: a million
values took 40 seconds and 5 GB before the first line was printed. Small data is
validated in one go as before. In large data, each long list of models is validated a
slice at a time, and validation stops once :data:`MAX_SCHEMA_ERRORS` problems are found.
The slices that pass are handed back as model instances, which pydantic does not validate
again, so a large valid file costs what it did.
"""

from __future__ import annotations

import functools
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

M = TypeVar("M", bound=BaseModel)

MAX_SCHEMA_ERRORS = 1_000
"""Most schema problems reported for one file; the rest are found once these are fixed."""

PIECE = 20_000
"""Values validated in one go."""


class SchemaProblems(Exception):
    """The schema problems of one file: at most :data:`MAX_SCHEMA_ERRORS`, and whether
    there are more."""

    def __init__(self, details: list[ErrorDetails], more: bool) -> None:
        super().__init__(f"{len(details)} problems" + (" and more" if more else ""))
        self.details = details
        self.more = more


def _values(data: Any, stop: int) -> int:
    """How many values (keys included) ``data`` holds, counting no further than ``stop``."""
    count = 0
    stack = [data]
    while stack and count <= stop:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            count += len(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


def _list_item_model(annotation: Any) -> type[BaseModel] | None:
    """``Sub`` when ``annotation`` is ``list[Sub]`` of a model (Annotated allowed)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _list_item_model(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) is not list:
        return None
    item = typing.get_args(annotation)[0]
    if typing.get_origin(item) is typing.Annotated:
        item = typing.get_args(item)[0]
    return item if isinstance(item, type) and issubclass(item, BaseModel) else None


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


class _Validation:
    def __init__(self) -> None:
        self.found: list[ErrorDetails] = []
        self.more = False

    @property
    def full(self) -> bool:
        return self.more or len(self.found) >= MAX_SCHEMA_ERRORS

    def _record(
        self, error: ValidationError, prefix: tuple[int | str, ...], offset: int = 0
    ) -> None:
        """Keep the problems of ``error``, found at ``prefix`` (in a slice from ``offset``)."""
        for detail in error.errors(include_url=False):
            if len(self.found) >= MAX_SCHEMA_ERRORS:
                self.more = True
                return
            loc = detail["loc"]
            if offset and loc and isinstance(loc[0], int):
                loc = (loc[0] + offset, *loc[1:])
            detail["loc"] = (*prefix, *loc)
            self.found.append(detail)

    def model(self, model: type[BaseModel], data: Any, loc: tuple[int | str, ...]) -> Any:
        """A ``model`` instance, or None with the problems recorded."""
        if isinstance(data, dict) and _values(data, PIECE) > PIECE:
            pieces = dict(data)
            for name, field in model.model_fields.items():
                item_model = _list_item_model(field.annotation)
                if item_model is not None and isinstance(data.get(name), list):
                    pieces[name] = self.items(item_model, data[name], (*loc, name))
                    if self.full:
                        return None
            if self.found:
                return None
            data = pieces
        try:
            return model.model_validate(data)
        except ValidationError as error:
            self._record(error, loc)
            return None

    def items(self, model: type[BaseModel], items: list[Any], loc: tuple[int | str, ...]
              ) -> list[Any]:
        """The items as instances where they pass, as given where they do not."""
        result: list[Any] = []
        start, size = 0, 0

        def flush(end: int) -> None:
            if start == end:
                return
            try:
                result.extend(_list_adapter(model).validate_python(items[start:end]))
            except ValidationError as error:
                result.extend(items[start:end])
                self._record(error, loc, start)

        for index, item in enumerate(items):
            if self.full:
                break
            values = _values(item, PIECE)
            if values > PIECE:
                flush(index)
                instance = self.model(model, item, (*loc, index))
                result.append(item if instance is None else instance)
                start, size = index + 1, 0
                continue
            size += values
            if size >= PIECE:
                flush(index + 1)
                start, size = index + 1, 0
        flush(len(items) if not self.full else start)
        return result


def validate_bounded(model: type[M], data: Any) -> M:
    """``data`` as a ``model``; raises :class:`SchemaProblems` with the first problems."""
    validation = _Validation()
    instance = validation.model(model, data, ())
    if instance is None:
        raise SchemaProblems(validation.found, validation.more)
    return typing.cast(M, instance)
