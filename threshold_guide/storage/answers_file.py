"""Read an answers file (YAML or JSON) with located errors."""

from __future__ import annotations

from pathlib import Path

from threshold_guide.loading.yaml_source import YamlProblem, parse_yaml_text, read_text
from threshold_guide.models.session import AnswersFile, GivenAnswer
from threshold_guide.validation.bounded import SchemaProblems, validate_bounded
from threshold_guide.validation.diagnostics import Diagnostic, diagnostic
from threshold_guide.validation.schema_errors import schema_diagnostics


class AnswersFileError(Exception):
    """An answers file that cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics


def read_answers(path: Path) -> dict[str, GivenAnswer]:
    """Question id to answer, from ``path``. Raises :class:`AnswersFileError`."""
    return dict(read_answers_file(path).answers)


def read_answers_file(path: Path) -> AnswersFile:
    """The whole answers file at ``path``, in either form. Raises :class:`AnswersFileError`."""
    try:
        parsed = parse_yaml_text(read_text(path))
    except YamlProblem as problem:
        raise AnswersFileError([
            diagnostic(problem.code, path, problem.position.line, problem.position.column,
                       problem.message, problem.hint)
        ]) from None
    except OSError as error:
        raise AnswersFileError([
            diagnostic("E100", path, 1, 1, f"cannot read the answers file: "
                       f"{error.strerror or error}", "check the path")
        ]) from None
    if not isinstance(parsed.data, dict):
        raise AnswersFileError([
            diagnostic("E108", path, 1, 1, "an answers file must be a mapping of question id "
                       "to answer, or have an 'answers:' mapping",
                       "write lines like 'immediate-danger: no-danger'")
        ])
    try:
        return validate_bounded(AnswersFile, parsed.data)
    except SchemaProblems as error:
        raise AnswersFileError(
            schema_diagnostics(error, parsed.data, parsed.source_map, path, AnswersFile)
        ) from None
