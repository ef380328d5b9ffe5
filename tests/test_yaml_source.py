"""The YAML layer: positions, duplicate keys, limits and hostile files."""

from __future__ import annotations

from pathlib import Path

import pytest

from threshold_guide.loading import limits, yaml_source
from threshold_guide.loading.yaml_source import YamlProblem, parse_yaml_text, read_text


def test_positions_point_at_values_and_keys() -> None:
    parsed = parse_yaml_text("a: 1\nlist:\n  - x: hello\n    y: [1, 2]\n")
    assert parsed.data == {"a": 1, "list": [{"x": "hello", "y": [1, 2]}]}
    where = parsed.source_map
    assert where.locate(("a",)) == yaml_source.Position(1, 4)
    assert where.locate(("list", 0, "x")) == yaml_source.Position(3, 8)
    assert where.locate(("list", 0, "x"), key=True) == yaml_source.Position(3, 5)
    assert where.locate(("list", 0, "y", 1)) == yaml_source.Position(4, 12)
    # A path that does not exist resolves to its nearest ancestor.
    assert where.locate(("list", 0, "missing")) == yaml_source.Position(3, 5)


def test_json_fast_path_gives_same_data_and_lazy_positions() -> None:
    text = '{\n  "a": 1,\n  "b": {"c": "d"}\n}'
    parsed = parse_yaml_text(text)
    assert parsed.data == {"a": 1, "b": {"c": "d"}}
    assert parsed.source_map.locate(("b", "c")) == yaml_source.Position(3, 14)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", "E102", 1),
        ("# only a comment\n", "E102", 1),
        ("a: 1\nb: [1, 2\n", "E101", 3),
        ("a: 1\na: 2\n", "E106", 2),
        ('{"a": 1, "a": 2}', "E106", 1),
        ("? [1, 2]\n: x\n", "E105", 1),
        ("a: !!python/object:os.system x\n", "E101", 1),
    ],
)
def test_bad_yaml_is_a_located_problem(text: str, code: str, line: int) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml_text(text)
    assert caught.value.code == code
    assert caught.value.position.line == line


def test_alias_bomb_is_refused_quickly(monkeypatch: pytest.MonkeyPatch) -> None:
    layers = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        layers.append(f"a{level}: &a{level} [{refs}]")
    with pytest.raises(YamlProblem) as caught:
        parse_yaml_text("\n".join(layers) + "\n")
    assert caught.value.code == "E104"
    assert "anchors" in caught.value.hint


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml_text("[" * 5000 + "]" * 5000)
    assert caught.value.code == "E104"


def test_large_file_is_refused_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    with pytest.raises(YamlProblem) as caught:
        read_text(path)
    assert caught.value.code == "E103"
    # The message names the one limit the README states (it said 34 MB for 32 MB).
    assert f"{limits.megabytes(limits.MAX_FILE_BYTES)}" == "32 MB"
    assert "32 MB" in caught.value.message


def test_binary_and_non_utf8_files(tmp_path: Path) -> None:
    binary = tmp_path / "image.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("title: caf\xe9\n".encode("latin-1"))
    for path in (binary, latin):
        with pytest.raises(YamlProblem) as caught:
            read_text(path)
        assert caught.value.code == "E107"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: b\n".encode())
    assert parse_yaml_text(read_text(path)).data == {"a": "b"}
