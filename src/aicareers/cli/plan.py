"""``aicareers plan``: a dated plan towards one career, and the progress made on it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import UserInputError
from ..service.plan_shares import DEFAULT_BASE_URL
from ..service.plans import (
    DEFAULT_HOURS_PER_WEEK,
    EXPORT_FORMATS,
    ExportFormat,
    PlanRequest,
    parse_day,
    plan_document,
)
from .output import emit, emit_json, format_option

PATHS = ("fast", "thorough")  # the plan's two paths (see the help of --path)

if TYPE_CHECKING:
    from ..service.plans import Planner, PlanRecord


@contextmanager
def planner(database: str | None) -> Iterator[Planner]:
    """A planner over the store named by --database (or the environment, or the default)."""
    from ..service.plans import local_planner

    with local_planner(database) as found:
        yield found


@click.group()
@click.option("--database", envvar="AICAREERS_DATABASE_URL", metavar="URL",
              help="sqlite:///path or postgresql://user@host/db (default: a SQLite file in "
              "your data folder; also read from AICAREERS_DATABASE_URL).")  # fmt: skip
@click.pass_context
def plan(ctx: click.Context, database: str | None) -> None:
    """Turn a career into a dated plan and track your progress on it.

    \b
    Example: aicareers plan create --career mlops-engineer --skills "Python, Docker"
    Then:    aicareers plan show 1
             aicareers plan step 1 learn-ci-cd --done --note "finished the course"
             aicareers plan export 1 --format ics --out plan.ics
             aicareers plan share 1
    """
    ctx.obj = database


@plan.command()
@click.option("--career", required=True, help="Career id, e.g. mlops-engineer.")
@click.option("--from-assessment", "assessment_id", type=int,
              help="Use the gaps of an assessment saved with `assess --save`.")  # fmt: skip
@click.option("--skills", help='Skills you already have, comma separated: "Python, SQL".')
@click.option("--hours-per-week", "hours", type=float, default=DEFAULT_HOURS_PER_WEEK,
              show_default=True, help="Hours a week you can give.")  # fmt: skip
@click.option("--start", help="First day of the plan, YYYY-MM-DD (default: today).")
@click.option("--free-only", is_flag=True, help="Only free resources and certificates.")
@click.option("--platform", "platforms", multiple=True,
              help="A platform to prefer, e.g. coursera or deeplearning-ai (repeat).")  # fmt: skip
@click.option("--path", type=click.Choice(PATHS), default="thorough", show_default=True,
              help="fast: the must-have skills, free resources, one project; thorough: "
              "every gap, more projects and credentials.")  # fmt: skip
@click.option("--background", metavar="ID",
              help="Your background, e.g. healthcare or software-engineering (see `steps`): "
              "community and practice steps are chosen for it.")  # fmt: skip
@format_option("table", "json")
@click.pass_obj
def create(
    database: str | None,
    career: str,
    assessment_id: int | None,
    skills: str | None,
    hours: float,
    start: str | None,
    free_only: bool,
    platforms: tuple[str, ...],
    path: str,
    background: str | None,
    fmt: str,
) -> None:
    """Build and save a plan: learning, projects, community and the job search, side by side.

    Example: aicareers plan create --career prompt-engineer --skills "Python" --path fast
    """
    request = PlanRequest(
        career=career, skills=skills, assessment_id=assessment_id, hours_per_week=hours,
        start=start, free_only=free_only, platforms=platforms, path=path, background=background,
    )  # fmt: skip
    with planner(database) as p:
        record = p.create_from(request)
    _show(record, fmt, created=True)


@plan.command("list")
@format_option("table", "json")
@click.pass_obj
def list_plans(database: str | None, fmt: str) -> None:
    """Your plans with their progress.

    Example: aicareers plan list
    """
    with planner(database) as p:
        records = p.all()
    if fmt == "json":
        emit_json([plan_document(r) for r in records])
        return
    from .render_plan import plans_table

    emit(plans_table(records))


@plan.command()
@click.argument("plan_id", metavar="PLAN", type=int)
@click.option("--today", help="Show progress as of this day, YYYY-MM-DD (default: today).")
@format_option("table", "json")
@click.pass_obj
def show(database: str | None, plan_id: int, today: str | None, fmt: str) -> None:
    """A plan: progress, next steps, overdue steps, and every step with its due date.

    Example: aicareers plan show 1 --format json
    """
    with planner(database) as p:
        record = p.get(plan_id, today=parse_day(today, "today"))
    _show(record, fmt)


def _show(record: PlanRecord, fmt: str, created: bool = False) -> None:
    if fmt == "json":
        emit_json(plan_document(record))
        return
    from .render_plan import plan_renderables

    emit(*plan_renderables(record, created=created))


@plan.command()
@click.argument("plan_id", metavar="PLAN", type=int)
@click.argument("step")
@click.option("--done", "action", flag_value="done", help="You finished the step.")
@click.option("--start", "action", flag_value="start", help="You are working on it.")
@click.option("--skip", "action", flag_value="skip", help="You will not do it.")
@click.option("--reopen", "action", flag_value="reopen", help="Take a done or skipped step back.")
@click.option("--note", help="A note to keep with the change.")
@format_option("table", "json")
@click.pass_obj
def step(
    database: str | None, plan_id: int, step: str, action: str | None, note: str | None, fmt: str
) -> None:
    """Record progress on one step of a plan (it is saved before this command answers).

    Example: aicareers plan step 1 learn-python --done --note "finished the course"
    """
    if action is None:
        raise UserInputError("Say what happened: add --done, --start, --skip or --reopen.")
    with planner(database) as p:
        result = p.step(plan_id, step, action, note=note)
    if fmt == "json":
        emit_json(result)
        return
    from .render_plan import event_line, progress_line

    click.echo(event_line(result.event))
    click.echo(progress_line(result.progress))


@plan.command()
@click.argument("plan_id", metavar="PLAN", type=int)
@click.option("--revoke", is_flag=True, help="Stop sharing: the link stops working at once.")
@click.option("--base-url", default=DEFAULT_BASE_URL, show_default=True, metavar="URL",
              help="The address of `aicareers serve` that the link points to.")  # fmt: skip
@format_option("table", "json")
@click.pass_obj
def share(database: str | None, plan_id: int, revoke: bool, base_url: str, fmt: str) -> None:
    """Make a read-only link to a plan for a coach or a friend, or stop sharing it.

    The link shows the plan and your progress, never your notes. Sharing again makes a new
    link and the old one stops working. The link opens while `aicareers serve` runs.

    Example: aicareers plan share 1 --base-url https://plans.example.org
    """
    from ..service.plan_shares import ShareLink, Sharing, share_url

    if not revoke:
        _check_base_url(base_url)
    with planner(database) as p:
        sharing = Sharing(p.store, p.user_id)
        if revoke:
            stopped = sharing.revoke(plan_id)
        else:
            url = share_url(base_url, sharing.share(plan_id))
    if revoke:
        if fmt == "json":
            emit_json({"plan": plan_id, "revoked": stopped})
        elif stopped:
            click.echo(f"Plan {plan_id} is no longer shared: its link no longer opens.")
        else:
            click.echo(f"Plan {plan_id} was not shared; nothing to stop.")
        return
    if fmt == "json":
        emit_json(ShareLink(plan=plan_id, url=url))
        return
    click.echo(f"Read-only link to plan {plan_id}:\n{url}")
    click.echo(
        "Anyone with this link can read the plan and your progress (not your notes) until "
        f"you stop sharing it: aicareers plan share {plan_id} --revoke"
    )


def _check_base_url(base_url: str) -> None:
    if not base_url.startswith(("http://", "https://")) or len(base_url) < len("http://x"):
        raise UserInputError(
            f"--base-url must be a web address such as {DEFAULT_BASE_URL} (got '{base_url}')."
        )


@plan.command()
@click.argument("plan_id", metavar="PLAN", type=int)
@format_option("table", "json")
@click.pass_obj
def history(database: str | None, plan_id: int, fmt: str) -> None:
    """Every change recorded on a plan, oldest first.

    Example: aicareers plan history 1
    """
    with planner(database) as p:
        the_plan, history = p.history_document(plan_id)
    if fmt == "json":
        emit_json(history)
        return
    from .render_plan import history_table

    emit(history_table(the_plan, list(history.events)))


@plan.command()
@click.argument("plan_id", metavar="PLAN", type=int)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="md (Markdown), json, ics (calendar), csv or svg (the timeline).")  # fmt: skip
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")  # fmt: skip
@click.option("--force", is_flag=True, help="Replace --out if it already exists.")
@click.pass_obj
def export(
    database: str | None, plan_id: int, fmt: ExportFormat, out: Path | None, force: bool
) -> None:
    """Export a plan to Markdown, JSON, a calendar (iCalendar) or a spreadsheet (CSV).

    Example: aicareers plan export 1 --format ics --out plan.ics
    """
    with planner(database) as p:
        text = p.export(plan_id, fmt)
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_export(out, text, force)
    click.echo(f"Wrote {out}", err=True)


def write_export(out: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``out`` whole (a temporary file renamed into place), never half."""
    if out.exists() and not force:
        raise UserInputError(f"{out} already exists. Choose another --out, or add --force.")
    if not out.parent.is_dir():
        raise UserInputError(f"The folder {out.parent} does not exist. Create it first.")
    partial = out.with_name(f".{out.name}.partial")
    try:
        # newline="" keeps the CRLF line ends that iCalendar requires.
        with partial.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserInputError(f"Could not write {out}: {exc.strerror}.") from None
