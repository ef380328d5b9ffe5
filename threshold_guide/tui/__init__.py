"""The terminal app: a thin Textual layer over the core. It shows and collects; the rules
live in :mod:`threshold_guide.session.walkthrough`, :mod:`threshold_guide.engine` and friends."""
