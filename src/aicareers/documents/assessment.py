"""The assessment document: what ``aicareers assess --format json`` prints and the API returns.

Declared once, here. The CLI prints it as JSON or lays it out as tables, the web pages render
it, and the OpenAPI schema of ``POST /api/v1/assess`` is generated from these structs. Field
order is the JSON key order. Evidence offsets point into ``profile.text``:
``profile.text[start:end] == quote.text``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.assessment.assess import Assessment as EngineResult
from ..engine.assessment.fit import CareerScore, MissingSkill
from ..engine.evidence import SkillEvidence
from ..engine.evidence import Span as Quote
from ..engine.profile.model import Education, Location, Profile
from .catalog import View
from .local_pay import LocalPay
from .reading import Reading, reading_of

# A quote (``Quote``: start, end, text) and a missing skill are exactly the engine's records
# and are used as they are.
__all__ = [
    "Assessment", "CareerFit", "CareerScoreRef", "FoundBackground", "MatchedSkill",
    "MissingSkill", "Occupation", "ProfileRead", "ProjectSkill", "Quote", "ReferenceSkill",
    "RowResult", "SavedAssessment", "SkillsFound", "TechnologySkill", "assessment_document",
    "career_fits",
]  # fmt: skip


class MatchedSkill(View, frozen=True):
    """A skill a career asks for that the person shows, and where."""

    skill: str
    name: str
    confidence: float
    how: str
    evidence: tuple[Quote, ...]


class CareerFit(View, frozen=True):
    """One career's fit (0-100), its five components (0-100 or null), evidence and gaps."""

    id: str
    title: str
    score: int
    components: dict[str, int | None]
    matched: tuple[MatchedSkill, ...]
    missing: tuple[MissingSkill, ...]
    backgrounds: tuple[str, ...]
    reason: str


class FoundBackground(View, frozen=True):
    """A prior-career background recognised in the person's words."""

    id: str
    name: str
    confidence: float
    how: str


class ProfileRead(View, frozen=True):
    """What the engine understood about the person."""

    titles: tuple[str, ...]
    skills: tuple[str, ...]
    years_experience: float | None
    education: tuple[Education, ...]
    location: Location | None
    interests: dict[str, float] | None
    interests_source: str | None
    hours_per_week: float | None
    source: str | None
    notes: tuple[str, ...]
    backgrounds: tuple[FoundBackground, ...]
    text: str


class Occupation(View, frozen=True):
    """An O*NET-SOC occupation with the confidence that the person's titles name it."""

    code: str
    title: str
    confidence: float


class ProjectSkill(View, frozen=True):
    """One of our own skills found in the person's words (these are the ones scored)."""

    id: str
    name: str
    confidence: float
    how: str
    evidence: tuple[Quote, ...]


class ReferenceSkill(View, frozen=True):
    """An ESCO skill named in the person's words."""

    id: str
    name: str
    evidence: tuple[Quote, ...]


class TechnologySkill(ReferenceSkill, frozen=True):
    """An O*NET technology example named in the person's words; ``hot``: in demand."""

    hot: bool


class SkillsFound(View, frozen=True):
    """Every skill found, by vocabulary."""

    project: tuple[ProjectSkill, ...]
    esco: tuple[ReferenceSkill, ...]
    onet_technology: tuple[TechnologySkill, ...]


class Assessment(View, frozen=True):
    """The 20 careers ranked for one person (highest score first), with what was read."""

    profile: ProfileRead
    occupations: tuple[Occupation, ...]
    careers: tuple[CareerFit, ...]
    skills: SkillsFound
    engine_version: str
    # Absent only in assessments saved before it existed.
    reading: Reading | None = None
    # Only when the person gave a place (a U.S. state, the U.S. or another country).
    local_pay: LocalPay | None = None


class RowResult(View, frozen=True, omit_defaults=True):
    """One line of ``aicareers batch assess``: a row's careers, or why it was not assessed."""

    row: int
    # Input columns copied as they were (``batch assess --keep``), so a report can group by them.
    columns: dict[str, str] | None = None
    careers: tuple[CareerFit, ...] | None = None
    error: str | None = None


def assessment_document(
    profile: Profile, result: EngineResult, top: int | None = None, notes: Sequence[str] = ()
) -> Assessment:
    """The document of one assessment; ``notes`` (from the service) join the profile's own."""
    return Assessment(
        profile=_profile(profile, result, notes),
        occupations=tuple(
            Occupation(code=o.code, title=o.title, confidence=o.confidence)
            for o in result.occupations
            if round(100 * o.confidence) > 0  # "0 %" reads as a mistake, not as a hint
        ),
        careers=career_fits(result, top),
        skills=_skills(result),
        engine_version=result.engine_version,
        reading=reading_of(profile, result),
    )


def career_fits(result: EngineResult, top: int | None = None) -> tuple[CareerFit, ...]:
    """The ranked careers, best first, optionally only the first ``top``."""
    careers = result.careers if top is None else result.careers[:top]
    return tuple(_career(c) for c in careers)


def _career(score: CareerScore) -> CareerFit:
    return CareerFit(
        id=score.id,
        title=score.title,
        score=score.score,
        components=score.components,
        matched=tuple(_matched(m) for m in score.matched),
        missing=score.missing,
        backgrounds=score.backgrounds,
        reason=score.reason,
    )


def _matched(found: SkillEvidence) -> MatchedSkill:
    return MatchedSkill(
        skill=found.skill,
        name=found.name,
        confidence=found.confidence,
        how=found.how,
        evidence=found.evidence,
    )


def _skills(result: EngineResult) -> SkillsFound:
    project = tuple(
        ProjectSkill(id=s.skill, name=s.name, confidence=s.confidence, how=s.how,
                     evidence=s.evidence)
        for s in result.skills
    )
    refs = result.reference_skills
    return SkillsFound(
        project=project,
        esco=tuple(
            ReferenceSkill(id=r.id, name=r.name, evidence=r.evidence)
            for r in refs
            if r.source != "onet-technology"
        ),
        onet_technology=tuple(
            TechnologySkill(id=r.id, name=r.name, evidence=r.evidence, hot=r.hot)
            for r in refs
            if r.source == "onet-technology"
        ),
    )


def _profile(profile: Profile, result: EngineResult, notes: Sequence[str]) -> ProfileRead:
    return ProfileRead(
        titles=tuple(p.title for p in profile.titles),
        skills=profile.skills,
        years_experience=profile.years_experience,
        education=profile.education,
        location=profile.location,
        interests=result.interests,
        interests_source=result.interests_source,
        hours_per_week=profile.hours_per_week,
        source=profile.source,
        notes=(*notes, *profile.notes),
        backgrounds=tuple(
            FoundBackground(id=b.background, name=b.name, confidence=b.confidence, how=b.how)
            for b in result.backgrounds
        ),
        text=result.text,
    )


class CareerScoreRef(View, frozen=True):
    """A career id and its score."""

    id: str
    score: int


class SavedAssessment(View, frozen=True):
    """A saved assessment as ``assessments list`` shows it: when, and its best three careers."""

    id: int
    created_at: str
    engine_version: str
    top: tuple[CareerScoreRef, ...]
