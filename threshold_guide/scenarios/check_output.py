"""What ``scenarios check`` prints: a line per replay, a diff per mismatch, and coverage."""

from __future__ import annotations

from typing import Any

from threshold_guide.engine.route import DecisionStep, Route
from threshold_guide.models.session import Selection
from threshold_guide.models.text import render
from threshold_guide.scenarios.checks import CheckRun
from threshold_guide.scenarios.coverage import Coverage
from threshold_guide.scenarios.replay import Replay, nearest_fix
from threshold_guide.validation.diagnostics import Severity


def _selection(selection: Selection) -> str:
    return selection if isinstance(selection, str) else "[" + ", ".join(selection) + "]"


def route_lines(route: Route) -> list[str]:
    """Each step as 'N. question = answer -> where it leads'."""
    lines = []
    decided: dict[int, list[DecisionStep]] = {}
    for decision in route.decisions:
        decided.setdefault(decision.after, []).append(decision)
    for number, step in enumerate(route.steps, start=1):
        target = step.target
        leads = f"outcome {target.outcome}" if target.outcome is not None else str(target.next)
        departs = " (departs from the suggestion)" if step.departed else ""
        lines.append(f"{number}. {step.question.id} = {_selection(step.selection)} -> "
                     f"{leads}{departs}")
        for decision in decided.get(number, []):
            rule = ("otherwise" if decision.hit.rule is None
                    else f"rule {decision.hit.rule + 1}")
            where = f"outcome {decision.hit.target}" if decision.hit.outcome \
                else decision.hit.target
            lines.append(f"   {decision.point.id} (decision point): {rule} -> {where}")
    if route.pending is not None:
        lines.append(f"{len(route.steps) + 1}. {route.pending.id} = (no model answer)")
    return lines


def _outcome_text(item: Replay, outcome_id: str) -> str:
    outcomes = {o.id: o for o in item.document.outcomes}
    outcome = outcomes.get(outcome_id)
    if outcome is None:
        return f"{outcome_id} (not an outcome of this version)"
    return f"{outcome_id}: {render(outcome.title)} (level {outcome.level})"


def _mismatch(item: Replay) -> list[str]:
    assert item.route is not None
    route = item.route
    got = (_outcome_text(item, route.outcome.id) if route.outcome is not None
           else f"no outcome: the answers stop at question '{route.pending.id}'"
           if route.pending is not None else "no outcome")
    lines = [f"      expected  {_outcome_text(item, item.expected)}", f"      got       {got}"]
    for index, line in enumerate(route_lines(route)):
        lines.append(("      route     " if index == 0 else " " * 16) + line)
    fix = nearest_fix(item)
    if fix is not None:
        lines.append(f"      nearest   answering '{fix[0]}' with {_selection(fix[1])} would "
                     f"reach {item.expected}")
    return lines


def render_check_text(run: CheckRun, coverages: list[Coverage]) -> str:
    """The human-readable report of a check run."""
    lines: list[str] = []
    width = max((len(r.scenario.id) for r in run.replays), default=0)
    for check in run.checks:
        for item in check.replays:
            where = f"{item.document.id} {item.version}"
            if item.route is None:
                lines.append(f"ERROR {item.scenario.id:<{width}}  {where}  "
                             f"(the model answers do not fit; see below)")
            elif item.passed:
                lines.append(f"ok    {item.scenario.id:<{width}}  {where}  {item.outcome}")
            else:
                lines.append(f"FAIL  {item.scenario.id:<{width}}  {where}  ({check.file.path})")
                lines += _mismatch(item)
    if run.diagnostics:
        lines.append("")
        lines += [item.render() for item in run.diagnostics]
    lines += ["", "Coverage (questions, answers and outcomes the model answers exercise)"]
    for part in coverages:
        count = len(part.scenarios)
        lines.append(
            f"  {part.document} {part.version}: {count} scenario{'s' if count != 1 else ''}; "
            f"questions {Coverage.ratio(part.missed_questions, part.questions)}, "
            f"answers {Coverage.ratio(part.missed_answers, part.answers)}, "
            f"outcomes {Coverage.ratio(part.missed_outcomes, part.outcomes)}"
            + "".join(f", {label} {Coverage.ratio(missed, total)}" for label, missed, total in (
                ("rules", part.missed_rules, part.rules),
                ("judgements", part.missed_judgements, part.judgements),
                ("floors", part.missed_floors, part.floors)) if total)
        )
        if not part.scenarios:
            lines.append("    no scenario targets this version")
            continue
        for label, missed in (("questions", part.missed_questions),
                              ("answers", part.missed_answers),
                              ("outcomes", part.missed_outcomes),
                              ("rules", part.missed_rules),
                              ("judgement branches", part.missed_judgements),
                              ("floors never applied", part.missed_floors)):
            if missed:
                lines.append(f"    {label}: {', '.join(missed)}" if label.startswith("floors")
                             else f"    {label} not exercised: {', '.join(missed)}")
    lines.append("")
    lines.append(summary_line(run))
    return "\n".join(lines) + "\n"


def summary_line(run: CheckRun) -> str:
    errors = sum(1 for d in run.diagnostics if d.severity is Severity.ERROR)
    warnings = len(run.diagnostics) - errors
    mismatches = sum(1 for r in run.replays if r.route is not None and not r.passed)
    files = len(run.checks)

    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 'es' if word.endswith('h') else 's'}"

    verdict = "ok" if run.ok else "FAILED"
    return (f"{verdict}: {plural(files, 'scenario file')}, {plural(len(run.replays), 'replay')}, "
            f"{plural(mismatches, 'mismatch')}, {plural(errors, 'error')}, "
            f"{plural(warnings, 'warning')}")


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
