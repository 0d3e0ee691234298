"""A multipart form with one uploaded file and option fields, as the file endpoints take it.

The postings analysis and the cohort report both take a file plus a few options; one reader
gives both the same answers: 415 for a body that is not a form, 422 naming what is missing or
which field is wrong.
"""

from __future__ import annotations

from typing import TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from ..errors import ApiError
from .common import invalid

Options = TypeVar("Options", bound=BaseModel)
FORM_KINDS = ("multipart/form-data", "application/x-www-form-urlencoded")


async def read_file_form(
    request: Request, model: type[Options], what: str, max_fields: int
) -> tuple[Options, UploadFile]:
    """The options (validated by ``model``) and the file of the form's ``file`` field.

    ``what`` names the file in messages ("the postings", "the results").
    """
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in FORM_KINDS:
        raise ApiError(415, "unsupported-media-type",
                       f"Send {what} as multipart/form-data with a 'file' field.")  # fmt: skip
    try:
        form = await request.form(max_files=1, max_fields=max_fields)
    except HTTPException as exc:
        said = f"The form could not be read: {exc.detail}"
        raise ApiError(422, "invalid-request", said) from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(422, "invalid-request", f"Attach {what} as a file in the 'file' field.")
    fields = {k: v for k, v in form.multi_items() if k != "file"}
    try:
        return model.model_validate(fields), upload
    except ValidationError as exc:
        raise invalid(exc) from None
