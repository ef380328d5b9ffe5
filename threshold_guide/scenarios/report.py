"""Build the consistency report from the sessions a room saved while walking scenarios.

Pure: the same sessions, scenarios and documents give the same report. The rated value is
the outcome each participant's answers reach in the guidance (an override is listed but
not counted). Chance-corrected coefficients treat the scenarios as the cases rated, so
they are computed across every scenario of one document in the report; within a single
case only percentage agreement carries information, and the report says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from threshold_guide.engine.route import Route, derive_route
from threshold_guide.engine.routing import AnswerError
from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import Question, ThresholdDocument, version_key
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.scenario_report import (
    AgencyAgreement,
    AgencyStats,
    AgreementStats,
    AnswerCount,
    ConsistencyReport,
    Difference,
    Divergence,
    DocumentAgreement,
    OutcomeCount,
    ParticipantResult,
    QuestionAgreement,
    ScenarioResult,
    SkippedFile,
)
from threshold_guide.models.session import Selection, Session
from threshold_guide.models.text import render
from threshold_guide.scenarios.agreement import (
    Metric,
    fleiss_kappa,
    krippendorff_alpha,
    landis_koch,
    percent_agreement,
)
from threshold_guide.scenarios.compare import Match, RouteComparison, compare_routes
from threshold_guide.scenarios.library import ScenarioLibrary
from threshold_guide.scenarios.replay import model_route
from threshold_guide.scenarios.session_files import SessionFile, Skipped
from threshold_guide.validation.diagnostics import did_you_mean

NOT_RECORDED = N_("(not recorded)")
DIGITS = 4

NOTES = (
    N_("Pairwise agreement is the share of pairs of participants who reached the same outcome "
       "in a case. Fleiss' kappa and Krippendorff's alpha correct agreement for what chance "
       "alone would give; chance is judged from how outcomes are used across cases, so they "
       "need at least two cases, each walked by at least two participants. Within a single "
       "case they carry no information (kappa is -1/(n-1) and alpha is 0 whenever anyone "
       "disagrees), so use pairwise agreement there."),
    N_("Ordinal alpha ranks the outcomes by their level in the guidance, so reporting today "
       "where the model says 'call 999' counts as a smaller disagreement than recording and "
       "monitoring."),
    N_("Landis & Koch scale for kappa: 0.21-0.40 fair, 0.41-0.60 moderate, 0.61-0.80 "
       "substantial, above 0.80 almost perfect."),
    N_("Published figures to compare with: unstructured threshold judgements agree poorly "
       "(Cohen's kappa 0.29, Kang & Poertner 2006; Krippendorff's alpha 0.58 among 34 child "
       "protection professionals, with strong consensus on only 44.6% of 285 scenarios, Bolton "
       "et al. 2021). With clear item-level criteria, kappa reached 0.73-0.89 for abuse types "
       "and 0.66 for neglect (Heyman & Slep 2009)."),
    N_("A training room is a small sample: one person changing their answer moves these "
       "figures a lot. Use them to start a discussion, never to judge a person or an agency."),
    N_("The outcome counted is the one each participant's answers reach in the guidance. "
       "Professional-judgement overrides are listed beside each participant but not counted."),
)


class ReportError(Exception):
    """Sessions that cannot be reported on together. ``str()`` is the user message."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class _Walked:
    """One session walked through its own document version, beside the model route."""

    file: SessionFile
    entry: Entry
    route: Route
    model: Route
    comparison: RouteComparison

    @property
    def session(self) -> Session:
        return self.file.session

    @property
    def agency(self) -> str:
        return self.session.agency.strip().lower() or NOT_RECORDED

    @property
    def rating(self) -> tuple[str, int] | None:
        outcome = self.route.outcome
        return None if outcome is None else (outcome.id, outcome.level)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


def _key(selection: Selection) -> str | tuple[str, ...]:
    return selection if isinstance(selection, str) else tuple(selection)


def agreement_stats(units: Sequence[Sequence[tuple[str, int]]],
                    language: str = "en") -> AgreementStats:
    """Agreement on outcomes; each unit holds the (outcome id, level) of each finished session.
    The note is in ``language``; the Landis & Koch band stays an English key (a value
    tools read), named in words where the report is rendered."""
    _ = translator(language).gettext
    outcomes = [[outcome for outcome, _ in unit] for unit in units]
    levels = [[level for _, level in unit] for unit in units]
    pairable = [unit for unit in units if len(unit) >= 2]
    kappa = fleiss_kappa(outcomes)
    nominal = krippendorff_alpha(outcomes, Metric.NOMINAL)
    ordinal = krippendorff_alpha(levels, Metric.ORDINAL)
    note = None
    if not pairable:
        note = _("Fewer than two finished sessions in every case: there is nothing to "
                 "compare.")
    elif kappa is None:
        note = _("Everyone reached the same outcome: agreement is complete, but kappa and "
                 "alpha are undefined when only one outcome is used.")
    elif len(pairable) == 1:
        note = _("One case only: kappa and alpha cannot tell agreement from chance within a "
                 "single case. Read the pairwise agreement, or report several cases "
                 "together.")
    informative = len(pairable) >= 2 and kappa is not None
    return AgreementStats(
        cases=len(pairable),
        ratings=sum(len(unit) for unit in pairable),
        percent_agreement=_round(percent_agreement(outcomes)),
        fleiss_kappa=_round(kappa),
        alpha_nominal=_round(nominal),
        alpha_ordinal=_round(ordinal),
        kappa_band=landis_koch(kappa) if informative else None,
        informative=informative,
        note=note,
    )


class _Builder:
    def __init__(self, library: ScenarioLibrary, catalog: Catalog, language: str) -> None:
        self.library = library
        self.catalog = catalog
        self.lang = language
        self.tr = translator(language)

    def agency_name(self, agency: str) -> str:
        return self.tr.gettext(agency) if agency == NOT_RECORDED else agency

    def stats(self, units: Sequence[Sequence[tuple[str, int]]]) -> AgreementStats:
        return agreement_stats(units, self.lang)

    def text(self, value: str | dict[str, str] | None) -> str:
        return render(value, self.lang)

    def scenario(self, item: SessionFile) -> Scenario:
        scenario_id = item.session.scenario
        if not scenario_id:
            raise ReportError(
                f"{item.path}: session {item.session.session_id} is not an exercise session "
                "(it has no scenario)",
                "pass only the sessions saved in exercise mode",
            )
        scenario = self.library.get(scenario_id)
        if scenario is None:
            broken = [c.file.path for c in self.library.broken
                      if c.scenario is not None and c.scenario.id == scenario_id]
            if broken:
                raise ReportError(
                    f"{item.path}: scenario '{scenario_id}' does not check out against the "
                    f"guidance ({broken[0]})",
                    f"run 'threshold-guide scenarios check {broken[0]}'",
                )
            raise ReportError(
                f"{item.path}: no scenario with id '{scenario_id}'",
                did_you_mean(scenario_id, self.library.ids())
                or "point --scenarios at the folder holding it",
            )
        return scenario

    def entry(self, item: SessionFile, scenario: Scenario) -> Entry:
        pinned = item.session.guidance
        if pinned.id != scenario.guidance.id or pinned.version not in scenario.guidance.versions:
            raise ReportError(
                f"{item.path}: the session uses {pinned.id} {pinned.version}, which scenario "
                f"'{scenario.id}' does not target",
                f"it targets {scenario.guidance.id} " + ", ".join(scenario.guidance.versions),
            )
        entry = next((e for e in self.catalog.versions(pinned.id)
                      if e.version == pinned.version), None)
        if entry is None:
            raise ReportError(
                f"{item.path}: document {pinned.id} {pinned.version} is not in the guidance "
                "folders", "point --guidance at the folder holding it",
            )
        if entry.sha256 != pinned.sha256:
            raise ReportError(
                f"{item.path}: the session was made with a different copy of {pinned.id} "
                f"{pinned.version} than {entry.path} (content hashes differ)",
                "report with the guidance the exercise used (--guidance DIR)",
            )
        return entry

    def walk(self, item: SessionFile) -> tuple[Scenario, _Walked]:
        scenario = self.scenario(item)
        entry = self.entry(item, scenario)
        document = entry.document
        try:
            route = derive_route(document, item.session.selections())
        except AnswerError as problem:
            raise ReportError(f"{item.path}: {problem}",
                              "the session does not fit its document version") from None
        model = model_route(scenario, document)
        comparison = compare_routes(document, scenario, route, model, self.lang)
        return scenario, _Walked(item, entry, route, model, comparison)

    def spread(self, walked: list[_Walked], newest: ThresholdDocument,
               model_outcome: str) -> list[OutcomeCount]:
        counts = Counter(w.rating[0] for w in walked if w.rating is not None)
        finished = sum(counts.values())
        outcomes = {o.id: o for o in newest.outcomes}
        for w in walked:
            if w.route.outcome is not None:
                outcomes.setdefault(w.route.outcome.id, w.route.outcome)
        ordered = sorted(outcomes.values(), key=lambda o: (-o.level, o.id))
        return [
            OutcomeCount(
                outcome=o.id, title=self.text(o.title), level=o.level, count=counts[o.id],
                share=_round(counts[o.id] / finished) if finished else 0.0,
                model=o.id == model_outcome,
            )
            for o in ordered
        ]

    def answer_counts(self, question: Question, keyed: Iterable[str | tuple[str, ...]],
                      model: Selection | None) -> list[AnswerCount]:
        counts = Counter(keyed)
        order = {answer.id: index for index, answer in enumerate(question.answers)}

        def rank(item: tuple[str | tuple[str, ...], int]) -> tuple[int, list[int]]:
            key, count = item
            ids = [key] if isinstance(key, str) else list(key)
            return (-count, [order.get(i, len(order)) for i in ids])

        found: list[AnswerCount] = []
        for key, count in sorted(counts.items(), key=rank):
            ids = [key] if isinstance(key, str) else list(key)
            found.append(AnswerCount(
                answer=key if isinstance(key, str) else list(key),
                labels=[self.text(a.label) for a in question.answers if a.id in ids],
                count=count,
                model=model is not None and _key(model) == key,
            ))
        return found

    def questions(self, walked: list[_Walked], newest: _Walked) -> list[QuestionAgreement]:
        order = list(newest.model.question_ids)
        for w in walked:
            order.extend(w.route.question_ids)
        model_steps = {s.question.id: s.selection for s in newest.model.steps}
        found: list[QuestionAgreement] = []
        for question_id in dict.fromkeys(order):
            document = newest.entry.document
            if not document.has_question(question_id):
                document = next(w.entry.document for w in walked
                                if w.entry.document.has_question(question_id))
            question = document.question(question_id)
            given: list[str | tuple[str, ...]] = []
            matched = 0
            for w in walked:
                for step in w.route.steps:
                    if step.question.id == question_id:
                        given.append(_key(step.selection))
                        own_model = {s.question.id: s.selection for s in w.model.steps}
                        if question_id in own_model and _key(own_model[question_id]) == _key(
                                step.selection):
                            matched += 1
            model = model_steps.get(question_id)
            found.append(QuestionAgreement(
                question=question_id,
                prompt=self.text(question.prompt),
                reached=len(given),
                percent_agreement=_round(percent_agreement([given])),
                model_answer=model,
                matched_model=matched,
                answers=self.answer_counts(question, given, model),
            ))
        return found

    def divergence(self, walked: list[_Walked]) -> Divergence | None:
        if len(walked) < 2:
            return None
        step = 0
        while True:
            keys: list[tuple[str, str | tuple[str, ...]] | None] = []
            for w in walked:
                steps = w.route.steps
                keys.append((steps[step].question.id, _key(steps[step].selection))
                            if step < len(steps) else None)
            if all(key is None for key in keys):
                return None
            if len(set(keys)) > 1:
                break
            step += 1
        first = next(w for w, key in zip(walked, keys, strict=True) if key is not None)
        question = first.route.steps[step].question
        counts = Counter(keys)
        answers: list[AnswerCount] = []
        for key, count in sorted(counts.items(), key=lambda kc: (-kc[1], str(kc[0]))):
            if key is None:
                label = self.tr.gettext("(no answer: the walk ended or stopped before this "
                                        "question)")
                answers.append(AnswerCount(answer=[], labels=[label], count=count, model=False))
                continue
            question_id, selection = key
            ids = [selection] if isinstance(selection, str) else list(selection)
            elsewhere = self.tr.gettext("(at question '{question}')")
            labels = ([self.text(a.label) for a in question.answers if a.id in ids]
                      if question_id == question.id
                      else [elsewhere.format(question=question_id)])
            model_selection = {s.question.id: _key(s.selection) for s in first.model.steps}
            answers.append(AnswerCount(
                answer=selection if isinstance(selection, str) else list(selection),
                labels=labels, count=count,
                model=model_selection.get(question_id) == selection,
            ))
        return Divergence(step=step + 1, question=question.id,
                          prompt=self.text(question.prompt), answers=answers)

    def participant(self, w: _Walked) -> ParticipantResult:
        comparison = w.comparison
        first = comparison.first_difference
        difference = None
        if first is not None:
            difference = Difference(question=first.question, prompt=first.prompt,
                                    given=first.given, model=first.model)
        override = w.session.override
        return ParticipantResult(
            session_id=w.session.session_id,
            role=w.session.role,
            agency=w.session.agency,
            version=w.entry.version,
            finished=w.route.outcome is not None,
            outcome=w.route.outcome.id if w.route.outcome else None,
            level_difference=comparison.level_difference,
            matches_model=comparison.outcome_matches,
            questions_matched=sum(1 for row in comparison.rows
                                  if row.model is not None and row.match is Match.SAME),
            questions_on_model_route=comparison.model_questions,
            first_difference=difference,
            override=override.outcome if override else None,
        )

    def agencies(self, walked: list[_Walked]) -> list[AgencyAgreement]:
        found: list[AgencyAgreement] = []
        for agency in sorted({w.agency for w in walked}):
            group = [w for w in walked if w.agency == agency]
            ratings = [w.rating for w in group if w.rating is not None]
            counts = Counter(outcome for outcome, _ in ratings)
            top = max(counts.values(), default=0)
            found.append(AgencyAgreement(
                agency=self.agency_name(agency),
                sessions=len(group),
                finished=len(ratings),
                matched_model=sum(1 for w in group if w.comparison.outcome_matches),
                most_common=sorted(o for o, c in counts.items() if c == top),
                agreement=self.stats([ratings]),
            ))
        return found

    def section(self, scenario: Scenario, walked: list[_Walked]) -> ScenarioResult:
        walked.sort(key=lambda w: w.session.session_id)
        newest = max(walked, key=lambda w: version_key(w.entry.version))
        model_outcome = newest.comparison.model_outcome.id
        ratings = [w.rating for w in walked if w.rating is not None]
        counts = Counter(outcome for outcome, _ in ratings)
        return ScenarioResult(
            id=scenario.id,
            title=self.text(scenario.title),
            reference=scenario.reference,
            guidance=scenario.guidance.id,
            versions=sorted({w.entry.version for w in walked}, key=version_key),
            model_outcome=model_outcome,
            sessions=len(walked),
            finished=len(ratings),
            spread=self.spread(walked, newest.entry.document, model_outcome),
            modal_share=_round(max(counts.values()) / len(ratings)) if ratings else None,
            matched_model=sum(1 for w in walked if w.comparison.outcome_matches),
            agreement=self.stats([ratings]),
            by_agency=self.agencies(walked),
            first_divergence=self.divergence(walked),
            questions=self.questions(walked, newest),
            participants=[self.participant(w) for w in walked],
        )

    def across(self, guidance: str, groups: list[tuple[Scenario, list[_Walked]]],
               ) -> DocumentAgreement:
        def units(members: Iterable[list[_Walked]]) -> list[list[tuple[str, int]]]:
            return [[w.rating for w in group if w.rating is not None] for group in members]

        everyone = [w for _, group in groups for w in group]
        by_agency: list[AgencyStats] = []
        for agency in sorted({w.agency for w in everyone}):
            members = [[w for w in group if w.agency == agency] for _, group in groups]
            flat = [w for group in members for w in group]
            by_agency.append(AgencyStats(
                agency=self.agency_name(agency),
                sessions=len(flat),
                finished=sum(1 for w in flat if w.rating is not None),
                matched_model=sum(1 for w in flat if w.comparison.outcome_matches),
                agreement=self.stats(units(members)),
            ))
        return DocumentAgreement(
            guidance=guidance,
            scenarios=[scenario.id for scenario, _ in groups],
            overall=self.stats(units(group for _, group in groups)),
            by_agency=by_agency,
        )


NOT_AN_EXERCISE = N_("not an exercise session (it was walked without a scenario)")


def build_report(
    sessions: Sequence[SessionFile],
    library: ScenarioLibrary,
    catalog: Catalog,
    language: str = "en",
    skipped: Sequence[Skipped] = (),
) -> ConsistencyReport:
    """The consistency report for ``sessions``.

    Sessions walked outside exercise mode are left out and listed in ``skipped`` with the
    files already ``skipped`` when reading: a folder of the app's sessions holds real cases
    too. Raises :class:`ReportError` when no exercise session is left, and for sessions that
    cannot be reported on (unknown scenario or document version, a different copy of the
    document, answers that do not fit)."""
    tr = translator(language)
    left_out = [SkippedFile(path=str(item.path), reason=item.reason) for item in skipped]
    exercises = []
    for item in sessions:
        if item.session.scenario:
            exercises.append(item)
        else:
            left_out.append(SkippedFile(path=str(item.path), reason=tr.gettext(NOT_AN_EXERCISE)))
    if not exercises:
        what = (f"none of the {len(sessions)} session(s) found is an exercise session"
                if sessions else "no session files given")
        raise ReportError(what, "pass the sessions saved in exercise mode (F7 on the start "
                          "screen), or a folder of them")
    sessions = exercises
    builder = _Builder(library, catalog, language)
    seen: dict[str, SessionFile] = {}
    grouped: dict[str, tuple[Scenario, list[_Walked]]] = {}
    for item in sessions:
        earlier = seen.get(item.session.session_id)
        if earlier is not None:
            raise ReportError(
                f"{item.path}: session {item.session.session_id} is also in {earlier.path}",
                "pass each session once",
            )
        seen[item.session.session_id] = item
        scenario, walked = builder.walk(item)
        grouped.setdefault(scenario.id, (scenario, []))[1].append(walked)
    sections = [builder.section(s, w) for s, w in (grouped[k] for k in sorted(grouped))]
    documents: dict[str, list[tuple[Scenario, list[_Walked]]]] = {}
    for key in sorted(grouped):
        scenario, members = grouped[key]
        documents.setdefault(scenario.guidance.id, []).append((scenario, members))
    return ConsistencyReport(
        sessions=len(sessions),
        skipped=sorted(left_out, key=lambda item: item.path),
        scenarios=sections,
        across_cases=[builder.across(doc, groups) for doc, groups in sorted(documents.items())],
        notes=[tr.gettext(note) for note in NOTES],
    )
