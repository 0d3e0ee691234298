"""The documented JSON shape of an assessment (README, "assess --format json")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from ..evidence import Span
from ..profile.model import Profile
from .assess import Assessment
from .scoring import CareerScore


def _career(score: CareerScore) -> dict[str, Any]:
    return {
        "id": score.id,
        "title": score.title,
        "score": score.score,
        "components": score.components,
        "matched": [
            {
                "skill": m.skill,
                "name": m.name,
                "confidence": m.confidence,
                "how": m.how,
                "evidence": _quotes(m.evidence),
            }
            for m in score.matched
        ],
        "missing": [msgspec.to_builtins(m) for m in score.missing],
        "backgrounds": list(score.backgrounds),
        "reason": score.reason,
    }


def _quotes(spans: Sequence[Span]) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "text": s.text} for s in spans]


def skills_json(assessment: Assessment) -> dict[str, list[dict[str, Any]]]:
    """Every skill found, by vocabulary: ours (scored), ESCO and O*NET technology."""
    found: dict[str, list[dict[str, Any]]] = {"project": [], "esco": [], "onet_technology": []}
    for skill in assessment.skills:
        found["project"].append(
            {"id": skill.skill, "name": skill.name, "confidence": skill.confidence,
             "how": skill.how, "evidence": _quotes(skill.evidence)}
        )  # fmt: skip
    for ref in assessment.reference_skills:
        entry = {"id": ref.id, "name": ref.name, "evidence": _quotes(ref.evidence)}
        if ref.source == "onet-technology":
            found["onet_technology"].append({**entry, "hot": ref.hot})
        else:
            found["esco"].append(entry)
    return found


def careers_json(assessment: Assessment, top: int | None = None) -> list[dict[str, Any]]:
    """The ranked careers, best first, optionally only the first ``top``."""
    careers = assessment.careers if top is None else assessment.careers[:top]
    return [_career(c) for c in careers]


def profile_json(profile: Profile, assessment: Assessment) -> dict[str, Any]:
    """What the engine understood about the person; evidence offsets point into ``text``."""
    return {
        "titles": [p.title for p in profile.titles],
        "skills": list(profile.skills),
        "years_experience": profile.years_experience,
        "education": [msgspec.to_builtins(e) for e in profile.education],
        "location": msgspec.to_builtins(profile.location),
        "interests": assessment.interests,
        "interests_source": assessment.interests_source,
        "hours_per_week": profile.hours_per_week,
        "source": profile.source,
        "notes": list(profile.notes),
        "backgrounds": [
            {"id": b.background, "name": b.name, "confidence": b.confidence, "how": b.how}
            for b in assessment.backgrounds
        ],
        "text": assessment.text,
    }


def assessment_json(
    profile: Profile, assessment: Assessment, top: int | None = None
) -> dict[str, Any]:
    """``{"profile", "occupations", "careers", "skills", "engine_version"}`` as documented."""
    return {
        "profile": profile_json(profile, assessment),
        "occupations": [
            {"code": o.code, "title": o.title, "confidence": o.confidence}
            for o in assessment.occupations
        ],
        "careers": careers_json(assessment, top),
        "skills": skills_json(assessment),
        "engine_version": assessment.engine_version,
    }
