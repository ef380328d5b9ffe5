"""threshold-guide: explicit, explainable child safeguarding thresholds for Wales.

The package is split so that everything except :mod:`threshold_guide.tui` is plain
Python with no terminal dependency: the CLI, the tests and any future front end share
the same models, checks, engine and summaries.
"""

__version__ = "0.1.0"
