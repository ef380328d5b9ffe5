"""Does a text tell its reader not to report? The phrase model behind E502.

Where the duty-to-report test is not met, the tool must never say "do not report": the
duty is never a personal choice to decline. A list of exact phrases missed "Reporting is
not required.", "No referral is needed." and "Do not contact social services.", so the
check is a small model of how English says it instead, over normalised words:

- a negated instruction before a reporting verb: *do not / never / no need to / need not /
  not necessary to* (+ *need to*, *make a*) + *report, refer, notify, inform, alert*; or
  + *contact, call, tell* + a reporting agency (*social services, the police, the local
  authority, the designated safeguarding person*...): telling someone not to contact the
  person who harmed a child, or the parents, is sound advice and is left alone;
- a reporting noun said to be unneeded: *reporting / a referral / a report / contact with
  social services* + (*is*) *not needed / not required / unnecessary*; *no referral (is)
  needed*; *no need for a referral*;
- the passive: *does not need to be / need not be / should not be* + *reported, referred*.

A clause that only states a condition (*if you do not report, ...*, *unless ...*) is not an
instruction and is not flagged.
"""

from __future__ import annotations

import re

_CONTRACTIONS = {
    "don't": "do not", "dont": "do not", "doesn't": "does not", "didn't": "did not",
    "shouldn't": "should not", "mustn't": "must not", "needn't": "need not",
    "isn't": "is not", "aren't": "are not", "won't": "will not", "can't": "can not",
    "cannot": "can not", "wasn't": "was not",
}
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")

_AGENCY = (
    r"(?:social services|children's services|childrens services|social work(?:ers?)?|"
    r"(?:the )?local authority|(?:the )?police|(?:the )?mash|(?:the )?front door|"
    r"(?:the )?duty (?:team|desk|social worker)|(?:the )?safeguarding (?:team|lead|hub|board)|"
    r"(?:your |the )?designated safeguarding (?:person|lead|officer)|(?:your |the )?dsp|"
    r"(?:the )?(?:lado|iao|information advice and assistance)|anyone|anybody|(?:the )?authorities)"
)
_REPORT_VERB = r"(?:report|refer|referral|notify|notification|inform|alert|escalate)"
_CONTACT_VERB = r"(?:contact|call|phone|ring|email|tell|speak to|talk to|approach)"
_NEGATION = (
    r"(?:(?:do|does|did|should|must|will|need|can|may) not|never|no need to|"
    r"there is no need to|it is not (?:necessary|needed|required) to|"
    r"not (?:necessary|needed|required) to)"
)
_FILLER = (
    r"(?: (?:need|have|bother|want|yet|now|ever|any longer))*(?: to)?"
    r"(?: (?:make|submit|send|raise|file)(?: a| an| any)?)?"
)
_NOUN = (
    rf"(?:reporting|report|reports|a report|a referral|referral|referrals|referring|"
    rf"a notification|notification|(?:any |further )?contact with {_AGENCY})"
)
_UNNEEDED = (
    r"(?:not (?:needed|required|necessary|essential|warranted|advised|appropriate)|"
    r"unnecessary|not a requirement)"
)
_OBJECT = rf"(?: (?:this|it|the concern|the child|them|him|her))?(?: (?:to|with) {_AGENCY})?"

_PHRASES = re.compile(
    "|".join([
        rf"\b{_NEGATION}{_FILLER} {_REPORT_VERB}\b",
        rf"\b{_NEGATION}{_FILLER} {_CONTACT_VERB}(?: [a-z']+){{0,2}}? {_AGENCY}\b",
        rf"\b{_NOUN}{_OBJECT}(?: (?:is|are|was|will be))? {_UNNEEDED}\b",
        rf"\bno (?:further |formal |new )?(?:report|referral|notification){_OBJECT}"
        r"(?: (?:is|are|will be))? (?:needed|required|necessary|warranted)\b",
        rf"\bno need (?:for|of) (?:a |an |any )?{_NOUN}\b",
        r"\b(?:does|do|need|needs|should|must) not(?: need to)? be (?:reported|referred)\b",
        r"\b(?:does|do) not (?:need|have) to be (?:reported|referred)\b",
    ])
)
_CONDITION = re.compile(r"\b(?:if|unless|whether|even though|otherwise|in case)\b")
_CLAUSE_BREAK = re.compile(r"[.;:!?,\n]")


def _normalise(text: str) -> str:
    """Lower-case words joined by single spaces, contractions expanded, and a clause break
    (one punctuation mark) kept wherever the text had one."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    parts: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        if parts:
            breaks = _CLAUSE_BREAK.findall(text, last, match.start())
            parts.append(f"{breaks[0]} " if breaks else " ")
        parts.append(_CONTRACTIONS.get(match.group(), match.group()))
        last = match.end()
    return "".join(parts)


def tells_not_to_report(text: str) -> str | None:
    """The words of ``text`` that tell the reader not to report, or None."""
    normal = _normalise(text)
    for found in _PHRASES.finditer(normal):
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(normal, 0, found.start())),
                           default=0)
        if _CONDITION.search(normal, clause_start, found.start()):
            continue  # "if you do not report, ...": a condition, not an instruction
        return found.group()
    return None
