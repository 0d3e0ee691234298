"""Reference lists: skills, certifications, resources, hubs, salary bands and the steps."""

from __future__ import annotations

import click

from ..service.catalog import RESOURCE_KINDS
from .output import emit, emit_json, format_option, guide_facts
from .salaries import hubs_from_data, salaries
from .state import navigator

TABLE_OR_JSON = ("table", "json")


@click.command()
@click.option("--career", "career_id", metavar="ID", help="Only the key skills of this career.")
@format_option(*TABLE_OR_JSON)
@guide_facts
def skills(career_id: str | None, fmt: str) -> None:
    """Show skills and the careers that need them.

    Without --career: every skill by category, the skills every AI career draws on and the
    skills on the rise.

    Example: aicareers skills --career prompt-engineer
    """
    view = navigator().skills(career=career_id)
    if fmt == "json":
        emit_json(view)
        return
    from .render_reference import skills_view

    emit(*skills_view(view))


@click.command()
@format_option(*TABLE_OR_JSON)
@guide_facts
def certifications(fmt: str) -> None:
    """List the certifications worth having, by group.

    Example: aicareers certifications --format json
    """
    certs = navigator().certifications()
    if fmt == "json":
        emit_json(certs)
        return
    from .render_reference import certifications_view

    emit(*certifications_view(certs))


@click.command()
@click.option(
    "--kind", metavar="KIND", help=f"Only one kind of resource: {', '.join(RESOURCE_KINDS)}."
)
@format_option(*TABLE_OR_JSON)
@guide_facts
def resources(kind: str | None, fmt: str) -> None:
    """List places to learn, practise, read and meet people.

    Example: aicareers resources --kind course
    """
    found = navigator().resources(kind=kind)
    if fmt == "json":
        emit_json(found)
        return
    from .render_reference import resources_view

    emit(*resources_view(found, kind))


@click.command()
@click.option(
    "--from-data", is_flag=True, help="Counts, medians and remote share from the salary data."
)
@click.option(
    "--career", "career_id", metavar="ID",
    help="With --from-data: the states with the most jobs this career grows from.",
)  # fmt: skip
@format_option(*TABLE_OR_JSON)
@guide_facts
def hubs(from_data: bool, career_id: str | None, fmt: str) -> None:
    """List the cities with the most AI jobs.

    Hubs matter less than they did: many AI jobs can be done from anywhere. With --from-data:
    salaries by country beside the guide's hubs, and how often each career works remotely.
    Add --career for the states with the most jobs in the occupations a career grows from,
    with their pay (the U.S. wage survey); the guide's U.S. hubs are marked on their state.

    Example: aicareers hubs --from-data --career prompt-engineer
    """
    if career_id is not None and not from_data:
        from ..errors import Hint, UserInputError

        raise UserInputError(
            "--career works together with --from-data.",
            hint=Hint("see the career's states",
                      command=f"aicareers hubs --from-data --career {career_id}"),
        )  # fmt: skip
    if from_data:
        hubs_from_data(fmt, career_id)
        return
    view = navigator().hubs()
    if fmt == "json":
        emit_json(view)
        return
    from .render_reference import hubs_view

    emit(*hubs_view(view))


@salaries.command("bands")
@format_option(*TABLE_OR_JSON)
@guide_facts
def bands(fmt: str) -> None:
    """Show pay by experience level, from entry level to senior.

    Example: aicareers salaries bands --format json
    """
    view = navigator().salary_bands()
    if fmt == "json":
        emit_json(view)
        return
    from .render_reference import bands_view

    emit(*bands_view(view))


@click.command()
@format_option(*TABLE_OR_JSON)
@guide_facts
def steps(fmt: str) -> None:
    """Show the five steps of a switch into AI.

    Step 1 pairs common backgrounds with the careers they lead to most easily.

    Example: aicareers steps
    """
    found = navigator().steps()
    if fmt == "json":
        emit_json(found)
        return
    from .render_reference import steps_view

    emit(*steps_view(found))
