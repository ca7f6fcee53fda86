"""JSON Schemas of the data files, for editors (``knotwork kb schema``)."""

from __future__ import annotations

from typing import Any

from knotwork.core.atlas.schema import AtlasFile
from knotwork.core.kb.schema import (
    Bibliography,
    BodyWords,
    EverydayWords,
    EvidenceFile,
    MuscleFile,
    Paths,
    Vocabulary,
)
from knotwork.core.safety.schema import AreaMap, CautionsFile, ConceptsFile, RedFlagFile


def json_schemas() -> dict[str, dict[str, Any]]:
    return {
        "muscle": MuscleFile.model_json_schema(),
        "bibliography": Bibliography.model_json_schema(),
        "vocabulary": Vocabulary.model_json_schema(),
        "atlas": AtlasFile.model_json_schema(),
        "body-words": BodyWords.model_json_schema(),
        "paths": Paths.model_json_schema(),
        "everyday-words": EverydayWords.model_json_schema(),
        "evidence": EvidenceFile.model_json_schema(),
        "redflag": RedFlagFile.model_json_schema(),
        "cautions": CautionsFile.model_json_schema(),
        "safety-areas": AreaMap.model_json_schema(),
        "safety-concepts": ConceptsFile.model_json_schema(),
    }
