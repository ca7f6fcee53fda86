"""The one reading of a person's words: below the finder and the safety screen, importing
neither. ``read`` turns the words into a ``Complaint``: the clauses, each word marked with
ConText properties (negation, who it is about, hypothetical), the person's facts (age as a
number, sex, pregnancy and its weeks, conditions, blood thinners), and, against a compiled
phrase index, every phrase said, found in one pass.
"""
