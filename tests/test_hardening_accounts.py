"""Sign-in and sign-up under attack, and what a visitor sees when the database is down.

Found by a probe (issue 13): 100 concurrent wrong passwords for one address got 44 argon2
checks through a limit of 5 (the limit was checked before the slow check and counted after
it) and took 1.9 GB; sign-up said which addresses have an account; and with the database
down the error page showed its URL to anyone.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aicareers.store import Store
from aicareers.store.engine import create_engine
from aicareers.store.location import parse_url
from aicareers.web import security
from aicareers.web.app import create_app
from aicareers.web.routes.account import SIGNUP_REFUSED

from . import pg
from .async_runner import run_async
from .web_fixtures import PASSWORD, api_token, bearer, csrf, settings_for, settings_on, sign_up

EMAIL = "ada@example.org"


class Argon2Count:
    """Counts the real argon2 runs (hashes and checks) and the most that ran at once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.runs = 0
        self.running = 0
        self.most = 0
        self._lock = threading.Lock()
        kind = type(security._hasher())  # its instances have __slots__: patch the class
        for name in ("hash", "verify"):
            monkeypatch.setattr(kind, name, self._counted(getattr(kind, name)))

    def _counted(self, real: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object) -> object:
            with self._lock:
                self.runs += 1
                self.running += 1
                self.most = max(self.most, self.running)
            try:
                return real(*args)
            finally:
                with self._lock:
                    self.running -= 1

        return run


@pytest.fixture
def argon2(monkeypatch: pytest.MonkeyPatch) -> Argon2Count:
    security.burn_time("warm up")  # the dummy hash is made once per process: not counted
    return Argon2Count(monkeypatch)


def app_with_account(tmp_path: Path, rate: tuple[int, int] = (5, 300)) -> FastAPI:
    app = create_app(settings_for(tmp_path, signin_rate=rate))
    sign_up(TestClient(app, follow_redirects=False), EMAIL)
    return app


async def concurrent_sign_ins(app: FastAPI, forms: list[dict[str, str]]) -> list[httpx.Response]:
    """Post every form at once from one browser (one session, one CSRF token)."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as browser:
        page = await browser.get("/signin")
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        posts = [browser.post("/signin", data={**f, "csrf_token": token}) for f in forms]
        return list(await asyncio.gather(*posts))


def test_concurrent_wrong_passwords_get_no_more_checks_than_the_limit(
    tmp_path: Path, argon2: Argon2Count
) -> None:
    app = app_with_account(tmp_path)
    argon2.runs = 0
    forms = [{"email": EMAIL, "password": f"wrong password {n}"} for n in range(100)]
    answers = run_async(concurrent_sign_ins(app, forms))
    statuses = sorted(a.status_code for a in answers)
    assert set(statuses) <= {400, 429}
    assert argon2.runs <= 5, f"{argon2.runs} argon2 checks for a limit of 5"
    assert statuses.count(400) == argon2.runs  # each real check is one counted failure
    assert statuses.count(429) >= 95
    assert all(a.headers["retry-after"].isdigit() for a in answers if a.status_code == 429)
    assert argon2.most <= security.HASH_SLOTS


def test_argon2_runs_at_most_the_slots_at_once_whatever_the_addresses(
    tmp_path: Path, argon2: Argon2Count
) -> None:
    app = app_with_account(tmp_path, rate=(100, 300))  # the limit is not what stops them here
    forms = [{"email": f"user{n}@example.org", "password": "wrong password"} for n in range(24)]
    answers = run_async(concurrent_sign_ins(app, forms))
    assert {a.status_code for a in answers} <= {400, 429}
    assert argon2.runs >= 2
    assert argon2.most <= security.HASH_SLOTS


def test_when_every_slot_is_taken_sign_in_answers_429_and_counts_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with_account(tmp_path, rate=(1, 300))
    browser = TestClient(app, follow_redirects=False)
    form = {"email": EMAIL, "password": "wrong password", "csrf_token": csrf(browser)}
    monkeypatch.setattr(security, "HASH_WAIT", 0.05)
    for _ in range(security.HASH_SLOTS):  # as if that many checks were running
        assert security._slots.acquire(timeout=1)
    try:
        busy = browser.post("/signin", data=form)
    finally:
        for _ in range(security.HASH_SLOTS):
            security._slots.release()
    assert busy.status_code == 429
    assert busy.headers["retry-after"] == str(security.BUSY_RETRY_AFTER)
    assert "try again in a moment" in busy.text
    assert browser.post("/signin", data=form).status_code == 400  # the limit (1) was not used
    assert browser.post("/signin", data=form).status_code == 429  # now it is


# --- Sign-up never says which addresses have an account ----------------------------------


class SignUp(NamedTuple):
    status_code: int
    text: str
    browser: TestClient


def post_signup(app: FastAPI, email: str, password: str) -> SignUp:
    browser = TestClient(app, follow_redirects=False)
    form = {"email": email, "password": password, "csrf_token": csrf(browser, "/signup")}
    answer = browser.post("/signup", data=form)
    return SignUp(answer.status_code, answer.text, browser)


def test_a_taken_address_is_not_named_and_costs_the_same_argon2_work(
    tmp_path: Path, argon2: Argon2Count
) -> None:
    app = app_with_account(tmp_path)
    argon2.runs = 0
    taken = post_signup(app, EMAIL, "another password")
    assert argon2.runs == 1  # a check of the existing hash
    assert taken.status_code == 422
    assert SIGNUP_REFUSED in taken.text.replace("&#39;", "'")
    assert "There is already an account" not in taken.text
    assert taken.browser.get("/account").status_code == 303  # not signed in
    argon2.runs = 0
    fresh = post_signup(app, "new@example.org", "a new password")
    assert argon2.runs == 1  # the new hash
    assert fresh.status_code == 303


def test_signing_up_again_with_ones_own_password_signs_in(tmp_path: Path) -> None:
    app = app_with_account(tmp_path)
    again = post_signup(app, EMAIL, PASSWORD)
    assert again.status_code == 303
    assert EMAIL in again.browser.get("/account").text


def test_probing_taken_addresses_by_sign_up_is_rate_limited(tmp_path: Path) -> None:
    app = app_with_account(tmp_path, rate=(2, 300))
    answers = [post_signup(app, EMAIL, f"guess number {n}").status_code for n in range(3)]
    assert answers == [422, 422, 429]


# --- The database is down ----------------------------------------------------------------

DOWN_URL = "postgresql://aicareers:s3cret-pw@127.0.0.1:1/aicareers_down"  # nothing listens
LEAKS = ("127.0.0.1", "aicareers_", "s3cret", "postgresql", "***", "port 1", "5432")


@pytest.fixture(params=["closed-port", "dropped-postgres-database"])
def down(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[FastAPI, TestClient, str]]:
    """An app whose database stops answering after Ada signed up (her browser, her token):
    its store pointed at a port where nothing listens, or its real PostgreSQL database dropped
    under it."""
    kind = "sqlite" if request.param == "closed-port" else "postgresql"
    with settings_on(kind, tmp_path) as settings:
        app = create_app(settings)
        ada = TestClient(app, follow_redirects=False, raise_server_exceptions=False)
        sign_up(ada, EMAIL)
        token = api_token(ada)
        if kind == "sqlite":
            app.state.store.close()
            url = parse_url(DOWN_URL)
            app.state.store = Store(create_engine(url, lock_timeout=1.0), url, 1.0)
        else:
            name = sa.make_url(str(settings.database_url)).database
            with pg.admin_engine().connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        yield app, ada, token
        app.state.store.close()


def assert_no_location(text: str) -> None:
    assert [leak for leak in LEAKS if leak in text] == []


def test_a_visitor_never_sees_where_the_database_is(
    down: tuple[FastAPI, TestClient, str], caplog: pytest.LogCaptureFixture
) -> None:
    app, _, _ = down
    visitor = TestClient(app, follow_redirects=False, raise_server_exceptions=False)
    assert visitor.get("/careers").status_code == 200  # pages without the database still work
    form = {"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(visitor)}
    with caplog.at_level(logging.WARNING, logger="aicareers.web"):
        answer = visitor.post("/signin", data=form)
    assert answer.status_code == 503
    assert "The database does not answer" in answer.text
    assert_no_location(answer.text)
    logged = caplog.text  # the server's log says where, its password masked
    assert "127.0.0.1" in logged
    assert "s3cret" not in logged


def test_the_api_does_not_say_where_the_database_is(down: tuple[FastAPI, TestClient, str]) -> None:
    app, _, token = down
    answer = TestClient(app).get("/api/v1/plans", headers=bearer(token))
    assert answer.status_code == 503
    assert answer.json()["error"]["code"] == "database-unavailable"
    assert_no_location(answer.text)


def test_a_signed_in_user_gets_the_503_page_not_the_sign_in_page(
    down: tuple[FastAPI, TestClient, str],
) -> None:
    _, ada, _ = down
    for path in ("/account", "/plans"):
        answer = ada.get(path)
        assert answer.status_code == 503, path  # it was a 303 to /signin
        assert "The database does not answer" in answer.text
        assert_no_location(answer.text)
