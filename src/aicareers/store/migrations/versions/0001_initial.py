"""The first schema: users, profiles, assessments, plans, plan steps and progress events.

Revision ID: 0001
Revises:
Create Date: 2026-01-01

Written by hand and frozen: later changes go in new revisions, never here. Every constraint
is named explicitly (``op.f`` keeps the name as written), so that a later revision can drop
or alter it by name on both SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

KEY = 200
STATUSES = "status IN ('done', 'in_progress', 'skipped', 'reopened')"


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def _fk(
    table: str, columns: list[str], target: str, remote: list[str], ondelete: str = "CASCADE"
) -> sa.ForeignKeyConstraint:
    name = f"fk_{table}_{'_'.join(columns)}_{target}"
    return sa.ForeignKeyConstraint(
        columns, [f"{target}.{c}" for c in remote], name=op.f(name), ondelete=ondelete
    )


def _uq(table: str, *columns: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint(*columns, name=op.f(f"uq_{table}_{'_'.join(columns)}"))


def _owned(table: str) -> list[sa.schema.SchemaItem]:
    """The id, the owning user and the creation time every user-owned table has."""
    return [
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _pk(table),
        _fk(table, ["user_id"], "users", ["id"]),
    ]


def upgrade() -> None:
    """Create every table of the first schema."""
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(KEY), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _pk("users"),
        _uq("users", "name"),
    )
    op.create_table(
        "profiles",
        *_owned("profiles"),
        sa.Column("title", sa.Text),
        sa.Column("skills", sa.JSON, nullable=False),
        sa.Column("years", sa.Float),
        sa.Column("location", sa.JSON),
        sa.Column("interests", sa.JSON),
        sa.Column("resume_text", sa.Text),
    )
    op.create_index(op.f("ix_profiles_user_id"), "profiles", ["user_id"])
    op.create_table(
        "assessments",
        *_owned("assessments"),
        sa.Column("profile_id", sa.Integer),
        sa.Column("inputs", sa.JSON, nullable=False),
        sa.Column("results", sa.JSON, nullable=False),
        sa.Column("engine_version", sa.String(40), nullable=False),
        _fk("assessments", ["profile_id"], "profiles", ["id"], ondelete="SET NULL"),
    )
    op.create_index(op.f("ix_assessments_user_id_id"), "assessments", ["user_id", "id"])
    _plans()
    _events()


def _plans() -> None:
    op.create_table(
        "plans",
        *_owned("plans"),
        sa.Column("assessment_id", sa.Integer),
        sa.Column("career", sa.String(KEY), nullable=False),
        sa.Column("preferences", sa.JSON, nullable=False),
        sa.Column("plan", sa.JSON, nullable=False),
        _fk("plans", ["assessment_id"], "assessments", ["id"], ondelete="SET NULL"),
        _uq("plans", "user_id", "id"),
    )
    op.create_table(
        "plan_steps",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("plan_id", sa.Integer, nullable=False),
        sa.Column("step_key", sa.String(KEY), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("milestone", sa.String(40), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("hours", sa.Float, nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        _pk("plan_steps"),
        _fk("plan_steps", ["plan_id"], "plans", ["id"]),
        _uq("plan_steps", "plan_id", "step_key"),
        _uq("plan_steps", "plan_id", "position"),
    )


def _events() -> None:
    table = "progress_events"
    op.create_table(
        table,
        # BIGINT on PostgreSQL; on SQLite only INTEGER PRIMARY KEY is the rowid.
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("plan_id", sa.Integer, nullable=False),
        sa.Column("step_key", sa.String(KEY), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        _pk(table),
        _fk(table, ["user_id"], "users", ["id"]),
        _fk(table, ["user_id", "plan_id"], "plans", ["user_id", "id"]),
        _fk(table, ["plan_id", "step_key"], "plan_steps", ["plan_id", "step_key"]),
        sa.CheckConstraint(STATUSES, name=op.f("ck_progress_events_status")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_progress_events_plan_id_id"), table, ["plan_id", "id"])


def downgrade() -> None:
    """Drop every table, dependents first."""
    op.drop_index(op.f("ix_progress_events_plan_id_id"), table_name="progress_events")
    op.drop_table("progress_events")
    op.drop_table("plan_steps")
    op.drop_table("plans")
    op.drop_index(op.f("ix_assessments_user_id_id"), table_name="assessments")
    op.drop_table("assessments")
    op.drop_index(op.f("ix_profiles_user_id"), table_name="profiles")
    op.drop_table("profiles")
    op.drop_table("users")
