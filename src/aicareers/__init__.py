"""aicareers: find, explain and plan a move into one of the AI careers of 2026."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import os

from .cpu import single_threaded_blas
from .version import __version__

# Before anything imports numpy (it reads these once, when it loads); see cpu.py.
single_threaded_blas()

__all__ = ["__version__", "assess"]


def assess(
    text: str | None = None,
    *,
    file: str | os.PathLike[str] | None = None,
    title: str | None = None,
    past_titles: tuple[str, ...] = (),
    skills: str | list[str] | None = None,
    years: float | None = None,
    location: str | None = None,
    education: str | None = None,
    interests: str | None = None,
    hours_per_week: float | None = None,
    top: int | None = None,
    semantic: bool = True,
) -> dict[str, Any]:
    """Rank the 20 AI careers for a person; returns the JSON shape of ``aicareers assess``.

    ``text`` is pasted resume text, ``file`` a resume file (PDF, DOCX, text, JSON Resume or a
    LinkedIn export); the other arguments add to or override what they say. Everything runs
    locally. Example: ``aicareers.assess(title="Registered nurse", skills="triage, EHR")``.
    Input with nothing to rank on (no title, work, background or skill recognised) raises
    ``aicareers.errors.NothingToAssessError``, whose message says what to add.
    """
    # Imported here so that `import aicareers` stays instant.
    from pathlib import Path

    import msgspec

    from .service.assess import AssessInput
    from .service.assess import assess as run

    data, filename = None, None
    if file is not None:
        data, filename = Path(file).read_bytes(), Path(file).name
    person = AssessInput(
        text=text, file=data, filename=filename, title=title, past_titles=tuple(past_titles),
        skills=skills if isinstance(skills, str) or skills is None else tuple(skills),
        years=years, location=location, education=education, interests=interests,
        hours_per_week=hours_per_week,
    )  # fmt: skip
    report: dict[str, Any] = msgspec.to_builtins(run(person, top=top, semantic=semantic))
    return report
