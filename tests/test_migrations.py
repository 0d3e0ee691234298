"""Alembic migrations up and down on SQLite and PostgreSQL, and what opening a store checks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from aicareers.errors import SchemaError
from aicareers.store import Store
from aicareers.store.engine import create_engine
from aicareers.store.location import parse_url
from aicareers.store.migrate import HEAD, alembic_config, current_revision, downgrade, upgrade
from aicareers.store.schema import metadata

from . import pg
from .store_helpers import make_plan, sqlite_url

TABLES = {
    "users", "profiles", "assessments", "plans", "plan_steps", "progress_events",
    "sessions", "api_tokens", "plan_shares",
}  # fmt: skip


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with pg.fresh_database("migrations") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "store.db")
    else:
        url = str(request.getfixturevalue("pg_url"))
    created = create_engine(parse_url(url))
    yield created
    if request.param == "postgresql":  # the module shares one database: leave it empty
        downgrade(created, "base")
    created.dispose()


def schema_differences(engine: sa.Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def tables(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names()) - {"alembic_version"}


def revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return current_revision(conn)


def test_head_constant_names_the_newest_migration() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [HEAD]


def test_up_down_and_up_again_matches_the_metadata(engine: sa.Engine) -> None:
    assert revision(engine) is None
    upgrade(engine)
    assert revision(engine) == HEAD
    assert tables(engine) == TABLES
    assert schema_differences(engine) == []
    downgrade(engine, "base")
    assert revision(engine) is None
    assert tables(engine) == set()
    upgrade(engine)
    assert tables(engine) == TABLES
    assert schema_differences(engine) == []


def test_constraints_hold_after_migration(engine: sa.Engine) -> None:
    """The migrated schema enforces what schema.py declares: statuses, owners, cascades."""
    upgrade(engine)
    url = engine.url.render_as_string(hide_password=False)
    with Store.open(url) as store:
        user = store.ensure_user("someone")
        plan_id = store.save_plan(user, make_plan())
        store.record_event(user, plan_id, "learn-1", "done")
        stranger = store.ensure_user("someone else")
    insert = sa.text(
        "INSERT INTO progress_events (user_id, plan_id, step_key, status, at) "
        "VALUES (:u, :p, 'learn-1', :status, CURRENT_TIMESTAMP)"
    )
    for values in (
        {"u": user, "p": plan_id, "status": "finished"},  # not a status
        {"u": stranger, "p": plan_id, "status": "done"},  # someone else's plan
    ):
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(insert, values)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM users WHERE id = :u"), {"u": user})
        left = conn.execute(sa.text("SELECT count(*) FROM progress_events")).scalar()
        steps = conn.execute(sa.text("SELECT count(*) FROM plan_steps")).scalar()
    assert (left, steps) == (0, 0)


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "store.db")
    Store.open(url).close()
    engine = create_engine(parse_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaError, match=r"revision 9999, which aicareers .* does not know"):
        Store.open(url)
    assert revision(engine) == "9999"
    engine.dispose()


def test_an_old_schema_is_upgraded_on_open_unless_told_not_to(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "store.db")
    engine = create_engine(parse_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text("SELECT 1"))  # creates the empty file
    with pytest.raises(SchemaError, match="Open it once with migrations on"):
        Store.open(url, migrate=False)
    assert tables(engine) == set()
    Store.open(url).close()
    assert revision(engine) == HEAD
    engine.dispose()


def test_opening_a_current_store_does_not_import_alembic(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "store.db")
    Store.open(url).close()
    code = (
        "import sys; from aicareers.store import Store; "
        f"Store.open({url!r}).close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_switching_to_wal_waits_for_another_writer(tmp_path: Path) -> None:
    # SQLite refuses the switch to WAL at once, without its busy wait, while another
    # connection holds the write lock: the race two processes creating one database hit.
    path = tmp_path / "store.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE first_writer (i INTEGER)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO first_writer VALUES (1)")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        Store.open(sqlite_url(path), lock_timeout=10).close()
    finally:
        release.join()
        other.close()
    engine = create_engine(parse_url(sqlite_url(path)))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert revision(engine) == HEAD
    engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_two_processes_creating_the_schema_at_once(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if kind == "sqlite":
        url = sqlite_url(tmp_path / "store.db")
    else:
        url = str(request.getfixturevalue("pg_url"))
    code = f"from aicareers.store import Store; Store.open({url!r}).close()"
    children = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE) for _ in "ab"
    ]
    errors = [child.communicate(timeout=60)[1] for child in children]
    assert [c.returncode for c in children] == [0, 0], errors
    engine = create_engine(parse_url(url))
    assert revision(engine) == HEAD
    assert schema_differences(engine) == []
    if kind == "postgresql":
        downgrade(engine, "base")
    engine.dispose()
