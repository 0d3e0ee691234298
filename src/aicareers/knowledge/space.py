"""The careers described in the assessment engine's terms: weighted skills, anchor occupations,
interests and job zone.

Kept apart from the catalog so that listing careers does not pay for loading it, and so that
the guide's facts (the catalog) and our reviewed judgement (this file) stay distinguishable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import msgspec

from .loader import DATA_DIR, decode_file
from .models import Base, Catalog
from .validate import raise_problems

SPACE_DIR = DATA_DIR / "space"
# The six Holland (RIASEC) interest types, letter -> name, in their usual order: the one place
# they are declared (career targets use the letters, profiles and answers the names).
RIASEC_TYPES = {
    "R": "realistic", "I": "investigative", "A": "artistic",
    "S": "social", "E": "enterprising", "C": "conventional",
}  # fmt: skip
RIASEC = tuple(RIASEC_TYPES)
SOC_CODE = re.compile(r"^\d\d-\d{4}\.\d\d$")


class Anchor(Base, frozen=True):
    """An O*NET occupation that a career resembles, with its share of the resemblance."""

    code: str
    weight: float


class WeightedSkill(Base, frozen=True):
    """A project skill a career needs: how central it is and how well it must be mastered."""

    skill: str
    importance: int
    level: int


class CareerTarget(Base, frozen=True):
    """One career in engine terms, with the reasoning behind the choices."""

    career: str
    anchors: tuple[Anchor, ...]
    skills: tuple[WeightedSkill, ...]
    interests: dict[str, float]
    job_zone: int
    reasoning: str
    search_titles: tuple[str, ...] = ()  # what employers post this work as: job-board searches


def _target_problems(target: CareerTarget, catalog: Catalog) -> Iterator[str]:
    where = f"space/careers.yaml: {target.career}"
    career = next((c for c in catalog.careers if c.id == target.career), None)
    if career is None:
        yield f"{where}: no such career in the catalog"
        return
    known = {s.id for s in catalog.skills}
    listed = [s.skill for s in target.skills]
    yield from (f"{where}: unknown skill '{s}'" for s in listed if s not in known)
    yield from (f"{where}: skill '{s}' is listed twice" for s in set(listed) if listed.count(s) > 1)
    yield from (
        f"{where}: key skill '{s}' of the catalog is missing"
        for s in career.key_skills
        if s not in listed
    )
    for s in target.skills:
        if not (1 <= s.importance <= 5 and 1 <= s.level <= 5):
            yield f"{where}: skill '{s.skill}' needs importance and level from 1 to 5"
    total = sum(a.weight for a in target.anchors)
    if target.anchors and abs(total - 1.0) > 0.011:
        yield f"{where}: anchor weights add up to {total:.2f}, not 1"
    yield from (f"{where}: '{a.code}' is not an O*NET-SOC code" for a in target.anchors
                if not SOC_CODE.match(a.code))  # fmt: skip
    if sorted(target.interests) != sorted(RIASEC):
        yield f"{where}: interests need exactly the keys {', '.join(RIASEC)}"
    if any(not 1 <= v <= 7 for v in target.interests.values()):
        yield f"{where}: interest scores use O*NET's 1-7 scale"
    if not 1 <= target.job_zone <= 5:
        yield f"{where}: job_zone must be 1-5"


def space_problems(targets: tuple[CareerTarget, ...], catalog: Catalog) -> list[str]:
    """Every inconsistency between the career space and the catalog."""
    found = [p for t in targets for p in _target_problems(t, catalog)]
    order = [t.career for t in targets]
    if order != [c.id for c in catalog.careers]:
        found.append("space/careers.yaml: must describe every catalog career, in catalog order")
    return found


def load_space(catalog: Catalog, directory: Path | None = None) -> tuple[CareerTarget, ...]:
    """Load and validate the career space against ``catalog``."""
    targets: tuple[CareerTarget, ...] = decode_file(
        directory or SPACE_DIR, "careers", tuple[CareerTarget, ...]
    )
    raise_problems("The career space", space_problems(targets, catalog))
    return targets


@lru_cache(maxsize=1)
def default_space() -> tuple[CareerTarget, ...]:
    """The shipped career space, validated against the shipped catalog."""
    from .loader import default_catalog

    return load_space(default_catalog())


def to_builtins(targets: tuple[CareerTarget, ...]) -> list[dict[str, object]]:
    """Plain data for JSON output."""
    return list(msgspec.to_builtins(targets))
