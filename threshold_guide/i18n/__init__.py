"""The interface's words in English and Welsh: one gettext catalogue for every string a
practitioner, a partner or a family reads (see :mod:`threshold_guide.i18n.catalogue`).

Guidance text is not here: a threshold document carries its own ``{en, cy}`` texts.
"""
