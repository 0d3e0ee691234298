"""The append-only progress log: one row per acknowledged change of a step's status."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..engine.plans.model import EventStatus, ProgressEvent
from . import plans as stored_plans
from .schema import EVENT_STATUSES, inserted_id, progress_events


def append(
    conn: Connection,
    user_id: int,
    plan_id: int,
    step: str,
    status: EventStatus,
    note: str | None,
    at: dt.datetime,
) -> ProgressEvent:
    """Check the plan and step, then insert the event; the caller commits."""
    if status not in EVENT_STATUSES:
        raise ValueError(f"unknown status {status!r}; expected one of {EVENT_STATUSES}")
    if at.tzinfo is None:
        raise ValueError(f"naive datetime {at!r}: pass a timezone-aware value")
    stored_plans.check(conn, user_id, plan_id, lock=True)  # UnknownIdError if not theirs
    stored_plans.check_step(conn, plan_id, step)
    row = {
        "user_id": user_id, "plan_id": plan_id, "step_key": step, "status": status,
        "note": note, "at": at,
    }  # fmt: skip
    seq = inserted_id(conn.execute(sa.insert(progress_events).values(row)))
    when = at.astimezone(dt.UTC)
    return ProgressEvent(seq=seq, step=step, status=status, at=when, note=note)


def list_for_plan(conn: Connection, user_id: int, plan_id: int) -> list[ProgressEvent]:
    """Every event on one of the user's plans, in the order they were committed."""
    stored_plans.check(conn, user_id, plan_id)  # UnknownIdError if not theirs
    t = progress_events.c
    query = (
        sa.select(t.id, t.step_key, t.status, t.at, t.note)
        .where(t.user_id == user_id, t.plan_id == plan_id)
        .order_by(t.id)
    )
    return [
        ProgressEvent(seq=int(r.id), step=r.step_key, status=r.status, at=r.at, note=r.note)
        for r in conn.execute(query)
    ]
