"""The one place that configures YAML: safe C loader, size limits and source positions.

Documents are parsed to a node tree with libyaml (``CSafeLoader``) and converted to plain
Python here, so that every value keeps the line and column it came from. Validation errors
can then point at ``file:line:col`` instead of at a pydantic location tuple. The conversion
also closes the holes a plain ``yaml.safe_load`` leaves open: duplicate keys (silently
overwritten by YAML) and alias bombs (a few lines that expand to billions of values).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml is part of the PyYAML wheels we support
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Largest file read. A 20,000-question document is about 10 MB."""

MAX_NODES = 5_000_000
"""Most values a document may expand to once aliases are followed."""

Location = tuple[str | int, ...]
"""A path into the data: mapping keys and list indexes, as pydantic reports them."""


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a parsed file starts."""

    values: dict[Location, Position] = field(default_factory=dict)
    keys: dict[Location, Position] = field(default_factory=dict)

    def locate(self, location: Location, *, key: bool = False) -> Position:
        """The position of ``location``, or of its nearest ancestor that has one."""
        if key and location in self.keys:
            return self.keys[location]
        path = location
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Position(1, 1))


class YamlProblem(Exception):
    """A file that cannot be read as YAML data. Carries a position and a fix."""

    def __init__(self, code: str, message: str, position: Position, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position
        self.hint = hint


@dataclass
class ParsedYaml:
    data: Any
    source_map: SourceMap


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Converter:
    """Turns a composed node tree into plain data, recording positions as it goes."""

    def __init__(self) -> None:
        self.source_map = SourceMap()
        self._scalars = yaml.constructor.SafeConstructor()
        self._budget = MAX_NODES

    def convert(self, node: yaml.Node, location: Location) -> Any:
        self._budget -= 1
        if self._budget < 0:
            raise YamlProblem(
                "E104",
                f"the YAML expands to more than {MAX_NODES:,} values",
                _position(node),
                "remove the anchors (&) and aliases (*) that repeat large blocks",
            )
        self.source_map.values[location] = _position(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*location, index)) for index, item in enumerate(node.value)]
        return self._scalars.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    "E105",
                    "a mapping key must be a plain value, not a list or mapping",
                    _position(key_node),
                    "check the indentation of this line",
                )
            key = self._scalars.construct_object(key_node)
            if not isinstance(key, str | int | bool) and key is not None:
                key = str(key)
            if key in result:
                first = self.source_map.keys.get((*location, key))
                where = f" (first given on line {first.line})" if first else ""
                raise YamlProblem(
                    "E106",
                    f"the key {key!r} is given twice in the same mapping{where}",
                    _position(key_node),
                    "keep one of them: YAML would silently use only the last",
                )
            self.source_map.keys[(*location, key)] = _position(key_node)
            result[key] = self.convert(value_node, (*location, key))
        return result


def parse_yaml_text(text: str) -> ParsedYaml:
    """Parse one YAML document to plain data plus a source map. Raises :class:`YamlProblem`."""
    try:
        loader = SafeLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        problem = error.problem or "the YAML is malformed"
        context = f" {error.context}" if error.context else ""
        raise YamlProblem(
            "E101",
            f"YAML syntax error: {problem}{context}",
            position,
            "check indentation and quoting around this point; text containing ': ' or "
            "starting with a special character needs quotes or a block scalar (|)",
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem("E101", f"YAML error: {error}", Position(1, 1)) from None
    if node is None:
        raise YamlProblem(
            "E102", "the file is empty", Position(1, 1), "write the document as a YAML mapping"
        )
    converter = _Converter()
    try:
        data = converter.convert(node, ())
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        raise YamlProblem("E101", f"YAML value error: {error.problem}", position) from None
    except RecursionError:
        raise YamlProblem(
            "E104",
            "the YAML is nested too deeply",
            Position(1, 1),
            "flatten the structure; threshold documents need only a few levels",
        ) from None
    return ParsedYaml(data, converter.source_map)


def read_text(path: Path) -> str:
    """Read a UTF-8 text file within the size limit. Raises :class:`YamlProblem` or OSError."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlProblem(
            "E103",
            f"the file is {size / 1_000_000:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES / 1_000_000:.0f} MB",
            Position(1, 1),
            "split the document or check that this is the file you meant",
        )
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise YamlProblem(
            "E107",
            "the file is binary, not YAML text",
            Position(1, 1),
            "point the tool at a .yaml or .json text file",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(
            "E107",
            f"the file is not valid UTF-8 text (byte {error.start})",
            Position(line, 1),
            "save the file as UTF-8",
        ) from None


def dump_yaml(data: Any) -> str:
    """Serialise plain data as block-style YAML with keys in the order given."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
