"""The ranking model: how likely is this pain picture if this muscle were its source?

For a muscle ``m`` on side ``s`` (left, right, or both sides at once), every sided region ``r``
gets a strength ``z`` from the muscle's referral patterns: ``Z_ESSENTIAL`` where any of its
trigger points has an essential zone, ``Z_SPILLOVER`` for a spillover zone, ``Z_LOCAL`` where a
trigger point itself lies, and 0 elsewhere. A person marks a region with probability

    P(mark r | m, s) = EPSILON + COMPLETENESS * z(r)

(``EPSILON``: pain there from another cause; ``COMPLETENESS``: people do not mark every zone they
feel, fewer when they describe pain in words than when they draw it), against a background
probability ``Q`` that any region is marked with no muscle in particular. The evidence for
``(m, s)`` is a log-likelihood ratio against that background:

    L = log prior(m) + log prior(s)
        + sum over marked r     of  w(r) * log(P(mark r | m, s) / Q)
        + a(n) * sum over unmarked r in the pattern of  log((1 - P(mark r | m, s)) / (1 - Q))
        + symptom, context, condition and press-test terms (log likelihood ratios below)

Each trigger point of a muscle has its own pattern and usually only one is active, so the
drawing terms are a mixture: ``SINGLE_TRIGGER_POINT`` of the weight spread evenly over "only
trigger point k is active" and the rest on "all are active" (log-sum-exp over these).

``w(r)`` grows with the marked intensity and is larger for the main area. A region claimed by
many muscles raises all of their scores alike, so after normalising (softmax over muscles, each
at its best side) it separates them little, while a specific zone separates them strongly: that
is how specificity enters. Unmarked essential zones count against a muscle, which is why a
muscle whose pattern matches the whole drawing beats one that only touches part of it.

How much they count depends on how much was marked: ``a(n) = min(1, n / FULL_PICTURE) ** 2``
for ``n`` marked places. People mark where it hurts most, rarely a muscle's whole pattern; one
marked place says where it hurts, hardly where it does not. Counted in full, the zones a single
mark leaves out sank the muscles that refer far (the scalenes down the arm, the upper trapezius to
the temple) below muscles that only spill over there, whatever the fit and the prevalence. An
unmarked zone says "it does not hurt there" only if the person meant to draw the whole picture and
drew it fully; both grow with the number of places, so their product grows as the square. From
``FULL_PICTURE`` places on the absences count in full (docs/finder.md, "Places left unmarked").

The zone strengths follow the clinical literature's wording (essential = "nearly all",
spillover = "some"). Background, completeness, priors and the trigger-point mixture were then
chosen by a coarse grid search on the evaluation cases in tests/finder/cases; tuned on one half
and tested on the other, top-3 accuracy held at 83-88% for text and 91-92% for drawings
(docs/finder.md). ``FULL_PICTURE``, the square in ``a(n)`` and the trigger-point mixture's share
were chosen on those cases and the development half of the pain-guide set
(tests/finder/guides/dev.yaml) only. The numbers are reported with every result so they can be
questioned.
"""

from __future__ import annotations

import math
from typing import NamedTuple

Z_ESSENTIAL = 0.9
Z_SPILLOVER = 0.45
Z_LOCAL = 0.3
EPSILON = 0.02
Q = 0.1
COMPLETENESS = {"drawing": 0.8, "text": 0.4}
WEIGHT_MAIN = 1.5
# From this many marked places on, a pattern's unmarked zones count in full against a muscle;
# below it, by (n / FULL_PICTURE) ** ABSENCE_GROWTH (see the module docstring).
FULL_PICTURE = 6
ABSENCE_GROWTH = 2

PRIOR = {"very-common": 1.0, "common": 0.7, "occasional": 0.5, "uncommon": 0.3}
PRIOR_BOTH_SIDES = 0.35  # both sides at once is less likely a priori than one side
# Usually one trigger point of a muscle is active; sometimes several. The likelihood is a
# mixture: this share spread over "only trigger point k", the rest on "all of them".
SINGLE_TRIGGER_POINT = 0.8

# Likelihood ratios for evidence other than the drawing.
LR_SYMPTOM_LISTED = 0.5 / 0.1
LR_SYMPTOM_NOT_LISTED = 0.08 / 0.1
LR_CONTEXT_LISTED = 0.45 / 0.2
LR_CONTEXT_NOT_LISTED = 0.15 / 0.2
LR_CONDITION = 3.0
# Reproducing the familiar pain by pressing is the most reliable sign a person can check
# (pain recognition, the Delphi criteria); a clear answer should be able to reorder the list.
LR_PRESS = {"yes": 20.0, "no": 0.1, "unsure": 1.0}


def mark_weight(intensity: int | None, primary: bool) -> float:
    """0/10 counts half, 10/10 one and a half; unrated counts one."""
    weight = 1.0 if intensity is None else 0.5 + intensity / 10
    return weight * (WEIGHT_MAIN if primary else 1.0)


def absence_weight(marked: int) -> float:
    """How much a pattern's unmarked zones count, for a picture of ``marked`` places."""
    return float(min(1.0, marked / FULL_PICTURE) ** ABSENCE_GROWTH)


def p_mark(z: float, mode: str) -> float:
    return EPSILON + COMPLETENESS[mode] * z


def marked_term(z: float, mode: str) -> float:
    return math.log(p_mark(z, mode) / Q)


def unmarked_term(z: float, mode: str) -> float:
    return math.log((1 - p_mark(z, mode)) / (1 - Q))


class Parameters(NamedTuple):
    """The model's numbers, reported with results (``--json`` ``model`` block)."""

    z_essential: float = Z_ESSENTIAL
    z_spillover: float = Z_SPILLOVER
    z_local: float = Z_LOCAL
    epsilon: float = EPSILON
    background: float = Q
    completeness_drawing: float = COMPLETENESS["drawing"]
    completeness_text: float = COMPLETENESS["text"]
    absences_count_fully_from: int = FULL_PICTURE
    absences_growth: int = ABSENCE_GROWTH
    single_trigger_point: float = SINGLE_TRIGGER_POINT
