"""How the web app answers when something goes wrong: one JSON shape, one HTML page.

    ApiError              raised by handlers for a 4xx with a chosen code (JSON and HTML alike)
    SignInRequired        a page needs an account: pages redirect to sign-in, the API says 401

Every error under ``/api/`` is answered with ``{"error": {"code", "message", "details"}}``:
``code`` is a stable kebab-case string, ``message`` a sentence for people, ``details`` an
object (empty when there is nothing to add). Pages get ``errors/error.html`` with the same
message. Our own ``AicareersError`` subclasses map to 4xx (see ``classify``); only a bug
answers 500, and then without a traceback.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import errors as core

log = logging.getLogger("aicareers.web")

API_PREFIX = "/api/"

# Codes of plain HTTP errors (routing, methods), by status.
HTTP_CODES = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid-request",
    429: "too-many-requests",
    500: "internal-error",
    503: "unavailable",
}

# Statuses of document errors that are not 422.
DOCUMENT_STATUS = {
    core.DocumentTooLargeError: 413,
    core.UnsupportedDocumentError: 415,
}


class ApiError(Exception):
    """An answer with a 4xx status, a stable code, a message and optional details."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.headers = headers
        super().__init__(message)


class SignInRequired(Exception):  # noqa: N818 (the name the web contract uses)
    """The page or endpoint needs a signed-in user (or, in the API, a token)."""


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    """The one JSON shape of every API error."""
    return {"error": {"code": code, "message": message, "details": details or {}}}


def classify(exc: core.AicareersError) -> tuple[int, str, dict[str, Any]]:
    """Status, code and details for one of our own errors."""
    if isinstance(exc, core.UnknownIdError):
        found: dict[str, Any] = {"kind": exc.kind, "id": exc.given}
        return 404, "not-found", {**found, "suggestions": list(exc.suggestions)}
    if isinstance(exc, core.DocumentError):
        status = next((s for k, s in DOCUMENT_STATUS.items() if isinstance(exc, k)), 422)
        details: dict[str, Any] = {"filename": exc.filename} if exc.filename else {}
        if isinstance(exc, core.DocumentTooLargeError):
            details.update(size=exc.size, limit=exc.limit)
        return status, exc.code, details
    if isinstance(exc, core.ProfileError):
        return 422, "invalid-profile", {"field": exc.field}
    if isinstance(exc, core.UserInputError):
        return 422, "invalid-input", {}
    if isinstance(exc, core.StoreError):
        return 503, "database-unavailable", {}
    # Catalog, taxonomy or model problems: the installation needs fixing, not the request.
    return 503, "unavailable", {}


def api_error(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """A JSON error answer in the one shape."""
    return JSONResponse(error_body(code, message, details), status, headers=headers)


def wants_json(request: Request) -> bool:
    """API paths answer JSON; everything else answers HTML."""
    return request.url.path.startswith(API_PREFIX) or request.url.path == "/openapi.json"


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
    from .templating import render  # templating imports this module (through csrf)

    context = {"status": status, "code": code, "message": message, "details": details or {}}
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


def web_message(exc: core.AicareersError) -> str:
    """The error's sentence for a browser or API client: an unknown id without the CLI's
    "Run `aicareers ... list`" hint, which means nothing there."""
    if isinstance(exc, core.UnknownIdError):
        hint = f" Did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions else ""
        return f"No {exc.kind} with id '{exc.given}'.{hint}"
    return str(exc)


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
        return respond(request, status, code, web_message(exc), details)

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
        return respond(request, exc.status_code, code, message, None, headers)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        message = "Something went wrong on our side; the error was logged. Please try again."
        return respond(request, 500, "internal-error", message)


_HTTP_MESSAGES = {
    404: "There is nothing at this address. Check the link, or start from the home page.",
    405: "This address does not accept that method.",
    413: "The request is too large.",
}
