"""CPU-heavy work off the event loop, so one large request cannot stall the others.

The finder's work grows with what a request carries: a one-line body costs a fraction of a
millisecond, a 64 KiB body with every place marked some 25 ms. Run on the event loop, eight of
those at once held /healthz for a third of a second (bench/web_hardening.py). So a request
larger than ``INLINE_BYTES`` is worked out in a thread, at most ``HEAVY_AT_ONCE`` at a time; the
event loop keeps answering everything else (Python switches threads every few milliseconds).
Small requests stay inline: a thread would cost them more than it saves (bench/web_load.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

T = TypeVar("T")
INLINE_BYTES = 2048
HEAVY_AT_ONCE = 1  # one heavy thread beside the event loop: two cores, one GIL
_limiter: anyio.CapacityLimiter | None = None


def _heavy() -> anyio.CapacityLimiter:
    global _limiter
    if _limiter is None:  # made inside the event loop that uses it
        _limiter = anyio.CapacityLimiter(HEAVY_AT_ONCE)
    return _limiter


async def sized(size: int, work: Callable[[], T]) -> T:
    """``work()``, inline when the request is small, else in a thread."""
    if size <= INLINE_BYTES:
        return work()
    return await anyio.to_thread.run_sync(work, limiter=_heavy())
