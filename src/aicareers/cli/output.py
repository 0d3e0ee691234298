"""Printing for every command: JSON to plain stdout, Rich renderables through one console.

Rich costs tens of milliseconds to import, so it is imported only on the human-readable path;
``--format json`` never loads it.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import textwrap
from collections.abc import Callable
from io import StringIO
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click
import msgspec

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ..documents.catalog import Pay

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_WIDTH = 100
MIN_WIDTH = 20
# Ranges read better with an en dash; spelled as an escape so linters see it is meant.
EN_DASH = "\u2013"
CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$", "SGD": "S$"}


def format_option(*choices: str) -> Callable[[F], F]:
    """The ``--format`` option; the first choice is the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="How to print: for people, or JSON for other programs.",
    )


def emit_json(data: object) -> None:
    """Print ``data`` (views, structs, lists) as indented UTF-8 JSON."""
    click.echo(json.dumps(msgspec.to_builtins(data), indent=2, ensure_ascii=False))


def _width(tty: bool) -> int:
    """The width to lay tables out in: the terminal's, else $COLUMNS, else 100."""
    if tty:
        try:
            columns = os.get_terminal_size(sys.stdout.fileno()).columns
        except (OSError, ValueError):
            columns = 0
        # Some pseudo-terminals report zero columns; fall through to $COLUMNS then.
        if columns >= MIN_WIDTH:
            return columns
    # Output that is piped or captured has no terminal to measure: a fixed width keeps it stable.
    env = os.environ.get("COLUMNS", "")
    return int(env) if env.isdigit() and int(env) >= MIN_WIDTH else DEFAULT_WIDTH


def make_console(file: StringIO) -> Console:
    """A console writing to ``file``: colour only on a terminal and when NO_COLOR is unset."""
    from rich.console import Console

    tty = sys.stdout.isatty()
    colour = tty and not os.environ.get("NO_COLOR")
    return Console(
        file=file,
        width=_width(tty),
        force_terminal=colour,
        color_system="auto" if colour else None,
        no_color=not colour,
        # Catalog text is data, not markup: "[1]" or ":robot:" must print as written.
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def emit(*renderables: RenderableType) -> None:
    """Render Rich objects, a blank line apart, and print them through click (tests capture it)."""
    buffer = StringIO()
    console = make_console(buffer)
    for index, renderable in enumerate(renderables):
        if index:
            console.print()
        console.print(renderable)
    # Rich pads every line to the full width; trailing spaces only get in the way of copy,
    # paste and diff.
    lines = buffer.getvalue().splitlines()
    click.echo("\n".join(line.rstrip() for line in lines))


def guide_facts(command: F) -> F:
    """Mark a command that prints the guide's facts (put it right above ``def``).

    After the command's text, never its JSON, one dim line says which guide the facts come
    from and that they should be checked before anyone acts on them. A command that fails
    prints no such line.
    """

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        result = command(*args, **kwargs)
        if kwargs.get("fmt") != "json":
            _print_guide_date()
        return result

    return cast(F, run)


def _print_guide_date() -> None:
    # Plain click, not Rich: ``careers list`` prints without importing Rich, to start fast.
    from .state import navigator

    day = navigator().catalog.guide.published
    note = (
        f"From the guide of {day.day} {day:%B %Y}; pay, titles and courses change, "
        "so check them before you decide."
    )
    tty = sys.stdout.isatty()
    dim = tty and not os.environ.get("NO_COLOR")
    click.echo()
    for line in textwrap.wrap(note, _width(tty)):
        click.echo(click.style(line, dim=True) if dim else line)


def money(amount: int, currency: str) -> str:
    """``95000, "USD"`` -> ``$95,000``; unknown currencies keep their code."""
    sign = CURRENCY_SIGNS.get(currency)
    return f"{sign}{amount:,}" if sign else f"{amount:,} {currency}"


def pay_range(pay: Pay) -> str:
    """A pay range as people write it: ``$150,000 - $300,000+`` (with an en dash)."""
    plus = "+" if pay.open_ended else ""
    return f"{money(pay.min, pay.currency)} {EN_DASH} {money(pay.max, pay.currency)}{plus}"
