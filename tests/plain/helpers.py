"""Driving plain mode through standard input, and the same walk done with Walkthrough.

A walk is written as :class:`Step` s, one per question: the answer ids, and the note and
evidence type where the question asks for one. :func:`typed` turns them into the lines a
user types in plain mode; :func:`replay` makes the same changes with the Walkthrough
methods the terminal app calls, so the two session files can be compared.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_1
from threshold_guide.cli.main import main
from threshold_guide.loading.catalog import Entry, resolve_file
from threshold_guide.models.document import EvidenceType, QuestionType
from threshold_guide.models.session import Selection, Session
from threshold_guide.plain.choices import EVIDENCE_MENU
from threshold_guide.session.creation import new_session, new_session_id
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.storage.session_store import SessionStore

AT = "2026-11-02T10:15:00Z"
NOW = dt.datetime(2026, 11, 2, 10, 15, tzinfo=dt.UTC)
DOC = "wales-duty-to-report"
PIN = ("--version", "1.1.0")
"""The walks here are written for duty-to-report 1.1.0, so they pin it: 2.0.0 is current."""
Capture = pytest.CaptureFixture[str]


@dataclass(frozen=True)
class Step:
    answer: Selection
    note: str = ""
    evidence: EvidenceType | None = None


REPORT_TODAY: dict[str, Step] = {
    "immediate-danger": Step("no-danger"),
    "how-concern-arose": Step("i-observed", "Saw a bruise on the left forearm at 9am.",
                              EvidenceType.OBSERVED),
    "indicators": Step(["physical", "neglect"]),
    "reasonable-cause": Step("yes-cause"),
    "care-support-needs": Step("has-needs"),
    "dsp": Step("dsp-agrees"),
    "parents-informed": Step("safe-to-tell"),
    "concern-about-staff": Step("not-about-practitioner"),
}
"""A walk on duty-to-report 1.1.0 to 'report to social services today'."""

CONTEXT = ("--reference", "CASE-0042", "--role", "Designated safeguarding person",
           "--agency", "school")


def entry() -> Entry:
    return resolve_file(DUTY_1_1)


def typed(steps: dict[str, Step], voice: list[str] | None = None) -> list[str]:
    """The lines typed in plain mode for ``steps`` (in route order), then the voice prompts."""
    document = entry().document
    lines: list[str] = []
    for question_id, step in steps.items():
        question = document.question(question_id)
        ids = [answer.id for answer in question.answers]
        chosen = [step.answer] if isinstance(step.answer, str) else step.answer
        numbers = [str(ids.index(answer_id) + 1) for answer_id in chosen]
        if question.type is QuestionType.MULTIPLE:
            lines.append(",".join(numbers) or "none")
        else:
            lines.append(numbers[0])
        if question.note is not None:
            lines.append(step.note)
            if step.note:
                evidence = step.evidence
                lines.append("" if evidence is None else
                             str(EVIDENCE_MENU.index(evidence) + 1))
    prompts = len(document.child_voice) + len(document.strengths)
    return lines + (voice if voice is not None else [""] * prompts)


def replay(steps: dict[str, Step], voice: list[str] | None = None,
           reference: str = "CASE-0042", role: str = "Designated safeguarding person",
           agency: str = "school") -> Session:
    """The same walk made with the Walkthrough methods the app's screens call."""
    found = entry()
    session = new_session(found.document, found.sha256, now=NOW, reference=reference,
                          role=role, agency=agency,
                          session_id=new_session_id(reference, NOW))
    state = Walkthrough(found.document, found.sha256, session)
    for question_id, step in steps.items():
        assert state.question is not None and state.question.id == question_id
        if state.question.note is None:
            state = state.answer(step.answer, NOW)
        else:
            state = state.choose(step.answer, NOW)
            kinds = [step.evidence] if step.note and step.evidence else []
            state = state.set_note(step.note, kinds, NOW)
            state = state.next(NOW)
    assert state.outcome is not None
    prompts = [(kind, p.id) for kind in ("child_voice", "strengths")
               for p in state.voice_prompts(kind)]  # type: ignore[arg-type]
    for (kind, prompt_id), text in zip(prompts, voice or [], strict=False):
        state = state.set_voice(kind, prompt_id, text, NOW)  # type: ignore[arg-type]
    return state.session


def plain(capsys: Capture, monkeypatch: pytest.MonkeyPatch, lines: list[str],
          *argv: str) -> tuple[int, str, str]:
    """Run ``threshold-guide walk ... --plain`` in this process with ``lines`` as stdin."""
    text = "".join(line + "\n" for line in lines)
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    pin = PIN if argv[:1] == (DOC,) and "--version" not in argv else ()
    code = main(["walk", *argv, *pin, "--plain", "--at", AT])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def saved_sessions() -> list[Session]:
    store = SessionStore()
    return [Session.model_validate_json(path.read_text(encoding="utf-8"))
            for path in sorted(store.directory.glob("*.json"))]


def answers_file(steps: dict[str, Step], path: Path) -> Path:
    """The same answers as a ``run --answers`` file."""
    data: dict[str, object] = {}
    for question_id, step in steps.items():
        if step.note:
            data[question_id] = {"answer": step.answer, "note": step.note,
                                 "evidence": step.evidence.value if step.evidence else None}
        else:
            data[question_id] = step.answer
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
