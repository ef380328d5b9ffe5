"""No English left unmarked where the person at the keyboard reads it.

A rough net, not a proof: a string literal with words in it, passed straight to something
that shows text (a notice, an error, a button, a dialog, plain mode's prompts) or as a
title, placeholder, tooltip or key description, never reaches the catalogue, so it would
stay English in Welsh. Text for document authors (models, loading, validation) and
``--help`` texts are out of scope.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "threshold_guide"
AUTHORS_ONLY = {"models", "loading", "validation"}
SHOWS_TEXT = {"notify", "CommandError", "note", "Button", "Label", "say", "ask", "InfoModal",
              "ConfirmModal", "Static", "warn"}
SHOWN_KEYWORDS = {"title", "placeholder", "tooltip", "prompt"}


def _has_words(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.Constant) and any(c.isalpha() for c in str(part.value))
                   for part in node.values)
    return False


def unmarked(path: Path, root: Path = PACKAGE) -> list[str]:
    """Each place in ``path`` where English is shown without going through the catalogue."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
            node.func, "id", None)
        shown = [node.args[0]] if name in SHOWS_TEXT and node.args else []
        shown += [kw.value for kw in node.keywords if kw.arg in SHOWN_KEYWORDS]
        if name == "Binding" and len(node.args) >= 3:
            shown.append(node.args[2])
        found += [f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(text)[:70]}"
                  for text in shown if _has_words(text)]
    return found


def test_shown_text_goes_through_the_catalogue() -> None:
    found = [line for path in sorted(PACKAGE.rglob("*.py"))
             if path.relative_to(PACKAGE).parts[0] not in AUTHORS_ONLY
             for line in unmarked(path)]
    assert found == []


def test_the_net_catches_english_and_lets_marked_text_through(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'self.notify("Saved.")\n'
        'raise CommandError(f"{path}: no such file", "check it")\n'
        'Binding("f1", "help", "Help")\n'
        'Button(_("Save"), id="save")\n'
        'Binding("f2", "why", N_("Why?"))\n'
        'note(_("wrote {file}").format(file=path))\n', encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in unmarked(sample, tmp_path)] == [
        "'Saved.'", "f'{path}: no such file'", "'Help'"]
