"""The root ``aicareers`` command: version, shared state and the one place errors are shown."""

from __future__ import annotations

import importlib
from typing import Any

import click

from ..errors import AicareersError, ModelNotBuiltError
from ..service.setup_report import Reporter, report_with
from ..version import __version__
from . import careers, find, reference, salaries
from .errors import hint_sentence, show_error

# Commands whose modules pull in numpy, the taxonomy or the encoder are imported only when
# they run (or when --help lists them), so `aicareers careers list` starts fast.
LAZY_COMMANDS = {
    "assess": "aicareers.cli.assess:assess",
    "occupations": "aicareers.cli.occupations:occupations",
    "batch": "aicareers.cli.batch:batch",
    "cohort": "aicareers.cli.cohort:cohort",
    "data": "aicareers.cli.data:data",
    "model": "aicareers.cli.model:model",
    "interests": "aicareers.cli.interests:interests",
    "plan": "aicareers.cli.plan:plan",
    "assessments": "aicareers.cli.assessments:assessments",
    "portfolio": "aicareers.cli.portfolio:portfolio",
    "serve": "aicareers.cli.serve:serve",
    "postings": "aicareers.cli.postings:postings",
    "match": "aicareers.cli.match:match",
}


class AicareersGroup(click.Group):
    """A click group that turns our own errors into a message and an exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Eager and lazy commands, sorted."""
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import a lazy command's module on first use."""
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            module, _, attr = LAZY_COMMANDS[cmd_name].partition(":")
            command: click.Command = getattr(importlib.import_module(module), attr)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; an ``AicareersError`` prints ``Error: ...`` and exits non-zero."""
        try:
            return super().invoke(ctx)
        except AicareersError as exc:
            show_error(exc)
            ctx.exit(exc.exit_code)


@click.group(cls=AicareersGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="aicareers")
def cli() -> None:
    """Explore the AI careers of 2026: pay, skills and how to break in.

    Example: aicareers careers show prompt-engineer
    """
    # The first command that needs the text encoder builds it; its words go to stderr, so
    # that JSON on stdout stays clean.
    report_with(Reporter(progress=_progress, unavailable=_unavailable))


def _progress(line: str) -> None:
    click.echo(line, err=True)


def _unavailable(error: ModelNotBuiltError) -> None:
    """The one message when the encoder cannot be built: the command goes on, by name only."""
    click.echo(" ".join(p for p in (f"Warning: {error}", hint_sentence(error.hint)) if p), err=True)


cli.add_command(careers.careers)
cli.add_command(reference.skills)
cli.add_command(reference.certifications)
cli.add_command(reference.resources)
cli.add_command(reference.hubs)
cli.add_command(salaries.salaries)
cli.add_command(reference.steps)
cli.add_command(find.search)
cli.add_command(find.catalog)


def main() -> None:
    """Entry point of the ``aicareers`` command."""
    cli(prog_name="aicareers")
