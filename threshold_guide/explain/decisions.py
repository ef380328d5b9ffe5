"""What each decision is, in plain words: the question it answers, what it is not, what next.

The three child protection tests are easy to confuse, and a partner who confuses them
misreads the decision (a report is not an enquiry; an enquiry is not registration). Every
explanation therefore names its test, says which tests it is not, and describes what happens
next in the terms of that test. Timescales come from the Wales Safeguarding Procedures and
are marked as to be confirmed, as the shipped guidance does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from threshold_guide.i18n.catalogue import N_
from threshold_guide.models.document import Decision


class Standing(StrEnum):
    """Where an outcome leaves the test: what a reader needs to know first."""

    EMERGENCY = "emergency"
    MET = "met"
    NOT_MET = "not-met"


def standing(*, emergency: bool, test_met: bool) -> Standing:
    if emergency:
        return Standing.EMERGENCY
    return Standing.MET if test_met else Standing.NOT_MET


@dataclass(frozen=True)
class DecisionText:
    question: str
    """The question the decision answers, for professionals."""
    question_family: str
    not_this: tuple[str, ...]
    not_this_family: tuple[str, ...]
    plain: str
    plain_family: str
    next_steps: dict[Standing, tuple[str, ...]]
    next_steps_family: dict[Standing, tuple[str, ...]]
    decided_family: dict[Standing, str]


TO_CONFIRM = (
    N_("Timescales come from the Wales Safeguarding Procedures and are to be confirmed against "
    "the current version.")
)

_EMERGENCY_STEPS = (
    N_("The police are called on 999 because the child may be in immediate danger; their first "
    "task is the child's safety. Seeking advice never delays this."),
    N_("Social services are told at once; out of hours, through the emergency duty team."),
    N_("Where there is reasonable cause to suspect significant harm, social services and the "
    "police hold a strategy discussion to decide on section 47 enquiries."),
)
_EMERGENCY_STEPS_FAMILY = (
    N_("Because of a worry that your child might be in immediate danger, the police were "
    "called. Their first job is to keep your child safe."),
    N_("Social services are told straight away, and decide with the police what happens next."),
)
_EMERGENCY_DECIDED_FAMILY = (
    N_("There was a worry that your child might be in immediate danger, so the police were "
    "called straight away.")
)
_NOT_A_FINDING_FAMILY = (
    N_("It is not a finding that your child has been harmed, and it does not say that anyone "
    "is to blame.")
)

DUTY_TO_REPORT = DecisionText(
    question=(
        N_("Is there reasonable cause to suspect that the child is a child at risk, so that the "
        "concern must be reported to social services?")
    ),
    question_family=N_("Should the worry about your child be passed on to social services?"),
    not_this=(
        N_("It is not a finding that the child has been harmed, or of who is responsible. A "
        "report passes a concern on; it does not have to prove anything."),
        N_("It is not the decision on a section 47 enquiry. Social services decide that with the "
        "police, after a strategy discussion, on a higher test: reasonable cause to suspect "
        "significant harm (Children Act 1989 s47)."),
        N_("It is not the decision to place the child's name on the Child Protection Register. A "
        "child protection conference decides that, for each child separately, on whether "
        "there is a continuing risk of significant harm."),
    ),
    not_this_family=(
        _NOT_A_FINDING_FAMILY,
        N_("It is not a decision by social services. They decide what happens next, once they "
        "have heard about the worry."),
        N_("It is not a decision to put your child's name on the Child Protection Register. Only "
        "a meeting called a child protection conference can decide that."),
    ),
    plain=(
        N_("A concern is reported when there is reasonable cause to suspect that the child is a "
        "child at risk: that the child (a) is experiencing, or is at risk of, abuse, neglect "
        "or other harm, and (b) has needs for care and support, whether or not anyone is "
        "meeting them. Reasonable cause to suspect means having something to go on; it is "
        "less than belief and far less than proof. Harm need not have happened yet, one "
        "concern or a build-up of smaller ones can be enough, and the person reporting does "
        "not have to show that the harm is significant. Reporting is not a matter of personal "
        "choice (Social Services and Well-being (Wales) Act 2014, s130).")
    ),
    plain_family=(
        N_("People who work with children in Wales pass a worry on to social services when they "
        "have reasonable cause to suspect that a child may be at risk of harm and may need "
        "care and support. Reasonable cause to suspect means having something to go on. It "
        "does not mean being sure, and it does not need proof. It is not a personal choice "
        "for the practitioner: it is what the law and the Wales Safeguarding Procedures "
        "expect of them.")
    ),
    next_steps={
        Standing.EMERGENCY: _EMERGENCY_STEPS,
        Standing.MET: (
            N_("The concern is reported today to social services in the area where it arose; a "
            "phone report is confirmed in writing within 1 working day."),
            N_("Social services decide and record their next actions within 1 working day. If "
            "the person who reported hears nothing within 7 working days, they contact "
            "social services again."),
            N_("If social services have reasonable cause to suspect significant harm, they hold "
            "a strategy discussion with the police about section 47 enquiries; otherwise "
            "they may assess the child's needs for care and support, or offer information, "
            "advice and assistance."),
            TO_CONFIRM,
        ),
        Standing.NOT_MET: (
            N_("The practitioner records the concern and what they did, keeps monitoring, and "
            "talks to their designated safeguarding person."),
            N_("If they are unsure, they seek advice from social services now (information, "
            "advice and assistance, SSWBA s17) rather than waiting for more evidence. Social "
            "services may treat that call as a report."),
            N_("They come back to this decision, and report, if anything changes or concerns "
            "build up."),
        ),
    },
    next_steps_family={
        Standing.EMERGENCY: _EMERGENCY_STEPS_FAMILY,
        Standing.MET: (
            N_("The practitioner tells social services about the worry today. This is called a "
            "report."),
            N_("Social services look at what they have been told and decide what to do next, "
            "usually within one working day. They may contact you, talk with you and your "
            "child, or offer help and advice."),
            N_("Families are usually told when a report is made, and their views are written "
            "down. Your agreement is not needed, and is not asked for, when asking could put "
            "a child at risk."),
        ),
        Standing.NOT_MET: (
            N_("The practitioner writes down the worry and what they did, and talks it through "
            "with the person who leads on safeguarding where they work."),
            N_("They may ask social services for advice. Social services may decide to treat "
            "that as a report."),
            N_("If new worries come up, or small worries add up, the practitioner looks at this "
            "again and may make a report."),
        ),
    },
    decided_family={
        Standing.EMERGENCY: _EMERGENCY_DECIDED_FAMILY,
        Standing.MET: (
            N_("The practitioner is passing the worry about your child on to social services. "
            "This is called a report.")
        ),
        Standing.NOT_MET: (
            N_("On what the practitioner knows now, the test for a formal report to social "
            "services is not met. That does not mean the worry is dismissed: it has been "
            "written down, it will be talked through with the person who leads on "
            "safeguarding where the practitioner works, and social services may be asked "
            "for advice. A report can still be made at any time if things change or worries "
            "add up.")
        ),
    },
)

S47_ENQUIRY = DecisionText(
    question=(
        N_("Is there reasonable cause to suspect that the child is suffering, or is likely to "
        "suffer, significant harm, so that a strategy discussion and section 47 enquiries "
        "are needed?")
    ),
    question_family=(
        N_("Do social services need to look into your child's safety, with the police, because "
        "of a worry about serious harm?")
    ),
    not_this=(
        N_("It is not the test for reporting a concern. That test (a child at risk, SSWBA s130) "
        "is lower: the person who reported did not have to show significant harm."),
        N_("It is not the decision to place the child's name on the Child Protection Register. A "
        "child protection conference decides that later, for each child separately."),
        N_("It is not a finding of fact that harm happened or of who caused it, and it is not a "
        "court's decision."),
    ),
    not_this_family=(
        _NOT_A_FINDING_FAMILY,
        N_("It is not the same as the worry being reported. Reporting only passes a worry on; "
        "this is social services deciding whether to look into it."),
        N_("It is not a court case."),
        N_("It is not a decision to put your child's name on the Child Protection Register. Only "
        "a child protection conference can decide that, for each child separately."),
    ),
    plain=(
        N_("Social services must make enquiries (Children Act 1989 s47) when they have "
        "reasonable cause to suspect that a child who lives, or is found, in their area is "
        "suffering, or is likely to suffer, significant harm. Harm means ill-treatment or "
        "damage to health or development, including from seeing or hearing another person "
        "being ill-treated. No law defines significant; the courts read it as considerable, "
        "noteworthy or important, and where it turns on health or development the child is "
        "compared with what could reasonably be expected of a similar child. A single "
        "serious event can be enough; more often it is harm building up over time. Likely "
        "future harm counts as well as harm already suffered.")
    ),
    plain_family=(
        N_("Social services must look into a child's situation, working with the police, when "
        "they have reasonable cause to suspect that the child is being seriously harmed, or "
        "is likely to be. The law calls this significant harm. Harm means being hurt or "
        "ill-treated, or a child's health or development being held back, including by "
        "seeing or hearing someone else being hurt. The enquiries are called section 47 "
        "enquiries, after the part of the law that sets them out.")
    ),
    next_steps={
        Standing.EMERGENCY: (
            N_("The police are called on 999 to protect the child. Police protection lasts no "
            "more than 72 hours; an emergency protection order lasts up to 8 days and can be "
            "extended once, to 15 days in total."),
            N_("Social services and the police hold a strategy discussion at once; out of hours "
            "the emergency duty team leads for social services."),
        ),
        Standing.MET: (
            N_("Social services hold a strategy discussion with the police, and with health, "
            "education and the agency that reported as needed, to decide whether section 47 "
            "enquiries start, who does what, how the child is seen, heard and kept safe "
            "meanwhile, and what the family is told and when."),
            N_("If enquiries go ahead, an initial child protection conference is held within 15 "
            "working days of the last strategy discussion, and the continuing assessment is "
            "completed within 42 working days of the start of the enquiries."),
            N_("The person who reported the concern is told what is happening."),
            TO_CONFIRM,
        ),
        Standing.NOT_MET: (
            N_("Where it is not yet clear, the decision is made with a manager today, with the "
            "information needed to make it."),
            N_("Otherwise social services record why the test is not met on what is known now, "
            "and may assess the child's needs for care and support (SSWBA s21) or offer "
            "information, advice and assistance or early help."),
            N_("The person who reported the concern is told what was decided, and reports again "
            "if concerns continue or grow. New information that suggests significant harm is "
            "acted on at once."),
        ),
    },
    next_steps_family={
        Standing.EMERGENCY: (
            *_EMERGENCY_STEPS_FAMILY,
            N_("Police protection can last no more than 72 hours; anything longer needs a "
            "court order."),
        ),
        Standing.MET: (
            N_("Social services and the police meet (this is called a strategy discussion) to "
            "plan how to find out more about your child's safety, and how your child will be "
            "seen and listened to."),
            N_("They also decide what you are told, and when. A social worker is likely to want "
            "to talk with you and with your child."),
            N_("If the enquiries go ahead, you may be invited to a meeting called an initial "
            "child protection conference, usually within 15 working days (about three "
            "weeks)."),
        ),
        Standing.NOT_MET: (
            N_("Social services write down what they decided and why."),
            N_("They may offer to assess what care and support your child needs, or give you "
            "information, advice and help."),
            N_("If new worries come up, or things become clearer, they look at it again."),
        ),
    },
    decided_family={
        Standing.EMERGENCY: _EMERGENCY_DECIDED_FAMILY,
        Standing.MET: (
            N_("Social services consider that the test for looking into your child's safety (a "
            "section 47 enquiry) appears to be met, so they will meet the police to decide "
            "how to go ahead.")
        ),
        Standing.NOT_MET: (
            N_("On what social services know now, the test for looking into your child's safety "
            "(a section 47 enquiry) is not met, or is not yet clear.")
        ),
    },
)

REGISTRATION = DecisionText(
    question=(
        N_("Is the child at continuing risk of significant harm, so that their name should be "
        "placed on the Child Protection Register?")
    ),
    question_family=N_("Should your child's name be placed on the Child Protection Register?"),
    not_this=(
        N_("It is not the test for reporting a concern, nor for starting section 47 enquiries; "
        "both come earlier and ask different questions."),
        N_("It is decided at a child protection conference for each child separately, not by "
        "any one agency or by this tool."),
        N_("It is not a court's decision and not a finding of who is responsible."),
    ),
    not_this_family=(
        _NOT_A_FINDING_FAMILY,
        N_("It is not a court case."),
        N_("Each child in a family is considered separately."),
    ),
    plain=(
        N_("A child's name is placed on the Child Protection Register when the child protection "
        "conference judges that the child is at continuing risk of significant harm. In "
        "Wales the categories are physical, emotional or psychological, sexual and financial "
        "abuse, and neglect, alone or combined. The decision is made for each child "
        "separately.")
    ),
    plain_family=(
        N_("A meeting called a child protection conference decides whether your child is still "
        "at risk of serious harm (the law says a continuing risk of significant harm). If so, "
        "your child's name goes on the Child Protection Register and a plan is made to keep "
        "them safe.")
    ),
    next_steps={
        Standing.EMERGENCY: _EMERGENCY_STEPS,
        Standing.MET: (
            N_("An outline child protection plan is circulated within 5 working days of the "
            "conference."),
            N_("The first core group meets within 10 working days, then at least every 6 weeks."),
            N_("The first review conference is within 3 months, then at least every 6 months. "
            "Only a review conference can take the child's name off the register (apart from "
            "the child turning 18, dying or leaving the UK)."),
            TO_CONFIRM,
        ),
        Standing.NOT_MET: (
            N_("The child's name is not placed on the register. Social services may still "
            "assess and meet the child's needs for care and support (SSWBA s21)."),
            N_("Anyone with a new concern reports it, as before."),
        ),
    },
    next_steps_family={
        Standing.EMERGENCY: _EMERGENCY_STEPS_FAMILY,
        Standing.MET: (
            N_("Your child's name is placed on the Child Protection Register, and a plan is made "
            "to keep them safe. An outline of the plan is sent out within 5 working days."),
            N_("A smaller group, called the core group, meets within 10 working days and then "
            "regularly to put the plan into action."),
            N_("The plan is reviewed at a conference within 3 months, then at least every 6 "
            "months. Only a review conference can decide to take your child's name off the "
            "register."),
        ),
        Standing.NOT_MET: (
            N_("Your child's name is not placed on the Child Protection Register."),
            N_("Social services may still offer help, or assess what care and support your child "
            "needs."),
        ),
    },
    decided_family={
        Standing.EMERGENCY: _EMERGENCY_DECIDED_FAMILY,
        Standing.MET: N_("The test for placing your child's name on the register is met."),
        Standing.NOT_MET: N_("The test for placing your child's name on the register is not met."),
    },
)

LEVEL_OF_NEED = DecisionText(
    question=(
        N_("Which level of help, in the Regional Safeguarding Board's level-of-need model, fits "
        "the child's needs now?")
    ),
    question_family=N_("What kind of help fits your child and family best now?"),
    not_this=(
        N_("It is not a child protection decision. Anyone who suspects a child is at risk "
        "reports it to social services, whatever level this shows."),
        N_("It is not the section 47 test, nor a decision to register a child."),
    ),
    not_this_family=(
        _NOT_A_FINDING_FAMILY,
        N_("It is not a child protection decision."),
    ),
    plain=(
        N_("The board's model describes levels of need, for example universal, additional or "
        "early support, targeted and specialist, and what each level calls for. The guidance "
        "below says how its levels are told apart.")
    ),
    plain_family=(
        N_("The Regional Safeguarding Board describes different levels of help a child and "
        "family might need, from everyday services to specialist help. This decision is "
        "about which level fits best now.")
    ),
    next_steps={
        Standing.EMERGENCY: _EMERGENCY_STEPS,
        Standing.MET: (
            N_("The practitioner follows what the guidance says for this level, and records "
            "why."),
            N_("If anything suggests the child is at risk, the concern is reported to social "
            "services."),
        ),
        Standing.NOT_MET: (
            N_("The practitioner follows what the guidance says for this level, and records "
            "why."),
            N_("If anything suggests the child is at risk, the concern is reported to social "
            "services."),
        ),
    },
    next_steps_family={
        Standing.EMERGENCY: _EMERGENCY_STEPS_FAMILY,
        Standing.MET: (N_("The practitioner will talk with you about the help that fits."),),
        Standing.NOT_MET: (N_("The practitioner will talk with you about the help that fits."),),
    },
    decided_family={
        Standing.EMERGENCY: _EMERGENCY_DECIDED_FAMILY,
        Standing.MET: N_("The guidance points to the level of help named below."),
        Standing.NOT_MET: N_("The guidance points to the level of help named below."),
    },
)

DECISIONS: dict[Decision, DecisionText] = {
    Decision.DUTY_TO_REPORT: DUTY_TO_REPORT,
    Decision.S47_ENQUIRY: S47_ENQUIRY,
    Decision.REGISTRATION: REGISTRATION,
    Decision.LEVEL_OF_NEED: LEVEL_OF_NEED,
}
