"""What a technique's words say that its data says too: postures and pressures.

A technique lists its ``postures`` (schema.Posture) beside the free-text ``position`` people
read; the safety filter acts on the list, so a rule about lying face down or on the back
applies to exactly the techniques done that way. ``postures_in_text`` reads the same postures
from words: rule KB-024 checks a technique's list against its own position and steps (what a
person is told to do), and the press test reads a trigger point's "how to find it" with it.
``STATED_PRESSURE`` finds a pressure said in a step ("about 5 to 7 out of 10"): rule KB-029
checks it against the dose, and a capped dose is restated in the steps the person reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# "about 5 to 7 out of 10", "4-6/10", "3 out of 10"
STATED_PRESSURE = re.compile(
    r"\b(\d{1,2})(?:\s*(?:to|-|\u2013)\s*(\d{1,2}))?\s*(?:out of|/)\s*10\b"
)
POSTURES = ("face-down", "face-up", "side-lying", "sitting", "standing", "kneeling")
POSTURE_WORDS = {
    "face-down": "lying face down",
    "face-up": "lying on your back",
    "side-lying": "lying on your side",
    "sitting": "sitting",
    "standing": "standing",
    "kneeling": "kneeling",
}
LYING_POSTURES = frozenset({"face-down", "face-up", "side-lying"})

# "Lying ... on your back": the words between may not cross a clause, except "..., or"
# ("Lying on your side, or on your back"); "one hand on the belly" is not lying on it.
_LYING = r"\b(?:lie|lies|lying|lay)\b(?:[^.;,]|,\s*or\b)*?"
_SIDE_WORDS = r"(?:(?:other|pain-free|painful|treated|good|same|opposite|affected|sore)\s+)?"
# A lying posture named second: "on your side or front", "on your back or side".
_OR = r"(?:(?:" + _SIDE_WORDS + r"side|back|front|stomach|tummy|belly) or (?:on )?(?:your |the )?)?"
_PATTERNS = {
    "face-down": re.compile(
        r"\bface[- ]down\b|\bprone\b|"
        + _LYING
        + r"\bon (?:your|the) "
        + _OR
        + r"(?:front|stomach|tummy|belly)\b(?! of)"
    ),
    "face-up": re.compile(
        r"\bface[- ]up\b|\bsupine\b|" + _LYING + r"\bon (?:your|the) " + _OR + r"back\b(?! of)"
    ),
    "side-lying": re.compile(
        r"\bside[- ]lying\b|"
        + _LYING
        + r"\bon (?:your|the|its) "
        + _OR
        + _SIDE_WORDS
        + r"side\b(?! of)"
    ),
    # "sit bone" is a place and "sitting back toward the heels" is kneeling. The person is
    # told to sit, stand or kneel; "sits", "stands" are said of things ("so the spine sits
    # between the balls"), which gave three two-ball presses a sitting posture they lack.
    "sitting": re.compile(r"\b(?:sit|sitting|seated)\b(?!\s+(?:bones?|back)\b)"),
    "standing": re.compile(r"\b(?:stand|standing)\b"),
    "kneeling": re.compile(r"\b(?:kneel|kneeling)\b|\ball fours\b|\bhands and knees\b"),
}


def postures_in_text(text: str) -> frozenset[str]:
    """The postures a piece of text names ("Lying on your back, or sitting" -> face-up and
    sitting)."""
    lowered = text.lower()
    return frozenset(p for p, pattern in _PATTERNS.items() if pattern.search(lowered))


def lying_in_text(text: str) -> frozenset[str]:
    """Only the lying postures: a step that says "for the high point, lie face down" adds a
    position, while "stand up slowly" at the end of a step does not."""
    return postures_in_text(text) & LYING_POSTURES


def posture_words(postures: Sequence[str]) -> str:
    """ "lying on your back", "sitting or standing", "sitting, standing or kneeling"."""
    words = [POSTURE_WORDS[p] for p in postures]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
