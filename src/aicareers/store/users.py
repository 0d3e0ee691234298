"""Users: every row in the store belongs to one; the CLI acts as the local default user."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from .schema import users

LOCAL_USER = "local"  # the one user of a single-person installation (the CLI)


def find_user(conn: Connection, name: str) -> int | None:
    """The id of the user called ``name``, if there is one."""
    found = conn.execute(sa.select(users.c.id).where(users.c.name == name)).scalar()
    return None if found is None else int(found)


def create_user(conn: Connection, name: str) -> int:
    """Get or create the user ``name``; safe when several processes do it at once.

    INSERT ... ON CONFLICT DO NOTHING lets exactly one of two racing inserts win without an
    error, and the SELECT after it then sees the winner's row on both databases.
    """
    values = {"name": name, "created_at": dt.datetime.now(dt.UTC)}
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(users).values(values).on_conflict_do_nothing())
    found = find_user(conn, name)
    assert found is not None  # inserted just now or by the process that won the race
    return found
