"""Build the conference papers for a household case (pure: data in, data out).

Every child's record comes from the ordinary summary of that child's walk, so the reasons,
suggestions, floors and dated steps are exactly those a one-child session would show.
"""

from __future__ import annotations

import datetime as dt

from threshold_guide import __version__
from threshold_guide.deadlines.working_days import ENGLAND_AND_WALES, WorkingCalendar
from threshold_guide.household.decisions import (
    ChildDecision,
    decide_household,
    household_flags,
    invitation_flags,
    voice_flag,
)
from threshold_guide.household.walk import Pinned, child_session, household_question_ids
from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.i18n.languages import reader_language
from threshold_guide.i18n.unchecked import unchecked_notice
from threshold_guide.models.household import CATEGORY_LABELS, Household, View
from threshold_guide.models.papers import (
    AgencyReport,
    ChildReport,
    ConferencePapers,
    DateLine,
    DecisionRecord,
    FloorLine,
    Invitation,
    InvitedChild,
    JudgementLine,
    PapersGuidance,
    PlanOut,
    ReasonLine,
    ReportSection,
    ViewLine,
    VoiceOut,
)
from threshold_guide.models.text import render
from threshold_guide.summary.build import build_summary

PAPERS = ("invitation", "decision-record", "agency-report")

_WHAT_HAPPENS = [
    N_("Everyone invited shares what they know about the children: what has happened, its "
    "effect on each child, the care the children receive and the family's strengths."),
    N_("The family's views, and each child's own views, are heard and taken into account."),
    N_("A decision is made for each child separately: whether the child is at continuing risk "
    "of significant harm, so that their name is placed on the Child Protection Register "
    "with a care and support protection plan."),
    N_("If a child's name is placed on the register, the conference agrees what needs to change "
    "for that child, how they will be kept safe, and who will work with the family."),
]
_FAMILY_ASKS = [
    N_("You are welcome to attend and to bring a supporter. Tell the social worker if you need "
    "an interpreter, help with access, or to speak to the chair before the conference."),
    N_("You will see the reports before the conference where possible, so you can say what you "
    "agree with and what you do not."),
]
_PARTNER_ASKS = [
    N_("Send a written report before the conference, focused on the risk of significant harm "
    "to each child (harm, impact, likelihood, strengths, the child's voice): use the agency "
    "report outline."),
    N_("Come ready to give your agency's view on registration for each child, with your "
    "reasons."),
]
_REPORT_GUIDANCE = [
    N_("Write about each child separately; do not let one child's account stand for a "
       "sibling's."),
    N_("Say what you saw, what the child said (their words), what others reported and what is "
    "your opinion, and keep them apart."),
    N_("Be specific: dates, frequency, what you observed. Say what has changed and what has "
       "not."),
    N_("Weigh strengths beside worries, and say how likely future harm is if nothing "
       "changes."),
]


def _conference_words(document_shared: dict[str, str], language: str) -> str:
    tr = translator(language)
    kind = document_shared.get("conference-type")
    if kind == "initial":
        return tr.gettext("Initial child protection conference")
    if kind == "review":
        return tr.gettext("Review child protection conference")
    return tr.gettext("Child protection conference")


def _guidance(pinned: Pinned, language: str) -> PapersGuidance:
    document = pinned.document
    return PapersGuidance(id=document.id, version=document.version, sha256=pinned.sha256,
                          title=render(document.title, language))


def invitation(household: Household, audience: str, language: str = "en") -> Invitation:
    tr = translator(language)
    shared = {q: g.answer for q, g in household.shared.items() if isinstance(g.answer, str)}
    return Invitation(
        audience="family" if audience == "family" else "partners",
        conference=_conference_words(shared, language),
        held_at=household.held_at,
        reason=household.reason,
        s47_conclusion=household.s47_conclusion,
        children=[InvitedChild(child=c.child, age=c.age) for c in household.children],
        attending=[] if audience == "family" else list(household.attending),
        what_happens=[tr.gettext(text) for text in _WHAT_HAPPENS],
        asks=[tr.gettext(text) for text in (_FAMILY_ASKS if audience == "family"
                                            else _PARTNER_ASKS)],
    )


def _record(pinned: Pinned, household: Household, decision: ChildDecision,
            at: dt.datetime, calendar: WorkingCalendar, shared_ids: frozenset[str],
            language: str) -> DecisionRecord:
    tr = translator(language)
    case = decision.case
    voice = VoiceOut(recorded=case.voice.recorded, said=case.voice.said,
                     seen_how=case.voice.seen_how, seen_alone=case.voice.seen_alone,
                     wishes=case.voice.wishes)
    views = [
        ViewLine(agency=v.agency, view=v.view.value,
                 categories=[tr.gettext(CATEGORY_LABELS[c]) for c in v.categories],
                 reason=v.reason,
                 matches_decision=(v.view is View.REGISTER) == decision.registered)
        for v in case.views
    ]
    base = {"child": case.child, "age": case.age, "agreement": decision.agreement.value,
            "chair_reason": case.chair_reason, "views": views, "voice": voice,
            "flags": list(decision.flags)}
    if decision.outcome is None:
        flags = list(decision.flags)
        flags.insert(0, decision.problem or tr.gettext(
            "{child}: the walk has not reached a decision yet.").format(child=case.child))
        return DecisionRecord(**{**base, "flags": flags}, finished=False, decision=None,
                              decision_title=None, registered=False, categories=[],
                              rationale=None, reasons=[], judgements=[], floors=[], plan=None,
                              dates=[])
    session = child_session(pinned, household, case, at)
    summary = build_summary(pinned.document, pinned.sha256, session, at, language, calendar)
    reasons = [
        ReasonLine(question=step.question, prompt=step.prompt,
                   answer="; ".join(step.answer_labels) or tr.gettext("None of these"),
                   rationale=" ".join(step.rationale), shared=(
                       step.question in shared_ids and step.question not in case.answers),
                   note=step.note, evidence=step.evidence_label)
        for step in summary.path
    ]
    judgements = [
        JudgementLine(prompt=j.prompt, suggested=j.suggested_label, because=j.because,
                      chosen=j.chosen_label, departed=j.departed, reason=j.reason)
        for j in summary.judgements
    ]
    floors = [FloorLine(title=f.title, minimum=f.minimum_title, met=f.met,
                        rationale=f.rationale) for f in summary.floors]
    steps = summary.follow_through.steps if summary.follow_through else []
    dates = [DateLine(label=s.label, due=s.due, due_text=s.due_text,
                      confirm_locally=s.confirm_locally) for s in steps]
    plan = None
    if decision.registered:
        p = case.plan
        plan = PlanOut(what_must_change=p.what_must_change, safety_plan=p.safety_plan,
                       contingency_plan=p.contingency_plan, core_group=list(p.core_group))
    return DecisionRecord(
        **base, finished=True, decision=summary.outcome.id,
        decision_title=summary.outcome.title, registered=decision.registered,
        categories=[tr.gettext(CATEGORY_LABELS[c]) for c in decision.categories],
        rationale=summary.outcome.rationale, reasons=reasons, judgements=judgements,
        floors=floors, plan=plan, dates=dates)


def _report_outline(household: Household, agency: str, language: str) -> AgencyReport:
    tr = translator(language)
    children = []
    for case in household.children:
        voice = case.voice
        heard = " ".join(part for part in (voice.said, voice.wishes) if part.strip())
        who = case.child
        children.append(ChildReport(child=who, sections=[
            ReportSection(heading=tr.gettext("Harm"), prompt=tr.gettext(
                "What harm has {child} suffered, or is likely to suffer? What did you see, "
                "what was said, what was reported?").format(child=who), recorded=""),
            ReportSection(heading=tr.gettext("Impact on the child"), prompt=tr.gettext(
                "How has it affected {child}'s health and development, compared with a "
                "similar child?").format(child=who), recorded=""),
            ReportSection(heading=tr.gettext("Likelihood of future harm"), prompt=tr.gettext(
                "How likely is significant harm to {child} if nothing changes, and why?")
                .format(child=who), recorded=""),
            ReportSection(heading=tr.gettext("Strengths and protective factors"),
                          prompt=tr.gettext("What is working for {child}, and who keeps them "
                                            "safe?").format(child=who), recorded=""),
            ReportSection(heading=tr.gettext("The child's voice"), prompt=tr.gettext(
                "What has {child} said or shown you, in their own words? Were they seen "
                "alone?").format(child=who), recorded=heard),
            ReportSection(heading=tr.gettext("Your agency's view on registration"),
                          prompt=tr.gettext("Register or do not register {child}, under which "
                                            "categories, and why.").format(child=who),
                          recorded=""),
        ]))
    return AgencyReport(agency=agency, children=children,
                        guidance=[tr.gettext(text) for text in _REPORT_GUIDANCE])


def paper_language(household: Household, paper: str, audience: str) -> str:
    """The language a paper comes in by default: the family's invitation in the family's
    language where it is recorded, every other paper in the household's ``language``."""
    return reader_language(household, family=paper == "invitation" and audience == "family")


def build_papers(pinned: Pinned, household: Household, paper: str, at: dt.datetime, *,
                 audience: str = "partners", agency: str = "",
                 calendar: WorkingCalendar = ENGLAND_AND_WALES,
                 language: str | None = None) -> ConferencePapers:
    """One paper for the household. ``audience`` ('family' or 'partners') is for the
    invitation; ``agency`` names the agency an agency report outline is for; ``language``
    is the paper's (default: :func:`paper_language`)."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper '{paper}'")
    language = language or paper_language(household, paper, audience)
    decisions = decide_household(pinned.document, household, language)
    flags = household_flags(pinned.document, household, language)
    for decision in decisions:
        flags.extend(decision.flags)
    records: list[DecisionRecord] = []
    if paper == "decision-record":
        shared_ids = household_question_ids(pinned.document)
        records = [_record(pinned, household, d, at, calendar, shared_ids, language)
                   for d in decisions]
    if paper == "invitation" and audience == "family":
        # The family's invitation names no child's words and no agency's view, so it only
        # carries the flags about the invitation itself.
        flags = invitation_flags(household, language) + [
            flag for case in household.children
            if (flag := voice_flag(case, language)) is not None]
    return ConferencePapers(
        paper=paper,
        language=language,
        reference=household.reference,
        chair=household.chair,
        guidance=_guidance(pinned, language),
        generated_at=at,
        tool_version=__version__,
        invitation=(invitation(household, audience, language) if paper == "invitation"
                    else None),
        decision_records=records,
        agency_report=(_report_outline(household, agency, language)
                       if paper == "agency-report" else None),
        flags=flags,
        unchecked=unchecked_notice(pinned.document, language),
    )


