"""Adding a translation to a threshold document or a scenario file, keeping its comments.

    python -m tools.translate todo FILE [--lang cy] > todo.json
        every text of FILE without LANG, as [{"path": ..., "en": ...}, ...]
    python -m tools.translate apply FILE done.json [--lang cy]
        done.json maps each path to its translation: {"questions/3/prompt": "...", ...};
        each plain text becomes {en: ..., cy: ...} (a mapping gains the language), the
        file keeps its comments, order and block styles, and is checked by the models.

Which fields are texts comes from the pydantic models (a field typed ``Text``), so the tool
follows the formats as they change. For translators and boards; not used at run time.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.text import located_texts

Path_ = tuple[str | int, ...]


def _text_paths(data: dict[str, Any]) -> Iterator[Path_]:
    """Where each text of the file is, from the models' own walk over texts (the one
    ``validate`` locates its language warnings with)."""
    for path, _ in located_texts(_model(data).model_validate(data)):
        yield path


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _model(data: dict[str, Any]) -> type[BaseModel]:
    return Scenario if data.get("kind") == "scenario" else ThresholdDocument


def _get(data: Any, path: Path_) -> Any:
    for step in path:
        data = data[step]
    return data


def _key(path: Path_) -> str:
    return "/".join(str(step) for step in path)


def todo(file: Path, language: str) -> list[dict[str, str]]:
    data = _yaml().load(file.read_text(encoding="utf-8"))
    out = []
    for path in _text_paths(data):
        value = _get(data, path)
        if isinstance(value, dict):
            if language in value:
                continue
            english = value.get("en", "")
        else:
            english = value
        if str(english).strip():
            out.append({"path": _key(path), "en": str(english)})
    return out


def _styled(like: Any, text: str) -> Any:
    if isinstance(like, LiteralScalarString) or (isinstance(like, str) and "\n" in like.rstrip(
            "\n") and not isinstance(like, FoldedScalarString)):
        return LiteralScalarString(text if text.endswith("\n") or not str(like).endswith(
            "\n") else text + "\n")
    if isinstance(like, FoldedScalarString):
        return FoldedScalarString(text)
    return text


def apply(file: Path, done: dict[str, str], language: str) -> list[str]:
    """Write the translations into ``file``; returns the problems (nothing written if any)."""
    yaml = _yaml()
    data = yaml.load(file.read_text(encoding="utf-8"))
    paths = {_key(path): path for path in _text_paths(data)}
    problems = [f"{key}: not a text of {file}" for key in done if key not in paths]
    if problems:
        return problems
    for key, translation in done.items():
        path = paths[key]
        parent = _get(data, path[:-1])
        value = parent[path[-1]]
        if isinstance(value, dict):
            value[language] = _styled(value.get("en", ""), translation)
        else:
            mapping = CommentedMap()
            mapping["en"] = value
            mapping[language] = _styled(value, translation)
            parent[path[-1]] = mapping
    out = io.StringIO()
    yaml.dump(data, out)
    text = out.getvalue()
    check = YAML(typ="safe").load(text)
    try:
        _model(check).model_validate(check)
    except Exception as error:
        return [f"{file}: the result does not validate: {error}"]
    file.write_text(text, encoding="utf-8")
    return []


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.translate")
    parser.add_argument("action", choices=["todo", "apply"])
    parser.add_argument("file", type=Path)
    parser.add_argument("done", type=Path, nargs="?")
    parser.add_argument("--lang", default="cy")
    args = parser.parse_args(argv)
    if args.action == "todo":
        json.dump(todo(args.file, args.lang), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.done is None:
        parser.error("apply needs the JSON file of translations")
    problems = apply(args.file, json.loads(args.done.read_text(encoding="utf-8")), args.lang)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
