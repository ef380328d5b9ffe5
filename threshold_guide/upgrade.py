"""Resuming a pinned session when the guidance has moved on.

A session is pinned to a document version and the hash of its content. On resume the
guidance folder may hold that exact version, the same version with different content
(someone edited the file), a newer version in effect today, or none of these. Moving a
session to another version keeps the answers to questions that did not change (compared by
their canonical JSON) and records what happened in the session's history, including
anything typed that could not be carried over, so nothing is silently lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from threshold_guide.engine.routing import AnswerError, normalise
from threshold_guide.loading.canonical import canonical_json
from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import ThresholdDocument, version_key
from threshold_guide.models.session import GivenAnswer, GuidanceRef, HistoryEvent, Session
from threshold_guide.models.text import render


@dataclass(frozen=True)
class PinCheck:
    """What the guidance folders hold for a session's pinned document version."""

    session: Session
    pinned: Entry | None
    """The exact version and content the session is pinned to, in the guidance folders."""
    kept: ThresholdDocument | None
    """The copy of the pinned version kept beside the sessions, if any."""
    changed: Entry | None
    """The same id and version in the guidance folders, but with different content."""
    newer: Entry | None
    """A later version of the document in effect today."""

    @property
    def pinned_document(self) -> ThresholdDocument | None:
        return self.pinned.document if self.pinned is not None else self.kept

    @property
    def needs_decision(self) -> bool:
        """Whether the user must choose between the pinned version and another one."""
        return (
            self.changed is not None
            or self.newer is not None
            or self.pinned_document is None
        )

    @property
    def targets(self) -> list[Entry]:
        """Versions the session could move to, the preferred first."""
        return [entry for entry in (self.newer, self.changed) if entry is not None]

    def explain(self) -> list[str]:
        """What changed, in words for the practitioner."""
        ref = self.session.guidance
        lines: list[str] = []
        if self.pinned_document is None:
            lines.append(
                f"The version this session was started with ({ref.id} {ref.version}, "
                f"content {ref.sha256[:12]}) is no longer available."
            )
        elif self.pinned is None:
            lines.append(
                f"{ref.id} {ref.version} is no longer in the guidance folder; a copy kept "
                "with your sessions can still be used."
            )
        if self.changed is not None:
            lines.append(
                f"{ref.id} {ref.version} has changed since this session was started: the "
                f"same version number now has different content ({self.changed.sha256[:12]} "
                f"instead of {ref.sha256[:12]}). Ask the guidance owner why."
            )
        if self.newer is not None:
            lines.append(
                f"A newer version, {self.newer.version}, is in effect since "
                f"{self.newer.document.effective_from.isoformat()}."
            )
        return lines


def check_pin(
    session: Session, catalog: Catalog, today: dt.date, kept: ThresholdDocument | None = None
) -> PinCheck:
    """Compare a session's pin with the guidance found and a kept copy of the document."""
    ref = session.guidance
    pinned = changed = None
    for entry in catalog.versions(ref.id):
        if entry.version == ref.version:
            if entry.sha256 == ref.sha256:
                pinned = entry
            else:
                changed = entry
    current = catalog.current(ref.id, today)
    newer = (
        current
        if current is not None and version_key(current.version) > version_key(ref.version)
        else None
    )
    return PinCheck(session, pinned, kept, changed, newer)


@dataclass(frozen=True)
class Upgrade:
    """A session moved to another document version."""

    session: Session
    kept: list[str] = field(default_factory=list)
    """Question ids whose answers were carried over."""
    dropped: list[str] = field(default_factory=list)
    """Question ids whose answers were not, because the question changed or went."""


def unchanged_questions(old: ThresholdDocument, new: ThresholdDocument) -> set[str]:
    """Ids of questions whose every field (prompt, answers, routes, ...) is the same."""
    before = {question.id: canonical_json(question) for question in old.questions}
    return {
        question.id
        for question in new.questions
        if before.get(question.id) == canonical_json(question)
    }


def upgrade_session(
    session: Session,
    old: ThresholdDocument | None,
    new: ThresholdDocument,
    new_sha256: str,
    now: dt.datetime,
) -> Upgrade:
    """Move ``session`` to ``new``, keeping the answers to questions that did not change.

    When the pinned version ``old`` is not available the questions cannot be compared, so
    answers are kept where the question still exists and the answer still fits it.
    """
    same = unchanged_questions(old, new) if old is not None else None
    answers: dict[str, GivenAnswer] = {}
    lost: list[str] = []
    for question_id, given in session.answers.items():
        if _carries_over(question_id, given, new, same):
            answers[question_id] = given
        else:
            lost.append(question_id)
    voice, voice_lost = _keep_prompts(session.child_voice, {p.id for p in new.child_voice})
    strengths, strengths_lost = _keep_prompts(session.strengths, {p.id for p in new.strengths})
    override = session.override
    override_lost = override is not None and not _outcome_unchanged(override.outcome, old, new)

    ref = session.guidance
    how = (
        "answers to unchanged questions were kept"
        if old is not None
        else "the pinned version was not available to compare, so answers were kept where "
        "the question and answer still exist"
    )
    events = [
        HistoryEvent(
            at=now,
            event=(
                f"Moved from {ref.id} {ref.version} (content {ref.sha256[:12]}) to "
                f"{new.id} {new.version} (content {new_sha256[:12]}): {how} "
                f"({len(answers)} kept, {len(lost)} not carried over)."
            ),
        )
    ]
    for question_id in lost:
        events.append(HistoryEvent(at=now, event=_lost_answer(question_id, session, old)))
    for prompt_id, text in [*voice_lost, *strengths_lost]:
        events.append(HistoryEvent(
            at=now, event=f"Text for the prompt '{prompt_id}', which the new version no "
            f"longer has, was not carried over. It read: {text}",
        ))
    if override_lost and override is not None:
        events.append(HistoryEvent(
            at=now, event=f"The override to outcome '{override.outcome}' was removed because "
            f"that outcome changed. Its reason was: {override.reason}",
        ))
    moved = session.model_copy(update={
        "guidance": GuidanceRef(id=new.id, version=new.version, sha256=new_sha256),
        "answers": answers,
        "child_voice": voice,
        "strengths": strengths,
        "override": None if override_lost else override,
        "position": None,
        "history": [*session.history, *events],
        "updated_at": now,
    })
    kept_ids = [q for q in session.answers if q in answers]
    return Upgrade(moved, kept_ids, lost)


def _carries_over(
    question_id: str, given: GivenAnswer, new: ThresholdDocument, same: set[str] | None
) -> bool:
    if same is not None:
        return question_id in same
    if not new.has_question(question_id):
        return False
    try:
        normalise(new.question(question_id), given.answer)
    except AnswerError:
        return False
    return True


def _keep_prompts(
    texts: dict[str, str], prompt_ids: set[str]
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    kept = {key: value for key, value in texts.items() if key in prompt_ids}
    lost = [(key, value) for key, value in texts.items() if key not in prompt_ids]
    return kept, lost


def _outcome_unchanged(
    outcome_id: str, old: ThresholdDocument | None, new: ThresholdDocument
) -> bool:
    try:
        after = canonical_json(new.outcome(outcome_id))
    except KeyError:
        return False
    if old is None:
        return True
    try:
        return canonical_json(old.outcome(outcome_id)) == after
    except KeyError:
        return False


def _lost_answer(question_id: str, session: Session, old: ThresholdDocument | None) -> str:
    given = session.answers[question_id]
    chosen = [given.answer] if isinstance(given.answer, str) else given.answer
    prompt, labels = question_id, list(chosen)
    if old is not None and old.has_question(question_id):
        question = old.question(question_id)
        prompt = render(question.prompt)
        labels = [render(a.label) for a in question.answers if a.id in chosen]
    text = (
        f"The answer to “{prompt}” was not carried over because the question changed. "
        f"It was: {'; '.join(labels) or 'nothing ticked'}."
    )
    if given.note:
        evidence = f" ({given.evidence.value})" if given.evidence else ""
        text += f" Note{evidence}: {given.note}"
    return text
