"""The tracker report as Markdown (for files and HTML) and as a short terminal summary."""

from __future__ import annotations

from threshold_guide.models.tracker_report import (
    AgencyMix,
    Count,
    DepartureRow,
    TrackerReport,
)

SUPPRESSED = "<5"


def shown(value: int | float | None) -> str:
    if value is None:
        return SUPPRESSED
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"
    return str(value)


def _scope(report: TrackerReport) -> str:
    parts = [f"document {report.document}" if report.document else "all documents"]
    if report.from_week or report.to_week:
        parts.append(f"weeks {report.from_week or 'start'} to {report.to_week or 'latest'}")
    return ", ".join(parts)


def _mix_table(mixes: list[AgencyMix]) -> list[str]:
    outcomes = sorted({c.label for m in mixes for c in m.outcomes})
    lines = ["| agency | records | " + " | ".join(outcomes) + " |",
             "|---|---:|" + "---:|" * len(outcomes)]
    for mix in mixes:
        counts = {c.label: c.count for c in mix.outcomes}
        cells = [shown(counts[o]) if o in counts else "0" for o in outcomes]
        lines.append(f"| {mix.agency} | {shown(mix.total)} | " + " | ".join(cells) + " |")
    return lines


def _departure_table(rows: list[DepartureRow], heading: str) -> list[str]:
    lines = [f"| {heading} | records | departures | lower | higher | rate | overrides |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(
            f"| {row.group} | {shown(row.records)} | {shown(row.departures)} | "
            f"{shown(row.lower)} | {shown(row.higher)} | {shown(row.rate)} | "
            f"{shown(row.overrides)} |"
        )
    return lines


def _counts(items: list[Count]) -> list[str]:
    return [f"- {item.label}: {shown(item.count)}" for item in items] or ["- none"]


def render_report_markdown(report: TrackerReport) -> str:
    r = report
    out = [
        "# Threshold consistency report",
        "",
        f"**Records:** {r.records} ({_scope(r)})  ",
        f"**Produced:** {r.generated_at.isoformat().replace('+00:00', 'Z')}  ",
        f"**Small numbers:** counts from 1 to {r.suppressed_below - 1} are shown as "
        f"“{SUPPRESSED}”, and so are rates made from them.",
        "",
        "The records are anonymised: no case reference, no free text, no date finer than a "
        "week. They show how the same threshold is applied across agencies; they are not a "
        "measure of any one practitioner.",
        "",
        "## Outcomes by agency",
        "",
        *(_mix_table(r.outcome_mix) if r.outcome_mix else ["No records."]),
        "",
        "## The same concern, by agency",
        "",
        "For each indicator or named situation ticked: the outcome each agency reached.",
        "",
    ]
    if not r.situations:
        out += ["No checklist answers were recorded.", ""]
    for situation in r.situations:
        out += [f"### `{situation.document_id}`: {situation.question} = {situation.answer} "
                f"({shown(situation.total)} records)", ""]
        out += [*_mix_table(situation.agencies), ""]
    out += ["## Departures from the guidance's suggestions", "", "By agency:", "",
            *_departure_table(r.departures_by_agency, "agency"), "", "By guidance version:", "",
            *_departure_table(r.departures_by_version, "document@version"), ""]
    out += ["## Most uncertain questions", "",
            "Questions most often answered “not sure” or “not yet known”.", ""]
    out += [f"- `{u.document_id}` {u.question}: {shown(u.count)}" for u in r.uncertainty] or [
        "- none"]
    out += ["", "## Responses and escalations", "", *_counts(r.responses), "",
            f"Escalated professional differences: {shown(r.escalations)}  ",
            "Median working days to a response: "
            f"{shown(r.median_working_days_to_response)}  ",
            f"Median hours from starting the walk to the decision: "
            f"{shown(r.median_hours_to_decision)}", ""]
    out += ["## By month", "", "| month | records | departures |", "|---|---:|---:|"]
    out += [f"| {t.month} | {shown(t.records)} | {shown(t.departures)} |" for t in r.trends]
    out += [""]
    return "\n".join(out)


def render_report_terminal(report: TrackerReport) -> str:
    """A few lines for the terminal: the headline figures and where to look next."""
    r = report
    lines = [f"{r.records} records ({_scope(r)}); counts under {r.suppressed_below} shown as "
             f"{SUPPRESSED}", ""]
    width = max((len(m.agency) for m in r.outcome_mix), default=6)
    lines.append("Outcomes by agency:")
    for mix in r.outcome_mix:
        parts = ", ".join(f"{c.label} {shown(c.count)}" for c in mix.outcomes[:4])
        lines.append(f"  {mix.agency.ljust(width)}  {shown(mix.total):>5}  {parts}")
    lines.append("Departures by agency (rate, lower/higher):")
    for row in r.departures_by_agency:
        lines.append(f"  {row.group.ljust(width)}  {shown(row.rate):>5}  "
                     f"{shown(row.lower)}/{shown(row.higher)}")
    if r.uncertainty:
        top = ", ".join(f"{u.question} {shown(u.count)}" for u in r.uncertainty[:3])
        lines.append(f"Most uncertain: {top}")
    lines.append("Use --format md, html or json for the full report.")
    return "\n".join(lines) + "\n"
