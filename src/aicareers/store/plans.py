"""Saved plans: the whole plan as JSON plus one row per step for the event log to point at."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from ..engine.plans.model import PLAN_VERSION, Plan
from ..errors import SchemaError, UnknownIdError, listing
from . import assessments as stored_assessments
from .records import StoredPlan
from .schema import inserted_id, plan_steps, plans
from .suggest import closest_keys, nearest_numbers, storable_id

PLAN_IDS = listing(command="aicareers plan list", page="/plans")


def save(conn: Connection, user_id: int, plan: Plan, assessment_id: int | None) -> int:
    """Insert a plan and its steps (the caller's transaction makes it all or nothing)."""
    keys = [step.id for step in plan.steps]
    if len(set(keys)) != len(keys):
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        raise ValueError(f"plan has duplicate step ids: {', '.join(duplicates)}")
    if assessment_id is not None:
        stored_assessments.check(conn, user_id, assessment_id)
    row = {
        "user_id": user_id, "assessment_id": assessment_id, "career": plan.career,
        "preferences": msgspec.to_builtins(plan.preferences), "plan": msgspec.to_builtins(plan),
        "created_at": dt.datetime.now(dt.UTC),
    }  # fmt: skip
    plan_id = inserted_id(conn.execute(sa.insert(plans).values(row)))
    if plan.steps:
        steps = [
            # A version 2 step belongs to a track rather than a milestone group.
            {"plan_id": plan_id, "step_key": s.id, "position": i, "kind": s.kind,
             "milestone": s.milestone or s.track or "", "title": s.title, "hours": s.hours,
             "due": s.due}
            for i, s in enumerate(plan.steps)
        ]  # fmt: skip
        conn.execute(sa.insert(plan_steps), steps)
    return plan_id


def get(conn: Connection, user_id: int, plan_id: int) -> StoredPlan:
    """One of the user's plans; another user's plan is as unknown as a missing one."""
    if not storable_id(plan_id):
        raise unknown_plan(conn, user_id, plan_id)
    query = sa.select(plans).where(plans.c.user_id == user_id, plans.c.id == plan_id)
    row = conn.execute(query).mappings().first()
    if row is None:
        raise unknown_plan(conn, user_id, plan_id)
    return _stored(row)


def check(conn: Connection, user_id: int, plan_id: int, *, lock: bool = False) -> None:
    """UnknownIdError unless the user has this plan.

    ``lock`` holds the plan's row until the transaction ends (PostgreSQL; SQLite's writer
    already holds the whole database), so events on one plan are numbered in commit order.
    """
    if not storable_id(plan_id):
        raise unknown_plan(conn, user_id, plan_id)
    query = sa.select(plans.c.id).where(plans.c.user_id == user_id, plans.c.id == plan_id)
    if lock:
        query = query.with_for_update()
    if conn.execute(query).first() is None:
        raise unknown_plan(conn, user_id, plan_id)


def list_all(conn: Connection, user_id: int) -> list[StoredPlan]:
    """The user's plans, oldest first."""
    query = sa.select(plans).where(plans.c.user_id == user_id).order_by(plans.c.id)
    return [_stored(row) for row in conn.execute(query).mappings()]


def check_step(conn: Connection, plan_id: int, step: str) -> None:
    """UnknownIdError, with the closest step ids, unless ``step`` is one of the plan's steps."""
    query = sa.select(plan_steps.c.step_key).where(plan_steps.c.plan_id == plan_id)
    keys = list(conn.execute(query).scalars())
    if step not in keys:
        suggestions = closest_keys(keys, step)
        where = listing(command=f"aicareers plan show {plan_id}", page=f"/plans/{plan_id}")
        raise UnknownIdError("step", step, suggestions, where)


# How many of a person's plans an unknown-id message lists, newest first, before counting.
LISTED_PLANS = 5


class UnknownPlanError(UnknownIdError):
    """A plan id this user does not have: their ids it could be a slip for or, with none
    such, the plans they do have (the id alone does not say which plan is which)."""

    def __init__(self, given: str, close: list[str], theirs: list[tuple[int, str]]) -> None:
        super().__init__("plan", given, close, PLAN_IDS)
        if close or not theirs:
            return
        named = [f"{plan_id} ({title})" for plan_id, title in theirs[:LISTED_PLANS]]
        more = len(theirs) - len(named)
        listed = ", ".join(named) + (f" and {more} more" if more else "")
        self.args = (f"No plan with id '{given}'. Your plans: {listed}.",)


def unknown_plan(conn: Connection, user_id: int, plan_id: int) -> UnknownIdError:
    """The error for a plan id this user does not have, with their ids it could be a slip for,
    or else their plans."""
    query = sa.select(plans.c.id, plans.c.career, plans.c.plan).where(plans.c.user_id == user_id)
    rows = conn.execute(query.order_by(plans.c.id.desc())).all()
    close = nearest_numbers((row.id for row in rows), plan_id)
    theirs = [(row.id, _title(row.plan, row.career)) for row in rows]
    return UnknownPlanError(str(plan_id), close, theirs)


def _title(data: Any, career: str) -> str:
    """The career a stored plan leads to, as its plan names it (the id if it cannot be read)."""
    title = data.get("career_title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title else career


def _stored(row: RowMapping) -> StoredPlan:
    data: Any = row["plan"]
    try:
        plan = msgspec.convert(data, Plan)
    except msgspec.ValidationError as exc:
        version = data.get("version") if isinstance(data, dict) else None
        raise SchemaError(
            f"Plan {row['id']} cannot be read by this aicareers ({exc}; plan format version "
            f"{version}, this aicareers reads {PLAN_VERSION}). It was probably saved by a newer "
            "aicareers: upgrade aicareers to read it."
        ) from exc
    return StoredPlan(
        id=row["id"], plan=plan, assessment_id=row["assessment_id"], created_at=row["created_at"]
    )
