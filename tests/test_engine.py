"""The engine: routing, walking back and forward, and listing every route."""

from __future__ import annotations

import pytest

from tests.conftest import DUTY_1_0, DUTY_1_1, HARM_1_0, MINIMAL
from threshold_guide.engine.graph import Graph
from threshold_guide.engine.paths import all_routes
from threshold_guide.engine.route import derive_route
from threshold_guide.engine.routing import AnswerError, normalise
from threshold_guide.engine.walk import Walk
from threshold_guide.engine.witnesses import route_witnesses
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.document import ThresholdDocument


@pytest.fixture
def minimal() -> ThresholdDocument:
    return resolve_file(MINIMAL).document


def test_route_follows_answers_and_ignores_off_route_ones(minimal: ThresholdDocument) -> None:
    route = derive_route(minimal, {"danger": "no", "signs": ["hunger"], "pattern": "yes"})
    assert route.question_ids == ["danger", "signs", "pattern"]
    assert route.outcome is not None and route.outcome.id == "report"
    route = derive_route(minimal, {"danger": "yes", "signs": ["hunger"]})
    assert route.question_ids == ["danger"] and route.outcome is not None
    assert route.outcome.emergency


def test_route_stops_at_the_first_unanswered_question(minimal: ThresholdDocument) -> None:
    route = derive_route(minimal, {"danger": "no"})
    assert route.outcome is None and route.pending is not None
    assert route.pending.id == "signs"


def test_first_matching_rule_wins_in_a_checklist(minimal: ThresholdDocument) -> None:
    both = derive_route(minimal, {"danger": "no", "signs": ["hunger", "bruise"]})
    assert both.outcome is not None and both.outcome.id == "report"
    assert both.steps[1].selection == ["bruise", "hunger"]  # question order, not tick order


def test_bad_answers_name_the_question(minimal: ThresholdDocument) -> None:
    with pytest.raises(AnswerError, match=r"'danger'.*'maybe'.*answers: yes, no"):
        derive_route(minimal, {"danger": "maybe"})
    with pytest.raises(AnswerError, match="one answer id, not a list"):
        normalise(minimal.question("danger"), ["yes"])
    with pytest.raises(AnswerError, match="did you mean 'hunger'"):
        normalise(minimal.question("signs"), ["hungry"])


def test_back_and_forward_keep_later_answers(minimal: ThresholdDocument) -> None:
    walk = Walk(minimal).answer("no").answer(["hunger"]).answer("no")
    assert walk.outcome is not None and walk.outcome.id == "monitor"
    back = walk.back().back()
    assert back.question is not None and back.question.id == "signs"
    assert back.current_selection == ["hunger"]
    # Answering the same again keeps the later answer: the route is unchanged.
    again = back.answer(["hunger"])
    assert again.current_selection == "no"
    assert again.forward().outcome is not None


def test_changing_an_answer_rederives_the_route_but_keeps_answers(
    minimal: ThresholdDocument,
) -> None:
    walk = Walk(minimal).answer("no").answer(["hunger"]).answer("yes")
    changed = walk.go_to("signs").answer(["bruise"])
    assert changed.outcome is not None and changed.outcome.id == "report"
    assert "pattern" in changed.answers  # kept, though off the route now
    restored = changed.go_to("signs").answer(["hunger"])
    assert restored.question is not None and restored.question.id == "pattern"
    assert restored.current_selection == "yes"
    assert restored.to_end().outcome is not None


def test_walk_is_immutable(minimal: ThresholdDocument) -> None:
    start = Walk(minimal)
    start.answer("no")
    assert dict(start.answers) == {}
    with pytest.raises(TypeError):
        start.answers["danger"] = "yes"  # type: ignore[index]


def test_all_routes_of_the_minimal_document(minimal: ThresholdDocument) -> None:
    found = [(r.outcome, r.answers) for r in all_routes(minimal)]
    assert found == [
        ("police", {"danger": "yes"}),
        ("report", {"danger": "no", "signs": ["bruise"]}),
        ("report", {"danger": "no", "signs": ["hunger"], "pattern": "yes"}),
        ("monitor", {"danger": "no", "signs": ["hunger"], "pattern": "no"}),
        ("monitor", {"danger": "no", "signs": []}),
    ]


@pytest.mark.parametrize("path", [DUTY_1_0, DUTY_1_1, HARM_1_0])
def test_every_route_of_the_shipped_guidance_replays_to_its_outcome(path: object) -> None:
    document = resolve_file(path).document  # type: ignore[arg-type]
    outcomes = set()
    count = 0
    for route in all_routes(document):
        replay = derive_route(document, route.answers)
        assert replay.outcome is not None and replay.outcome.id == route.outcome
        outcomes.add(route.outcome)
        count += 1
    assert outcomes == {o.id for o in document.outcomes}
    assert count > 10


def test_witnesses_find_a_selection_for_each_reachable_route(minimal: ThresholdDocument) -> None:
    assert route_witnesses(minimal.question("signs")) == [
        frozenset({"bruise"}), frozenset({"hunger"}), frozenset()
    ]


def test_graph_cycles_and_outcomes_below(minimal: ThresholdDocument) -> None:
    graph = Graph.of(minimal)
    assert graph.cycles() == []
    assert graph.outcomes_below["signs"] == {"report", "monitor"}
    assert graph.outcomes_below["danger"] == {"police", "report", "monitor"}
    looped = Graph("a", {"a": ("b",), "b": ("c",), "c": ("a",)}, {"a": (), "b": (), "c": ()})
    assert looped.cycles() == [["a", "b", "c", "a"]]
