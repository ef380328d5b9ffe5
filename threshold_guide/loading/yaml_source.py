"""The one place that configures YAML: safe C loader, input limits and source positions.

Documents are parsed to a node tree with libyaml (``CSafeLoader``) and converted to plain
Python here, so that every value keeps the line and column it came from. Validation errors
can then point at ``file:line:col`` instead of at a pydantic location tuple. The conversion
also closes the holes a plain ``yaml.safe_load`` leaves open: duplicate keys (silently
overwritten by YAML), alias bombs (a few lines that expand to billions of values), and
files that are small on disk but hold millions of values (see :mod:`.limits`).
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from threshold_guide.loading import limits
from threshold_guide.loading.positions import LineIndex, Position, position_of_offset
from threshold_guide.loading.problems import YamlProblem
from threshold_guide.loading.reading import read_text
from threshold_guide.loading.source_map import (
    JsonSourceMap,
    Location,
    SourceMap,
    YamlSourceMap,
)

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml is part of the PyYAML wheels we support
    from yaml import SafeLoader  # type: ignore[assignment]

__all__ = [
    "Location",
    "ParsedYaml",
    "Position",
    "SourceMap",
    "YamlProblem",
    "dump_yaml",
    "parse_yaml_text",
    "paused_gc",
    "read_text",
    "refuse_too_many_json_values",
]


@dataclass
class ParsedYaml:
    data: Any
    source_map: SourceMap


_STR_TAG = "tag:yaml.org,2002:str"
_KINDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "timestamp": "a date (YYYY-MM-DD)",
}
_FLATTEN = "flatten the structure; threshold documents need only a few levels"


def _too_many_values(position: Position) -> YamlProblem:
    return YamlProblem(
        "E104",
        f"the file holds more than {limits.MAX_NODES:,} values (keys, items and texts), "
        "the most threshold-guide reads",
        position,
        "split the document, or check that this is the file you meant",
    )


def _too_long(what: str, position: Position) -> YamlProblem:
    return YamlProblem(
        "E104",
        f"this {what} holds more than {limits.MAX_LIST_ITEMS:,} items, the most "
        "threshold-guide reads in one list",
        position,
        "split the list, or check that this is the file you meant",
    )


def _too_deep(position: Position) -> YamlProblem:
    return YamlProblem(
        "E104", f"the data nests more than {limits.MAX_DEPTH} levels deep", position, _FLATTEN
    )


class _Converter:
    """Turns a composed node tree into plain data, checking keys and the size budgets."""

    def __init__(self, source_map: YamlSourceMap) -> None:
        self._scalars = yaml.constructor.SafeConstructor()
        self._where = source_map.position
        self._budget = limits.MAX_NODES
        self._alias_budget = limits.MAX_ALIAS_VALUES
        self._seen: set[int] = set()
        self._in_alias = 0

    def convert(self, node: yaml.Node) -> Any:
        self._budget -= 1
        if self._budget < 0:
            raise _too_many_values(self._where(node))
        if self._in_alias:
            self._alias_budget -= 1
            if self._alias_budget < 0:
                raise YamlProblem(
                    "E104",
                    f"the aliases (*name) repeat more than {limits.MAX_ALIAS_VALUES:,} "
                    "values, the most threshold-guide expands",
                    self._where(node),
                    "remove the anchors (&) and aliases (*) that repeat large blocks",
                )
        if isinstance(node, yaml.ScalarNode):
            # Most values are plain text: skip the constructor's generic dispatch.
            if node.tag == _STR_TAG:
                return node.value
            return self._scalar(node)
        # The composer hands an alias the anchored node itself: a collection met again is
        # an alias being expanded, and everything under it counts against the alias budget.
        again = id(node) in self._seen
        self._seen.add(id(node))
        self._in_alias += again
        try:
            if isinstance(node, yaml.MappingNode):
                if len(node.value) > limits.MAX_LIST_ITEMS:
                    raise _too_long("mapping", self._where(node))
                return self._mapping(node)
            if len(node.value) > limits.MAX_LIST_ITEMS:
                raise _too_long("list", self._where(node))
            return [self.convert(item) for item in node.value]
        finally:
            self._in_alias -= again

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
                self._where(node),
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
                    self._where(key_node),
                    "check the indentation of this line",
                )
            key = key_node.value if key_node.tag == _STR_TAG else self._scalar(key_node)
            if not isinstance(key, str | int | bool) and key is not None:
                key = str(key)
            if key in result:
                first = self._where(first_key[key])
                raise YamlProblem(
                    "E106",
                    f"the key {key!r} is given twice in the same mapping "
                    f"(first given on line {first.line})",
                    self._where(key_node),
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


# --- JSON ------------------------------------------------------------------------------

class _DuplicateKey(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey
    return result


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def json_values_at_most(text: str) -> int:
    """An upper bound on the values and keys of a JSON text, at C speed, before parsing.

    Every value or key but the first follows a comma, a colon or an opening bracket; those
    inside strings count only when the quick count is too high to settle it.
    """
    def count(source: str) -> int:
        return sum(source.count(mark) for mark in ",:[{") + 1

    quick = count(text)
    return quick if quick <= limits.MAX_NODES else count(_JSON_STRING.sub('""', text))


def refuse_too_many_json_values(text: str) -> None:
    """Raise :class:`YamlProblem` (E104) before parsing JSON that holds too many values:
    json.loads of a 30 MB list of empty lists takes GBs."""
    if json_values_at_most(text) > limits.MAX_NODES:
        raise _too_many_values(position_of_offset(text, len(text) - len(text.lstrip())))


def _check_json_shape(data: Any, source_map: JsonSourceMap) -> None:
    """Refuse lists too long and nesting too deep in parsed JSON (the json module allows
    some 1,000 levels)."""
    stack: list[tuple[Any, Location]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > limits.MAX_DEPTH:
            raise _too_deep(source_map.locate(where))
        if isinstance(value, dict):
            if len(value) > limits.MAX_LIST_ITEMS:
                raise _too_long("mapping", source_map.locate(where))
            stack.extend((item, (*where, key)) for key, item in value.items()
                         if isinstance(item, dict | list))
        elif isinstance(value, list):
            if len(value) > limits.MAX_LIST_ITEMS:
                raise _too_long("list", source_map.locate(where))
            stack.extend((item, (*where, index)) for index, item in enumerate(value)
                         if isinstance(item, dict | list))


def _parse_json(text: str) -> ParsedYaml | None:
    """JSON fast path: the C JSON parser is far faster than composing YAML nodes.

    Returns None when the text is not clean JSON, so the YAML path reports the problem
    with its position.
    """
    refuse_too_many_json_values(text)
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except (ValueError, _DuplicateKey, RecursionError):
        return None
    source_map = JsonSourceMap(text)
    _check_json_shape(data, source_map)
    return ParsedYaml(data, source_map)


# --- YAML shape: depth and size, before composing ---------------------------------------

_SURROGATE_ESCAPE = re.compile(r"\\[uU]0*[dD][89a-fA-F][0-9a-fA-F]{2}")
# Explicit keys ("? ") and compact nested blocks ("- - ", "- ? ") nest without indenting.
_COMPACT_NESTING = re.compile(r"(?:^|[ \t])(?:\?(?:[ \t]|$)|-[ \t]+[-?](?:[ \t]|$))", re.MULTILINE)
_BRACKET_LINE = re.compile(r"^.*[\[\]{}].*$", re.MULTILINE)
_BRACKET = re.compile(r"[\[\]{}]")
_CLOSED_LINE_QUOTES = frozenset("'\"#")
# Characters YAML does not allow in a stream (YAML 1.1 printable set; libyaml's reader).
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")
# A block entry "-" must be followed by a blank; a "-" inside a word or number is text.
_DASHES = tuple(f"-{blank}" for blank in (" ", "\t", *_LINE_BREAKS))


def _yaml_nodes_at_most(text: str, stop: int | None = None) -> int:
    """An upper bound on the nodes libyaml would compose from ``text``, at C speed.

    Every node either starts after a line break or an indicator (``: , [ { ? -``), or is
    an empty value, key, or implied collection that an indicator stands for: no indicator
    stands for more than four nodes. Counting ends early once the bound passes ``stop``.
    """
    bound = 5
    for marks, weight in ((":,[{?", 4), (_DASHES, 4), (_LINE_BREAKS, 1)):
        for mark in marks:
            bound += weight * text.count(mark)
            if stop is not None and bound > stop:
                return bound
    return bound


def _may_nest_deeply(text: str) -> bool:
    """A cheap test that is never wrong when it says no.

    Block nesting needs indentation, so depth is bounded by the file size limit; only flow
    collections, explicit keys and compact blocks can nest deeply in a small file. A line
    whose brackets balance without going deep, with no quote or comment that could hide a
    bracket, adds no depth.
    """
    if _COMPACT_NESTING.search(text):
        return True
    if text.count("[") + text.count("{") <= limits.MAX_DEPTH:
        return False
    for line in _BRACKET_LINE.findall(text):
        if not _CLOSED_LINE_QUOTES.isdisjoint(line):
            return True
        depth = 0
        for bracket in _BRACKET.findall(line):
            depth += 1 if bracket in "[{" else -1
            if not 0 <= depth <= limits.MAX_DEPTH:
                return True
        if depth:
            return True
    return False


def _check_control_characters(text: str) -> None:
    match = _NOT_PRINTABLE.search(text)
    if match is not None:
        raise YamlProblem(
            "E101",
            f"the text holds the control character U+{ord(match.group()):04X}, which YAML "
            "does not allow",
            position_of_offset(text, match.start()),
            "delete it (most editors do not show it), or write it as an escape inside "
            'double quotes, e.g. "\\t"',
        )


def _flow_depth_past_limit(text: str, depth: int, start: int, end: int) -> int | None:
    """Where, between ``start`` and ``end``, brackets alone take ``depth`` past the limit.

    libyaml reads up to a line (or 1,024 characters) ahead of the last event it hands
    over, and refuses nesting deeper than its own limit while doing so, with an error
    whose wording changes between versions. If the brackets it had read ahead go deeper
    than our limit, that is what it refused.
    """
    for match in _BRACKET.finditer(text, start, end + 1):
        depth += 1 if match.group() in "[{" else -1
        if depth > limits.MAX_DEPTH:
            return match.start()
    return None


def _check_shape(text: str) -> None:
    """Refuse deep nesting, long lists and too many values before libyaml composes a tree.

    Composing recurses in C (some tens of thousands of levels, an 80 KB file, overflow the
    stack and kill the process) and holds every node in memory (a 32 MB list of numbers is
    GBs). libyaml's event parser keeps its own stack and holds one event at a time, so
    counting events is safe; it is done only when the cheap tests cannot rule a problem out
    (never for a document of ordinary size).
    """
    small = min(limits.MAX_LIST_ITEMS, limits.MAX_NODES)
    if _yaml_nodes_at_most(text, small) <= small and not _may_nest_deeply(text):
        return  # (a file that may be large is counted below, nesting and all)
    loader = SafeLoader(text)
    open_items: list[list[int]] = []  # per open collection: [values in it, 2 if a mapping]
    values = 0
    read_up_to = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if event is None or event.start_mark is None or event.end_mark is None:
                continue  # never from libyaml, which marks every event
            mark = event.start_mark
            if isinstance(event, yaml.NodeEvent):
                values += 1
                if values > limits.MAX_NODES:
                    raise _too_many_values(position_of_offset(text, mark.index))
                if open_items:
                    counted = open_items[-1]
                    counted[0] += 1
                    # A mapping's entries are a key and a value each.
                    if counted[0] > limits.MAX_LIST_ITEMS * counted[1]:
                        raise _too_long("mapping" if counted[1] == 2 else "list",
                                        position_of_offset(text, counted[2]))
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                mapping = isinstance(event, yaml.MappingStartEvent)
                open_items.append([0, 2 if mapping else 1, mark.index])
                if len(open_items) > limits.MAX_DEPTH:
                    raise _too_deep(position_of_offset(text, mark.index))
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                open_items.pop()
            read_up_to = event.end_mark.index
    except yaml.MarkedYAMLError as error:
        problem = error.problem_mark
        if problem is not None:
            at = _flow_depth_past_limit(text, len(open_items), read_up_to, problem.index)
            if at is not None:
                raise _too_deep(position_of_offset(text, at)) from None
        return  # malformed: composing reports it with its position
    except yaml.YAMLError:
        return
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
            position_of_offset(text, match.start()),
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
    if text.lstrip()[:1] in ("{", "["):
        # json has its own depth guard (RecursionError sends the text down the YAML path).
        parsed = _parse_json(text)
        if parsed is not None:
            return parsed
    _check_shape(text)
    lines = LineIndex(text)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = lines.position(mark.index) if mark else Position(1, 1)
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
        # libyaml's reader refuses control characters without saying where (in bytes, if
        # at all): find the first one ourselves. Only a refused file pays for the search.
        _check_control_characters(text)
        raise YamlProblem("E101", f"YAML error: {error}", Position(1, 1)) from None
    if node is None:
        raise YamlProblem(
            "E102", "the file is empty", Position(1, 1), "write the document as a YAML mapping"
        )
    source_map = YamlSourceMap(node, text)
    converter = _Converter(source_map)
    try:
        data = converter.convert(node)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        position = lines.position(mark.index) if mark else Position(1, 1)
        raise YamlProblem("E101", f"YAML value error: {error.problem}", position) from None
    except RecursionError:
        raise YamlProblem(
            "E104",
            "the YAML is nested too deeply",
            Position(1, 1),
            _FLATTEN,
        ) from None
    return ParsedYaml(data, source_map)


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


def dump_yaml(data: Any) -> str:
    """Serialise plain data as block-style YAML with keys in the order given."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
