"""Resuming a pinned session when the guidance has moved on.

A session is pinned to a document version and the hash of its content. On resume the
guidance folder may hold that exact version, the same version with different content
(someone edited the file), a newer version in effect today, or none of these. Moving a
session to another version keeps every answer that still stands (the question was not
reworded: see :mod:`threshold_guide.versions.diff`) and records what happened in the
session's history, including anything typed that could not be carried over, so nothing is
silently lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from threshold_guide.engine.routing import AnswerError, normalise
from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import ThresholdDocument, version_key
from threshold_guide.models.session import GivenAnswer, GuidanceRef, HistoryEvent, Session
from threshold_guide.models.text import render
from threshold_guide.versions.diff import diff_documents
from threshold_guide.versions.model import DocumentDiff


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


DropReason = Literal["reworded", "removed", "not-accepted", "not-asked"]
"""Why an answer was not carried over: its question was reworded or removed, the new
version does not accept the answer, or the old version never asked the question."""


@dataclass(frozen=True)
class Upgrade:
    """A session moved to another document version."""

    session: Session
    kept: list[str] = field(default_factory=list)
    """Question ids whose answers were carried over."""
    dropped: list[str] = field(default_factory=list)
    """Question ids whose answers were not, because the question changed or went."""
    reasons: dict[str, DropReason] = field(default_factory=dict)
    """Why each answer in ``dropped`` was not carried over."""
    diff: DocumentDiff | None = None
    """What changed between the versions; None when the pinned version was not available."""

    @property
    def reasked(self) -> list[str]:
        """Dropped answers whose questions the new version still asks: to be asked again."""
        return [q for q in self.dropped if self.reasons.get(q) in ("reworded", "not-accepted")]

    @property
    def rerouted(self) -> list[str]:
        """Kept answers that now lead elsewhere."""
        return _rerouted(self.kept, self.diff)


def _rerouted(kept: list[str], diff: DocumentDiff | None) -> list[str]:
    moved = {item.id for item in diff.questions.rerouted} if diff is not None else set()
    return [question_id for question_id in kept if question_id in moved]


def upgrade_session(
    session: Session,
    old: ThresholdDocument | None,
    new: ThresholdDocument,
    new_sha256: str,
    now: dt.datetime,
) -> Upgrade:
    """Move ``session`` to ``new``, keeping every answer that still stands.

    An answer stands when its question is in both versions and was not reworded (see
    :mod:`threshold_guide.versions.diff`): a question whose answers were only re-routed,
    or whose help or rationale was edited, keeps its answer; the new route follows from it.
    When the pinned version ``old`` is not available the questions cannot be compared, so
    answers are kept where the question still exists and the answer still fits it.
    """
    diff = diff_documents(old, new) if old is not None else None
    reworded = diff.reasked() if diff is not None else set()
    answers: dict[str, GivenAnswer] = {}
    reasons: dict[str, DropReason] = {}
    for question_id, given in session.answers.items():
        reason = _drop_reason(question_id, given, old, new, reworded)
        if reason is None:
            answers[question_id] = given
        else:
            reasons[question_id] = reason
    lost = list(reasons)
    voice, voice_lost = _keep_prompts(session.child_voice, {p.id for p in new.child_voice})
    strengths, strengths_lost = _keep_prompts(session.strengths, {p.id for p in new.strengths})
    override = session.override
    override_lost = override is not None and not _outcome_unchanged(override.outcome, new, diff)

    ref = session.guidance
    how = (
        "answers to questions that were not reworded were kept"
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
    kept_ids = [q for q in session.answers if q in answers]
    rerouted = _rerouted(kept_ids, diff)
    if rerouted:
        prompts = "; ".join(f"“{render(new.question(q).prompt)}”" for q in rerouted)
        events.append(HistoryEvent(at=now, event=(
            f"Kept the answers to questions that lead elsewhere in {new.version}, so the "
            f"route may differ from here on: {prompts}.")))
    for question_id in lost:
        events.append(HistoryEvent(at=now, event=_lost_answer(
            question_id, session, old, new, reasons[question_id])))
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
    return Upgrade(moved, kept_ids, lost, reasons, diff)


def _drop_reason(
    question_id: str,
    given: GivenAnswer,
    old: ThresholdDocument | None,
    new: ThresholdDocument,
    reworded: set[str],
) -> DropReason | None:
    if not new.has_question(question_id):
        return "removed"
    if old is not None and not old.has_question(question_id):
        return "not-asked"
    if question_id in reworded:
        return "reworded"
    try:
        normalise(new.question(question_id), given.answer)
    except AnswerError:
        return "not-accepted"
    return None


def _keep_prompts(
    texts: dict[str, str], prompt_ids: set[str]
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    kept = {key: value for key, value in texts.items() if key in prompt_ids}
    lost = [(key, value) for key, value in texts.items() if key not in prompt_ids]
    return kept, lost


def _outcome_unchanged(
    outcome_id: str, new: ThresholdDocument, diff: DocumentDiff | None
) -> bool:
    if outcome_id not in {outcome.id for outcome in new.outcomes}:
        return False
    if diff is None:
        return True
    return outcome_id not in {item.id for item in diff.outcomes.changed}


_BECAUSE: dict[DropReason, str] = {
    "reworded": "the question was reworded in {version}, so it must be asked again",
    "removed": "{version} no longer asks this question",
    "not-accepted": "{version} does not offer that answer, so the question must be asked again",
    "not-asked": "the version it was given under did not ask this question",
}


def _lost_answer(
    question_id: str,
    session: Session,
    old: ThresholdDocument | None,
    new: ThresholdDocument,
    reason: DropReason,
) -> str:
    given = session.answers[question_id]
    chosen = [given.answer] if isinstance(given.answer, str) else given.answer
    prompt, labels = question_id, list(chosen)
    if old is not None and old.has_question(question_id):
        question = old.question(question_id)
        prompt = render(question.prompt)
        labels = [render(a.label) for a in question.answers if a.id in chosen]
    because = _BECAUSE[reason].format(version=new.version)
    text = (
        f"The answer to “{prompt}” was not carried over because {because}. "
        f"It was: {'; '.join(labels) or 'nothing ticked'}."
    )
    if given.note:
        kinds = ", ".join(kind.value for kind in given.evidence)
        evidence = f" ({kinds})" if kinds else ""
        text += f" Note{evidence}: {given.note}"
    return text
