"""Build the consistency report from the tracker database (SQL in, a model out)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
from collections import defaultdict
from dataclasses import dataclass

from threshold_guide.models.tracker_report import (
    SUPPRESS_BELOW,
    AgencyMix,
    Count,
    DepartureRow,
    MonthTrend,
    SituationMix,
    TrackerReport,
    UncertainQuestion,
)


def suppress(count: int) -> int | None:
    """A count as it may be published: 1 to 4 become null."""
    return None if 0 < count < SUPPRESS_BELOW else count


def _rate(part: int, whole: int) -> float | None:
    if whole == 0 or suppress(part) is None or suppress(whole) is None:
        return None
    return round(part / whole, 3)


@dataclass(frozen=True)
class Filters:
    """Which records a report covers."""

    document: str | None = None
    from_week: str | None = None
    to_week: str | None = None

    def where(self, alias: str = "r") -> tuple[str, list[object]]:
        clauses: list[str] = []
        values: list[object] = []
        if self.document is not None:
            clauses.append(f"{alias}.document_id = ?")
            values.append(self.document)
        if self.from_week is not None:
            clauses.append(f"{alias}.week >= ?")
            values.append(self.from_week)
        if self.to_week is not None:
            clauses.append(f"{alias}.week <= ?")
            values.append(self.to_week)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", values


def _mixes(rows: list[tuple[str, str, int]]) -> list[AgencyMix]:
    by_agency: dict[str, dict[str, int]] = defaultdict(dict)
    for agency, outcome, count in rows:
        by_agency[agency][outcome] = count
    found: list[AgencyMix] = []
    for agency in sorted(by_agency):
        outcomes = sorted(by_agency[agency].items(), key=lambda item: (-item[1], item[0]))
        found.append(AgencyMix(
            agency=agency,
            total=suppress(sum(by_agency[agency].values())),
            outcomes=[Count(label=o, count=suppress(n)) for o, n in outcomes],
        ))
    return found


def _departure_rows(rows: list[tuple[str, int, int, int, int, int]]) -> list[DepartureRow]:
    return [
        DepartureRow(group=group, records=suppress(records), departures=suppress(departures),
                     lower=suppress(lower), higher=suppress(higher),
                     overrides=suppress(overrides), rate=_rate(departures, records))
        for group, records, departures, lower, higher, overrides in rows
    ]


_DEPARTURE_COLUMNS = """COUNT(*),
    SUM(CASE WHEN r.departure <> 'none' THEN 1 ELSE 0 END),
    SUM(CASE WHEN r.departure = 'lower' THEN 1 ELSE 0 END),
    SUM(CASE WHEN r.departure = 'higher' THEN 1 ELSE 0 END),
    SUM(CASE WHEN r.override <> 'none' THEN 1 ELSE 0 END)"""


def _median(values: list[int]) -> float | None:
    if len(values) < SUPPRESS_BELOW:
        return None
    return float(statistics.median(values))


def build_report(
    connection: sqlite3.Connection, filters: Filters, generated_at: dt.datetime
) -> TrackerReport:
    where, values = filters.where()
    total = connection.execute(f"SELECT COUNT(*) FROM records r{where}", values).fetchone()[0]
    mix_rows = connection.execute(
        f"SELECT r.agency, r.chosen_outcome, COUNT(*) FROM records r{where} "
        "GROUP BY r.agency, r.chosen_outcome", values).fetchall()
    situation_rows = connection.execute(
        "SELECT r.document_id, t.question_id, t.answer_id, r.agency, r.chosen_outcome, "
        f"COUNT(*) FROM record_ticks t JOIN records r ON r.record_id = t.record_id{where} "
        "GROUP BY r.document_id, t.question_id, t.answer_id, r.agency, r.chosen_outcome",
        values).fetchall()
    grouped: dict[tuple[str, str, str], list[tuple[str, str, int]]] = defaultdict(list)
    for document_id, question, answer, agency, outcome, count in situation_rows:
        grouped[(document_id, question, answer)].append((agency, outcome, count))
    situations = [
        SituationMix(document_id=key[0], question=key[1], answer=key[2],
                     total=suppress(sum(row[2] for row in rows)), agencies=_mixes(rows))
        for key, rows in sorted(grouped.items())
    ]
    by_agency = connection.execute(
        f"SELECT r.agency, {_DEPARTURE_COLUMNS} FROM records r{where} "
        "GROUP BY r.agency ORDER BY r.agency", values).fetchall()
    by_version = connection.execute(
        f"SELECT r.document_id || '@' || r.document_version, {_DEPARTURE_COLUMNS} "
        f"FROM records r{where} GROUP BY r.document_id, r.document_version "
        "ORDER BY r.document_id, r.document_version", values).fetchall()
    uncertain = connection.execute(
        "SELECT r.document_id, u.question_id, COUNT(*) FROM record_uncertain u "
        f"JOIN records r ON r.record_id = u.record_id{where} "
        "GROUP BY r.document_id, u.question_id", values).fetchall()
    uncertain.sort(key=lambda row: (-row[2], row[0], row[1]))
    responses = connection.execute(
        f"SELECT COALESCE(r.response, 'none recorded'), COUNT(*) FROM records r{where} "
        "GROUP BY COALESCE(r.response, 'none recorded')", values).fetchall()
    responses.sort(key=lambda row: (-row[1], row[0]))
    escalated = connection.execute(
        f"SELECT COUNT(*) FROM records r{where}{' AND' if where else ' WHERE'} r.escalated = 1",
        values).fetchone()[0]
    days = [row[0] for row in connection.execute(
        f"SELECT r.working_days_to_response FROM records r{where}"
        f"{' AND' if where else ' WHERE'} r.working_days_to_response IS NOT NULL", values)]
    hours = [row[0] for row in connection.execute(
        f"SELECT r.hours_to_decision FROM records r{where}"
        f"{' AND' if where else ' WHERE'} r.hours_to_decision IS NOT NULL", values)]
    trends = connection.execute(
        "SELECT r.month, COUNT(*), SUM(CASE WHEN r.departure <> 'none' THEN 1 ELSE 0 END) "
        f"FROM records r{where} GROUP BY r.month ORDER BY r.month", values).fetchall()
    return TrackerReport(
        generated_at=generated_at,
        document=filters.document,
        from_week=filters.from_week,
        to_week=filters.to_week,
        records=total,
        suppressed_below=SUPPRESS_BELOW,
        outcome_mix=_mixes(mix_rows),
        situations=situations,
        departures_by_agency=_departure_rows(by_agency),
        departures_by_version=_departure_rows(by_version),
        uncertainty=[UncertainQuestion(document_id=d, question=q, count=suppress(n))
                     for d, q, n in uncertain[:20]],
        responses=[Count(label=label, count=suppress(n)) for label, n in responses],
        escalations=suppress(escalated),
        median_working_days_to_response=_median(days),
        median_hours_to_decision=_median(hours),
        trends=[MonthTrend(month=m, records=suppress(n), departures=suppress(d))
                for m, n, d in trends],
    )
