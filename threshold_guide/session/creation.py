"""Pure operations on sessions: start one, apply answers, check answers against a document."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import secrets
from collections.abc import Iterator, Mapping

from threshold_guide.engine.route import Route, derive_route
from threshold_guide.engine.routing import AnswerError, normalise
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import GivenAnswer, GuidanceRef, Session
from threshold_guide.models.text import render
from threshold_guide.validation.diagnostics import did_you_mean


def new_session_id(reference: str, created_at: dt.datetime, salt: str = "") -> str:
    """A short id that never contains the reference itself.

    The same reference, time and salt give the same id, so a walk stamped with a fixed
    time (``--at``) gives the same session file as ``run``. Uniqueness comes from the
    sessions folder, which creates each file exclusively and takes the next of
    :func:`session_ids` when the name is taken.
    """
    seed = f"{created_at.isoformat()}|{reference}|{salt}".encode()
    return created_at.strftime("%Y%m%d-%H%M%S-") + hashlib.sha256(seed).hexdigest()[:8]


def session_ids(reference: str, created_at: dt.datetime, *,
                unpredictable: bool = False) -> Iterator[str]:
    """Ids to try, in turn, for a new session until one is free.

    The first is :func:`new_session_id` unsalted, unless ``unpredictable``: then every id
    has a random salt, so two computers (two browser tabs in a training room, whose
    sessions a trainer later gathers in one folder) cannot choose the same one either.
    """
    if not unpredictable:
        yield new_session_id(reference, created_at)
    for number in itertools.count(1):
        salt = secrets.token_hex(8) if unpredictable else str(number)
        yield new_session_id(reference, created_at, salt=salt)
        if number >= 1000:
            return


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

    Returns the finished route; raises :class:`AnswerError` naming the question otherwise,
    in the interface language (the message is for the person who gave the answers).
    """
    known = [question.id for question in document.questions]
    for question_id, given in answers.items():
        if not document.has_question(question_id):
            raise AnswerError(
                question_id, _("is not a question of this document"),
                did_you_mean(question_id, known)
                or _("questions: {ids}").format(ids=", ".join(known)),
            )
        normalise(document.question(question_id), given.answer)
    route = derive_route(document, {q: g.answer for q, g in answers.items()})
    if route.pending is not None:
        raise AnswerError(
            route.pending.id,
            _("is not answered, so the walk stops before reaching an outcome"),
            _("add an answer for it: {answers}").format(
                answers=", ".join(a.id for a in route.pending.answers)),
        )
    return route


def with_answers(session: Session, answers: Mapping[str, GivenAnswer], now: dt.datetime) -> Session:
    """The session with these answers added (replacing earlier answers to the same questions)."""
    merged = dict(session.answers)
    for question_id, given in answers.items():
        stamp = given.answered_at or now
        merged[question_id] = given.model_copy(update={"answered_at": stamp})
    return session.model_copy(update={"answers": merged, "updated_at": now})


def same_outcome_override(document: ThresholdDocument, route: Route,
                          outcome_id: str, language: str = "en") -> str | None:
    """Why overriding to ``outcome_id`` is refused when the guidance reached that very
    outcome, or None. An override records a judgement that differs from the guidance; one
    that agrees with it would show as an override that is not one.

    In the interface language, the outcome's title in ``language``.
    """
    reached = route.outcome
    if reached is None or reached.id != outcome_id:
        return None
    return _("the guidance already reached '{outcome}' ({title}): an override must choose a "
             "different outcome; agreeing with the guidance needs none").format(
                 outcome=outcome_id, title=render(reached.title, language))


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
                hint = (did_you_mean(prompt_id, known)
                        or _("prompts: {ids}").format(ids=", ".join(known))
                        if known else _("this document has none"))
                raise VoiceError(_("{section} '{prompt}' is not a prompt of this document "
                                   "({hint})").format(section=section, prompt=prompt_id,
                                                      hint=hint))
