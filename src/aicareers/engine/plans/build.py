"""Build a dated transition plan towards one career from the skills a person lacks.

Pure: the catalog, the career's target, the preferences and the skills the person has go in, a
``Plan`` comes out; no files, no clock (the start date is a preference). The milestones follow
the guide's steps 2 to 5, with certifications between foundations and portfolio:

1. foundations: one learning step per missing skill, its missing prerequisites first;
2. certifications: those whose ``careers`` name this career, free ones only if asked;
3. portfolio: the career's projects, those that use newly learnt skills first;
4. community and 5. practice: the activities of the guide's steps 4 and 5.

The steps themselves are made in ``engine.plan_steps`` (with the caps on certifications and
projects); hours, learning order and due dates follow the rules in ``engine.schedule``.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Sequence

import msgspec

from ...errors import Hint, ProfileError, UnknownIdError, listing
from ...knowledge.lookup import CAREER_IDS, by_id, suggest
from ...knowledge.models import Catalog
from ...knowledge.space import CareerTarget
from .model import ChallengeNote, Milestone, MilestoneId, Plan, PlanStep, Preferences
from .schedule import due_dates
from .steps import (
    StepContext,
    activity_steps,
    cert_keys,
    certification_steps,
    foundation_steps,
    platform_rank,
    project_steps,
    resource_keys,
    slug,
)

# Below half an hour a week even one short course stretches over years, so a plan says nothing
# useful; above 60 hours a week (a full-time job plus overtime) no pace is sustainable, and the
# number is more likely a typo or a monthly figure.
MIN_HOURS_PER_WEEK = 0.5
MAX_HOURS_PER_WEEK = 60.0

# Where the ids a plan's preferences and gaps may name are listed (no web page lists them).
RESOURCES = Hint("see every resource and who offers it", command="aicareers resources")
SKILL_IDS = listing(command="aicareers skills")

# The guide's step numbers behind each milestone; certifications have no step of their own.
_MILESTONES: tuple[tuple[MilestoneId, int | None, str], ...] = (
    ("foundations", 2, "Build foundational knowledge"),
    ("certifications", None, "Earn a recognised certification"),
    ("portfolio", 3, "Build a portfolio"),
    ("community", 4, "Network and engage with the community"),
    ("practice", 5, "Gain practical experience"),
)

# Where each of the guide's challenges bites; None means the plan's first milestone.
_CHALLENGE_PLACES: tuple[tuple[str, tuple[MilestoneId | None, ...]], ...] = (
    ("imposter-syndrome", (None,)),
    ("rapidly-changing-technology", ("foundations",)),
    ("lack-of-formal-credentials", ("certifications", "portfolio")),
    ("breaking-into-competitive-roles", ("practice",)),
)


def check_preferences(preferences: Preferences, catalog: Catalog | None = None) -> None:
    """Raise ``ProfileError`` for an unusable pace or, given ``catalog``, an unknown platform."""
    hours = preferences.hours_per_week
    if not math.isfinite(hours) or hours <= 0:
        raise ProfileError(
            "hours_per_week",
            f"Hours per week must be a positive number, not {hours:g}. Give the time you can "
            "spend learning in a usual week, for example 3.5 (half an hour a day).",
        )
    if not MIN_HOURS_PER_WEEK <= hours <= MAX_HOURS_PER_WEEK:
        raise ProfileError(
            "hours_per_week",
            f"{hours:g} hours a week is outside what a plan can pace: give between "
            f"{MIN_HOURS_PER_WEEK:g} and {MAX_HOURS_PER_WEEK:g} hours (3.5 is half an hour a "
            "day; a full-time learner manages about 40).",
        )
    blank = [p for p in preferences.platforms if not slug(p)]
    if blank:
        raise ProfileError("platforms", "A preferred platform is empty; name it, or leave it out.")
    if catalog is not None:
        _check_platforms(preferences.platforms, catalog)


def _check_platforms(platforms: Sequence[str], catalog: Catalog) -> None:
    keys = [k for r in catalog.resources for k in resource_keys(r)]
    keys += [k for c in catalog.certifications for k in cert_keys(c)]
    for platform in platforms:
        if platform_rank(keys, [platform]) == 0:
            continue
        close = suggest(platform, catalog.resources)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise ProfileError(
            "platforms",
            f"Unknown platform '{platform}': no resource or certification in the catalog comes "
            f"from it.{hint} Use a provider or resource id, such as coursera, edx or "
            "deeplearning-ai.",
            RESOURCES,
        )


def default_gaps(target: CareerTarget, have: Collection[str]) -> list[str]:
    """The career's skills the person lacks, most important first (ties keep listed order)."""
    missing = [s for s in target.skills if s.skill not in have]
    return [s.skill for s in sorted(missing, key=lambda s: -s.importance)]


def _clean_gaps(catalog: Catalog, gaps: Sequence[str], have: Collection[str]) -> list[str]:
    known = {s.id for s in catalog.skills}
    cleaned: list[str] = []
    for gap in gaps:
        if gap not in known:
            raise UnknownIdError("skill", gap, suggest(gap, catalog.skills), SKILL_IDS)
        if gap not in have and gap not in cleaned:
            cleaned.append(gap)
    return cleaned


def _challenges(catalog: Catalog, present: Sequence[MilestoneId]) -> dict[str, list[ChallengeNote]]:
    """Milestone id -> the challenges placed on it (the first of its places in the plan)."""
    known = {c.id: c for c in catalog.challenges}
    placed: dict[str, list[ChallengeNote]] = {}
    for challenge_id, places in _CHALLENGE_PLACES:
        challenge = known.get(challenge_id)
        wanted = [p if p is not None else (present[0] if present else None) for p in places]
        spot = next((p for p in wanted if p is not None and p in present), None)
        if challenge is None or spot is None:
            continue
        note = ChallengeNote(id=challenge.id, name=challenge.name, problem=challenge.problem,
                             remedies=challenge.remedies)  # fmt: skip
        placed.setdefault(spot, []).append(note)
    return placed


def _milestones(catalog: Catalog, steps: Sequence[PlanStep]) -> Iterator[Milestone]:
    """The milestones that have steps, in the fixed order, each due with its last step."""
    present = [m for m, _, _ in _MILESTONES if any(s.milestone == m for s in steps)]
    notes = _challenges(catalog, present)
    titles = {s.number: s.title for s in catalog.steps}
    for milestone, number, fallback in _MILESTONES:
        members = [s for s in steps if s.milestone == milestone]
        if members:
            yield Milestone(
                id=milestone, title=titles.get(number or 0, fallback), due=members[-1].due,
                steps=tuple(s.id for s in members), challenges=tuple(notes.get(milestone, ())),
            )  # fmt: skip


def build_plan(
    catalog: Catalog,
    target: CareerTarget,
    preferences: Preferences,
    *,
    have: Collection[str] = (),
    gaps: Sequence[str] | None = None,
) -> Plan:
    """A dated plan towards ``target``'s career for someone who has the skills in ``have``.

    ``gaps`` are the skills to learn, most important first; by default the career's skills
    not in ``have``. An assessment passes its missing skills as ``gaps`` and its matched skills
    as ``have``. Raises ``ProfileError`` for bad preferences (see ``check_preferences``) and
    ``UnknownIdError`` for a career or gap that is not in the catalog.
    """
    check_preferences(preferences, catalog)
    career = by_id(catalog.careers, target.career, "career", CAREER_IDS)
    have = frozenset(have)
    wanted = _clean_gaps(catalog, default_gaps(target, have) if gaps is None else gaps, have)
    ctx = StepContext(catalog=catalog, target=target, role=career.title, preferences=preferences)
    foundations = foundation_steps(ctx, wanted, have)
    learnt = [s.skills[0] for s in foundations]
    drafts = [
        *foundations,
        *certification_steps(ctx, career),
        *project_steps(ctx, learnt),
        *activity_steps(ctx, "community"),
        *activity_steps(ctx, "practice"),
    ]
    dues = due_dates(preferences.start, (s.hours for s in drafts), preferences.hours_per_week)
    steps = tuple(msgspec.structs.replace(s, due=d) for s, d in zip(drafts, dues, strict=True))
    return Plan(
        career=career.id,
        career_title=career.title,
        preferences=preferences,
        milestones=tuple(_milestones(catalog, steps)),
        steps=steps,
        gaps=tuple(wanted),
        total_hours=sum(s.hours for s in steps),
        finish=steps[-1].due if steps else preferences.start,
    )
