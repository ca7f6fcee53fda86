"""What the reading of the words says about the person that decides whether a question is
worth asking: how old they can be at most and at least, and whether he is a man.

The one reading (core/reading) gives the person's age as a number and their sex, from their
own words only (not negated, not said of someone else). An age is read here as the bounds it
really gives: "I'm 34" is 34 both ways; "in my forties" is 40 to 49; "over 40" is at least 40
and could be 60, so it rules out no question that needs an older age. Words that name someone
else ("my daughter is 34 and my temple aches") leave whose age it is in doubt, and a question
left out by mistake costs more than one asked: then the age rules nothing out.
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from knotwork.core.reading.complaint import Complaint
from knotwork.core.reading.context import FAMILY
from knotwork.core.reading.facts import DECADES

# Said before a number, these make it a lower bound ("over 40", "past 60").
LOWER_BOUND = frozenset({"over", "above", "past", "older", "least"})


class Facts(NamedTuple):
    # The oldest the person can be by their words: a question that only counts from an older
    # age is not asked. And the youngest: a question about children is not asked of an adult.
    age_at_most: int | None = None
    male: bool = False
    age_at_least: int | None = None
    pregnant: bool = False  # pregnant, or a birth said (the reading's own words only)


NOTHING = Facts()


def facts_of(complaint: Complaint) -> Facts:
    person = complaint.person
    sure = Facts(None, person.sex == "male", None, person.pregnant or person.postpartum)
    if person.age is None:
        return sure
    said = [w.text for clause in complaint.clauses for w in clause]
    if not FAMILY.isdisjoint(said):
        return sure
    own = [w.text for clause in complaint.clauses for w in clause if w.counts]
    if any(a in LOWER_BOUND and b[:1].isdigit() for a, b in pairwise(own)):
        return sure._replace(age_at_least=person.age)
    decade = any(w in DECADES or (len(w) == 3 and w.endswith("s") and w[:2].isdigit()) for w in own)
    most = person.age + 9 if decade else person.age
    return sure._replace(age_at_most=most, age_at_least=person.age)
