"""Where each value (and each mapping key) of a parsed file starts.

Positions come from character offsets (see :mod:`threshold_guide.loading.positions`), so
they are counted as an editor counts them whatever the parser thinks a line is.
"""

from __future__ import annotations

import json
import json.decoder
import re
from collections.abc import Callable

import yaml

from threshold_guide.loading.positions import LineIndex, Position

Location = tuple[str | int, ...]
"""A path into the data: mapping keys and list indexes, as pydantic reports them."""

_START = Position(1, 1)


class SourceMap:
    """Positions of the values of a file. This base puts everything at 1:1 (no source)."""

    def locate(self, location: Location, *, key: bool = False) -> Position:
        """The position of ``location``, or of its nearest ancestor that has one."""
        return _START


_BOOL_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "Yes", "No", "True", "False"})


class YamlSourceMap(SourceMap):
    """Positions looked up on demand by walking the composed node tree: recording every
    position while loading would double the cost of reading a large document, and only a
    file with problems needs any."""

    def __init__(self, root: yaml.Node, text: str) -> None:
        self._root = root
        self._lines = LineIndex(text)

    def position(self, node: yaml.Node) -> Position:
        return self._lines.position(node.start_mark.index)

    def _walk(self, location: Location) -> tuple[list[yaml.Node], yaml.Node | None]:
        """The nodes along ``location`` (values), and the key node of the last step."""
        nodes: list[yaml.Node] = []
        key_node: yaml.Node | None = None
        node: yaml.Node | None = self._root
        for part in location:
            if node is None:
                break
            nodes.append(node)
            key_node = None
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for candidate_key, candidate_value in node.value:
                    if isinstance(candidate_key, yaml.ScalarNode) and (
                        candidate_key.value == str(part)
                        or (candidate_key.value in _BOOL_WORDS and isinstance(part, bool))
                    ):
                        key_node, child = candidate_key, candidate_value
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child = node.value[part]
            node = child
        if node is not None:
            nodes.append(node)
        return nodes, key_node if len(nodes) > len(location) else None

    def locate(self, location: Location, *, key: bool = False) -> Position:
        nodes, key_node = self._walk(location)
        if key and key_node is not None:
            return self.position(key_node)
        return self.position(nodes[-1]) if nodes else _START


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
# The json module's own (C) string scanner; typeshed does not declare it.
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_Members = dict[str, tuple[int, int]] | list[int] | None


class JsonSourceMap(SourceMap):
    """Positions in a JSON file, found by scanning the text itself.

    Composing JSON as YAML to find positions failed on JSON that YAML reads differently (a
    key over 1,024 characters, which YAML refuses as a key), and then put every problem at
    1:1. Here each object or array on the way to a location is scanned once, at C speed
    (its members are skipped with the json module's own decoder), and remembered.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines = LineIndex(text)
        self._members: dict[int, _Members] = {}

    def _skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self._text, offset)
        return match.end() if match else offset

    def _children(self, offset: int) -> _Members:
        if offset not in self._members:
            try:
                if self._text.startswith("{", offset):
                    self._members[offset] = self._object(offset)
                elif self._text.startswith("[", offset):
                    self._members[offset] = self._array(offset)
                else:
                    self._members[offset] = None
            except (ValueError, IndexError):
                self._members[offset] = None  # not JSON after all: nothing below here
        return self._members[offset]

    def _value_end(self, offset: int) -> int:
        return self._skip(_DECODER.raw_decode(self._text, offset)[1])

    def _object(self, offset: int) -> dict[str, tuple[int, int]]:
        text = self._text
        members: dict[str, tuple[int, int]] = {}
        at = self._skip(offset + 1)
        if text[at] == "}":
            return members
        while True:
            if text[at] != '"':
                raise ValueError(at)
            name, end = _scanstring(text, at + 1)
            colon = self._skip(end)
            if text[colon] != ":":
                raise ValueError(colon)
            value = self._skip(colon + 1)
            members.setdefault(name, (at, value))
            at = self._value_end(value)
            if text[at] == "}":
                return members
            at = self._skip(at + 1)

    def _array(self, offset: int) -> list[int]:
        text = self._text
        items: list[int] = []
        at = self._skip(offset + 1)
        if text[at] == "]":
            return items
        while True:
            items.append(at)
            at = self._value_end(at)
            if text[at] == "]":
                return items
            at = self._skip(at + 1)

    def locate(self, location: Location, *, key: bool = False) -> Position:
        offset = self._skip(0)
        key_offset: int | None = None
        for part in location:
            children = self._children(offset)
            key_offset = None
            if isinstance(children, dict) and str(part) in children:
                key_offset, offset = children[str(part)]
            elif (
                isinstance(children, list)
                and isinstance(part, int)
                and not isinstance(part, bool)
                and 0 <= part < len(children)
            ):
                offset = children[part]
            else:
                return self._lines.position(offset)
        if key and key_offset is not None:
            return self._lines.position(key_offset)
        return self._lines.position(offset)
