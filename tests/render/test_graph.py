"""threshold-guide graph: Mermaid and DOT goldens, strict syntax and escaping of hostile text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_1, FIXTURES, MINIMAL
from tests.golden_files import GOLDEN, assert_golden
from tests.render.hostile import ONE_LINE, hostile_document
from threshold_guide.cli.main import main
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.render.graph import Flowchart, flowchart, render_dot, render_mermaid

Capture = pytest.CaptureFixture[str]

_MERMAID_LABEL = r'((?:[^"#&<>`|\\%{}]|#\d+;)*)'
_MERMAID_NODE = re.compile(
    r'^ +([qodf]\d+)(\["|\[/"|\(\["|\{\{"|\{"|>")' + _MERMAID_LABEL
    + r'("\]|"/\]|"\]\)|"\}\}|"\})$')
_MERMAID_EDGE = re.compile(r'^    ([qod]\d+) -->\|"' + _MERMAID_LABEL + r'"\| ([qod]\d+)$')
_MERMAID_FLOORS = ('    subgraph floors ["Minimum responses (floors)"]', "    end")
_DOT_STRING = r'"((?:[^"\\\n]|\\.)*)"'
_DOT_NODE = re.compile(
    r"^ +([qodf]\d+) \[shape=(box|parallelogram|diamond|ellipse|doubleoctagon|note), label="
    + _DOT_STRING + r"\];$")
_DOT_EDGE = re.compile(r"^    ([qod]\d+) -> ([qod]\d+) \[label=" + _DOT_STRING + r"\];$")
_DOT_FLOORS = ("    subgraph cluster_floors {", '        label="Minimum responses (floors)";',
               "    }")


def _mermaid_decode(label: str) -> str:
    return re.sub(r"#(\d+);", lambda found: chr(int(found[1])), label)


def _dot_decode(label: str) -> str:
    return re.sub(r"\\(.)", lambda found: " " if found[1] == "n" else found[1], label)


def parse_mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Every line must be the comment, the header, a node or an edge: nothing else."""
    lines = text.splitlines()
    assert lines[0].startswith("%% ") and lines[1] == "flowchart TD"
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    for line in lines[2:]:
        if line in _MERMAID_FLOORS:
            continue
        node, edge = _MERMAID_NODE.match(line), _MERMAID_EDGE.match(line)
        assert node or edge, line
        if node:
            nodes[node[1]] = _mermaid_decode(node[3])
        elif edge:
            edges.append((edge[1], edge[3], _mermaid_decode(edge[2])))
    return nodes, edges


def parse_dot(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    lines = text.splitlines()
    assert re.match(r"^digraph " + _DOT_STRING + r" \{$", lines[0])
    assert re.match(r"^    graph \[rankdir=TB, labelloc=t, fontname=\"Helvetica\", label="
                    + _DOT_STRING + r"\];$",
                    lines[1])
    assert lines[-1] == "}"
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    for line in lines[4:-1]:
        if line in _DOT_FLOORS:
            continue
        node, edge = _DOT_NODE.match(line), _DOT_EDGE.match(line)
        assert node or edge, line
        if node:
            nodes[node[1]] = _dot_decode(node[3])
        elif edge:
            edges.append((edge[1], edge[2], _dot_decode(edge[3])))
    return nodes, edges


def expected(chart: Flowchart) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    return ({node.name: node.label for node in [*chart.nodes, *chart.floors]},
            [(edge.source, edge.target, edge.label) for edge in chart.edges])


RULES = FIXTURES / "rules.yaml"


@pytest.mark.parametrize(("name", "path"), [("minimal", MINIMAL), ("duty-1.1.0", DUTY_1_1),
                                            ("rules", RULES)])
def test_golden_and_well_formed(name: str, path: Path) -> None:
    chart = flowchart(resolve_file(path).document)
    mermaid, dot = render_mermaid(chart), render_dot(chart)
    assert_golden(f"render/{name}.mmd", mermaid)
    assert_golden(f"render/{name}.dot", dot)
    assert parse_mermaid(mermaid) == expected(chart)
    assert parse_dot(dot) == expected(chart)


def test_shapes_say_what_a_node_is() -> None:
    mermaid = render_mermaid(flowchart(resolve_file(MINIMAL).document))
    assert 'q1["Q1. Is the child in immediate danger?"]' in mermaid
    assert 'q2[/"Q2. Which signs have you seen? (tick any that apply)"/]' in mermaid
    assert 'o1{{"Call the police now [level 3; test met; emergency]"}}' in mermaid
    assert 'o3(["Record, monitor and seek advice [level 1; test not met]"])' in mermaid
    assert 'q2 -->|"(3) otherwise"| o3' in mermaid


def test_hostile_labels_are_escaped_for_each_syntax(tmp_path: Path) -> None:
    chart = flowchart(hostile_document(tmp_path).document)
    assert any(ONE_LINE in node.label for node in chart.nodes)
    mermaid, dot = render_mermaid(chart), render_dot(chart)
    assert parse_mermaid(mermaid) == expected(chart)
    assert parse_dot(dot) == expected(chart)
    assert "%%{" not in mermaid and "<b" not in mermaid and "\u202e" not in mermaid


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_graphviz_accepts_the_hostile_dot(tmp_path: Path) -> None:
    dot = render_dot(flowchart(hostile_document(tmp_path).document))
    result = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stderr


def test_cli(capsys: Capture, tmp_path: Path) -> None:
    assert main(["graph", str(MINIMAL), "--format", "mermaid"]) == 0
    out = capsys.readouterr().out
    assert out == (GOLDEN / "render" / "minimal.mmd").read_text(encoding="utf-8")
    target = tmp_path / "tree.dot"
    assert main(["graph", "wales-duty-to-report", "--version", "1.1.0", "--format", "dot",
                 "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == (GOLDEN / "render" / "duty-1.1.0.dot"
                                                  ).read_text(encoding="utf-8")
    assert main(["graph", "no-such-document", "--format", "dot"]) == 2
    assert "no threshold document with id" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["graph", str(MINIMAL)])
    assert caught.value.code == 2


def test_decision_points_are_diamonds_with_rule_edges_and_floors_are_noted() -> None:
    chart = flowchart(resolve_file(RULES).document)
    mermaid, dot = render_mermaid(chart), render_dot(chart)
    assert 'd1{"D1. What the signs point to"}' in mermaid
    assert 'd1 [shape=diamond, label="D1. What the signs point to"];' in dot
    assert 'q3 -->|"(1) otherwise"| d1' in mermaid  # an answer may lead to a decision point
    assert 'd1 -->|"(1) unexplained bruising"| o2' in mermaid
    assert 'd1 -->|"otherwise: no signs ticked"| q5' in mermaid
    assert "(judgement: the guidance suggests an answer)" in mermaid
    assert 'q5 -->|"Yes (suggested: the child described harm / a pattern of concern)"| o2' \
        in mermaid
    assert 'q5 -->|"No (suggested otherwise: no disclosure and no pattern)"| o3' in mermaid
    floors = [node.label for node in chart.floors]
    assert floors == [
        "F1. A child's own account of harm → at least Report to social services today",
        "F2. Unexplained bruising → at least Report to social services today",
    ]


def test_long_rationales_are_shortened_on_edges(tmp_path: Path) -> None:
    long = "a very long reason that goes on and on about what the signs point to in the end"
    path = tmp_path / "long.yaml"
    path.write_text(RULES.read_text().replace("unexplained bruising\n", long + "\n", 1))
    chart = flowchart(resolve_file(path).document)
    label = next(e.label for e in chart.edges if e.source == "d1" and e.target == "o2")
    assert label.startswith("(1) a very long reason") and label.endswith("…")
    assert len(label) <= len("(1) ") + 40


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_graphviz_renders_the_rules_document() -> None:
    dot = render_dot(flowchart(resolve_file(RULES).document))
    result = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "D1. What the signs point to" in result.stdout
    assert "Minimum responses (floors)" in result.stdout
