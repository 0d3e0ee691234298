"""The exception handlers: every error answered in its shape, as JSON (API) or the error page.

Kept apart from ``errors`` (the exceptions and how they map to statuses), which the modules
that raise them import: this module needs the templates, and they need those modules.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from .. import errors as core
from .errors import (
    HTTP_CODES,
    ApiError,
    SignInRequired,
    api_error,
    classify,
    wants_json,
    with_link,
)
from .security import HasherBusy
from .templating import render

log = logging.getLogger("aicareers.web")


def respond(
    request: Request,
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The error as JSON (API) or as the error page (everything else)."""
    if wants_json(request):
        return api_error(status, code, message, details, headers)
    details = details or {}
    shown = with_link(message, details.get("hint"))
    context = {"status": status, "code": code, "message": shown, "details": details}
    return render(request, "error.html", context, status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> dict[str, Any]:
    fields = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ()) if part not in ("body", "query", "path")]
        fields.append({"field": ".".join(loc), "message": str(err.get("msg", "invalid"))})
    return {"fields": fields}


def _validation_message(details: dict[str, Any]) -> str:
    parts = [
        f"{f['field']}: {f['message']}" if f["field"] else f["message"]
        for f in details["fields"][:3]
    ]
    return "The request is not valid (" + "; ".join(parts) + ")." if parts else "Invalid request."


def install(app: FastAPI) -> None:
    """Register the handlers that give every error its shape."""

    @app.exception_handler(ApiError)
    async def chosen_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(SignInRequired)
    async def sign_in_required(request: Request, exc: SignInRequired) -> Response:
        if wants_json(request):
            message = (
                "This needs an API token: send 'Authorization: Bearer TOKEN' "
                "(make one on your account page)."
            )
            headers = {"WWW-Authenticate": "Bearer"}
            return api_error(401, "unauthorized", message, headers=headers)
        from urllib.parse import quote

        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/signin?next={quote(target, safe='')}", 303)

    @app.exception_handler(core.AicareersError)
    async def aicareers_error(request: Request, exc: core.AicareersError) -> Response:
        status, code, details = classify(exc)
        if status >= 500:
            log.warning("%s: %s", type(exc).__name__, exc)
        return respond(request, status, code, public_message(exc), details)

    @app.exception_handler(HasherBusy)
    async def hasher_busy(request: Request, exc: HasherBusy) -> Response:
        message = "Too many sign-ins are being checked at once. Please try again in a moment."
        headers = {"Retry-After": str(exc.retry_after), "Cache-Control": "no-store"}
        return respond(request, 429, "too-many-requests", message, None, headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        return respond(request, 422, "invalid-request", _validation_message(details), details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = HTTP_CODES.get(exc.status_code, f"http-{exc.status_code}")
        detail: str | None = exc.detail if isinstance(exc.detail, str) else None
        if detail == HTTPStatus(exc.status_code).phrase:  # Starlette's default: say more
            detail = None
        message = detail or _HTTP_MESSAGES.get(exc.status_code, "The request failed.")
        headers = dict(exc.headers) if exc.headers else None
        allow = _allowed(request) if exc.status_code == 405 else ""
        if allow:
            headers = {**(headers or {}), "Allow": allow}
        return respond(request, exc.status_code, code, message, None, headers)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        message = "Something went wrong on our side; the error was logged. Please try again."
        return respond(request, 500, "internal-error", message)


# What a visitor reads when the database fails. The store's own messages name the database
# (a file path, or a URL with its user, host and port): that is for the server's log only.
_STORE_MESSAGES: tuple[tuple[type[core.StoreError], str], ...] = (
    (core.DatabaseUnavailableError, "The database does not answer."),
    (core.DatabaseLockedError, "The database is busy."),
    (core.DatabaseReadOnlyError, "The database is read-only, so nothing can be saved."),
    (core.SchemaError, "The database needs an upgrade before this app can use it."),
    (core.StoreError, "The database cannot be used."),
)
_STORE_NEXT = " Please try again in a few minutes; the details are in the server's log."


def _allowed(request: Request) -> str:
    """Every method the request's path answers: Starlette's 405 names only the first route
    that matched the path, and a page such as /assess has a GET and a POST route."""
    methods = []
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes):
            methods.append(method)
    return ", ".join(methods)


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def public_message(exc: core.AicareersError) -> str:
    """The error's message as a visitor may read it: never where the database is."""
    if not isinstance(exc, core.StoreError):
        return str(exc)
    said = next(text for kind, text in _STORE_MESSAGES if isinstance(exc, kind))
    return said + _STORE_NEXT


_HTTP_MESSAGES = {
    404: "There is nothing at this address. Check the link, or start from the home page.",
    405: "This address does not accept that method.",
    413: "The request is too large.",
}
