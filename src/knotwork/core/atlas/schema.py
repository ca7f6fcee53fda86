"""Strict schema of ``data/atlas/regions.yaml`` (unknown keys are rejected)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class ChoirArea(Strict):
    right: int = Field(ge=101, le=238)
    left: int = Field(ge=101, le=238)
    label: str


class MichiganArea(Strict):
    name: str | None = None
    right: str | None = None
    left: str | None = None


class RegionEntry(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Base id; sided ids add -left/-right")
    lay: str = Field(min_length=2, description="Label a layperson understands")
    anatomical: str = Field(min_length=2)
    group: str
    laterality: Literal["paired", "midline"]
    views: list[Literal["front", "back"]] = Field(min_length=1)
    choir: list[str] = Field(min_length=1, description="CHOIR Body Map areas containing it")
    michigan: str = Field(description="Michigan Body Map area containing it")
    synonyms: list[str] = Field(default_factory=list)


class AtlasFile(Strict):
    choir_areas: dict[str, ChoirArea]
    michigan_areas: dict[str, MichiganArea]
    groups: dict[str, str]
    regions: list[RegionEntry] = Field(min_length=1)
