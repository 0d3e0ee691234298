"""How the CLI shows one of our errors: the message, then its hint as a command to run."""

from __future__ import annotations

import click

from ..errors import AicareersError, Hint


def hint_sentence(hint: Hint | None) -> str:
    """``Run `aicareers careers list` to see every id.``; empty when the hint has no command
    (a web page is no help in a terminal)."""
    if hint is None or hint.command is None:
        return ""
    return f"Run `{hint.command}` to {hint.goal}."


def error_line(exc: AicareersError) -> str:
    """``Error: {message} {hint}``, the one way the CLI words an error."""
    return " ".join(part for part in (f"Error: {exc}", hint_sentence(exc.hint)) if part)


def show_error(exc: AicareersError) -> None:
    """Print the error's line on stderr."""
    click.echo(error_line(exc), err=True)
