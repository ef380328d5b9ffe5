"""The agreement statistics against published worked examples, edge cases and properties."""

from __future__ import annotations

import random as random_module
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threshold_guide.scenarios.agreement import (
    Metric,
    coincidences,
    fleiss_kappa,
    krippendorff_alpha,
    landis_koch,
    percent_agreement,
)

# Fleiss (1971), Table 1: 30 patients, each diagnosed by 6 psychiatrists into five
# categories (depression, personality disorder, schizophrenia, neurosis, other).
# Each row gives how many of the six chose each category.
FLEISS_1971 = [
    (0, 0, 0, 6, 0), (0, 3, 0, 0, 3), (0, 1, 4, 0, 1), (0, 0, 0, 0, 6), (0, 3, 0, 3, 0),
    (2, 0, 4, 0, 0), (0, 0, 4, 0, 2), (2, 0, 3, 1, 0), (2, 0, 0, 4, 0), (0, 0, 0, 0, 6),
    (1, 0, 0, 5, 0), (1, 1, 0, 4, 0), (0, 3, 3, 0, 0), (1, 0, 0, 5, 0), (0, 2, 0, 3, 1),
    (0, 0, 5, 0, 1), (3, 0, 0, 1, 2), (5, 1, 0, 0, 0), (0, 2, 0, 4, 0), (1, 0, 2, 0, 3),
    (0, 0, 0, 0, 6), (0, 1, 0, 5, 0), (0, 2, 0, 1, 3), (2, 0, 0, 4, 0), (1, 0, 0, 4, 1),
    (0, 5, 0, 1, 0), (4, 0, 0, 0, 2), (0, 2, 0, 4, 0), (1, 0, 5, 0, 0), (0, 0, 0, 0, 6),
]


def _units_from_counts(rows: Sequence[tuple[int, ...]]) -> list[list[int]]:
    return [[category for category, count in enumerate(row) for _ in range(count)]
            for row in rows]


def test_fleiss_1971_worked_example() -> None:
    units = _units_from_counts(FLEISS_1971)
    assert all(len(unit) == 6 for unit in units)
    # Fleiss reports P-bar = .556 and kappa = .430.
    assert round(percent_agreement(units) or 0, 3) == 0.556
    assert round(fleiss_kappa(units) or 0, 3) == 0.430


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
# observers, twelve units, values 1-5, with missing data (None). Unit 12 has a single
# value, so it is not pairable and must be ignored.
K2011_C = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}


def _columns(observers: dict[str, list[int | None]]) -> list[list[int]]:
    return [[value for value in unit if value is not None]
            for unit in zip(*observers.values(), strict=True)]


@pytest.mark.parametrize(("metric", "published"), [
    (Metric.NOMINAL, 0.743), (Metric.ORDINAL, 0.815),
    (Metric.INTERVAL, 0.849), (Metric.RATIO, 0.797),
])
def test_krippendorff_2011_multiple_observers_with_missing_data(
        metric: Metric, published: float) -> None:
    alpha = krippendorff_alpha(_columns(K2011_C), metric)
    assert alpha is not None and round(alpha, 3) == published


def test_krippendorff_2011_binary_two_observers() -> None:
    # Section A: two observers, ten units, binary values; alpha = 0.095.
    ben = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    gerry = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    alpha = krippendorff_alpha([list(pair) for pair in zip(ben, gerry, strict=True)])
    assert alpha is not None and round(alpha, 3) == 0.095


def test_krippendorff_2011_nominal_two_observers() -> None:
    # Section B: two observers, twelve units, nominal values a-e; alpha = 0.692.
    ben = "aabbdcccedda"
    gerry = "babbbccceddd"
    alpha = krippendorff_alpha([list(pair) for pair in zip(ben, gerry, strict=True)])
    assert alpha is not None and round(alpha, 3) == 0.692


def test_coincidence_matrix_counts_each_pairable_value_once() -> None:
    matrix = coincidences(_columns(K2011_C))
    # 40 values in pairable units (unit 12's lone value does not count).
    assert sum(matrix.values()) == 40


# Edge cases.

def test_one_rater_has_no_pairs_so_everything_is_undefined() -> None:
    units = [["a"], ["b"], ["a"]]
    assert percent_agreement(units) is None
    assert fleiss_kappa(units) is None
    assert krippendorff_alpha(units) is None
    assert krippendorff_alpha([[1], [2]], Metric.ORDINAL) is None


def test_no_data_at_all() -> None:
    assert fleiss_kappa([]) is None
    assert krippendorff_alpha([]) is None
    assert percent_agreement([[]]) is None


def test_all_agree_with_variation_across_units_is_perfect() -> None:
    units = [["a", "a", "a"], ["b", "b", "b"], ["c", "c"]]
    assert percent_agreement(units) == 1.0
    assert fleiss_kappa(units) == 1.0
    assert krippendorff_alpha(units) == 1.0
    assert krippendorff_alpha([[1, 1], [3, 3, 3]], Metric.ORDINAL) == 1.0


def test_all_agree_on_one_value_is_complete_but_chance_correction_is_undefined() -> None:
    units = [["a", "a"], ["a", "a", "a"]]
    assert percent_agreement(units) == 1.0
    assert fleiss_kappa(units) is None
    assert krippendorff_alpha(units) is None


def test_all_disagree() -> None:
    units = [["a", "b"], ["a", "b"]]
    assert percent_agreement(units) == 0.0
    assert fleiss_kappa(units) == -1.0
    # 1 - (n - 1) * sum(o_ck) / sum(n_c n_k) = 1 - 3 * 4 / 8
    assert krippendorff_alpha(units) == -0.5


def test_one_case_is_degenerate_whatever_the_split() -> None:
    # With a single unit, chance is estimated from that unit itself: kappa is exactly
    # -1/(n-1) and alpha exactly 0 whenever anyone disagrees. The report says so.
    for unit in (["a"] * 9 + ["b"], ["a", "b", "c", "d"], ["a"] * 5 + ["b"] * 5):
        n = len(unit)
        assert fleiss_kappa([unit]) == pytest.approx(-1 / (n - 1))
        assert krippendorff_alpha([unit]) == 0.0
        assert krippendorff_alpha([[ord(v) for v in unit]], Metric.ORDINAL) == 0.0


def test_missing_data_only_pairable_units_count() -> None:
    with_missing = [["a", "a"], ["b"], ["a", "b", "b"], []]
    without = [["a", "a"], ["a", "b", "b"]]
    assert krippendorff_alpha(with_missing) == krippendorff_alpha(without)
    assert fleiss_kappa(with_missing) == fleiss_kappa(without)
    assert percent_agreement(with_missing) == percent_agreement(without)


def test_ordinal_alpha_uses_a_given_order() -> None:
    rank = {"low": 0, "middle": 1, "high": 2}
    words = [["low", "middle"], ["high", "high"], ["low", "low"], ["middle", "high"]]
    numbers = [[rank[w] for w in unit] for unit in words]
    assert krippendorff_alpha(words, Metric.ORDINAL, order=rank.__getitem__) == \
        krippendorff_alpha(numbers, Metric.ORDINAL)


def test_interval_needs_numbers() -> None:
    with pytest.raises(TypeError):
        krippendorff_alpha([["a", "b"], ["a", "a"]], Metric.INTERVAL)


@pytest.mark.parametrize(("value", "label"), [
    (None, None), (-0.1, "poor"), (0.1, "slight"), (0.29, "fair"), (0.58, "moderate"),
    (0.73, "substantial"), (0.89, "almost perfect"),
])
def test_landis_koch_bands(value: float | None, label: str | None) -> None:
    assert landis_koch(value) == label


# Properties.

LABELS = "abcde"
unit_lists = st.lists(st.lists(st.sampled_from(LABELS), max_size=6), min_size=1, max_size=8)


@given(unit_lists)
def test_coefficients_are_at_most_one_and_agreement_is_a_share(units: list[list[str]]) -> None:
    for value in (fleiss_kappa(units), krippendorff_alpha(units),
                  krippendorff_alpha(units, Metric.ORDINAL)):
        assert value is None or value <= 1.0 + 1e-12
    share = percent_agreement(units)
    assert share is None or 0.0 <= share <= 1.0


@given(st.lists(st.lists(st.sampled_from(LABELS), min_size=4, max_size=4),
                min_size=1, max_size=8))
def test_fleiss_kappa_lower_bound_with_equal_raters(units: list[list[str]]) -> None:
    # With n raters per unit, kappa >= -1/(n-1) (from the Cauchy-Schwarz inequality).
    kappa = fleiss_kappa(units)
    assert kappa is None or kappa >= -1 / 3 - 1e-12


@given(unit_lists, st.permutations(LABELS))
def test_nominal_coefficients_ignore_the_labels(units: list[list[str]],
                                                relabelled: list[str]) -> None:
    mapping = dict(zip(LABELS, relabelled, strict=True))
    renamed = [[mapping[value] for value in unit] for unit in units]
    assert fleiss_kappa(renamed) == fleiss_kappa(units)
    assert krippendorff_alpha(renamed) == krippendorff_alpha(units)
    assert percent_agreement(renamed) == percent_agreement(units)


@given(st.lists(st.lists(st.integers(0, 4), max_size=5), min_size=1, max_size=8))
def test_ordinal_alpha_depends_only_on_rank_order(units: list[list[int]]) -> None:
    # Any strictly increasing recoding (e.g. outcome levels 10, 40, 80, 85, 100).
    levels = [10, 40, 80, 85, 100]
    recoded = [[levels[value] for value in unit] for unit in units]
    assert krippendorff_alpha(recoded, Metric.ORDINAL) == \
        krippendorff_alpha(units, Metric.ORDINAL)


@given(unit_lists, st.randoms(use_true_random=False))
def test_order_of_units_and_of_values_does_not_matter(units: list[list[str]],
                                                      random: object) -> None:
    assert isinstance(random, random_module.Random)
    shuffled = [random.sample(unit, len(unit)) for unit in units]
    random.shuffle(shuffled)
    assert fleiss_kappa(shuffled) == fleiss_kappa(units)
    assert krippendorff_alpha(shuffled, Metric.ORDINAL) == \
        krippendorff_alpha(units, Metric.ORDINAL)
