"""The closed-form Student-t against scipy (a test-only dependency)."""

from __future__ import annotations

import random

import pytest
from scipy import stats

from knotwork.core.stats.student_t import regularized_beta, t_cdf, t_ppf


def test_cdf_matches_scipy_over_random_points() -> None:
    rng = random.Random(20261207)
    worst = 0.0
    for _ in range(3000):
        df = rng.choice([1.0, 2.0, 3.0, 4.5, 6.0, 9.0, 15.0, 40.0, 200.0]) * rng.uniform(0.8, 1.2)
        x = rng.gauss(0.0, 4.0)
        worst = max(worst, abs(t_cdf(x, df) - float(stats.t.cdf(x, df))))
    assert worst < 1e-10


@pytest.mark.parametrize("df", [1.0, 3.0, 8.0, 30.0])
@pytest.mark.parametrize("p", [0.001, 0.05, 0.5, 0.9, 0.975, 0.9999])
def test_quantile_inverts_the_cdf(df: float, p: float) -> None:
    assert t_ppf(p, df) == pytest.approx(float(stats.t.ppf(p, df)), abs=1e-8)


def test_edges_and_bad_arguments() -> None:
    assert regularized_beta(2.0, 3.0, 0.0) == 0.0
    assert regularized_beta(2.0, 3.0, 1.0) == 1.0
    assert t_cdf(0.0, 5.0) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="x must"):
        regularized_beta(1.0, 1.0, 1.5)
    with pytest.raises(ValueError, match="degrees"):
        t_cdf(1.0, 0.0)
    with pytest.raises(ValueError, match="strictly"):
        t_ppf(1.0, 3.0)
