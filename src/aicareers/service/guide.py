"""The parts of the guide the ``Navigator`` does not answer: one skill in full (where it is
needed, how to learn it), the emerging specializations, the challenges of a switch, and the
guide's pay bands beside real pay by level.

Every answer is a document of ``documents.guide``; adapters lay it out or print it as JSON.
"""

from __future__ import annotations

from functools import lru_cache

from ..documents import guide as g
from ..documents.catalog import Link, Ref
from ..errors import CatalogError, listing
from ..knowledge.lookup import by_id
from ..knowledge.models import Catalog, LearningPath
from ..knowledge.space import CareerTarget, load_space
from .catalog import Navigator

# Where every skill id is listed: the hint of an unknown skill.
SKILL_IDS = listing(command="aicareers skills", page="/skills")


@lru_cache(maxsize=4)
def _space(nav: Navigator) -> tuple[CareerTarget, ...]:
    """The career space of the navigator's catalog (read and checked once per navigator)."""
    return load_space(nav.catalog)


def skill_page(nav: Navigator, ident: str) -> g.SkillPage:
    """One skill: the careers that need it (most important first) and how to learn it.

    An unknown id raises ``UnknownIdError`` with the closest skill ids.
    """
    catalog = nav.catalog
    skill = by_id(catalog.skills, ident, "skill", SKILL_IDS)
    titles = {c.id: c.title for c in catalog.careers}
    keys = {c.id: set(c.key_skills) for c in catalog.careers}
    needs = [
        g.SkillNeed(
            career=Ref(id=t.career, name=titles[t.career]),
            importance=w.importance,
            level=w.level,
            key_skill=skill.id in keys[t.career],
        )
        for t in _space(nav)
        for w in t.skills
        if w.skill == skill.id
    ]
    # Stable sort: among equals the guide's order of careers stays.
    needs.sort(key=lambda n: (-n.importance, -n.level))
    groups = tuple(
        Ref(id=grp.id, name=grp.name) for grp in catalog.essential_skills if skill.id in grp.skills
    )
    trends = tuple(t.name for t in catalog.trending_skills if skill.id in t.skills)
    path = next((p for p in catalog.learning_paths if p.skill == skill.id), None)
    return g.SkillPage(
        id=skill.id,
        name=skill.name,
        category=skill.category,
        description=skill.description,
        aliases=skill.aliases,
        needed_by=tuple(needs),
        essential_groups=groups,
        trends=trends,
        learning=None if path is None else _learning(catalog, path),
    )


def _learning(catalog: Catalog, path: LearningPath) -> g.LearningView:
    resources = {r.id: r for r in catalog.resources}
    names = {s.id: s.name for s in catalog.skills}
    return g.LearningView(
        hours=path.hours,
        resources=tuple(
            Link(id=i, name=resources[i].name, url=resources[i].url) for i in path.resources
        ),
        practice=path.practice,
        prerequisites=tuple(Ref(id=i, name=names[i]) for i in path.prerequisites),
        first_step=path.first_step,
        first_step_hours=path.first_step_hours,
    )


def emerging(nav: Navigator) -> list[g.EmergingView]:
    """The specializations the guide expects to grow, in its order."""
    catalog = nav.catalog
    return [
        g.EmergingView(
            id=e.id,
            name=e.name,
            description=e.description,
            sources=nav.source_refs(e.sources),
        )
        for e in catalog.emerging
    ]


def challenges(nav: Navigator) -> list[g.ChallengeView]:
    """The common obstacles of a switch into AI and the ways past each."""
    return [
        g.ChallengeView(id=c.id, name=c.name, problem=c.problem, remedies=c.remedies)
        for c in nav.catalog.challenges
    ]


def bands_page(nav: Navigator) -> g.BandsPage:
    """The guide's pay bands with its date, and real pay by level when the data is installed."""
    return g.BandsPage(
        published=nav.catalog.guide.published.isoformat(),
        bands=nav.salary_bands(),
        market=market_levels(nav),
    )


@lru_cache(maxsize=4)
def market_levels(nav: Navigator) -> g.MarketLevels | None:
    """Percentiles of real pay by experience level across the salary data; None without it.

    One pass over the data, kept for the navigator's life: the data does not change while the
    app runs.
    """
    from .market import SalaryFilters, salaries  # loads numpy: only when pay is asked for

    try:
        report = salaries(SalaryFilters(), "level", nav.catalog)
    except CatalogError:  # the salary data is not installed: the guide's bands stand alone
        return None
    levels = tuple(
        g.LevelPay(
            key=grp.key, label=grp.label, n=grp.n, p10=grp.p10, p25=grp.p25, p50=grp.p50,
            p75=grp.p75, p90=grp.p90, suppressed=grp.suppressed,
        )
        for grp in report.groups
    )  # fmt: skip
    src = report.source
    return g.MarketLevels(
        levels=levels, source=src.name, url=src.url, license=src.license, rows=src.rows
    )
