"""The database, as adapters reach it: open it, and the per-user records it hands back.

``Store`` is already a thin facade whose every method acts for one user (accounts, sessions,
API tokens, assessments, plans, progress); the service passes it on rather than wrap each
method again. Plans and assessments go through ``service.plans`` and ``service.assess``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..store import Account, AccountExistsError, ApiToken, Store, data_dir

__all__ = ["Account", "AccountExistsError", "ApiToken", "Store", "data_dir", "open_store"]


@contextmanager
def open_store(database: str | None = None) -> Iterator[Store]:
    """The store at ``database`` (else ``AICAREERS_DATABASE_URL``, else the local file), closed
    when the block ends."""
    with Store.open(database) as store:
        yield store
