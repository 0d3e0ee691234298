"""O*NET occupations: code a job title, and the occupations most alike in content."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from ...documents.occupations import SimilarOccupations, TitleCoding
from ...service import occupations as service
from .common import ApiRoute, documented, errors, json_response

router = APIRouter(tags=["occupations"], route_class=ApiRoute)


@router.get(
    "/occupations/code",
    summary="Code a job title to O*NET-SOC",
    responses={**documented(TitleCoding, "The title as read, and its occupations."),
               **errors(422)},
)
def code_title(
    title: Annotated[
        str,
        Query(
            min_length=1,
            max_length=300,
            description="A job title as written.",
            examples=["Sr. RN - ICU nights"],
        ),
    ],
    top: Annotated[int, Query(ge=1, le=50, description="How many occupations.")] = 5,
) -> Response:
    """The most likely occupations for a title, with confidence (`occupations code`)."""
    return json_response(service.code_title(title, top))


@router.get(
    "/occupations/{code}/similar",
    summary="Occupations alike in content",
    responses={**documented(SimilarOccupations, "The occupation and its list."),
               **errors(404, 422)},
)
def similar(
    code: Annotated[str, Path(description="An O*NET-SOC code.", examples=["15-1252.00"])],
    top: Annotated[int, Query(ge=1, le=service.MAX_TOP, description="How many occupations.")] = 10,
    onet_related: Annotated[
        bool, Query(description="O*NET's own Related Occupations list instead of ours.")
    ] = False,
) -> Response:
    """Occupations most alike in tasks, activities, skills, knowledge, technology and titles.

    The same document as `occupations similar CODE --format json`; an unknown code is 404.
    """
    return json_response(service.similar(code, top, onet_related))
