"""Build the explanation of a finished session for one partner.

Pure: the same document, session, audience, time and language give the same explanation.
It rests on the referral rationale summary, so both always agree on the route, the outcome
and what would change it.
"""

from __future__ import annotations

import datetime as dt

from threshold_guide.deadlines.working_days import ENGLAND_AND_WALES, WorkingCalendar
from threshold_guide.explain.audiences import AUDIENCES, asks_for
from threshold_guide.explain.challenge import challenge_for
from threshold_guide.explain.decisions import DECISIONS, Standing, standing
from threshold_guide.explain.decisive import count_word, decisive_facts, in_general_terms
from threshold_guide.explain.family_safety import FamilyRisk, family_risks, risk_sentence
from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.models.document import Decision, ThresholdDocument
from threshold_guide.models.explanation import (
    AnsweredTest,
    Audience,
    Changes,
    Criterion,
    Decisive,
    DepartureExplained,
    Explanation,
    OutcomeBrief,
    OverrideExplained,
)
from threshold_guide.models.session import Session
from threshold_guide.models.summary import OutcomeInfo, Summary
from threshold_guide.models.text import render
from threshold_guide.summary.build import build_summary


class ExplainError(ValueError):
    """A session that cannot be explained with this document. ``str()`` is the message."""


class UnsafeToShare(ExplainError):
    """The family version was asked for, but the walk recorded that telling the family could
    put the child at risk, and no reason to share it anyway was given."""

    def __init__(self, risks: list[FamilyRisk]) -> None:
        super().__init__(risk_sentence(risks) + " The family version, which names the case "
                         "and the agency, is not produced.")
        self.risks = risks


JUDGEMENT = (
    N_("This explanation supports professional judgement and does not replace it. It applies "
    "the guidance version named above and should be read with local procedures.")
)
FAMILY_WITHHELD = (
    N_("The practitioner's notes and anything your child said are not included. What a child "
    "says is shared with care, by the professionals involved, so that your child and "
    "everyone else stay safe."),
    N_("The answers behind the decision, and the guidance's own name for the outcome, are "
    "described only in general terms, for the same reason."),
)
FAMILY_OVERRIDE = (
    N_("The practitioner used the guidance to help them decide, and then used their own "
    "professional judgement to choose a different response from the one it suggested. What "
    "happens next is described below.")
)
FAMILY_OVERRIDE_WITHHELD = (
    N_("The reason the practitioner gave for using their own judgement is not included; you "
    "can ask them about it.")
)
FAMILY_DEPARTURE = (
    N_("The guidance suggested a response from the answers given. The practitioner used their "
    "professional judgement to choose differently, and recorded why. You can ask them about "
    "it.")
)
FAMILY_DEPARTURE_WITHHELD = (
    N_("The reason the practitioner gave for choosing differently from the guidance's "
    "suggestion is not included; you can ask them about it.")
)
FAMILY_ADVICE = (
    N_("If a child is in immediate danger, call the police on 999 now."),
    N_("This decision was made with the help of written guidance. The guidance supports the "
    "professionals' judgement and does not replace it."),
)
FAMILY_CHANGES = (
    N_("The decision is about what is known now, and new information can change it either "
    "way. New or growing worries can lead to more help or to further steps; things getting "
    "better are written down too.")
)


def _brief(outcome: OutcomeInfo) -> OutcomeBrief:
    return OutcomeBrief(
        id=outcome.id, title=outcome.title, level=outcome.level, test_met=outcome.test_met,
        emergency=outcome.emergency, rationale=outcome.rationale,
    )


def _decided(summary: Summary, family: bool, where: Standing) -> str:
    _ = translator(summary.language).gettext
    if family and summary.override is not None:
        # Whether the test was met is the guidance's answer, which judgement set aside; say
        # only that, and let "what happens next" describe the response chosen.
        return _(FAMILY_OVERRIDE)
    if family:
        return _(DECISIONS[summary.test.decision].decided_family[where])
    text = (_("The guidance reached “{title}”. On the answers given, the test is met.")
            if summary.outcome.test_met else
            _("The guidance reached “{title}”. On the answers given, the test is not met.")
            ).format(title=summary.outcome.title)
    if summary.override is not None:
        chose = (_("Professional judgement chose “{title}” instead, a lower level than the "
                   "guidance reached.") if summary.override.lower else
                 _("Professional judgement chose “{title}” instead."))
        text += " " + chose.format(title=summary.override.outcome.title)
    if where is Standing.NOT_MET and summary.test.decision is Decision.DUTY_TO_REPORT:
        text += " " + _("This is not a decision not to report.")
    return text


def _changes(summary: Summary, family: bool) -> Changes:
    _ = translator(summary.language).gettext
    if family:
        return Changes(summary=_(FAMILY_CHANGES), changes=[])
    if not summary.what_would_change:
        return Changes(summary=_("No single change of answer leads to a different outcome."),
                       changes=[])
    return Changes(
        summary=_("Each line is one change of answer on its own and where it would lead, "
                  "nearest first."),
        changes=summary.what_would_change,
    )


def _decisive(summary: Summary, document: ThresholdDocument, family: bool) -> Decisive:
    tr = translator(summary.language)
    facts = decisive_facts(summary)
    if family:
        return Decisive(summary=in_general_terms(document, facts, summary.path,
                                                 summary.language), facts=[])
    if not facts:
        return Decisive(
            summary=tr.gettext("No single answer decided this outcome: it rests on several "
                               "answers together, and no one change of answer on its own "
                               "would certainly lead elsewhere."),
            facts=[],
        )
    text = tr.ngettext(
        "One answer on the route decided this outcome: changed on its own, it would lead to a "
        "different outcome.",
        "{words} answers on the route decided this outcome: changed on its own, each would "
        "lead to a different outcome.", len(facts)).format(
        words=count_word(len(facts), summary.language).capitalize())
    rest = len(summary.path) - len(facts)
    if rest:
        text += " " + tr.ngettext(
            "The other answer adds to the picture, but changing it alone would not certainly "
            "lead elsewhere.",
            "The other {words} answers add to the picture, but no single change to one of "
            "them would on its own certainly lead elsewhere.", rest).format(
            words=count_word(rest, summary.language))
    return Decisive(summary=text, facts=facts)


def _criteria(summary: Summary, document: ThresholdDocument) -> list[Criterion]:
    lang = summary.language
    _ = translator(lang).gettext

    def where(node: str) -> str:
        if node in {o.id for o in document.outcomes}:
            return _("led to the outcome “{title}”").format(
                title=render(document.outcome(node).title, lang))
        if document.is_decision_point(node):
            return _("led on to “{title}”").format(
                title=render(document.decision_point(node).title, lang))
        return _("led to the question “{prompt}”").format(
            prompt=render(document.question(node).prompt, lang))

    found: list[tuple[int, Criterion]] = []
    order = {step.question: n for n, step in enumerate(summary.path, start=1)}
    for d in summary.decisions:
        found.append((order.get(d.after_question or "", 0), Criterion(
            kind="decision-point", id=d.point, title=d.title, rule=d.rule, because=d.rationale,
            result=where(d.leads_to))))
    for j in summary.judgements:
        # A suggestion is made before its question is answered, so it sorts just before it.
        found.append((order.get(j.question, 0) - 1, Criterion(
            kind="suggestion", id=j.question, title=j.prompt, rule=j.rule, because=j.because,
            result=_("suggested “{answer}”").format(answer=j.suggested_label))))
    criteria = [c for _, c in sorted(found, key=lambda pair: pair[0])]
    criteria += [Criterion(
        kind="floor", id=f.id, title=f.title, rule=None, because=f.rationale,
        result=(_("at least “{minimum}”: met") if f.met else
                _("at least “{minimum}”: not met")).format(minimum=f.minimum_title))
        for f in summary.floors]
    return criteria


def _departures(summary: Summary) -> list[DepartureExplained]:
    return [
        DepartureExplained(
            question=j.question, prompt=j.prompt, suggested_label=j.suggested_label,
            because=j.because, chosen_label=j.chosen_label, reason=j.reason or "",
            suggested_outcome=j.suggested_outcome.title if j.suggested_outcome else None,
            lower=j.lower)
        for j in summary.judgements if j.departed
    ]


def _judgement(departures: list[DepartureExplained], family: bool,
               language: str) -> str | None:
    tr = translator(language)
    if not departures:
        return None
    if family:
        return tr.gettext(FAMILY_DEPARTURE)
    lower = any(d.lower for d in departures)
    text = tr.ngettext(
        "At one judgement question the practitioner departed from what the guidance "
        "suggested, using their professional judgement, and recorded why (below).",
        "At {words} judgement questions the practitioner departed from what the guidance "
        "suggested, using their professional judgement, and recorded why (below).",
        len(departures)).format(words=count_word(len(departures), language))
    if lower:
        text += " " + tr.gettext("The departure leads to a lower level than agreeing would "
                                 "have.")
    return text


def explain(
    document: ThresholdDocument,
    sha256: str,
    session: Session,
    audience: Audience,
    generated_at: dt.datetime,
    language: str = "en",
    calendar: WorkingCalendar = ENGLAND_AND_WALES,
    confirm_unsafe_share: str | None = None,
) -> Explanation:
    """Explain a finished session's decision in plain language for ``audience``.

    Raises :class:`ExplainError` when the session is pinned to another document, and the
    summary's errors (an unfinished walk, an answer the document does not accept) as they
    are. The family version leaves out notes, the child's words, the detailed answers and
    an override's reason, and says so in ``withheld``. When the walk recorded that telling
    the family could put the child at risk (see :mod:`~threshold_guide.explain.family_safety`)
    the family version is refused with :class:`UnsafeToShare`, unless
    ``confirm_unsafe_share`` gives the practitioner's reason to share it anyway: the reason
    is then stamped on it and ``warnings`` names the risk.
    """
    ref = session.guidance
    if (ref.id, ref.version) != (document.id, document.version):
        raise ExplainError(
            f"the session is pinned to {ref.id} {ref.version}, not {document.id} "
            f"{document.version}"
        )
    if session.override is not None and session.override.outcome not in {
        outcome.id for outcome in document.outcomes
    }:
        raise ExplainError(
            f"the session's override names outcome '{session.override.outcome}', which "
            f"{document.id} {document.version} does not have"
        )
    family = audience is Audience.FAMILY
    tr = translator(language)
    _ = tr.gettext
    risks = family_risks(document, session, language)
    reason = (confirm_unsafe_share or "").strip()
    if family and risks and not reason:
        raise UnsafeToShare(risks)
    summary = build_summary(document, sha256, session, generated_at, language, calendar)
    acting = summary.override.outcome if summary.override else summary.outcome
    where = standing(emergency=acting.emergency, test_met=acting.test_met)
    text = DECISIONS[document.decision]
    warnings = []
    if ref.sha256 != sha256:
        warnings.append(_(
            "The session was made with {id} {version} content {was}, but this explanation "
            "uses content {now}: the same version number now has different content. Ask the "
            "guidance owner what changed.").format(id=ref.id, version=ref.version,
                                                   was=ref.sha256[:12], now=sha256[:12]))
    confirmed = None
    if risks and family:
        confirmed = reason
        # The reason is typed text: it goes in its own field, which renderers escape.
        warnings.append(risk_sentence(risks, language) + " " + _(
            "The practitioner confirmed it is safe to share this letter; their reason is "
            "stamped on it."))
    elif risks:
        warnings.append(risk_sentence(risks, language) + " " + _(
            "Do not share this explanation, or its details, with the family."))
    override = None
    if summary.override is not None and not family:
        o = summary.override
        override = OverrideExplained(outcome=_brief(o.outcome), reason=o.reason, by=o.by,
                                     lower=o.lower)
    departures = _departures(summary)
    withheld: list[str] = []
    if family:
        withheld = [_(text) for text in FAMILY_WITHHELD]
        if summary.override is not None:
            withheld.append(_(FAMILY_OVERRIDE_WITHHELD))
        if departures:
            withheld.append(_(FAMILY_DEPARTURE_WITHHELD))
    return Explanation(
        tool_version=summary.tool_version,
        generated_at=generated_at,
        language=language,
        audience=audience,
        audience_name=_(AUDIENCES[audience].name),
        reference=session.reference,
        role=session.role,
        agency=session.agency,
        guidance=summary.guidance,
        test=AnsweredTest(
            decision=document.decision,
            name=summary.test.name,
            question=_(text.question_family if family else text.question),
            not_this=[_(line) for line in (text.not_this_family if family else text.not_this)],
            plain=_(text.plain_family if family else text.plain),
            text=summary.test.text,
            who_decides=summary.test.who_decides,
            sources=summary.test.sources,
        ),
        decided=_decided(summary, family, where),
        outcome=None if family else _brief(summary.outcome),
        override=override,
        decisive=_decisive(summary, document, family),
        criteria=[] if family else _criteria(summary, document),
        departures=[] if family else departures,
        judgement=_judgement(departures, family, language),
        what_would_change=_changes(summary, family),
        next_steps=[_(line) for line in
                    (text.next_steps_family if family else text.next_steps)[where]],
        asks=[_(line) for line in asks_for(audience, document.decision, where)],
        watch_for=[_(line) for line in AUDIENCES[audience].watch_for],
        withheld=withheld,
        advice=([_(line) for line in FAMILY_ADVICE] if family
                else [*summary.advice[:-1], _(JUDGEMENT)]),
        warnings=warnings,
        confirmed_unsafe_share=confirmed,
        challenge=[_(line) for line in challenge_for(audience)],
        follow_through=None if family else summary.follow_through,
        translation_notice=summary.translation_notice,
    )

