"""The home page: what aicareers is, and the ways in (assess, explore, compare)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from ..deps import NavigatorDep
from ..templating import render

router = APIRouter(tags=["pages"])


@router.get("/", include_in_schema=False)
def home(request: Request, nav: NavigatorDep) -> Response:
    """What aicareers does and the 20 careers at a glance."""
    return render(request, "home.html", {"careers": nav.careers()})


@router.get("/healthz", include_in_schema=False)
def health() -> Response:
    """For a load balancer: the process answers."""
    return PlainTextResponse("ok")
