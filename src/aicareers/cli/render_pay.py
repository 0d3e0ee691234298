"""Rich layouts for local pay: a career's three pay sources, its base occupations and its states.

Written for someone weighing a move: every figure says where it holds, how old it is and how
much data it rests on. A figure the wage survey did not publish prints as a dash that a line
below explains, never as 0, and the base occupations always say they are not the AI role's pay.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..service.pay import BaseOccupation, LocalCareerPay, PaySource, StateDemand, state_choices
from .output import EN_DASH

MISSING = "\u2014"  # an em dash: no figure, which a zero would misstate
MISSING_NOTE = f"{MISSING} means the wage survey publishes no figure for it there."
TOP_STATES = 10


def _table(title: str) -> Table:
    """A titled table with a ruled header and no frame, as the other data tables."""
    return Table(
        title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
        show_edge=False, pad_edge=False,
    )  # fmt: skip


def dollars(value: float | None) -> str:
    """$151,200, or a dash when there is no figure."""
    return MISSING if value is None else f"${round(value):,}"


def count(value: int | None) -> str:
    """12,345, or a dash when there is no figure."""
    return MISSING if value is None else f"{value:,}"


def ratio(value: float | None) -> str:
    """A location quotient as printed (1.08), or a dash."""
    return MISSING if value is None else f"{value:.2f}"


def span(low: float | None, high: float | None) -> str:
    """``$85,000 - $145,000`` (with an en dash), or a dash when either end is missing."""
    if low is None or high is None:
        return MISSING
    return f"{dollars(low)} {EN_DASH} {dollars(high)}"


def based_on(source: PaySource) -> str:
    """How much data a figure rests on: salaries reported, or jobs counted by the survey."""
    if source.n is not None:
        return f"{source.n:,} salar{'y' if source.n == 1 else 'ies'}"
    if source.employment is not None:
        return f"{source.employment:,} jobs"
    return MISSING


def is_state(pay: LocalCareerPay) -> bool:
    """Whether the pay is for a U.S. state (a country's code can equal a state's: DE)."""
    return state_choices().get(pay.area) == pay.area_name


def source_of(pay: LocalCareerPay, kind: str) -> PaySource | None:
    return next((s for s in pay.sources if s.kind == kind), None)


def sources_table(pay: LocalCareerPay) -> Table:
    """The sources side by side, one row each."""
    table = _table("Three sources side by side (yearly pay in USD, before tax)")
    for header in ("Source", "Range", "Median", "Based on", "Where", "When"):
        right = header in ("Range", "Median", "Based on")
        # Figures and dates stay on one line; the words around them wrap instead.
        table.add_column(header, justify="right" if right else "left",
                         no_wrap=header not in ("Source", "Where"))  # fmt: skip
    for source in pay.sources:
        table.add_row(
            source.label, span(source.low, source.high), dollars(source.median),
            based_on(source), source.area, source.date,
        )  # fmt: skip
    return table


def source_notes(pay: LocalCareerPay) -> Text:
    """What the range means, then each source's own note."""
    lines = [
        "Range: the guide's low to high; for the salary data and the survey, the middle half "
        "of pay (25th to 75th percentile).",
        *(f"{s.label}: {s.note}" for s in pay.sources if s.note),
    ]
    return Text("\n".join(lines), style="dim")


def base_title(base: BaseOccupation) -> str:
    """The occupation's title, with its code when the survey does not know it."""
    return base.title if base.soc else f"{base.title} (not in the wage survey)"


def base_table(pay: LocalCareerPay) -> Table:
    """The occupations this role grows from, with their pay in the state (or the U.S.)."""
    local = is_state(pay)
    where = pay.area_name if local else "the United States"
    table = _table(f"Occupations this role grows from, in {where}")
    headers = ["Occupation", "Share", "p25", "Median", "p75", "Jobs"]
    if local:
        headers += ["Concentration", "U.S. median"]
    for header in headers:
        table.add_column(header, justify="left" if header == "Occupation" else "right")
    for base in pay.base:
        row = base.local if local else base.national
        cells = [
            base_title(base), f"{base.weight:.0%}",
            *(dollars(getattr(row, name)) if row else MISSING for name in ("p25", "p50", "p75")),
            count(row.employment) if row else MISSING,
        ]  # fmt: skip
        if local:
            cells.append(ratio(row.location_quotient) if row else MISSING)
            cells.append(dollars(base.national.p50) if base.national else MISSING)
        table.add_row(*cells)
    return table


def base_missing(base: BaseOccupation, local: bool) -> bool:
    """Whether the base table shows a dash anywhere in this occupation's row."""
    row = base.local if local else base.national
    if row is None or None in (row.p25, row.p50, row.p75, row.employment):
        return True
    national = base.national.p50 if base.national else None
    return local and (row.location_quotient is None or national is None)


def base_notes(pay: LocalCareerPay) -> Text:
    """What the base table is and is not, and what its columns mean."""
    where = pay.area_name if is_state(pay) else "the United States"
    lines = [
        "These are the jobs this AI role grows out of. The figures say what people in them earn "
        f"in {where}; they are not the pay of the AI role itself.",
        "Share: how much the role draws on each occupation.",
    ]
    if is_state(pay):
        lines.append(
            f"Concentration (location quotient): above 1, the job is more common in "
            f"{pay.area_name} than in the U.S. as a whole; below 1, less common."
        )
    if any(base_missing(b, is_state(pay)) for b in pay.base):
        lines.append(MISSING_NOTE)
    lines += [f"{b.onet_code}: {b.note}" for b in pay.base if b.note]
    return Text("\n".join(lines), style="dim")


def citation(pay: LocalCareerPay) -> Text:
    """The citation the wage survey asks for."""
    survey = source_of(pay, "base-occupations")
    return Text(survey.source if survey else "", style="dim")


def local_pay_view(pay: LocalCareerPay) -> list[RenderableType]:
    """Heading, sources, warnings about the place, base occupations and the citation."""
    parts: list[RenderableType] = [
        Text.assemble((pay.career_name, "bold"), f": pay in {pay.area_name}"),
        sources_table(pay),
        source_notes(pay),
    ]
    warnings = [*pay.notes, *([pay.no_metro_note] if pay.no_metro_note else [])]
    if warnings:
        parts.append(Text("\n".join(warnings), style="yellow"))
    parts += [base_table(pay), base_notes(pay), citation(pay)]
    return parts


def links_text(pay: LocalCareerPay) -> str:
    """The job-board searches as plain lines, so that no URL is wrapped or cut."""
    lines = ["Search the job boards (links only; nothing is fetched until you open one):"]
    for link in pay.links:
        lines += [f"  {link.board}: {link.title}, {link.place}", f"    {link.url}"]
    return "\n".join(lines)


def national_line(source: PaySource) -> str:
    """One source in one line: its figures, what they rest on, where and when."""
    if source.low is None and source.median is None:
        # The sources' own notes suggest filters; a career's page has none, so say it plainly.
        if source.n == 0:
            return f"{source.label}: none in the salary data for this career's job titles"
        if source.n:
            return (f"{source.label}: only {based_on(source)} ({source.date}), too few to show "
                    "a figure (10 or more are needed)")  # fmt: skip
        return f"{source.label}: no figures published ({source.area}, {source.date})"
    if source.kind == "guide":
        return f"{source.label}: {span(source.low, source.high)} ({source.date})"
    figures = f"median {dollars(source.median)}, middle half {span(source.low, source.high)}"
    # "All countries" sits mid-sentence here; a country's or state's name keeps its capital.
    area = source.area.lower() if source.area.startswith("All ") else source.area
    line = f"{source.label}: {figures} ({based_on(source)}, {area}, {source.date})"
    if source.kind == "base-occupations":
        line += "; what people in them earn, not this AI role's pay"
    return line


def national_pay(pay: LocalCareerPay) -> list[str]:
    """The sources nationally for a career's page, and the command for pay in a state."""
    return [
        *(national_line(s) for s in pay.sources),
        f"Pay in your state: aicareers salaries --career {pay.career} --state XX",
    ]


def shown_states(states: Sequence[StateDemand], top: int = TOP_STATES) -> list[int]:
    """Positions of the top states, then of any state with a guide's hub below them."""
    return [*range(min(top, len(states))),
            *(i for i, s in enumerate(states) if i >= top and s.hub)]  # fmt: skip


def states_table(pay: LocalCareerPay, states: Sequence[StateDemand]) -> Table:
    """The states with the most jobs in the career's base occupations, hub states always in."""
    table = _table(
        f"Top {TOP_STATES} states by jobs in the occupations {pay.career_name} grows from"
    )
    for header in ("#", "State", "Jobs", "Median pay", "Concentration", "The guide's hub"):
        left = header in ("State", "The guide's hub")
        table.add_column(header, justify="left" if left else "right")
    ruled = False
    for position in shown_states(states):
        state = states[position]
        if position >= TOP_STATES and not ruled:
            table.add_section()  # a rule between the top states and hub states further down
            ruled = True
        table.add_row(
            str(position + 1), f"{state.name} ({state.state})", count(state.employment),
            dollars(state.median), ratio(state.location_quotient), state.hub or "",
        )  # fmt: skip
    return table


def states_view(pay: LocalCareerPay, states: Sequence[StateDemand]) -> list[RenderableType]:
    """The states table and what its figures are."""
    survey = source_of(pay, "base-occupations")
    release = survey.date if survey else ""
    shown = [states[i] for i in shown_states(states)]
    figures = [f for s in shown for f in (s.employment, s.median, s.location_quotient)]
    parts: list[RenderableType] = [
        states_table(pay, states),
        Text(
            f"Figures are for the occupations this career grows from, by state (BLS OEWS "
            f"{release}), not for the AI role itself. The survey has no city figures here, so "
            "the guide's hubs are shown at state level. Jobs: people employed in those "
            "occupations; median pay: their medians weighted by how much the role draws on "
            "each; concentration above 1: more common there than in the U.S. as a whole.",
            style="dim",
        ),
    ]
    if None in figures:
        parts.append(Text(MISSING_NOTE, style="dim"))
    return parts
