"""How a partner challenges a safeguarding decision they disagree with: the professional
differences route, in plain words, for the explanations written for schools and health."""

from __future__ import annotations

from threshold_guide.i18n.catalogue import N_
from threshold_guide.models.explanation import Audience

CHALLENGE: tuple[str, ...] = (
    N_("If you disagree with a decision, including social services' response to a report or a "
    "decision not to take a referral further, say so: ask for the reasons, in writing if "
    "they were not given."),
    N_("Talk to your designated safeguarding person or line manager first; they take it up "
    "with the social services team manager."),
    N_("If that does not settle it, they raise it with the social services senior manager; "
    "after that, the Regional Safeguarding Board's escalation protocol applies."),
    N_("Date each step and record who you spoke to and what they said (threshold-guide keeps "
    "this record with the session: 'threshold-guide escalate', or the app's summary). The "
    "route and its timescales are to be confirmed locally."),
    N_("Disagreeing never delays protecting a child: if a child is in immediate danger "
    "meanwhile, call the police on 999."),
)

CHALLENGING_AUDIENCES = frozenset({Audience.SCHOOL, Audience.HEALTH})


def challenge_for(audience: Audience) -> list[str]:
    """The route to challenge a decision, for the audiences that report concerns."""
    return list(CHALLENGE) if audience in CHALLENGING_AUDIENCES else []
