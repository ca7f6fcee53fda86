"""Closest-match suggestions for ids people mistype ("templ-left" -> "temple-left")."""

from __future__ import annotations

from collections.abc import Iterable

CUTOFF = 0.6
NEAR_BEST = 0.08  # only offer runners-up nearly as close as the best match


def closest(value: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """Return up to ``limit`` known ids close to ``value``, best first.

    Prefix matches come first because a bare base id ("temple") should offer its sided forms
    ("temple-left", "temple-right") even where the edit distance is large.
    """
    pool = list(choices)
    needle = value.strip().lower().replace(" ", "-").replace("_", "-")
    prefixed = [c for c in pool if c.startswith(needle + "-") or c == needle]
    if prefixed:
        return prefixed[: max(limit, len(prefixed))]
    import difflib  # only needed when an id is unknown

    matcher = difflib.SequenceMatcher(b=needle)
    scored = []
    for choice in pool:
        matcher.set_seq1(choice)
        scored.append((matcher.ratio(), choice))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    if not scored or scored[0][0] < CUTOFF:
        return []
    floor = max(CUTOFF, scored[0][0] - NEAR_BEST)
    return [choice for ratio, choice in scored[:limit] if ratio >= floor]
