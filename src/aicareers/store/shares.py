"""Read-only links to a plan: a random token per link, of which only the SHA-256 is stored.

A plan has at most one live link: sharing again revokes the old one and makes a new token, so
a person who sent a link to the wrong place can take it back and share afresh. Revoked rows
stay (with ``revoked_at``) so that the account's export says when a plan was shared.
Reading by token needs no user: whoever holds the token may read that one plan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..engine.plans.model import ProgressEvent
from ..errors import UnknownIdError
from . import plans as stored_plans
from . import progress as stored_progress
from .records import StoredPlan
from .schema import plan_shares, plans

TOKEN_BYTES = 32  # secrets.token_urlsafe(32): 43 characters, 256 random bits
LONGEST_TOKEN = 200  # anything longer cannot be one of ours; no need to hash it
SHOWN = 6  # characters of an unknown token that its error repeats


def token_hash(token: str) -> str:
    """The SHA-256 of a link's token, as stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(conn: Connection, user_id: int, plan_id: int, now: dt.datetime) -> str:
    """A new link to one of the user's plans; the plan's previous link stops working."""
    stored_plans.check(conn, user_id, plan_id, lock=True)  # UnknownIdError if not theirs
    _revoke_live(conn, plan_id, now)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row = {"plan_id": plan_id, "token_hash": token_hash(token), "created_at": now}
    conn.execute(sa.insert(plan_shares).values(row))
    return token


def revoke(conn: Connection, user_id: int, plan_id: int, now: dt.datetime) -> bool:
    """Stop the plan's live link; False when it had none (nothing changes then)."""
    stored_plans.check(conn, user_id, plan_id, lock=True)
    return _revoke_live(conn, plan_id, now)


def live_since(conn: Connection, user_id: int, plan_id: int) -> dt.datetime | None:
    """When the plan's live link was made, or None when the plan is not shared."""
    stored_plans.check(conn, user_id, plan_id)
    t = plan_shares.c
    query = sa.select(t.created_at).where(t.plan_id == plan_id, t.revoked_at.is_(None))
    found: dt.datetime | None = conn.execute(query.order_by(t.id.desc())).scalars().first()
    return found


def shared(conn: Connection, token: str) -> tuple[StoredPlan, list[ProgressEvent]]:
    """The plan a live link opens and its events; UnknownIdError for any other token."""
    owner = _owner(conn, token)
    if owner is None:
        shown = token[:SHOWN] + ("…" if len(token) > SHOWN else "")
        raise UnknownIdError("shared plan", shown, [])
    user_id, plan_id = owner
    plan = stored_plans.get(conn, user_id, plan_id)
    return plan, stored_progress.list_for_plan(conn, user_id, plan_id)


def delete_for_user(conn: Connection, user_id: int) -> None:
    """Delete the links of every plan of the user (the cascade does it too, where enforced)."""
    owned = sa.select(plans.c.id).where(plans.c.user_id == user_id)
    conn.execute(sa.delete(plan_shares).where(plan_shares.c.plan_id.in_(owned)))


def export(conn: Connection, user_id: int) -> list[dict[str, Any]]:
    """The user's links as JSON-ready rows: which plan, made and revoked when (no hashes)."""
    t = plan_shares.c
    query = (
        sa.select(t.id, t.plan_id, t.created_at, t.revoked_at)
        .join(plans, plans.c.id == t.plan_id)
        .where(plans.c.user_id == user_id)
        .order_by(t.id)
    )
    rows: list[dict[str, Any]] = msgspec.to_builtins(
        [dict(r) for r in conn.execute(query).mappings()]
    )
    return rows


def _revoke_live(conn: Connection, plan_id: int, now: dt.datetime) -> bool:
    t = plan_shares.c
    done = conn.execute(
        sa.update(plan_shares)
        .where(t.plan_id == plan_id, t.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return done.rowcount > 0


def _owner(conn: Connection, token: str) -> tuple[int, int] | None:
    """(user id, plan id) of the live link with this token, or None."""
    if not token or len(token) > LONGEST_TOKEN:
        return None
    t = plan_shares.c
    query = (
        sa.select(plans.c.user_id, plans.c.id)
        .join(plans, plans.c.id == t.plan_id)
        .where(t.token_hash == token_hash(token), t.revoked_at.is_(None))
    )
    row = conn.execute(query).first()
    return None if row is None else (int(row.user_id), int(row.id))
