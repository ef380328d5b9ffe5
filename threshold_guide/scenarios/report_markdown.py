"""Render the consistency report as Markdown, with the outcome charts in code blocks."""

from __future__ import annotations

from threshold_guide.i18n.catalogue import Translator, translator
from threshold_guide.models.scenario_report import (
    AgencyStats,
    AgreementStats,
    ConsistencyReport,
    ParticipantResult,
    ScenarioResult,
)
from threshold_guide.models.session import Selection
from threshold_guide.scenarios.chart import outcome_chart


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


class _Words:
    """The report's figures and answers in words of one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.tr: Translator = translator(language)

    def pct(self, value: float | None) -> str:
        # Translators: a figure that cannot be worked out ("not applicable").
        return self.tr.gettext("n/a") if value is None else f"{100 * value:.1f}%"

    def num(self, value: float | None) -> str:
        return self.tr.gettext("n/a") if value is None else f"{value:.3f}"

    def answer(self, selection: Selection | None) -> str:
        if selection is None:
            return "-"
        if isinstance(selection, str):
            return f"`{selection}`"
        if not selection:
            return self.tr.gettext("`[]` (none ticked)")
        return "`[" + ", ".join(selection) + "]`"

    def of(self, count: int, total: int) -> str:
        return self.tr.gettext("{count} of {total}").format(count=count, total=total)

    def stats_row(self, label: str, sessions: int, stats: AgreementStats) -> str:
        kappa = self.num(stats.fleiss_kappa)
        if stats.kappa_band:
            kappa += f" ({self.tr.gettext(stats.kappa_band)})"
        return (f"| {_cell(label)} | {sessions} | {stats.cases} "
                f"| {self.pct(stats.percent_agreement)} | {kappa} "
                f"| {self.num(stats.alpha_nominal)} | {self.num(stats.alpha_ordinal)} |")

    def against(self, p: ParticipantResult) -> str:
        _ = self.tr.gettext
        if p.outcome is None:
            against = _("not finished")
        elif p.matches_model:
            against = _("same outcome")
        elif p.level_difference is not None and p.level_difference > 0:
            against = _("more urgent")
        elif p.level_difference is not None and p.level_difference < 0:
            against = _("less urgent")
        else:
            against = _("different outcome, same level")
        if p.override:
            against = _("{against}; override to `{outcome}`").format(
                against=against, outcome=p.override)
        return against


def _scenario(result: ScenarioResult, words: _Words) -> list[str]:
    _ = words.tr.gettext
    model = next((o for o in result.spread if o.model), None)
    model_title = model.title if model else result.model_outcome
    lines = [
        f"## {result.reference}: {result.title}",
        "",
        _("Scenario `{scenario}` · guidance `{guidance}` {versions} · model outcome: "
          "**{title}** (`{outcome}`)").format(
            scenario=result.id, guidance=result.guidance, versions=", ".join(result.versions),
            title=model_title, outcome=result.model_outcome),
        "",
        *([_("Sessions used {count} versions of the guidance; each participant is compared "
             "with the model answer for their own version.").format(
                 count=len(result.versions)), ""]
          if len(result.versions) > 1 else []),
        _("### Outcome spread"),
        "",
        "```text",
        outcome_chart(result, words.language).rstrip("\n"),
        "```",
        "",
        _("### Agreement on the outcome"),
        "",
        _("| Measure | Value |"),
        "| --- | --- |",
        _("| Finished sessions | {value} |").format(
            value=words.of(result.finished, result.sessions)),
        _("| Pairwise agreement | {value} |").format(
            value=words.pct(result.agreement.percent_agreement)),
        _("| Reached the most common outcome | {value} |").format(
            value=words.pct(result.modal_share)),
        _("| Reached the model outcome | {value} |").format(
            value=words.of(result.matched_model, result.finished)),
        "",
        _("Fleiss' kappa and Krippendorff's alpha need several cases: see *Agreement across "
          "cases* below."),
        "",
        _("### By agency"),
        "",
        _("| Agency | Sessions | Finished | Pairwise agreement | Reached the model outcome "
          "| Most common outcome |"),
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for agency in result.by_agency:
        lines.append(
            f"| {_cell(agency.agency)} | {agency.sessions} | {agency.finished} "
            f"| {words.pct(agency.agreement.percent_agreement)} "
            f"| {words.of(agency.matched_model, agency.finished)} "
            f"| {', '.join(f'`{o}`' for o in agency.most_common) or '-'} |"
        )
    lines += ["", _("### Where the room first divided"), ""]
    divergence = result.first_divergence
    if divergence is None:
        lines.append(_("Every participant took the same route.") if result.sessions > 1
                     else _("Only one session: nothing to compare."))
    else:
        lines.append(_("Question {step} on the route, `{question}`: “{prompt}”").format(
            step=divergence.step, question=divergence.question, prompt=divergence.prompt))
        lines.append("")
        for answer in divergence.answers:
            label = "; ".join(answer.labels) or _("(nothing ticked)")
            lines.append(_("- {label}: {count} (model answer)").format(
                label=label, count=answer.count) if answer.model
                else f"- {label}: {answer.count}")
    lines += [
        "",
        _("### Agreement per question"),
        "",
        _("| # | Question | Reached | Pairwise agreement | Model answer | Matched model "
          "| Answers given |"),
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for number, question in enumerate(result.questions, start=1):
        given = "; ".join(
            f"{words.answer(a.answer)} ({a.count})" for a in question.answers
        ) or "-"
        lines.append(
            f"| {number} | `{question.question}`: {_cell(question.prompt)} | {question.reached} "
            f"| {words.pct(question.percent_agreement)} | {words.answer(question.model_answer)} "
            f"| {words.of(question.matched_model, question.reached)} | {given} |"
        )
    lines += [
        "",
        _("### Each participant against the model answer"),
        "",
        _("| Session | Agency | Role | Version | Outcome | Against the model | Model-route "
          "questions matched | First difference |"),
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in result.participants:
        first = "-"
        if p.first_difference is not None:
            d = p.first_difference
            given_text = _("not reached") if d.given is None else words.answer(d.given)
            first = _("`{question}`: {given} (model {model})").format(
                question=d.question, given=given_text, model=words.answer(d.model))
        lines.append(
            f"| `{p.session_id}` | {_cell(p.agency) or '-'} | {_cell(p.role) or '-'} "
            f"| {p.version} | {f'`{p.outcome}`' if p.outcome else '-'} | {words.against(p)} "
            f"| {p.questions_matched}/{p.questions_on_model_route} | {first} |"
        )
    lines.append("")
    return lines


def _across(items: list[tuple[str, int, AgreementStats]], words: _Words) -> list[str]:
    lines = [
        words.tr.gettext("| Group | Sessions | Cases | Pairwise agreement | Fleiss' kappa "
                         "| Alpha (nominal) | Alpha (ordinal) |"),
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    lines += [words.stats_row(label, sessions, stats) for label, sessions, stats in items]
    groups: dict[str, list[str]] = {}
    for label, _, stats in items:
        if stats.note:
            groups.setdefault(stats.note, []).append(label)
    if groups:
        lines.append("")
        lines += [f"- {', '.join(labels)}: {note}" for note, labels in groups.items()]
    return lines


def render_report_markdown(report: ConsistencyReport, language: str = "en") -> str:
    """The report as Markdown, its words in ``language`` (the report's own texts, such as
    its notes, are in the language it was built in). Same report, same bytes."""
    words = _Words(language)
    tr = words.tr
    _ = tr.gettext
    lines = [
        _("# Scenario exercise: consistency report"),
        "",
        _("{sessions} across {scenarios}.").format(
            sessions=tr.ngettext("{count} session", "{count} sessions", report.sessions),
            scenarios=tr.ngettext("{count} scenario", "{count} scenarios",
                                  len(report.scenarios))),
        "",
    ]
    for result in report.scenarios:
        lines += _scenario(result, words)
    lines += [_("## Agreement across cases"), ""]
    for document in report.across_cases:
        lines += [
            f"### {document.guidance}",
            "",
            _("Cases: {scenarios}").format(
                scenarios=", ".join(f"`{s}`" for s in document.scenarios)),
            "",
        ]
        rows: list[tuple[str, int, AgreementStats]] = [
            (_("Everyone"), sum(a.sessions for a in document.by_agency), document.overall)
        ]
        agencies: list[AgencyStats] = document.by_agency
        rows += [(a.agency, a.sessions, a.agreement) for a in agencies]
        lines += _across(rows, words)
        lines.append("")
    if report.skipped:
        lines += [_("## Files left out"), ""]
        lines += [f"- `{item.path}`: {item.reason}" for item in report.skipped]
        lines.append("")
    lines += [_("## How to read these figures"), ""]
    lines += [f"- {note}" for note in report.notes]
    return "\n".join(lines) + "\n"
