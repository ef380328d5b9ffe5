"""Decision rules in words: conditions, targets and short rationales a reader can follow.

The logic book, the flowchart and the coverage report all show rules to people who do not
read YAML, so a condition is said the way a safeguarding lead would say it: "'Did the
child tell you about harm?' is Yes and 'Which signs have you seen?' includes Unexplained
bruising". Pure: the same document and language give the same words.
"""

from __future__ import annotations

from threshold_guide.models.document import Question, ThresholdDocument
from threshold_guide.models.rules import Condition
from threshold_guide.models.text import Text, render

SHORT = 40
"""The longest rationale a flowchart edge shows before it is cut at a word."""


def shorten(text: str, limit: int = SHORT) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _labels(question: Question | None, ids: list[str], lang: str, joiner: str) -> str:
    if question is None:
        return joiner.join(ids)
    by_id = {a.id: render(a.label, lang) for a in question.answers}
    named = [by_id.get(answer_id, answer_id) for answer_id in ids]
    if len(named) <= 1:
        return "".join(named)
    return ", ".join(named[:-1]) + joiner + named[-1]


def _leaf_words(leaf: Condition, document: ThresholdDocument, lang: str) -> str:
    qid = str(leaf.question)
    question = document.question(qid) if document.has_question(qid) else None
    prompt = f"'{render(question.prompt, lang).strip()}'" if question else f"'{qid}'"
    if leaf.answered is not None:
        return f"{prompt} was asked" if leaf.answered else f"{prompt} was not asked"
    if leaf.is_ is not None:
        return f"{prompt} is {_labels(question, [leaf.is_], lang, ' or ')}"
    if leaf.is_one_of is not None:
        return f"{prompt} is {_labels(question, leaf.is_one_of, lang, ' or ')}"
    if leaf.includes_any is not None:
        if len(leaf.includes_any) == 1:
            return f"{prompt} includes {_labels(question, leaf.includes_any, lang, '')}"
        return f"{prompt} includes any of {_labels(question, leaf.includes_any, lang, ' or ')}"
    if leaf.includes_all is not None:
        if len(leaf.includes_all) == 1:
            return f"{prompt} includes {_labels(question, leaf.includes_all, lang, '')}"
        return f"{prompt} includes all of {_labels(question, leaf.includes_all, lang, ' and ')}"
    count = leaf.at_least
    if leaf.of is None:
        return f"{prompt} has at least {count} ticked"
    return f"{prompt} has at least {count} of {_labels(question, leaf.of, lang, ', ')} ticked"


def condition_words(condition: Condition, document: ThresholdDocument, lang: str = "en") -> str:
    """The condition as one sentence; nested combinations in brackets so 'and'/'or' read
    unambiguously."""

    def words(node: Condition, nested: bool) -> str:
        if node.is_leaf:
            return _leaf_words(node, document, lang)
        if node.not_ is not None:
            return f"not ({words(node.not_, False)})"
        children = node.all_ if node.all_ is not None else node.any_
        joiner = " and " if node.all_ is not None else " or "
        said = joiner.join(words(child, True) for child in children or [])
        return f"({said})" if nested and len(children or []) > 1 else said

    # Conditions are short in practice; recursion depth is bounded by what a person writes,
    # and the loader already refuses documents nested beyond its limit.
    return words(condition, False)


def text(value: Text | None, lang: str = "en") -> str:
    """A text field on one line."""
    return " ".join(render(value, lang).split())
