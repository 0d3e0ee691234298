"""Version 1 of the JSON API: every endpoint under ``/api/v1``, and the docs page.

``router`` is what ``create_app`` includes: the endpoints (prefix ``/api/v1``) and the
offline docs page at ``/docs`` and ``/api/docs`` (the app turns FastAPI's own off).
"""

from __future__ import annotations

from fastapi import APIRouter

from . import (
    assess,
    catalog,
    cohort,
    docs,
    guide,
    market,
    match,
    occupations,
    pay,
    plans,
    postings,
    reference,
)
from .common import errors

PREFIX = "/api/v1"

# Every endpoint can answer 422 (bad parameters), in our error shape rather than FastAPI's.
api = APIRouter(prefix=PREFIX, responses=errors(422))
for module in (catalog, pay, market, assess, match, occupations, plans, postings, cohort):
    api.include_router(module.router)
api.include_router(guide.router)  # skills, steps, emerging, challenges
api.include_router(reference.router)  # hubs, certifications, resources, statistics, sources

router = APIRouter()
router.include_router(api)
router.include_router(docs.router)
