"""Open dated steps as an iCalendar file any calendar (Outlook included) can import.

Each entry carries the step, its due time and the case reference, and nothing else a
practitioner typed: no notes, no child's words, no reasons, no names. The same steps and
time give the same bytes: UIDs come from the session and step ids, DTSTAMP from the time
given (``--at`` or SOURCE_DATE_EPOCH). Times are written in UTC, so no time zone
definitions are needed.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from threshold_guide import __version__
from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.models.due import DueItem, DueList
from threshold_guide.models.follow_through import StepStatus

PRODID = "-//threshold-guide//due steps//EN"
LEAD = dt.timedelta(minutes=30)
"""Each entry is the half hour before the step is due, so it shows in the day's agenda."""
_STATUS = {StepStatus.DUE: N_("Due"), StepStatus.OVERDUE: N_("Overdue"),
           StepStatus.CHASE_NOW: N_("Chase now"), StepStatus.DONE: N_("Done")}


def uid(item: DueItem) -> str:
    if item.child is not None:
        child = "".join(ch for ch in item.child.lower() if ch.isalnum())
        return f"{item.session_id}.{child}.{item.step}@threshold-guide"
    return f"{item.session_id}.{item.step}@threshold-guide"


def _event(item: DueItem, stamp: dt.datetime, language: str) -> Event:
    _ = translator(language).gettext
    event = Event()
    due = item.due.astimezone(dt.UTC)
    reference = item.reference or _("no case reference")
    event.add("uid", uid(item))
    event.add("dtstamp", stamp)
    event.add("dtstart", due - LEAD)
    event.add("dtend", due)
    event.add("summary", _("{status}: {step} ({reference})").format(
        status=_(_STATUS[item.status]), step=item.label, reference=reference))
    local = (" " + _("The timescale is to be confirmed locally.")
             if item.confirm_locally else "")
    if item.child is not None:
        where = _("threshold-guide household case {household}, {child}, step {step}.").format(
            household=item.session_id, child=item.child, step=item.step)
    else:
        record = (_("record it with 'threshold-guide escalate'")
                  if item.step.startswith("escalation-")
                  else _("run 'threshold-guide done {session} {step}'").format(
                      session=item.session_id, step=item.step))
        where = _("threshold-guide session {session}, step {step}: when it is done, "
                  "{record}.").format(session=item.session_id, step=item.step, record=record)
    event.add("description", _(
        "Due by {time} (UK time), {span}.{locally} Case reference: {reference}. {where}").format(
        time=item.due_text, span=item.span, locally=local, reference=reference, where=where))
    event.add("categories", ["Safeguarding"])
    event.add("transp", "TRANSPARENT")
    return event


def render_ics(listing: DueList) -> str:
    """The open steps of ``listing`` as an iCalendar (RFC 5545) file, in English."""
    return ics_text(listing, "en")


def ics_text(listing: DueList, language: str) -> str:
    """The open steps of ``listing`` as an iCalendar (RFC 5545) file, its words in
    ``language``."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", translator(language).gettext("threshold-guide: dated steps"))
    calendar.add("x-generator", f"threshold-guide {__version__}")
    stamp = listing.at.astimezone(dt.UTC)
    for item in listing.items:
        calendar.add_component(_event(item, stamp, language))
    return bytes(calendar.to_ical()).decode("utf-8")
