"""What every API module shares: JSON answers, documented errors, body limits, the route class."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import msgspec
from fastapi import Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException
from starlette.types import Receive, Scope, Send

from ..errors import ApiError
from .nesting import check_body
from .schemas import ErrorBody

MB = 1_048_576

_ENCODER = msgspec.json.Encoder()
T = TypeVar("T")

_ERROR_TEXT = {
    400: "The body could not be decoded as JSON (it is not UTF-8, say).",
    401: "No valid API token: send 'Authorization: Bearer TOKEN'.",
    404: "No such id (another account's plan included); `details.suggestions` has close ids.",
    413: "The upload is over the size limit (10 MB).",
    415: "The file is of a type we do not read, or not what its name says.",
    422: "The request is not valid; `message` says what to change.",
    503: "The database or a data file cannot be used right now.",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses, all in the one error shape."""
    return {s: {"model": ErrorBody, "description": _ERROR_TEXT[s]} for s in statuses}


def json_response(data: object, status_code: int = 200) -> Response:
    """``data`` (views, structs, dicts) as JSON, encoded the way the CLI's ``emit_json`` sees it."""
    return Response(_ENCODER.encode(data), status_code, media_type="application/json")


def schema_of(kind: Any) -> dict[str, Any]:
    """The JSON schema of a msgspec type, with its ``$defs`` inlined (OpenAPI-ready)."""
    found = msgspec.json.schema(kind)
    defs = found.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(copy.deepcopy(defs[ref.removeprefix("#/$defs/")]))
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    result: dict[str, Any] = inline(found)
    return result


def form_properties(model: type[BaseModel]) -> dict[str, Any]:
    """A request model's properties as form fields: never null, since a form cannot send one.

    A field left out of a form is how it is left unset; a schema that offered ``null`` would
    invite ``input_format=null``, which the server refuses.
    """
    found: dict[str, Any] = {}
    for name, prop in model.model_json_schema()["properties"].items():
        branches = [b for b in prop.get("anyOf", []) if b.get("type") != "null"]
        rest = {k: v for k, v in prop.items() if k not in ("anyOf", "default")}
        if len(branches) == 1:
            rest.update(branches[0])
        elif branches:
            rest["anyOf"] = branches
        found[name] = rest if "anyOf" in prop else prop
    return found


def request_body(form: dict[str, Any], json_model: type[BaseModel] | None = None) -> dict[str, Any]:
    """The OpenAPI ``requestBody`` of an endpoint taking form data (and JSON, given its model)."""
    content: dict[str, Any] = {}
    if json_model is not None:
        content["application/json"] = {"schema": json_model.model_json_schema()}
    content["multipart/form-data"] = {"schema": form}
    return {"requestBody": {"required": True, "content": content}}


def invalid(exc: ValidationError) -> ApiError:
    """A 422 naming each field that failed validation (the first three in the message)."""
    found = [
        {"field": ".".join(str(p) for p in err["loc"]) or "body", "message": err["msg"]}
        for err in exc.errors(include_url=False, include_context=False, include_input=False)
    ]
    shown = "; ".join(f"{f['field']}: {f['message']}" for f in found[:3])
    return ApiError(422, "invalid-request", f"The request is not valid ({shown}).",
                    {"fields": found})  # fmt: skip


def documented(kind: Any, description: str, status: int = 200) -> dict[int | str, dict[str, Any]]:
    """An OpenAPI response whose schema comes from a msgspec type (a document's declaration)."""
    content = {"application/json": {"schema": schema_of(kind)}}
    return {status: {"description": description, "content": content}}


def too_large(size: int | None, limit: int) -> ApiError:
    """The 413 answer, in the same words as a document over the limit."""
    shown = f"The upload is {size / MB:.1f} MB; " if size else "The upload is "
    return ApiError(
        413,
        "too-large",
        f"{shown}the limit is {limit / MB:.0f} MB. A resume is rarely over 1 MB: remove "
        "embedded images or export it as plain text or a text PDF.",
        {"size": size, "limit": limit},
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it (or its Content-Length) passes ``limit``.

    The body is kept on the request, so ``request.form()`` parses it without reading again.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(int(declared), limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(None, limit)
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # Starlette's own cache: stream() and form() replay it
    return body


class ApiRoute(APIRoute):
    """An API route: JSON bodies depth-checked before FastAPI parses them, and a 405 whose
    ``Allow`` names every method of the path.

    Every router of the API uses it (``APIRouter(route_class=ApiRoute)``).
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """FastAPI's handler, after a depth check of the body it is about to parse."""
        handler = super().get_route_handler()
        if self.body_field is None:  # no body model: nothing for FastAPI to parse
            return handler

        async def guarded(request: Request) -> Response:
            # json.loads recurses: 2 KB of '[' would be a RecursionError, then a 500. The
            # body is cached on the request, so the handler does not read it again.
            check_body(await request.body())
            return await handler(request)

        return guarded

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Starlette's 405 lists only this route's methods; a path may have several routes."""
        if self.methods and scope["method"] not in self.methods:
            allow = ", ".join(sorted(allowed_methods(scope) or self.methods))
            raise HTTPException(405, headers={"Allow": allow})
        await super().handle(scope, receive, send)


def allowed_methods(scope: Scope) -> set[str]:
    """The methods the app's OpenAPI document gives the request's path (empty if none).

    The document, built once and cached by FastAPI, is the public list of every route of the
    API; the routers themselves are nested in FastAPI's private structures.
    """
    app = scope.get("app")
    paths: dict[str, dict[str, Any]] = app.openapi().get("paths", {}) if app else {}
    for template, item in paths.items():
        if _template(template).fullmatch(scope["path"]):
            return {method.upper() for method in item if method in _METHODS}
    return set()


_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@functools.lru_cache(maxsize=256)
def _template(path: str) -> re.Pattern[str]:
    """``/plans/{plan_id}`` as a pattern: each parameter is one path segment."""
    parts = re.split(r"(\{[^}]+\})", path)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts))
