"""Write a summary (Markdown, JSON, HTML) or an explanation (Markdown, HTML) to files a
practitioner can attach to a referral or hand to a partner."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from threshold_guide.explain import render_explanation_markdown
from threshold_guide.household.papers_markdown import render_papers_html, render_papers_markdown
from threshold_guide.models.explanation import Explanation
from threshold_guide.models.papers import ConferencePapers
from threshold_guide.models.summary import Summary
from threshold_guide.render.pages import explanation_html, summary_html
from threshold_guide.storage.atomic import write_atomic
from threshold_guide.summary.json_output import render_json
from threshold_guide.summary.markdown import render_markdown


@dataclass(frozen=True)
class Exported:
    folder: Path
    markdown: Path
    json: Path
    html: Path

    def paths(self) -> tuple[Path, ...]:
        return (self.markdown, self.json, self.html)


@dataclass(frozen=True)
class ExplanationExported:
    folder: Path
    markdown: Path
    html: Path

    def paths(self) -> tuple[Path, ...]:
        return (self.markdown, self.html)


def export_summary(summary: Summary, folder: Path, stem: str) -> Exported:
    """Write ``<stem>-summary.md``, ``.json`` and ``.html`` into ``folder`` (created if needed).

    The files hold case information, so like sessions they are readable by the user only.
    Raises OSError when the folder cannot be written.
    """
    folder = folder.expanduser()
    markdown = folder / f"{stem}-summary.md"
    json_path = folder / f"{stem}-summary.json"
    html = folder / f"{stem}-summary.html"
    write_atomic(markdown, render_markdown(summary), private=True)
    write_atomic(json_path, render_json(summary), private=True)
    write_atomic(html, summary_html(summary), private=True)
    return Exported(folder, markdown, json_path, html)


def export_explanation(explanation: Explanation, folder: Path, stem: str,
                       ) -> ExplanationExported:
    """Write ``<stem>-explain-<audience>.md`` and ``.html`` into ``folder``, 0600 like the
    summary: an explanation names the case too. Raises OSError when it cannot be written."""
    folder = folder.expanduser()
    base = f"{stem}-explain-{explanation.audience.value}"
    markdown = folder / f"{base}.md"
    html = folder / f"{base}.html"
    write_atomic(markdown, render_explanation_markdown(explanation), private=True)
    write_atomic(html, explanation_html(explanation), private=True)
    return ExplanationExported(folder, markdown, html)


def export_papers(papers: ConferencePapers, folder: Path, stem: str) -> ExplanationExported:
    """Write ``<stem>-<paper>.md`` and ``.html`` (a conference paper) into ``folder``, 0600:
    the papers name the case and hold what the children said. Raises OSError."""
    folder = folder.expanduser()
    base = f"{stem}-{papers.paper}"
    if papers.invitation is not None:
        base += f"-{papers.invitation.audience}"
    markdown = folder / f"{base}.md"
    html = folder / f"{base}.html"
    write_atomic(markdown, render_papers_markdown(papers), private=True)
    write_atomic(html, render_papers_html(papers), private=True)
    return ExplanationExported(folder, markdown, html)
