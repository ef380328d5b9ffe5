"""Working days and due times: pure date arithmetic for the procedures' timescales.

The rules (also in the README):

- A **working day** is Monday to Friday, not a bank holiday in England and Wales (the
  ``holidays`` library, Wales subdivision, including substitute days such as Boxing Day
  observed on a Monday) and not a closure day the board lists in ``closures.yaml``.
- **Within N working days** of a time means by 17:00, Europe/London time, on the Nth working
  day after the calendar day of that time. The day itself never counts, whatever the hour,
  and a decision made at a weekend counts from that day too: a decision at 16:30 on Friday
  gives "within 1 working day" = 17:00 on Monday (Tuesday if Monday is a bank holiday).
  Where a rule could be read two ways, this is the earlier reading, because a late step
  can leave a child at risk.
- **Hours** are clock hours, nights and weekends included.
- **Calendar months**: 17:00 on the same day N months later (the month's last day when it is
  shorter), brought forward to the working day before if that day is not a working day.
- **Same day**: 17:00 that day, or 23:59 if the time counted from is 17:00 or later.
- **Immediately**: the time counted from.

Times are computed in Europe/London (``zoneinfo``), so they follow British Summer Time, and
returned as aware datetimes.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.models.timescales import Deadline

LONDON = ZoneInfo("Europe/London")
TIME_ZONE = "Europe/London"
END_OF_DAY = dt.time(17, 0)
"""A working day's deadline: 17:00 local time."""
LATE = dt.time(23, 59)
"""A same-day deadline counted from 17:00 or later."""
MAX_SPAN_DAYS = 3660
"""Longest span computed (about ten years); a longer one is refused, not looped over."""


class SpanError(ValueError):
    """A deadline whose span cannot be computed (none, several, negative or too long)."""


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    # Imported on first use: the library is only needed once a date is computed.
    import holidays

    found = holidays.country_holidays("GB", subdiv="WLS", years=year)
    return frozenset(found.keys())


def bank_holiday(day: dt.date) -> bool:
    """Whether ``day`` is a bank holiday in England and Wales."""
    return day in _bank_holidays(day.year)


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days: weekdays that are neither bank holidays nor the board's closure days."""

    closures: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def with_closures(cls, days: Iterable[dt.date]) -> WorkingCalendar:
        return cls(frozenset(days))

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and not bank_holiday(day) and day not in self.closures

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``day`` (``day`` itself when ``count`` is 0)."""
        if count < 0:
            raise SpanError("a number of working days cannot be negative")
        current = day
        limit = day + dt.timedelta(days=MAX_SPAN_DAYS)
        while count:
            current += dt.timedelta(days=1)
            if current > limit:
                raise SpanError("the span is longer than ten years")
            if self.is_working_day(current):
                count -= 1
        return current

    def working_day_on_or_before(self, day: dt.date) -> dt.date:
        current = day
        while not self.is_working_day(current):
            current -= dt.timedelta(days=1)
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
        count = 0
        current = start
        while current < end:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count


ENGLAND_AND_WALES = WorkingCalendar()
"""Bank holidays only, no local closure days."""


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in Europe/London; a naive time is taken to be UTC."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(LONDON)


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=LONDON)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = month_calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def span_fields(deadline: Deadline) -> list[str]:
    """The span fields a deadline gives (a valid one gives exactly one)."""
    given = [name for name in ("working_days", "hours", "calendar_months")
             if getattr(deadline, name) is not None]
    given += [name for name in ("same_day", "immediately") if getattr(deadline, name)]
    return given


def due_time(deadline: Deadline, start: dt.datetime,
             calendar: WorkingCalendar = ENGLAND_AND_WALES) -> dt.datetime:
    """When ``deadline`` falls due, counted from ``start``. Raises :class:`SpanError`."""
    given = span_fields(deadline)
    if len(given) != 1:
        raise SpanError(f"deadline '{deadline.id}' must give exactly one span")
    begin = local(start)
    if deadline.immediately:
        return begin
    if deadline.same_day:
        return _at(begin.date(), END_OF_DAY if begin.time() < END_OF_DAY else LATE)
    if deadline.hours is not None:
        if not 0 <= deadline.hours <= MAX_SPAN_DAYS * 24:
            raise SpanError(f"deadline '{deadline.id}': hours out of range")
        # Clock hours: add in UTC so a change to or from summer time is counted truly.
        return (begin.astimezone(dt.UTC) + dt.timedelta(hours=deadline.hours)).astimezone(LONDON)
    if deadline.working_days is not None:
        return _at(calendar.add_working_days(begin.date(), deadline.working_days), END_OF_DAY)
    months = deadline.calendar_months
    assert months is not None
    if not 0 <= months <= MAX_SPAN_DAYS // 31:
        raise SpanError(f"deadline '{deadline.id}': months out of range")
    day = calendar.working_day_on_or_before(_add_months(begin.date(), months))
    return _at(day, END_OF_DAY)


# Translators: short day and month names in a due date, e.g. "Tue 1 Dec 2026, 17:00".
_DAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
_MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
           N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))


def due_text(moment: dt.datetime, language: str = "en") -> str:
    """A due time as people write it: 'Tue 1 Dec 2026, 17:00' (Europe/London), the day
    and month named in ``language``.

    Names are spelled out here rather than by strftime, whose names follow the locale."""
    tr = translator(language)
    when = local(moment)
    return (f"{tr.gettext(_DAYS[when.weekday()])} {when.day} "
            f"{tr.gettext(_MONTHS[when.month - 1])} {when.year}, {when:%H:%M}")


def span_text(deadline: Deadline, language: str = "en") -> str:
    """The timescale in words: 'within 1 working day', 'immediately', ..."""
    tr = translator(language)
    if deadline.immediately:
        return tr.gettext("immediately")
    if deadline.same_day:
        return tr.gettext("the same day")
    if deadline.working_days is not None:
        return tr.ngettext("within {count} working day", "within {count} working days",
                           deadline.working_days)
    if deadline.hours is not None:
        return tr.ngettext("within {count} hour", "within {count} hours", deadline.hours)
    return tr.ngettext("within {count} month", "within {count} months",
                       deadline.calendar_months or 0)


def parse_local(text: str) -> dt.datetime:
    """A time typed as 'YYYY-MM-DD HH:MM' (UK time), or with an explicit offset or Z.

    Raises ValueError with a message for the user."""
    cleaned = text.strip().replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a time like 2026-12-07 11:00") from None
    return value.replace(tzinfo=LONDON) if value.tzinfo is None else value
