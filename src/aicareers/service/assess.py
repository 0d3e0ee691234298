"""Assess a person: one input, one pipeline, one document, whichever adapter asks.

The CLI, the web page, the JSON API, batch and ``aicareers.assess`` all call ``assess``:

    doc = assess(AssessInput(title="UX designer", skills="Figma, user research"), top=3)

It reads the resume and typed fields into a profile (``intake``), loads the engine once
(``runtime.engine_for``, by name only when the encoder is not built), ranks the careers and
returns the ``documents.assessment.Assessment``. Batch workers load their own engine and call
``assess_with``. What the service decided on the person's
behalf (a pasted text set aside, matching by name only) is said in ``profile.notes``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from ..errors import Hint

if TYPE_CHECKING:
    from ..documents.assessment import Assessment, SavedAssessment
    from ..engine.assessment.assess import Assessment as EngineResult
    from ..engine.assessment.assess import Assessor
    from ..engine.profile.model import Profile
    from ..store import Store
    from .isolation import Isolated

TOP = 20
TEXT_SET_ASIDE = "We read the file you chose and left the pasted text aside."
# Twenty careers scored 0 would be noise; the person is asked for what ranking needs instead.
MORE_TO_ASSESS = Hint(
    "rank the careers from a job title and a few skills",
    command='aicareers assess --title "Your job title" --skills "first skill, second skill"',
    page="/assess",
)


@dataclass(frozen=True)
class AssessInput:
    """Who the person is today, as an adapter received it: raw values, checked by the service.

    ``text`` is pasted text (or standard input); ``file`` an uploaded resume's bytes and
    ``filename`` the name it came with (a hint to its format). Skills are one comma-separated
    string or a list; ``interests`` are RIASEC scores (``R=2,I=6,...``), ``quiz`` the twelve
    ratings of the interests quiz.
    """

    text: str | None = None
    file: bytes | None = None
    filename: str | None = None
    title: str | None = None
    past_titles: tuple[str, ...] = ()
    skills: str | tuple[str, ...] | None = None
    years: float | None = None
    location: str | None = None
    education: str | None = None
    interests: str | None = None
    quiz: str | None = None
    hours_per_week: float | None = None


def assess(
    person: AssessInput,
    *,
    top: int | None = TOP,
    semantic: bool = True,
    isolated: Isolated | None = None,
) -> Assessment:
    """Rank the careers for ``person``; ``top`` keeps the best ones (None: all).

    With ``isolated`` (the web), the file or text is read in the reader pool, within its time
    and memory limits, and ``isolated.cancel()`` stops the read; without, in this process.
    """
    from .runtime import NAME_ONLY_NOTE, engine_for

    engine = engine_for(semantic)
    name_only = semantic and not engine.by_meaning
    said = (NAME_ONLY_NOTE,) if name_only else ()
    doc = assess_with(engine.assessor, person, top, said, isolated=isolated)
    from .assess_pay import with_local_pay

    return with_local_pay(doc)


def assess_with(
    assessor: Assessor,
    person: AssessInput,
    top: int | None = TOP,
    notes: Sequence[str] = (),
    *,
    isolated: Isolated | None = None,
) -> Assessment:
    """``assess`` with a given engine (batch workers build their own, once per process)."""
    from ..documents.assessment import assessment_document

    profile, result, said = read_person(assessor, person, notes, isolated=isolated)
    return assessment_document(profile, result, top, said)


def read_person(
    assessor: Assessor,
    person: AssessInput,
    notes: Sequence[str] = (),
    *,
    isolated: Isolated | None = None,
) -> tuple[Profile, EngineResult, list[str]]:
    """The person's profile, the engine's reading of it, and the notes to show with it."""
    from .intake import profile_from_inputs
    from .isolation import read_isolated

    said = list(notes)
    data, filename = person.file, person.filename
    if data is not None and person.text and person.text.strip():
        said.insert(0, TEXT_SET_ASIDE)
    elif data is None and person.text is not None:
        data = person.text.encode("utf-8")  # read as the CLI reads standard input
    profile = profile_from_inputs(
        data, filename, title=person.title, past_titles=person.past_titles,
        skills=person.skills, years=person.years, location=person.location,
        education=person.education, interests=person.interests, quiz=person.quiz,
        hours_per_week=person.hours_per_week,
        read=None if isolated is None else partial(read_isolated, isolated=isolated),
    )  # fmt: skip
    result = assessor.assess(profile)
    if not (result.occupations or result.backgrounds or result.skills):
        from ..errors import NothingToAssessError

        # Words of the person's own text; typed fields alone are not "too short" text.
        raise NothingToAssessError(len(profile.text.split()), hint=MORE_TO_ASSESS)
    return profile, result, said


def keep_top(doc: Assessment, top: int) -> Assessment:
    """``doc`` with only its first ``top`` careers, in the ranking and in the local pay."""
    import msgspec

    pay = doc.local_pay
    if pay is not None:
        pay = msgspec.structs.replace(pay, careers=pay.careers[:top])
    return msgspec.structs.replace(doc, careers=doc.careers[:top], local_pay=pay)


def save_assessment(store: Store, user_id: int, doc: Assessment, keep_resume: bool) -> int:
    """Store an assessment (all careers) to plan from later; the resume text only if asked."""
    import msgspec

    report = msgspec.to_builtins(doc)
    profile = dict(report["profile"])
    text = profile.pop("text", None)
    return store.save_assessment(
        user_id,
        inputs={k: v for k, v in profile.items() if k != "backgrounds"},
        result={**report, "profile": profile},
        engine_version=doc.engine_version,
        profile=profile,
        resume_text=text if keep_resume else None,
    )


def saved_assessments(store: Store, user_id: int) -> list[SavedAssessment]:
    """The user's saved assessments, oldest first, each with its three best careers."""
    from ..documents.assessment import CareerScoreRef, SavedAssessment

    return [
        SavedAssessment(
            id=a.id,
            created_at=a.created_at.isoformat(),
            engine_version=a.engine_version,
            top=tuple(CareerScoreRef(id=c["id"], score=c["score"]) for c in _best(a.result)),
        )
        for a in store.list_assessments(user_id)
    ]


def _best(result: dict[str, Any]) -> list[dict[str, Any]]:
    careers: list[dict[str, Any]] = result["careers"][:3]
    return careers


def saved_assessment(store: Store, user_id: int, assessment_id: int) -> Assessment:
    """A saved assessment as ``assess`` printed it (with the resume text if it was kept)."""
    import msgspec

    from ..documents.assessment import Assessment

    result = store.get_assessment(user_id, assessment_id).result
    text = store.resume_text(user_id, assessment_id) or ""
    return msgspec.convert({**result, "profile": {**result["profile"], "text": text}}, Assessment)
