"""Facts about the person, read from their own words: age as a number, sex, pregnancy and its
weeks, a recent birth, lasting conditions and blood thinners.

Only the person's own words count (ConText: not negated, not said of someone else, not a
worry), so "my mum had breast cancer" gives no cancer and "my wife is pregnant" no pregnancy;
a parent's report for a child ("my 9 year old son has ...") is the child's.

Age is a number however it is said: "I'm 68", "a 71-year-old", "aged 55", "68yo", "68M", "in my
seventies" (70), "over 50" (50). Flags test it as ``@age>=50`` (``holds``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from knotwork.core.reading.context import FAMILY, Clauses, Word

DECADES = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
NUMBER_WORDS = {
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "forty": 40,
    "thirty": 30,
    "twenty": 20,
}
AGE_BEFORE = frozenset({"i'm", "im", "aged", "age", "turned", "turning", "over", "am"})
# A number followed by one of these is not an age ("34 weeks", "20 minutes", "50 mg").
UNITS = frozenset(
    {
        "week",
        "weeks",
        "wk",
        "wks",
        "day",
        "days",
        "month",
        "months",
        "minute",
        "minutes",
        "min",
        "mins",
        "hour",
        "hours",
        "hr",
        "hrs",
        "mg",
        "kg",
        "lb",
        "lbs",
        "times",
        "percent",
        "degrees",
        "miles",
        "km",
        "metres",
        "meters",
        "yards",
        "steps",
        "pounds",
        "stone",
        "kilos",
        "foot",
        "feet",
        "ft",
        "cm",
        "am",
        "pm",
        "o'clock",
    }
)
TOLD_AGE = frozenset({"she", "he", *FAMILY})
THIRD_PERSON = frozenset({"she", "he", "her", "his", "him", "she's", "he's", "hers"})
SHORT_AGE = re.compile(r"^(\d{1,3})(yo|y|yr|yrs|m|f)$")  # "68yo", "68m", "72f"
MALE = frozenset({"man", "male", "guy", "bloke", "gentleman", "boy", "husband"})
FEMALE = frozenset({"woman", "female", "lady", "girl", "wife", "mum", "mom", "mother"})
PREGNANT = frozenset({"pregnant", "pregnancy", "trimester", "gestation", "antenatal", "midwife"})
BIRTH = (
    ("gave", "birth"),
    ("had", "baby"),
    ("postpartum",),
    ("post", "partum"),
    ("postnatal",),
    ("post", "natal"),
    ("since", "birth"),
    ("after", "birth"),
    ("newborn",),
    ("c", "section"),
    ("caesarean",),
    ("cesarean",),
    ("delivered",),
    ("delivery",),
    ("breastfeeding",),
)
# Lasting conditions and medicines, as people name them (one word or two).
CONDITIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "cancer": tuple(
        (w,)
        for w in (
            "cancer",
            "tumour",
            "tumor",
            "carcinoma",
            "lymphoma",
            "leukaemia",
            "leukemia",
            "myeloma",
            "melanoma",
            "sarcoma",
            "metastases",
            "metastatic",
            "mets",
            "chemo",
            "chemotherapy",
            "radiotherapy",
            "mastectomy",
            "oncology",
            "oncologist",
        )
    ),
    "osteoporosis": (("osteoporosis",), ("osteopenia",), ("brittle", "bones"), ("thin", "bones")),
    "immunosuppressed": (
        ("hiv",),
        ("transplant",),
        ("immunosuppressed",),
        ("immunosuppressant",),
        ("immunosuppressants",),
        ("immune", "suppressed"),
        ("immune", "system"),
        ("tacrolimus",),
        ("methotrexate",),
        ("biologic",),
        ("biologics",),
        ("chemo",),
        ("chemotherapy",),
        ("steroids",),
        ("prednisolone",),
        ("prednisone",),
        ("pred",),
    ),
    "steroids": (("steroids",), ("prednisolone",), ("prednisone",), ("pred",)),
    "diabetes": (("diabetes",), ("diabetic",), ("insulin",), ("metformin",)),
    "rheumatoid": (("rheumatoid",), ("ra",)),
    "anticoagulated": tuple(
        (w,)
        for w in (
            "warfarin",
            "apixaban",
            "rivaroxaban",
            "edoxaban",
            "dabigatran",
            "eliquis",
            "xarelto",
            "pradaxa",
            "heparin",
            "clexane",
            "enoxaparin",
            "anticoagulant",
            "anticoagulants",
            "anticoagulated",
            "thinners",
            "thinner",
            "clopidogrel",
        )
    ),
    "smoker": (("smoker",), ("smoke",), ("smoked",), ("smoking",), ("cigarettes",)),
}
FACT = re.compile(r"^@(age>=\d{1,3}|age<\d{1,3}|weeks>=\d{1,2}|[a-z]+)$")
FLAGS = frozenset({"pregnant", "postpartum", "female", "male", "child", *CONDITIONS})


class Person(NamedTuple):
    age: int | None = None
    sex: str | None = None  # "female", "male"
    pregnant: bool = False
    weeks: int | None = None  # of pregnancy
    postpartum: bool = False  # a birth said (recent births are what people mention)
    conditions: frozenset[str] = frozenset()

    def as_dict(self) -> dict[str, object]:
        return {
            "age": self.age,
            "sex": self.sex,
            "pregnant": self.pregnant,
            "weeks_pregnant": self.weeks,
            "after_childbirth": self.postpartum,
            "conditions": sorted(self.conditions),
        }


def person(said: Clauses) -> Person:
    own = [[w for w in c if w.counts] for c in said]
    # A relative's age ("my mum is 79") is the person's only when the words go on about that
    # relative ("she", "his"): "my mum is 34 and my temple aches" is the writer's own temple,
    # and the mother's age must not rule out the writer's questions. Of several ages the oldest
    # is kept: it rules out the fewest questions and raises the age-bound flags.
    report = any(w.text in THIRD_PERSON for c in said for w in c)
    ages = [n for c in own for n, told in _ages(c) if report or not told]
    sex = _sex(own)
    pregnant = any(w.text in PREGNANT for c in own for w in c)
    weeks = next((n for c in own for n in _weeks(c)), None) if pregnant else None
    return Person(
        age=max(ages) if ages else None,
        sex="female" if pregnant else sex,
        pregnant=pregnant,
        weeks=weeks,
        postpartum=any(_has(c, BIRTH) for c in own),
        conditions=frozenset(
            k for k, names in CONDITIONS.items() if any(_has(c, names) for c in own)
        ),
    )


def _ages(clause: Sequence[Word]) -> Iterator[tuple[int, bool]]:
    """Each age said, and whether it was told of a relative ("my dad is 79")."""
    said = [w.text for w in clause]
    for i, word in enumerate(said):
        before = said[i - 1] if i else ""
        after = said[i + 1] if i + 1 < len(said) else ""
        if (m := SHORT_AGE.match(word)) and not (i and said[i - 1] in ("over", "for")):
            yield int(m.group(1)), False
        elif word in DECADES:
            yield DECADES[word], False
        elif word.endswith("s") and word[:-1].isdigit() and len(word) == 3:
            yield int(word[:-1]), False  # "in my 70s"
        elif (n := _number(word)) is not None and after not in UNITS and 0 < n < 120:
            old = after in ("year", "years", "yr", "yrs") and "old" in said[i + 2 : i + 3]
            # "she is 79", "my dad is 79": a family member's age, kept when the words are a
            # report for them (else the words are marked as someone else's already).
            told = before == "is" and i > 1 and said[i - 2] in TOLD_AGE
            if old or before in AGE_BEFORE or told:
                yield n, told and not old and before not in AGE_BEFORE


def _number(word: str) -> int | None:
    if word.isdigit() and len(word) <= 3:
        return int(word)
    return NUMBER_WORDS.get(word)


def _weeks(clause: Sequence[Word]) -> Iterator[int]:
    said = [w.text for w in clause]
    for i, word in enumerate(said[:-1]):
        weeks = said[i + 1] in ("weeks", "week", "wks", "wk")
        if weeks and word.isdigit() and int(word) <= 42 and "ago" not in said[i + 2 : i + 3]:
            yield int(word)


def _sex(own: Sequence[Sequence[Word]]) -> str | None:
    for clause in own:
        for i, w in enumerate(clause):
            if (m := SHORT_AGE.match(w.text)) and m.group(2) in ("m", "f"):
                return "male" if m.group(2) == "m" else "female"
            before = clause[i - 1].text if i else ""
            # "I'm a man", "I am a 45 year old man"
            mine = before in ("i'm", "im", "am", "as") or (
                before == "old" and any(x.text in ("i'm", "im", "am") for x in clause[:i])
            )
            if mine and w.text in FEMALE | MALE:
                return "female" if w.text in FEMALE else "male"
    return None


def _has(clause: Sequence[Word], names: Sequence[tuple[str, ...]]) -> bool:
    said = [w.text for w in clause]
    return any(tuple(said[i : i + len(name)]) == name for name in names for i in range(len(said)))


def is_fact(atom: str) -> bool:
    """Is this term of a flag a fact about the person (``@age>=50``, ``@pregnant``)?"""
    return atom.startswith("@")


def known_fact(atom: str) -> bool:
    """Is it one ``holds`` can test (checked by ``knotwork kb check``)?"""
    m = FACT.match(atom)
    if m is None:
        return False
    name = m.group(1)
    return any(name.startswith(p) for p in ("age>=", "age<", "weeks>=")) or name in FLAGS


def holds(who: Person, atom: str) -> bool:
    """Does the fact hold for the person? An unknown age or week count never satisfies a
    bound: the question is still asked."""
    name = atom[1:]
    if name.startswith("age>="):
        return who.age is not None and who.age >= int(name[5:])
    if name.startswith("age<"):
        return who.age is not None and who.age < int(name[4:])
    if name.startswith("weeks>="):
        return who.pregnant and who.weeks is not None and who.weeks >= int(name[7:])
    if name == "child":
        return who.age is not None and who.age < 18
    if name in ("female", "male"):
        return who.sex == name
    if name == "pregnant":
        return who.pregnant
    if name == "postpartum":
        return who.postpartum
    return name in who.conditions
