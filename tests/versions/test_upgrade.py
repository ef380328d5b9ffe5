"""Moving a session to another version: re-routed answers stand, reworded ones are re-asked."""

from __future__ import annotations

from tests.versions.helpers import (
    MOVED,
    REPORT_ROUTE,
    UNSURE_ROUTE,
    Data,
    answer,
    document,
    duty,
    edited,
    minimal_data,
    question,
    session_for,
)
from threshold_guide.engine.route import derive_route
from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.session import Override
from threshold_guide.session.upgrade import upgrade_session
from threshold_guide.versions.upgrade_report import upgrade_report


def test_re_routed_answer_is_kept_and_the_walk_goes_on_to_the_new_question() -> None:
    old, new = duty("1.0.0"), duty("1.1.0")
    session = session_for(old, UNSURE_ROUTE)
    moved = upgrade_session(session, old, new, content_hash(new), MOVED)
    assert moved.kept == list(UNSURE_ROUTE) and moved.dropped == []
    assert moved.rerouted == ["reasonable-cause"]
    route = derive_route(new, moved.session.selections())
    assert route.pending is not None and route.pending.id == "chronology"
    assert moved.session.guidance.version == "1.1.0"
    history = [event.event for event in moved.session.history]
    assert history[0].startswith("Moved from wales-duty-to-report 1.0.0")
    assert "(4 kept, 0 not carried over)" in history[0]
    assert history[1].startswith("The outcome changes: it was “Talk to your DSP")
    assert "lead elsewhere in 1.1.0" in history[2]
    assert all(event.at == MOVED for event in moved.session.history)


def test_reworded_question_is_asked_again_and_its_note_kept_in_the_history() -> None:
    old, new = duty("1.0.0"), duty("1.1.0")
    session = session_for(old, REPORT_ROUTE, care_support_needs="Young carer for her mum.")
    moved = upgrade_session(session, old, new, content_hash(new), MOVED)
    assert moved.dropped == ["care-support-needs"] and moved.reasked == ["care-support-needs"]
    assert moved.reasons == {"care-support-needs": "reworded"}
    assert "care-support-needs" not in moved.session.answers
    assert len(moved.kept) == len(REPORT_ROUTE) - 1
    route = derive_route(new, moved.session.selections())
    assert route.pending is not None and route.pending.id == "care-support-needs"
    lost = moved.session.history[-1].event
    assert "“Does the child appear to have needs for care and support" in lost
    assert "reworded in 1.1.0, so it must be asked again" in lost
    assert "Young carer for her mum." in lost

    report = upgrade_report(moved, session.guidance, old, new)
    assert "To be asked again (1):\n  - care-support-needs: Apart from the worry" in report
    assert "(reworded: ask again)" in report
    assert "The walk resumes at care-support-needs" in report


def test_removed_question_removed_answer_and_changed_outcome() -> None:
    old = document(minimal_data())

    def change(data: Data) -> None:
        data["questions"] = [q for q in data["questions"] if q["id"] != "pattern"]
        question(data, "signs")["routes"][1] = {"if_any": ["hunger"], "outcome": "monitor"}
        next(o for o in data["outcomes"] if o["id"] == "report")["level"] = 4

    new = edited(change)
    session = session_for(old, {"danger": "no", "signs": ["hunger"], "pattern": "yes"})
    session = session.model_copy(update={"override": Override(outcome="report",
                                                              reason="Pattern known.")})
    moved = upgrade_session(session, old, new, content_hash(new), MOVED)
    assert moved.kept == ["danger", "signs"] and moved.reasons == {"pattern": "removed"}
    assert moved.reasked == []
    assert moved.session.override is None
    events = [e.event for e in moved.session.history]
    assert any("1.1.0 no longer asks this question" in e for e in events)
    assert any("override to outcome 'report' was removed" in e and "Pattern known." in e
               for e in events)
    report = upgrade_report(moved, session.guidance, old, new)
    assert "Not carried over (1):\n  - pattern: Is this part of a pattern? (no longer asked)" in (
        report)
    assert "The answers kept reach the outcome monitor" in report


def test_without_the_pinned_version_answers_that_still_fit_are_kept() -> None:
    old = document(minimal_data())

    def change(data: Data) -> None:
        question(data, "pattern")["prompt"] = "Reworded, but nobody can tell"
        pattern = question(data, "pattern")
        pattern["answers"] = [a for a in pattern["answers"] if a["id"] != "no"]

    new = edited(change)
    session = session_for(old, {"danger": "no", "signs": ["hunger"], "pattern": "no"})
    moved = upgrade_session(session, None, new, content_hash(new), MOVED)
    assert moved.diff is None
    assert moved.kept == ["danger", "signs"] and moved.reasons == {"pattern": "not-accepted"}
    assert moved.reasked == ["pattern"]
    assert "pinned version was not available" in moved.session.history[0].event


def test_a_relabelled_answer_rewords_the_question() -> None:
    old = document(minimal_data())

    def change(data: Data) -> None:
        answer(data, "pattern", "yes")["label"] = "Yes, several times"

    new = edited(change)
    session = session_for(old, {"danger": "no", "signs": ["hunger"], "pattern": "no"})
    moved = upgrade_session(session, old, new, content_hash(new), MOVED)
    # The options a practitioner chose among changed, so the choice is asked again.
    assert moved.reasons == {"pattern": "reworded"}


def test_the_report_is_in_the_language_asked_for() -> None:
    old, new = duty("1.0.0"), duty("1.1.0")
    session = session_for(old, REPORT_ROUTE)
    moved = upgrade_session(session, old, new, content_hash(new), MOVED)
    english = upgrade_report(moved, session.guidance, old, new)
    welsh = upgrade_report(moved, session.guidance, old, new, "cy")
    assert "To be asked again (1):" in english and "(reworded: ask again)" in english
    assert "I'w gofyn eto (1):" in welsh and "(geiriad newydd: gofynnwch eto)" in welsh
    assert welsh.startswith(f"Symudwyd sesiwn {session.session_id} o wales-duty-to-report "
                            "1.0.0 i wales-duty-to-report 1.1.0.")
    assert "Mae'r daith yn ailddechrau yn care-support-needs" in welsh
    assert "To be asked again" not in welsh
