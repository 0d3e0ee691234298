"""Accounts in the web app: sign up, in and out, CSRF, rate limit, tokens, export, deletion."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient

from aicareers.store import Store
from aicareers.store.schema import metadata
from aicareers.web.app import create_app
from aicareers.web.deps import ApiUserDep, WebUser
from aicareers.web.routes.account import safe_next
from aicareers.web.settings import WebSettings

from .store_helpers import make_plan
from .web_fixtures import (
    PASSWORD,
    SignedIn,
    api_token,
    bearer,
    client,
    csrf,
    settings_for,
    settings_on,
    sign_in,
    sign_up,
    signed_in_client,
    web_app,
)

__all__ = ["client", "signed_in_client", "web_app"]  # fixtures used here


@pytest.fixture(params=["sqlite", "postgresql"])
def web_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[WebSettings]:
    """Every test here runs on a SQLite file and on a PostgreSQL database."""
    with settings_on(request.param, tmp_path) as settings:
        yield settings


def store_of(app: FastAPI) -> Store:
    store: Store = app.state.store
    return store


def test_sign_up_signs_in_and_stores_only_an_argon2_hash(
    client: TestClient, web_app: FastAPI
) -> None:
    sign_up(client, "Ada@Example.org")
    page = client.get("/account")
    assert page.status_code == 200
    assert "ada@example.org" in page.text  # addresses are kept in lower case
    account, stored = store_of(web_app).credentials("ada@example.org") or (None, "")
    assert account is not None
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_session_cookie_is_httponly_and_samesite_lax(client: TestClient) -> None:
    form = {"email": "a@example.org", "password": PASSWORD, "csrf_token": csrf(client, "/signup")}
    answer = client.post("/signup", data=form)
    cookie = answer.headers["set-cookie"].lower()
    assert "aicareers_session=" in cookie
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" not in cookie


def test_cookies_are_secure_when_configured(tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path, secure_cookies=True))
    browser = TestClient(app, base_url="https://testserver", follow_redirects=False)
    assert "; secure" in browser.get("/signin").headers["set-cookie"].lower()


def test_sign_up_refuses_a_taken_address_a_bad_address_and_a_short_password(
    client: TestClient, signed_in_client: SignedIn
) -> None:
    signed_in_client("taken@example.org")
    token = csrf(client, "/signup")
    cases = {
        ("taken@example.org", "not the password"): "If you already have an account",
        ("not-an-address", PASSWORD): "e-mail address",
        ("new@example.org", "short"): "at least 10 characters",
    }
    for (email, password), message in cases.items():
        form = {"email": email, "password": password, "csrf_token": token}
        answer = client.post("/signup", data=form)
        assert answer.status_code == 422, email
        assert message in answer.text
    assert client.get("/account").status_code == 303  # still signed out


def test_sign_in_goes_to_next_but_never_to_another_site(
    client: TestClient, signed_in_client: SignedIn
) -> None:
    signed_in_client("ada@example.org")
    form = {"email": "ada@example.org", "password": PASSWORD, "csrf_token": csrf(client),
            "next": "/plans/7"}  # fmt: skip
    answer = client.post("/signin", data=form)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/plans/7"
    assert safe_next("//evil.example/x") == "/account"
    assert safe_next("https://evil.example/") == "/account"
    assert safe_next("/\\evil.example") == "/account"
    assert safe_next("/careers?sort=title") == "/careers?sort=title"


def test_a_page_that_needs_an_account_sends_the_visitor_to_sign_in(client: TestClient) -> None:
    answer = client.get("/account")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/signin?next=%2Faccount"


def test_wrong_password_and_unknown_address_answer_alike(
    client: TestClient, signed_in_client: SignedIn
) -> None:
    signed_in_client("ada@example.org")
    token = csrf(client)
    wrong = client.post("/signin", data={"email": "ada@example.org", "password": "nope-nope-nope",
                                          "csrf_token": token})  # fmt: skip
    unknown = client.post("/signin", data={"email": "bob@example.org", "password": PASSWORD,
                                            "csrf_token": token})  # fmt: skip
    assert wrong.status_code == unknown.status_code == 400
    assert "do not match an account" in wrong.text
    assert "do not match an account" in unknown.text


def test_sign_in_is_rate_limited_per_address(tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path, signin_rate=(3, 300)))
    sign_up(TestClient(app, follow_redirects=False), "ada@example.org")
    browser = TestClient(app, follow_redirects=False)
    token = csrf(browser)
    for _ in range(3):
        form = {"email": "ada@example.org", "password": "wrong password", "csrf_token": token}
        assert browser.post("/signin", data=form).status_code == 400
    form = {"email": "ada@example.org", "password": PASSWORD, "csrf_token": token}
    limited = browser.post("/signin", data=form)
    assert limited.status_code == 429  # even the right password waits out the window
    assert 0 < int(limited.headers["retry-after"]) <= 300
    assert "Too many failed sign-ins" in limited.text
    other = {"email": "bob@example.org", "password": "whatever!!", "csrf_token": token}
    assert browser.post("/signin", data=other).status_code == 400  # another address may try


def test_sign_out_ends_the_session_even_for_a_copied_cookie(
    signed_in_client: SignedIn, web_app: FastAPI
) -> None:
    browser = signed_in_client("ada@example.org")
    stolen = dict(browser.cookies)
    answer = browser.post("/signout", data={"csrf_token": csrf(browser, "/account")})
    assert answer.status_code == 303
    assert browser.get("/account").status_code == 303
    replay = TestClient(web_app, follow_redirects=False, cookies=stolen)
    assert replay.get("/account").status_code == 303


def test_signing_in_again_works_after_sign_out(signed_in_client: SignedIn) -> None:
    browser = signed_in_client("ada@example.org")
    browser.post("/signout", data={"csrf_token": csrf(browser, "/account")})
    sign_in(browser, "ada@example.org")
    assert browser.get("/account").status_code == 200


def test_forms_without_the_csrf_token_are_refused(
    client: TestClient, signed_in_client: SignedIn, web_app: FastAPI
) -> None:
    form = {"email": "ada@example.org", "password": PASSWORD}
    assert client.post("/signup", data=form).status_code == 403
    assert client.post("/signup", data={**form, "csrf_token": "forged"}).status_code == 403
    victim = signed_in_client("victim@example.org")
    attacker = TestClient(web_app, follow_redirects=False)
    foreign_token = csrf(attacker, "/signin")  # valid, but for the attacker's own session
    refused = victim.post("/account/delete", data={"password": PASSWORD,
                                                    "csrf_token": foreign_token})  # fmt: skip
    assert refused.status_code == 403
    assert "did not come from this site" in refused.text
    assert victim.get("/account").status_code == 200  # nothing was deleted


def test_api_tokens_authenticate_and_can_be_revoked(
    signed_in_client: SignedIn, web_app: FastAPI
) -> None:
    probe = APIRouter()

    @probe.get("/api/v1/_whoami")
    def whoami(user: ApiUserDep) -> dict[str, object]:
        return {"id": user.id, "email": user.email}

    web_app.include_router(probe)
    browser = signed_in_client("ada@example.org")
    token = api_token(browser, "laptop")
    api = TestClient(web_app)
    assert api.get("/api/v1/_whoami", headers=bearer(token)).json()["email"] == "ada@example.org"
    anonymous = api.get("/api/v1/_whoami")
    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["code"] == "unauthorized"
    assert api.get("/api/v1/_whoami", headers=bearer(token + "x")).status_code == 401
    # The session cookie alone does not authenticate the API.
    assert browser.get("/api/v1/_whoami").status_code == 401

    page = browser.get("/account")
    assert "laptop" in page.text
    assert token not in page.text  # shown once, when made
    (listed,) = store_of(web_app).api_tokens(WebUser(*_id(web_app, "ada@example.org")).id)
    answer = browser.post(f"/account/tokens/{listed.id}/delete",
                          data={"csrf_token": csrf(browser, "/account")})  # fmt: skip
    assert answer.status_code == 303
    assert api.get("/api/v1/_whoami", headers=bearer(token)).status_code == 401


def _id(app: FastAPI, email: str) -> tuple[int, str]:
    found = store_of(app).credentials(email)
    assert found is not None
    return found[0].id, email


def test_nobody_can_revoke_another_users_token(
    signed_in_client: SignedIn, web_app: FastAPI
) -> None:
    ada = signed_in_client("ada@example.org")
    api_token(ada)
    (tokens,) = store_of(web_app).api_tokens(_id(web_app, "ada@example.org")[0])
    bob = signed_in_client("bob@example.org")
    answer = bob.post(f"/account/tokens/{tokens.id}/delete",
                      data={"csrf_token": csrf(bob, "/account")})  # fmt: skip
    assert answer.status_code == 404
    assert len(store_of(web_app).api_tokens(_id(web_app, "ada@example.org")[0])) == 1


def test_export_holds_my_data_and_nobody_elses(
    signed_in_client: SignedIn, web_app: FastAPI
) -> None:
    ada = signed_in_client("ada@example.org")
    signed_in_client("bob@example.org")
    store = store_of(web_app)
    ada_id, bob_id = _id(web_app, "ada@example.org")[0], _id(web_app, "bob@example.org")[0]
    mine = store.save_plan(ada_id, make_plan("mlops-engineer"))
    store.record_event(ada_id, mine, "learn-1", "done", note="finished")
    store.save_plan(bob_id, make_plan("prompt-engineer"))
    api_token(ada, "script")

    answer = ada.get("/account/export")
    assert answer.status_code == 200
    assert "attachment" in answer.headers["content-disposition"]
    data = answer.json()
    assert data["account"]["email"] == "ada@example.org"
    assert [p["career"] for p in data["plans"]] == ["mlops-engineer"]
    assert [(e["step_key"], e["status"], e["note"]) for e in data["progress_events"]] == [
        ("learn-1", "done", "finished")
    ]
    assert [t["name"] for t in data["api_tokens"]] == ["script"]
    assert "token_hash" not in answer.text
    assert "password" not in answer.text


def _rows_of(store: Store, user_id: int) -> dict[str, int]:
    counts = {}
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            column = table.c.get("user_id") if table.name != "users" else table.c.id
            if column is not None:
                query = sa.select(sa.func.count()).select_from(table).where(column == user_id)
                counts[table.name] = conn.execute(query).scalar_one()
    return counts


def test_deleting_the_account_deletes_all_its_data_and_only_its(
    signed_in_client: SignedIn, web_app: FastAPI
) -> None:
    ada = signed_in_client("ada@example.org")
    signed_in_client("bob@example.org")
    store = store_of(web_app)
    ada_id, bob_id = _id(web_app, "ada@example.org")[0], _id(web_app, "bob@example.org")[0]
    for user in (ada_id, bob_id):
        plan = store.save_plan(user, make_plan())
        store.record_event(user, plan, "learn-1", "done")
        store.save_assessment(user, inputs={}, result={}, engine_version="t", resume_text="cv")
    api_token(ada)
    before = _rows_of(store, bob_id)
    token = csrf(ada, "/account")

    kept = ada.post("/account/delete", data={"password": "not my password", "csrf_token": token})
    assert kept.status_code == 400
    assert "nothing was deleted" in kept.text
    assert _rows_of(store, ada_id)["plans"] == 1

    gone = ada.post("/account/delete", data={"password": PASSWORD, "csrf_token": token})
    assert gone.status_code == 200
    assert "is deleted" in gone.text
    assert set(_rows_of(store, ada_id).values()) == {0}
    assert _rows_of(store, bob_id) == before
    assert ada.get("/account").status_code == 303
    assert store.credentials("ada@example.org") is None
