"""Rich layouts for salary figures from data and for hubs from data.

Written for someone weighing a career change: money spelled out, the sample size on every
row, the guide's range beside the data, and a plain note wherever figures are withheld.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..service.market import Group, HubsReport, RemoteRow, SalaryReport, Source, Summary
from .output import EN_DASH

WITHHELD = "-"
WITHHELD_NOTE = "A dash: withheld, because fewer than 10 salaries match."
LEVEL_NAMES = {"EN": "entry", "MI": "mid", "SE": "senior", "EX": "executive"}
REMOTE_NAMES = {0: "on site", 50: "hybrid", 100: "remote"}
BANDS_HINT = "The guide's pay by experience level: aicareers salaries bands"
PERCENTILE_HEADERS = ("Low (p10)", "p25", "Median", "p75", "High (p90)")


def _table(title: str) -> Table:
    """A titled table with a ruled header and no frame, as the other reference tables."""
    return Table(
        title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
        show_edge=False, pad_edge=False,
    )  # fmt: skip


def usd(value: float | None) -> str:
    """$151,200, or a dash when the figure is withheld."""
    return "-" if value is None else f"${round(value):,}"


def percent(value: float | None) -> str:
    """0.21 -> 21%, 0.004 -> 0.4%, or a dash."""
    if value is None:
        return "-"
    return f"{value:.1%}" if 0 < value < 0.01 else f"{value:.0%}"


def heading(report: SalaryReport) -> Text:
    """What the figures are about: the role and the filters, in words."""
    role = report.role
    if role is None:
        who = "All jobs in the salary data"
    elif role.kind == "job-title":
        who = f'Job title "{role.name}"' + (f" (maps to {role.maps_to})" if role.maps_to else "")
    else:
        who = {"career": "", "reference": "Reference role: ", "other": ""}[role.kind] + role.name
    f = report.filters
    parts = [
        f"{LEVEL_NAMES[f.level]} level" if f.level else "",
        f"employer in {f.country}" if f.country else "",
        REMOTE_NAMES[f.remote] if f.remote is not None else "",
        str(f.year) if f.year else "",
        "identical rows counted once" if f.distinct_rows else "",
    ]
    chosen = ", ".join(p for p in parts if p) or "none (all levels, countries and years)"
    return Text.assemble((who, "bold"), "\n", f"Filters: {chosen}")


def _percentile_table(title: str, first: str, rows: Sequence[Group]) -> Table:
    table = _table(title)
    table.add_column(first)
    table.add_column("Salaries", justify="right")
    for header in PERCENTILE_HEADERS:
        table.add_column(header, justify="right")
    for row in rows:
        if row.suppressed:
            table.add_row(row.label, f"{row.n:,}", *[WITHHELD] * len(PERCENTILE_HEADERS))
        else:
            figures = (row.p10, row.p25, row.p50, row.p75, row.p90)
            table.add_row(row.label, f"{row.n:,}", *(usd(v) for v in figures))
    return table


def summary_rows(report: SalaryReport) -> list[Group]:
    """The overall figures as one table row, so they line up with the groups' rows."""
    figures = {name: getattr(report, name) for name in Summary.__struct_fields__}
    return [Group(key="all", label="All selected", **figures)]


def guide_line(report: SalaryReport) -> Text:
    """The guide's range beside the data's middle half, or why there is none."""
    seed = report.seed_range
    if seed is None:
        return Text("The guide quotes no pay range for this selection.", style="dim")
    plus = "+" if seed.open_ended else ""
    line = f"The guide's range: {usd(seed.min)} {EN_DASH} {usd(seed.max)}{plus} a year"
    if not report.suppressed:
        line += f"; the middle half of the data: {usd(report.p25)} {EN_DASH} {usd(report.p75)}"
        line += f", mean {usd(report.mean)}"
    return Text(line + ".")


def trend_table(report: SalaryReport) -> Table:
    """Salaries and median per year (every filter but --year)."""
    table = _table("Median by year")
    table.add_column("Year")
    table.add_column("Salaries", justify="right")
    table.add_column("Median", justify="right")
    for point in report.trend:
        table.add_row(str(point.year), f"{point.n:,}", usd(point.p50))
    return table


def source_line(source: Source) -> Text:
    """Where the numbers come from, and how they were prepared."""
    return Text(
        f"Source: {source.name}, {source.license} ({source.url}); {source.rows:,} rows, "
        f"{source.duplicate_rows:,} of them exact repeats ({source.duplicates} here). Yearly "
        "pay in USD before tax; country is where the employer is.",
        style="dim",
    )


def salary_view(report: SalaryReport) -> list[RenderableType]:
    """Heading, overall figures, the guide's range, groups, trend and source."""
    parts: list[RenderableType] = [heading(report)]
    if report.role is not None and report.role.kind != "job-title" and report.role.titles:
        parts.append(Text("Job titles counted: " + ", ".join(report.role.titles), style="dim"))
    parts.append(_percentile_table("Yearly pay in USD", "", summary_rows(report)))
    if report.message:
        parts.append(Text(report.message, style="yellow"))
    parts.append(guide_line(report))
    if report.groups:
        title = "By remote work" if report.group_by == "remote" else f"By {report.group_by}"
        parts.append(_percentile_table(title, str(report.group_by).title(), report.groups))
    if report.trend:
        parts.append(trend_table(report))
        if report.filters.year is not None:
            parts.append(Text("The years above use every filter except --year.", style="dim"))
    withheld = any(g.suppressed for g in report.groups) or any(p.suppressed for p in report.trend)
    if report.suppressed or withheld:
        parts.append(Text(WITHHELD_NOTE, style="dim"))
    parts.append(source_line(report.source))
    parts.append(Text(BANDS_HINT, style="dim"))
    return parts


def hub_table(report: HubsReport) -> Table:
    """The guide's six hubs with their country's figures."""
    table = _table("The guide's hubs in the data (by country: the data has no cities)")
    for header in ("Hub", "Country", "Salaries", "Share of data", "Median", "Country rank"):
        table.add_column(header, justify="left" if header in ("Hub", "Country") else "right")
    for hub in report.hubs:
        rank = f"{hub.rank} of {len(report.countries)}" if hub.rank else "-"
        share = percent(hub.share)
        table.add_row(hub.name, hub.country, f"{hub.n:,}", share, usd(hub.p50), rank)
    return table


def country_table(report: HubsReport, top: int = 15) -> Table:
    """The countries with the most salaries."""
    table = _table(f"Top {top} of {len(report.countries)} countries (where the employer is)")
    for header in ("#", "Country", "Salaries", "Share of data", "Median", "Fully remote"):
        table.add_column(header, justify="left" if header == "Country" else "right")
    for row in report.countries[:top]:
        table.add_row(
            str(row.rank), f"{row.name} ({row.code})", f"{row.n:,}", percent(row.share),
            usd(row.p50), percent(row.remote_share),
        )  # fmt: skip
    return table


def remote_table(title: str, rows: Sequence[RemoteRow]) -> Table:
    """Remote, hybrid and on-site shares per career or role."""
    table = _table(title)
    for header in ("Role", "Salaries", "Remote", "Hybrid", "On site"):
        table.add_column(header, justify="left" if header == "Role" else "right")
    for row in rows:
        if row.remote is None:
            table.add_row(row.name, f"{row.n:,}", WITHHELD, WITHHELD, WITHHELD)
        else:
            shares = (percent(row.remote), percent(row.hybrid), percent(row.on_site))
            table.add_row(row.name, f"{row.n:,}", *shares)
    return table


def hubs_view(report: HubsReport) -> list[RenderableType]:
    """Hubs, countries, remote work by career and by reference role, notes and source."""
    careers = [r for r in report.remote_by_career if r.kind == "career"]
    with_data = [r for r in careers if r.n]
    missing = [r.name for r in careers if not r.n]
    references = [r for r in report.remote_by_career if r.kind != "career"]
    parts: list[RenderableType] = [
        hub_table(report),
        Text(report.city_note, style="dim"),
        country_table(report),
        Text(f"Fully remote across all {report.n:,} salaries: {percent(report.remote_share)}."),
        remote_table("Remote work by career", with_data),
    ]
    if missing:
        parts.append(Text("No salaries in the data for: " + ", ".join(missing) + ".", style="dim"))
    parts += [
        remote_table("Remote work in adjacent reference roles", references),
        Text(WITHHELD_NOTE, style="dim"),
        Text("The guide: " + report.remote_note),
        source_line(report.source),
    ]
    return parts
