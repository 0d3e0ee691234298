"""CSRF protection for every form: a random token kept in the session, echoed by the form.

Every page gets ``csrf_token`` in its template context; every ``<form method="post">``
carries it::

    <input type="hidden" name="csrf_token" value="{{ csrf_token }}">

(HTMX requests may send it in the ``X-CSRF-Token`` header instead.) The token lives in the
signed session cookie (HttpOnly, SameSite=Lax): another site can make the browser send that
cookie but cannot read the token to put in its form. ``verify_csrf`` runs on every unsafe
request to the page routers (``app.create_app`` adds it; handlers may name it too) and
answers 403 on a mismatch. The JSON API authenticates by bearer token, never by cookie, so
it needs no token.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request

from .errors import ApiError

KEY = "csrf"  # in request.session
FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def csrf_token(request: Request) -> str:
    """The token for this visitor's forms, made on first use; "" where there is no session."""
    if "session" not in request.scope:
        return ""
    token = request.session.get(KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session[KEY] = token
    return token


async def verify_csrf(request: Request) -> None:
    """Refuse a state-changing request whose token does not match the session's (403)."""
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(HEADER)
    if sent is None:
        form = await request.form()
        value = form.get(FIELD)
        sent = value if isinstance(value, str) else None
    expected = request.session.get(KEY) if "session" in request.scope else None
    if not sent or not isinstance(expected, str) or not hmac.compare_digest(sent, expected):
        raise ApiError(
            403,
            "csrf-failed",
            "This form has expired or did not come from this site. Go back, reload the page "
            "and send it again.",
        )
