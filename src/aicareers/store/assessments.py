"""Saved assessments and the profiles they were made from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from ..errors import UnknownIdError, listing
from .records import StoredAssessment
from .schema import assessments, inserted_id, profiles
from .suggest import nearest_numbers, storable_id

# Where a user's assessment ids are listed (no web page lists them: results are shown once).
ASSESSMENT_IDS = listing(command="aicareers assessments list")


def profile_values(profile: Mapping[str, Any] | None) -> dict[str, Any]:
    """The profile columns from an engine profile dict (``report.profile_json``) or a plain one.

    Accepts ``title`` or ``titles`` (the first is kept), ``skills``, ``years`` or
    ``years_experience``, ``location`` and ``interests``. Anything else, the resume text
    (``text``) above all, is left out on purpose.
    """
    profile = profile or {}
    titles = profile.get("titles") or []
    years = profile.get("years", profile.get("years_experience"))
    return {
        "title": profile.get("title") or (str(titles[0]) if titles else None),
        "skills": [str(s) for s in profile.get("skills") or []],
        "years": None if years is None else float(years),
        "location": profile.get("location"),
        "interests": profile.get("interests"),
    }


def save(
    conn: Connection,
    user_id: int,
    *,
    inputs: Mapping[str, Any],
    result: Mapping[str, Any],
    engine_version: str,
    profile: Mapping[str, Any] | None,
    resume_text: str | None,
) -> int:
    """Insert an assessment (and its profile when there is one) and return its id."""
    now = dt.datetime.now(dt.UTC)
    profile_id = None
    if profile is not None or resume_text is not None:
        values = profile_values(profile)
        values.update(user_id=user_id, resume_text=resume_text, created_at=now)
        profile_id = inserted_id(conn.execute(sa.insert(profiles).values(values)))
    row = {
        "user_id": user_id, "profile_id": profile_id, "inputs": dict(inputs),
        "results": dict(result), "engine_version": engine_version, "created_at": now,
    }  # fmt: skip
    return inserted_id(conn.execute(sa.insert(assessments).values(row)))


def get(conn: Connection, user_id: int, assessment_id: int) -> StoredAssessment:
    """One of the user's assessments; UnknownIdError for any other id."""
    if not storable_id(assessment_id):
        raise unknown(conn, user_id, assessment_id)
    query = _select(user_id).where(assessments.c.id == assessment_id)
    row = conn.execute(query).mappings().first()
    if row is None:
        raise unknown(conn, user_id, assessment_id)
    return _stored(row)


def check(conn: Connection, user_id: int, assessment_id: int) -> None:
    """UnknownIdError unless the user has this assessment."""
    if not storable_id(assessment_id):
        raise unknown(conn, user_id, assessment_id)
    query = sa.select(assessments.c.id).where(
        assessments.c.user_id == user_id, assessments.c.id == assessment_id
    )
    if conn.execute(query).first() is None:
        raise unknown(conn, user_id, assessment_id)


def unknown(conn: Connection, user_id: int, assessment_id: int) -> UnknownIdError:
    """The error for an assessment id this user does not have, with their closest ids."""
    ids = conn.execute(sa.select(assessments.c.id).where(assessments.c.user_id == user_id))
    suggestions = nearest_numbers(ids.scalars(), assessment_id)
    return UnknownIdError("assessment", str(assessment_id), suggestions, ASSESSMENT_IDS)


def list_all(conn: Connection, user_id: int) -> list[StoredAssessment]:
    """The user's assessments, oldest first."""
    rows = conn.execute(_select(user_id).order_by(assessments.c.id)).mappings()
    return [_stored(row) for row in rows]


def resume_text(conn: Connection, user_id: int, assessment_id: int) -> str | None:
    """The resume text kept with an assessment, when the person opted in."""
    query = (
        sa.select(profiles.c.resume_text)
        .join(assessments, assessments.c.profile_id == profiles.c.id)
        .where(assessments.c.user_id == user_id, assessments.c.id == assessment_id)
    )
    return conn.execute(query).scalar()


def _select(user_id: int) -> sa.Select[Any]:
    return sa.select(assessments).where(assessments.c.user_id == user_id)


def _stored(row: RowMapping) -> StoredAssessment:
    return StoredAssessment(
        id=row["id"], inputs=row["inputs"], result=row["results"],
        engine_version=row["engine_version"], created_at=row["created_at"],
        profile_id=row["profile_id"],
    )  # fmt: skip
