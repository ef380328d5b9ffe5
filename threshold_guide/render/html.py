"""Markdown to one self-contained, print-ready HTML file that cannot run or fetch anything.

The files are attached to referrals and opened on other agencies' machines, so they are
built to be inert whatever a guidance author or a practitioner typed:

- raw HTML in the Markdown is shown as text (markdown-it with ``html`` off);
- images are shown as a note, never loaded (an image would fetch an external resource);
- links are kept only for https, http and mailto; any other scheme (``javascript:``,
  ``data:``, relative paths into the reader's disk) stays as plain text, and a link whose
  text differs from its address shows the address, so a printed copy keeps it and a
  misleading label cannot hide it;
- bidirectional-override characters are shown as visible codes and control characters as
  U+FFFD, so text cannot be made to read differently from what it is;
- a Content-Security-Policy forbids every script, fetch, frame, form and base URL, in case
  anything above were ever to slip.

Same Markdown, title and language give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from threshold_guide.i18n.catalogue import translator
from threshold_guide.render.link_labels import use_linear_link_labels
from threshold_guide.render.unicode import visible_codes

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""Styles inline only; nothing else may load, run or be submitted."""

SAFE_SCHEMES = ("https://", "http://", "mailto:")

_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")

_CSS_TEMPLATE = """\
@page {
  size: A4;
  margin: 18mm 16mm 20mm;
  @bottom-center { content: PAGE_NUMBER; font-size: 9pt; }
}
html {
  color: #000;
  background: #fff;
  font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 11pt;
  line-height: 1.45;
}
body { margin: 0; overflow-wrap: break-word; }
main { max-width: 46em; margin: 0 auto; padding: 1.5em; }
h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 0.6em; }
h2 {
  font-size: 14pt;
  margin: 1.4em 0 0.5em;
  padding-bottom: 2pt;
  border-bottom: 1.5pt solid #000;
  break-after: avoid;
}
h3 { font-size: 12pt; margin: 1.1em 0 0.4em; break-after: avoid; }
h2, h3 { break-inside: avoid; }
p, li { orphans: 3; widows: 3; }
ul, ol { padding-left: 1.6em; }
li + li { margin-top: 0.25em; }
blockquote {
  margin: 0.7em 0;
  padding: 0.4em 0.9em;
  border: 1pt solid #000;
  border-left-width: 5pt;
  break-inside: avoid;
}
blockquote p { margin: 0.3em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 3pt 6pt; text-align: left; vertical-align: top; }
code, pre {
  font-family: "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace;
  font-size: 0.9em;
  overflow-wrap: anywhere;
}
pre { white-space: pre-wrap; border: 0.75pt solid #000; padding: 0.5em; }
a { color: inherit; text-decoration: underline; }
.url { font-size: 0.9em; overflow-wrap: anywhere; }
.image-not-shown { font-style: italic; }
@media print {
  main { max-width: none; padding: 0; }
}
"""


_PAGE_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_number_css(language: str = "en") -> str:
    """The printed page footer ("Page 2 of 5") as a CSS ``content`` value, in ``language``."""
    # Translators: the printed page footer; keep {page} and {pages} (the numbers).
    words = translator(language).gettext("Page {page} of {pages}")
    parts: list[str] = []
    for index, piece in enumerate(_PAGE_PLACEHOLDER.split(words)):
        if index % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(_css_string(piece))
    return " ".join(parts)


def page_css(language: str = "en") -> str:
    """The print CSS, its page footer in ``language``."""
    return _CSS_TEMPLATE.replace("PAGE_NUMBER", page_number_css(language))


CSS = page_css("en")
"""The print CSS of an English page."""


class _InertRenderer(RendererHTML):
    """commonmark's renderer, with images as text and link addresses made visible."""

    def image(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        alt = self.renderInlineAsText(tokens[idx].children, options, env)
        tr = translator(str(env.get("language", "en")))
        label = (tr.gettext("image not shown: {text}").format(text=alt) if alt.strip()
                 else tr.gettext("image not shown"))
        return f'<span class="image-not-shown">[{escapeHtml(label)}]</span>'

    def link_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        start = idx
        while start > 0 and tokens[start].type != "link_open":
            start -= 1
        href = str(tokens[start].attrGet("href") or "")
        text = self.renderInlineAsText(list(tokens[start + 1 : idx]), options, env).strip()
        closing = self.renderToken(tokens, idx, options, env)
        if not href or text in (href, unquote(href)) or unquote(href) == f"mailto:{text}":
            return closing
        return f'{closing} <span class="url">({escapeHtml(href)})</span>'


class _InertMarkdown(MarkdownIt):
    def __init__(self) -> None:
        super().__init__("commonmark", {"html": False}, renderer_cls=_InertRenderer)
        self.enable("table")
        use_linear_link_labels(self)

    def validateLink(self, url: str) -> bool:
        # An allow-list: anything not plainly a web or mail address stays as text.
        return url.lower().startswith(SAFE_SCHEMES)


_MARKDOWN = _InertMarkdown()


def markdown_to_html(markdown: str, language: str = "en") -> str:
    """The HTML body for ``markdown``: safe to place in a page as it is (the few words it
    adds itself, such as "image not shown", in ``language``)."""
    return visible_codes(_MARKDOWN.render(markdown, {"language": language}))


def language_attribute(language: str) -> str:
    """``language`` if it is a well-formed language tag, else ``en``: it goes into an
    attribute, so nothing else may."""
    return language if _LANGUAGE.fullmatch(language) else "en"


def html_page(body: str, *, title: str, language: str = "en", extra_css: str = "") -> str:
    """A complete HTML document around ``body`` (already safe HTML), with the print CSS
    (and ``extra_css``, written by this package, never by a user)."""
    lang = language_attribute(language)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escapeHtml(visible_codes(title))}</title>\n"
        f"<style>\n{page_css(lang)}{extra_css}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{body}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def render_html(markdown: str, *, title: str, language: str = "en") -> str:
    """``markdown`` as one self-contained, print-ready HTML file."""
    return html_page(markdown_to_html(markdown, language), title=title, language=language)
