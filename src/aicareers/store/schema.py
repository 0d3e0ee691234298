"""The tables, as SQLAlchemy Core metadata; ``migrations/`` creates exactly this schema.

Every row belongs to a user: users own profiles, assessments and plans directly, plan steps
through their plan, and progress events both directly and through their plan, with one
composite foreign key ``(user_id, plan_id) -> plans (user_id, id)`` so the database itself
refuses an event filed under someone else's plan. Deleting a user deletes everything theirs.
A plan's read-only links (``plan_shares``) belong to the plan and go with it.

``progress_events`` is append-only. Its id is the event's ``seq``: SQLite's AUTOINCREMENT
and PostgreSQL's sequence never hand out an id twice, so the order of ids is the order of
the log (``Store.record_event`` makes it the commit order too).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from ..engine.plans.model import EventStatus

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = sa.MetaData(naming_convention=NAMING)

EVENT_STATUSES: tuple[str, ...] = get_args(EventStatus)
KEY = 200  # length of slugs and step ids


class UtcDateTime(sa.TypeDecorator[dt.datetime]):
    """A point in time, stored in UTC and always read back timezone-aware.

    SQLite has no time zones and SQLAlchemy would silently drop them, so a naive value is
    refused on the way in and every value is converted to UTC.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        """Convert to UTC; naive datetimes are a programming error."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware value")
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        """Attach UTC to what SQLite returns; convert PostgreSQL's session zone to UTC."""
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def _owner() -> sa.Column[int]:
    return sa.Column(
        "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def _created() -> sa.Column[dt.datetime]:
    return sa.Column("created_at", UtcDateTime(), nullable=False)


def _owned_table(name: str, *items: sa.schema.SchemaItem) -> sa.Table:
    """A table of rows that belong to one user: its id and owner come first, then ``items``."""
    return sa.Table(name, metadata, sa.Column("id", sa.Integer, primary_key=True), _owner(), *items)


users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(KEY), nullable=False, unique=True),
    _created(),
    # Web accounts: ``name`` is the e-mail address and this its argon2 hash. The CLI's local
    # user has none and so can never sign in.
    sa.Column("password_hash", sa.Text),
)

profiles = _owned_table(
    "profiles",
    sa.Column("title", sa.Text),
    sa.Column("skills", sa.JSON, nullable=False),
    sa.Column("years", sa.Float),
    sa.Column("location", sa.JSON(none_as_null=True)),
    sa.Column("interests", sa.JSON(none_as_null=True)),
    # Only when the person opts in: the resume is theirs and stays out of the store otherwise.
    sa.Column("resume_text", sa.Text),
    _created(),
    sa.Index(None, "user_id"),
)

assessments = _owned_table(
    "assessments",
    sa.Column("profile_id", sa.Integer, sa.ForeignKey("profiles.id", ondelete="SET NULL")),
    sa.Column("inputs", sa.JSON, nullable=False),
    sa.Column("results", sa.JSON, nullable=False),
    sa.Column("engine_version", sa.String(40), nullable=False),
    _created(),
    sa.Index(None, "user_id", "id"),
)

plans = _owned_table(
    "plans",
    sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id", ondelete="SET NULL")),
    sa.Column("career", sa.String(KEY), nullable=False),
    sa.Column("preferences", sa.JSON, nullable=False),
    sa.Column("plan", sa.JSON, nullable=False),  # msgspec.to_builtins(Plan)
    _created(),
    # The target of progress_events' ownership key, and the index for listing a user's plans.
    sa.UniqueConstraint("user_id", "id"),
)

plan_steps = sa.Table(
    "plan_steps",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
    sa.Column("step_key", sa.String(KEY), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("milestone", sa.String(40), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("hours", sa.Float, nullable=False),
    sa.Column("due", sa.Date, nullable=False),
    sa.UniqueConstraint("plan_id", "step_key"),
    sa.UniqueConstraint("plan_id", "position"),
)

progress_events = sa.Table(
    "progress_events",
    metadata,
    # BIGINT on PostgreSQL; on SQLite only INTEGER PRIMARY KEY is the autoincrementing rowid.
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    _owner(),
    sa.Column("plan_id", sa.Integer, nullable=False),
    sa.Column("step_key", sa.String(KEY), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("at", UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(
        ["user_id", "plan_id"], ["plans.user_id", "plans.id"], ondelete="CASCADE"
    ),
    sa.ForeignKeyConstraint(
        ["plan_id", "step_key"],
        ["plan_steps.plan_id", "plan_steps.step_key"],
        ondelete="CASCADE",
    ),
    sa.CheckConstraint(
        "status IN (" + ", ".join(f"'{s}'" for s in EVENT_STATUSES) + ")", name="status"
    ),
    sa.Index(None, "plan_id", "id"),
    # AUTOINCREMENT: an id is never reused, even after the newest event's row is deleted.
    sqlite_autoincrement=True,
)


sessions = _owned_table(
    "sessions",
    # SHA-256 of the cookie's random token: a copy of the database signs nobody in.
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    _created(),
    sa.Column("expires_at", UtcDateTime(), nullable=False),
    sa.Index(None, "user_id"),
)

api_tokens = _owned_table(
    "api_tokens",
    sa.Column("name", sa.String(KEY), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("prefix", sa.String(16), nullable=False),  # shown so people can tell tokens apart
    _created(),
    sa.Index(None, "user_id"),
)

plan_shares = sa.Table(
    "plan_shares",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
    # SHA-256 of the link's random token: a copy of the database opens no shared plan.
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    _created(),
    sa.Column("revoked_at", UtcDateTime()),  # NULL while the link works
    sa.Index(None, "plan_id"),
)


def inserted_id(result: sa.CursorResult[Any]) -> int:
    """The primary key of the row an INSERT just added."""
    key = result.inserted_primary_key
    assert key is not None, "not the result of a single-row INSERT"
    return int(key[0])
