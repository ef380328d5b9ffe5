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
from threshold_guide.household.editing import with_child
from threshold_guide.household.walk import Pinned
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

SEEN_ALONE: list[tuple[str, str]] = [("Not recorded", "unknown"), ("Yes", "yes"), ("No", "no")]
SHARING: list[tuple[str, str]] = [
    ("May be shared with the family", "share"),
    ("Do NOT share what the child said with the family", "withhold"),
]
VIEWS: list[tuple[str, str]] = [("Register", View.REGISTER.value),
                                ("Do not register", View.DO_NOT_REGISTER.value)]


class ChildDetailsScreen(BaseScreen):
    HELP_TITLE = "A child at the conference"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "add_view", "Add view", tooltip="Add the agency's view typed below"),
        Binding("escape", "back", "Back", tooltip="Back to the household view (all is saved)"),
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
            yield Static(f"{self.child}'s own voice", classes="section-title")
            yield from _field("Said", "v-said", voice.said, "what the child said, in their words")
            yield from _field("Seen how", "v-seen_how", voice.seen_how,
                              "how, where and by whom seen (or observed)")
            with Horizontal(classes="household-field"):
                yield Label("Seen alone", classes="household-label")
                yield Select(SEEN_ALONE, value=alone, allow_blank=False, id="v-seen_alone",
                             compact=True)
            yield from _field("Wishes", "v-wishes", voice.wishes,
                              "what the child wishes for, what worries them")
            with Horizontal(classes="household-field"):
                yield Label("Family", classes="household-label")
                yield Select(SHARING, value="withhold" if voice.withhold_from_family
                             else "share", allow_blank=False, id="v-withhold", compact=True)
            yield Static("Each agency's view on registration", classes="section-title")
            yield Static(id="views-list", markup=False)
            yield from _field("Agency", "a-agency", "", "e.g. school, health visitor, police")
            with Horizontal(classes="household-field"):
                yield Label("View", classes="household-label")
                yield Select(VIEWS, value=View.REGISTER.value, allow_blank=False, id="a-view",
                             compact=True)
            yield TickList([(c.value, CATEGORY_LABELS[c]) for c in Category],
                           id="a-categories")
            yield from _field("Reason", "a-reason", "", "why, with the evidence relied on")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add view (F2)", id="add-view", compact=True)
                yield Button("Remove last view", id="remove-view", compact=True)
            yield from _field("Chair", "c-chair_reason", case.chair_reason,
                              "where views differ: the chair's reason")
            yield Static(f"The plan (in {self.child}'s terms)", classes="section-title")
            yield from _field("Must change", "p-what_must_change", plan.what_must_change,
                              "what needs to change for the child")
            yield from _field("Safety", "p-safety_plan", plan.safety_plan,
                              "how the child is kept safe now")
            yield from _field("Contingency", "p-contingency_plan", plan.contingency_plan,
                              "if progress is not kept up")
            yield from _field("Core group", "p-core_group", ", ".join(plan.core_group),
                              "roles, separated by commas")

    def on_mount(self) -> None:
        self.sub_title = f"Conference · {self.household.reference or 'no reference'} · {self.child}"
        self._show()
        self.query_one("#v-said", Input).focus()

    def _show(self) -> None:
        decision = decide_child(self.pinned.document, self.household, self.case)
        outcome = decision.outcome
        text = f"{self.child}: " + (render(outcome.title) if outcome else "not decided yet")
        if decision.agreement is Agreement.CHAIR_DECIDES:
            text += " · views differ: the chair decides"
        elif decision.agreement is Agreement.CONSENSUS:
            text += " · consensus"
        flags = "\n".join(f"⚠ {flag}" for flag in decision.flags)
        self.query_one("#child-decision", Static).update(text + ("\n" + flags if flags else ""))
        views = self.case.views
        self.query_one("#views-list", Static).update("\n".join(
            f"{n}. {v.agency}: {'register' if v.view is View.REGISTER else 'do not register'}"
            + (f" ({', '.join(c.value for c in v.categories)})" if v.categories else "")
            + f" — {v.reason}" for n, v in enumerate(views, 1)) or "No view recorded yet.")

    def _update(self, case: ChildCase) -> None:
        if case == self.case:
            return
        self.household = with_child(self.household, case)
        self.post_message(HouseholdChanged(self.household, self.child))
        self._show()

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

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
                "voice": voice, "plan": plan,
                "chair_reason": self._text("c-chair_reason")})
        except ValidationError:
            self.notify("That is too long to keep.", severity="warning")
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
            self.notify("Give the agency and its reason, with the evidence.",
                        severity="warning")
            return
        register = self.query_one("#a-view", Select).value == View.REGISTER.value
        ticked = self.query_one("#a-categories", TickList).ticked
        try:
            view = AgencyView(agency=agency, reason=reason,
                              view=View.REGISTER if register else View.DO_NOT_REGISTER,
                              categories=[Category(c) for c in ticked] if register else [])
        except ValidationError:
            self.notify("That is too long to keep.", severity="warning")
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
