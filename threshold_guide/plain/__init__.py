"""Plain mode: the guided walk as numbered prompts on standard input and output.

For screen-reader users and for scripts. Every rule comes from
:class:`threshold_guide.session.walkthrough.Walkthrough`, exactly as in the terminal app, so the
same answers give the same session file and the same summary. Nothing here imports
Textual.
"""
