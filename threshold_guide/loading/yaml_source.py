"""The one place that configures YAML: safe C loader, size limits and source positions.

Documents are parsed to a node tree with libyaml (``CSafeLoader``) and converted to plain
Python here, so that every value keeps the line and column it came from. Validation errors
can then point at ``file:line:col`` instead of at a pydantic location tuple. The conversion
also closes the holes a plain ``yaml.safe_load`` leaves open: duplicate keys (silently
overwritten by YAML) and alias bombs (a few lines that expand to billions of values).
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
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


class SourceMap:
    """Where each value (and each mapping key) of a parsed file starts.

    Positions are looked up on demand by walking the composed node tree: recording every
    position while loading would double the cost of reading a large document, and only a
    file with problems needs any.
    """

    def __init__(self, root: yaml.Node | None = None, text: str | None = None) -> None:
        self._node = root
        self._text = text

    @property
    def _root(self) -> yaml.Node | None:
        # A file read through the JSON fast path is composed only if a position is needed.
        if self._node is None and self._text is not None:
            text, self._text = self._text, None
            try:
                self._node = _compose(text)
            except (yaml.YAMLError, RecursionError):
                self._node = None
        return self._node

    def _walk(self, location: Location) -> tuple[list[yaml.Node], yaml.Node | None]:
        """The nodes along ``location`` (values), and the key node of the last step."""
        nodes: list[yaml.Node] = []
        key_node: yaml.Node | None = None
        node = self._root
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
        """The position of ``location``, or of its nearest ancestor that has one."""
        if self._root is None:
            return Position(1, 1)
        nodes, key_node = self._walk(location)
        if key and key_node is not None:
            return _position(key_node)
        return _position(nodes[-1]) if nodes else Position(1, 1)


_BOOL_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "Yes", "No", "True", "False"})


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


_STR_TAG = "tag:yaml.org,2002:str"
_KINDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "timestamp": "a date (YYYY-MM-DD)",
}


class _Converter:
    """Turns a composed node tree into plain data, checking keys and the size budget."""

    def __init__(self) -> None:
        self._scalars = yaml.constructor.SafeConstructor()
        self._budget = MAX_NODES

    def convert(self, node: yaml.Node) -> Any:
        self._budget -= 1
        if self._budget < 0:
            raise YamlProblem(
                "E104",
                f"the YAML expands to more than {MAX_NODES:,} values",
                _position(node),
                "remove the anchors (&) and aliases (*) that repeat large blocks",
            )
        if isinstance(node, yaml.ScalarNode):
            # Most values are plain text: skip the constructor's generic dispatch.
            if node.tag == _STR_TAG:
                return node.value
            return self._scalar(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        return [self.convert(item) for item in node.value]

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return self._scalars.construct_object(node)
        except yaml.constructor.ConstructorError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError, IndexError):
            # e.g. 2025-02-30 looks like a date to YAML but is not one.
            tag = node.tag.rsplit(":", 1)[-1]
            kind = _KINDS.get(tag, f"a {tag}")
            raise YamlProblem(
                "E101",
                f"the value {node.value!r} cannot be read as {kind}",
                _position(node),
                "correct the value, or put it in quotes if it is meant as text",
            ) from None

    def _mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_key: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    "E105",
                    "a mapping key must be a plain value, not a list or mapping",
                    _position(key_node),
                    "check the indentation of this line",
                )
            key = key_node.value if key_node.tag == _STR_TAG else self._scalar(key_node)
            if not isinstance(key, str | int | bool) and key is not None:
                key = str(key)
            if key in result:
                first = _position(first_key[key])
                raise YamlProblem(
                    "E106",
                    f"the key {key!r} is given twice in the same mapping "
                    f"(first given on line {first.line})",
                    _position(key_node),
                    "keep one of them: YAML would silently use only the last",
                )
            first_key[key] = key_node
            result[key] = self.convert(value_node)
        return result


def _compose(text: str) -> yaml.Node | None:
    loader = SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _DuplicateKey(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey
    return result


def _parse_json(text: str) -> ParsedYaml | None:
    """JSON fast path: the C JSON parser is far faster than composing YAML nodes.

    Returns None when the text is not clean JSON, so the YAML path reports the problem
    with its position.
    """
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except (ValueError, _DuplicateKey, RecursionError):
        return None
    return ParsedYaml(data, SourceMap(text=text))


MAX_DEPTH = 200
"""Deepest nesting accepted. Real documents need fewer than ten levels."""

_SURROGATE_ESCAPE = re.compile(r"\\[uU]0*[dD][89a-fA-F][0-9a-fA-F]{2}")
# Explicit keys ("? ") and compact nested blocks ("- - ", "- ? ") nest without indenting.
_COMPACT_NESTING = re.compile(r"(?:^|[ \t])(?:\?(?:[ \t]|$)|-[ \t]+[-?](?:[ \t]|$))", re.MULTILINE)
_BRACKET_LINE = re.compile(r"^.*[\[\]{}].*$", re.MULTILINE)
_BRACKET = re.compile(r"[\[\]{}]")
_CLOSED_LINE_QUOTES = frozenset("'\"#")


def _position_of_offset(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return Position(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _may_nest_deeply(text: str) -> bool:
    """A cheap test that is never wrong when it says no.

    Block nesting needs indentation, so depth is bounded by the file size limit; only flow
    collections, explicit keys and compact blocks can nest deeply in a small file. A line
    whose brackets balance without going deep, with no quote or comment that could hide a
    bracket, adds no depth.
    """
    if _COMPACT_NESTING.search(text):
        return True
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    for line in _BRACKET_LINE.findall(text):
        if not _CLOSED_LINE_QUOTES.isdisjoint(line):
            return True
        depth = 0
        for bracket in _BRACKET.findall(line):
            depth += 1 if bracket in "[{" else -1
            if not 0 <= depth <= MAX_DEPTH:
                return True
        if depth:
            return True
    return False


def _check_depth(text: str) -> None:
    """Refuse deep nesting before libyaml composes it: its composer recurses in C, and some
    tens of thousands of levels (an 80 KB file) overflow the stack and kill the process.
    libyaml's event parser keeps its own stack, so counting events is safe."""
    if not _may_nest_deeply(text):
        return
    loader = SafeLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    where = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
                    raise YamlProblem(
                        "E104",
                        f"the YAML nests more than {MAX_DEPTH} levels deep",
                        where,
                        "flatten the structure; threshold documents need only a few levels",
                    )
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # malformed: composing reports it with its position
    finally:
        loader.dispose()


def _check_surrogates(text: str, data: Any) -> None:
    """Refuse text that escapes half of a UTF-16 pair (\\ud800): it cannot be saved as UTF-8."""
    match = _SURROGATE_ESCAPE.search(text)
    if match is None:
        return
    try:
        json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError:
        raise YamlProblem(
            "E107",
            f"the text contains {match.group()!r}, half of a character that cannot be stored",
            _position_of_offset(text, match.start()),
            "remove the escape or write the whole character",
        ) from None


def parse_yaml_text(text: str) -> ParsedYaml:
    """Parse one YAML (or JSON) document to plain data plus a source map.

    Raises :class:`YamlProblem`.
    """
    parsed = _parse(text)
    _check_surrogates(text, parsed.data)
    return parsed


def _parse(text: str) -> ParsedYaml:
    if text.lstrip().startswith("{"):
        # json has its own depth guard (RecursionError sends the text down the YAML path).
        parsed = _parse_json(text)
        if parsed is not None:
            return parsed
    _check_depth(text)
    try:
        node = _compose(text)
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
        data = converter.convert(node)
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
    return ParsedYaml(data, SourceMap(node))


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading a document.

    Loading allocates hundreds of thousands of long-lived objects (nodes, then values, then
    models) and creates no reference cycles; the collector's repeated scans of them made
    a 10,000-question document take seven times longer to load. Reference counting still
    frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
