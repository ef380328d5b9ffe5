"""Exports people can send: print-ready, self-contained HTML.

``render.html`` turns Markdown into an inert HTML file; ``render.pages`` applies it to the
summary, the explanation and the logic book; ``render.graph`` draws the question tree.
"""
