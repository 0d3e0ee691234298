"""What the store hands back: stored assessments and plans with their ids and times."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from ..engine.plans.model import Plan


class StoredAssessment(msgspec.Struct, frozen=True, kw_only=True):
    """An assessment as saved: the inputs, the engine's result and the engine's version."""

    id: int
    inputs: dict[str, Any]
    result: dict[str, Any]
    engine_version: str
    created_at: dt.datetime
    profile_id: int | None = None


class StoredPlan(msgspec.Struct, frozen=True, kw_only=True):
    """A saved plan, and the assessment it was built from if any."""

    id: int
    plan: Plan
    assessment_id: int | None
    created_at: dt.datetime
