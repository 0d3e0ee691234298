"""The rest of the guide as JSON: skills, one skill, the five steps, emerging specializations
and the challenges of a switch (the guide's pay bands are in ``catalog``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from ...documents import catalog as v
from ...documents import guide as g
from ...service import guide
from ..deps import NavigatorDep
from .common import ApiRoute, documented, errors, json_response

router = APIRouter(tags=["guide"], route_class=ApiRoute)


@router.get(
    "/skills",
    summary="Skills and the careers that need them",
    responses={**documented(v.SkillsView, "The skills."), **errors(404)},
)
def list_skills(
    nav: NavigatorDep,
    career: Annotated[
        str | None, Query(description="Only this career's key skills (a career id).")
    ] = None,
) -> Response:
    """Every skill by category with the careers that list it, the skills every AI career draws
    on and the skills on the rise (as `skills --format json`).

    An unknown career answers 404 with the closest ids in `details.suggestions`.
    """
    return json_response(nav.skills(career=career))


@router.get(
    "/skills/{skill_id}",
    summary="One skill: where it is needed and how to learn it",
    responses={**documented(g.SkillPage, "The skill."), **errors(404)},
)
def show_skill(
    nav: NavigatorDep,
    skill_id: Annotated[str, Path(description="A skill id.", examples=["python"])],
) -> Response:
    """The careers that need the skill, with how central it is and the level each asks for
    (1 to 5, most important first), and the hours, resources and practice that teach it.

    An unknown id answers 404 with the closest ids in `details.suggestions`.
    """
    return json_response(guide.skill_page(nav, skill_id))


@router.get(
    "/steps",
    summary="The five steps of a switch into AI",
    responses=documented(list[v.StepView], "The steps, in order."),
)
def list_steps(nav: NavigatorDep) -> Response:
    """The steps with their actions; Step 1 pairs backgrounds with the careers they lead to
    most easily (as `steps --format json`)."""
    return json_response(nav.steps())


@router.get(
    "/emerging",
    summary="Specializations expected to grow",
    responses=documented(list[g.EmergingView], "The emerging specializations."),
)
def list_emerging(nav: NavigatorDep) -> Response:
    """The specializations the guide expects to grow after its date, with its sources."""
    return json_response(guide.emerging(nav))


@router.get(
    "/challenges",
    summary="The common obstacles of a switch, and ways past them",
    responses=documented(list[g.ChallengeView], "The four challenges."),
)
def list_challenges(nav: NavigatorDep) -> Response:
    """Each obstacle, what it feels like and the remedies that help."""
    return json_response(guide.challenges(nav))
