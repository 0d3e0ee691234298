"""PostgreSQL for tests: a fresh, uniquely named database per test module, dropped after.

The server is found at ``AICAREERS_TEST_POSTGRES_URL`` (default: the CI server, user postgres,
database test, trust auth). Without a reachable server the tests skip and say why, except
under ``AICAREERS_REQUIRE_POSTGRES=1`` (CI), where an unreachable server is a failure.

Use it from a test module with a module-scoped fixture::

    @pytest.fixture(scope="module")
    def pg_url() -> Iterator[str]:
        with pg.fresh_database("store") as url:
            yield url
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def server_url() -> str:
    """The URL of the database the per-module databases are created from."""
    return os.environ.get("AICAREERS_TEST_POSTGRES_URL") or DEFAULT_URL


def admin_engine() -> sa.Engine:
    """An autocommit engine on the server's own database, to create and alter others."""
    url = sa.make_url(server_url()).set(drivername="postgresql+psycopg")
    return sa.create_engine(
        url,
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": 3},
        poolclass=sa.NullPool,
    )


def _unavailable(exc: Exception) -> None:
    shown = sa.make_url(server_url()).render_as_string(hide_password=True)
    reason = (
        f"PostgreSQL not reachable at {shown} ({str(exc).splitlines()[0]}); "
        "set AICAREERS_TEST_POSTGRES_URL"
    )
    if os.environ.get("AICAREERS_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"{reason} (required because AICAREERS_REQUIRE_POSTGRES=1)")
    pytest.skip(reason)


@contextmanager
def fresh_database(label: str) -> Iterator[str]:
    """Create ``aicareers_<label>_<random>``, yield its URL, and drop it afterwards."""
    name = f"aicareers_{label}_{secrets.token_hex(4)}".lower()
    admin = admin_engine()
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as exc:
        admin.dispose()
        _unavailable(exc)
    url = sa.make_url(server_url()).set(drivername="postgresql+psycopg", database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            # FORCE: a child process killed mid-test may have left a session behind.
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
