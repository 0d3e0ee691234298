"""The guide's reference lists as JSON: hubs, certifications, resources, statistics, sources,
and a search over everything grouped by kind."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from ...documents import catalog as v
from ...documents import guide_reference as g
from ...service import guide_reference
from ...service.guide_reference import ResourceKind
from ..deps import NavigatorDep
from .common import ApiRoute, documented, errors, json_response

router = APIRouter(tags=["guide"], route_class=ApiRoute)


@router.get(
    "/hubs",
    summary="The cities with the most AI jobs",
    responses=documented(v.HubsView, "The hubs and the note on remote work."),
)
def hubs(nav: NavigatorDep) -> Response:
    """The guide's AI job hubs with employers there, and its note on remote work (as
    `hubs --format json`)."""
    return json_response(nav.hubs())


@router.get(
    "/certifications",
    summary="Certifications worth having",
    responses=documented(list[v.CertificationView], "Every certification."),
)
def certifications(nav: NavigatorDep) -> Response:
    """Every certification with the careers that recommend it (as `certifications --format
    json`)."""
    return json_response(nav.certifications())


@router.get(
    "/resources",
    summary="Places to learn, practise, read and meet people",
    responses={**documented(list[v.ResourceView], "The resources."), **errors(422)},
)
def resources(
    nav: NavigatorDep,
    kind: Annotated[
        ResourceKind | None, Query(description="Only one kind of resource, e.g. course.")
    ] = None,
) -> Response:
    """Learning and community resources, optionally of one kind (as `resources --format
    json`)."""
    return json_response(nav.resources(kind=kind))


@router.get(
    "/statistics",
    summary="The numbers the guide cites",
    responses=documented(list[g.StatisticView], "Each number with its sources."),
)
def statistics(nav: NavigatorDep) -> Response:
    """The guide's statistics, each with its unit, period and sources."""
    return json_response(guide_reference.statistics(nav))


@router.get(
    "/sources",
    summary="Where the guide's facts come from",
    responses=documented(list[g.SourceView], "Every source, the guide first."),
)
def sources(nav: NavigatorDep) -> Response:
    """Every source with how many catalog entries cite it."""
    return json_response(guide_reference.sources(nav))


@router.get(
    "/search",
    summary="Search everything, grouped by kind",
    responses={**documented(g.SearchView, "The hits, careers first."), **errors(422)},
)
def search(
    nav: NavigatorDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            pattern=r"\w",
            description="Words to look for, e.g. nurse.",
        ),
    ],
) -> Response:
    """Careers, skills, certifications, resources and the rest that match `q`, grouped by
    kind; careers whose title matches come first."""
    return json_response(guide_reference.search(nav, q))
