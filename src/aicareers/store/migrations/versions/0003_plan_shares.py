"""Read-only links to a plan: one row per link, only the SHA-256 of its token.

Revision ID: 0003
Revises: 0002
Create Date: 2026-03-01

Frozen like 0001. A link belongs to its plan and goes with it (and so with its user).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

TABLE = "plan_shares"


def upgrade() -> None:
    """Add the table of shared-plan links."""
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("plan_id", sa.Integer, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f(f"fk_{TABLE}_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("token_hash", name=op.f(f"uq_{TABLE}_token_hash")),
    )
    op.create_index(op.f(f"ix_{TABLE}_plan_id"), TABLE, ["plan_id"])


def downgrade() -> None:
    """Drop the table."""
    op.drop_index(op.f(f"ix_{TABLE}_plan_id"), table_name=TABLE)
    op.drop_table(TABLE)
