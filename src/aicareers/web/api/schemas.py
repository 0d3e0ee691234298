"""Request bodies (validated), the error shape and the postings summary, as pydantic models.

Responses are the CLI's JSON documents, encoded directly. Their OpenAPI schemas come from the
msgspec declarations in ``aicareers.documents`` (``common.documented``); only the postings
summary, a plain dictionary, is described here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.config import JsonDict

from ...service.plans import EARLIEST_START, LATEST_YEARS_AHEAD

# The pace a plan accepts (``engine.plans.build``, which adapters do not import; a test
# keeps the two equal).
MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK = 0.5, 60.0

# Our errors quote the text they were given; a lone UTF-16 surrogate cannot be encoded back.
_SURROGATES = dict.fromkeys(range(0xD800, 0xE000), "\ufffd")


def clean_text(value: Any) -> Any:
    """Strings with lone surrogates (valid JSON escapes, invalid text) get U+FFFD instead."""
    if isinstance(value, str):
        return value.translate(_SURROGATES)
    if isinstance(value, list):
        return [clean_text(item) for item in value]
    return value


def day_pattern(today: dt.date | None = None) -> str:
    """A pattern for the YYYY-MM-DD days the plan service accepts (2000 to 5 years ahead).

    The service checks the exact day; a schema cannot say "five years from today", so the
    pattern allows whole years up to the last one that is wholly inside the window. It is
    made when the app starts and only grows stricter than the server as the years pass.
    """
    last = (today or dt.date.today()).year + LATEST_YEARS_AHEAD - 1
    years = "|".join(str(year) for year in range(EARLIEST_START.year, last + 1))
    return rf"^(?:{years})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"


# What a preferred platform must hold to name anything: a letter or digit (the plan service
# refuses a blank one). Which platforms exist is the catalog's business (unknown: 422).
PLATFORM: JsonDict = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "[A-Za-z0-9]"}


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
    details: dict[str, Any] = Field(
        description="Data for programs; `hint` ({goal, page}) is a page of this app to go next.",
        examples=[{
            "suggestions": ["mlops-engineer"],
            "hint": {"goal": "see every id", "page": "/careers"},
        }],
    )  # fmt: skip


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
    # The schema states the service's ranges; the service's own checks give the messages.
    hours_per_week: float = Field(
        3.5, allow_inf_nan=False, description="0.5 to 60.",
        json_schema_extra={"minimum": MIN_HOURS_PER_WEEK, "maximum": MAX_HOURS_PER_WEEK},
    )  # fmt: skip
    start: str | None = Field(
        None,
        description="YYYY-MM-DD, from 2000 to five years ahead (default: today).",
        json_schema_extra={"format": "date", "pattern": day_pattern()},
    )
    free_only: bool = False
    platforms: list[str] = Field(
        default_factory=list,
        max_length=20,
        description="Providers to prefer, e.g. coursera, edx or deeplearning-ai.",
        json_schema_extra={"items": PLATFORM},
    )
    path: Literal["fast", "thorough"] = Field(
        "thorough",
        description="fast: the must-have skills, free resources, one project; thorough: every "
        "gap, more projects and credentials.",
    )
    background: str | None = Field(
        None,
        max_length=100,
        description="A background id (e.g. healthcare): community and practice steps are "
        "chosen for it. A saved assessment adds the backgrounds it recognised.",
    )


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


# Response documentation. Extra keys are allowed: documents may grow, never shrink. The
# assessment, plan and occupation documents are declared once, as msgspec structs in
# ``aicareers.documents``; their OpenAPI schemas come from there (``common.documented``).


class _Doc(BaseModel):
    model_config = ConfigDict(extra="allow")


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
