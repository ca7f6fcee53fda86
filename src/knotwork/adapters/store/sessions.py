"""``SqlSessions``: the diary's repository plus sessions and routines (the core's
``SessionRepository``), bound to one person like the diary's. A session and its treatment
events are written in one transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from knotwork.adapters.store import rows, tables
from knotwork.adapters.store.bulk import copy_rows
from knotwork.adapters.store.repository import SqlDiary
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.treatment import Treatment
from knotwork.core.errors import InvalidInput, NotFound
from knotwork.core.release.record import Hold, Routine, Session

T = tables


def session_values(person: int, s: Session) -> rows.Values:
    return rows.stamp(person, s) | {
        "muscles": json.dumps(list(s.muscles)),
        "holds": json.dumps([_hold_dict(h) for h in s.holds]),
        "pain_before": s.pain_before,
        "pain_after": s.pain_after,
        "rom_before": s.rom_before,
        "rom_after": s.rom_after,
        "ended": s.ended,
        "stop_reason": s.stop_reason,
        "routine": s.routine,
        "treatments": json.dumps(list(s.treatments)),
    }


def _hold_dict(h: Hold) -> dict[str, Any]:
    return {
        "muscle": h.muscle,
        "point": h.point,
        "side": h.side,
        "technique": h.technique,
        "seconds": h.seconds,
        "strokes": h.strokes,
        "repetitions": h.repetitions,
        "pressure": h.pressure,
    }


def session_from(row: Any) -> Session:
    return Session(
        row.id,
        rows.when(row),
        tuple(json.loads(row.muscles)),
        tuple(Hold(**h) for h in json.loads(row.holds)),
        row.pain_before,
        row.pain_after,
        row.rom_before,
        row.rom_after,
        row.ended,
        row.stop_reason,
        row.routine,
        tuple(json.loads(row.treatments)),
    )


def routine_values(person: int, r: Routine) -> rows.Values:
    return rows.stamp(person, r) | {
        "name": r.name,
        "muscles": json.dumps(list(r.muscles)),
        "sides": json.dumps(list(r.sides)),
        "every_days": r.every_days,
        "at_time": r.at,
    }


def routine_from(row: Any) -> Routine:
    return Routine(
        row.id,
        rows.when(row),
        row.name,
        tuple(json.loads(row.muscles)),
        tuple(json.loads(row.sides)),
        row.every_days,
        row.at_time,
    )


class SqlSessions(SqlDiary):
    """Restoring a backup puts its sessions and routines back in the same transaction as
    its records (``carry`` them first); clearing the diary for a restore clears them too."""

    _carried: tuple[Sequence[Session], Sequence[Routine]] = ((), ())

    def carry(self, sessions: Sequence[Session], routines: Sequence[Routine]) -> None:
        self._carried = (sessions, routines)

    def restore(self, contents: Contents, replace: bool) -> None:
        if not replace and (self.sessions(limit=1) or self.routines()):
            raise InvalidInput(
                "The diary already has sessions or routines; restore with --replace to put "
                "the backup in their place."
            )
        super().restore(contents, replace)

    def _clear(self, conn: Connection) -> None:
        for table in (T.release_session, T.routine):
            conn.execute(delete(table).where(self._mine(table)))
        super()._clear(conn)

    def bulk_insert(self, conn: Connection, contents: Contents) -> None:
        super().bulk_insert(conn, contents)
        sessions, routines = self._carried
        copy_rows(conn, T.release_session, [session_values(self.person, s) for s in sessions])
        copy_rows(conn, T.routine, [routine_values(self.person, r) for r in routines])
        self._carried = ((), ())

    def add_session(self, session: Session, treatments: Sequence[Treatment]) -> None:
        try:
            self._add_session(session, treatments)
        except IntegrityError:
            raise InvalidInput(f"A session or treatment with id {session.id} exists.") from None

    def _add_session(self, session: Session, treatments: Sequence[Treatment]) -> None:
        with self._write() as conn:
            if treatments:
                conn.execute(
                    insert(T.treatment), [rows.treatment_values(self.person, t) for t in treatments]
                )
            conn.execute(insert(T.release_session), [session_values(self.person, session)])

    def sessions(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Session]:
        t = T.release_session
        query = select(t).where(self._mine(t))
        if since is not None:
            query = query.where(t.c.day >= since)
        if until is not None:
            query = query.where(t.c.day <= until)
        query = query.order_by(t.c.at_utc.desc(), t.c.id.desc()).limit(limit)
        with self._read() as conn:
            return [session_from(r) for r in conn.execute(query)]

    def get_session(self, session_id: str) -> Session:
        return session_from(self._one(T.release_session, session_id, "session"))

    def _one(self, table: Table, record_id: str, what: str) -> Any:
        with self._read() as conn:
            row = conn.execute(
                select(table).where(self._mine(table), table.c.id == record_id)
            ).first()
        if row is None:
            raise NotFound(f"No {what} with id {record_id}.")
        return row

    def add_routine(self, routine: Routine) -> None:
        with self._write() as conn:
            conn.execute(insert(T.routine), [routine_values(self.person, routine)])

    def routines(self) -> list[Routine]:
        t = T.routine
        query = select(t).where(self._mine(t)).order_by(t.c.at_utc, t.c.id)
        with self._read() as conn:
            return [routine_from(r) for r in conn.execute(query)]

    def get_routine(self, routine_id: str) -> Routine:
        return routine_from(self._one(T.routine, routine_id, "routine"))

    def remove_routine(self, routine_id: str) -> Routine:
        t = T.routine
        with self._write() as conn:
            row = conn.execute(select(t).where(self._mine(t), t.c.id == routine_id)).first()
            if row is None:
                raise NotFound(f"No routine with id {routine_id}.")
            conn.execute(delete(t).where(self._mine(t), t.c.id == routine_id))
        return routine_from(row)

    def set_soreness(self, treatment_ids: Sequence[str], soreness: str) -> int:
        if not treatment_ids:
            raise InvalidInput("No treatment to check.")
        t = T.treatment
        with self._write() as conn:
            done = conn.execute(
                update(t)
                .where(self._mine(t), t.c.id.in_(list(treatment_ids)))
                .values(soreness=soreness)
            )
        return int(done.rowcount)
