"""Pages of the guide beyond the careers: the five steps, the skills and one skill, emerging
specializations, the challenges of a switch, and pay by experience level.

Each page reads the same documents the CLI prints (``Navigator`` and ``service.guide``); an
unknown skill is a 404 page with the closest skills.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from ...documents.catalog import Ref, SkillEntry, SkillsView
from ...errors import UnknownIdError
from ...service import guide
from ...service.catalog import Navigator
from ..deps import NavigatorDep
from ..templating import render

router = APIRouter()

# The order and titles of the skill categories on the skills page.
CATEGORY_NAMES = {
    "technical": "Technical skills",
    "design": "Design skills",
    "soft": "Soft skills",
    "business": "Business skills",
    "domain": "Domain knowledge",
}


def background_link(nav: Navigator, background: str) -> str:
    """Where a background of Step 1 leads: the careers that suit it.

    The assessment form has no background field (it reads the background from a resume), so
    the careers list filtered by the background is the nearest page to start from.
    """
    _, backgrounds = nav.filter_choices()
    return f"/careers?background={background}" if background in backgrounds else "/careers"


@router.get("/steps", response_class=HTMLResponse)
async def steps_page(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """The five steps, with Step 1's backgrounds and the careers each leads to as a table."""
    steps = nav.steps()
    links = {
        t.background.id: background_link(nav, t.background.id) for s in steps for t in s.transitions
    }
    titles = {b.id: b.titles[0] for b in nav.catalog.backgrounds if b.titles}
    assess = {
        t.background.id: f"/assess?{urlencode({'title': titles[t.background.id]})}"
        for s in steps for t in s.transitions if t.background.id in titles
    }  # fmt: skip
    context = {"steps": steps, "background_links": links, "assess_links": assess}
    return render(request, "guide_steps.html", context)


@lru_cache(maxsize=4)
def _skills(nav: Navigator) -> tuple[SkillsView, dict[str, tuple[Ref, ...]]]:
    """Every skill, and the careers that list each as a key skill (by skill id)."""
    view = nav.skills()
    return view, {s.id: s.careers for s in view.skills}


def _by_category(entries: tuple[SkillEntry, ...]) -> list[tuple[str, list[SkillEntry]]]:
    """The skills grouped by category, the known categories first in their order."""
    order = dict.fromkeys([*CATEGORY_NAMES, *(s.category for s in entries)])
    grouped = [(c, [s for s in entries if s.category == c]) for c in order]
    return [(c, found) for c, found in grouped if found]


@router.get("/skills", response_class=HTMLResponse)
async def skills_page(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """The essential skills, the skills on the rise and every skill, each linked to its page."""
    view, needed = _skills(nav)
    context = {
        "view": view, "needed": needed, "by_category": _by_category(view.skills),
        "category_names": CATEGORY_NAMES,
    }  # fmt: skip
    return render(request, "guide_skills.html", context)


@router.get("/skills/{skill_id}", response_class=HTMLResponse)
async def skill_page(request: Request, skill_id: str, nav: NavigatorDep) -> HTMLResponse:
    """One skill: the careers that need it and how to learn it; unknown: 404 with suggestions."""
    try:
        skill = guide.skill_page(nav, skill_id)
    except UnknownIdError as exc:
        names = {s.id: s.name for s in nav.catalog.skills}
        missing = {
            "given": exc.given,
            "suggestions": [Ref(id=i, name=names[i]) for i in exc.suggestions],
        }
        return render(request, "guide_skill_missing.html", missing, status_code=404)
    category = CATEGORY_NAMES.get(skill.category, skill.category.capitalize())
    return render(request, "guide_skill.html", {"skill": skill, "category_name": category})


@router.get("/emerging", response_class=HTMLResponse)
async def emerging_page(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """The specializations the guide expects to grow."""
    return render(request, "guide_emerging.html", {"items": guide.emerging(nav)})


@router.get("/challenges", response_class=HTMLResponse)
async def challenges_page(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """The four obstacles of a switch and their remedies."""
    return render(request, "guide_challenges.html", {"items": guide.challenges(nav)})


@router.get("/salaries/bands", response_class=HTMLResponse)
async def bands_page(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """The guide's pay bands, dated, beside real pay by level from the salary data."""
    # The first call reads the salary data (about a second): off the event loop; later calls
    # are cache hits.
    page = await run_in_threadpool(guide.bands_page, nav)
    context: dict[str, Any] = {"page": page}
    return render(request, "guide_bands.html", context)
