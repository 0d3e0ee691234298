"""SQLAlchemy engines tuned for the two databases aicareers runs on.

SQLite settings, applied to every new connection:

- ``journal_mode=WAL``: readers never block the writer and the writer never blocks readers,
  so ``plan show`` works while another process records progress; a commit is one append to
  the ``-wal`` file, and a process killed half-way leaves a torn tail that SQLite discards.
- ``synchronous=FULL``: the WAL is fsynced at every commit, so an acknowledged event survives
  a power cut or an OS crash, not only a killed process. ``NORMAL`` would also survive
  SIGKILL (the appended pages are in the OS cache, which outlives the process), but it can
  lose the last commits when the machine itself goes down. One fsync per commit costs a few
  milliseconds, nothing next to a person typing a command.
- ``foreign_keys=ON``: SQLite leaves them off unless asked, per connection.
- ``secure_delete=ON``: deleted rows are overwritten with zeros, not just unlinked, so a
  deleted account's e-mail and notes do not linger in free pages; ``checkpoint`` then folds the
  WAL (which still holds the old pages) into the file and truncates it.
- The file is created mode 0600 before SQLite opens it: SQLite gives its ``-wal`` and ``-shm``
  the database's own mode, so all three are readable by their owner only (an existing file
  keeps the mode it has).
- busy timeout (``lock_timeout`` seconds): how long to wait for another writer before giving
  up with DatabaseLockedError.

Write transactions start with ``BEGIN IMMEDIATE`` (see ``WRITE``): a deferred transaction that
reads and then writes can fail at once with SQLITE_BUSY in WAL mode when another process
commits between its read and its write, and the busy timeout does not help there. Taking the
write lock first makes writers queue instead. pysqlite's own transaction handling is turned
off so that it neither starts transactions behind our back nor commits before DDL.

PostgreSQL: psycopg 3, a short ``connect_timeout`` so that a server that does not answer is
reported quickly, ``lock_timeout`` so that a held lock becomes an error instead of a hang, and
pre-ping so that a long-running web process survives a server restart. Its default
``synchronous_commit=on`` already makes COMMIT durable when it returns.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from functools import partial
from pathlib import Path
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine

DEFAULT_LOCK_TIMEOUT = 5.0  # seconds to wait for another writer
CONNECT_TIMEOUT = 5  # seconds to wait for a PostgreSQL server to answer

# Execution option that marks a connection as about to write (see the module docstring).
WRITE = "aicareers_write"


def create_engine(url: URL, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Engine:
    """An engine for ``url`` (already checked by ``location.parse_url``)."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, lock_timeout)
    return _postgres_engine(url, lock_timeout)


def _json_dumps(value: Any) -> str:
    """JSON columns are written by msgspec on both databases, so they hold the same text.

    It also writes dates and structs the way the plan model does, and NaN as null, which
    PostgreSQL's json type requires and SQLite would otherwise accept silently.
    """
    return msgspec.json.encode(value).decode()


WAL_RETRY_SECONDS = 0.05
_JSON = {"json_serializer": _json_dumps, "json_deserializer": msgspec.json.decode}


def _sqlite_engine(url: URL, lock_timeout: float) -> Engine:
    if url.database and url.database != ":memory:":
        _create_private(Path(url.database))
    engine = sa.create_engine(
        url,
        # A pooled connection is used by one thread at a time, so sharing across threads
        # (a web server's worker threads) is safe.
        connect_args={"timeout": lock_timeout, "check_same_thread": False},
        **_JSON,
    )
    event.listen(engine, "connect", partial(_sqlite_connect, lock_timeout=lock_timeout))
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _create_private(path: Path) -> None:
    """Create the database file empty and mode 0600, unless it exists (SQLite fills it in).

    Anything in the way (a missing folder, a read-only one) is left for SQLite to report,
    with the messages ``failures`` gives its errors.
    """
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def checkpoint(engine: Engine) -> None:
    """Fold SQLite's WAL into the database file and truncate it (nothing for PostgreSQL).

    After ``secure_delete`` has zeroed deleted rows, their old copies live on only in WAL
    frames; TRUNCATE copies every frame back and empties the file, so a deleted account can
    no longer be read from the ``-wal`` file either.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:  # a raw cursor: no BEGIN, a checkpoint cannot run in one
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            cursor.close()


def _sqlite_connect(dbapi_connection: Any, _record: Any, *, lock_timeout: float) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (_sqlite_begin)
    cursor = dbapi_connection.cursor()
    try:
        _wal(cursor, lock_timeout)
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
    finally:
        cursor.close()


def _wal(cursor: Any, lock_timeout: float) -> None:
    """Switch a new database to WAL, waiting while another process holds its write lock.

    Leaving the rollback journal needs an exclusive lock, and SQLite answers "database is
    locked" at once, without its busy wait, while another connection holds the write lock (to
    avoid a deadlock): two processes creating one database at the same time met exactly that.
    So we retry, within the same time we wait for any other lock.
    """
    deadline = time.monotonic() + lock_timeout
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def _sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _postgres_engine(url: URL, lock_timeout: float) -> Engine:
    connect_args: dict[str, Any] = {"application_name": "aicareers"}
    # Settings written in the URL win over ours.
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT
    if "options" not in url.query:
        connect_args["options"] = f"-c lock_timeout={max(1, round(lock_timeout * 1000))}"
    return sa.create_engine(url, connect_args=connect_args, pool_pre_ping=True, **_JSON)
