"""Pure operations on sessions: start one, apply answers, check answers against a document."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping

from threshold_guide.engine.route import Route, derive_route
from threshold_guide.engine.routing import AnswerError, normalise
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import GivenAnswer, GuidanceRef, Session
from threshold_guide.validation.diagnostics import did_you_mean


def new_session_id(reference: str, created_at: dt.datetime, salt: str = "") -> str:
    """A short id, unique in practice, that never contains the reference itself."""
    seed = f"{created_at.isoformat()}|{reference}|{salt}".encode()
    return created_at.strftime("%Y%m%d-%H%M%S-") + hashlib.sha256(seed).hexdigest()[:8]


def new_session(
    document: ThresholdDocument,
    sha256: str,
    *,
    now: dt.datetime,
    reference: str = "",
    role: str = "",
    agency: str = "",
    scenario: str | None = None,
    session_id: str | None = None,
) -> Session:
    return Session(
        session_id=session_id or new_session_id(reference, now),
        reference=reference,
        guidance=GuidanceRef(id=document.id, version=document.version, sha256=sha256),
        role=role,
        agency=agency,
        scenario=scenario,
        created_at=now,
        updated_at=now,
    )


def check_answers(document: ThresholdDocument, answers: Mapping[str, GivenAnswer]) -> Route:
    """Check every answer names a real question and answer, and the route reaches an outcome.

    Returns the finished route; raises :class:`AnswerError` naming the question otherwise.
    """
    known = [question.id for question in document.questions]
    for question_id, given in answers.items():
        if not document.has_question(question_id):
            raise AnswerError(
                question_id, "is not a question of this document",
                did_you_mean(question_id, known) or f"questions: {', '.join(known)}",
            )
        normalise(document.question(question_id), given.answer)
    route = derive_route(document, {q: g.answer for q, g in answers.items()})
    if route.pending is not None:
        raise AnswerError(
            route.pending.id,
            "is not answered, so the walk stops before reaching an outcome",
            "add an answer for it: " + ", ".join(a.id for a in route.pending.answers),
        )
    return route


def with_answers(session: Session, answers: Mapping[str, GivenAnswer], now: dt.datetime) -> Session:
    """The session with these answers added (replacing earlier answers to the same questions)."""
    merged = dict(session.answers)
    for question_id, given in answers.items():
        stamp = given.answered_at or now
        merged[question_id] = given.model_copy(update={"answered_at": stamp})
    return session.model_copy(update={"answers": merged, "updated_at": now})


class VoiceError(ValueError):
    """A child's voice or strengths entry naming a prompt the document does not have."""


def check_voice(document: ThresholdDocument, child_voice: Mapping[str, str],
                strengths: Mapping[str, str]) -> None:
    """Check every recorded entry names a prompt of its section. Raises :class:`VoiceError`."""
    for section, given, prompts in (("child_voice", child_voice, document.child_voice),
                                    ("strengths", strengths, document.strengths)):
        known = [prompt.id for prompt in prompts]
        for prompt_id in given:
            if prompt_id not in known:
                hint = (did_you_mean(prompt_id, known) or f"prompts: {', '.join(known)}"
                        if known else "this document has none")
                raise VoiceError(f"{section} '{prompt_id}' is not a prompt of this document "
                                 f"({hint})")
