"""How an assessment looks in a terminal (Rich) and as Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..documents.reading import SCORE_LEGEND

if TYPE_CHECKING:
    from ..documents.assessment import Assessment, CareerFit, MatchedSkill
    from ..documents.local_pay import LocalPay

COMPONENTS = ("skills", "transferable", "background", "interests", "experience")
HEADERS = ("Skills", "Transfer", "Backgr.", "Interest", "Exper.")
BAR = 10


def bar(score: int) -> str:
    """A ten-cell bar: 60 -> '██████░░░░'."""
    filled = round(score / 100 * BAR)
    return "\u2588" * filled + "\u2591" * (BAR - filled)


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def quote(match: MatchedSkill) -> str:
    """A matched skill with its first quote, or how it was inferred."""
    if match.evidence:
        return f'{match.name} ("{match.evidence[0].text}")'
    return f"{match.name} ({match.how})"


def understood(report: Assessment) -> list[str]:
    """Plain lines on what the engine read from the person's words."""
    profile = report.profile
    lines = []
    if profile.titles:
        lines.append("Job titles: " + "; ".join(profile.titles[:3]))
    if report.occupations:
        jobs = ", ".join(f"{o.title} ({o.confidence:.0%})" for o in report.occupations[:3])
        lines.append(f"Closest O*NET occupations: {jobs}")
    if profile.backgrounds:
        lines.append("Background: " + ", ".join(b.name for b in profile.backgrounds[:3]))
    if profile.years_experience is not None:
        lines.append(f"Years of experience: {profile.years_experience:g}")
    if profile.interests_source:
        lines.append(f"Interests: {profile.interests_source}")
    for note in profile.notes:
        lines.append(f"Note: {note}")
    if report.reading is not None:
        lines.append(report.reading.summary)
    return lines


def ranking_table(report: Assessment) -> Table:
    """One row a career: rank, title, score bar and the five components."""
    table = Table(title="Careers ranked for you (0-100)", title_justify="left", expand=False)
    table.add_column("#", justify="right")
    table.add_column("Career")
    table.add_column("Fit", no_wrap=True)
    for header in HEADERS:
        table.add_column(header, justify="right")
    for rank, career in enumerate(report.careers, start=1):
        components = [_cell(career.components[name]) for name in COMPONENTS]
        fit = f"{bar(career.score)} {career.score:>3}"
        table.add_row(str(rank), career.title, fit, *components)
    return table


def career_detail(rank: int, career: CareerFit) -> RenderableType:
    """Why one career fits, what the person already shows and what to learn next."""
    lines = [
        Text(f"{rank}. {career.title}: {career.score}/100", style="bold"),
        Text(f"   Why: {career.reason}"),
    ]
    if career.matched:
        shown = "; ".join(quote(m) for m in career.matched[:5])
        lines.append(Text(f"   You already show: {shown}"))
    if career.missing:
        gaps = ", ".join(m.name for m in career.missing[:5])
        lines.append(Text(f"   To learn next: {gaps}"))
    lines.append(Text(f"   More: aicareers careers show {career.id}"))
    return Group(*lines)


def money(value: float | None) -> str:
    """``82510.0`` -> ``$82,510``; a figure nobody published reads as such, never as 0."""
    return "not published" if value is None else f"${value:,.0f}"


def _signed(value: float | None) -> str:
    return "-" if value is None else f"{'+' if value >= 0 else '-'}${abs(value):,.0f}"


def pay_here_rows(local: LocalPay, details: int) -> tuple[list[str], list[list[str]]]:
    """Lines on the person's pay today, and a row per career shown in detail."""
    lines = [f"You today, {o.title}: median {money(o.median)} in {local.area_name} "
             f"({money(o.p25)} to {money(o.p75)}; {money(o.national_median)} nationally)"
             for o in local.current]  # fmt: skip
    if local.abroad and local.country_ai_jobs_n:
        lines.append(f"All AI job titles in {local.area_name}: median "
                     f"{money(local.country_ai_jobs_median)} ({local.country_ai_jobs_n:,} "
                     "salaries, ai-jobs.net)")  # fmt: skip
    rows = []
    for career in local.careers[:details]:
        n = career.ai_jobs_n
        ai = (f"{money(career.ai_jobs_median)} (n={n})" if career.ai_jobs_median is not None
              else f"too few (n={n})" if n else "none in the data")  # fmt: skip
        base = "U.S. only" if local.abroad else money(career.median)
        rows.append([career.title, base, _signed(career.difference), ai])
    return lines, rows


PAY_HEADERS = ("Career", "Grows from: median", "vs. you today", "AI job titles: median")


def pay_here_table(local: LocalPay, details: int) -> RenderableType:
    """Pay where the person lives: today's occupations, then each top career."""
    lines, rows = pay_here_rows(local, details)
    table = Table()
    for header in PAY_HEADERS:
        table.add_column(header, justify="left" if header == "Career" else "right")
    for row in rows:
        table.add_row(*row)
    foot = [*local.notes, local.source if not local.abroad else "Salaries: ai-jobs.net (CC0)"]
    head = Text(f"Pay where you live: {local.area_name}", style="bold")
    return Group(head, Text("\n".join(lines)), table, Text("\n".join(foot), style="dim"))


def assessment_renderables(report: Assessment, details: int) -> list[RenderableType]:
    """Everything the table view prints, in order."""
    head = understood(report)
    parts: list[RenderableType] = [Text("What we read from you\n" + "\n".join(head))]
    parts.append(ranking_table(report))
    parts.append(Text(SCORE_LEGEND, style="dim"))
    parts.extend(
        career_detail(rank, career)
        for rank, career in enumerate(report.careers[:details], start=1)
    )
    if report.local_pay is not None:
        parts.append(pay_here_table(report.local_pay, max(details, 3)))
    return parts


def assessment_markdown(report: Assessment, details: int) -> str:
    """The same content as a Markdown document (to save or paste)."""
    out = ["# Your AI career assessment", "", "## What we read from you", ""]
    out += [f"- {line}" for line in understood(report)]
    out += ["", "## Careers ranked for you", "",
            "| # | Career | Fit | " + " | ".join(HEADERS) + " |",
            "|---:|---|---:|" + "---:|" * len(HEADERS)]  # fmt: skip
    for rank, career in enumerate(report.careers, start=1):
        cells = " | ".join(_cell(career.components[n]) for n in COMPONENTS)
        out.append(f"| {rank} | {career.title} | {career.score} | {cells} |")
    out += ["", SCORE_LEGEND]
    for rank, career in enumerate(report.careers[:details], start=1):
        out += ["", f"## {rank}. {career.title} ({career.score}/100)", "", career.reason]
        if career.matched:
            out += ["", "You already show:", ""] + [f"- {quote(m)}" for m in career.matched]
        if career.missing:
            out += ["", "To learn next:", ""] + [f"- {m.name}" for m in career.missing]
    if report.local_pay is not None:
        out += _pay_markdown(report.local_pay, max(details, 3))
    return "\n".join(out) + "\n"


def _pay_markdown(local: LocalPay, details: int) -> list[str]:
    lines, rows = pay_here_rows(local, details)
    out = ["", f"## Pay where you live: {local.area_name}", ""]
    out += [f"- {line}" for line in lines]
    out += ["", "| " + " | ".join(PAY_HEADERS) + " |", "|---|---:|---:|---:|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    out += ["", *local.notes, "", local.source if not local.abroad else "Salaries: ai-jobs.net"]
    return out
