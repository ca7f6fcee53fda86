"""The design of a fair test: randomised paired blocks, each one period of A and one of B.

Each block's order is drawn from the stored seed and the block's number alone, so the schedule
can be shown in advance, checked later, and extended by more blocks without changing the ones
already run (nof1kit insists on a stored seed for the same reason). Paired blocks also cap a
run of the same option at two periods.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from knotwork.core.errors import InvalidInput

Option = Literal["A", "B"]
MIN_BLOCKS = 3  # no verdict before three complete blocks
MAX_BLOCKS = 12
PERIOD_DAYS = 7
WASHOUT_DAYS = 2  # the first days of each period are set aside for carry-over


@dataclass(frozen=True)
class Period:
    """One period of the schedule: which option, and which days (counted from the start)."""

    block: int  # 0-based
    option: Option
    first_day: int
    last_day: int  # inclusive
    washout_until: int  # days before this one are set aside for carry-over


@dataclass(frozen=True)
class Schedule:
    seed: int
    orders: tuple[str, ...]  # per block: "AB" or "BA"
    period_days: int = PERIOD_DAYS
    washout_days: int = WASHOUT_DAYS

    def __post_init__(self) -> None:
        if any(order not in ("AB", "BA") for order in self.orders):
            raise InvalidInput("Each block's order must be 'AB' or 'BA'.")
        if not 1 <= self.period_days <= 28:
            raise InvalidInput("A period lasts 1 to 28 days.")
        if not 0 <= self.washout_days < self.period_days - 1:
            raise InvalidInput("The days set aside must leave at least two days in each period.")

    @property
    def blocks(self) -> int:
        return len(self.orders)

    @property
    def total_days(self) -> int:
        return self.blocks * 2 * self.period_days

    def periods(self) -> tuple[Period, ...]:
        out = []
        for block, order in enumerate(self.orders):
            for position, option in enumerate(order):
                first = (2 * block + position) * self.period_days
                out.append(
                    Period(
                        block=block,
                        option="A" if option == "A" else "B",
                        first_day=first,
                        last_day=first + self.period_days - 1,
                        washout_until=first + self.washout_days,
                    )
                )
        return tuple(out)

    def option_on(self, day: int) -> Option | None:
        """The option planned for a day counted from the start, or None outside the test."""
        if not 0 <= day < self.total_days:
            return None
        block, offset = divmod(day, 2 * self.period_days)
        option = self.orders[block][offset // self.period_days]
        return "A" if option == "A" else "B"

    def extended(self, more: int) -> Schedule:
        """The same schedule with ``more`` blocks added; the blocks already run are unchanged."""
        return make_schedule(self.blocks + more, self.seed, self.period_days, self.washout_days)


def block_order(seed: int, block: int) -> str:
    """The order of one block, from the seed and the block number only."""
    return random.Random(f"knotwork-fair-test:{seed}:{block}").choice(("AB", "BA"))


def make_schedule(
    blocks: int,
    seed: int,
    period_days: int = PERIOD_DAYS,
    washout_days: int = WASHOUT_DAYS,
) -> Schedule:
    if not MIN_BLOCKS <= blocks <= MAX_BLOCKS:
        raise InvalidInput(f"A fair test has {MIN_BLOCKS} to {MAX_BLOCKS} blocks.")
    orders = tuple(block_order(seed, b) for b in range(blocks))
    return Schedule(seed, orders, period_days, washout_days)


def new_seed() -> int:
    """A fresh seed from the operating system (stored with the schedule, shown in the report)."""
    return random.SystemRandom().randrange(1, 2**31)
