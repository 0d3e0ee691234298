"""Persistence: users, assessments, plans and progress events (SQLite or PostgreSQL).

``Store.open()`` picks the database (an explicit URL, else ``AICAREERS_DATABASE_URL``, else
a SQLite file in the user's data folder), brings its schema up to date with the migrations
shipped in ``store/migrations``, and hands back a ``Store`` whose methods all act for one user.
"""

from __future__ import annotations

from .accounts import Account, AccountExistsError, ApiToken
from .location import ENV_URL, data_dir, resolve_url
from .records import StoredAssessment, StoredPlan
from .store import Store
from .users import LOCAL_USER

__all__ = [
    "ENV_URL",
    "LOCAL_USER",
    "Account",
    "AccountExistsError",
    "ApiToken",
    "Store",
    "StoredAssessment",
    "StoredPlan",
    "data_dir",
    "resolve_url",
]
