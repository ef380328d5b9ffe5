"""Hypothesis strategies for threshold documents, with an independent oracle.

``doc_plans()`` draws a random VALID document as plain data together with a
:class:`DocPlan`: the graph the generator built, written down independently of the engine
(its own routing, its own route-condition evaluation, brute-forced checklist selections).
Properties compare the engine and the validator against that plan.

``invalid_cases()`` draws inputs that must be rejected: mutations of valid documents and
byte-level garbage.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from hypothesis import strategies as st
from pydantic import BaseModel

from threshold_guide.models.document import ThresholdDocument

Data = dict[str, Any]
Selection = str | list[str]
Path_ = tuple[str | int, ...]

# ---------------------------------------------------------------------------------------
# Leaves: ids and text
# ---------------------------------------------------------------------------------------

# Ids that YAML 1.1 would read as something other than text unless the writer quotes them.
TRICKY_IDS = [
    "yes", "no", "on", "off", "true", "false", "null", "y", "n", "1", "1.0", "0x1f",
    "1_000", "2025-01-01", "0o7", "1e3", "nan", "inf",
]

ids: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(TRICKY_IDS),
    st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,9}", fullmatch=True),
)

# No word here (nor any combination) says "do not report": E502 must never fire on them.
WORDS = [
    "child", "bruise", "school", "home", "adult", "worry", "parent", "seen", "said",
    "hungry", "safe", "record", "advice", "today", "Cymru", "plentyn", "diogel", "ŵyr",
    "*bold*", "`code`", "<b>", "[link](x)", "# heading", "- item", "1.", "&amp;", "|", "\\",
]

words_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)

# Text that YAML, JSON or Markdown treat specially; one draw each, so documents stay cheap.
CURATED_TEXTS = (
    "", " ", "yes", "no", "null", "~", "1.0", "0o17", "2025-02-30", "- item", "key: value",
    "# not a comment", "&anchor", "*alias", "!tag", "|", ">", "'quoted'", '"double"', "%",
    "@", "`", "{a: b}", "[1, 2]", "---", "...", "multi\nline\n", "trailing space ", "\tx",
    "x\x85y", "a\u2028b", "p\u2029", "emoji \U0001F600", "Cymraeg: ŵ ŷ â", "<b>bold</b>",
    "**md** _em_", "[link](http://x.test)", "a" * 300, "\\", "\ufeffbom", "\x00nul",
    "\x07bell", "עברית", "line\r\nbreak", "  leading", "\x7fdel", "\ud7ff\ue000\ufffd",
)


def plain_texts() -> st.SearchStrategy[str]:
    curated = st.sampled_from(CURATED_TEXTS)
    return st.one_of(
        curated, curated, words_text,
        st.text(st.characters(codec="utf-8"), max_size=20),
    )


def texts() -> st.SearchStrategy[str | dict[str, str]]:
    plain = plain_texts()
    translated = st.dictionaries(
        st.sampled_from(["en", "cy", "pl", "en-GB"]), plain, min_size=1, max_size=3
    )
    return st.one_of(plain, plain, plain, translated)


TEXTS = texts()

versions = st.tuples(
    st.integers(0, 12), st.integers(0, 12), st.integers(0, 40)
).map(lambda v: f"{v[0]}.{v[1]}.{v[2]}")
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
EVIDENCE = ["observed", "disclosed", "reported", "opinion"]
DECISIONS = ["duty-to-report", "s47-enquiry", "registration", "level-of-need"]


# ---------------------------------------------------------------------------------------
# The plan: the generator's own record of the graph (the oracle)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    """A multiple-choice route's conditions, evaluated by the oracle, not by the engine."""

    if_any: tuple[str, ...] = ()
    if_all: tuple[str, ...] = ()
    min_selected: int | None = None

    def holds(self, selected: frozenset[str]) -> bool:
        return (
            (not self.if_any or any(a in selected for a in self.if_any))
            and all(a in selected for a in self.if_all)
            and (self.min_selected is None or len(selected) >= self.min_selected)
        )


@dataclass
class Exit:
    """One way forward from a question: a single-choice answer or a takable route."""

    kind: str  # "next" or "outcome"
    ref: str
    answer: str | None = None  # single choice: the answer id
    condition: Condition | None = None  # multiple choice: the route's conditions
    selections: tuple[tuple[str, ...], ...] = ()  # multiple choice: every set taking it


@dataclass
class QPlan:
    id: str
    multiple: bool
    answers: list[str]
    exits: list[Exit] = field(default_factory=list)
    orphan: bool = False


@dataclass
class DocPlan:
    data: Data
    start: str
    questions: dict[str, QPlan]
    levels: dict[str, int]  # every outcome in the document -> level
    duty: bool
    reachable_questions: set[str]
    reachable_outcomes: set[str]

    def edges(self) -> dict[str, set[str]]:
        return {
            q.id: {e.ref for e in q.exits if e.kind == "next"} for q in self.questions.values()
        }

    # -- oracle routing -----------------------------------------------------------------

    def exit_for(self, question_id: str, selection: Selection) -> Exit:
        question = self.questions[question_id]
        if not question.multiple:
            return next(e for e in question.exits if e.answer == selection)
        chosen = frozenset([selection] if isinstance(selection, str) else selection)
        return next(e for e in question.exits if e.condition and e.condition.holds(chosen))

    def walk(
        self, answers: Mapping[str, Selection]
    ) -> tuple[list[str], str | None, str | None]:
        """(questions on the route, outcome reached or None, pending question or None)."""
        path: list[str] = []
        current = self.start
        while True:
            if current not in answers:
                return path, None, current
            path.append(current)
            chosen = self.exit_for(current, answers[current])
            if chosen.kind == "outcome":
                return path, chosen.ref, None
            current = chosen.ref

    def outcomes_below(self, question_id: str) -> set[str]:
        found: set[str] = set()
        stack, seen = [question_id], {question_id}
        while stack:
            for item in self.questions[stack.pop()].exits:
                if item.kind == "outcome":
                    found.add(item.ref)
                elif item.ref not in seen:
                    seen.add(item.ref)
                    stack.append(item.ref)
        return found

    def route_count(self, question_id: str | None = None) -> int:
        memo: dict[str, int] = {}

        def count(qid: str) -> int:
            if qid not in memo:
                memo[qid] = sum(
                    1 if e.kind == "outcome" else count(e.ref) for e in self.questions[qid].exits
                )
            return memo[qid]

        return count(question_id or self.start)

    def exit_paths(self) -> Iterator[tuple[tuple[tuple[str, int], ...], str]]:
        """Every route as ((question, exit index), ...) and its outcome."""
        stack: list[tuple[str, tuple[tuple[str, int], ...]]] = [(self.start, ())]
        while stack:
            qid, prefix = stack.pop()
            for index, item in enumerate(self.questions[qid].exits):
                here = (*prefix, (qid, index))
                if item.kind == "outcome":
                    yield here, item.ref
                else:
                    stack.append((item.ref, here))

    def selection_for(self, question_id: str, index: int, pick: int) -> Selection:
        item = self.questions[question_id].exits[index]
        if item.answer is not None:
            return item.answer
        return list(item.selections[pick % len(item.selections)])


def all_subsets(items: Sequence[str]) -> Iterator[tuple[str, ...]]:
    for size in range(len(items) + 1):
        yield from itertools.combinations(items, size)


# ---------------------------------------------------------------------------------------
# Valid documents
# ---------------------------------------------------------------------------------------


def _maybe(draw: st.DrawFn, data: Data, key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        data[key] = draw(strategy)


def _pick(draw: st.DrawFn, items: Sequence[str]) -> str:
    return items[draw(st.integers(0, len(items) - 1))]


def _subset(draw: st.DrawFn, items: Sequence[str], *, min_size: int = 0) -> list[str]:
    """Some of ``items`` in their order (one draw; shrinks towards none of them)."""
    if not items:
        return []
    mask = draw(st.integers(0, 2 ** len(items) - 1))
    chosen = [item for bit, item in enumerate(items) if mask >> bit & 1]
    return chosen or list(items[:min_size])


def _fresh(draw: st.DrawFn, taken: set[str]) -> str:
    value = draw(ids)
    while value in taken:
        value += "x"
    taken.add(value)
    return value


def _fresh_list(draw: st.DrawFn, size: int) -> list[str]:
    taken: set[str] = set()
    return [_fresh(draw, taken) for _ in range(size)]


def _multiple_structure(
    draw: st.DrawFn, answers: list[str]
) -> list[tuple[Condition, tuple[tuple[str, ...], ...]]]:
    """Routes whose every rule can be taken (brute-forced), the last unconditional."""
    conditions: list[Condition] = []
    for _ in range(draw(st.integers(0, 4))):
        if_any = tuple(_subset(draw, answers))
        if_all = tuple(_subset(draw, answers))
        min_selected = draw(st.none() | st.integers(1, len(answers) + 1))
        if not if_any and not if_all and min_selected is None:
            min_selected = 1
        conditions.append(Condition(if_any, if_all, min_selected))
    conditions.append(Condition())
    taken: dict[int, list[tuple[str, ...]]] = {}
    for subset in all_subsets(answers):
        chosen = frozenset(subset)
        first = next(i for i, c in enumerate(conditions) if c.holds(chosen))
        taken.setdefault(first, []).append(subset)
    # A rule that no selection takes is dropped: dropping it changes no other rule's reach.
    return [(c, tuple(taken[i])) for i, c in enumerate(conditions) if i in taken]


@st.composite
def doc_plans(
    draw: st.DrawFn,
    *,
    max_questions: int = 6,
    orphans: bool = True,
    decision: str | None = None,
    checklist: bool = False,
) -> DocPlan:
    """A valid document and its plan. ``checklist``: the last question is multiple-choice."""
    text = TEXTS
    decision = decision or draw(st.sampled_from(DECISIONS))
    duty = decision == "duty-to-report"
    n = draw(st.integers(2 if duty and checklist else 1, max_questions))
    question_ids: set[str] = set()
    qids = [_fresh(draw, question_ids) for _ in range(n)]
    outcome_ids: set[str] = set()
    pool = [_fresh(draw, outcome_ids) for _ in range(draw(st.integers(2, 5)))]

    source_ids = _fresh_list(draw, draw(st.integers(1, 3)))
    definition_ids = _fresh_list(draw, draw(st.integers(0, 3)))

    # Pass 1: each question's type, answers and takable exits (targets assigned below).
    plans: list[QPlan] = []
    for i, qid in enumerate(qids):
        gate = duty and i == 0
        multiple = not gate and ((checklist and i == n - 1) or draw(st.booleans()))
        if multiple:
            size = draw(st.one_of(st.integers(1, 5), st.integers(6, 10)))
            answers = _fresh_list(draw, size)
            plan = QPlan(qid, True, answers)
            for condition, selections in _multiple_structure(draw, answers):
                plan.exits.append(Exit("", "", condition=condition, selections=selections))
        else:
            if gate:
                first = draw(st.sampled_from([("yes", "no"), ("danger", "safe"), ("1", "0")]))
                answers = list(dict.fromkeys([*first, *_fresh_list(draw, draw(st.integers(0, 2)))]))
            else:
                answers = _fresh_list(draw, draw(st.integers(1, 4)))
            plan = QPlan(qid, False, answers)
            plan.exits = [Exit("", "", answer=a) for a in answers]
        plans.append(plan)

    # Pass 2: targets. Question i+1 is always reached from some question <= i, so every
    # question is reachable; the last question leads only to outcomes: the graph is a DAG.
    if duty:
        plans[0].exits[0].kind, plans[0].exits[0].ref = "outcome", pool[0]
    reached = {qids[0]}
    for i, plan in enumerate(plans):
        free = [e for e in plan.exits if not e.kind]
        if i + 1 < n and qids[i + 1] not in reached:
            must = free[draw(st.integers(0, len(free) - 1))]
            must.kind, must.ref = "next", qids[i + 1]
            free.remove(must)
        later = qids[i + 1 :]
        for item in free:
            if bool(later) and draw(st.booleans()):
                item.kind, item.ref = "next", _pick(draw, later)
            else:
                item.kind, item.ref = "outcome", _pick(draw, pool)
        reached.update(e.ref for e in plan.exits if e.kind == "next")
    reachable_outcomes = {e.ref for p in plans for e in p.exits if e.kind == "outcome"}

    # Optional unreachable parts: questions nothing routes to, outcomes only they reach.
    extra_outcomes: list[str] = []
    if orphans and draw(st.integers(0, 3)) == 0:
        orphan_ids = [_fresh(draw, question_ids) for _ in range(draw(st.integers(1, 2)))]
        extra_outcomes = [_fresh(draw, outcome_ids) for _ in range(draw(st.integers(0, 2)))]
        for k, oid in enumerate(orphan_ids):
            answers = _fresh_list(draw, draw(st.integers(1, 2)))
            plan = QPlan(oid, False, answers, orphan=True)
            targets = [("next", q) for q in qids + orphan_ids[k + 1 :]] + [
                ("outcome", o) for o in pool + extra_outcomes
            ]
            for answer in answers:
                kind, ref = targets[draw(st.integers(0, len(targets) - 1))]
                plan.exits.append(Exit(kind, ref, answer=answer))
            plans.append(plan)
        if draw(st.booleans()):
            extra_outcomes.append(_fresh(draw, outcome_ids))  # routed to by nothing at all

    used = {e.ref for p in plans for e in p.exits if e.kind == "outcome"}
    outcome_list = [o for o in pool if o in used] + [
        o for o in extra_outcomes if o in used or o == extra_outcomes[-1]
    ]
    outcome_list = list(dict.fromkeys(outcome_list))
    emergency = pool[0] if duty else _pick(draw, sorted(reachable_outcomes))

    # Build the data.
    sources = [
        {"id": s, "title": draw(text), **({"section": draw(text)} if draw(st.booleans()) else {})}
        for s in source_ids
    ]
    for source in sources:
        _maybe(draw, source, "url", st.sampled_from(["https://example.org/a", "https://x.test"]))
        _maybe(draw, source, "note", text)
    definitions = []
    for d in definition_ids:
        entry: Data = {"id": d, "term": draw(text), "text": draw(text)}
        if draw(st.booleans()):
            entry["sources"] = _subset(draw, source_ids)
        definitions.append(entry)

    levels: dict[str, int] = {}
    outcomes = []
    for oid in outcome_list:
        levels[oid] = draw(st.integers(0, 100))
        outcome: Data = {
            "id": oid, "title": draw(text), "level": levels[oid],
            "test_met": draw(st.booleans()),
        }
        if oid == emergency or draw(st.integers(0, 4)) == 0:
            outcome["emergency"] = oid == emergency or draw(st.booleans())
        for key in ("do_now", "timescale", "contact", "rationale"):
            outcome[key] = draw(text)
        outcomes.append(outcome)

    questions = []
    for i, plan in enumerate(plans):
        q: Data = {"id": plan.id, "prompt": draw(text)}
        if plan.multiple:
            q["type"] = "multiple"
        elif draw(st.integers(0, 3)) == 0:
            q["type"] = "single"
        if duty and i == 0:
            q["gate"] = "immediate-danger"
        _maybe(draw, q, "help", text)
        _maybe(draw, q, "why", text)
        if draw(st.booleans()):
            q["sources"] = _subset(draw, source_ids)
        if draw(st.booleans()):
            q["definitions"] = _subset(draw, definition_ids)
        if draw(st.booleans()):
            note: Data = {"prompt": draw(text)}
            _maybe(draw, note, "required", st.booleans())
            if draw(st.booleans()):
                note["evidence"] = _subset(draw, EVIDENCE, min_size=1)
            q["note"] = note
        answer_list = []
        for answer in plan.answers:
            a: Data = {"id": answer, "label": draw(text), "rationale": draw(text)}
            _maybe(draw, a, "signal", st.sampled_from(["concern", "strength", "neutral"]))
            if not plan.multiple:
                item = next(e for e in plan.exits if e.answer == answer)
                a[item.kind] = item.ref
            answer_list.append(a)
        q["answers"] = answer_list
        if plan.multiple:
            routes = []
            for item in plan.exits:
                assert item.condition is not None
                route: Data = {}
                if item.condition.if_any:
                    route["if_any"] = list(item.condition.if_any)
                if item.condition.if_all:
                    route["if_all"] = list(item.condition.if_all)
                if item.condition.min_selected is not None:
                    route["min_selected"] = item.condition.min_selected
                route[item.kind] = item.ref
                _maybe(draw, route, "rationale", text)
                routes.append(route)
            q["routes"] = routes
        questions.append(q)

    version = draw(versions)
    changelog = [
        {"version": v, "date": draw(dates), "changes": draw(st.lists(text, min_size=1, max_size=2))}
        for v in dict.fromkeys([version, *draw(st.lists(versions, max_size=2))])
    ]
    changelog = draw(st.permutations(changelog))
    data: Data = {}
    if draw(st.booleans()):
        data["format"] = 1
    data.update(
        {
            "id": draw(ids), "version": version, "title": draw(text),
            "status": draw(st.sampled_from(["draft", "published", "withdrawn"])),
            "effective_from": draw(dates), "publisher": draw(text),
            "jurisdiction": draw(text), "decision": decision, "about": draw(text),
            "legal_test": {
                "text": draw(text), "who_decides": draw(text),
                "sources": _subset(draw, source_ids, min_size=1),
            },
            "changelog": list(changelog), "sources": sources,
        }
    )
    if bool(definitions) or draw(st.booleans()):
        data["definitions"] = definitions
    for kind in ("child_voice", "strengths"):
        prompts = _fresh_list(draw, draw(st.integers(0, 2)))
        if bool(prompts) or draw(st.booleans()):
            data[kind] = [{"id": p, "prompt": draw(text)} for p in prompts]
            for item in data[kind]:
                _maybe(draw, item, "help", text)
    data["start"] = qids[0]
    # The order of questions and outcomes in the file carries no meaning: shuffle it.
    data["questions"] = list(draw(st.permutations(questions)))
    data["outcomes"] = list(draw(st.permutations(outcomes)))

    return DocPlan(
        data=data,
        start=qids[0],
        questions={p.id: p for p in plans},
        levels=levels,
        duty=duty,
        reachable_questions=set(qids),
        reachable_outcomes=reachable_outcomes,
    )


@st.composite
def answer_paths(draw: st.DrawFn, plan: DocPlan) -> tuple[dict[str, Selection], list[str], str]:
    """A random complete walk: (answers, questions on the route, outcome reached)."""
    answers: dict[str, Selection] = {}
    path: list[str] = []
    current = plan.start
    while True:
        path.append(current)
        question = plan.questions[current]
        index = draw(st.integers(0, len(question.exits) - 1))
        item = question.exits[index]
        answers[current] = plan.selection_for(current, index, draw(st.integers(0, 1023)))
        if item.kind == "outcome":
            return answers, path, item.ref
        current = item.ref


# ---------------------------------------------------------------------------------------
# Writing documents
# ---------------------------------------------------------------------------------------


@st.composite
def yaml_styles(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "allow_unicode": draw(st.booleans()),
        "default_flow_style": draw(st.sampled_from([False, None])),
        "width": draw(st.sampled_from([40, 80, 1000])),
        "indent": draw(st.sampled_from([2, 4])),
    }


def to_yaml(data: Any, style: Mapping[str, Any] | None = None) -> str:
    # libyaml's emitter: PyYAML's pure-Python one writes U+0085 (NEL) unescaped inside
    # quoted scalars, where every YAML reader then folds it into a space.
    options: dict[str, Any] = {"sort_keys": False, "allow_unicode": True}
    options.update(style or {})
    return str(yaml.dump(data, Dumper=yaml.CSafeDumper, **options))


def to_json(data: Any, *, ensure_ascii: bool = False) -> str:
    return json.dumps(data, default=str, ensure_ascii=ensure_ascii, indent=1)


# ---------------------------------------------------------------------------------------
# Walking data alongside the models (for mutations)
# ---------------------------------------------------------------------------------------


def _unwrap(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(model inside the annotation, whether it sits in a list)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin is list:
        inner, _ = _unwrap(typing.get_args(annotation)[0])
        return inner, True
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner, in_list = _unwrap(arg)
            if inner is not None:
                return inner, in_list
        return None, False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def model_nodes(
    data: Any, model: type[BaseModel] = ThresholdDocument, path: Path_ = ()
) -> Iterator[tuple[Path_, type[BaseModel], Data]]:
    """Every mapping in the data that a model validates, with its path and model."""
    if not isinstance(data, dict):
        return
    yield path, model, data
    for name, value in data.items():
        info = model.model_fields.get(name)
        if info is None:
            continue
        inner, in_list = _unwrap(info.annotation)
        if inner is None:
            continue
        if in_list and isinstance(value, list):
            for index, item in enumerate(value):
                yield from model_nodes(item, inner, (*path, name, index))
        elif not in_list:
            yield from model_nodes(value, inner, (*path, name))


def value_paths(data: Any, path: Path_ = ()) -> Iterator[Path_]:
    """Every value below the root, depth first."""
    items: Any = data.items() if isinstance(data, dict) else (
        enumerate(data) if isinstance(data, list) else ()
    )
    for key, value in items:
        here = (*path, key)
        yield here
        yield from value_paths(value, here)


def get_at(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def set_at(data: Any, path: Path_, value: Any) -> None:
    get_at(data, path[:-1])[path[-1]] = value


# ---------------------------------------------------------------------------------------
# Invalid inputs
# ---------------------------------------------------------------------------------------


TEST_MAX_NODES = 20_000
"""The alias budget the invalid-input tests patch in, so that bombs are refused quickly."""


@dataclass
class Cycle:
    """A loop made by routing question ``source`` back to ``target``."""

    source: str
    target: str
    edges: dict[str, set[str]]  # the mutated graph
    unique_loop: list[str] | None  # the loop's questions, when only one loop exists


@dataclass
class InvalidCase:
    kind: str
    content: bytes
    expect: frozenset[str] = frozenset()  # at least one of these codes must be reported
    cycle: Cycle | None = None
    hint: str | None = None  # text the matching diagnostic's hint must contain
    suffix: str = ".yaml"


def _question_dict(data: Data, qid: str) -> Data:
    return next(q for q in data["questions"] if q["id"] == qid)


def _exit_dict(data: Data, plan: DocPlan, qid: str, index: int) -> Data:
    question = _question_dict(data, qid)
    item = plan.questions[qid].exits[index]
    if item.answer is not None:
        return next(a for a in question["answers"] if a["id"] == item.answer)
    return question["routes"][index]  # type: ignore[no-any-return]


def _near_miss(name: str, taken: set[str]) -> tuple[str, bool]:
    """An id close to ``name`` that is not taken, and whether it is one character off."""
    candidate = name + "z"
    while candidate in taken:
        candidate += "z"
    return candidate, candidate == name + "z"


MUTATIONS = ("delete", "wrong-type", "unknown", "duplicate", "dangling", "cycle", "gate")


REFERENCES = ("E302", "E303", "E304", "E305", "E306")
"""The codes for references to something missing, one per kind of thing."""


@st.composite
def mutated_documents(
    draw: st.DrawFn, kinds: Sequence[str] = MUTATIONS, reference: str | None = None
) -> InvalidCase:
    """A valid document with one thing broken, and the code that must be reported.

    ``reference``: for "dangling", which kind of reference to break (default: any).
    """
    kind = draw(st.sampled_from(tuple(kinds)))
    decision = "duty-to-report" if kind == "gate" else None
    plan = draw(doc_plans(max_questions=5, orphans=False, decision=decision,
                          checklist=reference == "E306"))
    data = copy.deepcopy(plan.data)
    case = InvalidCase(kind, b"")
    nodes = list(model_nodes(data))

    if kind == "delete":
        options = [
            (path, name)
            for path, model, node in nodes
            for name, info in model.model_fields.items()
            if info.is_required() and name in node
        ]
        path, name = draw(st.sampled_from(options))
        del get_at(data, path)[name]
        case.expect = frozenset({"E201"})
    elif kind == "wrong-type":
        path = draw(st.sampled_from(list(value_paths(data))))
        # Not text, not a number, not a mapping: wrong for every field of the format.
        set_at(data, path, [[]])
        case.expect = frozenset({"E203"})
    elif kind == "unknown":
        path, model, node = draw(st.sampled_from(nodes))
        name = draw(st.sampled_from(sorted(model.model_fields)))
        typo = draw(st.sampled_from([name + "s", name[:-1] + "x" + name[-1], "zz_extra"]))
        if typo in model.model_fields:
            typo = "zz_extra"
        node[typo] = draw(st.sampled_from(["x", 1, [], {}]))
        case.expect = frozenset({"E202"})
        if typo != "zz_extra":
            case.hint = "did you mean"
    elif kind == "duplicate":
        lists: list[list[Data]] = [
            data[k] for k in ("questions", "outcomes", "sources", "definitions",
                              "child_voice", "strengths")
            if len(data.get(k, [])) >= 2
        ] + [q["answers"] for q in data["questions"] if len(q["answers"]) >= 2]
        if not lists:
            # A document can be that small; duplicating the only source is as good.
            data["sources"].append(dict(data["sources"][0]))
            lists = [data["sources"]]
        items = draw(st.sampled_from(lists))
        first, second = draw(st.lists(st.integers(0, len(items) - 1), min_size=2,
                                      max_size=2, unique=True))
        items[second]["id"] = items[first]["id"]
        case.expect = frozenset({"E301"})
    elif kind == "dangling":
        if reference == "E305" and not any(q.get("definitions") for q in data["questions"]):
            definitions = data.setdefault("definitions", [])
            if not definitions:
                definitions.append({"id": "harm", "term": "Harm", "text": "Ill-treatment."})
            data["questions"][0]["definitions"] = [definitions[0]["id"]]
        if reference == "E306":
            checklist = next(q for q in data["questions"] if q.get("type") == "multiple")
            if not any(r.get("if_any") or r.get("if_all") for r in checklist["routes"]):
                otherwise = checklist["routes"][-1]  # no answer named anywhere: name one
                leads_to = {k: v for k, v in otherwise.items() if k in ("next", "outcome")}
                condition = {"if_any": [checklist["answers"][0]["id"]]}
                checklist["routes"].insert(0, {**condition, **leads_to})
        qids = {q["id"] for q in data["questions"]}
        oids = {o["id"] for o in data["outcomes"]}
        sids = {s["id"] for s in data["sources"]}
        dids = {d["id"] for d in data.get("definitions", [])}
        slots: list[tuple[Path_, set[str], str]] = [(("start",), qids, "E302")]
        slots += [(("legal_test", "sources", i), sids, "E304")
                  for i in range(len(data["legal_test"]["sources"]))]
        for di, item in enumerate(data.get("definitions", [])):
            slots += [(("definitions", di, "sources", i), sids, "E304")
                      for i in range(len(item.get("sources", [])))]
        for qi, q in enumerate(data["questions"]):
            base: Path_ = ("questions", qi)
            slots += [((*base, "sources", i), sids, "E304")
                      for i in range(len(q.get("sources", [])))]
            slots += [((*base, "definitions", i), dids, "E305")
                      for i in range(len(q.get("definitions", [])))]
            answer_ids = {a["id"] for a in q["answers"]}
            for ai, a in enumerate(q["answers"]):
                for key, known, code in (("next", qids, "E302"), ("outcome", oids, "E303")):
                    if key in a:
                        slots.append(((*base, "answers", ai, key), known, code))
            for ri, r in enumerate(q.get("routes", [])):
                for key, known, code in (("next", qids, "E302"), ("outcome", oids, "E303")):
                    if key in r:
                        slots.append(((*base, "routes", ri, key), known, code))
                for key in ("if_any", "if_all"):
                    slots += [((*base, "routes", ri, key, i), answer_ids, "E306")
                              for i in range(len(r.get(key, [])))]
        # The kind of reference first, so that rare ones (route conditions) get their share.
        code = reference or draw(st.sampled_from(sorted({code for _, _, code in slots})))
        path, known, code = draw(st.sampled_from([slot for slot in slots if slot[2] == code]))
        missing, close = _near_miss(get_at(data, path), known)
        set_at(data, path, missing)
        case.expect = frozenset({code})
        if close and code != "E306":
            case.hint = "did you mean"
    elif kind == "cycle":
        edges = plan.edges()
        source = draw(st.sampled_from(sorted(plan.questions)))
        ancestors = {source}
        changed = True
        while changed:
            changed = False
            for qid, children in edges.items():
                if qid not in ancestors and children & ancestors:
                    ancestors.add(qid)
                    changed = True
        target = draw(st.sampled_from(sorted(ancestors)))
        index = draw(st.integers(0, len(plan.questions[source].exits) - 1))
        item = _exit_dict(data, plan, source, index)
        item.pop("outcome", None)
        item["next"] = target
        mutated = {
            q.id: {
                target if (q.id == source and i == index) else e.ref
                for i, e in enumerate(q.exits)
                if e.kind == "next" or (q.id == source and i == index)
            }
            for q in plan.questions.values()
        }
        case.cycle = Cycle(source, target, mutated, _unique_loop(mutated, target, source))
        case.expect = frozenset({"E401"})
    else:  # gate
        variant = draw(st.sampled_from(["no-gate", "other-start", "no-emergency"]))
        start = _question_dict(data, plan.start)
        if variant == "other-start" and len(data["questions"]) > 1:
            data["start"] = next(q["id"] for q in data["questions"] if q["id"] != plan.start)
        elif variant == "no-emergency":
            for outcome in data["outcomes"]:
                outcome["emergency"] = False
        else:
            del start["gate"]
        case.expect = frozenset({"E403"})

    style = draw(yaml_styles())
    case.content = to_yaml(data, style).encode("utf-8")
    return case


def _unique_loop(edges: dict[str, set[str]], target: str, source: str) -> list[str] | None:
    """The questions of the only path target -> ... -> source, if there is exactly one.

    Every loop of the mutated graph runs through the new edge source -> target, so when
    the path back is unique, so is the loop.
    """
    if source == target:
        return [target]
    without = {k: (v - {target} if k == source else v) for k, v in edges.items()}
    paths: list[list[str]] = []
    stack = [[target]]
    while stack and len(paths) < 2:
        path = stack.pop()
        for child in without.get(path[-1], ()):
            if child == source:
                paths.append([*path, child])
            elif child not in path:
                stack.append([*path, child])
    return paths[0] if len(paths) == 1 else None


# YAML fragments for garbage: syntax, anchors, tags (including scalar tags that cannot
# convert what follows them, empty ones included), dates that are not dates.
FRAGMENTS = [
    ":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "*b", "&b ", "!!python/object ",
    "!foo ", "\t", "'", '"', "\n", "  ", "key", "id", "questions", "%YAML 1.1\n", "---\n",
    "...\n", "|\n", ">\n", "? ", "!!binary ", "!!str ", "!!map ", "!!seq ", "#", "\\", "@", "`",
    "x", "1", "yes", "~", "<<: ", "\ufeff", "\r\n", "é", "!!set ", "!!omap ", "!!int 1x ",
    "!!float 1x ", "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!null ", "2025-02-30",
    "2020-13-45T25:61:00",
    "1_0_", "0x", "0o9", ".inf", "\\ud800", '"\\ud800"',
]

# Values that YAML reads as a date or number but that do not convert, or that are tagged
# as one: an author's typo must be an error on its line, never a crash.
UNCONVERTIBLE = [
    "2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10", "2020-01-01T25:00:00",
    "!!int x", "!!int ''", "!!float nope", "!!float", "!!bool maybe", "!!bool ''",
    "!!timestamp x",
    "!!timestamp 2020-13-45",
]
SENTINEL = "zz-sentinel-value"


GARBAGE = (
    "fragments", "text", "binary", "top-level", "deep", "aliases", "duplicate-key",
    "non-utf8", "blank", "unconvertible", "lone-surrogate",
)


@st.composite
def yaml_garbage(draw: st.DrawFn, kind: str) -> InvalidCase:
    """Bytes that are not a document at all."""
    if kind == "fragments":
        text = "".join(draw(st.lists(st.sampled_from(FRAGMENTS), max_size=30)))
        return InvalidCase(kind, text.encode("utf-8"))
    if kind == "text":
        return InvalidCase(kind, draw(st.text(max_size=200)).encode("utf-8", "surrogatepass"))
    if kind == "binary":
        content = draw(st.binary(max_size=300))
        expect = frozenset({"E107"}) if b"\x00" in content else frozenset()
        return InvalidCase(kind, content, expect)
    if kind == "top-level":
        value = draw(
            st.one_of(
                st.lists(st.integers() | st.text(max_size=5), max_size=4),
                st.integers(), st.floats(allow_nan=False), st.booleans(),
                st.text(min_size=1, max_size=20).filter(lambda t: t.strip() != ""),
            )
        )
        dumped = to_yaml(value) if draw(st.booleans()) else json.dumps(value)
        return InvalidCase(kind, dumped.encode("utf-8"), frozenset({"E108", "E101", "E102"}))
    if kind == "deep":
        # Up to 5,000 levels: past the loader's limits, yet in-process safe for libyaml's
        # recursive C composer should a guard be bypassed (some 20,000 levels overflow the C
        # stack and kill the process; those run in a subprocess in test_invalid_documents.py).
        levels = draw(st.integers(150, 5_000))
        opener, closer = draw(
            st.sampled_from([("[", "]"), ("{a: ", "}"), ("- ", ""), ("? ", ""), ("- ? ", "")])
        )
        depth = levels // 2 if opener == "- ? " else levels  # two levels per "- ? "
        text = opener * depth + "x" + closer * depth
        # Closing brackets where they do not count (a comment, a quoted string).
        noise = draw(
            st.sampled_from(["", "# " + "]" * depth + "\n", "n: '" + "}" * depth + "'\n"])
        )
        if opener in ("- ", "? ", "- ? ") and noise.startswith("n:"):
            noise = ""  # a sequence or key at the top level cannot follow a mapping entry
        # Shallow nesting is legal YAML: whatever the depth, it is not a document.
        return InvalidCase(kind, (noise + text).encode("utf-8"))
    if kind == "unconvertible":
        plan = draw(doc_plans(max_questions=3, orphans=False))
        data = copy.deepcopy(plan.data)
        paths = [p for p in value_paths(data) if not isinstance(get_at(data, p), dict | list)]
        path = draw(st.sampled_from(paths))
        set_at(data, path, SENTINEL)
        text = to_yaml(data, draw(yaml_styles()))
        assert text.count(SENTINEL) == 1
        text = text.replace(SENTINEL, draw(st.sampled_from(UNCONVERTIBLE)))
        return InvalidCase(kind, text.encode("utf-8"), frozenset({"E101"}))
    if kind == "lone-surrogate":
        plan = draw(doc_plans(max_questions=3, orphans=False))
        data = copy.deepcopy(plan.data)
        paths = [p for p in value_paths(data) if isinstance(get_at(data, p), str)]
        path = draw(st.sampled_from(paths))
        half = draw(st.sampled_from(["\ud800", "\udfff", "\udbff"]))
        set_at(data, path, get_at(data, path) + half)
        # json.dumps writes the lone half as an escape, \ud800.
        return InvalidCase(kind, to_json(data, ensure_ascii=True).encode("utf-8"),
                           frozenset({"E107"}), suffix=".json")
    if kind == "aliases":
        width = draw(st.integers(2, 10))
        depth = draw(st.integers(1, 9))
        lines = ["a0: &a0 [" + ", ".join(["x"] * width) + "]"]
        for level in range(1, depth + 1):
            lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
        if draw(st.booleans()):
            lines.insert(0, "id: aliases")
        expect = frozenset({"E104"}) if width ** (depth + 1) > TEST_MAX_NODES else frozenset()
        return InvalidCase(kind, ("\n".join(lines) + "\n").encode("utf-8"), expect)
    if kind == "duplicate-key":
        key = draw(st.sampled_from(["id", "title", "questions"]))
        text = f"{key}: one\nversion: '1.0.0'\n{key}: two\n"
        return InvalidCase(kind, text.encode("utf-8"), frozenset({"E106"}))
    if kind == "non-utf8":
        prefix = draw(st.text(alphabet="abc: \n", max_size=40)).encode("ascii")
        return InvalidCase(kind, prefix + b"\xff\xfe\xc3(" + b"x", frozenset({"E107"}))
    blank = draw(st.sampled_from(["", "\n", "   \n\n", "# just a comment\n", "---\n", "\ufeff"]))
    # '---' alone is a document holding null: "a single value", E108.
    return InvalidCase(kind, blank.encode("utf-8"), frozenset({"E102", "E108"}))


@st.composite
def alias_heavy_documents(draw: st.DrawFn) -> InvalidCase:
    """A valid document with an alias bomb under an unknown key."""
    plan = draw(doc_plans(max_questions=3, orphans=False))
    width = draw(st.integers(5, 10))
    depth = draw(st.integers(3, 8))
    text = to_yaml(plan.data)
    bomb = ["zz_bomb:", "  l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, depth + 1):
        bomb.append(f"  l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return InvalidCase(
        "alias-document", (text + "\n".join(bomb) + "\n").encode("utf-8"),
        frozenset({"E104", "E202"}),
    )


KINDS = (*MUTATIONS, *GARBAGE, "alias-document")
"""Every kind of invalid input the strategies make."""


def case_of_kind(kind: str) -> st.SearchStrategy[InvalidCase]:
    if kind in MUTATIONS:
        return mutated_documents(kinds=(kind,))
    if kind == "alias-document":
        return alias_heavy_documents()
    return yaml_garbage(kind)


def invalid_cases() -> st.SearchStrategy[InvalidCase]:
    """Every kind of invalid input, the kind drawn first so that each gets its share."""
    return st.sampled_from(KINDS).flatmap(case_of_kind)


# ---------------------------------------------------------------------------------------
# Documents with decision rules (format 2): decision points, suggestions, floors
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RuleNode:
    id: str
    kind: str  # "single", "multiple" or "point"
    answers: tuple[str, ...] = ()


def _rule_condition(draw: st.DrawFn, earlier: Sequence[_RuleNode], depth: int = 0) -> Data:
    """A condition over earlier questions: sometimes guarded, sometimes not (E404)."""
    questions = [node for node in earlier if node.kind != "point"]
    shape = draw(st.integers(0, 9 if depth < 2 else 5))
    if shape >= 8:
        children = [_rule_condition(draw, earlier, depth + 1)
                    for _ in range(draw(st.integers(1, 3)))]
        return {"all" if shape == 8 else "any": children}
    if shape == 7:
        return {"not": _rule_condition(draw, earlier, depth + 1)}
    node = questions[draw(st.integers(0, len(questions) - 1))]
    if shape == 6:
        return {"question": node.id, "answered": draw(st.booleans())}
    some = _subset(draw, node.answers, min_size=1)
    if node.kind == "single":
        test = ({"is": some[0]} if len(some) == 1 or draw(st.booleans())
                else {"is_one_of": some})
    else:
        test = draw(st.sampled_from([
            {"includes_any": some}, {"includes_all": some},
            {"at_least": draw(st.integers(1, len(node.answers)))},
            {"at_least": draw(st.integers(1, len(some))), "of": some},
        ]))
    leaf = {"question": node.id, **test}
    if draw(st.integers(0, 2)) == 0:
        # Guarded: the test is read only where the question was asked.
        return {"all": [{"question": node.id, "answered": True}, leaf]}
    return leaf


@st.composite
def rule_documents(draw: st.DrawFn, *, max_nodes: int = 7) -> Data:
    """A random format 2 document: questions and decision points in a random acyclic order,
    rules reading earlier questions, suggestions, and floors. Many are valid; others break
    a floor (E406), read a question not asked on every route (E404) or leave a rule unused
    (warnings). Checklists stay small, so every selection can be brute-forced."""
    count = draw(st.integers(2, max_nodes))
    nodes: list[_RuleNode] = []
    for index in range(count):
        kind = "single" if index == 0 else draw(st.sampled_from(["single", "multiple", "point"]))
        if kind == "point" and not any(n.kind != "point" for n in nodes):
            kind = "single"
        size = draw(st.integers(2, 3 if kind == "single" else 4)) if kind != "point" else 0
        answers = tuple(f"a{k}" for k in range(size))
        nodes.append(_RuleNode(f"{'d' if kind == 'point' else 'q'}{index}", kind, answers))
    outcome_count = draw(st.integers(2, 4))
    outcomes = [f"o{k}" for k in range(outcome_count)]

    def target(position: int) -> Data:
        later = [n.id for n in nodes[position + 1:]]
        if later and draw(st.integers(0, 2)) > 0:
            return {"next": later[draw(st.integers(0, len(later) - 1))]}
        return {"outcome": outcomes[draw(st.integers(0, outcome_count - 1))]}

    questions: list[Data] = []
    points: list[Data] = []
    for position, node in enumerate(nodes):
        earlier = nodes[:position]
        if node.kind == "point":
            rules = [{"when": _rule_condition(draw, earlier), **target(position),
                      "rationale": f"rule {k}"} for k in range(draw(st.integers(1, 3)))]
            point: Data = {"id": node.id, "title": f"Point {node.id}", "rules": rules,
                           "otherwise": {**target(position), "rationale": "otherwise"}}
            if draw(st.booleans()):
                point["hit_policy"] = "first"
            points.append(point)
            continue
        answers = [{"id": a, "label": f"Answer {a}", "rationale": f"Because {a}."}
                   for a in node.answers]
        question: Data = {"id": node.id, "prompt": f"Question {node.id}?", "answers": answers}
        if node.kind == "single":
            for answer in answers:
                answer.update(target(position))
            asked_before = [n for n in earlier if n.kind != "point"]
            if asked_before and draw(st.integers(0, 2)) == 0:
                question["suggest"] = {
                    "rules": [{"when": _rule_condition(draw, earlier),
                               "answer": node.answers[draw(st.integers(0, len(node.answers) - 1))],
                               "rationale": f"suggest {k}"}
                              for k in range(draw(st.integers(1, 2)))],
                    "otherwise": {"answer": node.answers[draw(st.integers(
                        0, len(node.answers) - 1))], "rationale": "suggest otherwise"},
                }
        else:
            question["type"] = "multiple"
            routes: list[Data] = []
            if draw(st.booleans()):
                routes.append({"if_any": _subset(draw, node.answers, min_size=1),
                               **target(position)})
            routes.append(target(position))
            question["routes"] = routes
        questions.append(question)
    floors = [
        {"id": f"f{k}", "title": f"Floor {k}",
         "when": _rule_condition(draw, [n for n in nodes if n.kind != "point"]),
         "minimum": outcomes[draw(st.integers(0, outcome_count - 1))],
         "rationale": f"Floor {k} applies."}
        for k in range(draw(st.integers(0, 3)))
    ]
    data: Data = {
        "format": 2, "id": "random-rules", "version": "1.0.0", "title": "Random rules",
        "status": "published", "effective_from": "2025-01-01", "publisher": "tests",
        "jurisdiction": "Wales", "decision": "s47-enquiry", "about": "Random.",
        "legal_test": {"text": "A test.", "who_decides": "Someone.", "sources": ["s1"]},
        "changelog": [{"version": "1.0.0", "date": "2025-01-01", "changes": ["First."]}],
        "sources": [{"id": "s1", "title": "A source"}],
        "start": nodes[0].id, "questions": questions,
        "outcomes": [
            {"id": o, "title": f"Outcome {o}", "level": draw(st.integers(1, 4)),
             "test_met": draw(st.booleans()), "emergency": k == 0, "do_now": "Act.",
             "timescale": "Today", "contact": "Someone", "rationale": f"Outcome {o}."}
            for k, o in enumerate(outcomes)
        ],
    }
    if points:
        data["decision_points"] = points
    if floors:
        data["floors"] = floors
    return data
