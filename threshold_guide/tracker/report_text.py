"""The tracker report as Markdown (for files and HTML) and as a short terminal summary."""

from __future__ import annotations

from threshold_guide.i18n.catalogue import Translator, translator
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


def _scope(report: TrackerReport, tr: Translator) -> str:
    _ = tr.gettext
    parts = [_("document {id}").format(id=report.document) if report.document
             else _("all documents")]
    if report.from_week or report.to_week:
        parts.append(_("weeks {start} to {end}").format(
            start=report.from_week or _("start"), end=report.to_week or _("latest")))
    return ", ".join(parts)


def _mix_table(mixes: list[AgencyMix], tr: Translator) -> list[str]:
    outcomes = sorted({c.label for m in mixes for c in m.outcomes})
    lines = [tr.gettext("| agency | records |") + " " + " | ".join(outcomes) + " |",
             "|---|---:|" + "---:|" * len(outcomes)]
    for mix in mixes:
        counts = {c.label: c.count for c in mix.outcomes}
        cells = [shown(counts[o]) if o in counts else "0" for o in outcomes]
        lines.append(f"| {mix.agency} | {shown(mix.total)} | " + " | ".join(cells) + " |")
    return lines


def _departure_table(rows: list[DepartureRow], heading: str, tr: Translator) -> list[str]:
    lines = [tr.gettext("| {group} | records | departures | lower | higher | rate | overrides |"
                        ).format(group=heading),
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(
            f"| {row.group} | {shown(row.records)} | {shown(row.departures)} | "
            f"{shown(row.lower)} | {shown(row.higher)} | {shown(row.rate)} | "
            f"{shown(row.overrides)} |"
        )
    return lines


def _counts(items: list[Count], tr: Translator) -> list[str]:
    return [f"- {item.label}: {shown(item.count)}" for item in items] or [
        "- " + tr.gettext("none")]


def render_report_markdown(report: TrackerReport, language: str = "en") -> str:
    r = report
    tr = translator(language)
    _ = tr.gettext
    out = [
        _("# Threshold consistency report"),
        "",
        _("**Records:** {count} ({scope})").format(count=r.records, scope=_scope(r, tr)) + "  ",
        _("**Produced:** {time}").format(
            time=r.generated_at.isoformat().replace("+00:00", "Z")) + "  ",
        _("**Small numbers:** counts from 1 to {largest} are shown as “{shown}”, and so are "
          "rates made from them.").format(largest=r.suppressed_below - 1, shown=SUPPRESSED),
        "",
        _("The records are anonymised: no case reference, no free text, no date finer than a "
          "week. They show how the same threshold is applied across agencies; they are not a "
          "measure of any one practitioner."),
        "",
        _("## Outcomes by agency"),
        "",
        *(_mix_table(r.outcome_mix, tr) if r.outcome_mix else [_("No records.")]),
        "",
        _("## The same concern, by agency"),
        "",
        _("For each indicator or named situation ticked: the outcome each agency reached."),
        "",
    ]
    if not r.situations:
        out += [_("No checklist answers were recorded."), ""]
    for situation in r.situations:
        out += [_("### `{document}`: {question} = {answer} ({count} records)").format(
            document=situation.document_id, question=situation.question,
            answer=situation.answer, count=shown(situation.total)), ""]
        out += [*_mix_table(situation.agencies, tr), ""]
    out += [_("## Departures from the guidance's suggestions"), "", _("By agency:"), "",
            *_departure_table(r.departures_by_agency, _("agency"), tr), "",
            _("By guidance version:"), "",
            *_departure_table(r.departures_by_version, _("document@version"), tr), ""]
    out += [_("## Most uncertain questions"), "",
            _("Questions most often answered “not sure” or “not yet known”."), ""]
    out += [f"- `{u.document_id}` {u.question}: {shown(u.count)}" for u in r.uncertainty] or [
        "- " + _("none")]
    out += ["", _("## Responses and escalations"), "", *_counts(r.responses, tr), "",
            _("Escalated professional differences: {count}").format(
                count=shown(r.escalations)) + "  ",
            _("Median working days to a response: {days}").format(
                days=shown(r.median_working_days_to_response)) + "  ",
            _("Median hours from starting the walk to the decision: {hours}").format(
                hours=shown(r.median_hours_to_decision)), ""]
    out += [_("## By month"), "", _("| month | records | departures |"), "|---|---:|---:|"]
    out += [f"| {t.month} | {shown(t.records)} | {shown(t.departures)} |" for t in r.trends]
    out += [""]
    return "\n".join(out)


def render_report_terminal(report: TrackerReport, language: str = "en") -> str:
    """A few lines for the terminal: the headline figures and where to look next."""
    r = report
    tr = translator(language)
    _ = tr.gettext
    lines = [_("{count} records ({scope}); counts under {limit} shown as {shown}").format(
        count=r.records, scope=_scope(r, tr), limit=r.suppressed_below, shown=SUPPRESSED), ""]
    width = max((len(m.agency) for m in r.outcome_mix), default=6)
    lines.append(_("Outcomes by agency:"))
    for mix in r.outcome_mix:
        parts = ", ".join(f"{c.label} {shown(c.count)}" for c in mix.outcomes[:4])
        lines.append(f"  {mix.agency.ljust(width)}  {shown(mix.total):>5}  {parts}")
    lines.append(_("Departures by agency (rate, lower/higher):"))
    for row in r.departures_by_agency:
        lines.append(f"  {row.group.ljust(width)}  {shown(row.rate):>5}  "
                     f"{shown(row.lower)}/{shown(row.higher)}")
    if r.uncertainty:
        top = ", ".join(f"{u.question} {shown(u.count)}" for u in r.uncertainty[:3])
        lines.append(_("Most uncertain: {questions}").format(questions=top))
    lines.append(_("Use --format md, html or json for the full report."))
    return "\n".join(lines) + "\n"
