"""``aicareers match``: how a resume fits one job posting, or ranks a file of postings.

One posting prints the fit, each asked skill met or missing with both texts' words, and what
to do next; ``--plan`` turns the missing must-haves into a stored plan. ``--postings`` ranks
every posting of a table file for the same resume (see ``match_batch``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import UserInputError
from .options import input_format_option, limit_option
from .output import emit, emit_json, format_option

if TYPE_CHECKING:
    from ..documents.match import MatchReport

EPILOG = """Examples:

  aicareers match resume.pdf posting.txt

  cat posting.txt | aicareers match resume.pdf - --format markdown

  aicareers match resume.pdf posting.txt --plan

  aicareers match cv.pdf --postings jobs.csv --output ranked.jsonl --top 5
"""
# The first bytes of files that are not plain text: PDF, Word or other zip files, old Office.
NOT_TEXT = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
NOT_TEXT_MESSAGE = (
    "The posting must be plain text. Copy its words into a .txt file, or paste them in with '-'."
)
OTHER = "other"
DEFAULT_TOP = 10


def _read(name: str, what: str) -> tuple[bytes, str | None]:
    """A file's bytes and name; '-' reads standard input."""
    if name == "-":
        return sys.stdin.buffer.read(), None
    path = Path(name)
    if not path.is_file():
        raise UserInputError(
            f"No {what} file at '{name}'. Check the path, or pipe the {what} in with '-'."
        )
    return path.read_bytes(), path.name


def read_posting(name: str) -> str:
    """The posting's text from a file or standard input; a PDF or Word file is refused."""
    data, _ = _read(name, "posting")
    if data.startswith(NOT_TEXT) or b"\x00" in data[:4096]:
        raise UserInputError(NOT_TEXT_MESSAGE)
    return data.decode("utf-8-sig", errors="replace")


def _given(ctx: click.Context, name: str) -> bool:
    """Whether the person typed an option (a default or the environment does not count)."""
    source = ctx.get_parameter_source(name)
    return source is click.core.ParameterSource.COMMANDLINE


def _check(ctx: click.Context, posting: str | None, postings: Path | None) -> None:
    """Refuse option mixes that cannot mean anything, before any work."""
    params = ctx.params
    if posting is None and postings is None:
        raise UserInputError(
            "Give the job posting too: a text file, or '-' to paste it. To rank a file of many "
            "postings, use --postings FILE."
        )
    if posting is not None and postings is not None:
        raise UserInputError("Give one posting or a file of them with --postings, not both.")
    if params["resume"] == "-" and posting == "-":
        raise UserInputError(
            "Only one of the resume and the posting can come from standard input; save the "
            "other one to a file first."
        )
    one = ("title", "make_plan", "fmt")
    many = ("output", "top", "title_col", "text_col", "input_format", "limit", "force")
    wrong = [n for n in (one if postings is not None else many) if _given(ctx, n)]
    if wrong:
        flags = ", ".join(_flag(ctx, n) for n in wrong)
        where = "one posting" if postings is not None else "--postings"
        raise UserInputError(f"{flags} only work{'s' if len(wrong) == 1 else ''} with {where}.")
    if _given(ctx, "top") and params["output"] is None:
        raise UserInputError(
            "--top sets how many postings the table shows, and the table is printed only with "
            "--output; add --output FILE.jsonl or leave --top out."
        )


def _flag(ctx: click.Context, name: str) -> str:
    option = next(p for p in ctx.command.params if p.name == name)
    return max(option.opts, key=len)


@click.command(epilog=EPILOG)
@click.argument("resume")
@click.argument("posting", required=False)
@click.option("--title", help="The job's title, when the posting's first line is not it.")
@format_option("table", "json", "markdown")
@click.option("--plan", "make_plan", is_flag=True,
              help="Save a fast plan that teaches the must-haves you are missing.")  # fmt: skip
@click.option("--database", envvar="AICAREERS_DATABASE_URL", metavar="URL",
              help="Where --plan keeps the plan (see `aicareers plan --help`).")  # fmt: skip
@click.option("--postings", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="FILE", help="Rank every posting of FILE (CSV, JSONL or Parquet) for "
              "your resume instead of reading one.")  # fmt: skip
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="OUT.jsonl",
    help="With --postings: write the ranked lines here (else to standard output).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=DEFAULT_TOP,
    show_default=True,
    metavar="N",
    help="With --output: how many of the best postings to list.",
)
@click.option("--title-col", metavar="C", help="With --postings: the job title column "
              "(default: detected).")  # fmt: skip
@click.option("--text-col", metavar="C", help="With --postings: the description column "
              "(default: detected).")  # fmt: skip
@input_format_option("--input-format")
@limit_option("Match")
@click.option("--force", is_flag=True, help="Replace OUT.jsonl if it exists.")
@click.pass_context
def match(
    ctx: click.Context,
    resume: str,
    posting: str | None,
    title: str | None,
    fmt: str,
    make_plan: bool,
    database: str | None,
    postings: Path | None,
    output: Path | None,
    top: int,
    title_col: str | None,
    text_col: str | None,
    input_format: str | None,
    limit: int | None,
    force: bool,
) -> None:
    """How well your resume fits a job posting: each skill it asks for, met or missing.

    RESUME is your resume (PDF, Word, text, Markdown, JSON Resume or a LinkedIn export zip)
    and POSTING the job posting as plain text; either one, not both, can be '-' to paste it
    in. aicareers makes no network calls, so it cannot open a link to a posting: copy the
    posting's words into a file or paste them. Nothing leaves this machine.

    Example: aicareers match resume.pdf posting.txt --format markdown
    """
    _check(ctx, posting, postings)
    data, filename = _read(resume, "resume")
    from ..service.assess import AssessInput

    person = AssessInput(file=data, filename=filename)
    if postings is not None:
        from .match_batch import rank_postings

        rank_postings(person, postings, output, top=top, force=force, input_format=input_format,
                      title_col=title_col, text_col=text_col, limit=limit)  # fmt: skip
        return
    from ..service.match import match as run

    report = run(person, read_posting(str(posting)), title)
    if fmt == "json":
        emit_json(report)
    elif fmt == "markdown":
        from .render_match import match_markdown

        click.echo(match_markdown(report))
    else:
        from .render_match import match_renderables

        emit(*match_renderables(report))
    if make_plan:
        shown = database if _given(ctx, "database") else None
        if fmt != "json":
            click.echo()
        for line in plan_lines(report, database, shown):
            # JSON on standard output stays one document; the plan's news goes beside it.
            click.echo(line, err=fmt == "json")


def plan_lines(report: MatchReport, database: str | None, shown: str | None) -> list[str]:
    """Store a fast plan for the missing must-haves; the lines that say what was done, or why
    nothing was. ``shown`` is the database to name in the command to see the plan."""
    from ..service.match import missing_skills
    from ..service.plans import PlanRequest, local_planner

    missing = missing_skills(report)
    # Only the guide's own skills have learning paths; a tool such as "tech:Kubernetes" has none.
    ids = tuple(dict.fromkeys(
        s.id for s in missing if ":" not in s.id and s.learn_hours is not None
    ))  # fmt: skip
    if report.posting.career == OTHER:
        return [
            "No plan was made: this posting is not one of the 20 careers in the guide, so "
            "there is no career path to build it on. The hours above still show what each "
            "missing skill takes."
        ]
    if not missing:
        return ["No plan was made: your resume already shows every must-have this posting "
                "asks for."]  # fmt: skip
    if not ids:
        tools = "; ".join(s.name for s in missing)
        return [
            f"No plan was made: the guide has no learning path for the must-haves you are "
            f"missing ({tools}). A course or the tool's own tutorial is the place to start."
        ]
    have = ", ".join(dict.fromkeys(s.name for s in report.skills if s.matched))
    request = PlanRequest(career=report.posting.career, skills=have or None, path="fast",
                          gaps=ids)  # fmt: skip
    with local_planner(database) as planner:
        record = planner.create_from(request)
    taught = {k for step in record.plan.steps if step.id.startswith("learn-") for k in step.skills}
    names = {s.id: s.name for s in missing}
    kept = [names[i] for i in ids if i in taught]
    left = [names[i] for i in ids if i not in taught]
    where = f" --database {shown}" if shown else ""
    lines = [f"Saved plan {record.id} towards {record.plan.career_title}."]
    if kept:
        lines.append("It teaches the must-haves you are missing: " + "; ".join(kept) + ".")
    if left:
        lines.append(
            "The fast path teaches only the skills this career is built on, so the plan leaves "
            "out " + "; ".join(left) + ". The hours above show what each takes."
        )
    lines.append(f"See it: aicareers plan{where} show {record.id}")
    return lines
