"""Driver errors turned into aicareers' store errors, with a message that says what to do.

Only errors that describe the database (cannot connect, read-only, locked, not a database,
disk full) are translated; a programming error such as a wrong column name still surfaces as
itself so that tests catch it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

from ..errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    StoreError,
)
from .location import ENV_URL, describe, sqlite_path

# SQLite primary result codes (https://sqlite.org/rescode.html).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
_CONNECT_CLASSES = ("08", "28", "3D", "57P")  # connection, login, no such database, shutdown
_LOCK_STATES = {"55P03", "40P01", "57014"}  # lock not available, deadlock, statement cancelled


@contextmanager
def translated(url: URL, lock_timeout: float) -> Iterator[None]:
    """Run a block, re-raising database failures as StoreError subclasses."""
    try:
        yield
    except StoreError:
        raise
    except (sa_exc.SQLAlchemyError, sqlite3.Error, OSError) as exc:
        mapped = store_error(exc, url, lock_timeout)
        if mapped is None:
            raise
        raise mapped from exc
    except Exception as exc:  # psycopg's errors, without importing psycopg for SQLite users
        if not type(exc).__module__.startswith("psycopg"):
            raise
        raise _postgres_error(exc, url, lock_timeout) from exc


def store_error(exc: BaseException, url: URL, lock_timeout: float) -> StoreError | None:
    """The StoreError that explains ``exc``, or None when it is not about the database."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.Error):
        return _sqlite_error(orig, url, lock_timeout)
    if type(orig).__module__.startswith("psycopg"):
        return _postgres_error(orig, url, lock_timeout)
    if isinstance(exc, sa_exc.NoSuchModuleError | ModuleNotFoundError):
        return DatabaseUnavailableError(
            f"The driver for {describe(url)} is not installed ({exc}). Reinstall aicareers "
            "with its dependencies (psycopg for PostgreSQL)."
        )
    if isinstance(exc, sa_exc.TimeoutError):
        return DatabaseLockedError(f"No free connection to {describe(url)}: {exc}")
    if isinstance(exc, OSError):
        return StoreError(f"Cannot use the database {describe(url)}: {exc}")
    return None


def _sqlite_error(exc: sqlite3.Error, url: URL, lock_timeout: float) -> StoreError:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    where = describe(url)
    if code in (_BUSY, _LOCKED):
        return DatabaseLockedError(
            f"The database {where} is locked by another program (waited {lock_timeout:g} s). "
            "Let the other aicareers command finish, or close the program that holds the "
            "file, and try again. Nothing was changed."
        )
    if code == _READONLY:
        return _read_only(url, exc)
    if code == _CANTOPEN:
        return _cannot_open(url, exc)
    if code in (_NOTADB, _CORRUPT):
        return StoreError(
            f"{where} is not an aicareers database, or it is damaged ({exc}). Move it aside "
            f"or set {ENV_URL} to another file; aicareers will not write to it."
        )
    if code in (_FULL, _IOERR):
        return StoreError(
            f"Cannot write the database {where}: {exc}. Free some disk space or check the "
            "disk, then try again. Nothing was changed."
        )
    return StoreError(f"The database {where} failed: {exc}. Nothing was changed.")


def _read_only(url: URL, exc: BaseException) -> DatabaseReadOnlyError:
    path = sqlite_path(url)
    if path is not None and not _writable(path.parent):
        return _read_only_folder(path)
    target = f"the file {path}" if path is not None else describe(url)
    fix = f"make it writable (chmod u+w {path})" if path is not None else "make it writable"
    return DatabaseReadOnlyError(
        f"The database is read-only ({target}: {exc}), so nothing can be saved. "
        f"Stored data can still be read; to save, {fix} or set {ENV_URL} to a writable "
        "database."
    )


def _read_only_folder(path: Path) -> DatabaseReadOnlyError:
    return DatabaseReadOnlyError(
        f"The folder {path.parent} is read-only, and SQLite needs to create its journal files "
        f"(-wal, -shm) beside the database {path.name}. Make the folder writable, or set "
        f"{ENV_URL} to a file in a writable folder. Nothing was changed."
    )


def _cannot_open(url: URL, exc: BaseException) -> StoreError:
    path = sqlite_path(url)
    if path is None:
        return DatabaseUnavailableError(f"Cannot open the database {describe(url)}: {exc}.")
    if not path.parent.is_dir():
        return DatabaseUnavailableError(
            f"Cannot open the database {path}: the folder {path.parent} does not exist. "
            f"Create it, or set {ENV_URL} to a file in an existing folder."
        )
    if not _writable(path.parent):
        return _read_only_folder(path)
    if path.exists() and not os.access(path, os.R_OK):
        return DatabaseReadOnlyError(
            f"Cannot read the database {path}: permission denied. Give your user access to "
            f"it, or set {ENV_URL} to another file."
        )
    return DatabaseUnavailableError(
        f"Cannot open the database {path} ({exc}). Check that the path names a file, not a "
        f"folder, or set {ENV_URL} to another file."
    )


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def _postgres_error(exc: BaseException, url: URL, lock_timeout: float) -> StoreError:
    state: str | None = getattr(exc, "sqlstate", None)
    where = describe(url)
    detail = _first_line(exc)
    if state in _LOCK_STATES:
        return DatabaseLockedError(
            f"The database {where} kept a lock longer than {lock_timeout:g} s ({detail}). "
            "Try again when the other work is done. Nothing was changed."
        )
    if state == "25006" or state == "42501":  # read-only transaction, permission denied
        return DatabaseReadOnlyError(
            f"The database {where} refuses writes ({detail}). Connect as a user allowed to "
            f"write, or to the primary server, via {ENV_URL}. Nothing was changed."
        )
    if state is None or state.startswith(_CONNECT_CLASSES):
        return DatabaseUnavailableError(
            f"Cannot reach the database {where} ({detail}). Check that the PostgreSQL server "
            f"is running and that {ENV_URL} names the right host, port, user and database."
        )
    return StoreError(f"The database {where} failed ({detail}). Nothing was changed.")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
