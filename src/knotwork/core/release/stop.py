"""Why a person stopped, and what to do about it. The Stop button asks; the answer is kept
with the session and the advice shown at once."""

from __future__ import annotations

from typing import NamedTuple


class StopReason(NamedTuple):
    id: str
    label: str
    advice: str
    check: bool = False  # send the person to the safety questions


STOP_REASONS: tuple[StopReason, ...] = (
    StopReason(
        "sharp-pain",
        "Sharp or shooting pain",
        "Let go now. Pressure should feel firm but tolerable, never sharp, burning or "
        "electric. Leave that spot for today; next time use less pressure or move a "
        "finger's width away. If the pain stays sharp after you let go, see a doctor or "
        "physiotherapist.",
    ),
    StopReason(
        "numbness",
        "Numbness or tingling",
        "Let go now: the pressure may be on a nerve. Move a little away from that spot next "
        "time. If the numbness or tingling does not fade within an hour, or you feel "
        "weakness, see a doctor.",
    ),
    StopReason(
        "dizziness",
        "Dizziness or feeling faint",
        "Stop and sit or lie down until it passes. Do not press on the neck again today. "
        "If it comes with trouble speaking or seeing, weakness of the face, arm or leg, or "
        "a sudden severe headache, call your emergency number now.",
    ),
    StopReason(
        "bruising",
        "Bruising or a mark",
        "Stop treating that spot until the bruise has gone, then use lighter pressure and "
        "shorter holds. Bruising from light pressure, or without a reason, is worth asking "
        "a doctor about, especially if you take blood thinners.",
    ),
    StopReason(
        "warning-sign",
        "A warning sign (fever, chest pain, new weakness ...)",
        "Stop the session and answer the safety questions again now; they say whether you "
        "need a doctor today or an emergency number.",
        check=True,
    ),
    StopReason("other", "Something else", "Stop here. Try again another day, more gently."),
)
STOP_IDS = tuple(r.id for r in STOP_REASONS)
BY_ID = {r.id: r for r in STOP_REASONS}
