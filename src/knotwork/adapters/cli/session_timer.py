"""The terminal timer of ``knotwork session``: a countdown per hold, a bell at the start and
end of each, "switch sides", and keys (when the input is a terminal): p pause/resume, s skip,
b back, q stop (it asks why and says what to do). Without a terminal (``--yes``), it runs on
its own, with no keys.

Timing: each hold has a deadline on ``time.monotonic()``; the wait for a key ends at the
next whole second or the deadline, whichever is first, so the count never drifts.
"""

from __future__ import annotations

import contextlib
import select
import sys
import time
from collections.abc import Callable, Iterator
from typing import NamedTuple

from knotwork.adapters.cli.output import echo, wrap
from knotwork.core.release.plan import STROKE_SECONDS, Step
from knotwork.core.release.record import Hold
from knotwork.core.release.stop import STOP_REASONS

REST = 5.0  # seconds between holds on one point
SWITCH = 5.0  # the "switch sides" pause
BELL = "\a"


def bell() -> None:
    """The terminal's bell (written as it is: ``echo`` would show it escaped)."""
    sys.stdout.write(BELL)
    sys.stdout.flush()


Clock = Callable[[], float]


def now() -> float:
    """The timer's clock (tests put a fake one here)."""
    return time.monotonic()


def pause(seconds: float) -> None:
    time.sleep(seconds)


class Outcome(NamedTuple):
    holds: list[Hold]
    ended: str
    stop_reason: str | None


class Stopped(Exception):
    pass


class Keys:
    """Single key presses from a terminal (cbreak mode), or none."""

    def __init__(self, live: bool) -> None:
        self.live = live

    @contextlib.contextmanager
    def raw(self) -> Iterator[None]:
        if not self.live:
            yield
            return
        import termios
        import tty

        fd = sys.stdin.fileno()
        old = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)
            yield
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, old)

    def wait(self, seconds: float, sleep: Callable[[float], None]) -> str:
        """A key pressed within ``seconds``, or "" when the time is up."""
        if not self.live:
            sleep(max(0.0, seconds))
            return ""
        ready, _, _ = select.select([sys.stdin], [], [], max(0.0, seconds))
        return sys.stdin.read(1).lower() if ready else ""


class Timer:
    def __init__(
        self,
        steps: list[Step],
        keys: Keys,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        firmness: Callable[[Step], int | None] = lambda s: None,
    ) -> None:
        self.steps = steps
        self.keys = keys
        self.clock = clock
        self.sleep = sleep
        self.firmness = firmness
        self.done: dict[int, Hold] = {}

    def run(self) -> Outcome:
        i = 0
        try:
            with self.keys.raw():
                while i < len(self.steps):
                    i = self._step(i)
        except Stopped as stop:
            return Outcome(self._holds(), "stopped", str(stop))
        bell()
        echo("Done: every point.")
        return Outcome(self._holds(), "completed", None)

    def _holds(self) -> list[Hold]:
        return [self.done[n] for n in sorted(self.done)]

    def _step(self, i: int) -> int:
        s = self.steps[i]
        if s.switch:
            bell()
            echo(f"\n== Switch sides: now the {s.side} side ==")
            if self._count(SWITCH, "get ready") == "s":
                pass  # skipping the pause starts the hold
        side = f", {s.side} side" if s.side else ""
        echo(f"\n[{i + 1}/{len(self.steps)}] {s.muscle_name}, point {s.point}: {s.label}{side}")
        echo(wrap(f"Where: {s.lay}"))
        echo(wrap(f"Position: {s.position} (tool: {s.tool.replace('-', ' ')})"))
        for n, line in enumerate(s.how, 1):
            echo(wrap(f"{n}. {line}"))
        if s.pressure:
            p = s.pressure
            echo(
                wrap(
                    f"Pressure: firm but tolerable, never sharp: about {p}/10, never over {p.max}."
                )
            )
        for rep in range(s.repetitions):
            key = self._one(s, rep)
            if key == "s":
                return i + 1
            if key == "b":
                return max(0, i - 1)
            if rep + 1 < s.repetitions and self._count(REST, "let go and rest") == "s":
                return i + 1
        return i + 1

    def _one(self, s: Step, rep: int) -> str:
        what = f"hold {rep + 1} of {s.repetitions}"
        if s.hold_seconds:
            bell()
            echo(f"Start: {what}, {s.hold_seconds} s. Keys: p pause, s skip, b back, q stop")
            key = self._count(float(s.hold_seconds), what, step=s, rep=rep)
        else:
            strokes = s.strokes or 0
            bell()
            echo(f"Start: {strokes} slow strokes ({what}).")
            key = self._count(
                float(strokes * STROKE_SECONDS), f"{strokes} strokes", step=s, rep=rep
            )
        bell()
        return key

    def _count(self, seconds: float, label: str, step: Step | None = None, rep: int = 0) -> str:
        """Count down; a key may pause, skip, go back or stop. Returns "s", "b" or ""."""
        deadline = self.clock() + seconds
        while True:
            left = deadline - self.clock()
            if left <= 0:
                break
            sys.stdout.write(f"\r  {int(left) // 60}:{int(left) % 60:02d}  {label}   ")
            sys.stdout.flush()
            key = self.keys.wait(min(left, left % 1 or 1.0), self.sleep)
            if key == "p":
                paused = deadline - self.clock()
                sys.stdout.write("\r  paused: press p to go on      ")
                sys.stdout.flush()
                while self.keys.wait(3600, self.sleep) not in ("p", "q"):
                    pass
                deadline = self.clock() + paused
            elif key == "q":
                self._partial(step, rep, seconds - (deadline - self.clock()))
                raise Stopped(self._why())
            elif key in ("s", "b"):
                self._partial(step, rep, seconds - (deadline - self.clock()))
                sys.stdout.write("\n")
                return key
        sys.stdout.write("\r  0:00  " + label + "   \n")
        if step is not None:
            self._record(step, rep + 1, step.hold_seconds or step.strokes or 0)
        return ""

    def _partial(self, step: Step | None, rep: int, held: float) -> None:
        """A hold cut short counts for the whole seconds it lasted (only as its first)."""
        if step is not None and step.hold_seconds and held >= 1 and rep == 0:
            self._record(step, 1, int(held))

    def _record(self, step: Step, reps: int, amount: int) -> None:
        n = self.steps.index(step)
        self.done[n] = Hold(
            step.muscle,
            step.point,
            step.side,
            step.technique,
            seconds=amount if step.hold_seconds else None,
            strokes=None if step.hold_seconds else amount,
            repetitions=reps,
            pressure=self.firmness(step),
        )

    def _why(self) -> str:
        echo("\nWhy are you stopping?")
        for n, r in enumerate(STOP_REASONS, 1):
            echo(f"  {n}. {r.label}")
        while True:
            key = self.keys.wait(3600, self.sleep) if self.keys.live else "6"
            if key.isdigit() and 1 <= int(key) <= len(STOP_REASONS):
                reason = STOP_REASONS[int(key) - 1]
                echo(wrap(reason.advice, "  "))
                if reason.check:
                    echo("  Run `knotwork screen` (or the web app's safety questions) now.")
                return reason.id
