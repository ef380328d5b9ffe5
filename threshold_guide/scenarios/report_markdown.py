"""Render the consistency report as Markdown, with the outcome charts in code blocks."""

from __future__ import annotations

from threshold_guide.models.scenario_report import (
    AgencyStats,
    AgreementStats,
    ConsistencyReport,
    ScenarioResult,
)
from threshold_guide.models.session import Selection
from threshold_guide.scenarios.chart import outcome_chart


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _answer(selection: Selection | None) -> str:
    if selection is None:
        return "-"
    if isinstance(selection, str):
        return f"`{selection}`"
    return "`[" + ", ".join(selection) + "]`" if selection else "`[]` (none ticked)"


def _of(count: int, total: int) -> str:
    return f"{count} of {total}"


def _stats_row(label: str, sessions: int, stats: AgreementStats) -> str:
    kappa = _num(stats.fleiss_kappa)
    if stats.kappa_band:
        kappa += f" ({stats.kappa_band})"
    return (f"| {_cell(label)} | {sessions} | {stats.cases} | {_pct(stats.percent_agreement)} "
            f"| {kappa} | {_num(stats.alpha_nominal)} | {_num(stats.alpha_ordinal)} |")


def _scenario(result: ScenarioResult) -> list[str]:
    model = next((o for o in result.spread if o.model), None)
    model_title = model.title if model else result.model_outcome
    lines = [
        f"## {result.reference}: {result.title}",
        "",
        f"Scenario `{result.id}` · guidance `{result.guidance}` "
        f"{', '.join(result.versions)} · model outcome: **{model_title}** "
        f"(`{result.model_outcome}`)",
        "",
        *([f"Sessions used {len(result.versions)} versions of the guidance; each participant "
           "is compared with the model answer for their own version.", ""]
          if len(result.versions) > 1 else []),
        "### Outcome spread",
        "",
        "```text",
        outcome_chart(result).rstrip("\n"),
        "```",
        "",
        "### Agreement on the outcome",
        "",
        "| Measure | Value |",
        "| --- | --- |",
        f"| Finished sessions | {_of(result.finished, result.sessions)} |",
        f"| Pairwise agreement | {_pct(result.agreement.percent_agreement)} |",
        f"| Reached the most common outcome | {_pct(result.modal_share)} |",
        f"| Reached the model outcome | {_of(result.matched_model, result.finished)} |",
        "",
        "Fleiss' kappa and Krippendorff's alpha need several cases: see *Agreement across "
        "cases* below.",
        "",
        "### By agency",
        "",
        "| Agency | Sessions | Finished | Pairwise agreement | Reached the model outcome "
        "| Most common outcome |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for agency in result.by_agency:
        lines.append(
            f"| {_cell(agency.agency)} | {agency.sessions} | {agency.finished} "
            f"| {_pct(agency.agreement.percent_agreement)} "
            f"| {_of(agency.matched_model, agency.finished)} "
            f"| {', '.join(f'`{o}`' for o in agency.most_common) or '-'} |"
        )
    lines += ["", "### Where the room first divided", ""]
    divergence = result.first_divergence
    if divergence is None:
        lines.append("Every participant took the same route." if result.sessions > 1
                     else "Only one session: nothing to compare.")
    else:
        lines.append(f"Question {divergence.step} on the route, `{divergence.question}`: "
                     f"“{divergence.prompt}”")
        lines.append("")
        for answer in divergence.answers:
            mark = " (model answer)" if answer.model else ""
            label = "; ".join(answer.labels) or "(nothing ticked)"
            lines.append(f"- {label}: {answer.count}{mark}")
    lines += [
        "",
        "### Agreement per question",
        "",
        "| # | Question | Reached | Pairwise agreement | Model answer | Matched model "
        "| Answers given |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for number, question in enumerate(result.questions, start=1):
        given = "; ".join(
            f"{_answer(a.answer)} ({a.count})" for a in question.answers
        ) or "-"
        lines.append(
            f"| {number} | `{question.question}`: {_cell(question.prompt)} | {question.reached} "
            f"| {_pct(question.percent_agreement)} | {_answer(question.model_answer)} "
            f"| {_of(question.matched_model, question.reached)} | {given} |"
        )
    lines += [
        "",
        "### Each participant against the model answer",
        "",
        "| Session | Agency | Role | Version | Outcome | Against the model | Model-route "
        "questions matched | First difference |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in result.participants:
        if p.outcome is None:
            against = "not finished"
        elif p.matches_model:
            against = "same outcome"
        elif p.level_difference is not None and p.level_difference > 0:
            against = "more urgent"
        elif p.level_difference is not None and p.level_difference < 0:
            against = "less urgent"
        else:
            against = "different outcome, same level"
        if p.override:
            against += f"; override to `{p.override}`"
        first = "-"
        if p.first_difference is not None:
            d = p.first_difference
            given = "not reached" if d.given is None else _answer(d.given)
            first = f"`{d.question}`: {given} (model {_answer(d.model)})"
        lines.append(
            f"| `{p.session_id}` | {_cell(p.agency) or '-'} | {_cell(p.role) or '-'} "
            f"| {p.version} | {f'`{p.outcome}`' if p.outcome else '-'} | {against} "
            f"| {p.questions_matched}/{p.questions_on_model_route} | {first} |"
        )
    lines.append("")
    return lines


def _across(items: list[tuple[str, int, AgreementStats]]) -> list[str]:
    lines = [
        "| Group | Sessions | Cases | Pairwise agreement | Fleiss' kappa | Alpha (nominal) "
        "| Alpha (ordinal) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    lines += [_stats_row(label, sessions, stats) for label, sessions, stats in items]
    groups: dict[str, list[str]] = {}
    for label, _, stats in items:
        if stats.note:
            groups.setdefault(stats.note, []).append(label)
    if groups:
        lines.append("")
        lines += [f"- {', '.join(labels)}: {note}" for note, labels in groups.items()]
    return lines


def render_report_markdown(report: ConsistencyReport) -> str:
    """The report as Markdown. Same report, same bytes."""
    count = len(report.scenarios)
    lines = [
        "# Scenario exercise: consistency report",
        "",
        f"{report.sessions} session{'s' if report.sessions != 1 else ''} across {count} "
        f"scenario{'s' if count != 1 else ''}.",
        "",
    ]
    for result in report.scenarios:
        lines += _scenario(result)
    lines += ["## Agreement across cases", ""]
    for document in report.across_cases:
        lines += [
            f"### {document.guidance}",
            "",
            "Cases: " + ", ".join(f"`{s}`" for s in document.scenarios),
            "",
        ]
        rows: list[tuple[str, int, AgreementStats]] = [
            ("Everyone", sum(a.sessions for a in document.by_agency), document.overall)
        ]
        agencies: list[AgencyStats] = document.by_agency
        rows += [(a.agency, a.sessions, a.agreement) for a in agencies]
        lines += _across(rows)
        lines.append("")
    if report.skipped:
        lines += ["## Files left out", ""]
        lines += [f"- `{item.path}`: {item.reason}" for item in report.skipped]
        lines.append("")
    lines += ["## How to read these figures", ""]
    lines += [f"- {note}" for note in report.notes]
    return "\n".join(lines) + "\n"
