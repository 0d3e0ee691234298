"""Cross-reference checks that a schema alone cannot express.

All problems are collected and reported together, so one run of the tests shows every broken
reference instead of the first one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from ..errors import CatalogError
from .lookup import HasIdAndName
from .models import Catalog, Checked, Money

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A prefix of an O*NET-SOC code: "29-", "15-1252" or a full "11-9199.02".
SOC_PREFIX = re.compile(r"^\d\d-(?:\d{1,4}(?:\.\d\d)?)?$")


def _duplicates(kind: str, ids: Iterable[str]) -> Iterator[str]:
    for ident, count in Counter(ids).items():
        if count > 1:
            yield f"{kind}: id '{ident}' is used {count} times"
        if not SLUG.match(ident):
            yield f"{kind}: id '{ident}' is not a lowercase slug (letters, digits, hyphens)"


def _missing(where: str, kind: str, refs: Iterable[str], known: set[str]) -> Iterator[str]:
    for ref in refs:
        if ref not in known:
            yield f"{where}: refers to unknown {kind} '{ref}'"


def _hours(where: str, hours: float | None) -> Iterator[str]:
    if hours is not None and hours <= 0:
        yield f"{where}: hours must be positive, not {hours}"


def _money(where: str, money: Money, sources: set[str]) -> Iterator[str]:
    if money.min > money.max:
        yield f"{where}: salary min {money.min} is above max {money.max}"
    if money.min < 0:
        yield f"{where}: salary min {money.min} is negative"
    if not money.sources:
        yield f"{where}: salary names no source"
    yield from _missing(where, "source", money.sources, sources)


def _ids(catalog: Catalog) -> dict[str, set[str]]:
    return {
        "career": {c.id for c in catalog.careers},
        "skill": {s.id for s in catalog.skills},
        "source": {s.id for s in catalog.sources},
        "resource": {r.id for r in catalog.resources},
        "certification": {c.id for c in catalog.certifications},
        "tool": {t.id for t in catalog.tools},
        "organization": {o.id for o in catalog.organizations},
        "background": {b.id for b in catalog.backgrounds},
    }


def _check_unique(catalog: Catalog) -> Iterator[str]:
    groups: dict[str, Sequence[HasIdAndName]] = {
        "careers": catalog.careers, "emerging": catalog.emerging, "skills": catalog.skills,
        "essential_skills": catalog.essential_skills, "backgrounds": catalog.backgrounds,
        "steps": catalog.steps, "salary_bands": catalog.salary_bands, "hubs": catalog.hubs,
        "certifications": catalog.certifications, "resources": catalog.resources,
        "tools": catalog.tools, "organizations": catalog.organizations,
        "challenges": catalog.challenges, "statistics": catalog.statistics,
        "sources": catalog.sources,
    }  # fmt: skip
    for name, items in groups.items():
        yield from _duplicates(name, (item.id for item in items))


def _check_careers(catalog: Catalog, ids: dict[str, set[str]]) -> Iterator[str]:
    for career in catalog.careers:
        where = f"careers: {career.id}"
        yield from _money(where, career.salary, ids["source"])
        yield from _missing(where, "skill", career.key_skills, ids["skill"])
        yield from _missing(where, "tool", career.tools, ids["tool"])
        yield from _missing(where, "organization", career.employers, ids["organization"])
        yield from _missing(where, "source", career.sources, ids["source"])
        if not career.sources:
            yield f"{where}: names no source"
        for bg in career.backgrounds:
            yield from _missing(where, "background", [bg.background], ids["background"])
        for step in career.break_in:
            yield from _missing(where, "resource", step.resources, ids["resource"])
            yield from _missing(where, "certification", step.certifications, ids["certification"])
            yield from _missing(where, "tool", step.tools, ids["tool"])
            yield from _missing(where, "organization", step.organizations, ids["organization"])


def _check_steps(catalog: Catalog, ids: dict[str, set[str]]) -> Iterator[str]:
    numbers = [step.number for step in catalog.steps]
    if numbers != list(range(1, len(numbers) + 1)):
        yield f"steps: numbers must run 1, 2, 3, ... in order, found {numbers}"
    for step in catalog.steps:
        where = f"steps: {step.id}"
        for item in step.items:
            yield from _missing(where, "resource", item.resources, ids["resource"])
            yield from _missing(where, "organization", item.organizations, ids["organization"])
        for pair in step.transitions:
            yield from _missing(where, "background", [pair.background], ids["background"])
            yield from _missing(where, "career", pair.careers, ids["career"])


def _check_bands(catalog: Catalog, ids: dict[str, set[str]]) -> Iterator[str]:
    previous_max: int | None = -1
    for band in catalog.salary_bands:
        where = f"salary_bands: {band.id}"
        yield from _missing(where, "source", band.sources, ids["source"])
        if previous_max is None or band.min_years != previous_max + 1:
            yield f"{where}: starts at {band.min_years} years, not right after the level before"
        if band.max_years is not None and band.max_years < band.min_years:
            yield f"{where}: max_years is below min_years"
        previous_max = band.max_years
        for role in band.roles:
            yield from _money(f"{where}: {role.title}", role.salary, ids["source"])
            if role.career is not None:
                yield from _missing(where, "career", [role.career], ids["career"])


def _check_sourced(catalog: Catalog, ids: dict[str, set[str]]) -> Iterator[str]:
    """Everything else that names sources or other entries."""
    sourced = [
        *(("resources", r.id, r.sources) for r in catalog.resources),
        *(("certifications", c.id, c.sources) for c in catalog.certifications),
        *(("organizations", o.id, o.sources) for o in catalog.organizations),
        *(("hubs", h.id, h.sources) for h in catalog.hubs),
        *(("emerging", e.id, e.sources) for e in catalog.emerging),
        *(("statistics", s.id, s.sources) for s in catalog.statistics),
        *(("trending_skills", t.name, t.sources) for t in catalog.trending_skills),
        ("guide", "guide", catalog.guide.sources),
    ]
    for kind, ident, sources in sourced:
        yield from _missing(f"{kind}: {ident}", "source", sources, ids["source"])
    for stat in catalog.statistics:
        if not stat.sources:
            yield f"statistics: {stat.id}: names no source"
    for hub in catalog.hubs:
        orgs = hub.organizations
        yield from _missing(f"hubs: {hub.id}", "organization", orgs, ids["organization"])
    for bg in catalog.backgrounds:
        bad = [p for p in bg.soc if not SOC_PREFIX.match(p)]
        yield from (f"backgrounds: {bg.id}: '{p}' is not an O*NET-SOC code prefix" for p in bad)
    for group in catalog.essential_skills:
        yield from _missing(f"essential_skills: {group.id}", "skill", group.skills, ids["skill"])
    for trend in catalog.trending_skills:
        yield from _missing(f"trending_skills: {trend.name}", "skill", trend.skills, ids["skill"])


def _cycles(graph: dict[str, tuple[str, ...]]) -> Iterator[list[str]]:
    """Each cycle of ``graph`` (node -> the nodes it needs) met by a depth-first walk."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> Iterator[list[str]]:
        if node in path:
            yield [*path[path.index(node) :], node]
            return
        if node in done:
            return
        for needed in graph.get(node, ()):
            yield from visit(needed, [*path, node])
        done.add(node)

    for start in graph:
        yield from visit(start, [])


def _check_learning_paths(catalog: Catalog, ids: dict[str, set[str]]) -> Iterator[str]:
    """One path per skill, every skill covered, links known, prerequisites acyclic."""
    counts = Counter(p.skill for p in catalog.learning_paths)
    yield from (
        f"learning_paths: skill '{s}' has {n} paths, keep one" for s, n in counts.items() if n > 1
    )
    yield from (f"learning_paths: skill '{s.id}' has no path" for s in catalog.skills
                if s.id not in counts)  # fmt: skip
    for path in catalog.learning_paths:
        where = f"learning_paths: {path.skill}"
        yield from _missing(where, "skill", [path.skill], ids["skill"])
        yield from _missing(where, "resource", path.resources, ids["resource"])
        yield from _missing(where, "prerequisite skill", path.prerequisites, ids["skill"])
        yield from _hours(where, path.hours)
        if not path.resources:
            yield f"{where}: resources is empty, name at least one"
        if not path.practice.strip():
            yield f"{where}: practice is empty"
    graph = {p.skill: p.prerequisites for p in catalog.learning_paths}
    for cycle in _cycles(graph):
        yield f"learning_paths: prerequisites go round in a circle: {' -> '.join(cycle)}"


def _check_certifications(catalog: Catalog, ids: dict[str, set[str]]) -> Iterator[str]:
    """Known careers, a source for every status but active, and families as slugs."""
    for cert in catalog.certifications:
        where = f"certifications: {cert.id}"
        yield from _missing(where, "career", cert.careers, ids["career"])
        yield from _hours(where, cert.hours)
        outside = [c for c in cert.employers_ask if c not in cert.careers]
        yield from (f"{where}: employers_ask names '{c}', which is not in its careers"
                    for c in outside)  # fmt: skip
        if cert.status != "active" and cert.status_source is None:
            yield f"{where}: status is {cert.status} but no status_source says where we read it"
        if cert.status_source is not None:
            yield from _missing(where, "source", [cert.status_source], ids["source"])
        if cert.status == "retiring" and cert.retires is None:
            yield f"{where}: a retiring certification needs its last exam day in retires"
        if cert.family is not None and not SLUG.match(cert.family):
            yield f"{where}: family '{cert.family}' is not a lowercase slug"


def _check_statuses(catalog: Catalog, ids: dict[str, set[str]]) -> Iterator[str]:
    """A resource or organisation that is not active says where we read so."""
    marked = [
        *(("resources", r.id, r.status, r.status_source) for r in catalog.resources),
        *(("organizations", o.id, o.status, o.status_source) for o in catalog.organizations),
    ]
    for kind, ident, status, source in marked:
        where = f"{kind}: {ident}"
        if status != "active" and source is None:
            yield f"{where}: status is {status} but no status_source says where we read it"
        if source is not None:
            yield from _missing(where, "source", [source], ids["source"])


def _check_dates(catalog: Catalog) -> Iterator[str]:
    """A verified item says when it was checked; no check is dated before the guide."""
    dated: list[tuple[str, Checked]] = [
        *((f"careers: {c.id}", c) for c in catalog.careers),
        *((f"certifications: {c.id}", c) for c in catalog.certifications),
        *((f"organizations: {o.id}", o) for o in catalog.organizations),
        *((f"resources: {r.id}", r) for r in catalog.resources),
        *((f"statistics: {s.id}", s) for s in catalog.statistics),
    ]
    for where, item in dated:
        if item.verified and item.last_checked is None:
            yield f"{where}: verified but last_checked is empty, say when"
        if item.last_checked is not None and item.last_checked < catalog.guide.published:
            yield f"{where}: last_checked {item.last_checked} is before the guide was published"


def _check_activities(catalog: Catalog, ids: dict[str, set[str]]) -> Iterator[str]:
    """Plan activities: unique ids, known references, positive hours, something to show."""
    yield from _duplicates("activities", (a.id for a in catalog.activities))
    for activity in catalog.activities:
        where = f"activities: {activity.id}"
        yield from _missing(where, "career", activity.careers, ids["career"])
        yield from _missing(where, "background", activity.backgrounds, ids["background"])
        yield from _missing(where, "resource", activity.resources, ids["resource"])
        yield from _hours(where, activity.hours)
        if not activity.resources:
            yield f"{where}: resources is empty, name at least one"
        empty = [k for k in ("title", "why", "deliverable") if not getattr(activity, k).strip()]
        yield from (f"{where}: {key} is empty" for key in empty)


MIN_PROJECTS_PER_CAREER = 2


def _check_projects(catalog: Catalog, ids: dict[str, set[str]]) -> Iterator[str]:
    """Projects name known careers, skills and resources; every career has enough of them."""
    yield from _duplicates("projects", (p.id for p in catalog.projects))
    for project in catalog.projects:
        where = f"projects: {project.id}"
        yield from _missing(where, "career", project.careers, ids["career"])
        yield from _missing(where, "skill", project.skills, ids["skill"])
        yield from _missing(where, "resource", project.resources, ids["resource"])
        yield from _hours(where, project.hours)
        if not project.deliverables:
            yield f"{where}: deliverables is empty, name what to hand in"
        if not project.careers:
            yield f"{where}: careers is empty"
    per_career = Counter(c for p in catalog.projects for c in set(p.careers))
    for career in catalog.careers:
        found = per_career[career.id]
        if found < MIN_PROJECTS_PER_CAREER:
            yield (f"projects: career '{career.id}' has {found} project(s), "
                   f"needs at least {MIN_PROJECTS_PER_CAREER}")  # fmt: skip


def problems(catalog: Catalog) -> list[str]:
    """Every consistency problem in ``catalog``; empty when it is sound."""
    ids = _ids(catalog)
    return [
        *_check_unique(catalog),
        *_check_careers(catalog, ids),
        *_check_steps(catalog, ids),
        *_check_bands(catalog, ids),
        *_check_sourced(catalog, ids),
        *_check_learning_paths(catalog, ids),
        *_check_certifications(catalog, ids),
        *_check_statuses(catalog, ids),
        *_check_dates(catalog),
        *_check_projects(catalog, ids),
        *_check_activities(catalog, ids),
    ]


def raise_problems(what: str, found: list[str]) -> None:
    """Raise ``CatalogError`` listing every problem ``what`` has, or return quietly."""
    if found:
        listed = "\n  - ".join(found)
        raise CatalogError(f"{what} has {len(found)} problem(s):\n  - {listed}")


def validate_catalog(catalog: Catalog) -> None:
    """Raise ``CatalogError`` listing every problem, or return quietly."""
    raise_problems("The catalog", problems(catalog))
