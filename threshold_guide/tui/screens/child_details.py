"""One child at the conference: their own voice, each agency's view, the chair's reason
and the plan. Every change is sent up at once (and saved); nothing is taken from a sibling.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from threshold_guide.household.decisions import Agreement, decide_child
from threshold_guide.household.editing import CATEGORY_WORDS, with_child
from threshold_guide.household.walk import Pinned
from threshold_guide.i18n.catalogue import N_, _, interface_language
from threshold_guide.models.household import (
    CATEGORY_LABELS,
    AgencyView,
    Category,
    ChildCase,
    ChildPlan,
    ChildVoice,
    Household,
    View,
)
from threshold_guide.models.text import render
from threshold_guide.tui.messages import HouseholdChanged
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.widgets.tick_list import TickList

SEEN_ALONE: list[tuple[str, str]] = [(N_("Not recorded"), "unknown"), (N_("Yes"), "yes"),
                                     (N_("No"), "no")]
SHARING: list[tuple[str, str]] = [
    (N_("May be shared with the family"), "share"),
    (N_("Do NOT share what the child said with the family"), "withhold"),
]
VIEWS: list[tuple[str, str]] = [(N_("Register"), View.REGISTER.value),
                                (N_("Do not register"), View.DO_NOT_REGISTER.value)]


def _choices(options: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(_(label), value) for label, value in options]


class ChildDetailsScreen(BaseScreen):
    HELP_TITLE = N_("A child at the conference")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "add_view", N_("Add view"), tooltip=N_(
            "Add the agency's view typed below")),
        Binding("escape", "back", N_("Back"), tooltip=N_(
            "Back to the household view (all is saved)")),
    ]

    def __init__(self, pinned: Pinned, household: Household, child: str) -> None:
        super().__init__()
        self.pinned = pinned
        self.household = household
        self.child = household.child_case(child).child

    @property
    def case(self) -> ChildCase:
        return self.household.child_case(self.child)

    def compose_body(self) -> ComposeResult:
        case = self.case
        voice, plan = case.voice, case.plan
        alone = {None: "unknown", True: "yes", False: "no"}[voice.seen_alone]
        with VerticalScroll(id="child-body"):
            yield Static(id="child-decision", markup=False)
            # Translators: labels on this screen are at most 13 characters wide.
            yield from _field(_("Age"), "c-age", "" if case.age is None else str(case.age),
                              _("in years, if it helps the reader (optional)"))
            yield Static(_("{child}'s own voice").format(child=self.child),
                         classes="section-title")
            yield from _field(_("Said"), "v-said", voice.said,
                              _("what the child said, in their words"))
            yield from _field(_("Seen how"), "v-seen_how", voice.seen_how,
                              _("how, where and by whom seen (or observed)"))
            with Horizontal(classes="household-field"):
                yield Label(_("Seen alone"), classes="household-label")
                yield Select(_choices(SEEN_ALONE), value=alone, allow_blank=False,
                             id="v-seen_alone", compact=True)
            yield from _field(_("Wishes"), "v-wishes", voice.wishes,
                              _("what the child wishes for, what worries them"))
            with Horizontal(classes="household-field"):
                yield Label(_("Family"), classes="household-label")
                yield Select(_choices(SHARING), value="withhold" if voice.withhold_from_family
                             else "share", allow_blank=False, id="v-withhold", compact=True)
            yield Static(_("Each agency's view on registration"), classes="section-title")
            yield Static(id="views-list", markup=False)
            yield from _field(_("Agency"), "a-agency", "",
                              _("e.g. school, health visitor, police"))
            with Horizontal(classes="household-field"):
                yield Label(_("View"), classes="household-label")
                yield Select(_choices(VIEWS), value=View.REGISTER.value, allow_blank=False,
                             id="a-view", compact=True)
            yield TickList([(c.value, _(CATEGORY_LABELS[c])) for c in Category],
                           id="a-categories")
            yield from _field(_("Reason"), "a-reason", "",
                              _("why, with the evidence relied on"))
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Add view (F2)"), id="add-view", compact=True)
                yield Button(_("Remove last view"), id="remove-view", compact=True)
            yield from _field(_("Chair"), "c-chair_reason", case.chair_reason,
                              _("where views differ: the chair's reason"))
            yield Static(_("The plan (in {child}'s terms)").format(child=self.child),
                         classes="section-title")
            yield from _field(_("Must change"), "p-what_must_change", plan.what_must_change,
                              _("what needs to change for the child"))
            yield from _field(_("Safety"), "p-safety_plan", plan.safety_plan,
                              _("how the child is kept safe now"))
            yield from _field(_("Contingency"), "p-contingency_plan", plan.contingency_plan,
                              _("if progress is not kept up"))
            yield from _field(_("Core group"), "p-core_group", ", ".join(plan.core_group),
                              _("roles, separated by commas"))

    def on_mount(self) -> None:
        self.sub_title = _("Conference · {reference} · {child}").format(
            reference=self.household.reference or _("no reference"), child=self.child)
        self._show()
        self.query_one("#v-said", Input).focus()

    def _show(self) -> None:
        language = interface_language()
        decision = decide_child(self.pinned.document, self.household, self.case, language)
        outcome = decision.outcome
        text = (f"{self.child}: " + render(outcome.title, language) if outcome else
                _("{child}: not decided yet").format(child=self.child))
        if decision.agreement is Agreement.CHAIR_DECIDES:
            text += " · " + _("views differ: the chair decides")
        elif decision.agreement is Agreement.CONSENSUS:
            text += " · " + _("consensus")
        flags = "\n".join(f"⚠ {flag}" for flag in decision.flags)
        self.query_one("#child-decision", Static).update(text + ("\n" + flags if flags else ""))
        lines = []
        for n, v in enumerate(self.case.views, 1):
            view = _("register") if v.view is View.REGISTER else _("do not register")
            if v.categories:
                view += " (" + ", ".join(_(CATEGORY_WORDS[c]) for c in v.categories) + ")"
            lines.append(f"{n}. {v.agency}: {view} — {v.reason}")
        self.query_one("#views-list", Static).update(
            "\n".join(lines) or _("No view recorded yet."))

    def _update(self, case: ChildCase) -> None:
        if case == self.case:
            return
        self.household = with_child(self.household, case)
        self.post_message(HouseholdChanged(self.household, self.child))
        self._show()

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _age(self) -> int | None:
        """The age typed, or the age kept while what is typed is not yet an age."""
        text = self._text("c-age").strip()
        if not text:
            return None
        if text.isdigit() and 0 <= int(text) <= 25:
            return int(text)
        return self.case.age

    def _collect(self) -> ChildCase | None:
        alone = self.query_one("#v-seen_alone", Select).value
        try:
            voice = ChildVoice(
                said=self._text("v-said"), seen_how=self._text("v-seen_how"),
                wishes=self._text("v-wishes"),
                seen_alone={"yes": True, "no": False}.get(str(alone)),
                withhold_from_family=self.query_one("#v-withhold", Select).value == "withhold")
            plan = ChildPlan(
                what_must_change=self._text("p-what_must_change"),
                safety_plan=self._text("p-safety_plan"),
                contingency_plan=self._text("p-contingency_plan"),
                core_group=[p.strip() for p in self._text("p-core_group").split(",")
                            if p.strip()])
            return self.case.model_copy(update={
                "voice": voice, "plan": plan, "age": self._age(),
                "chair_reason": self._text("c-chair_reason")})
        except ValidationError:
            self.notify(_("That is too long to keep."), severity="warning")
            return None

    @on(Input.Changed)
    @on(Select.Changed)
    def _edited(self, event: Input.Changed | Select.Changed) -> None:
        if not self.is_mounted or (event.control.id or "").startswith("a-"):
            return  # the agency form is taken only when its view is added
        case = self._collect()
        if case is not None:
            self._update(case)

    @on(Input.Submitted, "#a-reason")
    @on(Button.Pressed, "#add-view")
    def action_add_view(self) -> None:
        agency = self._text("a-agency").strip()
        reason = self._text("a-reason").strip()
        if not agency or not reason:
            self.notify(_("Give the agency and its reason, with the evidence."),
                        severity="warning")
            return
        register = self.query_one("#a-view", Select).value == View.REGISTER.value
        ticked = self.query_one("#a-categories", TickList).ticked
        try:
            view = AgencyView(agency=agency, reason=reason,
                              view=View.REGISTER if register else View.DO_NOT_REGISTER,
                              categories=[Category(c) for c in ticked] if register else [])
        except ValidationError:
            self.notify(_("That is too long to keep."), severity="warning")
            return
        self._update(self.case.model_copy(update={"views": [*self.case.views, view]}))
        self.query_one("#a-agency", Input).value = ""
        self.query_one("#a-reason", Input).value = ""
        self.query_one("#a-categories", TickList).set_ticked([])
        self.query_one("#a-agency", Input).focus()

    @on(Button.Pressed, "#remove-view")
    def _remove_view(self) -> None:
        if self.case.views:
            self._update(self.case.model_copy(update={"views": self.case.views[:-1]}))

    def flush_household(self) -> Household:
        case = self._collect()
        return with_child(self.household, case) if case is not None else self.household

    def action_back(self) -> None:
        self.dismiss()


def _field(label: str, widget_id: str, value: str, hint: str) -> ComposeResult:
    with Horizontal(classes="household-field"):
        yield Label(label, classes="household-label")
        yield Input(value, placeholder=hint, id=widget_id, compact=True)
