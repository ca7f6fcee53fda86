"""Runtime model of the body atlas: plain frozen dataclasses, cheap to build and to cache."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal, NamedTuple

from knotwork.core.errors import UnknownRegion
from knotwork.core.suggest import closest

Side = Literal["left", "right", "midline"]
View = Literal["front", "back"]
VIEWS: tuple[View, ...] = ("front", "back")


class Region(NamedTuple):
    """One place on the body, on one side (the person's own left or right) or the midline."""

    id: str
    base: str
    side: Side
    lay: str
    anatomical: str
    group: str
    views: tuple[View, ...]
    synonyms: tuple[str, ...]
    choir: tuple[int, ...]
    michigan: str

    @property
    def label(self) -> str:
        """Lay label with the side spelled out, e.g. ``Temple (left)``."""
        return self.lay if self.side == "midline" else f"{self.lay} ({self.side})"


class Atlas:
    """All regions, indexed by id and by base id; group ids map to their display names."""

    __slots__ = ("bases", "groups", "regions")

    def __init__(
        self,
        regions: Mapping[str, Region],
        groups: Mapping[str, str],
        bases: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.regions = regions
        self.groups = groups
        self.bases = bases

    def __iter__(self) -> Iterator[Region]:
        return iter(self.regions.values())

    def __len__(self) -> int:
        return len(self.regions)

    def __contains__(self, region_id: object) -> bool:
        return region_id in self.regions

    def get(self, region_id: str) -> Region:
        """The region with this id, or ``UnknownRegion`` naming the closest ids."""
        try:
            return self.regions[region_id]
        except KeyError:
            raise UnknownRegion(region_id, self.suggest(region_id)) from None

    def suggest(self, region_id: str) -> list[str]:
        """Closest known ids; a sided id is matched on its base so the side cannot mislead."""
        base, dash, side = region_id.rpartition("-")
        if not dash or side not in ("left", "right"):
            # No side given: match bases too ("calfx" is near "calf"), offering both sides.
            near = closest(region_id, [*self.regions, *self.bases])
            ids = [
                i for n in near for i in (self.bases.get(n, ()) if n not in self.regions else (n,))
            ]
            return list(dict.fromkeys(ids))[:4]
        return [self.sided(b, side) for b in closest(base, self.bases)]  # type: ignore[arg-type]

    def base_of(self, key: str) -> str:
        """The base id of a sided id; a base id (a place given without a side) as it is."""
        region = self.regions.get(key)
        return region.base if region is not None else key

    def is_paired(self, base: str) -> bool:
        return len(self.bases.get(base, ())) == 2

    def sided(self, base: str, side: Side) -> str:
        """The region id of ``base`` on ``side``; a midline base ignores the side."""
        ids = self.bases.get(base)
        if not ids:
            raise UnknownRegion(base, closest(base, self.bases))
        if len(ids) == 1:
            return ids[0]
        return f"{base}-{'left' if side == 'midline' else side}"

    def mirror(self, region_id: str) -> str:
        """The same region on the other side (midline regions mirror to themselves)."""
        region = self.get(region_id)
        if region.side == "midline":
            return region.id
        return f"{region.base}-{'right' if region.side == 'left' else 'left'}"

    def in_group(self, group: str) -> list[Region]:
        return [r for r in self if r.group == group]
