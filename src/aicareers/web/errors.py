"""How the web app answers when something goes wrong: one JSON shape, one HTML page.

    ApiError              raised by handlers for a 4xx with a chosen code (JSON and HTML alike)
    SignInRequired        a page needs an account: pages redirect to sign-in, the API says 401

Every error under ``/api/`` is answered with ``{"error": {"code", "message", "details"}}``:
``code`` is a stable kebab-case string, ``message`` a sentence for people, ``details`` an
object (empty when there is nothing to add). An error whose hint names a page of this app
carries it as ``details.hint = {"goal", "page"}``; the message itself never says what to run.
Pages get ``error.html`` with the same message, and the hint as a link after it. Our own
``AicareersError`` subclasses map to 4xx (see ``classify``); only a bug answers 500, and then
without a traceback. The handlers that answer are in ``handlers``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from markupsafe import Markup, escape

from .. import errors as core

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
    """Status, code and details for one of our own errors (with its ``hint`` to a page)."""
    status, code, details = _classify(exc)
    hint = hint_details(exc)
    return status, code, {**details, "hint": hint} if hint else details


def _classify(exc: core.AicareersError) -> tuple[int, str, dict[str, Any]]:
    if isinstance(exc, core.UnknownIdError):
        found: dict[str, Any] = {"kind": exc.kind, "id": exc.given}
        return 404, "not-found", {**found, "suggestions": list(exc.suggestions)}
    if isinstance(exc, core.DocumentError):
        status = next((s for k, s in DOCUMENT_STATUS.items() if isinstance(exc, k)), 422)
        details: dict[str, Any] = {"filename": exc.filename} if exc.filename else {}
        if isinstance(exc, core.DocumentTooLargeError):
            details.update(size=exc.size, limit=exc.limit)
        if isinstance(exc, core.DocumentTooComplexError):
            details.update(cap=exc.cap, limit=exc.limit)
        if isinstance(exc, core.DocumentTookTooLongError):
            details.update(limit_seconds=exc.seconds)
        if isinstance(exc, core.DocumentNeedsTooMuchMemoryError):
            details.update(limit_mb=exc.limit_mb)
        return status, exc.code, details
    if isinstance(exc, core.NothingToAssessError):
        return 422, exc.code, {"words": exc.words}
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


def hint_details(exc: core.AicareersError) -> dict[str, str]:
    """``{"goal", "page"}`` of the error's hint when it names a page of this app, else empty
    (a hint with only a command is for the CLI)."""
    hint = exc.hint
    if hint is None or hint.page is None:
        return {}
    return {"goal": hint.goal, "page": hint.page}


def with_link(message: str, hint: Mapping[str, str] | None) -> Markup:
    """``message`` for a page, followed by ``hint`` (``hint_details``) as a link, if any."""
    if not hint:
        return escape(message)
    goal = hint["goal"][:1].upper() + hint["goal"][1:]
    return Markup('{} <a href="{}">{}</a>.').format(message, hint["page"], goal)


def page_message(exc: core.AicareersError) -> Markup:
    """The error's message as a page shows it: escaped, with its hint as a link after it."""
    return with_link(str(exc), hint_details(exc))
