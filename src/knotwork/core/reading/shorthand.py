"""Clinicians' and quick notes' shorthand, read as the words it stands for.

People paste in what a clinician wrote, or write like one: "HA", "LOC", "SOB", "2/7", "28/40",
"y/o". Each is replaced by its words before anything else reads them, so the flags need no
second spelling of every sign.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

# One token -> its words (as people would write them out).
WORDS: dict[str, tuple[str, ...]] = {
    k: tuple(v.split())
    for k, v in {
        "ha": "headache",
        "h/a": "headache",
        "loc": "loss of consciousness",
        "sob": "short of breath",
        "sobe": "short of breath on exertion",
        "abdo": "abdominal",
        "lbp": "low back pain",
        "ems": "early morning stiffness",
        "foosh": "fell on outstretched hand",
        "hx": "history",
        "pmh": "history",
        "ca": "cancer",
        "mets": "metastases",
        "htn": "high blood pressure",
        "dm": "diabetes",
        "t2dm": "diabetes",
        "t1dm": "diabetes",
        "cocp": "contraceptive pill",
        "ruq": "pain under right ribs",
        "luq": "pain under left ribs",
        "epigastric": "pain under ribs",
        "bilat": "bilateral",
        "ptosis": "drooping eyelid",
        "miosis": "small pupil",
        "diplopia": "double vision",
        "dysarthria": "slurred speech",
        "dysphasia": "trouble speaking",
        "aphasia": "trouble speaking",
        "dysphagia": "trouble swallowing",
        "photophobia": "light hurts eyes",
        "ivdu": "injects drugs",
        "pwid": "injects drugs",
        "cva": "stroke",
        "mi": "heart attack",
        "sx": "symptoms",
        "wks": "weeks",
        "yrs": "years",
        "x2": "twice",
        "x3": "three times",
        "nocturnal": "at night",
        "vesicular": "blistering",
        "vesicles": "blisters",
        "pleuritic": "hurts to breathe in",
        "haemoptysis": "coughing blood",
        "hemoptysis": "coughing blood",
        "tachycardic": "racing heart",
        "febrile": "fever",
        "pyrexia": "fever",
        "pyrexial": "fever",
        "rigors": "shivering fever",
        "papilloedema": "swelling at back of eyes",
        "papilledema": "swelling at back of eyes",
        "syncope": "passed out",
        "presyncope": "felt faint",
        "claudication": "calf pain walking",
        "paraesthesia": "pins and needles",
        "paresthesia": "pins and needles",
        "paraesthesiae": "pins and needles",
        "primip": "pregnant",
        "multip": "pregnant",
        "pv": "vaginal",
    }.items()
}
# Two words joined by a slash -> their words ("y/o" is three tokens: "y", "/", "o").
SLASHED: dict[tuple[str, str], tuple[str, ...]] = {
    ("y", "o"): ("yo",),
    ("c", "o"): ("complains",),
    ("n", "v"): ("nausea", "vomiting"),
    ("b", "l"): ("bilateral",),
    ("r", "o"): ("rule", "out"),
    ("h", "a"): ("headache",),
    ("o", "e"): ("on", "examination"),
}
# "2/7" days, "3/52" weeks, "8/12" months, "28/40" weeks of pregnancy.
FRACTION_UNITS = {"7": ("days",), "52": ("weeks",), "12": ("months",), "40": ("weeks", "pregnant")}


def expanded(raw: Sequence[str]) -> list[str]:
    """The tokens with shorthand written out."""
    return list(_expand(raw))


def _expand(raw: Sequence[str]) -> Iterator[str]:
    i = 0
    while i < len(raw):
        token = raw[i]
        if i + 2 < len(raw) and raw[i + 1] == "/":
            after = raw[i + 2]
            if token.isdigit() and after in FRACTION_UNITS:
                yield token
                yield from FRACTION_UNITS[after]
                i += 3
                continue
            if (token, after) in SLASHED:
                yield from SLASHED[(token, after)]
                i += 3
                continue
        yield from WORDS.get(token, (token,))
        i += 1
