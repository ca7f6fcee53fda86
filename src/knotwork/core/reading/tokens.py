"""The one tokenizer: every reading of the words splits them here, and nowhere else."""

from __future__ import annotations

import re

from knotwork.core.reading.vocab import FILLER

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.!?;\n,/]")


def tokens(text: str) -> list[str]:
    """Lower-case words and the punctuation that ends a clause or a sentence."""
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    return TOKEN.findall(text)


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words, normalised as the text is (done once, when the data is compiled)."""
    return tuple(t for t in tokens(phrase) if t not in FILLER)
