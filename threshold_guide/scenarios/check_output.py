"""What ``scenarios check`` prints: a line per replay, a diff per mismatch, and coverage."""

from __future__ import annotations

from typing import Any

from threshold_guide.engine.route import DecisionStep, Route
from threshold_guide.i18n.catalogue import Translator, translator
from threshold_guide.models.session import Selection
from threshold_guide.models.text import render
from threshold_guide.scenarios.checks import CheckRun
from threshold_guide.scenarios.coverage import Coverage
from threshold_guide.scenarios.replay import Replay, nearest_fix
from threshold_guide.validation.diagnostics import Severity


def _selection(selection: Selection) -> str:
    return selection if isinstance(selection, str) else "[" + ", ".join(selection) + "]"


def route_lines(route: Route, language: str = "en") -> list[str]:
    """Each step as 'N. question = answer -> where it leads', in ``language``."""
    _ = translator(language).gettext
    lines = []
    decided: dict[int, list[DecisionStep]] = {}
    for decision in route.decisions:
        decided.setdefault(decision.after, []).append(decision)
    for number, step in enumerate(route.steps, start=1):
        target = step.target
        leads = (_("outcome {outcome}").format(outcome=target.outcome)
                 if target.outcome is not None else str(target.next))
        departs = " " + _("(departs from the suggestion)") if step.departed else ""
        lines.append(f"{number}. {step.question.id} = {_selection(step.selection)} -> "
                     f"{leads}{departs}")
        for decision in decided.get(number, []):
            rule = (_("otherwise") if decision.hit.rule is None
                    else _("rule {number}").format(number=decision.hit.rule + 1))
            where = (_("outcome {outcome}").format(outcome=decision.hit.target)
                     if decision.hit.outcome else decision.hit.target)
            lines.append("   " + _("{point} (decision point): {rule} -> {where}").format(
                point=decision.point.id, rule=rule, where=where))
    if route.pending is not None:
        lines.append(f"{len(route.steps) + 1}. " + _("{question} = (no model answer)").format(
            question=route.pending.id))
    return lines


def _outcome_text(item: Replay, outcome_id: str, tr: Translator) -> str:
    outcomes = {o.id: o for o in item.document.outcomes}
    outcome = outcomes.get(outcome_id)
    if outcome is None:
        return tr.gettext("{outcome} (not an outcome of this version)").format(
            outcome=outcome_id)
    return tr.gettext("{outcome}: {title} (level {level})").format(
        outcome=outcome_id, title=render(outcome.title, tr.language), level=outcome.level)


def _label(word: str) -> str:
    """A word in the left margin of a mismatch, padded so the values line up."""
    return f"      {word:<9} "


def _mismatch(item: Replay, tr: Translator) -> list[str]:
    _ = tr.gettext
    assert item.route is not None
    route = item.route
    got = (_outcome_text(item, route.outcome.id, tr) if route.outcome is not None
           else _("no outcome: the answers stop at question '{question}'").format(
               question=route.pending.id)
           if route.pending is not None else _("no outcome"))
    # Translators: "expected", "got", "route" and "nearest" label the lines of a scenario
    # whose model answers no longer reach its outcome; at most 9 characters each.
    lines = [_label(_("expected")) + _outcome_text(item, item.expected, tr),
             _label(_("got")) + got]
    for index, line in enumerate(route_lines(route, tr.language)):
        lines.append((_label(_("route")) if index == 0 else " " * 16) + line)
    fix = nearest_fix(item)
    if fix is not None:
        lines.append(_label(_("nearest")) + _(
            "answering '{question}' with {answer} would reach {outcome}").format(
                question=fix[0], answer=_selection(fix[1]), outcome=item.expected))
    return lines


def render_check_text(run: CheckRun, coverages: list[Coverage], language: str = "en") -> str:
    """The human-readable report of a check run, in ``language`` (the diagnostics, for the
    authors of scenarios, stay as written)."""
    tr = translator(language)
    _ = tr.gettext
    lines: list[str] = []
    # Translators: "ok", "FAIL" and "ERROR" start a line of 'scenarios check'; at most 5
    # characters each.
    ok, fail, error = _("ok"), _("FAIL"), _("ERROR")
    width = max((len(r.scenario.id) for r in run.replays), default=0)
    for check in run.checks:
        for item in check.replays:
            where = f"{item.document.id} {item.version}"
            if item.route is None:
                lines.append(f"{error:<5} {item.scenario.id:<{width}}  {where}  "
                             + _("(the model answers do not fit; see below)"))
            elif item.passed:
                lines.append(f"{ok:<5} {item.scenario.id:<{width}}  {where}  {item.outcome}")
            else:
                lines.append(f"{fail:<5} {item.scenario.id:<{width}}  {where}  "
                             f"({check.file.path})")
                lines += _mismatch(item, tr)
    if run.diagnostics:
        lines.append("")
        lines += [item.render() for item in run.diagnostics]
    lines += ["", _("Coverage (questions, answers and outcomes the model answers exercise)")]
    for part in coverages:
        parts = [
            _("questions {ratio}").format(
                ratio=Coverage.ratio(part.missed_questions, part.questions)),
            _("answers {ratio}").format(ratio=Coverage.ratio(part.missed_answers, part.answers)),
            _("outcomes {ratio}").format(
                ratio=Coverage.ratio(part.missed_outcomes, part.outcomes)),
        ]
        parts += [label.format(ratio=Coverage.ratio(missed, total)) for label, missed, total in (
            (_("rules {ratio}"), part.missed_rules, part.rules),
            (_("judgements {ratio}"), part.missed_judgements, part.judgements),
            (_("floors {ratio}"), part.missed_floors, part.floors)) if total]
        scenarios = tr.ngettext("{count} scenario", "{count} scenarios", len(part.scenarios))
        lines.append(f"  {part.document} {part.version}: {scenarios}; " + ", ".join(parts))
        if not part.scenarios:
            lines.append("    " + _("no scenario targets this version"))
            continue
        for label, missed in ((_("questions not exercised: {ids}"), part.missed_questions),
                              (_("answers not exercised: {ids}"), part.missed_answers),
                              (_("outcomes not exercised: {ids}"), part.missed_outcomes),
                              (_("rules not exercised: {ids}"), part.missed_rules),
                              (_("judgement branches not exercised: {ids}"),
                               part.missed_judgements),
                              (_("floors never applied: {ids}"), part.missed_floors)):
            if missed:
                lines.append("    " + label.format(ids=", ".join(missed)))
    lines.append("")
    lines.append(summary_line(run, language))
    return "\n".join(lines) + "\n"


def summary_line(run: CheckRun, language: str = "en") -> str:
    tr = translator(language)
    errors = sum(1 for d in run.diagnostics if d.severity is Severity.ERROR)
    warnings = len(run.diagnostics) - errors
    mismatches = sum(1 for r in run.replays if r.route is not None and not r.passed)
    files = len(run.checks)
    counts = ", ".join((
        tr.ngettext("{count} scenario file", "{count} scenario files", files),
        tr.ngettext("{count} replay", "{count} replays", len(run.replays)),
        tr.ngettext("{count} mismatch", "{count} mismatches", mismatches),
        tr.ngettext("{count} error", "{count} errors", errors),
        tr.ngettext("{count} warning", "{count} warnings", warnings),
    ))
    verdict = tr.gettext("ok: {counts}") if run.ok else tr.gettext("FAILED: {counts}")
    return verdict.format(counts=counts)


def check_json(run: CheckRun, coverages: list[Coverage]) -> dict[str, Any]:
    """The same content for tools."""
    scenarios = []
    for check in run.checks:
        scenario = check.scenario
        scenarios.append({
            "file": str(check.file.path),
            "id": scenario.id if scenario else None,
            "ok": check.ok and all(r.passed for r in check.replays),
            "replays": [
                {
                    "guidance": item.document.id,
                    "version": item.version,
                    "expected": item.expected,
                    "outcome": item.outcome,
                    "passed": item.passed,
                    "route": [
                        {"question": step.question.id, "answer": step.selection,
                         "next": step.target.next, "outcome": step.target.outcome}
                        for step in item.route.steps
                    ] if item.route is not None else None,
                    "departures": [step.question.id for step in item.route.departures]
                    if item.route is not None else None,
                }
                for item in check.replays
            ],
        })
    return {
        "ok": run.ok,
        "scenarios": scenarios,
        "diagnostics": [d.model_dump(mode="json") for d in run.diagnostics],
        "coverage": [
            {
                "guidance": item.document,
                "version": item.version,
                "scenarios": list(item.scenarios),
                "questions": {"total": len(item.questions),
                              "missed": list(item.missed_questions)},
                "answers": {"total": len(item.answers), "missed": list(item.missed_answers)},
                "outcomes": {"total": len(item.outcomes), "missed": list(item.missed_outcomes)},
                "rules": {"total": len(item.rules), "missed": list(item.missed_rules)},
                "judgements": {"total": len(item.judgements),
                               "missed": list(item.missed_judgements)},
                "floors": {"total": len(item.floors), "missed": list(item.missed_floors)},
            }
            for item in coverages
        ],
    }
