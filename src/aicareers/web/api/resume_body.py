"""The body of an API call that carries a resume: JSON, or form data with a resume ``file``.

``POST /api/v1/assess`` and ``POST /api/v1/match`` take the same two shapes. The body is read
once with the upload limit, then parsed by its content type into the endpoint's request model
(unknown fields refused, each problem named), plus the file's bytes and name when one came;
``answer`` runs the endpoint's work with the reading isolated and answers with its JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from ...service.isolation import Abandoned, Isolated
from ..deps import get_settings
from ..errors import ApiError
from ..limits import FRAMING_BYTES
from ..uploads import CLIENT_GONE, in_reader_pool
from .common import invalid, json_response, read_body
from .nesting import check_body
from .schemas import clean_text

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
M = TypeVar("M", bound=BaseModel)


async def read_resume_body(
    request: Request, model: type[M], lists: tuple[str, ...], joined: str
) -> tuple[M, bytes | None, str | None]:
    """The request's fields as ``model``, and the uploaded file's bytes and name (or None).

    In form data the fields named in ``lists`` may repeat; the ``joined`` one of them (the
    skills) becomes one comma-separated string, as JSON may send it.
    """
    limit = get_settings(request).max_upload_bytes
    body = await read_body(request, limit + FRAMING_BYTES)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in FORM_TYPES:
        return await _from_form(request, limit, model, lists, joined)
    if kind in ("application/json", "") or kind.endswith("+json"):
        check_body(body)
        try:
            return model.model_validate_json(body or b"{}"), None, None
        except ValidationError as exc:
            raise invalid(exc) from None
    raise ApiError(
        415, "unsupported-media-type",
        "Send the request as application/json, or as form data (multipart/form-data to "
        "upload a resume file).",
        {"content_type": kind},
    )  # fmt: skip


async def _from_form(
    request: Request, limit: int, model: type[M], lists: tuple[str, ...], joined: str
) -> tuple[M, bytes | None, str | None]:
    try:
        form = await request.form(max_files=1, max_fields=100, max_part_size=limit)
    except HTTPException as exc:  # malformed multipart, too many parts
        raise ApiError(
            422, "invalid-request", f"The form could not be read: {exc.detail}"
        ) from None
    raw: dict[str, Any] = {}
    upload: UploadFile | None = None
    for name, value in form.multi_items():
        if name == "file":
            if not isinstance(value, UploadFile):
                raise ApiError(422, "invalid-request", "The field 'file' must be a file upload.")
            upload = value
        elif name in lists:
            raw.setdefault(name, []).append(value)
        else:
            raw[name] = value
    if joined in raw:
        raw[joined] = ", ".join(str(s) for s in raw[joined])
    try:
        fields = model.model_validate(raw)
    except ValidationError as exc:
        raise invalid(exc) from None
    if upload is None:
        return fields, None, None
    data = await upload.read()
    return fields, data, clean_text(upload.filename) or None


async def answer(request: Request, work: Callable[[bool, Isolated], object]) -> Response:
    """``work(semantic, isolated)`` run off the event loop, its reading in the reader pool, as
    JSON; a client that left first gets nothing (499 in the access log)."""
    semantic = get_settings(request).semantic
    try:
        report = await in_reader_pool(request, lambda isolated: work(semantic, isolated))
    except Abandoned:
        return Response(status_code=CLIENT_GONE)
    return json_response(report)


def skills_given(given: list[str] | str | None) -> str | tuple[str, ...] | None:
    """Skills as the service takes them: a list as a tuple, one string as it is."""
    return tuple(given) if isinstance(given, list) else given
