"""Web accounts: sign-up, sign-in sessions, API tokens, export and deletion of all a user's data.

The store keeps only hashes: passwords arrive already hashed (argon2, by the web layer) and
session and API tokens arrive as their SHA-256, so a copy of the database lets nobody in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..errors import UnknownIdError, UserInputError, listing
from .schema import (
    api_tokens,
    assessments,
    inserted_id,
    plan_steps,
    plans,
    profiles,
    progress_events,
    sessions,
    users,
)


class Account(msgspec.Struct, frozen=True):
    """A signed-up user: the id every query is scoped to, and the e-mail they sign in with."""

    id: int
    email: str


class ApiToken(msgspec.Struct, frozen=True, kw_only=True):
    """A personal API token as listed (never the token itself, only its first characters)."""

    id: int
    name: str
    prefix: str
    created_at: dt.datetime


class AccountExistsError(UserInputError):
    """Sign-up with an e-mail address that already has an account."""

    def __init__(self) -> None:
        super().__init__("There is already an account with this e-mail address. Sign in instead.")


def create(conn: Connection, email: str, password_hash: str, now: dt.datetime) -> int:
    """A new account; AccountExistsError if the address is taken."""
    if conn.execute(sa.select(users.c.id).where(users.c.name == email)).first() is not None:
        raise AccountExistsError()
    row = {"name": email, "password_hash": password_hash, "created_at": now}
    try:
        with conn.begin_nested():
            return inserted_id(conn.execute(sa.insert(users).values(row)))
    except sa.exc.IntegrityError:  # a racing sign-up with the same address won
        raise AccountExistsError() from None


def credentials(conn: Connection, email: str) -> tuple[Account, str] | None:
    """The account with this address and its password hash; None if there is no such account."""
    query = sa.select(users.c.id, users.c.name, users.c.password_hash).where(
        users.c.name == email, users.c.password_hash.is_not(None)
    )
    row = conn.execute(query).first()
    return None if row is None else (Account(int(row.id), str(row.name)), str(row.password_hash))


def set_password_hash(conn: Connection, user_id: int, password_hash: str) -> None:
    """Replace the stored hash (after a parameter upgrade)."""
    conn.execute(sa.update(users).where(users.c.id == user_id).values(password_hash=password_hash))


def add_session(
    conn: Connection, user_id: int, token_hash: str, now: dt.datetime, expires: dt.datetime
) -> None:
    """Record a sign-in; expired sessions of the same user are cleared on the way."""
    conn.execute(
        sa.delete(sessions).where(sessions.c.user_id == user_id, sessions.c.expires_at <= now)
    )
    row = {"user_id": user_id, "token_hash": token_hash, "created_at": now, "expires_at": expires}
    conn.execute(sa.insert(sessions).values(row))


def session_account(conn: Connection, token_hash: str, now: dt.datetime) -> Account | None:
    """The account signed in by this session, if it exists and has not expired."""
    query = (
        sa.select(users.c.id, users.c.name)
        .join(sessions, sessions.c.user_id == users.c.id)
        .where(sessions.c.token_hash == token_hash, sessions.c.expires_at > now)
    )
    row = conn.execute(query).first()
    return None if row is None else Account(int(row.id), str(row.name))


def drop_session(conn: Connection, token_hash: str) -> None:
    """Sign out: the session stops working at once."""
    conn.execute(sa.delete(sessions).where(sessions.c.token_hash == token_hash))


def add_token(
    conn: Connection, user_id: int, name: str, token_hash: str, prefix: str, now: dt.datetime
) -> int:
    """Record a new API token."""
    row = {"user_id": user_id, "name": name, "token_hash": token_hash, "prefix": prefix,
           "created_at": now}  # fmt: skip
    return inserted_id(conn.execute(sa.insert(api_tokens).values(row)))


def list_tokens(conn: Connection, user_id: int) -> list[ApiToken]:
    """The user's tokens, oldest first."""
    query = sa.select(api_tokens).where(api_tokens.c.user_id == user_id).order_by(api_tokens.c.id)
    return [
        ApiToken(id=r.id, name=r.name, prefix=r.prefix, created_at=r.created_at)
        for r in conn.execute(query)
    ]


def drop_token(conn: Connection, user_id: int, token_id: int) -> None:
    """Revoke one of the user's tokens; another user's token is as unknown as a missing one."""
    done = conn.execute(
        sa.delete(api_tokens).where(api_tokens.c.user_id == user_id, api_tokens.c.id == token_id)
    )
    if done.rowcount == 0:
        raise UnknownIdError("API token", str(token_id), [], listing(page="/account"))


def token_account(conn: Connection, token_hash: str) -> Account | None:
    """The account an API token acts for."""
    query = (
        sa.select(users.c.id, users.c.name)
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(api_tokens.c.token_hash == token_hash)
    )
    row = conn.execute(query).first()
    return None if row is None else Account(int(row.id), str(row.name))


def delete(conn: Connection, user_id: int) -> None:
    """Delete the user and, by the schema's cascades, every row that is theirs."""
    # Explicit deletes, children first, so that a database without enforced cascades
    # (a SQLite connection opened elsewhere without foreign keys) is left with nothing either.
    owned = plans.c.user_id == user_id
    conn.execute(sa.delete(progress_events).where(progress_events.c.user_id == user_id))
    conn.execute(
        sa.delete(plan_steps).where(plan_steps.c.plan_id.in_(sa.select(plans.c.id).where(owned)))
    )
    for table in (plans, assessments, profiles, sessions, api_tokens):
        conn.execute(sa.delete(table).where(table.c.user_id == user_id))
    conn.execute(sa.delete(users).where(users.c.id == user_id))


def export(conn: Connection, user_id: int) -> dict[str, Any]:
    """Everything stored for the user, as JSON-ready values (no password or token hashes)."""
    user = conn.execute(
        sa.select(users.c.name, users.c.created_at).where(users.c.id == user_id)
    ).one()

    def rows(table: sa.Table, *hidden: str) -> list[dict[str, Any]]:
        query = sa.select(table).where(table.c.user_id == user_id).order_by(table.c.id)
        return [
            {k: v for k, v in r.items() if k not in {"user_id", *hidden}}
            for r in conn.execute(query).mappings()
        ]

    data: dict[str, Any] = msgspec.to_builtins({
        "account": {"email": user.name, "created_at": user.created_at},
        "profiles": rows(profiles),
        "assessments": rows(assessments),
        "plans": rows(plans),
        "progress_events": rows(progress_events),
        "api_tokens": rows(api_tokens, "token_hash"),
        "sessions": len(rows(sessions)),
    })  # fmt: skip
    return data
