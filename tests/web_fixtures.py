"""Fixtures and helpers for the web tests: a real app over a temporary SQLite file.

Import what you use into the test module (these are not in conftest.py)::

    from .web_fixtures import client, csrf, signed_in_client, web_app, web_settings  # noqa: F401

``client`` is an anonymous ``TestClient``; ``signed_in_client("ada@example.org")`` signs a new
account up (which signs it in) and returns its own client holding the session cookie;
``csrf(client, path)`` GETs a page and returns the token of its forms; ``api_token(client)``
makes a personal API token for a signed-in client and returns it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aicareers.web.app import create_app
from aicareers.web.settings import WebSettings

from . import pg

PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
_API_TOKEN = re.compile(r"\b(aic_[A-Za-z0-9_-]{20,})")

SignedIn = Callable[..., TestClient]


def settings_for(tmp_path: Path, **changes: object) -> WebSettings:
    """Settings for a test app whose database is ``tmp_path/web.db``."""
    return WebSettings(database_url=f"sqlite:///{tmp_path}/web.db", secret_key="test").replace(
        **changes
    )


@contextmanager
def settings_on(database: str, tmp_path: Path) -> Iterator[WebSettings]:
    """Settings on a fresh ``sqlite`` file or ``postgresql`` database (skips without a server).

    For tests that must hold on both, override ``web_settings`` in the test module::

        @pytest.fixture(params=["sqlite", "postgresql"])
        def web_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[WebSettings]:
            with settings_on(request.param, tmp_path) as settings:
                yield settings
    """
    if database == "sqlite":
        yield settings_for(tmp_path)
        return
    with pg.fresh_database("web") as url:
        yield settings_for(tmp_path, database_url=url)


@pytest.fixture
def web_settings(tmp_path: Path) -> WebSettings:
    """The test app's settings (a fresh SQLite file per test)."""
    return settings_for(tmp_path)


@pytest.fixture
def web_app(web_settings: WebSettings) -> FastAPI:
    """The app itself, its store open on the test's database."""
    return create_app(web_settings)


@pytest.fixture
def client(web_app: FastAPI) -> Iterator[TestClient]:
    """An anonymous browser (cookies kept between requests; redirects not followed)."""
    with TestClient(web_app, follow_redirects=False) as anonymous:
        yield anonymous


def csrf(client: TestClient, path: str = "/signin") -> str:
    """The CSRF token of the forms on ``path`` (it stays the same for the whole session)."""
    page = client.get(path)
    found = _TOKEN.search(page.text)
    assert found is not None, f"no csrf_token field on {path} ({page.status_code})"
    return found.group(1)


def sign_up(client: TestClient, email: str, password: str = PASSWORD) -> None:
    """Sign ``client`` up as ``email`` (which also signs it in)."""
    form = {"email": email, "password": password, "csrf_token": csrf(client, "/signup")}
    answer = client.post("/signup", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> None:
    """Sign ``client`` in as an existing account."""
    form = {"email": email, "password": password, "csrf_token": csrf(client, "/signin")}
    answer = client.post("/signin", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text


@pytest.fixture
def signed_in_client(web_app: FastAPI) -> SignedIn:
    """``make(email, password=PASSWORD)``: a new account's own signed-in client."""

    def make(email: str, password: str = PASSWORD) -> TestClient:
        browser = TestClient(web_app, follow_redirects=False)
        sign_up(browser, email, password)
        return browser

    return make


def api_token(client: TestClient, name: str = "tests") -> str:
    """A new personal API token of the signed-in ``client``."""
    form = {"name": name, "csrf_token": csrf(client, "/account")}
    page = client.post("/account/tokens", data=form)
    found = _API_TOKEN.search(page.text)
    assert found is not None, page.text
    return found.group(1)


def bearer(token: str) -> dict[str, str]:
    """The header that authenticates an API request with ``token``."""
    return {"Authorization": f"Bearer {token}"}
