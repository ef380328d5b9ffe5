"""Render a diff as Markdown for a guidance author. Same diff and documents, same bytes.

Sections with nothing in them are left out, so a small change reads as a short page.
"""

from __future__ import annotations

from threshold_guide.i18n.catalogue import Translator, translator
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
                         new: ThresholdDocument, language: str = "en") -> str:
    """The diff as Markdown, its words in ``language``."""
    tr = translator(language)
    _ = tr.gettext
    names = _Names(old, new, tr)
    lines = _heading(diff, tr)
    lines += _questions(diff, tr)
    lines += _answers(diff, names, tr)
    lines += rules_sections(diff, names.question, language)
    lines += _outcomes(diff, tr)
    lines += _items(_("## Sources changed"), _("Source"), diff.sources, tr)
    lines += _items(_("## Definitions changed"), _("Definition"), diff.definitions, tr)
    if diff.metadata:
        lines += [_("## Document details"), ""]
        for change in diff.metadata:
            lines += show_change(change, language)
        lines.append("")
    if diff.changelog:
        lines += [_("## Changelog of {version}").format(version=diff.new.version), ""]
        for entry in diff.changelog:
            lines += [f"**{entry.version}** ({entry.date.isoformat()}):", ""]
            lines += [f"- {one_line(change)}" for change in entry.changes]
            lines.append("")
    if diff.impact is not None:
        lines += impact_section(diff.impact, diff.old.version, diff.new.version, language)
    return "\n".join(lines).rstrip("\n") + "\n"


class _Names:
    """Prompts, labels and titles from the documents, newest wording first."""

    def __init__(self, old: ThresholdDocument, new: ThresholdDocument, tr: Translator) -> None:
        self.tr = tr
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
        prompt = self.prompts.get(question_id)
        if prompt is None:
            prompt = self.tr.gettext("unknown question")
        return f"`{question_id}` ({prompt})"

    def answer(self, question_id: str, answer_id: str) -> str:
        label = self.labels.get((question_id, answer_id))
        if label is None:
            label = self.tr.gettext("unknown answer")
        return f"`{question_id}` → `{answer_id}` ({label})"

    def outcome(self, outcome_id: str) -> str:
        title = self.outcomes.get(outcome_id)
        if title is None:
            title = self.tr.gettext("unknown outcome")
        return self.tr.gettext("outcome `{outcome}` ({title})").format(
            outcome=outcome_id, title=title)


def _heading(diff: DocumentDiff, tr: Translator) -> list[str]:
    _ = tr.gettext
    old, new = diff.old, diff.new
    name = old.id if old.id == new.id else f"{old.id} {old.version} → {new.id}"
    rows = [
        (_("document"), f"`{old.id}`", f"`{new.id}`"),
        (_("version"), old.version, new.version),
        (_("title"), one_line(old.title), one_line(new.title)),
        (_("status"), old.status.value, new.status.value),
        (_("in effect from"), old.effective_from.isoformat(), new.effective_from.isoformat()),
        (_("content sha256"), f"`{old.sha256[:12]}`", f"`{new.sha256[:12]}`"),
    ]
    lines = [_("# What changed in {name}: {old} → {new}").format(
                 name=name, old=old.version, new=new.version), "",
             _("| | before | after |"), "|---|---|---|"]
    lines += [f"| {label} | {a} | {b} |" for label, a, b in rows]
    lines += ["", _in_short(diff, tr), ""]
    if diff.questions.reworded or diff.questions.removed:
        lines += [_("When a saved session moves to {version}, answers to reworded and removed "
                    "questions are not carried over and reworded questions are asked again. "
                    "Answers to questions that were only re-routed or edited still "
                    "stand.").format(version=new.version), ""]
    return lines


def _in_short(diff: DocumentDiff, tr: Translator) -> str:
    _ = tr.gettext
    if diff.empty:
        if diff.old.sha256 == diff.new.sha256:
            return _("**No changes** a reader would notice (identical content).")
        return _("**No changes** a reader would notice (differences only in layout or "
                 "whitespace).")
    q, a, o = diff.questions, diff.answers, diff.outcomes
    rerouted = len(a.rerouted) + len(diff.routes)
    answers = len(a.added) + len(a.removed) + len(a.relabelled)
    edits = len(q.edited) + len(a.edited)
    outcomes = len(o.added) + len(o.removed) + len(o.changed)
    items = sum(len(getattr(s, k)) for s in (diff.sources, diff.definitions)
                for k in ("added", "removed", "changed"))
    counts = [
        (len(q.added), tr.ngettext("{count} question added", "{count} questions added",
                                   len(q.added))),
        (len(q.removed), tr.ngettext("{count} question removed", "{count} questions removed",
                                     len(q.removed))),
        (len(q.reworded), tr.ngettext("{count} question reworded",
                                      "{count} questions reworded", len(q.reworded))),
        (rerouted, tr.ngettext("{count} answer or route re-routed",
                               "{count} answers or routes re-routed", rerouted)),
        (answers, tr.ngettext("{count} answer added, removed or relabelled",
                              "{count} answers added, removed or relabelled", answers)),
        (edits, tr.ngettext("{count} other question edit", "{count} other question edits",
                            edits)),
        (outcomes, tr.ngettext("{count} outcome changed",
                               "{count} outcomes added, removed or changed", outcomes)),
        (items, tr.ngettext("{count} source or definition changed",
                            "{count} sources and definitions changed", items)),
        *rules_counts(diff, tr.language),
        (len(diff.metadata), tr.ngettext("{count} document detail changed",
                                         "{count} document details changed",
                                         len(diff.metadata))),
    ]
    return _("**In short:** {counts}.").format(
        counts="; ".join(words for number, words in counts if number))


def _questions(diff: DocumentDiff, tr: Translator) -> list[str]:
    _ = tr.gettext
    q = diff.questions
    lines: list[str] = []
    if q.added:
        lines += [_("## Questions added"), ""]
        for added in q.added:
            vias = [f"`{v.question}` → `{v.answer}`" if v.answer else
                    _("`{question}` (a checklist route)").format(question=v.question)
                    for v in added.reached_from]
            lines.append(f"- `{added.id}`: {one_line(added.prompt)}")
            lines.append("  - " + (_("reached from {questions}").format(
                questions=", ".join(vias)) if vias else
                _("reached from no other question (the start, or unreachable)")))
        lines.append("")
    if q.removed:
        lines += [_("## Questions removed"), "",
                  *[f"- `{r.id}`: {one_line(r.prompt)}" for r in q.removed], ""]
    if q.reworded:
        lines += [_("## Questions reworded (earlier answers must be asked again)"), ""]
        for item in q.reworded:
            lines += [f"### `{item.id}`", ""]
            if item.prompt is not None:
                lines += [_("- **Before:** {text}").format(text=one_line(item.prompt.old)),
                          _("- **Now:** {text}").format(text=one_line(item.prompt.new))]
            if item.type is not None:
                lines.append(_("- **Type:** {old} → {new}").format(
                    old=one_line(item.type.old), new=one_line(item.type.new)))
            lines += _answer_lines(diff, item.id, tr)
            lines.append("")
    return lines


def _answer_lines(diff: DocumentDiff, question: str, tr: Translator) -> list[str]:
    _ = tr.gettext
    a = diff.answers
    lines = [(_("- **Answer added:** `{answer}` ({label}), leading to {where}")
              if x.to is not None else _("- **Answer added:** `{answer}` ({label})")).format(
                 answer=x.answer, label=one_line(x.label), where=where(x.to, tr.language))
             for x in a.added if x.question == question]
    lines += [_("- **Answer removed:** `{answer}` ({label})").format(
                  answer=x.answer, label=one_line(x.label))
              for x in a.removed if x.question == question]
    lines += [_("- **Answer relabelled:** `{answer}`: {old} → {new}").format(
                  answer=x.answer, old=one_line(x.old), new=one_line(x.new))
              for x in a.relabelled if x.question == question]
    return lines


def _answers(diff: DocumentDiff, names: _Names, tr: Translator) -> list[str]:
    _ = tr.gettext
    lines: list[str] = []
    if diff.answers.rerouted or diff.routes:
        lines += [_("## Answers re-routed"), "",
                  _("The same answer now leads somewhere else. Unless its question is also "
                    "reworded, an earlier answer still stands."), ""]
        for moved in diff.answers.rerouted:
            lines.append(_("- {answer}: led to {before}, now leads to {after}.").format(
                answer=names.answer(moved.question, moved.answer),
                before=_end(moved.old.outcome, moved.old.next, names),
                after=_end(moved.new.outcome, moved.new.next, names)))
        for routes in diff.routes:
            lines += ["", _("Checklist routes of {question}:").format(
                          question=names.question(routes.question)), "",
                      _("| | before | now |"), "|---|---|---|"]
            for number in range(max(len(routes.old), len(routes.new))):
                before = _rule(routes.old[number], tr) if number < len(routes.old) else ""
                after = _rule(routes.new[number], tr) if number < len(routes.new) else ""
                mark = "" if before == after else " ✱"
                lines.append(f"| {number + 1}{mark} | {before} | {after} |")
        lines.append("")
    if diff.questions.edited or diff.answers.edited:
        lines += [_("## Other question edits"), "",
                  _("Help, why, sources, definitions, note requests, rationale sentences and "
                    "translations. On their own these leave an earlier answer standing."), ""]
        for edited in diff.questions.edited:
            lines += [f"### `{edited.id}`", ""]
            lines += [line for change in edited.fields
                      for line in show_change(change, tr.language)]
            lines.append("")
        for answer in diff.answers.edited:
            lines += [f"### `{answer.question}` → `{answer.answer}`", ""]
            lines += [line for change in answer.fields
                      for line in show_change(change, tr.language)]
            lines.append("")
    return lines


def _end(outcome: str | None, question: str | None, names: _Names) -> str:
    if outcome is not None:
        return names.outcome(outcome)
    if question is not None:
        return names.tr.gettext("question {question}").format(
            question=names.question(question))
    return names.tr.gettext("nowhere")


def _rule(rule: Rule, tr: Translator) -> str:
    _ = tr.gettext
    conditions = []
    if rule.if_any:
        conditions.append(_("any of {answers}").format(
            answers=", ".join(f"`{a}`" for a in rule.if_any)))
    if rule.if_all:
        conditions.append(_("all of {answers}").format(
            answers=", ".join(f"`{a}`" for a in rule.if_all)))
    if rule.min_selected is not None:
        conditions.append(_("at least {count} ticked").format(count=rule.min_selected))
    target = where(rule.to, tr.language)
    if not conditions:
        return _("otherwise → {target}").format(target=target)
    return _("if {conditions} → {target}").format(
        conditions=_(" and ").join(conditions), target=target)


def _brief(outcome: OutcomeBrief, tr: Translator) -> str:
    _ = tr.gettext
    met = _("test met") if outcome.test_met else _("test not met")
    return _("- `{outcome}`: {title} (level {level}; {met})").format(
        outcome=outcome.id, title=one_line(outcome.title), level=outcome.level, met=met)


def _outcomes(diff: DocumentDiff, tr: Translator) -> list[str]:
    _ = tr.gettext
    o = diff.outcomes
    lines: list[str] = []
    if o.added:
        lines += [_("## Outcomes added"), "", *[_brief(b, tr) for b in o.added], ""]
    if o.removed:
        lines += [_("## Outcomes removed"), "", *[_brief(b, tr) for b in o.removed], ""]
    if o.changed:
        lines += [_("## Outcomes changed"), ""]
        for changed in o.changed:
            lines += [f"### `{changed.id}`", ""]
            for change in changed.fields:
                lines += show_change(change, tr.language)
            lines.append("")
    return lines


def _items(heading: str, kind: str, items: ItemsDiff, tr: Translator) -> list[str]:
    _ = tr.gettext
    if not (items.added or items.removed or items.changed):
        return []
    lines = [heading, ""]
    lines += [_("- **{kind} added:** `{id}` ({name})").format(
        kind=kind, id=i.id, name=one_line(i.name)) for i in items.added]
    lines += [_("- **{kind} removed:** `{id}` ({name})").format(
        kind=kind, id=i.id, name=one_line(i.name)) for i in items.removed]
    lines.append("")
    for changed in items.changed:
        lines += [f"### {kind} `{changed.id}`", ""]
        for change in changed.fields:
            lines += show_change(change, tr.language)
        lines.append("")
    return lines
