"""Random VALID threshold documents: validation, routes, walks, changes and summaries.

Each document comes with the generator's own plan of its graph (see ``strategies.py``),
so the engine is checked against an independent oracle, not against itself.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threshold_guide.cli.main import main
from threshold_guide.engine.changes import what_would_change
from threshold_guide.engine.paths import all_routes
from threshold_guide.engine.route import derive_route
from threshold_guide.engine.walk import Walk
from threshold_guide.loading.canonical import content_hash
from threshold_guide.loading.yaml_source import SourceMap
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import GivenAnswer, GuidanceRef, Override, Session
from threshold_guide.models.summary import Summary
from threshold_guide.summary.build import build_summary
from threshold_guide.summary.json_output import render_json
from threshold_guide.summary.markdown import render_markdown
from threshold_guide.validation.diagnostics import Diagnostic, Severity
from threshold_guide.validation.document_checks import check_document
from threshold_guide.validation.validate import check_file, validate_paths

from .strategies import (
    EVIDENCE,
    DocPlan,
    Selection,
    answer_paths,
    doc_plans,
    plain_texts,
    to_json,
    to_yaml,
    yaml_styles,
)

ROUTE_LIMIT = 2_000
"""Enumerate every route when the oracle counts at most this many."""

FIXTURE_SETTINGS = settings(
    max_examples=15, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def named(diagnostic: Diagnostic) -> str:
    """The id a W401/W402 message names: "question 'x' cannot be reached ..."."""
    found = re.search(r"'([^']*)'", diagnostic.message)
    assert found, diagnostic.message
    return found.group(1)


LANGUAGE_WARNINGS = frozenset({"W502", "W503"})


def expected_warnings(plan: DocPlan) -> set[tuple[str, str]]:
    return {("W401", q) for q in plan.questions if q not in plan.reachable_questions} | {
        ("W402", o) for o in plan.levels if o not in plan.reachable_outcomes
    }


def exit_key(plan: DocPlan, answers: dict[str, Selection]) -> tuple[tuple[str, int], ...]:
    """The oracle's name for the route the answers take: (question, exit index), ..."""
    path, _, _ = plan.walk(answers)
    key = []
    for qid in path:
        chosen = plan.exit_for(qid, answers[qid])
        key.append((qid, next(i for i, e in enumerate(plan.questions[qid].exits) if e is chosen)))
    return tuple(key)


# ---------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(plan=doc_plans(), style=yaml_styles())
def test_valid_documents_validate_cleanly(
    plan: DocPlan, style: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> None:
    model = ThresholdDocument.model_validate(plan.data)
    path = write(tmp_path_factory.mktemp("valid"), "doc.yaml", to_yaml(plan.data, style))

    checked = check_file(path)

    errors = [d for d in checked.diagnostics if d.severity is Severity.ERROR]
    assert errors == []
    # The only warnings are the unreachable parts the generator planted on purpose, and
    # the language ones its random {en, cy, ...} texts give (tests/test_language_checks.py).
    assert {(d.code, named(d)) for d in checked.diagnostics
            if d.code not in LANGUAGE_WARNINGS} == expected_warnings(plan)
    assert checked.document == model
    assert checked.sha256 == content_hash(model)


@settings(max_examples=15, deadline=None)
@given(plan=doc_plans(), ascii_only=st.booleans())
def test_valid_documents_validate_as_json(
    plan: DocPlan, ascii_only: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("json")
    write(folder, "doc.json", to_json(plan.data, ensure_ascii=ascii_only))

    report = validate_paths([folder])

    assert report.ok, [d.render() for d in report.diagnostics]
    assert [f.document for f in report.files] == [ThresholdDocument.model_validate(plan.data)]


@FIXTURE_SETTINGS
@given(plan=doc_plans(max_questions=4))
def test_cli_validate_accepts_valid_documents(
    plan: DocPlan, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    path = write(tmp_path_factory.mktemp("cli"), "doc.yaml", to_yaml(plan.data))
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "ok: 1 file checked, 0 errors" in captured.out


# ---------------------------------------------------------------------------------------
# Routes
# ---------------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(plan=doc_plans())
def test_every_route_ends_in_an_outcome_and_replays_to_it(plan: DocPlan) -> None:
    document = ThresholdDocument.model_validate(plan.data)
    total = plan.route_count()

    routes = list(itertools.islice(all_routes(document), ROUTE_LIMIT))

    seen: set[tuple[tuple[str, int], ...]] = set()
    for route in routes:
        assert route.outcome in plan.levels
        replay = derive_route(document, route.answers)
        assert replay.finished and replay.outcome is not None
        assert replay.outcome.id == route.outcome
        # The route answers exactly the questions it passes, no more.
        assert sorted(replay.question_ids) == sorted(route.answers)
        path, outcome, pending = plan.walk(route.answers)
        assert (path, outcome, pending) == (replay.question_ids, route.outcome, None)
        seen.add(exit_key(plan, route.answers))
    assert len(seen) == len(routes), "all_routes() listed the same route twice"

    if total > ROUTE_LIMIT:
        return
    assert len(routes) == total
    assert seen == {key for key, _ in plan.exit_paths()}
    # What validation calls reachable is exactly what some route passes through.
    warned = {(d.code, named(d)) for d in check_document(document, SourceMap(), Path("d"))}
    on_routes_q = {q for route in routes for q in route.answers}
    on_routes_o = {route.outcome for route in routes}
    assert {q.id for q in document.questions if ("W401", q.id) not in warned} == on_routes_q
    assert {o.id for o in document.outcomes if ("W402", o.id) not in warned} == on_routes_o


# ---------------------------------------------------------------------------------------
# Walks
# ---------------------------------------------------------------------------------------


def other_selections(plan: DocPlan, qid: str, given: Selection) -> list[Selection]:
    question = plan.questions[qid]
    if not question.multiple:
        return [a for a in question.answers if a != given]
    every = [list(s) for e in question.exits for s in e.selections]
    return [s for s in every if s != given]


@settings(max_examples=50, deadline=None)
@given(plan=doc_plans(), data=st.data())
def test_walk_back_and_forward_keeps_later_answers(plan: DocPlan, data: st.DataObject) -> None:
    document = ThresholdDocument.model_validate(plan.data)
    answers, path, outcome = data.draw(answer_paths(plan))

    walk = Walk(document)
    for qid in path:
        assert walk.question is not None and walk.question.id == qid
        assert walk.outcome is None
        walk = walk.answer(answers[qid])
    end = walk
    assert end.question is None and end.at_end
    assert end.outcome is not None and end.outcome.id == outcome
    assert dict(end.answers) == answers

    # Back k steps, forward k steps: the same place, nothing lost.
    k = data.draw(st.integers(1, len(path)), label="steps back")
    for step in range(1, k + 1):
        walk = walk.back()
        assert walk.question is not None and walk.question.id == path[-step]
        assert walk.current_selection == answers[path[-step]]
        assert walk.outcome is None
    earlier = walk.back().question
    assert earlier is not None and earlier.id == path[max(0, len(path) - k - 1)]
    for step in range(len(path) - k + 1, len(path)):
        walk = walk.forward()
        assert walk.question is not None and walk.question.id == path[step]
    walk = walk.forward()
    assert walk.at_end and walk.forward() == walk
    assert walk.outcome is not None and walk.outcome.id == outcome
    assert walk.route.question_ids == path and dict(walk.answers) == answers

    # Change one answer: every other answer is kept, on the new route or off it.
    position = len(path) - k
    qid = path[position]
    back = end
    for _ in range(k):
        back = back.back()
    alternatives = other_selections(plan, qid, answers[qid])
    if not alternatives:
        return
    instead = data.draw(st.sampled_from(alternatives), label="instead")
    changed = back.answer(instead)
    assert {q: a for q, a in changed.answers.items() if q != qid} == {
        q: a for q, a in answers.items() if q != qid
    }
    new_path, new_outcome, pending = plan.walk(dict(changed.answers))
    furthest = changed.to_end()
    assert furthest.route.question_ids == new_path
    if new_outcome is not None:
        assert furthest.outcome is not None and furthest.outcome.id == new_outcome
    else:
        assert furthest.question is not None and furthest.question.id == pending

    # ...and changing it back restores the original route and outcome.
    again = changed.back().question
    assert again is not None and again.id == qid
    restored = changed.back().answer(answers[qid]).to_end()
    assert restored.route.question_ids == path
    assert restored.outcome is not None and restored.outcome.id == outcome
    assert dict(restored.answers) == answers
    # Walks are values: the old ones did not move.
    assert end.outcome is not None and end.outcome.id == outcome and dict(end.answers) == answers


# ---------------------------------------------------------------------------------------
# What would change the decision
# ---------------------------------------------------------------------------------------


def change_key(qid: str, selection: Selection) -> tuple[str, str | frozenset[str]]:
    return (qid, selection if isinstance(selection, str) else frozenset(selection))


def leads_elsewhere(plan: DocPlan, answers: dict[str, Selection], current: str) -> bool:
    _, outcome, pending = plan.walk(answers)
    if outcome is not None:
        return outcome != current
    assert pending is not None
    return plan.outcomes_below(pending) != {current}


@settings(max_examples=50, deadline=None)
@given(plan=doc_plans(), data=st.data())
def test_what_would_change_entries_lead_where_they_claim(
    plan: DocPlan, data: st.DataObject
) -> None:
    document = ThresholdDocument.model_validate(plan.data)
    answers, path, outcome = data.draw(answer_paths(plan))
    route = derive_route(document, answers)

    alternatives = what_would_change(document, answers, route)

    for alt in alternatives:
        assert route.steps[alt.position].question.id == alt.question
        assert alt.given == answers[alt.question]
        changed = {**answers, alt.question: alt.instead}
        replay = derive_route(document, changed)
        _, new_outcome, pending = plan.walk(changed)
        if alt.outcome is not None:
            assert alt.outcome == new_outcome != outcome
            assert replay.outcome is not None and replay.outcome.id == alt.outcome
            assert alt.level_change == plan.levels[alt.outcome] - plan.levels[outcome]
        else:
            assert new_outcome is None and replay.outcome is None
            assert alt.pending == pending
            assert replay.pending is not None and replay.pending.id == pending
            assert set(alt.possible) == plan.outcomes_below(pending) != {outcome}
        if isinstance(alt.given, list):
            assert isinstance(alt.instead, list)
            assert set(alt.instead) == (set(alt.given) | set(alt.added)) - set(alt.removed)
            assert len(alt.added) + len(alt.removed) == 1
        else:
            assert (alt.added, alt.removed) == ((alt.instead,), (alt.given,))

    # Complete: every single change of one answer that leads elsewhere is listed once.
    expected = set()
    for qid in path:
        question = plan.questions[qid]
        if question.multiple:
            ticked = set(answers[qid])
            variants: list[Selection] = [
                [a for a in question.answers if (a in ticked) != (a == toggled)]
                for toggled in question.answers
            ]
        else:
            variants = [a for a in question.answers if a != answers[qid]]
        for instead in variants:
            if leads_elsewhere(plan, {**answers, qid: instead}, outcome):
                expected.add(change_key(qid, instead))
    listed = [change_key(alt.question, alt.instead) for alt in alternatives]
    assert len(listed) == len(set(listed))
    assert set(listed) == expected

    # Nearest first: decided changes before open ones, then the smallest change in level.
    order = [(not alt.decided, abs(alt.level_change)) for alt in alternatives]
    assert order == sorted(order)


# ---------------------------------------------------------------------------------------
# Summaries
# ---------------------------------------------------------------------------------------

user_texts = plain_texts()


@st.composite
def sessions(
    draw: st.DrawFn, document: ThresholdDocument, sha256: str, answers: dict[str, Selection]
) -> Session:
    moment = st.datetimes(
        min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2040, 1, 1),
        timezones=st.none() | st.just(dt.UTC),
    )
    given = {
        qid: GivenAnswer(
            answer=selection,
            note=draw(st.none() | user_texts),
            evidence=draw(st.none() | st.sampled_from(EVIDENCE)),
        )
        for qid, selection in answers.items()
    }
    override = None
    if draw(st.booleans()):
        override = Override(
            outcome=draw(st.sampled_from([o.id for o in document.outcomes])),
            reason=draw(user_texts.filter(bool)),
            by=draw(st.none() | user_texts),
            at=draw(st.none() | moment),
        )
    return Session(
        session_id=draw(st.from_regex(r"[a-z0-9-]{1,64}", fullmatch=True)),
        reference=draw(user_texts)[:200],  # the model's limit
        guidance=GuidanceRef(id=document.id, version=document.version, sha256=sha256),
        role=draw(user_texts),
        agency=draw(user_texts),
        answers=given,
        child_voice={p.id: draw(user_texts) for p in document.child_voice if draw(st.booleans())},
        strengths={p.id: draw(user_texts) for p in document.strengths if draw(st.booleans())},
        override=override,
        created_at=draw(moment),
        updated_at=draw(moment),
    )


@settings(max_examples=30, deadline=None)
@given(plan=doc_plans(), data=st.data())
def test_summary_is_deterministic_and_round_trips(
    plan: DocPlan, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    checked = check_file(write(tmp_path_factory.mktemp("sum"), "doc.yaml", to_yaml(plan.data)))
    assert checked.document is not None and checked.sha256 is not None
    document, sha256 = checked.document, checked.sha256
    answers, path, outcome = data.draw(answer_paths(plan))
    session = data.draw(sessions(document, sha256, answers))
    generated_at = data.draw(st.datetimes(timezones=st.none() | st.just(dt.UTC)))
    language = data.draw(st.sampled_from(["en", "cy", "pl"]))

    summary = build_summary(document, sha256, session, generated_at, language)
    # Same inputs, loaded afresh (the document from its data, the session from its JSON).
    again = build_summary(
        ThresholdDocument.model_validate(plan.data), sha256,
        Session.model_validate_json(session.model_dump_json()), generated_at, language,
    )

    assert again == summary
    markdown, text = render_markdown(summary), render_json(summary)
    assert render_markdown(again) == markdown
    assert render_json(again) == text
    back = Summary.model_validate_json(text)
    assert back == summary
    assert render_json(back) == text
    assert render_markdown(back) == markdown
    # And it is the summary of this walk.
    assert summary.outcome.id == outcome
    assert [step.question for step in summary.path] == path
    assert (summary.guidance.id, summary.guidance.sha256) == (document.id, sha256)
