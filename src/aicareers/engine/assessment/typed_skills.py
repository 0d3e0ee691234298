"""Skills a person typed, matched by meaning when no name or alias caught them.

Someone who types "risk assessment" or "compliance" claims that skill in their own words; if
our names and aliases miss the wording, it must not come back as a gap. Each typed skill that
no named match covers is embedded on its own (a few words: about a millisecond) and taken for
the closest project skill when the two are clearly alike. The bar is higher than for resume
sentences (a short phrase has less context) but the confidence is too: the person said it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from ...knowledge.models import Skill
from ..evidence import SkillEvidence, Span


class SkillSpace(Protocol):
    """What typed matching reads from ``semantic_skills.SemanticSkillMatcher``."""

    @property
    def encoder(self) -> Any:
        """Encodes texts to unit vectors."""

    @property
    def skills(self) -> tuple[Skill, ...]:
        """The project skills, in the order of ``vectors``."""

    @property
    def vectors(self) -> Any:
        """One unit vector per skill."""

# Chosen by reading cosines of typed phrases (docs/assessment.md): "risk assessment" -> risk
# assessment frameworks 0.75, "GDPR" -> data privacy 0.50, while "AutoCAD" -> computer vision
# (0.43) and "budgeting" -> project management (0.45) stay below.
TYPED_THRESHOLD = 0.5
TYPED_CONFIDENCE = 0.8


def _span_of(text: str, phrase: str, after: int) -> Span | None:
    """The last place ``phrase`` occurs in ``text`` at or after ``after`` (typed lines close it)."""
    at = text.casefold().rfind(phrase.casefold(), after)
    if at < 0:
        at = text.casefold().find(phrase.casefold())
    if at < 0:
        return None
    return Span(start=at, end=at + len(phrase), text=text[at : at + len(phrase)])


def _covered(span: Span, found: Mapping[str, SkillEvidence]) -> bool:
    return any(
        e.start < span.end and span.start < e.end for s in found.values() for e in s.evidence
    )


def typed_by_meaning(
    text: str,
    typed: Sequence[str],
    named: Mapping[str, SkillEvidence],
    matcher: SkillSpace,
    skills_from: int = 0,
) -> dict[str, SkillEvidence]:
    """Project skills for the typed skills that no name or alias matched."""
    spans = [_span_of(text, phrase.strip(), skills_from) for phrase in typed if phrase.strip()]
    open_spans = [s for s in spans if s is not None and not _covered(s, named)]
    if not open_spans:
        return {}
    cosines = matcher.encoder.encode([s.text for s in open_spans]) @ matcher.vectors.T
    found: dict[str, SkillEvidence] = {}
    for row, span in zip(cosines, open_spans, strict=True):
        best = int(np.argmax(row))
        if row[best] < TYPED_THRESHOLD:
            continue
        skill = matcher.skills[best]
        if skill.id not in found:
            found[skill.id] = SkillEvidence(
                skill=skill.id, name=skill.name, confidence=TYPED_CONFIDENCE,
                evidence=(span,), how="meaning",
            )  # fmt: skip
    return found
