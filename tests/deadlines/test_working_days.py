"""Working days over Christmas 2026 and Easter 2027, checked by hand against a calendar.

Christmas 2026: Fri 25 Dec and Mon 28 Dec (Boxing Day falls on a Saturday, so the
substitute day is the Monday) and Fri 1 Jan 2027 are bank holidays. Easter 2027: Good Friday
26 Mar and Easter Monday 29 Mar; British Summer Time starts at 01:00 UTC on Sun 28 Mar.
The local closure day used is Tue 29 Dec 2026.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threshold_guide.deadlines.working_days import (
    ENGLAND_AND_WALES,
    LONDON,
    SpanError,
    WorkingCalendar,
    bank_holiday,
    due_text,
    due_time,
    parse_local,
)
from threshold_guide.models.timescales import Deadline

CLOSED = WorkingCalendar.with_closures([dt.date(2026, 12, 29)])


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LONDON)


def deadline(**span: Any) -> Deadline:
    return Deadline.model_validate({"id": "step", "label": "A step", **span})


# from (UK time), span, calendar, due (UK time) -- each worked out by hand on a calendar.
TABLE = [
    # Christmas 2026
    (at(2026, 12, 24, 16, 30), {"working_days": 1}, ENGLAND_AND_WALES, at(2026, 12, 29, 17)),
    (at(2026, 12, 24, 16, 30), {"working_days": 7}, ENGLAND_AND_WALES, at(2027, 1, 7, 17)),
    (at(2026, 12, 18, 16, 30), {"working_days": 7}, ENGLAND_AND_WALES, at(2026, 12, 31, 17)),
    (at(2026, 12, 31, 10, 0), {"working_days": 1}, ENGLAND_AND_WALES, at(2027, 1, 4, 17)),
    (at(2026, 12, 24, 16, 30), {"working_days": 15}, ENGLAND_AND_WALES, at(2027, 1, 19, 17)),
    (at(2026, 12, 23, 9, 0), {"same_day": True}, ENGLAND_AND_WALES, at(2026, 12, 23, 17)),
    (at(2026, 12, 23, 18, 5), {"same_day": True}, ENGLAND_AND_WALES, at(2026, 12, 23, 23, 59)),
    # ... with the local closure day on Tue 29 Dec
    (at(2026, 12, 24, 16, 30), {"working_days": 1}, CLOSED, at(2026, 12, 30, 17)),
    (at(2026, 12, 18, 16, 30), {"working_days": 7}, CLOSED, at(2027, 1, 4, 17)),
    (at(2026, 12, 24, 16, 30), {"working_days": 15}, CLOSED, at(2027, 1, 20, 17)),
    # Easter 2027 (and the start of summer time)
    (at(2027, 3, 25, 10, 0), {"working_days": 1}, ENGLAND_AND_WALES, at(2027, 3, 30, 17)),
    (at(2027, 3, 24, 12, 0), {"working_days": 5}, ENGLAND_AND_WALES, at(2027, 4, 2, 17)),
    (at(2027, 3, 26, 11, 0), {"working_days": 1}, ENGLAND_AND_WALES, at(2027, 3, 30, 17)),
    (at(2027, 3, 27, 12, 0), {"hours": 24}, ENGLAND_AND_WALES, at(2027, 3, 28, 13)),
    (at(2027, 3, 29, 9, 0), {"same_day": True}, ENGLAND_AND_WALES, at(2027, 3, 29, 17)),
    (at(2027, 3, 29, 9, 0), {"immediately": True}, ENGLAND_AND_WALES, at(2027, 3, 29, 9)),
    # Calendar months: the same day, brought forward to a working day
    (at(2026, 11, 30, 10, 0), {"calendar_months": 1}, ENGLAND_AND_WALES, at(2026, 12, 30, 17)),
    (at(2027, 2, 26, 10, 0), {"calendar_months": 1}, ENGLAND_AND_WALES, at(2027, 3, 25, 17)),
    (at(2026, 10, 31, 10, 0), {"calendar_months": 3}, ENGLAND_AND_WALES, at(2027, 1, 29, 17)),
    # The rule in the README: a decision at 16:30 on a Friday, within 1 working day
    (at(2026, 11, 27, 16, 30), {"working_days": 1}, ENGLAND_AND_WALES, at(2026, 11, 30, 17)),
    (at(2026, 11, 28, 11, 0), {"working_days": 1}, ENGLAND_AND_WALES, at(2026, 11, 30, 17)),
]


@pytest.mark.parametrize(("start", "span", "calendar", "due"), TABLE)
def test_hand_checked_table(start: dt.datetime, span: dict[str, Any],
                            calendar: WorkingCalendar, due: dt.datetime) -> None:
    got = due_time(deadline(**span), start, calendar)
    assert got == due
    assert got.utcoffset() == due.utcoffset(), "due times are given in UK local time"


def test_the_library_has_the_bank_holidays_of_the_table() -> None:
    for day in (dt.date(2026, 12, 25), dt.date(2026, 12, 28), dt.date(2027, 1, 1),
                dt.date(2027, 3, 26), dt.date(2027, 3, 29)):
        assert bank_holiday(day), day
    for day in (dt.date(2026, 12, 24), dt.date(2026, 12, 29), dt.date(2027, 3, 25),
                dt.date(2027, 3, 30)):
        assert not bank_holiday(day), day


def test_due_text_reads_as_people_write_it() -> None:
    due = due_time(deadline(working_days=1), at(2026, 11, 30, 10, 15))
    assert due_text(due) == "Tue 1 Dec 2026, 17:00"
    assert due_text(dt.datetime(2027, 3, 30, 16, 0, tzinfo=dt.UTC)) == "Tue 30 Mar 2027, 17:00"


def test_a_utc_decision_time_counts_from_the_uk_day() -> None:
    # 23:30 UTC on 30 Jun is 00:30 on 1 Jul in summer time: the UK day is what counts.
    due = due_time(deadline(working_days=1), dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC))
    assert due == at(2026, 7, 2, 17)


@pytest.mark.parametrize("span", [{}, {"working_days": 1, "hours": 2},
                                  {"working_days": -1}, {"calendar_months": 100000}])
def test_bad_spans_are_refused_not_looped_over(span: dict[str, Any]) -> None:
    with pytest.raises(SpanError):
        due_time(deadline(**span), at(2026, 1, 5, 9))


def test_parse_local_reads_uk_time() -> None:
    assert parse_local("2026-12-07 11:00") == at(2026, 12, 7, 11)
    assert parse_local("2026-12-07T11:00Z") == dt.datetime(2026, 12, 7, 11, tzinfo=dt.UTC)
    with pytest.raises(ValueError, match="not a time"):
        parse_local("next tuesday")


@given(day=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)),
       count=st.integers(min_value=1, max_value=60))
def test_working_days_land_on_a_working_day_the_right_count_away(day: dt.date,
                                                                count: int) -> None:
    due = CLOSED.add_working_days(day, count)
    assert CLOSED.is_working_day(due)
    assert CLOSED.working_days_between(day, due) == count
    assert CLOSED.add_working_days(day, count + 1) > due
