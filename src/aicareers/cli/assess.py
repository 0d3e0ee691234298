"""``aicareers assess``: rank the 20 careers for a person, with evidence and gaps."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import UserInputError
from .output import emit, emit_json, format_option

if TYPE_CHECKING:
    from ..documents.assessment import Assessment

EPILOG = """Examples:

  aicareers assess resume.pdf

  aicareers assess --title "Registered nurse" --skills "patient care, EHR, triage" --years 8

  cat cv.txt | aicareers assess - --format json
"""


def _read(file: str | None) -> tuple[bytes | None, str | None]:
    """The resume's bytes and name; '-' reads standard input."""
    if file is None:
        return None, None
    if file == "-":
        return sys.stdin.buffer.read(), None
    path = Path(file)
    if not path.is_file():
        raise UserInputError(f"No file at '{file}'. Check the path, or pipe text in with '-'.")
    return path.read_bytes(), path.name


@click.command(epilog=EPILOG)
@click.argument("file", required=False)
@click.option("--title", help="Your current job title.")
@click.option("--past-title", "past_titles", multiple=True, help="An earlier job title (repeat).")
@click.option("--skills", help='Skills, comma separated: "Python, SQL, stakeholder management".')
@click.option("--years", type=click.FloatRange(min=0), help="Years of work experience.")
@click.option(
    "--location", help='Where you live, for pay there: "Columbus, OH", "Texas", "Berlin, Germany".'
)
@click.option("--education", help="Highest level: secondary, certificate, associate, "
              "bachelor, master or doctorate.")  # fmt: skip
@click.option("--interests", help="RIASEC scores 1-7, e.g. R=2,I=6,A=3,S=4,E=5,C=3.")
@click.option("--quiz", help="Your 12 ratings (1-5) from `aicareers interests quiz`, e.g. "
              "4,2,5,5,1,2,3,3,2,4,3,4.")  # fmt: skip
@click.option("--hours", type=click.FloatRange(min=0), help="Hours a week you can give.")
@click.option("--top", type=click.IntRange(min=1, max=20), default=20, show_default=True,
              help="How many careers to show.")  # fmt: skip
@click.option("--details", type=click.IntRange(min=0, max=20), default=3, show_default=True,
              help="How many careers to explain in full (table and markdown).")  # fmt: skip
@click.option("--no-semantic", is_flag=True, help="Match skills by name only (faster).")
@click.option("--save", is_flag=True,
              help="Keep the result in your local database, to plan from it later.")
@click.option("--keep-resume", is_flag=True,
              help="With --save, keep the resume text too (it is left out otherwise).")
@click.option("--database", envvar="AICAREERS_DATABASE_URL", metavar="URL",
              help="Where --save keeps it (see `aicareers plan --help`).")  # fmt: skip
@format_option("table", "json", "markdown")
def assess(
    file: str | None,
    title: str | None,
    past_titles: tuple[str, ...],
    skills: str | None,
    years: float | None,
    location: str | None,
    education: str | None,
    interests: str | None,
    quiz: str | None,
    hours: float | None,
    top: int,
    details: int,
    no_semantic: bool,
    save: bool,
    keep_resume: bool,
    database: str | None,
    fmt: str,
) -> None:
    """Rank the 20 AI careers for you: fit score, why, the skills you show and what you lack.

    FILE is a resume (PDF, DOCX, text, Markdown, JSON Resume or a LinkedIn export zip), or '-'
    for standard input. Flags add to or override what the resume says. Nothing leaves this
    machine.

    Example: aicareers assess --title "UX designer" --skills "Figma, user research"
    """

    from ..service.assess import TOP, AssessInput, keep_top
    from ..service.assess import assess as run

    if keep_resume and not save:
        raise UserInputError("--keep-resume only applies with --save; add --save or drop it.")
    data, filename = _read(file)
    person = AssessInput(
        file=data, filename=filename, title=title, past_titles=past_titles, skills=skills,
        years=years, location=location, education=education, interests=interests, quiz=quiz,
        hours_per_week=hours,
    )  # fmt: skip
    report = run(person, top=TOP, semantic=not no_semantic)
    if save:
        _save(database, report, keep_resume)
    report = keep_top(report, top)
    if fmt == "json":
        emit_json(report)
        return
    from .render_assess import assessment_markdown, assessment_renderables

    if fmt == "markdown":
        click.echo(assessment_markdown(report, details))
        return
    emit(*assessment_renderables(report, details))


def _save(database: str | None, report: Assessment, keep_resume: bool) -> None:
    """Store the full ranking; the resume text only when the person asked for it."""
    from ..service.assess import save_assessment
    from ..service.store import open_store

    with open_store(database) as store:
        assessment_id = save_assessment(store, store.local_user(), report, keep_resume)
    best = report.careers[0].id
    click.echo(
        f"Saved as assessment {assessment_id}. Plan from it: aicareers plan create "
        f"--career {best} --from-assessment {assessment_id}",
        err=True,
    )
