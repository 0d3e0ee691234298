"""The guide's reference pages: AI job hubs, certifications, learning resources by kind, the
guide's statistics, all sources, and the search behind the header's search box."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...errors import UserInputError
from ...service import guide_reference
from ...service.guide_reference import RESOURCE_TITLES
from ..deps import NavigatorDep
from ..errors import page_message
from ..templating import render

router = APIRouter()


@router.get("/hubs", response_class=HTMLResponse)
def hubs(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """The cities with the most AI jobs, and why living elsewhere matters less now."""
    return render(request, "reference_hubs.html", {"view": nav.hubs()})


@router.get("/certifications", response_class=HTMLResponse)
def certifications(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """Every certification by group, with its status and the careers it suits."""
    cards = guide_reference.certification_cards(nav)
    groups: dict[str, list[object]] = {}
    for card in cards:
        groups.setdefault(card.certification.group, []).append(card)
    return render(request, "reference_certifications.html", {"groups": groups})


@router.get("/resources", response_class=HTMLResponse)
def resources(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """Resources in sections by kind; ``?kind=`` shows one section (an unknown kind answers
    the page with a message and 422)."""
    kind = request.query_params.get("kind", "").strip() or None
    problem = None
    try:
        sections = guide_reference.resource_sections(nav, kind)
    except UserInputError as exc:
        problem, sections = page_message(exc), guide_reference.resource_sections(nav)
    context = {"sections": sections, "kind": kind, "kinds": RESOURCE_TITLES, "problem": problem}
    return render(request, "reference_resources.html", context, 422 if problem else 200)


@router.get("/statistics", response_class=HTMLResponse)
def statistics(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """The numbers the guide cites, each with its sources."""
    return render(request, "reference_statistics.html", {"stats": guide_reference.statistics(nav)})


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """Every source the guide's facts come from."""
    return render(request, "reference_sources.html", {"sources": guide_reference.sources(nav)})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """Everything matching the header's search box, grouped by kind, careers first."""
    text = request.query_params.get("q", "").strip()[:200]
    view = guide_reference.search(nav, text) if text else None
    return render(request, "search.html", {"q": text, "view": view})
