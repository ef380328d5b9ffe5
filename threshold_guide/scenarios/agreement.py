"""Agreement among raters: percentage agreement, Fleiss' kappa and Krippendorff's alpha.

Pure functions over *units* (the cases rated). Each unit is the list of values the raters
gave it; a rater who did not rate a unit simply contributes no value (missing data).
Rater identity is not needed by any of these statistics, so sessions of different
participants can rate different cases.

Arithmetic is exact (:class:`fractions.Fraction`) and converted to ``float`` only at
the end, so results do not depend on the order of the data and relabelling values gives
identical, not merely close, results.

A coefficient is ``None`` when it is undefined: fewer than two values in every unit (no
pairs to compare), or only one value used by anyone (no variation, so agreement cannot
be told apart from chance).

References:

- Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
  *Psychological Bulletin* 76(5), 378-382. With a varying number of ratings per unit,
  each unit's agreement is taken over its own pairs and the category proportions over
  all ratings; with a constant number this is exactly Fleiss's statistic.
- Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School
  for Communication, University of Pennsylvania. The coincidence-matrix method, with the
  nominal, ordinal, interval and ratio difference functions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from enum import StrEnum
from fractions import Fraction
from typing import Any, TypeVar

from threshold_guide.i18n.catalogue import N_

V = TypeVar("V", bound=Hashable)

Units = Sequence[Sequence[V]]
"""The values given to each unit; a missing rating is simply absent."""


class Metric(StrEnum):
    """Krippendorff's difference functions, by level of measurement."""

    NOMINAL = "nominal"
    ORDINAL = "ordinal"
    INTERVAL = "interval"
    RATIO = "ratio"


def _pairable(units: Iterable[Sequence[V]]) -> list[Counter[V]]:
    """Value counts of each unit that has at least two values (the only ones with pairs)."""
    return [Counter(unit) for unit in units if len(unit) >= 2]


def unit_agreement(unit: Sequence[V]) -> Fraction | None:
    """Share of the pairs of ratings of one unit that agree; None with fewer than two."""
    size = len(unit)
    if size < 2:
        return None
    agreeing = sum(count * (count - 1) for count in Counter(unit).values())
    return Fraction(agreeing, size * (size - 1))


def percent_agreement(units: Units[V]) -> float | None:
    """Mean over units of the share of agreeing pairs of ratings (Fleiss's P-bar).

    With one unit this is the share of pairs of raters who chose the same value.
    """
    shares = [share for share in (unit_agreement(unit) for unit in units) if share is not None]
    if not shares:
        return None
    return float(sum(shares, Fraction(0)) / len(shares))


def fleiss_kappa(units: Units[V]) -> float | None:
    """Fleiss' kappa for nominal ratings; units with fewer than two ratings are left out."""
    counted = _pairable(units)
    if not counted:
        return None
    observed = Fraction(0)
    totals: Counter[V] = Counter()
    ratings = 0
    for counts in counted:
        size = sum(counts.values())
        observed += Fraction(
            sum(count * (count - 1) for count in counts.values()), size * (size - 1)
        )
        totals.update(counts)
        ratings += size
    observed /= len(counted)
    chance = sum((Fraction(count, ratings) ** 2 for count in totals.values()), Fraction(0))
    if chance == 1:
        return None
    return float((observed - chance) / (1 - chance))


def coincidences(units: Units[V]) -> dict[tuple[V, V], Fraction]:
    """Krippendorff's coincidence matrix: o[c, k] over ordered pairs of values in units.

    Each unit with m values contributes 1/(m - 1) for every ordered pair of its values
    that come from different raters, so every pairable value adds 1 to the matrix.
    """
    matrix: dict[tuple[V, V], Fraction] = {}
    for counts in _pairable(units):
        weight = Fraction(1, sum(counts.values()) - 1)
        for first, first_count in counts.items():
            for second, second_count in counts.items():
                pairs = first_count * (first_count - 1 if first == second else second_count)
                if pairs:
                    key = (first, second)
                    matrix[key] = matrix.get(key, Fraction(0)) + pairs * weight
    return matrix


def _number(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
        raise TypeError(f"interval and ratio alpha need numbers, not {value!r}")
    return Fraction(value)


def _difference(
    metric: Metric, marginals: dict[V, Fraction], order: Callable[[V], Any] | None
) -> Callable[[V, V], Fraction]:
    """The squared difference function delta^2(c, k) for ``metric``."""
    if metric is Metric.NOMINAL:
        return lambda c, k: Fraction(0 if c == k else 1)
    if metric is Metric.ORDINAL:
        key: Callable[[V], Any] = order or (lambda value: value)
        ranked = sorted(marginals, key=key)
        position = {value: index for index, value in enumerate(ranked)}
        # Cumulative marginals let each difference be found in constant time.
        cumulative: list[Fraction] = []
        running = Fraction(0)
        for value in ranked:
            running += marginals[value]
            cumulative.append(running)

        def ordinal(c: V, k: V) -> Fraction:
            low, high = sorted((position[c], position[k]))
            between = cumulative[high] - (cumulative[low - 1] if low else Fraction(0))
            return (between - (marginals[c] + marginals[k]) / 2) ** 2

        return ordinal
    if metric is Metric.INTERVAL:
        return lambda c, k: (_number(c) - _number(k)) ** 2

    def ratio(c: V, k: V) -> Fraction:
        total = _number(c) + _number(k)
        return Fraction(0) if total == 0 else ((_number(c) - _number(k)) / total) ** 2

    return ratio


def krippendorff_alpha(
    units: Units[V],
    metric: Metric | str = Metric.NOMINAL,
    *,
    order: Callable[[V], Any] | None = None,
) -> float | None:
    """Krippendorff's alpha: 1 - observed / expected disagreement.

    ``metric`` is the level of measurement. Ordinal alpha ranks the values by ``order``
    (default: their natural order) and weighs a disagreement by how many pairable values
    lie between the two, so only the rank order of the values matters. Interval and ratio
    need numbers.
    """
    metric = Metric(metric)
    matrix = coincidences(units)
    marginals: dict[V, Fraction] = {}
    for (first, _), weight in matrix.items():
        marginals[first] = marginals.get(first, Fraction(0)) + weight
    total = sum(marginals.values(), Fraction(0))
    if total == 0:
        return None
    delta = _difference(metric, marginals, order)
    observed = sum((weight * delta(c, k) for (c, k), weight in matrix.items()), Fraction(0))
    expected = sum(
        (marginals[c] * marginals[k] * delta(c, k) for c in marginals for k in marginals),
        Fraction(0),
    )
    if expected == 0:
        return None
    return float(1 - (total - 1) * observed / expected)


def landis_koch(value: float | None) -> str | None:
    """The Landis & Koch (1977) label for a kappa-type coefficient."""
    if value is None:
        return None
    if value < 0:
        # Translators: the Landis & Koch bands of agreement (kappa), from worst to best.
        return N_("poor")
    for upper, label in ((0.20, N_("slight")), (0.40, N_("fair")), (0.60, N_("moderate")),
                         (0.80, N_("substantial"))):
        if value <= upper:
            return label
    return N_("almost perfect")
