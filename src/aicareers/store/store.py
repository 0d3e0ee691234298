"""``Store``: the one object the rest of aicareers uses to save and read its data.

Every method takes the acting user's id and only ever sees that user's rows: another user's
plan id behaves exactly like an id that does not exist. Every method runs in its own short
transaction; a method that writes returns only after COMMIT, so a returned id or event is an
acknowledgement that the data is on disk (see ``engine`` for what that means on each
database). Driver failures come out as ``StoreError`` subclasses, never as tracebacks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from sqlalchemy.engine import URL, Connection, Engine

from ..engine.plans.model import EventStatus, Plan, ProgressEvent
from . import accounts, assessments, plans, progress, shares
from .accounts import Account, ApiToken
from .engine import DEFAULT_LOCK_TIMEOUT, WRITE, checkpoint, create_engine
from .failures import translated
from .location import describe, resolve_url
from .migrate import ensure_schema
from .records import StoredAssessment, StoredPlan
from .users import LOCAL_USER, create_user, find_user


class Store:
    """Users, assessments, plans and progress events in one SQLite or PostgreSQL database."""

    def __init__(self, engine: Engine, url: URL, lock_timeout: float) -> None:
        """Wrap an engine whose schema is current; use ``Store.open`` instead."""
        self.engine = engine
        self.url = url
        self.lock_timeout = lock_timeout

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        migrate: bool = True,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> Store:
        """Open ``url`` (else ``AICAREERS_DATABASE_URL``, else the local file), upgrading it.

        ``migrate=False`` refuses to change an out-of-date schema (SchemaError) instead.
        ``lock_timeout`` is how many seconds to wait for another writer.
        """
        parsed = resolve_url(url)
        with translated(parsed, lock_timeout):
            engine = create_engine(parsed, lock_timeout=lock_timeout)
            try:
                ensure_schema(engine, migrate=migrate, where=describe(parsed))
            except BaseException:
                engine.dispose()
                raise
        return cls(engine, parsed, lock_timeout)

    def close(self) -> None:
        """Close every connection (SQLite then folds its WAL back into the file)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({describe(self.url)!r})"

    @property
    def where(self) -> str:
        """The database as messages name it: a file path, or the URL without its password."""
        return describe(self.url)

    # Users

    def local_user(self) -> int:
        """The id of the local default user (the CLI's), created on first use."""
        return self.ensure_user(LOCAL_USER)

    def ensure_user(self, name: str) -> int:
        """The id of the user called ``name``, created if missing; safe under concurrency."""
        if not name.strip():
            raise ValueError("a user name cannot be empty")
        with self._read() as conn:
            found = find_user(conn, name)
        if found is not None:  # the common case writes nothing, so a read-only store works
            return found
        with self._write() as conn:
            return create_user(conn, name)

    # Web accounts (see ``accounts``: only hashes of passwords and tokens are stored)

    def create_account(self, email: str, password_hash: str) -> Account:
        """A new account; AccountExistsError if the address is taken."""
        with self._write() as conn:
            user_id = accounts.create(conn, email, password_hash, _now())
        return Account(user_id, email)

    def credentials(self, email: str) -> tuple[Account, str] | None:
        """The account with this address and its password hash, or None."""
        with self._read() as conn:
            return accounts.credentials(conn, email)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace a user's password hash."""
        with self._write() as conn:
            accounts.set_password_hash(conn, user_id, password_hash)

    def add_session(self, user_id: int, token_hash: str, lifetime: dt.timedelta) -> None:
        """Record a sign-in that lasts ``lifetime``."""
        now = _now()
        with self._write() as conn:
            accounts.add_session(conn, user_id, token_hash, now, now + lifetime)

    def session_account(self, token_hash: str) -> Account | None:
        """The account of a live session, or None."""
        with self._read() as conn:
            return accounts.session_account(conn, token_hash, _now())

    def drop_session(self, token_hash: str) -> None:
        """End a session (sign out)."""
        with self._write() as conn:
            accounts.drop_session(conn, token_hash)

    def add_api_token(self, user_id: int, name: str, token_hash: str, prefix: str) -> int:
        """Record a personal API token; returns its id."""
        with self._write() as conn:
            return accounts.add_token(conn, user_id, name, token_hash, prefix, _now())

    def api_tokens(self, user_id: int) -> list[ApiToken]:
        """The user's API tokens, oldest first."""
        with self._read() as conn:
            return accounts.list_tokens(conn, user_id)

    def drop_api_token(self, user_id: int, token_id: int) -> None:
        """Revoke one of the user's tokens; UnknownIdError if it is not theirs."""
        with self._write() as conn:
            accounts.drop_token(conn, user_id, token_id)

    def token_account(self, token_hash: str) -> Account | None:
        """The account an API token acts for, or None."""
        with self._read() as conn:
            return accounts.token_account(conn, token_hash)

    def export_user(self, user_id: int) -> dict[str, Any]:
        """Everything stored for the user, JSON-ready (no password or token hashes)."""
        with self._read() as conn:
            return {**accounts.export(conn, user_id), "plan_shares": shares.export(conn, user_id)}

    def delete_user(self, user_id: int) -> None:
        """Delete the user and everything theirs, in one transaction, leaving no copy behind.

        SQLite's ``secure_delete`` zeroes the rows; the checkpoint then empties the WAL, which
        still held them (an account's e-mail and notes were readable there after deletion).
        """
        with self._write() as conn:
            shares.delete_for_user(conn, user_id)
            accounts.delete(conn, user_id)
        with translated(self.url, self.lock_timeout):
            checkpoint(self.engine)

    # Assessments

    def save_assessment(
        self,
        user_id: int,
        *,
        inputs: Mapping[str, Any],
        result: Mapping[str, Any],
        engine_version: str,
        profile: Mapping[str, Any] | None = None,
        resume_text: str | None = None,
    ) -> int:
        """Save an assessment; the resume text is kept only when it is passed (opt-in)."""
        with self._write() as conn:
            return assessments.save(
                conn, user_id, inputs=inputs, result=result, engine_version=engine_version,
                profile=profile, resume_text=resume_text,
            )  # fmt: skip

    def get_assessment(self, user_id: int, assessment_id: int) -> StoredAssessment:
        """One of the user's assessments; UnknownIdError otherwise."""
        with self._read() as conn:
            return assessments.get(conn, user_id, assessment_id)

    def list_assessments(self, user_id: int) -> list[StoredAssessment]:
        """The user's assessments, oldest first."""
        with self._read() as conn:
            return assessments.list_all(conn, user_id)

    def resume_text(self, user_id: int, assessment_id: int) -> str | None:
        """The resume text saved with an assessment, or None when the person did not opt in."""
        with self._read() as conn:
            assessments.check(conn, user_id, assessment_id)
            return assessments.resume_text(conn, user_id, assessment_id)

    # Plans

    def save_plan(self, user_id: int, plan: Plan, assessment_id: int | None = None) -> int:
        """Save a plan and its steps in one transaction; the assessment must be the user's."""
        with self._write() as conn:
            return plans.save(conn, user_id, plan, assessment_id)

    def get_plan(self, user_id: int, plan_id: int) -> StoredPlan:
        """One of the user's plans; UnknownIdError otherwise."""
        with self._read() as conn:
            return plans.get(conn, user_id, plan_id)

    def list_plans(self, user_id: int) -> list[StoredPlan]:
        """The user's plans, oldest first."""
        with self._read() as conn:
            return plans.list_all(conn, user_id)

    # Read-only links (see ``shares``: only the SHA-256 of a link's token is stored)

    def share_plan(self, user_id: int, plan_id: int) -> str:
        """A new link token for one of the user's plans; the plan's previous link stops working."""
        with self._write() as conn:
            return shares.create(conn, user_id, plan_id, _now())

    def revoke_share(self, user_id: int, plan_id: int) -> bool:
        """Stop the plan's link; False when it had none; UnknownIdError if not their plan."""
        with self._write() as conn:
            return shares.revoke(conn, user_id, plan_id, _now())

    def share_since(self, user_id: int, plan_id: int) -> dt.datetime | None:
        """When the plan's live link was made, or None when it is not shared."""
        with self._read() as conn:
            return shares.live_since(conn, user_id, plan_id)

    def shared_plan(self, token: str) -> tuple[StoredPlan, list[ProgressEvent]]:
        """The plan a live link opens, with its events (one snapshot); else UnknownIdError."""
        with self._read() as conn:
            return shares.shared(conn, token)

    # Progress

    def record_event(
        self,
        user_id: int,
        plan_id: int,
        step_id: str,
        status: EventStatus,
        note: str | None = None,
        at: dt.datetime | None = None,
    ) -> ProgressEvent:
        """Append a status change to the plan's log; returned only once it is committed.

        Unknown plan or step: UnknownIdError, with the closest step ids for a step.
        """
        when = at if at is not None else _now()
        with self._write() as conn:  # the caller gets the event after COMMIT, on leaving
            return progress.append(conn, user_id, plan_id, step_id, status, note, when)

    def events(self, user_id: int, plan_id: int) -> list[ProgressEvent]:
        """Every event on one of the user's plans, oldest first (``seq`` is commit order)."""
        with self._read() as conn:
            return progress.list_for_plan(conn, user_id, plan_id)

    # Transactions

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with translated(self.url, self.lock_timeout), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A transaction that holds the write lock from its start (see ``engine.WRITE``)."""
        with (
            translated(self.url, self.lock_timeout),
            self.engine.connect().execution_options(**{WRITE: True}) as conn,
            conn.begin(),
        ):
            yield conn


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
