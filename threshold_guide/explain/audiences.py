"""What each partner is asked to do and to watch for, by decision and where the test stands.

Each agency has its own part in the same procedure: a school's designated safeguarding
person, health's clinical record, the police's emergency powers, social services' decisions,
and a family that needs to know what happens next without being blamed. The wording is ours,
drawn from the Wales Safeguarding Procedures and the law the shipped guidance cites.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from threshold_guide.explain.decisions import Standing
from threshold_guide.i18n.catalogue import N_
from threshold_guide.models.document import Decision
from threshold_guide.models.explanation import Audience

Case = tuple[Decision, Standing]

_DUTY = Decision.DUTY_TO_REPORT
_S47 = Decision.S47_ENQUIRY
_REG = Decision.REGISTRATION
_EMERGENCY, _MET, _NOT_MET = Standing.EMERGENCY, Standing.MET, Standing.NOT_MET

_CONFERENCE = (
    N_("If enquiries go ahead, expect an invitation to the initial child protection conference, "
    "held within 15 working days of the last strategy discussion (to be confirmed locally).")
)


@dataclass(frozen=True)
class AudienceText:
    name: str
    asks: tuple[str, ...]
    """Asked of this reader whatever the decision."""
    by_case: dict[Case, tuple[str, ...]] = field(default_factory=dict)
    """Asked of this reader for one decision and standing, after the general asks."""
    watch_for: tuple[str, ...] = ()


SCHOOL = AudienceText(
    name=N_("School or college staff and the designated safeguarding person"),
    asks=(
        N_("If you think a child is in immediate danger, call 999 first, then tell your "
        "designated safeguarding person (DSP)."),
        N_("Take every new worry to the DSP the same day. You can go straight to social services "
        "if waiting for the DSP would cause delay, if the DSP has not acted on an earlier "
        "concern, or if the concern is about the DSP."),
        N_("Keep recording what you see and hear: dated, specific and factual, with the child's "
        "own words, keeping apart what you saw, what the child said, what others told you and "
        "your own opinion. \"Asks what is for lunch on arrival and has not eaten since "
        "yesterday's school dinner\" gives everyone the same picture; \"seems hungry\" does "
        "not."),
        N_("Listen to the child, but do not question them to find out more, and do not promise "
        "to keep a secret: it is not the school's job to investigate."),
        N_("Teachers must report it to the police themselves when they find that female genital "
        "mutilation appears to have been carried out on a girl under 18, as well as reporting "
        "to social services; telling a colleague does not discharge that duty."),
    ),
    by_case={
        (_DUTY, _EMERGENCY): (
            N_("Do what the police and social services ask, and write down what happened, with "
            "times and the child's own words, as soon as the child is safe."),
        ),
        (_DUTY, _MET): (
            N_("The DSP, or whoever is reporting, phones social services today and confirms the "
            "report in writing within 1 working day. If there is no acknowledgement within 7 "
            "working days, contact social services again."),
            N_("If you disagree with the response, raise it with the DSP and your line manager, "
            "then with a senior manager in social services."),
        ),
        (_DUTY, _NOT_MET): (
            N_("The concern is not closed. Keep watching and recording: small concerns add up, "
            "and a build-up of them can be enough to report."),
            N_("Report, through the DSP, as soon as anything new happens or concerns continue. "
            "If you are unsure, ask social services for advice now rather than waiting for "
            "more evidence."),
        ),
        (_S47, _EMERGENCY): (
            N_("Do what the police and social services ask, and share what the school knows "
            "through the DSP straight away."),
        ),
        (_S47, _MET): (
            N_("The school may be asked to take part in the strategy discussion or to share what "
            "it knows; share it promptly through the DSP."),
            N_("Do not tell the family about the enquiries unless social services have agreed "
            "what they will be told and when."),
            N_("If enquiries go ahead, expect an invitation to the initial child protection "
            "conference, held within 15 working days of the last strategy discussion (to be "
            "confirmed locally). If the child's name is registered, the school may be part of "
            "the core group."),
        ),
        (_S47, _NOT_MET): (
            N_("Social services may offer the family an assessment of care and support needs, "
            "advice or early help; the school may be part of that support."),
            N_("Keep recording, and report again through the DSP if concerns continue or grow."),
        ),
        (_REG, _MET): (
            N_("Take part in the core group, do what the child protection plan asks of the "
            "school, and tell social services about anything that bears on the plan."),
        ),
        (_REG, _NOT_MET): (
            N_("Keep recording, and report again through the DSP if concerns continue or grow."),
        ),
    },
    watch_for=(
        N_("Changes in attendance, punctuality, appearance, hunger or tiredness."),
        N_("Changes in behaviour, mood, friendships or learning, and what the child says about "
        "home."),
        N_("Injuries, and whether the explanation given fits them."),
        N_("Patterns: read your records together over weeks, not one day at a time."),
    ),
)

HEALTH = AudienceText(
    name=N_("Health practitioners (GPs, health visitors, school nurses, hospital and mental "
    "health staff)"),
    asks=(
        N_("If a child is in immediate danger, call 999; never delay emergency action to seek "
        "advice."),
        N_("Record clinical findings precisely: what you saw, where, its size or pattern, the "
        "explanation given, and whether it fits the findings and the child's age and "
        "development."),
        N_("Talk to your organisation's safeguarding lead, but do not let that delay a report. "
        "Local health boards and NHS trusts are relevant partners with a duty to report a "
        "child at risk (SSWBA s130)."),
        N_("Regulated health professionals must report it to the police themselves when they "
        "find that female genital mutilation appears to have been carried out on a girl under "
        "18, as well as reporting to social services; telling a colleague does not discharge "
        "that duty."),
    ),
    by_case={
        (_DUTY, _EMERGENCY): (
            N_("Give the care the child needs now, and tell social services at once."),
        ),
        (_DUTY, _MET): (
            N_("Share relevant information with social services when they ask; they may need a "
            "health view on the child's needs, injuries, growth or development."),
            N_("If there is no acknowledgement within 7 working days, contact social services "
            "again."),
        ),
        (_DUTY, _NOT_MET): (
            N_("Keep the concern in the child's record, dated, so that a build-up can be seen. "
            "Report if concerns continue or grow, and seek advice when unsure rather than "
            "waiting for more evidence."),
        ),
        (_S47, _EMERGENCY): (
            N_("Give the care the child needs now, and share what health knows with the police "
            "and social services straight away."),
        ),
        (_S47, _MET): (
            N_("Health may be asked to join the strategy discussion, to share what is known "
            "about the child and family, and to give a health view, for example on injuries, "
            "growth or development."),
            _CONFERENCE,
        ),
        (_S47, _NOT_MET): (
            N_("Keep recording, and report again if concerns continue or grow; health may be "
            "part of the support offered to the family."),
        ),
        (_REG, _MET): (
            N_("Take part in the core group and do what the child protection plan asks of "
            "health."),
        ),
        (_REG, _NOT_MET): (
            N_("Keep recording, and report again if concerns continue or grow."),
        ),
    },
    watch_for=(
        N_("Health needs not being met: missed appointments, untreated conditions, care that "
        "is not followed up."),
        N_("Growth and development compared with what could reasonably be expected of a "
        "similar child."),
        N_("Injuries whose explanation does not fit, and illness that may be fabricated or "
        "induced."),
        N_("The child's own words, written down as they said them, and how they seemed."),
    ),
)

POLICE = AudienceText(
    name=N_("Police officers and staff"),
    asks=(
        N_("Where a child is in immediate danger, or a crime against a child is happening, act "
        "at once. Police protection lasts no more than 72 hours; an emergency protection "
        "order, made by a court, lasts up to 8 days and can be extended once, to 15 days in "
        "total."),
        N_("Tell social services promptly about incidents involving a child, including domestic "
        "abuse where a child lives or was present: seeing or hearing another person being "
        "ill-treated can harm a child."),
        N_("The police are a relevant partner with a duty to report a child at risk to social "
        "services (SSWBA s130)."),
    ),
    by_case={
        (_DUTY, _EMERGENCY): (
            N_("Protect the child first; then make sure social services know, through the "
            "emergency duty team out of hours."),
        ),
        (_DUTY, _MET): (
            N_("Social services decide their next actions within 1 working day; where there is "
            "reasonable cause to suspect significant harm they will ask for a strategy "
            "discussion with the police."),
        ),
        (_DUTY, _NOT_MET): (
            N_("Share any new information with social services, so that a build-up of concerns "
            "can be seen."),
        ),
        (_S47, _EMERGENCY): (
            N_("Use police protection where it is needed to keep the child safe, and hold the "
            "strategy discussion with social services at once."),
        ),
        (_S47, _MET): (
            N_("Take part in the strategy discussion: decide with social services whether "
            "section 47 enquiries start and whether a criminal investigation is needed, how "
            "the two fit together, how the child will be seen, heard and kept safe "
            "meanwhile, and what the family is told and when."),
            _CONFERENCE,
        ),
        (_S47, _NOT_MET): (
            N_("Share any new incident with social services at once: a build-up of incidents can "
            "meet the test later."),
        ),
        (_REG, _MET): (
            N_("Take part in the core group where asked, and tell social services about any "
            "incident that bears on the child protection plan."),
        ),
        (_REG, _NOT_MET): (
            N_("Share any new incident with social services at once."),
        ),
    },
    watch_for=(
        N_("Repeat call-outs to the same address, and children present at domestic abuse "
        "incidents."),
        N_("Signs of child sexual exploitation or online abuse."),
        N_("Children missing from home, and who they may be with."),
    ),
)

SOCIAL_SERVICES = AudienceText(
    name=N_("Social services (social workers and managers)"),
    asks=(
        N_("Decide and record your next actions within 1 working day of a report, and tell the "
        "person who reported what you decided."),
        N_("Seek the child's views, wishes and what matters to them, and record them in the "
        "child's own words."),
        N_("Where a partner disagrees with the response, use the procedure for resolving "
        "professional differences."),
    ),
    by_case={
        (_DUTY, _EMERGENCY): (
            N_("Work with the police at once; out of hours the emergency duty team leads. Hold a "
            "strategy discussion as soon as possible."),
        ),
        (_DUTY, _MET): (
            N_("The person reporting had to show only reasonable cause to suspect a child at "
            "risk, not significant harm. Whether the section 47 test is met is for you to "
            "consider, with the police at a strategy discussion."),
            N_("Acknowledge the report: a reporter who hears nothing within 7 working days will "
            "contact you again."),
        ),
        (_DUTY, _NOT_MET): (
            N_("The practitioner may contact you for advice, or through information, advice and "
            "assistance (SSWBA s17). Treat a call for advice as a possible report when it "
            "describes a child at risk."),
            N_("Say what would make you want to hear from them again."),
        ),
        (_S47, _EMERGENCY): (
            N_("Consider an emergency protection order if the child needs protection beyond "
            "police protection, and hold the strategy discussion at once."),
        ),
        (_S47, _MET): (
            N_("Convene the strategy discussion with the police and the agencies that know the "
            "child, and record the decisions and the reasons for them."),
            N_("If enquiries go ahead, hold the initial child protection conference within 15 "
            "working days of the last strategy discussion, and complete the continuing "
            "assessment within 42 working days of the start of the enquiries (to be "
            "confirmed locally)."),
            N_("Registration is a separate decision, made at the conference for each child."),
        ),
        (_S47, _NOT_MET): (
            N_("Record why the test is not met on what is known now, and what would change it."),
            N_("Consider an assessment of care and support needs (SSWBA s21), or information, "
            "advice and assistance, and tell the reporter what was decided and to report "
            "again if concerns continue or grow."),
        ),
        (_REG, _MET): (
            N_("Circulate the outline plan within 5 working days; hold the first core group "
            "within 10 working days, then at least every 6 weeks; hold the first review within "
            "3 months, then at least every 6 months."),
        ),
        (_REG, _NOT_MET): (
            N_("Record the reasons, and consider whether the child has needs for care and "
            "support to assess."),
        ),
    },
    watch_for=(
        N_("Whether the child's voice is in the record: what they said, what matters to them, "
        "what worries them."),
        N_("Strengths and protective factors beside the worries."),
        N_("A build-up of smaller concerns across agencies, read together in a chronology."),
    ),
)

FAMILY = AudienceText(
    name=N_("The child's parents or carers"),
    asks=(
        N_("If your child is in danger at any time, call 999."),
        N_("Ask the practitioner or social services to explain anything you do not understand, "
        "and tell them what you think. You can ask for your views to be written down."),
        N_("Tell them about what is going well, and about the people who help and support your "
        "child: these matter as much as the worries."),
        N_("You can ask the local authority's information, advice and assistance service for "
        "help yourself. It is open to everyone."),
        N_("If you disagree with what has been decided, say so, and ask how to raise it."),
    ),
)

AUDIENCES: dict[Audience, AudienceText] = {
    Audience.SCHOOL: SCHOOL,
    Audience.HEALTH: HEALTH,
    Audience.POLICE: POLICE,
    Audience.SOCIAL_SERVICES: SOCIAL_SERVICES,
    Audience.FAMILY: FAMILY,
}


def asks_for(audience: Audience, decision: Decision, where: Standing) -> list[str]:
    """The general asks of ``audience``, then those for this decision and standing."""
    text = AUDIENCES[audience]
    return [*text.asks, *text.by_case.get((decision, where), ())]
