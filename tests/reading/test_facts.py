"""Facts about the person: age as a number, sex, pregnancy and its weeks, conditions."""

from __future__ import annotations

import pytest

from knotwork.core.reading.complaint import read
from knotwork.core.reading.facts import holds, known_fact


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I'm 68 and my head hurts", 68),
        ("a 71-year-old with temple pain", 71),
        ("aged 55, stiff shoulders", 55),
        ("I am 72", 72),
        ("68yo M, neck pain", 68),
        ("72F new headache", 72),
        ("in my seventies and my hips ache", 70),
        ("I'm in my 60s", 60),
        ("I'm over 50", 50),
        ("I'm 34 weeks pregnant", None),  # weeks, not years
        ("for 20 minutes", None),
        ("my mum is 82", None),  # someone else's age, said in passing
        ("my 9 year old son has knee pain at night", 9),  # a parent's report for the child
    ],
)
def test_age_is_a_number_however_it_is_said(text: str, age: int | None) -> None:
    assert read(text).person.age == age


def test_pregnancy_its_weeks_and_a_birth() -> None:
    p = read("I'm 34 weeks pregnant with a headache").person
    assert (p.pregnant, p.weeks, p.sex) == (True, 34, "female")
    assert not read("my wife is pregnant").person.pregnant
    assert not read("I'm not pregnant").person.pregnant
    assert read("I gave birth 2 weeks ago").person.postpartum


def test_conditions_are_the_persons_own() -> None:
    assert "cancer" in read("I had breast cancer in 2015").person.conditions
    assert "cancer" not in read("my mum had breast cancer").person.conditions
    assert "anticoagulated" in read("I'm on warfarin").person.conditions
    assert "osteoporosis" not in read("no osteoporosis").person.conditions


def test_facts_are_tested_as_flag_terms() -> None:
    who = read("I'm 68, on apixaban").person
    assert holds(who, "@age>=50") and not holds(who, "@age<40")
    assert holds(who, "@anticoagulated") and not holds(who, "@pregnant")
    assert not holds(read("my head hurts").person, "@age>=50")  # unknown age: not assumed
    assert holds(read("I'm 24 weeks pregnant").person, "@weeks>=20")
    assert holds(read("my 12 year old has shin pain").person, "@child")
    assert known_fact("@age>=50") and known_fact("@pregnant") and not known_fact("@tall")
