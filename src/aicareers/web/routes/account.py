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

from ...service.store import AccountExistsError
from .. import security
from ..deps import StoreDep, UserDep, WebUser, sign_in, sign_out
from ..errors import page_message
from ..ratelimit import SlidingWindow
from ..templating import render

router = APIRouter(tags=["account"])

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_EMAIL = 200
MAX_TOKEN_NAME = 100
NO_STORE = {"Cache-Control": "no-store"}
FormText = Annotated[str, Form()]


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
    """Create the account and sign it in."""
    target = safe_next(next)
    address = normal_email(email)
    problem = (
        "Enter your e-mail address, like name@example.org."
        if address is None
        else security.password_problem(password)
    )
    if problem is None and address is not None:
        try:
            account = store.create_account(address, security.hash_password(password))
        except AccountExistsError as exc:
            problem = page_message(exc)
        else:
            sign_in(request, WebUser(account.id, account.email))
            return RedirectResponse(target, 303)
    return _form(request, "account/signup.html", 422, email=email, error=problem, next=target)


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
    host = request.client.host if request.client else "?"
    per_account, per_host = _limits(request)
    wait = per_account.retry_after((address, host)) or per_host.retry_after(host)
    if wait is not None:
        minutes = max(1, round(wait / 60))
        message = f"Too many failed sign-ins. Wait about {minutes} minute(s) and try again."
        context = {"email": email, "error": message, "next": target}
        headers = {**NO_STORE, "Retry-After": str(wait)}
        return render(request, "account/signin.html", context, 429, headers)
    found = store.credentials(address) if address else None
    if found is None:
        security.burn_time(password)  # an unknown address takes as long as a wrong password
    elif security.verify_password(found[1], password):
        account = found[0]
        per_account.reset((address, host))
        if security.needs_rehash(found[1]):
            store.set_password_hash(account.id, security.hash_password(password))
        sign_in(request, WebUser(account.id, account.email))
        return RedirectResponse(target, 303)
    per_account.fail((address, host))
    per_host.fail(host)
    message = "That e-mail address and password do not match an account. Check both and retry."
    return _form(request, "account/signin.html", 400, email=email, error=message, next=target)


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
