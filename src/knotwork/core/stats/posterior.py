"""A conjugate normal model on the block differences, with a Student-t posterior in closed form.

Model: d_j ~ N(delta, sigma^2), delta | sigma^2 ~ N(mu0, sigma^2 / kappa0),
sigma^2 ~ InvGamma(alpha0, beta0). The marginal posterior of delta is Student-t with 2*alpha_n
degrees of freedom, location mu_n and scale sqrt(beta_n / (alpha_n * kappa_n)) (Murphy 2007,
"Conjugate Bayesian analysis of the Gaussian distribution", section 3).

The prior on delta is sceptical: centred on no difference and worth one block. The prior on the
noise comes, where the diary allows, from the person's own days before the test: with only 3 to
5 differences a fixed prior on sigma^2 makes a noisy diarist's verdicts overconfident (in
simulation a fixed prior gave 13% false claims at a daily SD of 2 points; this one stays near
4% at any SD). Days before the test are independent of the random order, so using them is fair.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean, stdev

from knotwork.core.stats.schedule import Schedule
from knotwork.core.stats.student_t import t_cdf, t_ppf

# Without a baseline: a typical chronic-pain diary (day-to-day SD 1.5 points, lag-1 correlation
# 0.6), held weakly (shape 1).
TYPICAL_SD = 1.5
TYPICAL_RHO = 0.6
BASELINE_SHAPE = 2.0  # the baseline's noise estimate is worth about four blocks
MIN_BASELINE_DAYS = 14
MAX_RHO = 0.95


@dataclass(frozen=True)
class Prior:
    mean: float = 0.0  # mu0: no difference expected
    strength: float = 1.0  # kappa0: worth one block
    shape: float = 1.0  # alpha0
    scale: float = 1.0  # beta0, in points squared
    basis: str = "a typical pain diary"


@dataclass(frozen=True)
class Posterior:
    location: float
    scale: float
    df: float
    blocks: int
    prior: Prior

    def prob_above(self, x: float) -> float:
        """P(delta > x): with x = 0, the chance A is better (less pain with A)."""
        return 1.0 - t_cdf((x - self.location) / self.scale, self.df)

    def prob_below(self, x: float) -> float:
        return t_cdf((x - self.location) / self.scale, self.df)

    def interval(self, level: float = 0.9) -> tuple[float, float]:
        half = t_ppf(0.5 + level / 2.0, self.df) * self.scale
        return (self.location - half, self.location + half)


def difference_variance(sd: float, rho: float, schedule: Schedule) -> float:
    """Variance of one block difference if days follow an AR(1) with this SD and correlation."""
    n = schedule.period_days - schedule.washout_days
    same = sum(rho ** abs(i - j) for i in range(n) for j in range(n))
    across = sum(rho ** (schedule.period_days + j - i) for i in range(n) for j in range(n))
    return 2.0 * sd * sd * (same - across) / (n * n)


def lag_one_correlation(daily: Mapping[int, float]) -> float:
    days = sorted(daily)
    mean = fmean(daily.values())
    pairs = [(daily[d] - mean, daily[d + 1] - mean) for d in days if d + 1 in daily]
    spread = sum((v - mean) ** 2 for v in daily.values())
    if not pairs or spread == 0:
        return TYPICAL_RHO
    return min(max(sum(a * b for a, b in pairs) / spread, 0.0), MAX_RHO)


def default_prior(schedule: Schedule) -> Prior:
    variance = difference_variance(TYPICAL_SD, TYPICAL_RHO, schedule)
    return Prior(shape=1.0, scale=variance, basis="a typical pain diary")


def prior_from_baseline(daily: Mapping[int, float], schedule: Schedule) -> Prior | None:
    """A prior on the noise from the days before the test, or None with fewer than 14 of them."""
    if len(daily) < MIN_BASELINE_DAYS:
        return None
    sd = max(stdev(daily.values()), 0.25)  # a diary that never moves still has some noise
    variance = difference_variance(sd, lag_one_correlation(daily), schedule)
    return Prior(
        shape=BASELINE_SHAPE,
        scale=BASELINE_SHAPE * variance,
        basis=f"your diary's {len(daily)} days before the test",
    )


def update(prior: Prior, differences: Sequence[float]) -> Posterior | None:
    """The posterior of the difference A makes, or None without any complete block."""
    k = len(differences)
    if k == 0:
        return None
    mean = fmean(differences)
    kappa = prior.strength + k
    location = (prior.strength * prior.mean + k * mean) / kappa
    alpha = prior.shape + k / 2.0
    beta = (
        prior.scale
        + 0.5 * sum((d - mean) ** 2 for d in differences)
        + prior.strength * k * (mean - prior.mean) ** 2 / (2.0 * kappa)
    )
    return Posterior(location, math.sqrt(beta / (alpha * kappa)), 2.0 * alpha, k, prior)
