"""Bring a database to the schema this version of aicareers expects, with Alembic.

Opening a store that is already at ``HEAD`` costs one small query and does not import Alembic
(it is slow to import and most commands never need it). Otherwise the upgrade runs in one
transaction that first takes the write lock (SQLite's ``BEGIN IMMEDIATE``, an advisory lock
on PostgreSQL) and reads the revision again, so two processes opening a fresh database at once
create the tables once. Both databases roll DDL back with the transaction, so a failed upgrade
leaves the database as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..errors import SchemaError
from ..version import __version__
from .engine import WRITE

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0003"  # the newest revision in migrations/versions (a test keeps the two in step)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"
_PG_LOCK_KEY = 0x61696361  # "aica": one advisory lock id for aicareers migrations


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the package's migrations; no alembic.ini is needed."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    """Every revision the installed migrations define."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; None for a database without our tables."""
    if not sa.inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    return ",".join(sorted(str(r[0]) for r in rows)) or None


def ensure_schema(engine: Engine, *, migrate: bool = True, where: str = "") -> None:
    """Upgrade to ``HEAD`` if needed; SchemaError if the database is newer or may not change."""
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision == HEAD:
        return
    _check_known(revision, where)
    if not migrate:
        raise SchemaError(
            f"The database {where} is at schema revision {revision or 'none'} and this "
            f"aicareers needs {HEAD}. Open it once with migrations on to upgrade it."
        )
    upgrade(engine)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one locked transaction."""
    from alembic import command

    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            _lock(conn)
            if current_revision(conn) is None and sa.inspect(conn).has_table("users"):
                raise SchemaError(
                    "The database has aicareers' tables but no record of their schema "
                    f"revision ({VERSION_TABLE} is missing); it was not made by aicareers."
                )
            command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Undo migrations down to ``revision`` (``base`` drops every table); for tests and tools."""
    from alembic import command

    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            _lock(conn)
            command.downgrade(alembic_config(conn), revision)


def _lock(conn: Connection) -> None:
    """Serialize migrations across processes (SQLite: BEGIN IMMEDIATE already did)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


def _check_known(revision: str | None, where: str) -> None:
    if revision is None:
        return
    unknown = set(revision.split(",")) - known_revisions()
    if unknown:
        raise SchemaError(
            f"The database {where} is at schema revision {revision}, which aicareers "
            f"{__version__} does not know: a newer aicareers made it. Upgrade aicareers, or "
            "use another database (AICAREERS_DATABASE_URL)."
        )
