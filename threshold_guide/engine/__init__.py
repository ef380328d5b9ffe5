"""The pure engine: routing, walking, route enumeration and 'what would change'.

Functions here take a validated :class:`~threshold_guide.models.document.ThresholdDocument`
and plain answers, and return new values; nothing here reads files or talks to a terminal.
"""
