"""Byte-level mutations of real documents, as a fuzzer makes them.

Used by the fuzz test over the shipped documents, and by anyone measuring the worst case:
``mutate(text, random.Random(seed))``. Mutations include the ones that once took seconds:
alias expansion near the limits, long lists, many brackets, control characters and line
separators.
"""

from __future__ import annotations

import json
import random

from threshold_guide.loading.yaml_source import YamlProblem, parse_yaml_text

from .strategies import FRAGMENTS

SNIPPETS = [
    *FRAGMENTS,
    "&big ", "*big", "<<: *big\n", "\u2028", "\u2029", "\x85", "\x07", "\x1b[31m",
    "[" * 200, "]" * 200, "[x](https://e.org)", "![i](https://e.org/i.png)", "\\[", "`",
]


def _alias_bomb(rng: random.Random) -> str:
    width, depth = rng.randint(2, 12), rng.randint(1, 8)
    lines = [f"zz0: &zz0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, depth + 1):
        lines.append(f"zz{level}: &zz{level} [{', '.join([f'*zz{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def _long_list(rng: random.Random) -> str:
    item = rng.choice(["0", "x", "[]", "{}", "[x]", "'['"])
    return f"zz_list: [{', '.join([item] * rng.randint(1_000, 120_000))}]\n"


def _alias_the_questions(text: str, rng: random.Random) -> str:
    # Anchor the first question and repeat it many times: a valid-looking, expanding list.
    anchored = text.replace("questions:\n- ", "questions:\n- &q ", 1)
    return anchored.replace("\noutcomes:", "\n" + "- *q\n" * rng.randint(1, 5_000) + "outcomes:", 1)


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(9)
        at = rng.randrange(len(lines) + 1)
        if kind == 0:
            piece = rng.choice(SNIPPETS) * rng.choice([1, 1, 2, 50])
            if at < len(lines):
                column = rng.randrange(len(lines[at]) + 1)
                lines[at] = lines[at][:column] + piece + lines[at][column:]
            else:
                lines.append(piece)
        elif kind == 1 and lines:
            end = min(len(lines), at + rng.randint(1, 30))
            del lines[at:end]
        elif kind == 2 and lines:
            end = min(len(lines), at + rng.randint(1, 20))
            lines[at:at] = lines[at:end] * rng.randint(1, 200)
        elif kind == 3:
            lines.append(_alias_bomb(rng))
        elif kind == 4:
            lines.append(_long_list(rng))
        elif kind == 5:
            return _alias_the_questions("".join(lines), rng)
        elif kind == 6 and len(lines) > 1:
            other = rng.randrange(len(lines))
            at = min(at, len(lines) - 1)
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == 7 and lines:
            at = min(at, len(lines) - 1)
            lines[at] = lines[at].rstrip("\n") + " " + "[" * rng.randint(1, 20_000) + "\n"
        elif kind == 8 and lines:
            at = min(at, len(lines) - 1)
            lines[at] = "".join(rng.choice([c, c, c, rng.choice(SNIPPETS)]) for c in lines[at])
    return "".join(lines)


def as_json(text: str) -> str | None:
    """The same document written as JSON, when it parses within the limits (yaml.safe_load
    would expand an alias bomb for minutes)."""
    try:
        data = parse_yaml_text(text).data
    except YamlProblem:
        return None
    return json.dumps(data, default=str, ensure_ascii=False)
