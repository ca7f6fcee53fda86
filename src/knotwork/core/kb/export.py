"""JSON Schemas of the data files, for editors (``knotwork kb schema``)."""

from __future__ import annotations

from typing import Any

from knotwork.core.atlas.schema import AtlasFile
from knotwork.core.kb.schema import Bibliography, MuscleFile, Vocabulary


def json_schemas() -> dict[str, dict[str, Any]]:
    return {
        "muscle": MuscleFile.model_json_schema(),
        "bibliography": Bibliography.model_json_schema(),
        "vocabulary": Vocabulary.model_json_schema(),
        "atlas": AtlasFile.model_json_schema(),
    }
