"""Score one person against the 20 careers: five components, each explainable on its own.

Component scores are fractions in [0, 1]; the total is their weighted mean over the components
that could be measured (an unknown interest profile does not count as a bad one), as 0-100.
The weights are a design choice made before looking at any benchmark and are documented in
docs/assessment.md; they are not fitted to labels.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ...knowledge.models import Career
from ...knowledge.space import RIASEC, CareerTarget
from ..evidence import BackgroundMatch, OccupationMatch, SkillEvidence
from .explain import reason
from .fit import CareerScore, MissingSkill, Signals

WEIGHTS: dict[str, float] = {
    "skills": 0.35,
    "transferable": 0.25,
    "background": 0.20,
    "interests": 0.10,
    "experience": 0.10,
}
# How strongly each kind of catalog link between a background and a career counts: the guide's
# own pairs most, then what its advice and key skills imply, then links a careful coach would
# make that the guide does not spell out (ours, each with its reason in careers.yaml).
ORIGIN_WEIGHT = {"step1": 1.0, "break-in": 0.85, "key-skills": 0.7, "coach": 0.6}
# Readiness on O*NET's job-zone scale (1-5) that education or years of work give.
EDUCATION_READINESS = {
    "secondary": 2.0, "certificate": 2.5, "associate": 3.0, "bachelor": 4.0, "master": 4.5,
    "doctorate": 5.0,
}  # fmt: skip
MAX_OCCUPATIONS = 3

Similarity = Callable[[str, str], float]


def skill_coverage(target: CareerTarget, skills: Mapping[str, SkillEvidence]) -> float:
    """Share of the career's skills the person shows, weighted by importance and confidence."""
    total = sum(s.importance for s in target.skills)
    have = sum(
        s.importance * skills[s.skill].confidence for s in target.skills if s.skill in skills
    )
    return have / total if total else 0.0


def transferability(
    target: CareerTarget, occupations: Sequence[OccupationMatch], similarity: Similarity
) -> float | None:
    """How close the person's occupations are to the career's anchor occupations."""
    top = sorted(occupations, key=lambda o: -o.confidence)[:MAX_OCCUPATIONS]
    if not top or not target.anchors:
        return None
    # Low-confidence coding should not be inflated to certainty, so only normalise above 1.
    norm = max(1.0, sum(o.confidence for o in top))
    return sum(
        (o.confidence / norm) * a.weight * similarity(o.code, a.code)
        for o in top
        for a in target.anchors
    )


def background_fit(
    career: Career, backgrounds: Sequence[BackgroundMatch]
) -> tuple[float | None, str]:
    """Best match between the person's backgrounds and those the career suits, and its id.

    None when no background was recognised at all: that is not knowing, not a poor fit.
    """
    if not backgrounds:
        return None, ""
    have = {b.background: b.confidence for b in backgrounds}
    best, best_id = 0.0, ""
    for link in career.backgrounds:
        value = have.get(link.background, 0.0) * ORIGIN_WEIGHT[link.origin]
        if value > best:
            best, best_id = value, link.background
    return best, best_id


def interest_fit(target: CareerTarget, interests: Mapping[str, float] | None) -> float | None:
    """Pearson correlation of the two RIASEC profiles, mapped from [-1, 1] to [0, 1]."""
    if not interests:
        return None
    a = [interests[k] for k in RIASEC]
    b = [target.interests[k] for k in RIASEC]
    ma, mb = sum(a) / 6, sum(b) / 6
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    var = (sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b)) ** 0.5
    return 0.5 if var == 0 else (cov / var + 1) / 2


def _years_readiness(years: float) -> float:
    """Years of work as job-zone readiness; experience alone stops short of research (5)."""
    steps = ((1, 2.0), (3, 3.0), (6, 4.0))
    return next((level for limit, level in steps if years < limit), 4.5)


def experience_fit(
    target: CareerTarget, years: float | None, education: str | None
) -> float | None:
    """Whether education or years of work reach the career's usual job zone."""
    if years is None and education is None:
        return None
    by_years = 0.0 if years is None else _years_readiness(years)
    readiness = max(by_years, EDUCATION_READINESS.get(education or "", 0.0))
    return max(0.0, 1.0 - 0.3 * max(0.0, target.job_zone - readiness))


def weighted_mean(components: Mapping[str, float | None]) -> float:
    """Weighted mean of the measured components, 0-1; 0 when nothing could be measured."""
    measured = {k: v for k, v in components.items() if v is not None}
    weight = sum(WEIGHTS[k] for k in measured)
    return sum(WEIGHTS[k] * v for k, v in measured.items()) / weight if weight else 0.0


def combine(components: Mapping[str, float | None]) -> int:
    """Weighted mean of the measured components, as 0-100."""
    return round(100 * weighted_mean(components))


def score_career(
    career: Career,
    target: CareerTarget,
    signals: Signals,
    similarity: Similarity,
    skill_names: Mapping[str, str],
) -> CareerScore:
    """Score one career and explain it."""
    fit, via = background_fit(career, signals.backgrounds)
    components = {
        # Only a title or years typed, no text and no skills: coverage could not be measured.
        # A resume or a skills list in which none of ours shows is measured, at 0.
        "skills": skill_coverage(target, signals.skills) if signals.skills_read else None,
        "transferable": transferability(target, signals.occupations, similarity),
        "background": fit,
        "interests": interest_fit(target, signals.interests),
        "experience": experience_fit(target, signals.years, signals.education),
    }
    ordered = sorted(target.skills, key=lambda s: (-s.importance, -s.level))
    matched = tuple(signals.skills[s.skill] for s in ordered if s.skill in signals.skills)
    missing = tuple(
        MissingSkill(
            skill=s.skill, name=skill_names[s.skill], importance=s.importance, level=s.level
        )
        for s in ordered
        if s.skill not in signals.skills
    )
    origin = next((b.origin for b in career.backgrounds if b.background == via), None)
    return CareerScore(
        id=career.id,
        title=career.title,
        score=combine(components),
        exact=round(weighted_mean(components), 6),
        skills_weight=sum(s.importance for s in target.skills if s.skill in signals.skills),
        components={k: None if v is None else round(100 * v) for k, v in components.items()},
        matched=matched,
        missing=missing,
        backgrounds=(via,) if via else (),
        reason=reason(career, components, matched, missing, signals, via, origin),
    )


def rank(
    careers: Sequence[Career],
    targets: Sequence[CareerTarget],
    signals: Signals,
    similarity: Similarity,
    skill_names: Mapping[str, str],
) -> list[CareerScore]:
    """All careers scored, best first.

    Ties on the rounded score go to the higher unrounded score, then to the career with more of
    the person's skills weighted by importance, then to the guide's order.
    """
    scored = [
        (score_career(c, t, signals, similarity, skill_names), i)
        for i, (c, t) in enumerate(zip(careers, targets, strict=True))
    ]
    scored.sort(key=lambda pair: (-pair[0].score, -pair[0].exact, -pair[0].skills_weight, pair[1]))
    return [career for career, _ in scored]
