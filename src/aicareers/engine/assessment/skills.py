"""From a person's words to the project's skills, each with quotes and a confidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..evidence import BackgroundMatch, SkillEvidence, Span
from .vocabulary import Vocabulary

# A term in prose may be mentioned in passing; one under a "Skills" heading is a claim.
IN_PROSE = 0.85
IN_SKILLS_SECTION = 0.95
PER_EXTRA_MENTION = 0.03
CEILING = 0.99
MAX_QUOTES = 3

# Skills that a background or a degree implies even when no word names them.
BACKGROUND_SKILLS = {
    "healthcare": ("healthcare-background", "domain-expertise"),
    "legal-compliance": ("legal-knowledge", "domain-expertise"),
    "policy": ("policy-development",),
    "risk-management": ("risk-assessment",),
    "sustainability": ("carbon-accounting", "domain-expertise"),
    "aviation": ("real-time-decision-making", "safety-risk-management"),
    "logistics-operations": ("real-time-decision-making",),
    "content-moderation": ("content-policy",),
    "philosophy-ethics": ("philosophy-ethics",),
    "physics": ("quantum-computing", "mathematics"),
    "research-academia": ("research-methodology",),
}
IMPLIED_FACTOR = 0.8
GRADUATE = frozenset({"master", "doctorate"})


def _inside(span: Span, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start <= span.start < end for start, end in ranges)


def extract_skills(
    text: str,
    vocabulary: Vocabulary,
    skills_sections: Sequence[tuple[int, int]] = (),
) -> dict[str, SkillEvidence]:
    """Project skills named in ``text``; quotes are exact slices of ``text``."""
    quotes: dict[str, list[Span]] = defaultdict(list)
    best: dict[str, float] = defaultdict(float)
    hits = [*vocabulary.find(text), *vocabulary.find_listed(text, skills_sections)]
    for hit in sorted(hits, key=lambda h: h.span.start):
        base = IN_SKILLS_SECTION if _inside(hit.span, skills_sections) else IN_PROSE
        for skill in hit.ids:
            quotes[skill].append(hit.span)
            best[skill] = max(best[skill], base)
    found = {}
    for skill, spans in quotes.items():
        confidence = min(CEILING, best[skill] + PER_EXTRA_MENTION * (len(spans) - 1))
        found[skill] = SkillEvidence(
            skill=skill,
            name=vocabulary.names[skill],
            confidence=round(confidence, 3),
            evidence=tuple(spans[:MAX_QUOTES]),
            how="named",
        )
    return found


def implied_skills(
    backgrounds: Iterable[BackgroundMatch], education: str | None, names: dict[str, str]
) -> dict[str, SkillEvidence]:
    """Skills a background or a graduate degree implies, quoting the background's evidence.

    ``education`` is the level of a degree that counts as the advanced degree (see degrees.py).
    """
    found: dict[str, SkillEvidence] = {}
    for match in backgrounds:
        for skill in BACKGROUND_SKILLS.get(match.background, ()):
            confidence = round(match.confidence * IMPLIED_FACTOR, 3)
            if skill not in found or found[skill].confidence < confidence:
                found[skill] = SkillEvidence(
                    skill=skill, name=names[skill], confidence=confidence,
                    evidence=match.evidence, how=f"implied by {match.name.lower()} background",
                )  # fmt: skip
    if education in GRADUATE:
        found["advanced-degree"] = SkillEvidence(
            skill="advanced-degree", name=names["advanced-degree"], confidence=0.9,
            how=f"{education}'s degree",
        )  # fmt: skip
    return found


def merge(*layers: dict[str, SkillEvidence]) -> dict[str, SkillEvidence]:
    """Union of skill layers; for a skill found twice the more confident finding wins."""
    merged: dict[str, SkillEvidence] = {}
    for layer in layers:
        for skill, found in layer.items():
            if skill not in merged or merged[skill].confidence < found.confidence:
                merged[skill] = found
    return merged
