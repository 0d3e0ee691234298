"""Read-only links: share a plan, stop sharing it, and the page the link opens.

The owner's two buttons are forms (CSRF-checked like every form of the page routers). The
shared page needs no account: its token is the key. It shows the plan and its progress without
buttons or notes, prints cleanly, and tells search engines and the sites it links to nothing:
``noindex``, no Referer, no caching (a link that was stopped must stop showing the plan).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from ...errors import UnknownIdError
from ...service.plan_shares import Sharing, read_shared, share_url
from ..deps import UserDep, get_planner, get_store
from ..headers import SHARED_PLAN
from ..plan_view import plan_view
from ..templating import render
from .plans import render_plan

router = APIRouter()


@router.post("/plans/{plan_id:int}/share")
def share_plan(request: Request, plan_id: int, user: UserDep) -> Response:
    """Make a read-only link (the old one stops working) and show it, this once."""
    token = Sharing(get_store(request), user.id).share(plan_id)
    link = share_url(str(request.base_url), token)
    record = get_planner(request, user).get(plan_id)
    return render_plan(
        request, user, record, headers={"Cache-Control": "no-store"}, share_link=link
    )


@router.post("/plans/{plan_id:int}/share/stop")
def stop_sharing(request: Request, plan_id: int, user: UserDep) -> Response:
    """The plan's link stops working at once; back to the plan."""
    Sharing(get_store(request), user.id).revoke(plan_id)
    return RedirectResponse(f"/plans/{plan_id}#share", 303)


@router.get("/shared/{token}")
def shared_plan(request: Request, token: str) -> Response:
    """The plan a link opens, read-only; a link never made or no longer shared is a 404 page."""
    try:
        shared = read_shared(get_store(request), token)
    except UnknownIdError:
        return render(request, "shared_missing.html", {}, status_code=404, headers=SHARED_PLAN)
    context = plan_view(shared.plan, shared.progress, owner=False)
    return render(request, "shared.html", context, headers=SHARED_PLAN)
