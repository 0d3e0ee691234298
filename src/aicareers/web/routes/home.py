"""The home page: what aicareers is, and the ways in (assess, explore by background, browse
the careers by family)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from ...service.guide_reference import career_families
from ..deps import NavigatorDep
from ..templating import render

router = APIRouter(tags=["pages"])


@router.get("/", include_in_schema=False)
def home(request: Request, nav: NavigatorDep) -> Response:
    """Where to start, and the careers grouped by the kind of work."""
    families = career_families(nav)
    count = sum(len(f.careers) for f in families)
    return render(request, "home.html", {"families": families, "count": count})


@router.get("/healthz", include_in_schema=False)
def health() -> Response:
    """For a load balancer: the process answers."""
    return PlainTextResponse("ok")
