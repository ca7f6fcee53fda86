"""The comparison the finder must beat: today's "pain finder" tools.

They list the muscles whose referral charts include the marked area, one region at a time,
without weighing anything. Here that is an overlap count: how many marked regions fall
anywhere in a muscle's pattern (either side), ties in alphabetical order, as an unranked list
would show them.
"""

from __future__ import annotations

from knotwork.core.finder.evidence import Evidence
from knotwork.core.finder.index import FinderIndex


def overlap_ranking(index: FinderIndex, ev: Evidence) -> list[str]:
    atlas = index.kb.atlas
    counts: dict[str, int] = {}
    for key in ev.marks:
        bases = {atlas.regions[key].base} if key in atlas.regions else {key}
        for muscle in index.kb:
            if bases & muscle.referral_regions():
                counts[muscle.id] = counts.get(muscle.id, 0) + 1
    return sorted(counts, key=lambda m: (-counts[m], m))
