"""The diary's controlled vocabularies: pain qualities, treatment kinds, the PGIC labels.

Stored as these ids (and the PGIC label with its number), so a record read back years later
means what it meant when it was written, whatever order a scale is shown in.
"""

from __future__ import annotations

from typing import Literal

# What the pain feels like, per body region (the words pain diaries and body-map
# questionnaires offer; Knotwork's own short list).
QUALITIES = (
    "aching",
    "burning",
    "sharp",
    "stabbing",
    "shooting",
    "throbbing",
    "tingling",
    "numb",
    "stiff",
    "tender",
)

TreatmentKind = Literal[
    "self-treatment", "stretching", "heat", "cold", "exercise", "medication", "professional"
]
TREATMENT_KINDS: tuple[TreatmentKind, ...] = (
    "self-treatment",
    "stretching",
    "heat",
    "cold",
    "exercise",
    "medication",
    "professional",
)
TREATMENT_LABELS = {
    "self-treatment": "Self-treatment (trigger point release)",
    "stretching": "Stretching",
    "heat": "Heat",
    "cold": "Cold",
    "exercise": "Exercise",
    "medication": "Medication",
    "professional": "Professional care",
}

Professional = Literal["dry-needling", "injection", "massage", "physiotherapy", "chiropractic"]
PROFESSIONAL_KINDS: tuple[Professional, ...] = (
    "dry-needling",
    "injection",
    "massage",
    "physiotherapy",
    "chiropractic",
)

Schedule = Literal["as-needed", "regular"]
SCHEDULES: tuple[Schedule, ...] = ("as-needed", "regular")

TreatedSide = Literal["left", "right", "both"]
TREATED_SIDES: tuple[TreatedSide, ...] = ("left", "right", "both")

# Soreness the day after a treatment (deep pressure can leave the muscle sore for a day or two).
Soreness = Literal["none", "mild", "moderate", "severe"]
SORENESS: tuple[Soreness, ...] = ("none", "mild", "moderate", "severe")

# Patient Global Impression of Change, 7 points, in the NINDS common-data-element order
# (1 = very much improved ... 7 = very much worse). Other versions number it the other way
# round: the label is stored with the number (Hurst & Bolton 2004; Dworkin et al. 2008).
PGIC = (
    "very much improved",
    "much improved",
    "minimally improved",
    "no change",
    "minimally worse",
    "much worse",
    "very much worse",
)


def pgic_label(value: int) -> str:
    return PGIC[value - 1]
