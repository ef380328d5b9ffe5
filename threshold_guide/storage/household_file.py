"""Read and write household files (YAML or JSON in, JSON out), with located errors.

A household file is written atomically and privately (0600): it holds what children said.
The app and plain mode keep them in the ``households`` folder beside the saved sessions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from threshold_guide.loading.yaml_source import YamlProblem, parse_yaml_text, read_text
from threshold_guide.models.household import Household
from threshold_guide.paths import data_dir
from threshold_guide.storage.atomic import private_folder, write_atomic, write_new
from threshold_guide.summary.json_output import render_json
from threshold_guide.validation.diagnostics import Diagnostic, diagnostic
from threshold_guide.validation.schema_errors import schema_diagnostics


class HouseholdFileError(Exception):
    """A household file that cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics


def read_household(path: Path) -> Household:
    """The household in ``path``. Raises :class:`HouseholdFileError` with located errors."""
    try:
        parsed = parse_yaml_text(read_text(path))
    except YamlProblem as problem:
        raise HouseholdFileError([
            diagnostic(problem.code, path, problem.position.line, problem.position.column,
                       problem.message, problem.hint)
        ]) from None
    except OSError as error:
        raise HouseholdFileError([
            diagnostic("E100", path, 1, 1, f"cannot read the household file: "
                       f"{error.strerror or error}", "check the path")
        ]) from None
    if not isinstance(parsed.data, dict):
        raise HouseholdFileError([
            diagnostic("E108", path, 1, 1, "a household file must be a mapping",
                       "start with 'reference:', 'shared:' and 'children:'")
        ])
    try:
        return Household.model_validate(parsed.data)
    except ValidationError as error:
        raise HouseholdFileError(
            schema_diagnostics(error, parsed.data, parsed.source_map, path, Household)
        ) from None


_KIND = re.compile(rb"^kind[ \t]*:[ \t]*['\"]?household\b|\"kind\"\s*:\s*\"household\"",
                   re.MULTILINE)


def is_household_file(path: Path) -> bool:
    """Whether ``path`` holds a household case (cheap: its ``kind`` is looked for, no parse)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return False
    return bool(_KIND.search(head))


def households_dir() -> Path:
    """Where the app and plain mode save household cases."""
    return data_dir() / "households"


def new_household_id(reference: str, created_at: dt.datetime) -> str:
    """A short id that never contains the reference itself (reproducible under --at)."""
    seed = f"{created_at.isoformat()}|{reference}|household".encode()
    return "hh-" + created_at.strftime("%Y%m%d-%H%M%S-") + hashlib.sha256(seed).hexdigest()[:8]


def household_ids(reference: str, created_at: dt.datetime) -> Iterator[str]:
    """Ids to try, in turn, for a new household until one is free: the plain id first,
    then the same time with a counter (no random part: the same start gives the same ids)."""
    yield new_household_id(reference, created_at)
    for number in range(1, 1001):
        yield new_household_id(f"{reference}|{number}", created_at)


def create_household(folder: Path, household: Household) -> Household:
    """Save a new household in ``folder`` under an id no file has, and return it as saved.

    Each file is created exclusively, so two windows (or the app and plain mode) starting a
    case in the same second with the same reference never share a file: the second takes
    the next id. Raises OSError (a full disk, no folder), or FileExistsError when every id
    is taken.
    """
    private_folder(folder)
    moment = household.created_at or household.updated_at
    if moment is None:
        raise ValueError("a new household needs its creation time")
    for household_id in household_ids(household.reference, moment):
        candidate = household.model_copy(update={"household_id": household_id})
        try:
            write_new(household_path(candidate, folder), render_json(candidate))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"every household id offered is taken in {folder}")


def household_path(household: Household, folder: Path | None = None) -> Path:
    return (folder or households_dir()) / f"{household.household_id}.json"


def write_household(path: Path, household: Household) -> None:
    """Write ``household`` atomically, 0600, in a 0700 folder. Raises OSError."""
    private_folder(path.parent)
    write_atomic(path, render_json(household), private=True)
