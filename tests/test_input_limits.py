"""Input limits that bound memory and time, enforced while reading; positions as editors count.

Each limit is lowered in-process where a real-size file would make the test slow; the
checks are the same code at any limit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from threshold_guide.loading import limits, yaml_source
from threshold_guide.loading.reading import read_capped
from threshold_guide.loading.yaml_source import YamlProblem, parse_yaml_text, read_text
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.storage.answers_file import AnswersFileError, read_answers
from threshold_guide.storage.session_file import read_session_file
from threshold_guide.storage.session_store import SessionUnreadable
from threshold_guide.validation.bounded import (
    MAX_SCHEMA_ERRORS,
    SchemaProblems,
    validate_bounded,
)
from threshold_guide.validation.validate import check_file

from .property.strategies import FRAGMENTS

MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
SHIPPED = sorted((ROOT / "guidance").rglob("*.yaml"))


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml_text(text)
    return caught.value


# --- reading with a cap -----------------------------------------------------------------


def test_a_device_is_refused_not_read_forever() -> None:
    # Was a MemoryError (exit 3): the size check trusted st_size, which is 0 for a device.
    with pytest.raises(YamlProblem) as caught:
        read_text(Path("/dev/zero"))
    assert caught.value.code == "E100"
    assert "device" in caught.value.message


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(YamlProblem) as caught:
        read_text(tmp_path)
    assert caught.value.code == "E100"


def test_the_cap_counts_bytes_read_not_the_size_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files are regular files that report a size of 0 and yet hold text.
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    with pytest.raises(YamlProblem) as caught:
        read_capped(status, 10)
    assert caught.value.code == "E103"
    assert "0 MB" not in caught.value.message


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "run"])
def test_a_fifo_is_refused_without_blocking(command: str, tmp_path: Path) -> None:
    # Was a hang: opening a FIFO with no writer blocks until one comes.
    fifo = tmp_path / "doc.yaml"
    os.mkfifo(fifo)
    argv = ["validate", str(fifo)] if command == "validate" else [
        "run", str(MINIMAL), "--answers", str(fifo)]
    done = subprocess.run(
        [sys.executable, "-m", "threshold_guide", *argv],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr
    assert "E100" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["validate", "run"])
def test_an_endless_device_is_a_located_error(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from threshold_guide.cli.main import main

    argv = ["validate", "/dev/zero"] if command == "validate" else [
        "run", str(MINIMAL), "--answers", "/dev/zero"]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert "/dev/zero:1:1:" in captured.out + captured.err
    assert "E100" in captured.out + captured.err


def test_a_session_file_is_read_with_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SessionUnreadable) as caught:
        read_session_file(Path("/dev/zero"))
    assert "device" in caught.value.reason


# --- values, lists, aliases -------------------------------------------------------------


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_NODES", 1_000)
    monkeypatch.setattr(limits, "MAX_LIST_ITEMS", 100)
    monkeypatch.setattr(limits, "MAX_ALIAS_VALUES", 300)


def test_too_many_yaml_values_are_refused_before_composing(
    small_limits: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was 2.5 GB and 33 s for a 32 MB list: every node was built before any was counted.
    def never(text: str) -> None:
        raise AssertionError("composed a file over the limit")

    monkeypatch.setattr(yaml_source, "_compose", never)
    monkeypatch.setattr(limits, "MAX_LIST_ITEMS", 10_000)
    found = problem("items:\n" + "  - x: 1\n" * 600)
    assert found.code == "E104"
    assert "1,000 values" in found.message
    assert found.position.line > 300  # where the count passed the limit (3 values a line)


@pytest.mark.parametrize("text", ["[" + ",".join(["0"] * 3_000) + "]",
                                  '{"a": [' + ",".join(["[]"] * 3_000) + "]}"])
def test_too_many_json_values_are_refused_before_parsing(
    text: str, small_limits: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was 3.2 GB and 54 s (a 20 MB list of 10M items), or a MemoryError at 31.5 MB.
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed a file over the limit")

    monkeypatch.setattr(yaml_source.json, "loads", never)
    monkeypatch.setattr(yaml_source, "_compose", never)
    found = problem(text)
    assert found.code == "E104"
    assert "1,000 values" in found.message


def test_commas_inside_json_strings_do_not_count(small_limits: None) -> None:
    text = json.dumps({"a": ", : [ {" * 2_000})
    assert parse_yaml_text(text).data == {"a": ", : [ {" * 2_000}


@pytest.mark.parametrize("text", ["a: [" + ", ".join(["1"] * 150) + "]\n",
                                  '{"a": [' + ", ".join(["1"] * 150) + "]}",
                                  "a:\n" + "".join(f"  k{i}: 1\n" for i in range(150))])
def test_a_list_too_long_is_refused_where_it_starts(
    text: str, small_limits: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A mutated document with a 100,000-item list took over a second to compose.
    def never(text: str) -> None:
        raise AssertionError("composed a list over the limit")

    monkeypatch.setattr(yaml_source, "_compose", never)
    found = problem(text)
    assert found.code == "E104"
    assert "100 items" in found.message
    assert found.position.line in (1, 2)


def test_alias_expansion_has_its_own_budget(small_limits: None) -> None:
    # 20 aliases of a 20-item list: 400 values repeated, under the value limit.
    text = "a: &a [" + ", ".join(["x"] * 20) + "]\nb: [" + ", ".join(["*a"] * 20) + "]\n"
    found = problem(text)
    assert found.code == "E104"
    assert "aliases" in found.message and "300" in found.message


def test_json_nesting_past_the_limit_is_refused() -> None:
    depth = limits.MAX_DEPTH + 50  # within what the json module accepts
    found = problem('{"a": ' + "[" * depth + "]" * depth + "}")
    assert found.code == "E104"


def yaml_nodes(text: str) -> int | None:
    try:
        root = yaml.compose(text, Loader=yaml_source.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return len(seen)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*FRAGMENTS, "-", "- - ", "? ", ": ", "[]", "{}", ",", "a"]),
                max_size=40))
def test_the_quick_node_estimate_is_never_below_the_truth(parts: list[str]) -> None:
    text = "".join(parts)
    composed = yaml_nodes(text)
    if composed is not None:
        assert composed <= yaml_source._yaml_nodes_at_most(text)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_the_quick_node_estimate_holds_for_the_shipped_documents(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    composed = yaml_nodes(text)
    assert composed is not None
    assert composed <= yaml_source._yaml_nodes_at_most(text)


# --- schema problems in bounded pieces --------------------------------------------------


def large_document(questions: int) -> dict[str, object]:
    sys.path.insert(0, str(ROOT / "bench"))
    from scale import generate  # type: ignore[import-not-found]

    return generate(questions)  # type: ignore[no-any-return]


def test_large_valid_documents_validate_the_same_in_pieces() -> None:
    data = large_document(600)
    assert validate_bounded(ThresholdDocument, data) == ThresholdDocument.model_validate(data)


def test_a_problem_deep_in_a_large_document_keeps_its_location() -> None:
    data = large_document(600)
    data["questions"][577]["prompt"] = 7  # type: ignore[index]
    with pytest.raises(SchemaProblems) as caught:
        validate_bounded(ThresholdDocument, data)
    assert {d["loc"][:3] for d in caught.value.details} == {("questions", 577, "prompt")}


def test_a_flood_of_wrong_values_stops_at_the_first_thousand(tmp_path: Path) -> None:
    # Was 44 s and 5 GB: one pydantic error per value, all turned into diagnostics.
    questions = [{"id": 0, "prompt": 0, "answers": [0] * 40} for _ in range(3_000)]
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps({"id": "x", "version": "1.0.0", "questions": questions}))
    checked = check_file(path)
    codes = [d.code for d in checked.diagnostics]
    assert codes.count("E204") == 1
    assert len(codes) <= MAX_SCHEMA_ERRORS + 1


def test_an_answers_file_flood_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({f"q{i}": {"answer": [[0]]} for i in range(3_000)}))
    with pytest.raises(AnswersFileError) as caught:
        read_answers(path)
    assert len(caught.value.diagnostics) <= MAX_SCHEMA_ERRORS + 1


# --- positions --------------------------------------------------------------------------


def test_a_control_character_is_reported_where_it_is() -> None:
    # Was always 1:1.
    found = problem("id: x\nversion: '1.0.0'\ntitle: a\x07b\n")
    assert found.code == "E101"
    assert (found.position.line, found.position.column) == (3, 9)
    assert "U+0007" in found.message


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_lines_are_counted_as_editors_count_them(separator: str) -> None:
    # libyaml ends a line at U+2028, U+2029 and U+0085; editors do not, so every position
    # after one was a line too far (past the end of a short file).
    text = f'a: "one{separator}two"\nb: three\nc: 1\nc: 2\n'
    found = problem(text)
    assert found.code == "E106"
    assert (found.position.line, found.position.column) == (4, 1)


def test_crlf_and_cr_end_a_line() -> None:
    assert problem("a: 1\r\nb: 2\r\nb: 3\r\n").position.line == 3
    assert problem("a: 1\rb: 2\rb: 3\r").position.line == 3


def test_a_long_json_key_does_not_move_every_position(tmp_path: Path) -> None:
    # Was 1:1 for everything: positions came from reading the JSON as YAML, which refuses a
    # key over 1,024 characters.
    data = json.loads(json.dumps(yaml.safe_load(MINIMAL.read_text(encoding="utf-8")),
                                 default=str))
    data["questions"][0]["answers"][0]["label"] = 5
    data["x" * 2_000] = 1
    path = tmp_path / "doc.json"
    text = json.dumps(data, indent=2)
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    lines = text.splitlines()
    by_code = {d.code: d for d in checked.diagnostics}
    assert lines[by_code["E202"].line - 1].strip().startswith('"xxxx')
    assert '"label": 5' in lines[by_code["E203"].line - 1]


def test_json_positions_point_at_values_and_keys() -> None:
    text = '{\n  "a": [1, {"b": true}],\n  "c": "d"\n}'
    where = parse_yaml_text(text).source_map
    assert (where.locate(("a", 1, "b")).line, where.locate(("a", 1, "b")).column) == (2, 18)
    assert where.locate(("c",), key=True).column == 3
    assert where.locate(("a", 5)).line == 2  # missing: the nearest ancestor
