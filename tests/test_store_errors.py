"""Databases that cannot be used give our error, a message that says what to do, and harm
nothing: a read-only file or folder, a locked file, a server that does not answer, a bad URL,
a file that is not a database, a PostgreSQL database that refuses writes or holds a lock.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from aicareers.errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    StoreError,
)
from aicareers.store import Store

from . import pg
from .store_helpers import make_plan, sqlite_url, writes_denied


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with pg.fresh_database("store_errors") as url:
        yield url


def new_user(store: Store) -> int:
    return store.ensure_user(f"user-{secrets.token_hex(4)}")


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, int, int]:
    """A SQLite store holding one plan with one event, closed again: (path, user, plan)."""
    path = tmp_path / "data" / "store.db"
    path.parent.mkdir()
    with Store.open(sqlite_url(path)) as store:
        user = store.local_user()
        plan_id = store.save_plan(user, make_plan())
        store.record_event(user, plan_id, "learn-1", "done", note="kept")
    return path, user, plan_id


def assert_intact(path: Path, user: int, plan_id: int, events: int = 1) -> None:
    """The plan and its events are all still there, and the file is sound."""
    with Store.open(sqlite_url(path)) as store:
        assert store.get_plan(user, plan_id).plan == make_plan()
        found = store.events(user, plan_id)
        assert len(found) == events
        assert found[0].note == "kept"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_read_only_file_can_be_read_but_not_written(saved: tuple[Path, int, int]) -> None:
    path, user, plan_id = saved
    with writes_denied(path), Store.open(sqlite_url(path)) as store:
        assert store.local_user() == user  # reading needs no write
        assert len(store.events(user, plan_id)) == 1
        with pytest.raises(DatabaseReadOnlyError) as caught:
            store.record_event(user, plan_id, "learn-2", "done")
        with pytest.raises(DatabaseReadOnlyError):
            store.save_plan(user, make_plan())
    message = str(caught.value)
    assert "The database is read-only" in message
    assert f"chmod u+w {path}" in message
    assert "AICAREERS_DATABASE_URL" in message
    assert_intact(path, user, plan_id)


def test_read_only_folder(saved: tuple[Path, int, int]) -> None:
    path, user, plan_id = saved
    with writes_denied(path.parent):
        with pytest.raises(DatabaseReadOnlyError) as caught:
            Store.open(sqlite_url(path))
        with pytest.raises(DatabaseReadOnlyError, match="is read-only"):
            Store.open(sqlite_url(path.parent / "new.db"))
    message = str(caught.value)
    assert f"The folder {path.parent} is read-only" in message
    assert "Make the folder writable" in message
    assert not (path.parent / "new.db").exists()
    assert_intact(path, user, plan_id)


def test_locked_database(saved: tuple[Path, int, int]) -> None:
    path, user, plan_id = saved
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with Store.open(sqlite_url(path), lock_timeout=0.2) as store:
            assert len(store.events(user, plan_id)) == 1  # WAL: readers pass a writer's lock
            with pytest.raises(DatabaseLockedError) as caught:
                store.record_event(user, plan_id, "learn-2", "done")
        message = str(caught.value)
        assert "locked by another program" in message
        assert "waited 0.2 s" in message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_intact(path, user, plan_id)


def test_server_that_does_not_answer() -> None:
    with pytest.raises(DatabaseUnavailableError) as caught:
        Store.open("postgresql://postgres:hunter2@127.0.0.1:1/x")
    message = str(caught.value)
    assert "127.0.0.1:1" in message
    assert "hunter2" not in message
    assert "Check that the PostgreSQL server is running" in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "'not a url' is not a database URL"),
        (
            "postgresql://me:pw@127.0.0.1:port/x",
            "'postgresql://me:\\*\\*\\*@127.0.0.1:port/x' is not",
        ),
        ("mysql://root@localhost/db", "only SQLite and PostgreSQL are supported"),
        ("sqlite:////nowhere/at/all/store.db", "the folder /nowhere/at/all does not exist"),
    ],
)
def test_malformed_or_unusable_urls(url: str, expected: str) -> None:
    with pytest.raises(DatabaseUnavailableError, match=expected) as caught:
        Store.open(url)
    hint = "Create it" if url.startswith("sqlite") else "Use sqlite:///PATH/TO/FILE.db or"
    assert hint in str(caught.value)


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="is not an aicareers database"):
        Store.open(sqlite_url(path))
    assert path.read_bytes() == before


def test_postgres_database_that_does_not_exist(pg_url: str) -> None:
    missing = sa.make_url(pg_url).set(database="aicareers_no_such_database")
    with pytest.raises(DatabaseUnavailableError, match="aicareers_no_such_database") as caught:
        Store.open(missing.render_as_string(hide_password=False))
    assert 'database "aicareers_no_such_database" does not exist' in str(caught.value)


def test_postgres_refusing_writes(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        user = new_user(store)
        plan_id = store.save_plan(user, make_plan())
    admin = pg.admin_engine()  # connected elsewhere: it must not turn read-only itself
    database = sa.make_url(pg_url).database
    with admin.connect() as conn:
        conn.exec_driver_sql(f'ALTER DATABASE "{database}" SET default_transaction_read_only = on')
    try:
        with Store.open(pg_url) as store:
            assert store.get_plan(user, plan_id).plan == make_plan()
            with pytest.raises(DatabaseReadOnlyError, match="refuses writes"):
                store.record_event(user, plan_id, "learn-1", "done")
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'ALTER DATABASE "{database}" RESET default_transaction_read_only')
        admin.dispose()
    with Store.open(pg_url) as store:
        assert store.events(user, plan_id) == []


def test_postgres_lock_held_too_long(pg_url: str) -> None:
    holder = sa.create_engine(pg_url, poolclass=sa.NullPool)
    with Store.open(pg_url, lock_timeout=0.2) as store:
        user = new_user(store)
        plan_id = store.save_plan(user, make_plan())
        with holder.connect() as conn, conn.begin():
            conn.exec_driver_sql("LOCK TABLE progress_events IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(DatabaseLockedError, match=r"kept a lock longer than 0\.2 s"):
                store.record_event(user, plan_id, "learn-1", "done")
        assert store.record_event(user, plan_id, "learn-1", "done").step == "learn-1"
        assert len(store.events(user, plan_id)) == 1
    holder.dispose()
