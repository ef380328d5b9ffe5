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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from threshold_guide.engine.route import Step, derive_route
from threshold_guide.engine.routing import AnswerError, normalise
from threshold_guide.i18n.catalogue import _, ngettext, translator
from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import Outcome, ThresholdDocument, version_key
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
                _("The version this session was started with ({document} {version}, "
                  "content {content}) is no longer available.").format(
                      document=ref.id, version=ref.version, content=ref.sha256[:12])
            )
        elif self.pinned is None and self.changed is None:
            lines.append(
                _("{document} {version} is no longer in the guidance folder; a copy kept "
                  "with your sessions can still be used.").format(
                      document=ref.id, version=ref.version)
            )
        if self.changed is not None:
            lines.append(
                _("{document} {version} has changed since this session was started: the "
                  "same version number now has different content ({found} instead of "
                  "{pinned}). Ask the guidance owner why.").format(
                      document=ref.id, version=ref.version,
                      found=self.changed.sha256[:12], pinned=ref.sha256[:12])
            )
            if self.pinned is None and self.kept is not None:
                lines.append(_("The content it was started with is kept with your sessions, "
                               "so it can still be continued as started."))
        if self.newer is not None:
            lines.append(
                _("A newer version, {version}, is in effect since {date}.").format(
                    version=self.newer.version,
                    date=self.newer.document.effective_from.isoformat())
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
    departs: list[str] = field(default_factory=list)
    """Kept answers to judgement questions that depart from what the new version suggests,
    with no reason recorded: the walk stops at the first to ask the practitioner to agree
    or give a reason (the answer is kept, so nothing typed is lost)."""
    outcome_before: Outcome | None = None
    """The outcome the answers reached under the version moved from (None if unfinished, or
    that version is not available)."""
    outcome_after: Outcome | None = None
    """The outcome the answers kept reach under the version moved to (None if unfinished)."""

    @property
    def outcome_changed(self) -> bool:
        """A finished walk whose outcome is now another one, or no outcome yet."""
        before, after = self.outcome_before, self.outcome_after
        return before is not None and (after is None or after.id != before.id)

    @property
    def outcome_lower(self) -> bool:
        """The outcome is now a lower level than before."""
        before, after = self.outcome_before, self.outcome_after
        return self.outcome_changed and before is not None and after is not None and (
            after.level < before.level)

    def outcome_change(self, language: str = "en") -> str | None:
        """The change of outcome in a sentence, a lower level flagged; None if unchanged."""
        before, after = self.outcome_before, self.outcome_after
        if not self.outcome_changed or before is None:
            return None
        tr = translator(language)
        was = tr.gettext("“{title}” (level {level})").format(
            title=render(before.title, language), level=before.level)
        if after is None:
            return tr.gettext(
                "The outcome changes: it was {was}; on the answers kept the walk no longer "
                "reaches an outcome until the questions left are answered.").format(was=was)
        now = tr.gettext("“{title}” (level {level})").format(
            title=render(after.title, language), level=after.level)
        if self.outcome_lower:
            return tr.gettext(
                "The outcome changes from {was} to {now}. ⚠ This is a LOWER level than "
                "before. Review the answers before relying on it.").format(was=was, now=now)
        return tr.gettext("The outcome changes from {was} to {now}. Review the answers "
                          "before relying on it.").format(was=was, now=now)

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
    departing = departures_without_reason(new, answers)
    for step in departing:
        assert step.suggestion is not None
        suggested = new.question(step.question.id).answer(step.suggestion.target)
        label = render(suggested.label) if suggested is not None else step.suggestion.target
        events.append(HistoryEvent(at=now, event=(
            f"The answer kept for “{render(step.question.prompt)}” departs from what "
            f"{new.version} suggests (“{label}”: {render(step.suggestion.rationale)}), and "
            "no reason is recorded: it is asked again, to agree or to give a reason.")))
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
    before = outcome_of(old, session.answers)
    after = outcome_of(new, answers)
    probe = Upgrade(session, outcome_before=before, outcome_after=after)
    change = probe.outcome_change()
    if change is not None:  # the most important, so next after the move itself
        events.insert(1, HistoryEvent(at=now, event=change))
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
    return Upgrade(moved, kept_ids, lost, reasons, diff,
                   [step.question.id for step in departing], before, after)


def departures_without_reason(
    document: ThresholdDocument, answers: dict[str, GivenAnswer]
) -> list[Step]:
    """Steps on the route the answers take that depart from a suggestion with no reason."""
    route = derive_route(document, {q: given.answer for q, given in answers.items()})
    return [step for step in route.departures
            if not (answers[step.question.id].departure_reason or "").strip()]


def outcome_of(document: ThresholdDocument | None,
             answers: Mapping[str, GivenAnswer]) -> Outcome | None:
    """Where ``answers`` lead in ``document``; None if they stop short or do not fit."""
    if document is None:
        return None
    try:
        return derive_route(document, {q: g.answer for q, g in answers.items()}).outcome
    except (AnswerError, KeyError, ValueError):
        return None


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


@dataclass(frozen=True)
class Repair:
    """A saved session made to fit the document it is continued under."""

    session: Session
    reasked: list[str] = field(default_factory=list)
    """Question ids whose saved answer the document does not accept: to be asked again."""
    override_removed: bool = False
    """The override named an outcome the document does not have, and was removed."""

    @property
    def notice(self) -> str | None:
        """What was set aside, for the user (in the interface language: it is shown at
        once, while the history keeps its English record); None when nothing was."""
        if not self.reasked and not self.override_removed:
            return None
        ref = self.session.guidance
        parts = []
        if self.reasked:
            parts.append(ngettext(
                "{count} saved answer is not an answer {document} {version} offers, so that "
                "question will be asked again ({ids}).",
                "{count} saved answers are not answers {document} {version} offers, so those "
                "questions will be asked again ({ids}).", len(self.reasked)).format(
                    document=ref.id, version=ref.version, ids=", ".join(self.reasked)))
        if self.override_removed:
            parts.append(_("The override named an outcome this version does not have, so it "
                           "was removed."))
        parts.append(_("What was set aside is kept in the session's history."))
        return " ".join(parts)


def repair_session(session: Session, document: ThresholdDocument, now: dt.datetime) -> Repair:
    """Set aside saved answers ``document`` does not accept, so the walk can go on.

    A session file can hold an answer id its document lacks (edited by hand, or written
    by another tool): rather than stop, that question is asked again, like a reworded one
    after an upgrade, and what was set aside is recorded in the history, never dropped
    silently. An override to an outcome the document lacks is removed the same way.
    """
    answers: dict[str, GivenAnswer] = {}
    reasked: list[str] = []
    events: list[HistoryEvent] = []
    for question_id, given in session.answers.items():
        if document.has_question(question_id):
            try:
                normalise(document.question(question_id), given.answer)
            except AnswerError:
                reasked.append(question_id)
                events.append(HistoryEvent(at=now, event=_set_aside(
                    question_id, given, document)))
                continue
        answers[question_id] = given
    override = session.override
    override_removed = override is not None and override.outcome not in {
        outcome.id for outcome in document.outcomes}
    if override is not None and override_removed:
        events.append(HistoryEvent(at=now, event=(
            f"The override to outcome '{override.outcome}' was removed because "
            f"{document.id} {document.version} has no such outcome. Its reason was: "
            f"{override.reason}")))
    if not events:
        return Repair(session)
    repaired = session.model_copy(update={
        "answers": answers,
        "override": None if override_removed else override,
        "position": None,
        "history": [*session.history, *events],
        "updated_at": now,
    })
    return Repair(repaired, reasked, override_removed)


def _set_aside(question_id: str, given: GivenAnswer, document: ThresholdDocument) -> str:
    # Said here in English rather than with the AnswerError's words, which are in the
    # interface language: the history is stored, and stays English.
    chosen = [given.answer] if isinstance(given.answer, str) else given.answer
    question = document.question(question_id)
    prompt = render(question.prompt)
    offered = ", ".join(answer.id for answer in question.answers)
    text = (f"The saved answer to “{prompt}” was set aside to be asked again: it does not "
            f"fit {document.id} {document.version} (its answers are: {offered}). It was: "
            f"{'; '.join(chosen) or 'nothing ticked'}.")
    if given.note:
        kinds = ", ".join(kind.value for kind in given.evidence)
        evidence = f" ({kinds})" if kinds else ""
        text += f" Note{evidence}: {given.note}"
    return text
