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
from threshold_guide.explain.decisive import count, decisive_facts, in_general_terms
from threshold_guide.models.document import Decision, ThresholdDocument
from threshold_guide.models.explanation import (
    AnsweredTest,
    Audience,
    Changes,
    Decisive,
    Explanation,
    OutcomeBrief,
    OverrideExplained,
)
from threshold_guide.models.session import Session
from threshold_guide.models.summary import OutcomeInfo, Summary
from threshold_guide.summary.build import build_summary


class ExplainError(ValueError):
    """A session that cannot be explained with this document. ``str()`` is the message."""


JUDGEMENT = (
    "This explanation supports professional judgement and does not replace it. It applies "
    "the guidance version named above and should be read with local procedures."
)
FAMILY_WITHHELD = (
    "The practitioner's notes and anything your child said are not included. What a child "
    "says is shared with care, by the professionals involved, so that your child and "
    "everyone else stay safe.",
    "The answers behind the decision, and the guidance's own name for the outcome, are "
    "described only in general terms, for the same reason.",
)
FAMILY_OVERRIDE = (
    "The practitioner used the guidance to help them decide, and then used their own "
    "professional judgement to choose a different response from the one it suggested. What "
    "happens next is described below."
)
FAMILY_OVERRIDE_WITHHELD = (
    "The reason the practitioner gave for using their own judgement is not included; you "
    "can ask them about it."
)
FAMILY_ADVICE = (
    "If a child is in immediate danger, call the police on 999 now.",
    "This decision was made with the help of written guidance. The guidance supports the "
    "professionals' judgement and does not replace it.",
)
FAMILY_CHANGES = (
    "The decision is about what is known now, and new information can change it either "
    "way. New or growing worries can lead to more help or to further steps; things getting "
    "better are written down too."
)


def _brief(outcome: OutcomeInfo) -> OutcomeBrief:
    return OutcomeBrief(
        id=outcome.id, title=outcome.title, level=outcome.level, test_met=outcome.test_met,
        emergency=outcome.emergency, rationale=outcome.rationale,
    )


def _decided(summary: Summary, family: bool, where: Standing) -> str:
    if family and summary.override is not None:
        # Whether the test was met is the guidance's answer, which judgement set aside; say
        # only that, and let "what happens next" describe the response chosen.
        return FAMILY_OVERRIDE
    if family:
        return DECISIONS[summary.test.decision].decided_family[where]
    met = "met" if summary.outcome.test_met else "not met"
    text = (f"The guidance reached “{summary.outcome.title}”. On the answers given, the test "
            f"is {met}.")
    if summary.override is not None:
        lower = ", a lower level than the guidance reached" if summary.override.lower else ""
        text += f" Professional judgement chose “{summary.override.outcome.title}” instead{lower}."
    if where is Standing.NOT_MET and summary.test.decision is Decision.DUTY_TO_REPORT:
        text += " This is not a decision not to report."
    return text


def _changes(summary: Summary, family: bool) -> Changes:
    if family:
        return Changes(summary=FAMILY_CHANGES, changes=[])
    if not summary.what_would_change:
        return Changes(summary="No single change of answer leads to a different outcome.",
                       changes=[])
    return Changes(
        summary="Each line is one change of answer on its own and where it would lead, "
        "nearest first.",
        changes=summary.what_would_change,
    )


def _decisive(summary: Summary, document: ThresholdDocument, family: bool) -> Decisive:
    facts = decisive_facts(summary)
    if family:
        return Decisive(summary=in_general_terms(document, facts, summary.path), facts=[])
    if not facts:
        return Decisive(
            summary="No single answer decided this outcome: it rests on several answers "
            "together, and no one change of answer on its own would certainly lead "
            "elsewhere.",
            facts=[],
        )
    if len(facts) == 1:
        text = ("One answer on the route decided this outcome: changed on its own, it would "
                "lead to a different outcome.")
    else:
        text = (f"{count(len(facts), 'answer', 'answers').capitalize()} on the route decided "
                "this outcome: changed on its own, each would lead to a different outcome.")
    rest = len(summary.path) - len(facts)
    if rest == 1:
        text += (" The other answer adds to the picture, but changing it alone would not "
                 "certainly lead elsewhere.")
    elif rest:
        text += (f" The other {count(rest, 'answer', 'answers')} add to the picture, but no "
                 "single change to one of them would on its own certainly lead elsewhere.")
    return Decisive(summary=text, facts=facts)


def explain(
    document: ThresholdDocument,
    sha256: str,
    session: Session,
    audience: Audience,
    generated_at: dt.datetime,
    language: str = "en",
    calendar: WorkingCalendar = ENGLAND_AND_WALES,
) -> Explanation:
    """Explain a finished session's decision in plain language for ``audience``.

    Raises :class:`ExplainError` when the session is pinned to another document, and the
    summary's errors (an unfinished walk, an answer the document does not accept) as they
    are. The family version leaves out notes, the child's words, the detailed answers and
    an override's reason, and says so in ``withheld``.
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
    summary = build_summary(document, sha256, session, generated_at, language, calendar)
    family = audience is Audience.FAMILY
    acting = summary.override.outcome if summary.override else summary.outcome
    where = standing(emergency=acting.emergency, test_met=acting.test_met)
    text = DECISIONS[document.decision]
    warnings = []
    if ref.sha256 != sha256:
        warnings.append(
            f"The session was made with {ref.id} {ref.version} content {ref.sha256[:12]}, but "
            f"this explanation uses content {sha256[:12]}: the same version number now has "
            "different content. Ask the guidance owner what changed."
        )
    override = None
    if summary.override is not None and not family:
        o = summary.override
        override = OverrideExplained(outcome=_brief(o.outcome), reason=o.reason, by=o.by,
                                     lower=o.lower)
    withheld: list[str] = []
    if family:
        withheld = [*FAMILY_WITHHELD]
        if summary.override is not None:
            withheld.append(FAMILY_OVERRIDE_WITHHELD)
    return Explanation(
        tool_version=summary.tool_version,
        generated_at=generated_at,
        language=language,
        audience=audience,
        audience_name=AUDIENCES[audience].name,
        reference=session.reference,
        role=session.role,
        agency=session.agency,
        guidance=summary.guidance,
        test=AnsweredTest(
            decision=document.decision,
            name=summary.test.name,
            question=text.question_family if family else text.question,
            not_this=list(text.not_this_family if family else text.not_this),
            plain=text.plain_family if family else text.plain,
            text=summary.test.text,
            who_decides=summary.test.who_decides,
            sources=summary.test.sources,
        ),
        decided=_decided(summary, family, where),
        outcome=None if family else _brief(summary.outcome),
        override=override,
        decisive=_decisive(summary, document, family),
        what_would_change=_changes(summary, family),
        next_steps=list((text.next_steps_family if family else text.next_steps)[where]),
        asks=asks_for(audience, document.decision, where),
        watch_for=list(AUDIENCES[audience].watch_for),
        withheld=withheld,
        advice=list(FAMILY_ADVICE) if family else [*summary.advice[:-1], JUDGEMENT],
        warnings=warnings,
        challenge=challenge_for(audience),
        follow_through=None if family else summary.follow_through,
    )

