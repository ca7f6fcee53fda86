"""The fair test's use cases, over the person's test repository and their diary.

    tests = FairTests(repo, diary)          # repo: FairTestRepository; diary: core Diary
    tests.plan(Arm("ball release daily", "self-treatment"), Arm("nothing new", "nothing-new"))
    tests.today()                           # the option planned for today, and the prompt
    tests.log(Peg(4, 3, 5))                 # today's PEG-3 answers, saved as a diary entry
    tests.results()                         # every test's result, newest first

``results_for(tests, diary, today)`` is the read-only entry point for other parts of
Knotwork (the clinician report, exports): every test of the person behind the two
repositories, analysed as of ``today``.
"""

from __future__ import annotations

from datetime import date, timedelta

from knotwork.core.diary.model import Entry, Peg
from knotwork.core.diary.repository import DiaryRepository
from knotwork.core.diary.service import Diary, new_id
from knotwork.core.errors import InvalidInput, NotFound
from knotwork.core.fairtest.analysis import BASELINE_DAYS, Result, analyse, red_flag_day
from knotwork.core.fairtest.plan import Arm, FairTest, Outcome, check_start
from knotwork.core.fairtest.repository import FairTestRepository
from knotwork.core.fairtest.today import Today, today
from knotwork.core.stats.schedule import make_schedule, new_seed
from knotwork.core.stats.verdict import EXTEND_BY

RECOMMENDED_BLOCKS = 4
MAX_NOTE = 2000


def result_of(test: FairTest, diary: DiaryRepository, day: date) -> Result:
    """One test's result as of ``day``, read from the diary in one consistent view."""
    until = min(day, test.end)
    with diary.reading():
        entries = diary.entries(test.start - timedelta(days=BASELINE_DAYS), until)
        findings = diary.findings(test.start, until)
        treatments = diary.treatments(test.start, until)
    return analyse(test, entries, findings, day, treatments)


def results_for(tests: FairTestRepository, diary: DiaryRepository, day: date) -> list[Result]:
    """Every fair test of the person behind ``tests`` and ``diary`` (the same person), newest
    first, each analysed as of ``day`` (the person's local today)."""
    return [result_of(t, diary, day) for t in tests.tests()]


class FairTests:
    def __init__(self, repo: FairTestRepository, diary: Diary) -> None:
        self.repo = repo
        self.diary = diary

    def today_date(self) -> date:
        return self.diary.today()

    def latest(self) -> FairTest | None:
        found = self.repo.tests()
        return found[0] if found else None

    def get(self, test_id: str) -> FairTest:
        """A test by its id or its first 4 or more characters."""
        key = test_id.strip().lower()
        if len(key) < 4:
            raise InvalidInput(f"'{test_id}' is not a fair test id (4 to 32 hex digits).")
        found = [t for t in self.repo.tests() if t.id.startswith(key)]
        if not found:
            raise NotFound(f"No fair test with an id starting '{test_id}'.")
        if len(found) > 1:
            raise InvalidInput(f"Several fair tests have ids starting '{test_id}'; give more.")
        return found[0]

    def active(self) -> FairTest | None:
        """The test that is planned or running, if any (at most one at a time)."""
        day = self.today_date()
        for t in self.repo.tests():
            if t.status(day, self._red_flag(t)) in ("planned", "running"):
                return t
        return None

    def _red_flag(self, test: FairTest) -> date | None:
        day = self.today_date()
        if day < test.start:
            return None
        return red_flag_day(test, self.diary.repo.findings(test.start, min(day, test.end)))

    def plan(
        self,
        a: Arm,
        b: Arm,
        blocks: int = RECOMMENDED_BLOCKS,
        start: date | None = None,
        outcome: Outcome = "peg",
        seed: int | None = None,
    ) -> FairTest:
        """A new test; refused while another is planned or running."""
        day = self.today_date()
        current = self.active()
        if current is not None:
            raise InvalidInput(
                f"A fair test is already {current.status(day)} ({current.a.name} against "
                f"{current.b.name}); stop it before planning another."
            )
        schedule = make_schedule(blocks, seed if seed is not None else new_seed())
        test = FairTest(
            new_id(),
            self.diary.now(),
            check_start(start or day, day),
            a,
            b,
            schedule,
            first_blocks=blocks,
            outcome=outcome,
        )
        self.repo.add_test(test)
        return test

    def today(self) -> Today | None:
        """Today in the newest test (None before any test was planned)."""
        test = self.latest()
        if test is None:
            return None
        day = self.today_date()
        logged = any(e.peg is not None for e in self.diary.repo.entries(day, day))
        return today(test, day, self._red_flag(test), logged)

    def log(self, peg: Peg, note: str = "") -> Entry:
        """Today's PEG-3 answers as a diary entry (its overall pain is the pain answer)."""
        if len(note) > MAX_NOTE:
            raise InvalidInput(f"The note is too long (at most {MAX_NOTE} characters).")
        return self.diary.add_entry(pain=peg.pain, peg=peg, notes=note)

    def extend(self, test_id: str) -> FairTest:
        test = self.get(test_id)
        result = self.result(test)
        if not result.can_extend:
            raise InvalidInput(
                "Two more blocks can be added once, to a finished test without a clear "
                "answer, within two days of its end."
            )
        longer = FairTest(
            test.id,
            test.created,
            test.start,
            test.a,
            test.b,
            test.schedule.extended(EXTEND_BY),
            test.first_blocks,
            test.outcome,
        )
        self.repo.replace_test(longer)
        return longer

    def stop(self, test_id: str, reason: str = "") -> FairTest:
        test = self.get(test_id)
        day = self.today_date()
        if test.status(day, self._red_flag(test)) not in ("planned", "running"):
            raise InvalidInput("Only a planned or running test can be stopped.")
        stopped = FairTest(
            test.id,
            test.created,
            test.start,
            test.a,
            test.b,
            test.schedule,
            test.first_blocks,
            test.outcome,
            stopped_on=day,
            stop_reason=reason.strip(),
        )
        self.repo.replace_test(stopped)
        return stopped

    def result(self, test: FairTest) -> Result:
        return result_of(test, self.diary.repo, self.today_date())

    def results(self) -> list[Result]:
        return results_for(self.repo, self.diary.repo, self.today_date())
