"""Careers from the catalog: the list, one career, a comparison, and the guide's pay bands."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from ...documents import catalog as v
from ...service.catalog import MAX_COMPARED, MIN_COMPARED, CareerFilter
from ..deps import NavigatorDep
from .common import ApiRoute, documented, errors, json_response

router = APIRouter(tags=["careers"], route_class=ApiRoute)


# Python's strip() (the server's) also drops control characters such as \x1e that JSON
# Schema's \s does not cover, so the ends exclude them explicitly.
_END = r"[^,\s\u0000-\u001f\u007f-\u009f]"
ID_PATTERN = rf"^{_END}([^,]*{_END})?$"


@router.get(
    "/careers",
    summary="List the 20 careers",
    responses={**documented(list[v.CareerSummary], "Every career."), **errors(422)},
)
def list_careers(
    nav: NavigatorDep,
    sort: Annotated[
        Literal["rank", "title", "salary"],
        Query(description="rank: the guide's order; title: A to Z; salary: highest midpoint."),
    ] = "rank",
    min_pay: Annotated[
        int | None, Query(ge=0, description="Only careers whose pay range starts at this or more.")
    ] = None,
    skill: Annotated[
        str | None, Query(description="Only careers with this key skill (an id).")
    ] = None,
    background: Annotated[
        str | None, Query(description="Only careers that suit this background (an id).")
    ] = None,
) -> Response:
    """The careers with their pay range and key skills (as `careers list --format json`),
    optionally only those over a pay, with a key skill or suiting a background."""
    where = CareerFilter(min_pay=min_pay, skill=skill, background=background)
    return json_response(nav.careers(sort, where))


@router.get(
    "/careers/{career_id}",
    summary="One career in full",
    responses={**documented(v.CareerPage, "The career."), **errors(404)},
)
def show_career(
    nav: NavigatorDep,
    career_id: Annotated[str, Path(description="A career id.", examples=["mlops-engineer"])],
) -> Response:
    """Duties, pay and its source, key skills, backgrounds, how to break in (`careers show`).

    An unknown id answers 404 with the closest ids in `details.suggestions`.
    """
    return json_response(nav.career(career_id))


@router.get(
    "/compare",
    summary="Compare two to four careers",
    responses={**documented(v.Comparison, "The careers side by side."), **errors(404, 422)},
)
def compare(
    nav: NavigatorDep,
    ids: Annotated[
        list[str],
        Query(
            description="Two to four different career ids: ?ids=a&ids=b (or ?ids=a,b).",
            examples=[["prompt-engineer", "mlops-engineer"]],
            # The schema states the server's count check (the comma form is a shorthand).
            json_schema_extra={
                "minItems": MIN_COMPARED,
                "maxItems": MAX_COMPARED,
                "uniqueItems": True,
                "items": {"type": "string", "pattern": ID_PATTERN},
            },
        ),
    ],
) -> Response:
    """Careers side by side with the key skills they share (`careers compare --format json`)."""
    wanted = [part.strip() for item in ids for part in item.split(",") if part.strip()]
    return json_response(nav.compare(wanted))


@router.get(
    "/salaries/bands",
    summary="The guide's pay by experience level",
    tags=["salaries"],
    responses=documented(v.BandsView, "Entry, mid and senior pay by role."),
)
def salary_bands(nav: NavigatorDep) -> Response:
    """Pay by experience level, as `salaries bands --format json`."""
    return json_response(nav.salary_bands())
