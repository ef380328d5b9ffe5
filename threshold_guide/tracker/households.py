"""Tracker records for a household case: one anonymised record per child's decision (pure).

Each child's walk is made a session (:func:`~threshold_guide.household.walk.child_session`)
and anonymised exactly as a practitioner's session is, so the records carry ids and
categories only: the outcome, the registration categories ticked, departures and floors.
Nothing typed for the conference (the reason, the enquiries' conclusion, the child's words,
agency views, the plan, the chair's reason) is read at all.
"""

from __future__ import annotations

import datetime as dt

from threshold_guide.household.walk import Pinned, child_session
from threshold_guide.models.household import Household
from threshold_guide.models.tracker import TrackerRecord
from threshold_guide.tracker.anonymise import NotExportable, anonymise


def anonymise_household(pinned: Pinned, household: Household, key: bytes,
                        at: dt.datetime) -> tuple[list[TrackerRecord], list[str]]:
    """A record for each child with a decision, and why each other child was left out."""
    records: list[TrackerRecord] = []
    left_out: list[str] = []
    for case in household.children:
        session = child_session(pinned, household, case, at)
        try:
            records.append(anonymise(pinned.document, session, key))
        except NotExportable as why:
            left_out.append(str(why))
    return records, left_out
