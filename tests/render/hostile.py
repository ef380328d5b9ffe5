"""Hostile input for the HTML exports: a guidance author and a practitioner who type HTML,
scripts, tracking images, dangerous links and Unicode tricks into every text they can.

Anything that would run sets ``PWNED`` in the page title or ``data-pwned="yes"`` on the body;
anything that would load names ``evil.example``. Both strings are split in the source, so
they can appear in the output only if a script really ran.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import MINIMAL
from threshold_guide.loading.catalog import Entry, resolve_file
from threshold_guide.models.session import GivenAnswer, Override, Session
from threshold_guide.render.html import CSP, CSS, SAFE_SCHEMES
from threshold_guide.session.creation import new_session, with_answers

AT = dt.datetime(2026, 11, 2, 10, 30, tzinfo=dt.UTC)
RUN_MARKERS = ("PWNED", 'data-pwned="yes"')
SCRIPT = "document.title='PW'+'NED';document.body.setAttribute('data-pwned','y'+'es')"

MARKDOWN_ATTACKS = (
    f"<script>{SCRIPT}</script>\n\n"
    f"<img src=x onerror=\"{SCRIPT}\">\n\n"
    f"[click me](javascript:{SCRIPT}) <javascript:alert(1)> [ref][evil] "
    "![tracker](http://evil.example/pixel.png) [gov.wales](https://evil.example/login)\n\n"
    "</style><style>body{background:url(http://evil.example/bg.png)}</style>\n\n"
    "<iframe src=\"http://evil.example/\"></iframe> <svg onload=alert(1)> "
    "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">x</a> "
    "<base href=\"http://evil.example/\"> "
    "<meta http-equiv=\"refresh\" content=\"0;url=http://evil.example/\"> "
    "<link rel=\"stylesheet\" href=\"http://evil.example/x.css\"> "
    "@import url(http://evil.example/x.css);\n\n"
    "<form action=\"http://evil.example/\"><input name=\"x\"></form> "
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
    "[file](file:///etc/passwd) [vb](vbscript:msgbox) [rel](../../secret.html) "
    "[spaced](java\tscript:alert(1))\n\n"
    "right-to-left \u202egnp.exe\u202c and \u2066isolate\u2069 &lt;script&gt;\n\n"
    "```html\n<script>alert(1)</script>\n```\n\n"
    "[evil]: javascript:alert(1)\n"
)
ONE_LINE = (f"<b onmouseover=\"{SCRIPT}\">x</b> \" ] --> q9 "
            "%%{init: {'securityLevel': 'loose'}}%% `md` #35; a\\nb |x| &amp;")
TYPED = MARKDOWN_ATTACKS + "\x00 nul \x1b[31m escape \x7f\n"
NOTE = TYPED + "\nA note only professionals may read."


def _hostile_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data["title"] = f"Minimal <script>{SCRIPT}</script>"
    data["about"] = MARKDOWN_ATTACKS
    data["publisher"] = "Board | with <i>pipes</i>"
    data["legal_test"]["text"] = MARKDOWN_ATTACKS
    data["legal_test"]["who_decides"] = MARKDOWN_ATTACKS
    data["sources"][0]["url"] = f"javascript:{SCRIPT}"
    data["sources"][0]["note"] = MARKDOWN_ATTACKS
    data["sources"].append({"id": "tracker", "title": ONE_LINE,
                            "url": "http://evil.example/x.png\" onerror=\"alert(1)"})
    data["definitions"][0]["text"] = MARKDOWN_ATTACKS
    data["definitions"][0]["sources"] = ["s130", "tracker"]
    data["child_voice"][0]["prompt"] = ONE_LINE
    for question in data["questions"]:
        question["prompt"] = question["prompt"] + " " + ONE_LINE
        question["help"] = MARKDOWN_ATTACKS
        question["why"] = MARKDOWN_ATTACKS
        for answer in question["answers"]:
            answer["label"] = answer["label"] + " " + ONE_LINE
            answer["rationale"] = answer["rationale"] + " " + ONE_LINE
    for outcome in data["outcomes"]:
        outcome["title"] = outcome["title"] + " " + ONE_LINE
        for field in ("do_now", "contact"):
            outcome[field] = MARKDOWN_ATTACKS
        outcome["rationale"] = outcome["rationale"] + " " + ONE_LINE
    return data


def hostile_document(folder: Path) -> Entry:
    """The minimal document with hostile text in every text field, written and loaded."""
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(_hostile_data(), sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    return resolve_file(path)


def hostile_session(entry: Entry) -> Session:
    """A finished session on ``entry`` whose every typed field is hostile."""
    session = new_session(entry.document, entry.sha256, now=AT, reference=ONE_LINE,
                          role=TYPED, agency=ONE_LINE, session_id="hostile")
    session = with_answers(session, {
        "danger": GivenAnswer(answer="no", note=NOTE, evidence="observed"),
        "signs": GivenAnswer(answer=["hunger"], note=NOTE, evidence="disclosed"),
        "pattern": GivenAnswer(answer="yes", note=NOTE),
    }, AT)
    return session.model_copy(update={
        "child_voice": {"words": TYPED},
        "strengths": {"protective": TYPED},
        "override": Override(outcome="monitor", reason=TYPED, by=ONE_LINE, at=AT),
    })


ALLOWED: dict[str, set[str]] = {
    "html": {"lang"}, "head": set(), "meta": {"charset", "http-equiv", "content", "name"},
    "title": set(), "style": set(), "body": set(), "main": set(),
    **{f"h{n}": set() for n in range(1, 7)},
    **{tag: set() for tag in ("p", "ul", "li", "blockquote", "strong", "em", "pre",
                              "table", "thead", "tbody", "tr", "th", "td", "br", "hr")},
    "ol": {"start"}, "a": {"href", "title"}, "span": {"class"}, "code": {"class"},
    "section": {"class"}, "div": {"lang"},
}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def assert_inert(html: str, css: str = CSS) -> str:
    """Check the page can run and load nothing (its only style ``css``); return its
    visible text."""
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<iframe" not in lowered
    assert not any(chr(c) in html for c in (*range(0, 9), 11, 12, *range(14, 32), 127))
    assert "\u202e" not in html and "\u2066" not in html
    page = _Page()
    page.feed(html)
    page.close()
    for tag, attrs in page.tags:
        assert tag in ALLOWED, tag
        for name, value in attrs:
            assert name in ALLOWED[tag], (tag, name, value)
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert (value or "").lower().startswith(SAFE_SCHEMES), value
    metas = [dict(attrs) for tag, attrs in page.tags if tag == "meta"]
    assert metas[0] == {"charset": "utf-8"}
    assert metas[1] == {"http-equiv": "Content-Security-Policy", "content": CSP}
    assert [m.get("http-equiv") for m in metas[2:]] == [None] * (len(metas) - 2)
    assert page.styles == ["\n" + css]
    assert "url(" not in css and "@import" not in css
    return "".join(page.text)
