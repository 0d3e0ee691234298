"""What handlers ask FastAPI for: the store, the navigator, the planner and the acting user.

Use them in handler signatures::

    @router.get("/plans/{plan_id}")
    def plan_page(request: Request, plan_id: int, user: UserDep, store: StoreDep) -> Response:
        stored = store.get_plan(user.id, plan_id)   # another user's plan: UnknownIdError -> 404

Handlers that touch the store should be plain ``def`` (FastAPI runs them in a thread, so a
slow query never blocks the event loop). ``require_user`` sends a visitor who is not signed
in to ``/signin?next=...`` (pages) or answers 401 (API paths); ``api_user`` accepts only a
bearer token. Every store call takes ``user.id``: that is what scopes each query to its user.

A sign-in is a random token kept in the signed session cookie (``request.session``); the
store holds only its SHA-256, so signing out (or deleting the account) ends it at once.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from ..errors import AicareersError
from ..service.catalog import Navigator
from ..service.store import Account, Store
from .errors import SignInRequired
from .security import new_token, token_hash
from .settings import WebSettings

if TYPE_CHECKING:
    from ..service.plans import Planner

SESSION_KEY = "sid"  # the sign-in token inside request.session
_USER = "aicareers_user"
_LOOKUP_FAILED = "aicareers_user_lookup_failed"  # the error that hid a signed-in user
_open_lock = threading.Lock()


@dataclass(frozen=True)
class WebUser:
    """A signed-in account: the id every query is scoped to, and the e-mail it signs in with."""

    id: int
    email: str

    @classmethod
    def of(cls, account: Account | None) -> WebUser | None:
        """The store's account as a web user."""
        return None if account is None else cls(account.id, account.email)


def get_settings(request: Request) -> WebSettings:
    """The settings the app was made with."""
    settings: WebSettings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    """The app's one store (opened by ``create_app``, or on first use if it was not)."""
    state = request.app.state
    if state.store is None:
        with _open_lock:
            if state.store is None:
                state.store = Store.open(state.settings.database_url)
    store: Store = state.store
    return store


def get_navigator(request: Request) -> Navigator:
    """The app's navigator (the catalog is loaded on first use)."""
    nav: Navigator = request.app.state.navigator
    return nav


def _session(request: Request) -> dict[str, object]:
    """The signed session cookie's contents ({} where the middleware did not run)."""
    return request.session if "session" in request.scope else {}


def current_user(request: Request) -> WebUser | None:
    """The signed-in user of this request, or None; looked up once per request."""
    if hasattr(request.state, _USER):
        found: WebUser | None = getattr(request.state, _USER)
        return found
    token = _session(request).get(SESSION_KEY)
    user = None
    if isinstance(token, str) and token:
        try:
            user = WebUser.of(get_store(request).session_account(token_hash(token)))
        except AicareersError as exc:  # a broken database must not break the anonymous pages
            setattr(request.state, _LOOKUP_FAILED, exc)
            user = None
    setattr(request.state, _USER, user)
    return user


def sign_in(request: Request, user: WebUser) -> None:
    """Start a session for ``user``: a fresh cookie (no fixation) and a stored token hash."""
    settings = get_settings(request)
    token = new_token()
    get_store(request).add_session(
        user.id, token_hash(token), dt.timedelta(days=settings.session_days)
    )
    request.session.clear()
    request.session[SESSION_KEY] = token
    setattr(request.state, _USER, user)


def sign_out(request: Request) -> None:
    """End the session in the store and in the cookie."""
    token = _session(request).get(SESSION_KEY)
    if isinstance(token, str) and token:
        get_store(request).drop_session(token_hash(token))
    if "session" in request.scope:
        request.session.clear()
    setattr(request.state, _USER, None)


def require_user(request: Request) -> WebUser:
    """The signed-in user; a visitor goes to sign-in (pages) or gets 401 (API paths)."""
    user = current_user(request)
    if user is None:
        failed = getattr(request.state, _LOOKUP_FAILED, None)
        if failed is not None:  # signed in, but the database cannot say as whom: 503, not sign-in
            raise failed
        raise SignInRequired()
    return user


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer TOKEN`` header."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return (token.strip() or None) if scheme.lower() == "bearer" else None


def optional_api_user(request: Request) -> WebUser | None:
    """The user of the request's bearer token; None without one; 401 for an invalid one."""
    token = bearer_token(request)
    if token is None:
        return None
    user = WebUser.of(get_store(request).token_account(token_hash(token)))
    if user is None:
        raise SignInRequired()
    return user


def api_user(request: Request) -> WebUser:
    """The user of the request's bearer token; 401 JSON without a valid one."""
    user = optional_api_user(request)
    if user is None:
        raise SignInRequired()
    return user


def get_planner(request: Request, user: WebUser) -> Planner:
    """Plans and progress of ``user`` (every query scoped to them)."""
    from ..service.plans import Planner

    return Planner(get_store(request), user.id, get_navigator(request).catalog)


async def _settings_now(request: Request) -> WebSettings:
    return get_settings(request)


async def _navigator_now(request: Request) -> Navigator:
    return get_navigator(request)


# Settings and the navigator are attribute reads: as async dependencies they run on the event
# loop, where a plain function would cost every request a hop to the thread pool.
SettingsDep = Annotated[WebSettings, Depends(_settings_now)]
StoreDep = Annotated[Store, Depends(get_store)]
NavigatorDep = Annotated[Navigator, Depends(_navigator_now)]
OptionalUserDep = Annotated[WebUser | None, Depends(current_user)]
UserDep = Annotated[WebUser, Depends(require_user)]
ApiUserDep = Annotated[WebUser, Depends(api_user)]
OptionalApiUserDep = Annotated[WebUser | None, Depends(optional_api_user)]
