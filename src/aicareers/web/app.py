"""``create_app``: the FastAPI application, its store, middleware, error pages and routers."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from ..service.catalog import Navigator
from ..service.store import Store
from ..version import __version__
from . import handlers
from .csrf import verify_csrf
from .headers import SecurityHeaders
from .limits import BodyLimit
from .settings import WebSettings
from .templating import STATIC_DIR

SESSION_COOKIE = "aicareers_session"

# Page routers, in order; each module exposes ``router``. Their forms are CSRF-checked here.
PAGE_ROUTERS = (
    "aicareers.web.routes.home",
    "aicareers.web.routes.account",
    "aicareers.web.routes.careers",
    "aicareers.web.routes.salaries",
    "aicareers.web.routes.guide",
    "aicareers.web.routes.postings",
    "aicareers.web.routes.cohort",
    "aicareers.web.routes.assess",
    "aicareers.web.routes.match",
    "aicareers.web.routes.plans",
    "aicareers.web.routes.shared",
    "aicareers.web.routes.reference",
)
API_ROUTER = "aicareers.web.api.v1"  # paths under /api/v1, bearer-token auth, no CSRF

DESCRIPTION = """The careers catalog, assessment, O*NET occupations, salaries, postings and
your plans as JSON. Errors are 4xx with `{"error": {"code", "message", "details"}}`.
Plans need a personal API token (make one on your account page), sent as
`Authorization: Bearer TOKEN`."""


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The web app for ``settings`` (default: ``WebSettings.from_env()``), its store open."""
    settings = settings if settings is not None else WebSettings.from_env()
    store = Store.open(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.store.close()

    app = FastAPI(
        title="aicareers",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url=None,  # the Swagger page loads from a CDN; the API serves an offline one
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.navigator = Navigator()

    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=settings.session_days * 86_400,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    handlers.install(app)

    for name in PAGE_ROUTERS:
        module = importlib.import_module(name)
        # HTML pages are not part of the JSON API, so they stay out of /openapi.json.
        app.include_router(
            module.router, dependencies=[Depends(verify_csrf)], include_in_schema=False
        )
    app.include_router(importlib.import_module(API_ROUTER).router)
    return app
