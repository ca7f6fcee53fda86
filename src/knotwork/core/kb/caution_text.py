"""The sentence a person reads for a muscle's caution, written from its structured fields.

A caution's text is never typed by hand: it is generated from what the safety filter
enforces (who, what, where), so the two cannot disagree. The author's short ``note`` follows
it for what the fields cannot say (why, and the exact spot).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import get_args

from knotwork.core.kb.model import ALWAYS
from knotwork.core.kb.schema import Caution, Tool
from knotwork.core.kb.technique_words import posture_words

KIND_NOUNS = {
    "pressure": "pressure",
    "massage": "massage",
    "stretch": "stretches",
    "heat": "heat",
    "movement": "exercises",
}
TOOL_WORDS = {"two-balls": "two balls in a sock", "none": "no tool"}
TOOLS = get_args(Tool)
# Tools named together in a sentence: every ball is "a ball", both rollers "a roller".
TOOL_GROUPS = (
    ("ball", frozenset({"tennis-ball", "lacrosse-ball", "small-ball", "two-balls"})),
    ("roller", frozenset({"foam-roller", "roller-stick"})),
)
# Place labels that already say where ("Between the shoulder blades") take no "on the".
PLACE_WORDS = ("between", "around", "where", "behind", "above", "below", "inside", "under")
PROPER = ("Achilles",)


def either(words: Sequence[str], joiner: str = "or") -> str:
    """ "a", "a or b", "a, b or c"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {joiner} {words[-1]}"


def place(label: str) -> str:
    """A region's lay label as a place: "on the calf", "between the shoulder blades"."""
    first = label.split()[0]
    text = label if first in PROPER else label[0].lower() + label[1:]
    if first.lower() in PLACE_WORDS and not text.startswith("inside of"):
        return text  # "between the shoulder blades", "inside the mouth"
    return f"on the {text}"


def tool_word(tool: str) -> str:
    return TOOL_WORDS.get(tool, tool.replace("-", " "))


def tools_words(tools: Sequence[str]) -> str:
    """ "ball, roller, hook tool or wall"; nearly every tool: "anything but a pinch grip"."""
    left_out = [t for t in TOOLS if t not in tools and t not in ("none", "heat-pack")]
    if tools and len(left_out) <= 2 and len(tools) > len(TOOLS) // 2:
        return f"anything but a {either([tool_word(t) for t in left_out])}"
    words, named = [], set(tools)
    for word, group in TOOL_GROUPS:
        if group <= named:
            words.append(word)
            named -= group
    words += [tool_word(t) for t in tools if t in named]
    return either(words)


def opening(
    factors: Sequence[str], who: Mapping[str, str], at_site: Collection[str] = (), where: str = ""
) -> str:
    """ "For everyone"; "If you are pregnant"; "If you have varicose or inflamed veins on
    the calf, or if you have a known or suspected clot in that limb". A factor in ``at_site``
    acts only where the person says it is, so its phrase names the place (``where``)."""
    if list(factors) == [ALWAYS]:
        return "For everyone"
    phrases = [f"{who[f]} {where}" if f in at_site and where else who[f] for f in factors]
    rest = [p[0].lower() + p[1:] for p in phrases[1:]]
    return ", or ".join([phrases[0], *rest])


def caution_text(
    c: Caution,
    places: Mapping[str, str],
    who: Mapping[str, str],
    names: Mapping[str, str],
    at_site: Collection[str] = (),
) -> str:
    """``places``: atlas base id -> lay label; ``who``: factor id -> how a caution for it
    begins ("If you are pregnant"); ``names``: this muscle's technique id -> name;
    ``at_site``: the factors whose rules act only at the region the person names (varicose
    veins: the filter leaves the inner thigh alone only where the veins are, so the sentence
    says "If you have varicose or inflamed veins on the inside of the thigh: ... there")."""
    where = either([place(places[s]) for s in c.sites])
    local = bool(where) and all(f in at_site for f in c.factors)
    scope = _scope(c, places, names, there=local)
    sentence = f"{opening(c.factors, who, at_site, where)}: {_what(c)}{scope}."
    return f"{sentence} {c.note}".strip()


def _what(c: Caution) -> str:
    kinds = either([KIND_NOUNS[k] for k in c.kinds])
    tools = tools_words(c.tools)
    if c.action == "cap-pressure":
        return f"{either([KIND_NOUNS[k] for k in c.kinds], 'and') or 'pressure'} at most " + (
            f"{c.max_pressure} out of 10{_with(tools)}"
        )
    if c.action == "no-tool":
        return f"no {tools or 'ball, roller or other tool'}" + (f" for {kinds}" if kinds else "")
    if c.action == "no-heat":
        return "no heat"
    if c.action == "lighter-dose":
        return "a lighter dose (fewer holds and sessions, lighter pressure)" + (
            f" for {kinds}" if kinds else ""
        )
    return f"no {kinds or 'self-treatment'}{_with(tools)}"


def _with(tools: str) -> str:
    if not tools:
        return ""
    return f" with {tools}" if tools.startswith("anything") else f" with a {tools}"


def _scope(
    c: Caution, places: Mapping[str, str], names: Mapping[str, str], there: bool = False
) -> str:
    parts = []
    if c.postures:
        parts.append(f" while {posture_words(c.postures)}")
    if c.sites:
        parts.append(" there" if there else " " + either([place(places[s]) for s in c.sites]))
    if c.techniques:
        quoted = [f"“{names[t]}”" for t in c.techniques]
        label = "technique" if len(quoted) == 1 else "techniques"
        parts.append(f" ({label}: {either(quoted, 'and')})")
    return "".join(parts)
