"""How much input threshold-guide reads: every limit in one place, stated in the README.

The limits bound memory and time, not only bytes: a small file can still hold millions of
values (a list of zeros), expand to billions through YAML aliases, or nest thousands of
levels deep. Each is refused while reading, with a located error naming the limit.
"""

from __future__ import annotations

MAX_FILE_BYTES = 32_000_000
"""Largest document, answers or scenario file read (32 MB). A 20,000-question document is
about 10 MB."""

MAX_SESSION_BYTES = 20_000_000
"""Largest session file read (20 MB)."""

MAX_NODES = 2_000_000
"""Most values (keys, items and texts, aliases followed) one file may hold. A
20,000-question document holds about 1,000,000."""

MAX_LIST_ITEMS = 25_000
"""Most items one list (or entries one mapping) may hold. The longest list of a
20,000-question document (its questions) has 20,000."""

MAX_ALIAS_VALUES = 100_000
"""Most values YAML aliases (``*name``) may repeat in one file, in all."""

MAX_DEPTH = 200
"""Deepest nesting accepted. Real documents need fewer than ten levels."""


def megabytes(size: int) -> str:
    """A byte count as the README writes limits: decimal megabytes, e.g. '32 MB'."""
    return f"{size / 1_000_000:g} MB"
