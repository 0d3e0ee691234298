"""Match a resume to a job posting: the fit, each skill met or missing, and the gaps' hours.

``match`` reads the resume as an assessment does (any format, quotes kept) and the posting as
text (its first line is its title unless one is given). Nothing leaves the machine: a posting
is pasted or saved, never fetched. See docs/match.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..documents.match import MatchReport, ResumeRead
from ..errors import UserInputError
from .assess import AssessInput

if TYPE_CHECKING:
    from ..engine.assessment.assess import Assessment as EngineResult
    from ..engine.assessment.assess import Assessor
    from ..postings.match import SkillMatch
    from .isolation import Isolated

__all__ = ["AssessInput", "MatchReport", "match", "match_many", "match_with", "missing_skills"]

NOT_ENGLISH = (
    "This {what} does not read as English. aicareers reads English only, so most of its skills "
    "will be missed: the fit below is a floor, not a verdict."
)
NO_SECTIONS = (
    "This posting has no requirements heading, so every skill it names counts as asked for."
)
NOTHING_READ = (
    "We could not read any skill this posting asks for, so there is no fit to show. Read its "
    "requirements yourself and compare them with your resume."
)
MAX_POSTING_CHARS = 60_000
# english_share below this: most function words are not English (the 861 development postings
# long enough to tell read 0.87 or more; the German test posting 0.32, a French one 0).
NOT_ENGLISH_BELOW = 0.5


def match(
    person: AssessInput,
    posting: str,
    title: str | None = None,
    *,
    semantic: bool = True,
    isolated: Isolated | None = None,
) -> MatchReport:
    """Match ``person`` (resume file, text or typed fields) to the posting's text.

    ``semantic=False`` matches skills by name only (the web's setting); with ``isolated`` (the
    web) the resume is read in the reader pool, as ``assess`` reads it.
    """
    from .runtime import NAME_ONLY_NOTE, engine_for

    engine = engine_for(semantic)
    # Asked for meaning but the encoder is not built: say so, as an assessment does.
    said = (NAME_ONLY_NOTE,) if semantic and not engine.by_meaning else ()
    return match_with(engine.assessor, person, posting, title, said, isolated=isolated)


def match_with(
    assessor: Assessor,
    person: AssessInput,
    posting: str,
    title: str | None = None,
    notes: Sequence[str] = (),
    *,
    isolated: Isolated | None = None,
) -> MatchReport:
    """``match`` with a given engine (a batch reuses one for every posting)."""
    from .assess import read_person

    text, title = _posting_text(posting, title)
    profile, result, notes = read_person(assessor, person, notes, isolated=isolated)
    return report_for(assessor, profile.years_experience, profile.titles, result, text, title,
                      notes)  # fmt: skip


def _posting_text(posting: str, title: str | None) -> tuple[str, str]:
    text = posting.strip()
    if not text:
        raise UserInputError(
            "The posting is empty. Paste the job's text: its title, duties and requirements."
        )
    if len(text) > MAX_POSTING_CHARS:
        raise UserInputError(
            f"The posting is {len(text):,} characters long; aicareers reads postings up to "
            f"{MAX_POSTING_CHARS:,}. Paste only the job's own text."
        )
    first = text.splitlines()[0].strip()
    return text, (title or (first if len(first) <= 100 else "Job posting")).strip()


def report_for(
    assessor: Assessor,
    years: float | None,
    positions: Sequence[object],
    result: EngineResult,
    text: str,
    title: str,
    notes: Sequence[str] = (),
) -> MatchReport:
    """The match document of an assessed resume and one posting's text."""
    from ..postings.classify import OTHER, PostingClassifier
    from ..postings.match import (
        PostingRead,
        also_worth_mentioning,
        fit_parts,
        fit_score,
        match_skills,
        measured,
        posting_asks,
        read_requirements,
        suggestions,
    )  # fmt: skip
    from ..postings.salary_text import parse_salary

    requirements = read_requirements(text, title)
    asked = posting_asks(text, requirements, assessor)
    hours = {p.skill: p.hours for p in assessor.catalog.learning_paths}
    skills = match_skills(asked, result, hours)
    pay = parse_salary(text)
    career = PostingClassifier.from_assessor(assessor).classify(0, title, text, pay).career
    names = {c.id: c.title for c in assessor.catalog.careers}
    score = next((c.score for c in result.careers if c.id == career), None)
    parts = fit_parts(skills, requirements.years, years, score / 100 if score is not None else None)
    values = next((t for t in assessor.space if t.career == career), None)
    weights = {s.skill: s.importance for s in values.skills} if values else {}
    missing = [s for s in skills if s.kind == "must" and not s.matched]
    return MatchReport(
        fit=fit_score(parts), measured=measured(parts), parts=parts,
        posting=PostingRead(title=title, career=career, career_name=names.get(career),
                            level=requirements.level, years=requirements.years,
                            structured=requirements.structured),
        pay=pay,
        resume=ResumeRead(titles=tuple(getattr(p, "title", "") for p in positions),
                          years_experience=years, skills_found=len(result.skills)),
        skills=tuple(skills), missing_must=len(missing),
        missing_must_hours=sum(s.learn_hours or 0 for s in missing),
        also_worth_mentioning=tuple(also_worth_mentioning(result, weights, {s.id for s in skills})),
        suggestions=tuple(suggestions(skills)),
        notes=tuple(_notes(notes, text, result.text, requirements.structured, career == OTHER,
                           measured(parts))),
    )  # fmt: skip


def _notes(said: Sequence[str], posting: str, resume: str, structured: bool, other: bool,
           skills_read: bool) -> list[str]:  # fmt: skip
    from ..postings.match import english_share

    found = list(said)
    for what, text in (("posting", posting), ("resume", resume)):
        share = english_share(text)
        if share is not None and share < NOT_ENGLISH_BELOW:
            found.append(NOT_ENGLISH.format(what=what))
    if not skills_read:
        found.append(NOTHING_READ)
    elif not structured:
        found.append(NO_SECTIONS)
    if other:
        found.append("The posting is not one of the 20 careers in the guide, so the background "
                     "part of the fit is left out.")  # fmt: skip
    return found


def missing_skills(report: MatchReport) -> list[SkillMatch]:
    """The must-haves the resume does not show, for a plan."""
    return [s for s in report.skills if s.kind == "must" and not s.matched]


def match_many(
    person: AssessInput, postings: Iterable[tuple[int, str, str]], assessor: Assessor | None = None
) -> Iterator[tuple[int, MatchReport | None, str | None]]:
    """Match one resume (read once) to many postings: ``(row, title, text)`` in,
    ``(row, report, None)`` or ``(row, None, why)`` out, in input order. A posting that cannot
    be read gives its reason and the rest go on."""
    from ..errors import AicareersError
    from .assess import read_person
    from .runtime import engine_for

    assessor = assessor or engine_for(True).assessor
    profile, result, notes = read_person(assessor, person)
    for row, title, posting in postings:
        try:
            text, name = _posting_text(posting, title or None)
            yield row, report_for(assessor, profile.years_experience, profile.titles, result,
                                  text, name, notes), None  # fmt: skip
        except AicareersError as exc:
            yield row, None, str(exc)
