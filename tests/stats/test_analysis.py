"""The posterior, the verdicts, and the method's behaviour in simulation (fixed seeds).

The simulations here are small so the suite stays quick; bench/fair_test.py runs the full
validation with thousands of simulated tests and prints the figures.
"""

from __future__ import annotations

import math
import random

import pytest

from knotwork.core.stats.posterior import (
    Prior,
    difference_variance,
    prior_from_baseline,
    update,
)
from knotwork.core.stats.schedule import Schedule
from knotwork.core.stats.simulate import Scenario, ar1, simulate
from knotwork.core.stats.verdict import judge, sentence

SCHEDULE = Schedule(seed=1, orders=("AB", "BA", "AB", "BA"))


def test_posterior_follows_the_conjugate_formulas() -> None:
    prior = Prior(mean=0.0, strength=1.0, shape=1.0, scale=1.0)
    post = update(prior, [1.0, 2.0, 3.0])
    assert post is not None
    # kappa_n = 4, mu_n = 6/4, alpha_n = 2.5, beta_n = 1 + 1 + 1*3*4/(2*4) = 3.5
    assert post.location == pytest.approx(1.5)
    assert post.df == pytest.approx(5.0)
    assert post.scale == pytest.approx(math.sqrt(3.5 / (2.5 * 4)))
    low, high = post.interval(0.9)
    assert low < 1.5 < high and post.prob_above(0.0) + post.prob_below(0.0) == pytest.approx(1.0)


def test_no_block_no_posterior() -> None:
    assert update(Prior(), []) is None


def test_block_difference_variance_shrinks_with_correlation_across_periods() -> None:
    independent = difference_variance(1.5, 0.0, SCHEDULE)
    assert independent == pytest.approx(2 * 1.5**2 / 5)
    assert difference_variance(1.5, 0.6, SCHEDULE) > independent  # within-period correlation


def test_the_baseline_needs_two_weeks() -> None:
    assert prior_from_baseline(dict.fromkeys(range(-13, 0), 5.0), SCHEDULE) is None
    prior = prior_from_baseline({d: 5.0 + (d % 3) for d in range(-28, 0)}, SCHEDULE)
    assert prior is not None and "28 days" in prior.basis


def test_no_verdict_before_three_blocks_and_firm_words_wait_for_four() -> None:
    two = judge(update(Prior(), [3.0, 3.1]), 4)
    assert two.kind == "not-yet" and "2 of 4 blocks" in sentence(two, "Ball release", "Heat")
    three = judge(update(Prior(), [3.0, 3.1, 2.9]), 4)
    assert three.kind == "probably-a"
    four = judge(update(Prior(), [3.0, 3.1, 2.9, 3.0]), 4)
    assert four.kind == "clearly-a"
    assert (
        sentence(four, "Ball release", "Heat") == "Ball release clearly helped you more than Heat."
    )


def test_an_unclear_finished_test_offers_two_more_blocks() -> None:
    verdict = judge(update(Prior(), [0.5, -0.4, 0.2, -0.1]), 4)
    assert verdict.kind == "no-clear-difference" and verdict.can_extend
    assert not judge(update(Prior(), [0.5, -0.4, 0.2]), 4).can_extend  # not finished yet


def test_b_can_win_too() -> None:
    verdict = judge(update(Prior(), [-2.0, -2.5, -1.8, -2.2]), 4)
    assert verdict.kind == "clearly-b" and verdict.p_b_better is not None
    assert verdict.p_b_better > 0.975


def _share(scenario: Scenario, kinds: tuple[str, ...], runs: int, seed: int) -> float:
    rng = random.Random(seed)
    return sum(simulate(scenario, rng).kind in kinds for _ in range(runs)) / runs


def test_with_no_true_difference_clear_claims_are_rare_even_starting_on_a_flare() -> None:
    null = Scenario(effect=0.0, sd=1.5, rho=0.8, flare=3.0, blocks=4)
    assert _share(null, ("clearly-a", "clearly-b"), 600, seed=3) <= 0.08


def test_a_true_two_point_difference_is_usually_found_in_four_blocks() -> None:
    real = Scenario(effect=2.0, sd=1.2, rho=0.5, blocks=4)
    assert _share(real, ("clearly-a",), 400, seed=4) >= 0.7
    assert _share(real, ("clearly-b", "probably-b"), 400, seed=5) <= 0.01


def test_a_before_and_after_reading_of_a_flare_is_fooled_but_the_fair_test_is_not() -> None:
    """Regression to the mean: starting on a flare 'improves' pain with no effect at all."""
    rng = random.Random(6)
    drops = []
    for _ in range(300):
        days = ar1(rng, 8, 1.5, 0.6, 3.0)
        drops.append(days[0] - sum(days[1:]) / 7)
    assert sum(drops) / len(drops) > 1.5
    assert _share(Scenario(flare=3.0), ("clearly-a", "clearly-b"), 300, seed=7) <= 0.06
