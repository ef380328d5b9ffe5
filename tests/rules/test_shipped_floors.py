"""The shipped duty-to-report guidance proves its floors, and breaking one is caught.

A board adapting the example must not be able to publish a copy in which a recorded
disclosure ends below a report without a departure: `validate` refuses it and prints the
answers of a route that breaks the floor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import GUIDANCE
from threshold_guide.validation.validate import check_file

DUTY_2 = GUIDANCE / "wales-duty-to-report" / "2.0.0.yaml"
WriteYaml = Callable[..., Path]


def broken_copy(write_yaml: WriteYaml, old: str, new: str) -> Path:
    text = DUTY_2.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return write_yaml(text.replace(old, new), name="2.0.0.yaml")  # type: ignore[no-any-return]


def test_the_shipped_document_proves_every_floor() -> None:
    result = check_file(DUTY_2)
    assert result.ok and result.diagnostics == []
    assert result.document is not None and len(result.document.floors) >= 5


def test_a_re_pointed_route_that_breaks_a_floor_is_refused_with_a_breaking_route(
    write_yaml: WriteYaml,
) -> None:
    # "Yes, there is reasonable cause" sent to the questions for no cause: a disclosure the
    # practitioner agrees is reportable would no longer be reported.
    path = broken_copy(write_yaml,
                       "        signal: concern\n        next: care-support-needs\n",
                       "        signal: concern\n        next: support-needs\n")
    found = [d for d in check_file(path).diagnostics if d.code == "E406"]
    assert found, "the broken copy was accepted"
    message = found[0].message
    assert "route: " in message and "reasonable-cause=yes-cause" in message
    assert found[0].line > 1


def test_a_removed_suggestion_rule_that_protects_a_disclosure_is_refused(
    write_yaml: WriteYaml,
) -> None:
    rule = re.search(
        r"        - when:\n            all:\n              - \{question: child-disclosure, "
        r"answered: true\}\n.*?          rationale: the child described being harmed[^\n]*\n",
        DUTY_2.read_text(encoding="utf-8"), re.S)
    assert rule is not None
    path = broken_copy(write_yaml, rule.group(0), "")
    found = [d for d in check_file(path).diagnostics if d.code == "E406"]
    assert any("child-described-harm" in d.message
               and "child-disclosure=described-harm" in d.message for d in found), found


@pytest.mark.parametrize("floor", ["child-described-harm", "harm-ticked", "baby-injury"])
def test_each_named_floor_is_in_the_shipped_document(floor: str) -> None:
    assert f"  - id: {floor}\n" in DUTY_2.read_text(encoding="utf-8")
