"""``aicareers portfolio``: lay out a portfolio repository for one career."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import show_error
from .output import emit_json, format_option
from .state import navigator

if TYPE_CHECKING:
    from ..service.portfolio import Scaffold


@click.group()
def portfolio() -> None:
    """Start a portfolio repository laid out for one career.

    Example: aicareers portfolio init my-folio --career prompt-engineer --dry-run
    """


@portfolio.command("init")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--career", "career_id", required=True, metavar="ID", help="The career to aim at.")
@click.option("--name", default=None, help="Your name, for the top-level README.")
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@format_option("text", "json")
def init(directory: Path, career_id: str, name: str | None, dry_run: bool, fmt: str) -> None:
    """Write a starter portfolio for one career into DIR (made if it does not exist).

    DIR gets a README naming you and the career, a folder per area of work, a folder per
    suggested project with its deliverables and a checklist, and writing-sample folders.
    Existing files are never replaced: if any would be, nothing is written, the clashes are
    listed and the exit code is 2.

    Example: aicareers portfolio init my-folio --career prompt-engineer --dry-run

    Leave out --dry-run to write the files.
    """
    from ..service import portfolio as service

    scaffold = service.scaffold(navigator().catalog, career_id, name)
    try:
        if dry_run:
            service.plan_only(directory, scaffold)
            written: list[str] = []
        else:
            written = service.write(directory, scaffold)
    except service.PortfolioConflictError as exc:
        if fmt != "json":
            raise
        emit_json(_report(directory, scaffold, dry_run, [], exc.conflicts))
        show_error(exc)
        raise click.exceptions.Exit(exc.exit_code) from None
    if fmt == "json":
        emit_json(_report(directory, scaffold, dry_run, written, []))
        return
    click.echo(_summary(directory, scaffold, dry_run))


def _report(
    directory: Path, scaffold: Scaffold, dry_run: bool, written: list[str], conflicts: list[str]
) -> dict[str, Any]:
    """The JSON shape of ``portfolio init``, the same on success, dry run and conflict."""
    return {
        "directory": str(directory),
        "career": scaffold.career,
        "career_title": scaffold.career_title,
        "name": scaffold.name,
        "dry_run": dry_run,
        "files": scaffold.paths,
        "written": written,
        "conflicts": conflicts,
    }


def _summary(directory: Path, scaffold: Scaffold, dry_run: bool) -> str:
    from ..service.portfolio import tree_lines

    count = len(scaffold.files)
    verb = "Would write" if dry_run else "Wrote"
    lines = [
        f"{verb} {count} files for {scaffold.career_title} into {directory}:",
        "",
        *tree_lines(str(directory), scaffold.paths),
        "",
    ]
    if dry_run:
        lines.append("Nothing was written. Run the command again without --dry-run to write it.")
    else:
        lines.append(f"Next: read {directory / 'README.md'} and pick your first project.")
    return "\n".join(lines)
