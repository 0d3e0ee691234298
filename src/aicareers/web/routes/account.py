"""Accounts: sign up, sign in, sign out, personal API tokens, export and deletion.

Exploring and assessing need no account; saving does. Passwords are hashed with argon2id,
failed sign-ins are rate-limited per e-mail and address, and deleting an account deletes
every row of the person's data in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from ...service.store import Account, AccountExistsError
from .. import security
from ..deps import StoreDep, UserDep, WebUser, sign_in, sign_out
from ..ratelimit import Reservation, SlidingWindow, reserve_all
from ..templating import render

router = APIRouter(tags=["account"])

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_EMAIL = 200
MAX_TOKEN_NAME = 100
NO_STORE = {"Cache-Control": "no-store"}
FormText = Annotated[str, Form()]
# A taken address is never named: see docs/web.md ("Sign-up and taken addresses").
SIGNUP_REFUSED = (
    "We could not make an account with this address and password. If you already have an "
    "account, sign in instead; otherwise check the address."
)


def safe_next(target: str | None, default: str = "/account") -> str:
    """A local path to go to after signing in; anything else (another site) gives ``default``."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    return target


def normal_email(raw: str) -> str | None:
    """The address as stored (trimmed, lower case), or None if it is not an address."""
    email = raw.strip().lower()
    return email if len(email) <= MAX_EMAIL and EMAIL.match(email) else None


def _limits(request: Request) -> tuple[SlidingWindow, SlidingWindow]:
    """The app's sign-in limiters: per (e-mail, address), and per address over all e-mails."""
    state = request.app.state
    if not hasattr(state, "signin_limits"):
        attempts, window = state.settings.signin_rate
        state.signin_limits = (SlidingWindow(attempts, window), SlidingWindow(4 * attempts, window))
    limits: tuple[SlidingWindow, SlidingWindow] = state.signin_limits
    return limits


def _form(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    return render(request, template, context, status_code=status, headers=NO_STORE)


@router.get("/signup", include_in_schema=False)
def signup_page(request: Request, next: str | None = None) -> Response:
    """The sign-up form."""
    return _form(request, "account/signup.html", email="", error=None, next=safe_next(next))


@router.post("/signup", include_in_schema=False)
def signup(
    request: Request,
    store: StoreDep,
    email: FormText = "",
    password: FormText = "",
    next: FormText = "",
) -> Response:
    """Create the account and sign it in; never say that an address already has one."""
    target = safe_next(next)
    address = normal_email(email)
    problem = (
        "Enter your e-mail address, like name@example.org."
        if address is None
        else security.password_problem(password)
    )
    if problem is None and address is not None:
        attempt = _reserve(request, address)
        if isinstance(attempt, int):
            return _too_many(request, "account/signup.html", email, target, attempt)
        account = _new_or_own_account(store, attempt, address, password)
        if account is not None:
            sign_in(request, WebUser(account.id, account.email))
            return RedirectResponse(target, 303)
        problem = SIGNUP_REFUSED
    return _form(request, "account/signup.html", 422, email=email, error=problem, next=target)


def _new_or_own_account(
    store: StoreDep, attempt: Reservation, address: str, password: str
) -> Account | None:
    """A new account for ``address``, or its existing one when the password is its own.

    Either way one argon2 run (a hash, or a check), so a taken address answers no faster or
    slower than a free one. A taken address with another password counts as a failed sign-in.
    """
    try:
        found = store.credentials(address)
        if found is None:
            try:
                account = store.create_account(address, security.hash_password(password))
            except AccountExistsError:  # a racing sign-up with the same address won
                return None
        elif security.verify_password(found[1], password):
            account = found[0]
        else:
            return None
    except BaseException:
        attempt.release()  # nothing was checked (busy, database down): nothing to count
        raise
    attempt.release()
    return account


@router.get("/signin", include_in_schema=False)
def signin_page(request: Request, next: str | None = None) -> Response:
    """The sign-in form."""
    return _form(request, "account/signin.html", email="", error=None, next=safe_next(next))


@router.post("/signin", include_in_schema=False)
def signin(
    request: Request,
    store: StoreDep,
    email: FormText = "",
    password: FormText = "",
    next: FormText = "",
) -> Response:
    """Check the password (rate-limited) and start a session."""
    target = safe_next(next)
    address = email.strip().lower()
    attempt = _reserve(request, address)
    if isinstance(attempt, int):
        return _too_many(request, "account/signin.html", email, target, attempt)
    try:
        account = _checked_account(store, address, password)
    except BaseException:
        attempt.release()  # never checked (busy, database down): not a failed attempt
        raise
    if account is None:  # the reserved attempt stays counted: a failure
        message = "That e-mail address and password do not match an account. Check both and retry."
        return _form(request, "account/signin.html", 400, email=email, error=message, next=target)
    attempt.release()
    _limits(request)[0].reset((address, _client_host(request)))
    sign_in(request, WebUser(account.id, account.email))
    return RedirectResponse(target, 303)


def _checked_account(store: StoreDep, address: str, password: str) -> Account | None:
    """The account whose address and password these are, or None (after the same work)."""
    found = store.credentials(address) if address else None
    if found is None:
        security.burn_time(password)  # an unknown address takes as long as a wrong password
        return None
    if not security.verify_password(found[1], password):
        return None
    if security.needs_rehash(found[1]):
        store.set_password_hash(found[0].id, security.hash_password(password))
    return found[0]


def _client_host(request: Request) -> str:
    return request.client.host if request.client else "?"


def _reserve(request: Request, address: str) -> Reservation | int:
    """Count a sign-in attempt before its password is checked, or the seconds to wait.

    Counting first (and giving the attempt back only when it succeeds) is what keeps
    concurrent wrong passwords to the limit: checked first and counted after, 100 at once
    once got 44 argon2 checks through a limit of 5.
    """
    host = _client_host(request)
    per_account, per_host = _limits(request)
    return reserve_all([(per_account, (address, host)), (per_host, host)])


def _too_many(request: Request, template: str, email: str, target: str, wait: int) -> Response:
    minutes = max(1, round(wait / 60))
    message = f"Too many failed sign-ins. Wait about {minutes} minute(s) and try again."
    context = {"email": email, "error": message, "next": target}
    return render(request, template, context, 429, {**NO_STORE, "Retry-After": str(wait)})


@router.post("/signout", include_in_schema=False)
def signout(request: Request) -> Response:
    """End the session."""
    sign_out(request)
    return RedirectResponse("/", 303)


def _account_page(
    request: Request, store: StoreDep, user: WebUser, status: int = 200, **extra: Any
) -> Response:
    context = {"account": user, "tokens": store.api_tokens(user.id), "new_token": None,
               "error": None, **extra}  # fmt: skip
    return _form(request, "account/account.html", status, **context)


@router.get("/account", include_in_schema=False)
def account_page(request: Request, store: StoreDep, user: UserDep) -> Response:
    """The account: tokens, export, delete."""
    return _account_page(request, store, user)


@router.post("/account/tokens", include_in_schema=False)
def new_token(request: Request, store: StoreDep, user: UserDep, name: FormText = "") -> Response:
    """Make a personal API token and show it, once."""
    label = " ".join(name.split())[:MAX_TOKEN_NAME] or "API token"
    token = security.new_api_token()
    store.add_api_token(user.id, label, security.token_hash(token), token[:12])
    return _account_page(request, store, user, 201, new_token=token, new_token_name=label)


@router.post("/account/tokens/{token_id}/delete", include_in_schema=False)
def revoke_token(store: StoreDep, user: UserDep, token_id: int) -> Response:
    """Revoke one of the user's tokens (another user's: 404)."""
    store.drop_api_token(user.id, token_id)
    return RedirectResponse("/account", 303)


@router.get("/account/export", include_in_schema=False)
def export(store: StoreDep, user: UserDep) -> Response:
    """Everything stored for the user, as one JSON file."""
    data = store.export_user(user.id)
    data["exported_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    name = f"aicareers-export-{dt.date.today().isoformat()}.json"
    headers = {**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'}
    body = json.dumps(data, indent=2, ensure_ascii=False)
    return Response(body, media_type="application/json", headers=headers)


@router.post("/account/delete", include_in_schema=False)
def delete_account(
    request: Request,
    store: StoreDep,
    user: UserDep,
    password: FormText = "",
) -> Response:
    """Delete the account and all its data, once the password confirms it."""
    found = store.credentials(user.email)
    if found is None or not security.verify_password(found[1], password):
        error = "The password is not right, so nothing was deleted."
        return _account_page(request, store, user, 400, error=error)
    sign_out(request)
    store.delete_user(user.id)
    return _form(request, "account/deleted.html", email=user.email)
