"""Rich layouts for careers: the list, one career's page and the side-by-side comparison.

Imported only on the human-readable path, so importing Rich at the top here costs JSON nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..documents.catalog import BreakIn, CareerPage, Comparison, Link
from .output import pay_range

if TYPE_CHECKING:
    from ..service.pay import LocalCareerPay


def hint(text: str) -> Text:
    """A quiet line that tells people what to run next."""
    return Text(text, style="dim")


def heading(text: str) -> Text:
    """A section heading with a blank line above it."""
    return Text(f"\n{text}", style="bold")


def bullets(items: Iterable[str | Text], marker: str = "•") -> RenderableType:
    """An indented list whose wrapped lines hang under the text, not the marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(marker, item)
    return Padding(grid, (0, 0, 0, 2))


def numbered(items: Sequence[RenderableType]) -> RenderableType:
    """An indented list numbered 1, 2, 3, ..."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for number, item in enumerate(items, 1):
        grid.add_row(f"{number}.", item)
    return Padding(grid, (0, 0, 0, 2))


def link_text(link: Link) -> str:
    """``Name (url)``, or just the name when there is no address."""
    return f"{link.name} ({link.url})" if link.url else link.name


def names(items: Iterable[Link]) -> str:
    """Names joined with commas, or a dash when there are none."""
    return ", ".join(item.name for item in items) or "—"


def _break_in_step(step: BreakIn) -> RenderableType:
    """A break-in step followed by the things it names, each with its address."""
    named = [
        *(f"Resource: {link_text(link)}" for link in step.resources),
        *(f"Certification: {link_text(link)}" for link in step.certifications),
        *(f"Tool: {link_text(link)}" for link in step.tools),
        *(f"Organization: {link_text(link)}" for link in step.organizations),
    ]
    if not named:
        return Text(step.text)
    return Group(Text(step.text), bullets(named, marker="→"))


def career_page(page: CareerPage, local: LocalCareerPay | None = None) -> RenderableType:
    """Everything about one career, as headed sections; ``local`` adds the pay from data."""
    pay: list[RenderableType] = [Text(f"{pay_range(page.salary)} a year", style="bold")]
    if page.salary.sources:
        pay.append(Text(f"Source: {'; '.join(s.title for s in page.salary.sources)}"))
    if local is not None:
        from .render_pay import national_pay

        *lines, command = national_pay(local)
        pay += [Text("\nThree sources side by side (yearly pay in USD):"), bullets(lines),
                hint(command)]  # fmt: skip
    parts: list[RenderableType] = [
        Text.assemble((page.title, "bold underline"), (f"  id: {page.id}", "dim")),
        Text(f"\n{page.summary}"),
        heading("What you would do"),
        bullets(page.duties),
        heading("Pay"),
        Padding(Group(*pay), (0, 0, 0, 2)),
        heading("Key skills"),
        bullets(skill.name for skill in page.key_skills),
    ]
    if page.backgrounds:
        parts += [
            heading("Backgrounds it suits"),
            bullets(Text.assemble((f"{b.name}: ", "bold"), b.why) for b in page.backgrounds),
        ]
    parts += [heading("How to break in"), numbered([_break_in_step(s) for s in page.break_in])]
    if page.tools:
        parts += [heading("Tools"), bullets(link_text(t) for t in page.tools)]
    if page.employers:
        parts += [heading("Employers"), bullets(link_text(e) for e in page.employers)]
    sources = [f"{s.title} ({s.url})" if s.url else s.title for s in page.sources]
    parts += [heading("Sources"), bullets(sources)]
    return Group(*parts)


def comparison_table(comparison: Comparison) -> list[RenderableType]:
    """Careers in columns, one aspect per row, then the key skills they share."""
    pages = comparison.careers
    table = Table(box=box.ROUNDED, show_lines=True)
    table.add_column("", style="bold", no_wrap=True)
    for page in pages:
        table.add_column(Text.assemble((page.title, "bold"), "\n", (page.id, "cyan")))
    rows = {
        "Pay per year": [pay_range(p.salary) for p in pages],
        "Key skills": ["\n".join(s.name for s in p.key_skills) for p in pages],
        "Suits": ["\n".join(b.name for b in p.backgrounds) or "—" for p in pages],
        "Tools": [names(p.tools) for p in pages],
        "First step": [p.break_in[0].text if p.break_in else "—" for p in pages],
    }
    for label, cells in rows.items():
        table.add_row(label, *cells)
    return [table, shared_note(comparison)]


def shared_note(comparison: Comparison) -> Text:
    """What all the careers share, then what each pair of them shares besides."""
    shared = ", ".join(s.name for s in comparison.shared_skills)
    pairs = comparison.shared_by_pairs
    if not shared and not pairs:
        return Text("They share no key skills.")
    if shared:
        note = Text(f"Key skills they all share: {shared}")
        if pairs:
            note.append("\nAlso shared by two of them:")
    else:
        note = Text("No key skill is shared by all of them; these are shared by two:")
    for pair in pairs:
        one, other = pair.careers
        names = ", ".join(s.name for s in pair.skills)
        note.append("\n  ")
        note.append(f"{one.name} and {other.name}", style="bold")
        note.append(f": {names}")
    return note
