"""A career's pay where the person lives: the guide, AI job-title salaries and the wage survey."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from .common import ApiRoute, documented, errors, json_response

router = APIRouter(tags=["salaries"], route_class=ApiRoute)

# A place is a few words: the schema says so, and the server refuses longer text the same way.
MAX_PLACE = 100


def _pay_schema() -> dict[int | str, dict[str, object]]:
    from ...service.pay import LocalCareerPay

    return documented(
        LocalCareerPay, "Three sources side by side, the base occupations and job searches."
    )


@router.get(
    "/careers/{career_id}/pay",
    summary="A career's pay where you live",
    responses={**_pay_schema(), **errors(404, 422)},
)
def career_pay(
    career_id: Annotated[
        str, Path(description="A career id.", examples=["ai-assisted-healthcare-coordinator"])
    ],
    place: Annotated[
        str | None,
        Query(
            description=(
                "A U.S. state (TX or Texas), a city with its state (Columbus, OH) or a "
                "country (Germany); left out, the United States as a whole."
            ),
            max_length=MAX_PLACE,
            examples=["TX"],
        ),
    ] = None,
) -> Response:
    """The guide's range, the AI job-title salaries (from 10 salaries up) and the pay of the
    occupations the role grows from, in a U.S. state, the U.S. or another country.

    The base occupations are what people already in those jobs earn (BLS OEWS, May 2025),
    never the AI role's own pay; a figure the survey did not publish is null, never 0.
    `links` are job-board searches built for the person to open; the server fetches none.
    An unknown career answers 404 with close ids; a place we cannot read answers 422.
    """
    from ...service.pay import career_pay as pay_in

    return json_response(pay_in(career_id, place))
