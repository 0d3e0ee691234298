"""How a match of a resume to a job posting looks in a terminal (Rich) and as Markdown.

Both views say the same things in the same order, from the same helpers: the fit and its four
parts, how the posting was read, every skill it asks for with both quotes, the hours the
missing must-haves take, and what to say or learn next.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .output import EN_DASH, money
from .render_assess import bar

if TYPE_CHECKING:
    from ..documents.match import MatchReport, Mention, SkillMatch

# Each part of the fit, in the words a person would use for it.
PARTS = (
    ("must", "Must-haves you show"),
    ("nice", "Nice-to-haves you show"),
    ("level", "Your years against the years asked"),
    ("background", "Your background for this kind of work"),
)
ASKED = {"must": "must-have", "nice": "nice-to-have", "duties": "named in the duties"}
LEVELS = {"entry": "entry level", "mid": "mid level", "senior": "senior"}
NOT_MEASURED = "not measured"
NO_PATH = "no path"  # the guide has no learning path for it (a tool such as Kubernetes)
OTHER = "other"
SKILL_HEADERS = ("Skill", "Asked as", "You", "The posting says", "Your resume says",
                 "Hours to learn")  # fmt: skip


def part_value(value: float | None) -> str:
    """A part of the fit as 0-100, or why it has no number."""
    return NOT_MEASURED if value is None else str(round(value * 100))


def pay_text(report: MatchReport) -> str:
    """The pay the posting states, as a yearly range; the period it was written in when not."""
    pay = report.pay
    if pay is None:
        return "not stated"
    ends = [money(round(v), pay.currency) if v is not None else None for v in (pay.min, pay.max)]
    low, high = ends
    if low and high:
        text = low if low == high else f"{low} {EN_DASH} {high}"
    else:
        text = f"up to {high}" if high else f"from {low}"
    per = "" if pay.period == "year" else f" (written per {pay.period}, shown for a year)"
    return f"{text} a year{per}"


def career_text(report: MatchReport) -> str:
    """The career the posting reads as, or that it is none of the guide's."""
    read = report.posting
    if read.career == OTHER or read.career_name is None:
        return "not one of the 20 careers in the guide"
    return f"{read.career_name} ({read.career})"


def posting_lines(report: MatchReport) -> list[str]:
    """What was read from the posting, and what was used from the resume."""
    read, resume = report.posting, report.resume
    years = f"{read.years}+" if read.years else "not stated"
    lines = [
        f"Job title: {read.title}",
        f"Career: {career_text(report)}",
        f"Level: {LEVELS.get(read.level, read.level)}",
        f"Years of experience asked: {years}",
        f"Pay: {pay_text(report)}",
    ]
    mine = "; ".join(t for t in resume.titles[:3] if t) or "none found"
    have = "not found" if resume.years_experience is None else f"{resume.years_experience:g}"
    lines += [f"Your job titles: {mine}", f"Your years of experience: {have}"]
    return lines


def said_by_you(skill: SkillMatch) -> str:
    """The resume's words for a skill, how it was found without words, or a dash."""
    if skill.resume_quote is not None:
        return f"\u201c{skill.resume_quote.text}\u201d"
    if skill.resume_how:
        return f"({skill.resume_how})"
    return "-"


def hours_text(skill: SkillMatch) -> str:
    """Learning hours for a missing skill; nothing for one the resume shows."""
    if skill.matched:
        return "-"
    return NO_PATH if skill.learn_hours is None else str(skill.learn_hours)


def skill_row(skill: SkillMatch) -> list[str]:
    """One asked skill as the table's cells."""
    return [
        skill.name, ASKED.get(skill.kind, skill.kind), "met" if skill.matched else "missing",
        f"\u201c{skill.posting_quote.text}\u201d", said_by_you(skill), hours_text(skill),
    ]  # fmt: skip


def missing_line(report: MatchReport) -> str:
    """How many must-haves are missing and the hours they take, where the guide knows them."""
    missing = [s for s in report.skills if s.kind == "must" and not s.matched]
    if not missing:
        return "You show every must-have this posting asks for."
    known = [s for s in missing if s.learn_hours is not None]
    count = f"{len(missing)} must-have{'s' if len(missing) != 1 else ''} missing"
    if not known:
        return f"{count}; the guide has no learning path for them."
    hours = f"about {report.missing_must_hours} hours of learning"
    if len(known) == len(missing):
        return f"{count}: {hours} in all."
    return f"{count}: {hours} for the {len(known)} the guide has a learning path for."


def mention_text(mention: Mention) -> str:
    """A skill worth adding to the application, with the resume's words for it."""
    if mention.quote is None:
        return mention.name
    return f"{mention.name} (your resume: \u201c{mention.quote.text}\u201d)"


def closing_sections(report: MatchReport) -> list[tuple[str, list[str]]]:
    """The titled lists after the skills table; a list with nothing in it is left out."""
    sections = [
        ("Also worth mentioning", [mention_text(m) for m in report.also_worth_mentioning]),
        ("Suggestions", list(report.suggestions)),
        ("Notes", list(report.notes)),
    ]
    return [(title, items) for title, items in sections if items]


def fit_line(report: MatchReport) -> str:
    if not report.measured:
        return f"Your fit for {report.posting.title}: not measured (no skill it asks for was read)"
    return f"Your fit for {report.posting.title}: {report.fit}/100"


def _bulleted(title: str, items: Sequence[str]) -> RenderableType:
    return Group(Text(title, style="bold"), Text("\n".join(f"- {item}" for item in items)))


def match_renderables(report: MatchReport) -> list[RenderableType]:
    """Everything the table view prints, in order."""
    parts = Table(title=fit_line(report), title_justify="left", title_style="bold")
    parts.add_column("Part of the fit")
    parts.add_column("Score", justify="right")
    parts.add_column("", no_wrap=True)
    for key, label in PARTS:
        value = getattr(report.parts, key)
        shown = bar(round(value * 100)) if value is not None else ""
        parts.add_row(label, part_value(value), shown)
    if report.measured:
        parts.add_row("Fit", str(report.fit), bar(report.fit), style="bold")
    else:
        parts.add_row("Fit", "not measured", "", style="bold")
    out: list[RenderableType] = [
        parts,
        Group(
            Text("How we read the posting", style="bold"), Text("\n".join(posting_lines(report)))
        ),
    ]
    if report.skills:
        skills = Table(title="Every skill the posting asks for", title_justify="left",
                       title_style="bold")  # fmt: skip
        for header in SKILL_HEADERS:
            skills.add_column(header, justify="right" if header == "Hours to learn" else "left")
        for skill in report.skills:
            skills.add_row(*skill_row(skill))
        out.append(skills)
    else:
        out.append(Text("We found no skill in the posting that we know how to read."))
    out.append(Text(missing_line(report), style="bold"))
    out += [_bulleted(title, items) for title, items in closing_sections(report)]
    return out


def _cell(text: str) -> str:
    """Text made safe for one cell of a Markdown table."""
    return " ".join(text.split()).replace("|", "\\|")


def match_markdown(report: MatchReport) -> str:
    """The same content as a Markdown document (to save or paste)."""
    out = [f"# {fit_line(report)}", "", "| Part of the fit | Score |", "|---|---:|"]
    for key, label in PARTS:
        out.append(f"| {label} | {part_value(getattr(report.parts, key))} |")
    fit = report.fit if report.measured else "not measured"
    out += [f"| **Fit** | **{fit}** |", "", "## How we read the posting", ""]
    out += [f"- {_cell(line)}" for line in posting_lines(report)]
    out += ["", "## Every skill the posting asks for", ""]
    if report.skills:
        out += ["| " + " | ".join(SKILL_HEADERS) + " |", "|---|---|---|---|---|---:|"]
        out += ["| " + " | ".join(_cell(c) for c in skill_row(s)) + " |" for s in report.skills]
    else:
        out.append("We found no skill in the posting that we know how to read.")
    out += ["", f"**{missing_line(report)}**"]
    for title, items in closing_sections(report):
        out += ["", f"## {title}", ""] + [f"- {item}" for item in items]
    return "\n".join(out) + "\n"


TOP_HEADERS = ("#", "Row", "Job title", "Career", "Fit", "Must-haves missing", "Hours")


def top_table(lines: Sequence[dict[str, object]], total: int) -> Table:
    """The best postings of a batch: one row each, from the lines written to the file."""
    table = Table(title=f"The best {len(lines)} of {total} postings for you", title_justify="left",
                  title_style="bold")  # fmt: skip
    for header in TOP_HEADERS:
        table.add_column(header, justify="left" if header in ("Job title", "Career") else "right")
    for rank, line in enumerate(lines, start=1):
        career = str(line["career"])
        table.add_row(
            str(rank), str(line["row"]), str(line["title"]),
            "not one of the 20" if career == OTHER else career, str(line["fit"]),
            str(line["missing_must"]), str(line["missing_must_hours"]),
        )  # fmt: skip
    return table
