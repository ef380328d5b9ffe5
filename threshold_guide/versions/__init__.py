"""Document versions: what changed between two, who it affects, and moving sessions across.

:mod:`~threshold_guide.versions.diff` is the one notion of "what changed" that
``threshold-guide diff``, the impact replay and session upgrades all rest on.
"""
