"""Pure operations on sessions: starting one, walking it, moving it to a newer version of
the guidance, and what happens after the decision. Files live in :mod:`threshold_guide.storage`.
"""
