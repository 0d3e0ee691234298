"""Secrets: argon2 password hashes, random tokens and the hashes the store keeps of them.

Every argon2 hash or check takes one of ``HASH_SLOTS`` slots per process: each costs 64 MiB
and a core for a tenth of a second, so a flood of sign-ins must queue (and, after
``HASH_WAIT`` seconds, be refused with ``HasherBusy``, a 429) instead of taking all the
memory and every core. 100 concurrent wrong passwords once cost 1.9 GB.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

API_TOKEN_PREFIX = "aic_"  # lets people (and secret scanners) recognise an aicareers token
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 takes any length; this only stops absurd request bodies
HASH_SLOTS = 2  # argon2 runs at once per process: 128 MiB at most, and cores left for pages
HASH_WAIT = 2.0  # seconds a check may queue for a slot: ~20 checks' time, then 429
BUSY_RETRY_AFTER = 2  # seconds a refused request is told to wait


class HasherBusy(Exception):  # noqa: N818 (a state, not a failure of the request)
    """Every argon2 slot stayed taken for ``HASH_WAIT`` seconds: answer 429, try again."""

    retry_after = BUSY_RETRY_AFTER


_slots = threading.BoundedSemaphore(HASH_SLOTS)


@contextmanager
def _hash_slot() -> Iterator[None]:
    """Hold one of the process's argon2 slots; HasherBusy when none frees up in time."""
    if not _slots.acquire(timeout=HASH_WAIT):
        raise HasherBusy()
    try:
        yield
    finally:
        _slots.release()


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher  # imported when the first password is checked

    return PasswordHasher()  # RFC 9106 low-memory profile: argon2id, 64 MiB, 3 passes


def hash_password(password: str) -> str:
    """An argon2id hash with a random salt, in the PHC string format."""
    with _hash_slot():
        return _hasher().hash(password)


def verify_password(stored: str, password: str) -> bool:
    """Whether ``password`` matches the stored hash (timing-safe)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    with _hash_slot():
        try:
            return _hasher().verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False


def needs_rehash(stored: str) -> bool:
    """Whether the hash was made with older parameters than the current ones."""
    return _hasher().check_needs_rehash(stored)


_DUMMY: list[str] = []


def burn_time(password: str) -> None:
    """Spend what a real check costs, so an unknown address answers as slowly as a known one."""
    if not _DUMMY:
        _DUMMY.append(hash_password(secrets.token_urlsafe(16)))
    verify_password(_DUMMY[0], password)


def new_token() -> str:
    """A random URL-safe token (256 bits)."""
    return secrets.token_urlsafe(32)


def new_api_token() -> str:
    """A personal API token: a recognisable prefix and 256 random bits."""
    return API_TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the store keeps of a session or API token (SHA-256, hex)."""
    return hashlib.sha256(token.encode()).hexdigest()


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None."""
    if len(password) < MIN_PASSWORD:
        return f"Choose a password of at least {MIN_PASSWORD} characters."
    if len(password) > MAX_PASSWORD:
        return f"Choose a password of at most {MAX_PASSWORD} characters."
    return None
