"""Explaining a decision to partners: plain language for one reader, from a finished session.

``explain`` builds the :class:`~threshold_guide.models.explanation.Explanation`;
``render_explanation_markdown`` renders it. JSON is ``summary.json_output.render_json`` and
print-ready HTML is ``render.pages.explanation_html``.
"""

from threshold_guide.explain.build import ExplainError, UnsafeToShare, explain
from threshold_guide.explain.family_safety import FamilyRisk, family_risks
from threshold_guide.explain.markdown import render_explanation_markdown

__all__ = ["ExplainError", "FamilyRisk", "UnsafeToShare", "explain", "family_risks",
           "render_explanation_markdown"]
