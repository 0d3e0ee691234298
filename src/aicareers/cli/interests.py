"""``aicareers interests quiz``: the 12 statements whose ratings give a RIASEC profile."""

from __future__ import annotations

import click

from ..service.intake import QUIZ
from .output import emit_json, format_option


@click.group()
def interests() -> None:
    """Your work interests (RIASEC), for the interests part of an assessment.

    Example: aicareers interests quiz
    """


@interests.command()
@format_option("text", "json")
def quiz(fmt: str) -> None:
    """The 12 statements to rate from 1 (not at all) to 5 (very much).

    Example: aicareers interests quiz
    """
    if fmt == "json":
        emit_json([{"id": q.id, "type": q.type, "statement": q.statement} for q in QUIZ])
        return
    lines = ["How much would you enjoy each activity? Rate it 1 (not at all) to 5 (very much).", ""]
    lines += [f"{n:2}. {q.statement}" for n, q in enumerate(QUIZ, start=1)]
    lines += [
        "",
        "Then pass your ratings in this order, for example:",
        '  aicareers assess resume.pdf --quiz "4,2,5,5,1,2,3,3,2,4,3,4"',
    ]
    click.echo("\n".join(lines))
