"""Request bodies (validated) and the documented shapes of responses, as pydantic models.

Responses are the CLI's JSON documents, encoded directly; the response models here exist so
that OpenAPI describes them. Catalog and salary responses take their schemas from the msgspec
views instead (``common.documented``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Our errors quote the text they were given; a lone UTF-16 surrogate cannot be encoded back.
_SURROGATES = dict.fromkeys(range(0xD800, 0xE000), "\ufffd")


def clean_text(value: Any) -> Any:
    """Strings with lone surrogates (valid JSON escapes, invalid text) get U+FFFD instead."""
    if isinstance(value, str):
        return value.translate(_SURROGATES)
    if isinstance(value, list):
        return [clean_text(item) for item in value]
    return value


class _Strict(BaseModel):
    """A request body: unknown keys are refused, so a typo is reported rather than ignored."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _clean(cls, value: Any) -> Any:
        return clean_text(value)


class ErrorDetail(BaseModel):
    """What went wrong: a stable code, a sentence for people, and details for programs."""

    code: str = Field(examples=["not-found"])
    message: str = Field(examples=["No career with id 'mlops'. Did you mean: mlops-engineer?"])
    details: dict[str, Any] = Field(examples=[{"suggestions": ["mlops-engineer"]}])


class ErrorBody(BaseModel):
    """Every 4xx answer of the API has this shape."""

    error: ErrorDetail


class AssessRequest(_Strict):
    """Who the person is today; give at least one of text, title or skills."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "UX designer",
                    "skills": ["Figma", "user research", "usability testing"],
                    "years": 6,
                    "top": 3,
                }
            ]
        },
    )

    text: str | None = Field(None, description="Resume or a few sentences about your work.")
    title: str | None = Field(None, max_length=300, description="Current job title.")
    past_titles: list[str] = Field(default_factory=list, max_length=50)
    skills: list[str] | str | None = Field(
        None, description='A list, or one comma-separated string: "Python, SQL".'
    )
    years: float | None = Field(None, ge=0, allow_inf_nan=False, description="Years of work.")
    location: str | None = Field(None, max_length=300, examples=["Berlin, Germany"])
    education: str | None = Field(
        None, description="secondary, certificate, associate, bachelor, master or doctorate."
    )
    interests: str | None = Field(None, examples=["R=2,I=6,A=3,S=4,E=5,C=3"])
    quiz: str | None = Field(None, description="Twelve 1-5 ratings from the interests quiz.")
    hours_per_week: float | None = Field(None, ge=0, allow_inf_nan=False)
    top: int = Field(20, ge=1, le=20, description="How many careers to return.")


AssessFields = tuple(AssessRequest.model_fields)


class PlanCreate(_Strict):
    """A plan towards one career, from skills you have or from a saved assessment."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "career": "prompt-engineer",
                    "skills": ["Python", "Git"],
                    "hours_per_week": 5,
                    "start": "2026-12-01",
                    "free_only": True,
                }
            ]
        },
    )

    career: str = Field(description="Career id, e.g. mlops-engineer.", max_length=200)
    skills: list[str] | str | None = Field(None, description="Skills you already have.")
    assessment_id: int | None = Field(None, ge=1, description="Plan the gaps of this assessment.")
    hours_per_week: float = Field(3.5, allow_inf_nan=False, description="0.5 to 60.")
    start: str | None = Field(None, description="YYYY-MM-DD (default: today).")
    free_only: bool = False
    platforms: list[str] = Field(default_factory=list, max_length=20)


EventStatusIn = Literal["done", "in_progress", "skipped", "reopened", "start", "skip", "reopen"]


class EventCreate(_Strict):
    """One change of a step's status; ``start``, ``skip`` and ``reopen`` are accepted too."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"step": "learn-python", "status": "done", "note": "finished the course"}]
        },
    )

    step: str = Field(max_length=200)
    status: EventStatusIn
    note: str | None = Field(None, max_length=2000)


# Response documentation. Extra keys are allowed: documents may grow, never shrink.


class _Doc(BaseModel):
    model_config = ConfigDict(extra="allow")


class Evidence(_Doc):
    """A quote from the person's text; ``text[start:end]`` of ``profile.text``."""

    start: int
    end: int
    text: str


class MatchedSkill(_Doc):
    """A skill the person shows, and where."""

    skill: str
    name: str
    confidence: float
    how: str
    evidence: list[Evidence]


class MissingSkill(_Doc):
    """A skill the career asks for that the person does not show."""

    skill: str
    name: str
    importance: float
    level: int | None = None


class CareerFit(_Doc):
    """One career's fit score (0-100), its components, evidence and gaps."""

    id: str
    title: str
    score: float
    components: dict[str, float | None]
    matched: list[MatchedSkill]
    missing: list[MissingSkill]
    reason: str


class Occupation(_Doc):
    """An O*NET-SOC occupation with the confidence that a title names it."""

    code: str
    title: str
    confidence: float


class Assessment(_Doc):
    """The assessment, exactly as ``aicareers assess --format json`` prints it."""

    profile: dict[str, Any]
    occupations: list[Occupation]
    careers: list[CareerFit]
    skills: dict[str, list[dict[str, Any]]]
    engine_version: str


class TitleCoding(_Doc):
    """``aicareers occupations code TITLE --format json``."""

    title: str
    normalised: str
    occupations: list[Occupation]


class SimilarOccupations(_Doc):
    """``aicareers occupations similar CODE --format json``."""

    code: str
    title: str
    source: str
    similar: list[dict[str, Any]] | None = None
    related: list[dict[str, Any]] | None = None


class PlanStep(_Doc):
    """One dated step of a plan, with its current status."""

    id: str
    kind: str
    milestone: str
    title: str
    why: str
    hours: float
    due: dt.date
    status: Literal["todo", "in_progress", "done", "skipped"]
    skills: list[str]
    resources: list[dict[str, Any]]
    deliverables: list[str]
    requires: list[str]
    note: str | None
    since: str | None


class PlanDocument(_Doc):
    """A plan, as ``aicareers plan show PLAN --format json`` prints it."""

    id: int
    career: str
    career_title: str
    preferences: dict[str, Any]
    created_at: str | None
    total_hours: float
    finish: dt.date | None
    gaps: list[str]
    milestones: list[dict[str, Any]]
    steps: list[PlanStep]
    progress: dict[str, Any]


class ProgressEventDoc(_Doc):
    """A recorded change; ``seq`` orders the plan's events."""

    seq: int
    step: str
    status: str
    at: str
    note: str | None


class EventResult(_Doc):
    """``aicareers plan step ... --format json``: the event and the plan's progress after it."""

    event: ProgressEventDoc
    progress: dict[str, Any]


class PlanHistory(_Doc):
    """``aicareers plan history PLAN --format json``: every event, oldest first."""

    id: int
    career: str
    events: list[ProgressEventDoc]


class PostingsAnalysis(_Doc):
    """``postings analyze --format json`` totals, plus the first per-posting rows."""

    input: dict[str, Any]
    rows: dict[str, int]
    salary: dict[str, Any]
    skills: list[dict[str, Any]]
    careers: list[dict[str, Any]]
    other_occupations: list[dict[str, Any]]
    malformed: list[dict[str, Any]]
    postings: list[dict[str, Any]]
    postings_truncated: bool
