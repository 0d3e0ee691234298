"""The Markdown text of every README in a portfolio scaffold.

Pure functions from catalog entries to strings. The wording is ours; the project facts
(briefs, deliverables, checklists) come from ``projects.yaml``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ..engine.plans.model import DEFAULT_HOURS_PER_WEEK
from ..knowledge.models import Career, Project, Resource
from .areas import Area, Subfolder


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _weeks(hours: int) -> int:
    return max(1, math.ceil(hours / DEFAULT_HOURS_PER_WEEK))


def _pace(hours: int) -> str:
    pace = f"{DEFAULT_HOURS_PER_WEEK:g}"
    return f"about {hours} hours, roughly {_weeks(hours)} weeks at {pace} hours a week"


def _bullets(items: Sequence[str]) -> list[str]:
    return [f"- {item}" for item in items]


def _heading(title: str) -> str:
    return title[:1].upper() + title[1:].replace("-", " ")


def _join(lines: Sequence[str]) -> str:
    """Lines to file text: one trailing newline, no trailing blank lines."""
    return "\n".join(lines).rstrip("\n") + "\n"


def root_readme(
    career: Career,
    name: str | None,
    areas: Sequence[Area],
    placed: Sequence[tuple[str, Project]],
    skill_names: Mapping[str, str],
) -> str:
    """The top-level README: who, which career, what is where and how to work on it."""
    heading = f"# {name}: AI portfolio" if name else "# AI portfolio"
    who = f"{name} is" if name else "I am"
    lines = [
        heading,
        "",
        f"{who} working towards the role of **{career.title}**.",
        "",
        f"> **{career.title}**: {career.summary}",
        "",
        "This repository collects the evidence: finished projects, each with what it delivers "
        "and a checklist, and writing that explains the work. It was laid out by "
        "aicareers; every file in it is yours to rewrite.",
        "",
        *_skills_table(career, placed, skill_names),
        "",
        "## Layout",
        "",
        *[f"- [`{a.folder}/`]({a.folder}/): {a.purpose}" for a in areas],
        "",
        *_projects_table(placed),
        "",
        *_working_notes(),
    ]
    return _join(lines)


def _skills_table(
    career: Career, placed: Sequence[tuple[str, Project]], skill_names: Mapping[str, str]
) -> list[str]:
    """Each key skill of the career and the projects that show it."""
    rows = ["## Skills this portfolio should show", "", "| Skill | Shown by |", "| --- | --- |"]
    for skill in career.key_skills:
        shown = [f"[{_cell(p.title)}]({path}/)" for path, p in placed if skill in p.skills]
        cell = ", ".join(shown) or "no project yet: add one, or a write-up in writing-samples/"
        rows.append(f"| {_cell(skill_names.get(skill, skill))} | {cell} |")
    return rows


def _projects_table(placed: Sequence[tuple[str, Project]]) -> list[str]:
    if not placed:
        return ["## Projects", "", "No suggested projects yet; add your own folders."]
    rows = ["## Projects", "", "| Project | Folder | Hours (estimate) |", "| --- | --- | ---: |"]
    rows += [f"| {_cell(p.title)} | [`{path}/`]({path}/) | {p.hours} |" for path, p in placed]
    total = sum(p.hours for _, p in placed)
    rows += [
        "",
        f"All of them together: {_pace(total)}. You do not need every one: two finished "
        "projects that match the jobs you want make a strong start.",
    ]
    return rows


def _working_notes() -> list[str]:
    return [
        "## How to work on it",
        "",
        "- Finish one project completely before starting the next: a single complete, "
        "documented project persuades more than several half-done ones.",
        "- Tick the checklist in each project's README as you go (`- [x]`); a project is "
        "done when every box is ticked.",
        "- After each project, write a post about it in `writing-samples/blog-posts/`.",
        "- Keep secrets, personal data and an employer's confidential material out of the "
        "repository.",
    ]


def project_readme(
    project: Project,
    career_titles: Sequence[str],
    skill_names: Mapping[str, str],
    resources: Sequence[Resource],
) -> str:
    """A project's README: brief, facts, deliverables, checklist as a task list, resources."""
    skills = ", ".join(skill_names.get(s, s) for s in project.skills)
    lines = [
        f"# {project.title}",
        "",
        project.brief,
        "",
        f"- Useful for: {', '.join(career_titles)}",
        f"- Skills it shows: {skills}",
        f"- Time: {_pace(project.hours)} (our estimate for someone new to the field)",
        "",
        "## Deliverables",
        "",
        *_bullets(project.deliverables),
        "",
        "## Checklist",
        "",
        "The project is done when every box is ticked.",
        "",
        *[f"- [ ] {item}" for item in project.checklist],
        "",
        *_resource_lines(resources),
        "## Notes",
        "",
        "Keep a dated log here of what you tried, what failed and why you changed course. "
        "It becomes the write-up, and interviewers ask about exactly these decisions.",
    ]
    return _join(lines)


def _resource_lines(resources: Sequence[Resource]) -> list[str]:
    if not resources:
        return []
    lines = ["## Where to learn what it needs", ""]
    for r in resources:
        label = f"[{r.name}]({r.url})" if r.url else r.name
        lines.append(f"- {label}: {r.description}")
    return [*lines, ""]


def area_readme(area: Area, placed: Sequence[tuple[str, Project]]) -> str:
    """An area's README: its purpose, its projects, what else belongs there, its folders."""
    lines = [f"# {area.title}", "", area.purpose, ""]
    if placed:
        lines += ["## Projects", ""]
        lines += [
            f"- [{p.title}]({path.rsplit('/', 1)[-1]}/): {_pace(p.hours)}" for path, p in placed
        ]
        lines.append("")
    lines += ["## What belongs here", "", *_bullets(area.ideas), ""]
    if area.subfolders:
        lines += ["## Folders", ""]
        lines += [f"- [`{s.name}/`]({s.name}/): {s.purpose}" for s in area.subfolders]
    return _join(lines)


def subfolder_readme(sub: Subfolder, suggestions: Sequence[str] = ()) -> str:
    """A README that says what goes into a folder that starts out empty."""
    lines = [f"# {_heading(sub.name)}", "", sub.purpose, "", *_bullets(sub.ideas), ""]
    if suggestions:
        lines += ["## Suggested for this portfolio", "", *_bullets(suggestions)]
    return _join(lines)


def writing_suggestions(sub: Subfolder, placed: Sequence[tuple[str, Project]]) -> list[str]:
    """Pieces to write about this career's projects, for the writing-samples folders."""
    if sub.name == "blog-posts":
        return [f"What I learned building: {p.title}" for _, p in placed]
    if sub.name == "technical-documentation":
        return [f"A polished README or guide for [{p.title}](../../{path}/)" for path, p in placed]
    return []
