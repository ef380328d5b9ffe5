"""The served page: its HTML, and the headers that keep it to itself.

The template (``templates/index.html``) replaces textual-serve's, which fetched a web font
from a font service. The Content-Security-Policy lets the page load and connect to its own
server only, so an extension of the template, or a crafted address such as textual.js's
``?ping=URL``, cannot make the browser fetch anything from elsewhere either.
"""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files
from string import Template

TEMPLATE = "index.html"
FONT_SIZES = range(6, 73)
DEFAULT_FONT_SIZE = 16


def font_size(text: str | None) -> int:
    """The ``?fontsize=`` a trainer may add to the link, kept to readable sizes."""
    try:
        size = int(text or DEFAULT_FONT_SIZE)
    except ValueError:
        return DEFAULT_FONT_SIZE
    return min(max(size, FONT_SIZES.start), FONT_SIZES.stop - 1)


@cache
def _template() -> Template:
    return Template(files(__name__.rpartition(".")[0]).joinpath("templates", TEMPLATE)
                    .read_text("utf-8"))


def render_page(*, title: str, static: str, socket_path: str, size: int, nonce: str,
                language: str = "en") -> str:
    """The page's HTML, marked as in ``language``; every value is escaped for HTML."""
    template = _template()
    values = {"title": title, "static": static, "socket_path": socket_path,
              "font_size": str(size), "nonce": nonce, "language": language}
    return template.substitute({key: html.escape(value) for key, value in values.items()})


def security_headers(nonce: str | None = None) -> dict[str, str]:
    """Headers for every response; with ``nonce``, the page's policy too."""
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    if nonce is not None:
        headers["Content-Security-Policy"] = "; ".join([
            "default-src 'none'",
            f"script-src 'self' 'nonce-{nonce}'",
            # xterm.js adds its styles as <style> elements at run time.
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "img-src 'self' data:",
            # 'self' covers the page's own ws:// and wss:// address (CSP level 3).
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ])
        # The page carries the token in its address and its markup.
        headers["Cache-Control"] = "no-store"
    return headers
