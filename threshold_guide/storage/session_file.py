"""Read one session file named on the command line, wherever it is and whatever its name.

Unlike the sessions folder (:mod:`threshold_guide.storage.session_store`), a file passed by
path may be called anything (``run --save-session case.json``), so its name is not checked
against the session id. Every failure is a :class:`SessionUnreadable` whose reason says
where in the file the problem is.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from threshold_guide.i18n.catalogue import _, ngettext
from threshold_guide.loading.reading import read_capped
from threshold_guide.loading.yaml_source import YamlProblem, refuse_too_many_json_values
from threshold_guide.models.session import Session
from threshold_guide.storage.session_store import MAX_SESSION_BYTES, SessionUnreadable


def _where(error: ValidationError) -> str:
    problems = error.errors()
    if problems[0]["type"] == "json_invalid":
        return f"it is not valid JSON: {problems[0]['msg'].removeprefix('Invalid JSON: ')}"
    # Missing fields first: they say most plainly that this is some other kind of file.
    problems.sort(key=lambda problem: problem["type"] != "missing")
    shown = [
        f"{'.'.join(str(part) for part in p['loc']) or 'the top level'}: {p['msg']}"
        for p in problems[:3]
    ]
    more = len(problems) - len(shown)
    problems_text = "; ".join(shown)
    if more:
        return ngettext("not a threshold-guide session file: {problems} (and {count} more)",
                        "not a threshold-guide session file: {problems} (and {count} more)",
                        more).format(problems=problems_text)
    return _("not a threshold-guide session file: {problems}").format(problems=problems_text)


def read_session_file(path: Path) -> Session:
    """The session in ``path``, or :class:`SessionUnreadable` saying what is wrong and where."""
    try:
        if not path.exists():
            raise SessionUnreadable(path, _("no such file"))
        raw = read_capped(path, MAX_SESSION_BYTES)
    except YamlProblem as problem:
        raise SessionUnreadable(path, problem.message) from None
    except OSError as error:
        raise SessionUnreadable(path, _("cannot read it: {reason}").format(
            reason=error.strerror or error)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SessionUnreadable(
            path, _("it is not a text file (not UTF-8 at byte {offset})").format(
                offset=error.start)
        ) from None
    if not text.strip():
        raise SessionUnreadable(path, _("the file is empty"))
    try:
        refuse_too_many_json_values(text)
    except YamlProblem as problem:
        raise SessionUnreadable(path, problem.message) from None
    try:
        return Session.model_validate_json(text)
    except ValidationError as error:
        raise SessionUnreadable(path, _where(error)) from None
