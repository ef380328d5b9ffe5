"""Render a diff as Markdown for a guidance author. Same diff and documents, same bytes.

Sections with nothing in them are left out, so a small change reads as a short page.
"""

from __future__ import annotations

from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.text import render
from threshold_guide.versions.impact_markdown import impact_section
from threshold_guide.versions.model import (
    DocumentDiff,
    ItemsDiff,
    OutcomeBrief,
    Rule,
)
from threshold_guide.versions.rules_markdown import rules_counts, rules_sections
from threshold_guide.versions.wording import one_line, show_change, where


def render_diff_markdown(diff: DocumentDiff, old: ThresholdDocument,
                         new: ThresholdDocument) -> str:
    names = _Names(old, new)
    lines = _heading(diff)
    lines += _questions(diff)
    lines += _answers(diff, names)
    lines += rules_sections(diff, names.question)
    lines += _outcomes(diff)
    lines += _items("Sources", "Source", diff.sources)
    lines += _items("Definitions", "Definition", diff.definitions)
    if diff.metadata:
        lines += ["## Document details", ""]
        for change in diff.metadata:
            lines += show_change(change)
        lines.append("")
    if diff.changelog:
        lines += [f"## Changelog of {diff.new.version}", ""]
        for entry in diff.changelog:
            lines += [f"**{entry.version}** ({entry.date.isoformat()}):", ""]
            lines += [f"- {one_line(change)}" for change in entry.changes]
            lines.append("")
    if diff.impact is not None:
        lines += impact_section(diff.impact, diff.old.version, diff.new.version)
    return "\n".join(lines).rstrip("\n") + "\n"


class _Names:
    """Prompts, labels and titles from the documents, newest wording first."""

    def __init__(self, old: ThresholdDocument, new: ThresholdDocument) -> None:
        self.prompts: dict[str, str] = {}
        self.labels: dict[tuple[str, str], str] = {}
        self.outcomes: dict[str, str] = {}
        for document in (old, new):
            for question in document.questions:
                self.prompts[question.id] = one_line(render(question.prompt))
                for answer in question.answers:
                    self.labels[question.id, answer.id] = one_line(render(answer.label))
            for outcome in document.outcomes:
                self.outcomes[outcome.id] = one_line(render(outcome.title))

    def question(self, question_id: str) -> str:
        return f"`{question_id}` ({self.prompts.get(question_id, 'unknown question')})"

    def answer(self, question_id: str, answer_id: str) -> str:
        label = self.labels.get((question_id, answer_id), "unknown answer")
        return f"`{question_id}` → `{answer_id}` ({label})"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _heading(diff: DocumentDiff) -> list[str]:
    old, new = diff.old, diff.new
    name = old.id if old.id == new.id else f"{old.id} {old.version} → {new.id}"
    rows = [
        ("document", f"`{old.id}`", f"`{new.id}`"),
        ("version", old.version, new.version),
        ("title", one_line(old.title), one_line(new.title)),
        ("status", old.status.value, new.status.value),
        ("in effect from", old.effective_from.isoformat(), new.effective_from.isoformat()),
        ("content sha256", f"`{old.sha256[:12]}`", f"`{new.sha256[:12]}`"),
    ]
    lines = [f"# What changed in {name}: {old.version} → {new.version}", "",
             "| | before | after |", "|---|---|---|"]
    lines += [f"| {label} | {a} | {b} |" for label, a, b in rows]
    lines += ["", _in_short(diff), ""]
    if diff.questions.reworded or diff.questions.removed:
        lines += [f"When a saved session moves to {new.version}, answers to reworded and "
                  "removed questions are not carried over and reworded questions are asked "
                  "again. Answers to questions that were only re-routed or edited still "
                  "stand.", ""]
    return lines


def _in_short(diff: DocumentDiff) -> str:
    if diff.empty:
        same = "identical content" if diff.old.sha256 == diff.new.sha256 else (
            "differences only in layout or whitespace")
        return f"**No changes** a reader would notice ({same})."
    q, a, o = diff.questions, diff.answers, diff.outcomes
    counts = [
        (len(q.added), "question added", "questions added"),
        (len(q.removed), "question removed", "questions removed"),
        (len(q.reworded), "question reworded", "questions reworded"),
        (len(a.rerouted) + len(diff.routes), "answer or route re-routed",
         "answers or routes re-routed"),
        (len(a.added) + len(a.removed) + len(a.relabelled), "answer added, removed or "
         "relabelled", "answers added, removed or relabelled"),
        (len(q.edited) + len(a.edited), "other question edit", "other question edits"),
        (len(o.added) + len(o.removed) + len(o.changed), "outcome changed",
         "outcomes added, removed or changed"),
        (sum(len(getattr(s, k)) for s in (diff.sources, diff.definitions)
             for k in ("added", "removed", "changed")),
         "source or definition changed", "sources and definitions changed"),
        *rules_counts(diff),
        (len(diff.metadata), "document detail changed", "document details changed"),
    ]
    parts = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
    return "**In short:** " + "; ".join(parts) + "."


def _questions(diff: DocumentDiff) -> list[str]:
    q = diff.questions
    lines: list[str] = []
    if q.added:
        lines += ["## Questions added", ""]
        for added in q.added:
            vias = [f"`{v.question}` → `{v.answer}`" if v.answer else
                    f"`{v.question}` (a checklist route)" for v in added.reached_from]
            lines.append(f"- `{added.id}`: {one_line(added.prompt)}")
            lines.append("  - reached from " + (", ".join(vias) if vias else
                                                "no other question (the start, or unreachable)"))
        lines.append("")
    if q.removed:
        lines += ["## Questions removed", "",
                  *[f"- `{r.id}`: {one_line(r.prompt)}" for r in q.removed], ""]
    if q.reworded:
        lines += ["## Questions reworded (earlier answers must be asked again)", ""]
        for item in q.reworded:
            lines += [f"### `{item.id}`", ""]
            if item.prompt is not None:
                lines += [f"- **Before:** {one_line(item.prompt.old)}",
                          f"- **Now:** {one_line(item.prompt.new)}"]
            if item.type is not None:
                lines.append(f"- **Type:** {one_line(item.type.old)} → "
                             f"{one_line(item.type.new)}")
            lines += _answer_lines(diff, item.id)
            lines.append("")
    return lines


def _answer_lines(diff: DocumentDiff, question: str) -> list[str]:
    a = diff.answers
    lines = [f"- **Answer added:** `{x.answer}` ({one_line(x.label)})"
             + (f", leading to {where(x.to)}" if x.to is not None else "")
             for x in a.added if x.question == question]
    lines += [f"- **Answer removed:** `{x.answer}` ({one_line(x.label)})"
              for x in a.removed if x.question == question]
    lines += [f"- **Answer relabelled:** `{x.answer}`: {one_line(x.old)} → {one_line(x.new)}"
              for x in a.relabelled if x.question == question]
    return lines


def _answers(diff: DocumentDiff, names: _Names) -> list[str]:
    lines: list[str] = []
    if diff.answers.rerouted or diff.routes:
        lines += ["## Answers re-routed", "",
                  "The same answer now leads somewhere else. Unless its question is also "
                  "reworded, an earlier answer still stands.", ""]
        for moved in diff.answers.rerouted:
            lines.append(f"- {names.answer(moved.question, moved.answer)}: led to "
                         f"{_end(moved.old.outcome, moved.old.next, names)}, now leads to "
                         f"{_end(moved.new.outcome, moved.new.next, names)}.")
        for routes in diff.routes:
            lines += ["", f"Checklist routes of {names.question(routes.question)}:", "",
                      "| | before | now |", "|---|---|---|"]
            for number in range(max(len(routes.old), len(routes.new))):
                before = _rule(routes.old[number]) if number < len(routes.old) else ""
                after = _rule(routes.new[number]) if number < len(routes.new) else ""
                mark = "" if before == after else " ✱"
                lines.append(f"| {number + 1}{mark} | {before} | {after} |")
        lines.append("")
    if diff.questions.edited or diff.answers.edited:
        lines += ["## Other question edits", "",
                  "Help, why, sources, definitions, note requests, rationale sentences and "
                  "translations. On their own these leave an earlier answer standing.", ""]
        for edited in diff.questions.edited:
            lines += [f"### `{edited.id}`", ""]
            lines += [line for change in edited.fields for line in show_change(change)]
            lines.append("")
        for answer in diff.answers.edited:
            lines += [f"### `{answer.question}` → `{answer.answer}`", ""]
            lines += [line for change in answer.fields for line in show_change(change)]
            lines.append("")
    return lines


def _end(outcome: str | None, question: str | None, names: _Names) -> str:
    if outcome is not None:
        return f"outcome `{outcome}` ({names.outcomes.get(outcome, 'unknown outcome')})"
    if question is not None:
        return f"question {names.question(question)}"
    return "nowhere"


def _rule(rule: Rule) -> str:
    conditions = []
    if rule.if_any:
        conditions.append("any of " + ", ".join(f"`{a}`" for a in rule.if_any))
    if rule.if_all:
        conditions.append("all of " + ", ".join(f"`{a}`" for a in rule.if_all))
    if rule.min_selected is not None:
        conditions.append(f"at least {rule.min_selected} ticked")
    condition = "if " + " and ".join(conditions) if conditions else "otherwise"
    return f"{condition} → {where(rule.to)}"


def _brief(outcome: OutcomeBrief) -> str:
    met = "test met" if outcome.test_met else "test not met"
    return f"- `{outcome.id}`: {one_line(outcome.title)} (level {outcome.level}; {met})"


def _outcomes(diff: DocumentDiff) -> list[str]:
    o = diff.outcomes
    lines: list[str] = []
    if o.added:
        lines += ["## Outcomes added", "", *map(_brief, o.added), ""]
    if o.removed:
        lines += ["## Outcomes removed", "", *map(_brief, o.removed), ""]
    if o.changed:
        lines += ["## Outcomes changed", ""]
        for changed in o.changed:
            lines += [f"### `{changed.id}`", ""]
            for change in changed.fields:
                lines += show_change(change)
            lines.append("")
    return lines


def _items(title: str, kind: str, items: ItemsDiff) -> list[str]:
    if not (items.added or items.removed or items.changed):
        return []
    lines = [f"## {title} changed", ""]
    lines += [f"- **{kind} added:** `{i.id}` ({one_line(i.name)})" for i in items.added]
    lines += [f"- **{kind} removed:** `{i.id}` ({one_line(i.name)})" for i in items.removed]
    lines.append("")
    for changed in items.changed:
        lines += [f"### {kind} `{changed.id}`", ""]
        for change in changed.fields:
            lines += show_change(change)
        lines.append("")
    return lines
