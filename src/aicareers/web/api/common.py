"""What every API module shares: JSON answers, documented errors, one-time loads, body limits."""

from __future__ import annotations

import copy
from typing import Any, TypeVar

import msgspec
from fastapi import Request
from fastapi.responses import Response

from ..errors import ApiError
from .schemas import ErrorBody

MB = 1_048_576

_ENCODER = msgspec.json.Encoder()
T = TypeVar("T")

_ERROR_TEXT = {
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
