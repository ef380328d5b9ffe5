"""Characters that could make exported text read differently from what it is.

Bidirectional controls can reorder what a reader sees (a note or a label that reads one
way and says another); control characters have no business in a document and some are
not allowed in HTML at all. Both come from text someone typed, so exports show them
instead of obeying them.
"""

from __future__ import annotations

import re

_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def visible_codes(text: str) -> str:
    """Control characters as U+FFFD, bidirectional controls as visible ``[U+XXXX]`` codes."""
    text = _CONTROL.sub("\ufffd", text)
    return _BIDI.sub(lambda found: f"[U+{ord(found.group()):04X}]", text)
