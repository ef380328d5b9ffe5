"""Decision rules in words: conditions, targets and short rationales a reader can follow.

The logic book, the flowchart and the coverage report all show rules to people who do not
read YAML, so a condition is said the way a safeguarding lead would say it: "'Did the
child tell you about harm?' is Yes and 'Which signs have you seen?' includes Unexplained
bruising". Pure: the same document and language give the same words.
"""

from __future__ import annotations

from threshold_guide.i18n.catalogue import translator
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
    """The answers' labels in a list; ``joiner`` (``or``, ``and`` or ``,``) before the last."""
    tr = translator(lang)
    if question is None:
        named = list(ids)
    else:
        by_id = {a.id: render(a.label, lang) for a in question.answers}
        named = [by_id.get(answer_id, answer_id) for answer_id in ids]
    if len(named) <= 1:
        return "".join(named)
    if question is None:
        # Ids of a question the document lacks: said as they are, for the author to find.
        return {"or": " or ", "and": " and ", ",": ", "}[joiner].join(named)
    first, last = ", ".join(named[:-1]), named[-1]
    if joiner == "or":
        return tr.gettext("{items} or {last}").format(items=first, last=last)
    if joiner == "and":
        return tr.gettext("{items} and {last}").format(items=first, last=last)
    return f"{first}, {last}"


def _leaf_words(leaf: Condition, document: ThresholdDocument, lang: str) -> str:
    _ = translator(lang).gettext
    qid = str(leaf.question)
    question = document.question(qid) if document.has_question(qid) else None
    prompt = f"'{render(question.prompt, lang).strip()}'" if question else f"'{qid}'"
    if leaf.answered is not None:
        said = _("{prompt} was asked") if leaf.answered else _("{prompt} was not asked")
        return said.format(prompt=prompt)
    if leaf.is_ is not None:
        return _("{prompt} is {answers}").format(
            prompt=prompt, answers=_labels(question, [leaf.is_], lang, "or"))
    if leaf.is_one_of is not None:
        return _("{prompt} is {answers}").format(
            prompt=prompt, answers=_labels(question, leaf.is_one_of, lang, "or"))
    if leaf.includes_any is not None:
        if len(leaf.includes_any) == 1:
            return _("{prompt} includes {answers}").format(
                prompt=prompt, answers=_labels(question, leaf.includes_any, lang, ""))
        return _("{prompt} includes any of {answers}").format(
            prompt=prompt, answers=_labels(question, leaf.includes_any, lang, "or"))
    if leaf.includes_all is not None:
        if len(leaf.includes_all) == 1:
            return _("{prompt} includes {answers}").format(
                prompt=prompt, answers=_labels(question, leaf.includes_all, lang, ""))
        return _("{prompt} includes all of {answers}").format(
            prompt=prompt, answers=_labels(question, leaf.includes_all, lang, "and"))
    count = leaf.at_least or 0
    tr = translator(lang)
    if leaf.of is None:
        return tr.ngettext("{prompt} has at least {count} ticked",
                           "{prompt} has at least {count} ticked", count).format(prompt=prompt)
    return tr.ngettext("{prompt} has at least {count} of {answers} ticked",
                       "{prompt} has at least {count} of {answers} ticked", count).format(
        prompt=prompt, answers=_labels(question, leaf.of, lang, ","))


def condition_words(condition: Condition, document: ThresholdDocument, lang: str = "en") -> str:
    """The condition as one sentence; nested combinations in brackets so 'and'/'or' read
    unambiguously."""
    tr = translator(lang)

    def words(node: Condition, nested: bool) -> str:
        if node.is_leaf:
            return _leaf_words(node, document, lang)
        if node.not_ is not None:
            return tr.gettext("not ({condition})").format(condition=words(node.not_, False))
        children = node.all_ if node.all_ is not None else node.any_
        joined = (tr.gettext("{items} and {last}") if node.all_ is not None
                  else tr.gettext("{items} or {last}"))
        said = ""
        for number, child in enumerate(children or []):
            part = words(child, True)
            said = part if number == 0 else joined.format(items=said, last=part)
        return f"({said})" if nested and len(children or []) > 1 else said

    # Conditions are short in practice; recursion depth is bounded by what a person writes,
    # and the loader already refuses documents nested beyond its limit.
    return words(condition, False)


def text(value: Text | None, lang: str = "en") -> str:
    """A text field on one line."""
    return " ".join(render(value, lang).split())
