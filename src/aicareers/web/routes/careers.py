"""Pages to explore the careers: the list, one career and a comparison.

The catalog is read through the ``Navigator`` and real pay through ``aicareers.market``; a bad
filter answers the form again with a message (422, or 404 for an unknown career), never a 500.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from ...documents.catalog import CareerPage, Link
from ...errors import UnknownIdError, UserInputError
from ...service.catalog import CareerFilter, Navigator
from ..deps import NavigatorDep
from ..errors import page_message
from ..page_parts import CareerMarket, chart_of, is_partial, one_of, query_values, whole_number
from ..pay_parts import pay_section_async, place_text
from ..templating import render

router = APIRouter()

SORTS = {"rank": "The guide's order", "title": "Title, A to Z", "salary": "Pay, highest first"}


@lru_cache(maxsize=4)
def _choices(nav: Navigator) -> tuple[dict[str, str], dict[str, str]]:
    """Skills and backgrounds that at least one career names, by name: the filter lists."""
    return nav.filter_choices()


@lru_cache(maxsize=256)
def options(pairs: tuple[tuple[str, str], ...], selected: str) -> Markup:
    """``<option>`` elements for (id, name) pairs, made once: escaping 98 of them on every
    request was 40 % of the careers page's rendering time."""
    return Markup("").join(
        Markup('<option value="{}"{}>{}</option>').format(
            value, Markup(" selected") if value == selected else "", name
        )
        for value, name in pairs
    )


# The two catalog pages run on the event loop rather than in the thread pool: they only read
# the catalog in memory (and, for a signed-in user, one session row by primary key), and the
# hop to a worker thread cost a third of their throughput (docs/web.md, Speed).
@router.get("/careers", response_class=HTMLResponse)
async def careers_list(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """The careers, filtered by pay, skill and background, in the order asked for."""
    form = query_values(request, ("min_pay", "skill", "background", "sort"))
    skills, backgrounds = _choices(nav)
    problems: list[str] = []
    min_pay = whole_number(form["min_pay"], "The lowest pay", problems)
    skill = one_of(form["skill"], skills, "skill", problems)
    background = one_of(form["background"], backgrounds, "background", problems)
    sort = one_of(form["sort"], SORTS, "sort order", problems) or "rank"
    rows = nav.careers(sort, CareerFilter(min_pay=min_pay, skill=skill, background=background))
    partial = is_partial(request)
    context = {
        "form": form, "careers": rows, "total": len(nav.catalog.careers), "problems": problems,
        "skills": skills, "backgrounds": backgrounds, "sorts": SORTS,
        "skill_options": options(tuple(skills.items()), form["skill"]),
        "background_options": options(tuple(backgrounds.items()), form["background"]),
    }  # fmt: skip
    status = 422 if problems and not partial else 200  # htmx swaps only 2xx answers
    name = "careers_results.html" if partial else "careers_list.html"
    return render(request, name, context, status_code=status, headers={"Vary": "HX-Request"})


@lru_cache(maxsize=64)
def career_market(nav: Navigator, career_id: str) -> CareerMarket | None:
    """The salary data by level for one career, with its chart (None if the data is missing)."""
    from ...service.market import career_market as market
    from ...service.market import charts_for

    report = market(career_id, nav.catalog)
    if report is None:  # the salary data is not installed: the page shows the guide only
        return None
    by_level = [c for c in charts_for(report, "level", nav.catalog) if c.kind == "groups"]
    return CareerMarket(report, chart_of(by_level[0], "pay") if by_level else None)


_DRAWN: set[tuple[Navigator, str]] = set()  # the (navigator, career) pairs already cached


async def market_section(nav: Navigator, career_id: str) -> CareerMarket | None:
    """``career_market`` for an async page: the first, uncached call (reading the salary data
    and drawing with matplotlib, about a second) runs in a worker thread, so the event loop
    keeps answering other requests meanwhile; later calls are cache hits and stay inline."""
    if (nav, career_id) in _DRAWN:
        return career_market(nav, career_id)
    market = await run_in_threadpool(career_market, nav, career_id)
    _DRAWN.add((nav, career_id))
    return market


def _named(page: CareerPage, attribute: str) -> list[Link]:
    """The certifications or resources the career's break-in steps name, each once."""
    found: dict[str, Link] = {}
    for step in page.break_in:
        for link in getattr(step, attribute):
            found.setdefault(link.id, link)
    return list(found.values())


@router.get("/careers/{career_id}", response_class=HTMLResponse)
async def career_detail(request: Request, career_id: str, nav: NavigatorDep) -> HTMLResponse:
    """Everything about one career; an unknown id is a 404 page with the closest ids.

    ``?place=TX`` (or ``state``, or a typed place such as "Columbus, OH") shows its pay there;
    a place we cannot read answers 422 with the rest of the page and a message.
    """
    try:
        page = nav.career(career_id)
    except UnknownIdError as exc:
        cards = {c.id: c for c in nav.careers()}
        missing = {"given": exc.given, "suggestions": [cards[i] for i in exc.suggestions]}
        return render(request, "careers_missing.html", missing, status_code=404)
    place = place_text(query_values(request, ("place", "state")))
    local = await pay_section_async(page.id, place, f"/careers/{page.id}")
    context = {
        "page": page, "market": await market_section(nav, page.id), "local": local,
        "certifications": _named(page, "certifications"), "resources": _named(page, "resources"),
    }  # fmt: skip
    return render(
        request, "careers_detail.html", context, status_code=422 if local.problem else 200
    )


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """Two to four careers side by side, and the form to choose them."""
    chosen = [i.strip() for i in request.query_params.getlist("ids") if i.strip()]
    context: dict[str, Any] = {"chosen": chosen, "comparison": None, "problem": None,
                               "suggestions": [], "markets": {}}  # fmt: skip
    context["options"] = {c.id: c.title for c in nav.careers(sort="title")}
    status = 200
    if chosen:
        try:
            comparison = nav.compare(chosen)
        except UnknownIdError as exc:
            context["problem"] = f"There is no career with the id '{exc.given}'."
            context["suggestions"] = [(i, context["options"][i]) for i in exc.suggestions]
            status = 404
        except UserInputError as exc:
            context["problem"] = page_message(exc)
            status = 422
        else:
            context["comparison"] = comparison
            context["markets"] = {p.id: career_market(nav, p.id) for p in comparison.careers}
    return render(request, "compare.html", context, status_code=status)
