"""Rich layouts for the reference lists and search results.

Imported only on the human-readable path, so importing Rich at the top here costs JSON nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..documents.catalog import (
    BandsView,
    CertificationView,
    HubsView,
    Link,
    Ref,
    ResourceView,
    SkillsView,
    StepView,
)
from .output import EN_DASH, pay_range
from .render_careers import bullets, hint, names

if TYPE_CHECKING:
    from ..service.catalog import Hit

CATEGORY_TITLES = {
    "technical": "Technical skills",
    "design": "Design skills",
    "business": "Business skills",
    "domain": "Domain knowledge",
    "soft": "People skills",
}
CERT_GROUP_TITLES = {
    "technical": "Technical certifications",
    "ethics-governance": "Ethics and governance certifications",
    "specialized": "Specialized certifications",
    "course-certificate": "Course certificates",
}

RESOURCE_KIND_TITLES = {
    "learning-platform": "Learning platforms",
    "course": "Courses",
    "news": "News",
    "research": "Research",
    "podcast": "Podcasts",
    "video": "Video",
    "community": "Communities",
    "conference": "Conferences",
    "practice": "Practice",
    "freelance": "Freelance platforms",
    "publishing": "Publishing",
    "guide": "Guides",
    "regulation": "Regulations",
}


def _table(title: str | None = None, leading: int = 0, expand: bool = True) -> Table:
    """The house style: a simple ruled header, title on the left, no outer frame, full width."""
    # Column ratios only take effect in an expanded table.
    return Table(
        title=title,
        leading=leading,
        expand=expand,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )


def _named(name: str, url: str | None) -> Text:
    """A name, with its web address on the next line when there is one."""
    return Text.assemble((name, "bold"), *((("\n", ""), (url, "cyan")) if url else ()))


def skills_view(view: SkillsView) -> list[RenderableType]:
    """One career's skills, or every skill by category plus the essential and rising ones."""
    if view.career is not None:
        table = _table(f"Key skills for {view.career.name}", leading=1)
        for column in ("Skill", "Kind", "What it is"):
            table.add_column(column)
        for s in view.skills:
            table.add_row(Text(s.name, style="bold"), s.category, s.description)
        return [table, hint("Every skill and the careers that need it: aicareers skills")]
    parts: list[RenderableType] = []
    # Every category the data holds gets a table, one without a title here too: a skill left
    # out of the list is a skill nobody finds.
    for category in dict.fromkeys([*CATEGORY_TITLES, *(s.category for s in view.skills)]):
        table = _table(CATEGORY_TITLES.get(category, f"{category.capitalize()} skills"))
        table.add_column("Skill", ratio=2)
        table.add_column("Careers that need it", ratio=3)
        for s in (s for s in view.skills if s.category == category):
            table.add_row(s.name, ", ".join(c.name for c in s.careers) or "—")
        if table.row_count:
            parts.append(table)
    essential = _table("Skills every AI career draws on", leading=1)
    for column in ("Group", "Skills", "Why it matters"):
        essential.add_column(column)
    for g in view.essential:
        essential.add_row(g.name, ", ".join(s.name for s in g.skills), g.note)
    trending = _table("Skills on the rise")
    for column in ("Capability", "Related skills"):
        trending.add_column(column, ratio=1)
    for t in view.trending:
        trending.add_row(t.name, ", ".join(s.name for s in t.skills))
    titles = dict.fromkeys(s.title for t in view.trending for s in t.sources)
    sources = hint(f"Sources: {'; '.join(titles)}")
    return [*parts, essential, Group(trending, sources)]


def _entry(name: str, by: str | None, detail: str, url: str | None, *notes: str) -> Text:
    """A list entry: name and who offers it, what it is, its address on its own line, notes.

    Addresses get their own line, not a table cell, so they are never cut and stay clickable.
    """
    text = Text(name, style="bold")
    if by and by.casefold() not in name.casefold():
        text.append(f" · {by}")
    text.append(f"\n{detail}")
    if url:
        text.append(f"\n{url}", style="cyan")
    for note in notes:
        text.append(f"\n{note}", style="dim")
    return text


def _section(title: str, entries: Sequence[Text]) -> RenderableType:
    """A bold title over a bulleted list of entries, a blank line apart."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for index, entry in enumerate(entries):
        grid.add_row("•", entry)
        if index < len(entries) - 1:
            grid.add_row("", "")
    return Group(Text(title, style="bold"), Padding(grid, (0, 0, 0, 2)))


def _recommended(careers: Sequence[Ref]) -> tuple[str, ...]:
    return (f"Recommended for: {', '.join(c.name for c in careers)}",) if careers else ()


def certifications_view(certs: Sequence[CertificationView]) -> list[RenderableType]:
    """The certifications in their groups, each with issuer, focus, address and careers."""
    parts: list[RenderableType] = []
    for group, title in CERT_GROUP_TITLES.items():
        entries = [
            _entry(c.name, c.issuer, c.focus, c.url, *_recommended(c.careers))
            for c in certs
            if c.group == group
        ]
        if entries:
            parts.append(_section(title, entries))
    return parts


def resources_view(resources: Sequence[ResourceView], kind: str | None) -> list[RenderableType]:
    """Resources grouped by kind, each with what it offers and its address."""
    if not resources:
        return [Text(f"The catalog has no resources of kind '{kind}' yet.")]
    parts: list[RenderableType] = []
    for group in dict.fromkeys(r.kind for r in resources):
        entries = []
        for r in (r for r in resources if r.kind == group):
            notes = ("Free",) if r.free else ()
            recommended = _recommended(r.careers)
            entries.append(_entry(r.name, r.provider, r.description, r.url, *notes, *recommended))
        title = RESOURCE_KIND_TITLES.get(group, group.replace("-", " ").capitalize())
        parts.append(_section(title, entries))
    return parts


def hubs_view(view: HubsView) -> list[RenderableType]:
    """The hub cities, then the note on remote work."""
    table = _table("Where the AI jobs are", leading=1)
    table.add_column("City", no_wrap=True)
    table.add_column("Country", no_wrap=True)
    table.add_column("Why", ratio=3)
    table.add_column("Employers there", ratio=2)
    for h in view.hubs:
        table.add_row(h.name, h.country, h.why, names(h.organizations))
    return [table, Text.assemble(("Remote work: ", "bold"), view.remote_note)]


def _years(min_years: int, max_years: int | None) -> str:
    return f"{min_years}+ years" if max_years is None else f"{min_years}{EN_DASH}{max_years} years"


def bands_view(view: BandsView) -> list[RenderableType]:
    """Pay by experience level, one section per level."""
    table = _table("Pay by experience (total yearly pay)", expand=False)
    table.add_column("Level", no_wrap=True)
    table.add_column("Role")
    table.add_column("Pay per year", no_wrap=True, justify="right")
    for band in view.bands:
        level = f"{band.name}, {_years(band.min_years, band.max_years)}"
        for index, role in enumerate(band.roles):
            label = f"{role.title} ({role.career.id})" if role.career else role.title
            last = index == len(band.roles) - 1
            table.add_row(
                level if index == 0 else "", label, pay_range(role.salary), end_section=last
            )
    sources = sorted({s.title for band in view.bands for s in band.sources})
    return [table, Text(view.pay_note), hint(f"Sources: {'; '.join(sources)}")]


def _item_line(text: str, links: Sequence[Link]) -> Text:
    line = Text(text)
    if links:
        line.append(f" (see: {names(links)})", style="dim")
    return line


def steps_view(steps: Sequence[StepView]) -> list[RenderableType]:
    """The steps in order, each with its actions; Step 1 adds background-to-career pairs."""
    parts: list[RenderableType] = []
    for step in steps:
        block: list[RenderableType] = [
            Text(f"Step {step.number}: {step.title}", style="bold"),
            Padding(Text(step.summary), (0, 0, 0, 2)),
            bullets(_item_line(i.text, (*i.resources, *i.organizations)) for i in step.items),
        ]
        if step.transitions:
            pairs = _table()
            pairs.add_column("If you come from", ratio=1)
            pairs.add_column("Careers that come most easily", ratio=2)
            for t in step.transitions:
                pairs.add_row(t.background.name, ", ".join(c.name for c in t.careers))
            block.append(Padding(pairs, (1, 0, 0, 2)))
        parts.append(Group(*block))
    return parts


def search_table(hits: Sequence[Hit], query: str) -> RenderableType:
    """Search hits, best first, with where each matched."""
    if not hits:
        return Text(f"Nothing in the catalog matches '{query}'. Try a shorter or different word.")
    table = _table(f"Results for '{query}'")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Name", ratio=2, overflow="fold")
    table.add_column("Matched in", no_wrap=True)
    table.add_column("Where it matched", ratio=3)
    for hit in hits:
        name = Text.assemble((hit.name, "bold"), "\n", (hit.id, "cyan"))
        # A match on the name is already in plain view in the Name column.
        where = "" if hit.field in ("name", "title") else hit.snippet
        table.add_row(hit.kind, name, hit.field.replace("_", " "), where)
    follow = hint("Open a career: aicareers careers show ID")
    return Group(table, follow) if any(h.kind == "career" for h in hits) else table
