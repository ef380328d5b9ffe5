"""Build a referral rationale summary from a document and a finished session.

Pure: the same document, session, time and language give the same summary.
"""

from __future__ import annotations

import datetime as dt

from threshold_guide import __version__
from threshold_guide.deadlines.schedule import follow_through
from threshold_guide.deadlines.working_days import ENGLAND_AND_WALES, WorkingCalendar
from threshold_guide.engine.changes import Alternative, what_would_change
from threshold_guide.engine.decisions import FloorCheck, floor_checks
from threshold_guide.engine.route import DecisionStep, Route, Step, agreeing_route, derive_route
from threshold_guide.i18n.catalogue import N_, Translator, translator
from threshold_guide.i18n.unchecked import unchecked_notice
from threshold_guide.models.document import (
    Decision,
    Outcome,
    Question,
    QuestionType,
    Signal,
    ThresholdDocument,
)
from threshold_guide.models.session import Selection, Session, evidence_label
from threshold_guide.models.summary import (
    ChangeInfo,
    Citation,
    DecisionInfo,
    DefinitionInfo,
    FloorInfo,
    GuidanceInfo,
    JudgementInfo,
    OutcomeInfo,
    OverrideInfo,
    PathStep,
    Signalled,
    Summary,
    TestInfo,
    VoiceItem,
)
from threshold_guide.models.text import render

DECISION_NAMES: dict[Decision, str] = {
    Decision.DUTY_TO_REPORT: N_("Duty to report a child at risk"),
    Decision.S47_ENQUIRY: N_("Section 47 enquiry: reasonable cause to suspect significant harm"),
    Decision.REGISTRATION: N_("Registration on the Child Protection Register"),
    Decision.LEVEL_OF_NEED: N_("Level of need"),
}
"""The tests' names in English; shown through the catalogue in the reader's language."""

IMMEDIATE_DANGER = N_(
    "If a child is in immediate danger, or a crime against a child is happening, call the "
    "police on 999 now. Seeking advice must never delay emergency action. Out of hours, "
    "social services are reached through the emergency duty team."
)
NOT_A_DECISION_NOT_TO_REPORT = N_(
    "This is not a decision not to report. Record the concern and what you did, keep "
    "monitoring, and talk to your designated safeguarding person. If you are unsure, ask the "
    "local authority for advice now (information, advice and assistance) rather than waiting "
    "for more evidence, and report if anything changes or concerns build up."
)
JUDGEMENT = N_(
    "This summary supports professional judgement and does not replace it. It applies the "
    "guidance version named below and should be read with local procedures."
)


class SummaryError(ValueError):
    """A session that cannot be summarised (e.g. not finished). ``str()`` is the message."""


class _Builder:
    def __init__(self, document: ThresholdDocument, sha256: str, language: str) -> None:
        self.doc = document
        self.sha256 = sha256
        self.lang = language
        self.tr = translator(language)

    def text(self, value: str | dict[str, str] | None) -> str:
        return render(value, self.lang)

    def outcome(self, outcome: Outcome) -> OutcomeInfo:
        return OutcomeInfo(
            id=outcome.id,
            title=self.text(outcome.title),
            level=outcome.level,
            test_met=outcome.test_met,
            emergency=outcome.emergency,
            do_now=self.text(outcome.do_now),
            timescale=self.text(outcome.timescale),
            contact=self.text(outcome.contact),
            rationale=self.text(outcome.rationale),
        )

    def citation(self, source_id: str) -> Citation | None:
        source = self.doc.source(source_id)
        if source is None:
            return None
        return Citation(
            id=source.id,
            title=self.text(source.title),
            section=self.text(source.section) or None,
            url=source.url,
        )

    def labels(self, question: Question, selection: Selection) -> list[str]:
        chosen = [selection] if isinstance(selection, str) else selection
        return [self.text(a.label) for a in question.answers if a.id in chosen]

    def step(self, route: Route, index: int, session: Session) -> PathStep:
        step = route.steps[index]
        question = step.question
        chosen = [step.selection] if isinstance(step.selection, str) else step.selection
        sentences = [self.text(a.rationale) for a in question.answers if a.id in chosen]
        if question.type is QuestionType.MULTIPLE:
            route_rationale = getattr(step.target, "rationale", None)
            if not chosen:
                sentences.append(self.tr.gettext("None of the listed items was ticked."))
            if route_rationale:
                sentences.append(self.text(route_rationale))
        given = session.answers.get(question.id)
        evidence = list(given.evidence) if given else []
        return PathStep(
            question=question.id,
            prompt=self.text(question.prompt),
            answer=step.selection,
            answer_labels=self.labels(question, step.selection),
            rationale=sentences,
            note=(given.note or None) if given else None,
            evidence=evidence,
            evidence_label=evidence_label(evidence),
        )

    def signalled(self, route: Route, signal: Signal) -> list[Signalled]:
        found: list[Signalled] = []
        for step in route.steps:
            chosen = [step.selection] if isinstance(step.selection, str) else step.selection
            for answer in step.question.answers:
                if answer.id in chosen and answer.signal is signal:
                    found.append(
                        Signalled(source=step.question.id, text=self.text(answer.rationale),
                                  signal=signal, recorded=False)
                    )
        return found

    def change(self, alternative: Alternative) -> ChangeInfo:
        question = self.doc.question(alternative.question)
        given = self.labels(question, alternative.given)
        instead = self.labels(question, alternative.instead)
        _ = self.tr.gettext
        if question.type is QuestionType.SINGLE:
            condition = _("If the answer to “{prompt}” were “{answer}”").format(
                prompt=self.text(question.prompt), answer=instead[0])
        else:
            parts = [
                _("“{answer}” had also been ticked").format(answer=self.text(a.label))
                for a in question.answers if a.id in alternative.added
            ] + [
                _("“{answer}” had not been ticked").format(answer=self.text(a.label))
                for a in question.answers if a.id in alternative.removed
            ]
            condition = _("If {changes} for “{prompt}”").format(
                changes=and_list(parts, self.tr), prompt=self.text(question.prompt))
        if alternative.outcome is not None:
            title = self.text(self.doc.outcome(alternative.outcome).title)
            change = _("{condition}, the outcome would be: {title}.").format(
                condition=condition, title=title)
        else:
            pending = self.doc.question(str(alternative.pending))
            titles = "; ".join(self.text(self.doc.outcome(o).title)
                               for o in alternative.possible)
            change = _("{condition}, the next question would be “{prompt}”, and the outcome "
                       "could then be: {titles}.").format(
                condition=condition, prompt=self.text(pending.prompt), titles=titles)
        return ChangeInfo(
            question=question.id,
            prompt=self.text(question.prompt),
            given=given,
            instead=instead,
            change=change,
            outcome=alternative.outcome,
            outcome_title=(self.text(self.doc.outcome(alternative.outcome).title)
                           if alternative.outcome else None),
            level_change=alternative.level_change,
            further_question=alternative.pending,
            possible_outcomes=list(alternative.possible),
        )

    def decision(self, step: DecisionStep, route: Route) -> DecisionInfo:
        hit = step.hit
        return DecisionInfo(
            point=step.point.id,
            title=self.text(step.point.title),
            rule=None if hit.rule is None else hit.rule + 1,
            rationale=self.text(hit.rationale),
            leads_to=hit.target,
            after_question=route.steps[step.after - 1].question.id if step.after else None,
        )

    def judgement(self, step: Step, route: Route, session: Session) -> JudgementInfo:
        hit = step.suggestion
        assert hit is not None
        question = step.question
        suggested_outcome: Outcome | None = None
        if step.departed:
            agreed = frozenset(
                s.question.id for s in route.steps if s.suggestion is not None and not s.departed
            )
            answers = {**route.selections(), **session.selections()}
            answers[question.id] = hit.target
            suggested_outcome = agreeing_route(self.doc, answers, agreed).outcome
        given = session.answers.get(question.id)
        reached = route.outcome
        return JudgementInfo(
            question=question.id,
            prompt=self.text(question.prompt),
            suggested=hit.target,
            suggested_label="; ".join(self.labels(question, hit.target)),
            because=self.text(hit.rationale),
            rule=None if hit.rule is None else hit.rule + 1,
            chosen=str(step.selection),
            chosen_label="; ".join(self.labels(question, step.selection)),
            departed=step.departed,
            reason=(given.departure_reason or None) if given and step.departed else None,
            suggested_outcome=self.outcome(suggested_outcome) if suggested_outcome else None,
            lower=bool(
                suggested_outcome and reached and reached.level < suggested_outcome.level
            ),
        )

    def floor(self, check: FloorCheck) -> FloorInfo:
        return FloorInfo(
            id=check.floor.id,
            title=self.text(check.floor.title),
            minimum=check.minimum.id,
            minimum_title=self.text(check.minimum.title),
            met=check.met,
            rationale=self.text(check.floor.rationale),
        )

    def voice(self, session: Session) -> list[VoiceItem]:
        return [
            VoiceItem(id=p.id, prompt=self.text(p.prompt), text=session.child_voice[p.id])
            for p in self.doc.child_voice
            if session.child_voice.get(p.id, "").strip()
        ]

    def strengths(self, route: Route, session: Session) -> list[Signalled]:
        recorded = [
            Signalled(source=p.id, text=session.strengths[p.id], signal=Signal.STRENGTH,
                      recorded=True)
            for p in self.doc.strengths
            if session.strengths.get(p.id, "").strip()
        ]
        return self.signalled(route, Signal.STRENGTH) + recorded

    def definitions(self, route: Route) -> list[DefinitionInfo]:
        wanted = dict.fromkeys(d for step in route.steps for d in step.question.definitions)
        found: list[DefinitionInfo] = []
        for definition_id in wanted:
            item = self.doc.definition(definition_id)
            if item is not None:
                found.append(DefinitionInfo(id=item.id, term=self.text(item.term),
                                            text=self.text(item.text), sources=item.sources))
        return found

    def sources(self, route: Route, definitions: list[DefinitionInfo]) -> list[Citation]:
        wanted = dict.fromkeys(
            [*self.doc.legal_test.sources,
             *(s for step in route.steps for s in step.question.sources),
             *(s for d in definitions for s in d.sources)]
        )
        return [c for c in (self.citation(s) for s in wanted) if c is not None]


def build_summary(
    document: ThresholdDocument,
    sha256: str,
    session: Session,
    generated_at: dt.datetime,
    language: str = "en",
    calendar: WorkingCalendar = ENGLAND_AND_WALES,
) -> Summary:
    """The referral rationale summary for a session that has reached an outcome.

    ``calendar`` gives the working days the dated steps are counted in (bank holidays, and
    the closure days of the guidance folders in use)."""
    answers = session.selections()
    route = derive_route(document, answers, session.departure_reasons())
    if route.outcome is None:
        pending = route.pending.id if route.pending else "?"
        suggestion = route.pending_suggestion
        if suggestion is not None and pending in answers:
            raise SummaryError(
                f"question '{pending}': the answer departs from what the guidance suggests "
                f"('{suggestion.target}'), and no reason is recorded; give the reason "
                "(departure_reason) or agree with the suggestion"
            )
        raise SummaryError(
            f"the answers stop at question '{pending}' before reaching an outcome; "
            "answer it to finish the walk"
        )
    b = _Builder(document, sha256, language)
    outcome = b.outcome(route.outcome)
    override = None
    effective_met = outcome.test_met
    if session.override is not None:
        chosen = document.outcome(session.override.outcome)
        effective_met = chosen.test_met
        override = OverrideInfo(
            outcome=b.outcome(chosen),
            reason=session.override.reason,
            by=session.override.by,
            at=session.override.at,
            lower=chosen.level < route.outcome.level,
        )
    tr = translator(language)
    advice = [tr.gettext(IMMEDIATE_DANGER)]
    if document.decision is Decision.DUTY_TO_REPORT and not effective_met:
        advice.append(tr.gettext(NOT_A_DECISION_NOT_TO_REPORT))
    advice.append(tr.gettext(JUDGEMENT))
    definitions = b.definitions(route)
    doc = document
    return Summary(
        tool_version=__version__,
        generated_at=generated_at,
        language=language,
        reference=session.reference,
        role=session.role,
        agency=session.agency,
        scenario=session.scenario,
        guidance=GuidanceInfo(
            id=doc.id, version=doc.version, sha256=sha256, title=b.text(doc.title),
            status=doc.status, effective_from=doc.effective_from,
            publisher=b.text(doc.publisher), jurisdiction=b.text(doc.jurisdiction),
        ),
        test=TestInfo(
            decision=doc.decision,
            name=tr.gettext(DECISION_NAMES[doc.decision]),
            text=b.text(doc.legal_test.text),
            who_decides=b.text(doc.legal_test.who_decides),
            sources=[c for c in (b.citation(s) for s in doc.legal_test.sources) if c],
        ),
        outcome=outcome,
        override=override,
        decisions=[b.decision(step, route) for step in route.decisions],
        judgements=[b.judgement(step, route, session) for step in route.steps
                    if step.suggestion is not None],
        floors=[b.floor(check) for check in floor_checks(doc, answers, route.outcome)],
        path=[b.step(route, i, session) for i in range(len(route.steps))],
        worries=b.signalled(route, Signal.CONCERN),
        strengths=b.strengths(route, session),
        child_voice=b.voice(session),
        definitions=definitions,
        sources=b.sources(route, definitions),
        what_would_change=[b.change(a) for a in what_would_change(doc, answers, route)],
        advice=advice,
        follow_through=follow_through(doc, session, generated_at, calendar, language, route),
        translation_notice=unchecked_notice(doc, language),
    )


def and_list(items: list[str], tr: Translator) -> str:
    """``a``, ``a and b``, ``a and b and c``: conditions joined in ``tr``'s language."""
    said = items[0] if items else ""
    for item in items[1:]:
        said = tr.gettext("{items} and {last}").format(items=said, last=item)
    return said
