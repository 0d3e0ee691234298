"""Build the files of a portfolio for one career, as (relative path, text) pairs. No I/O."""

from __future__ import annotations

import re
from typing import NamedTuple

import msgspec

from ..knowledge.lookup import CAREER_IDS, by_id
from ..knowledge.models import Career, Catalog, Project
from . import readme
from .areas import WRITING, Area, areas_for, home_area

README = "README.md"
_SPACE = re.compile(r"\s+")


class PortfolioFile(NamedTuple):
    """One file to write: a POSIX path relative to the portfolio folder, and its text."""

    path: str
    text: str


class Scaffold(msgspec.Struct, frozen=True, kw_only=True):
    """Everything ``portfolio init`` writes for one career."""

    career: str
    career_title: str
    name: str | None
    files: tuple[PortfolioFile, ...]

    @property
    def paths(self) -> list[str]:
        """The relative paths of the files, in writing order."""
        return [f.path for f in self.files]


def clean_name(name: str | None) -> str | None:
    """A name on one line with single spaces; blank means no name."""
    if name is None:
        return None
    # A newline in a name would break the Markdown heading it goes into, and bytes that are
    # not UTF-8 (which reach us from argv as lone surrogates) could not be written at all.
    cleaned = _SPACE.sub(" ", name.encode("utf-8", "replace").decode("utf-8")).strip()
    return cleaned or None


def career_projects(catalog: Catalog, career: Career) -> list[Project]:
    """The catalog's projects for a career, in catalog order."""
    return [p for p in catalog.projects if career.id in p.careers]


def build_scaffold(catalog: Catalog, career_id: str, name: str | None = None) -> Scaffold:
    """The portfolio tree for ``career_id``; ``UnknownIdError`` with suggestions if unknown."""
    career = by_id(catalog.careers, career_id, "career", CAREER_IDS)
    name = clean_name(name)
    projects = career_projects(catalog, career)
    areas = areas_for(career, projects)
    placed = [(f"{home_area(p, career).folder}/{p.id}", p) for p in projects]
    skill_names = {s.id: s.name for s in catalog.skills}
    files = [PortfolioFile(README, readme.root_readme(career, name, areas, placed, skill_names))]
    for area in areas:
        files += _area_files(area, placed)
    files += _project_files(catalog, placed)
    files.sort(key=lambda f: _order(f.path, areas))
    return Scaffold(career=career.id, career_title=career.title, name=name, files=tuple(files))


def _area_files(area: Area, placed: list[tuple[str, Project]]) -> list[PortfolioFile]:
    """An area's README and one README per subfolder (they start empty otherwise)."""
    own = [(path, p) for path, p in placed if path.startswith(f"{area.folder}/")]
    files = [PortfolioFile(f"{area.folder}/{README}", readme.area_readme(area, own))]
    for sub in area.subfolders:
        # Writing samples are about the career's projects, wherever those live.
        ideas = readme.writing_suggestions(sub, placed) if area is WRITING else []
        text = readme.subfolder_readme(sub, ideas)
        files.append(PortfolioFile(f"{area.folder}/{sub.name}/{README}", text))
    return files


def _project_files(catalog: Catalog, placed: list[tuple[str, Project]]) -> list[PortfolioFile]:
    titles = {c.id: c.title for c in catalog.careers}
    skill_names = {s.id: s.name for s in catalog.skills}
    resources = {r.id: r for r in catalog.resources}
    files = []
    for path, project in placed:
        text = readme.project_readme(
            project,
            [titles.get(c, c) for c in project.careers],
            skill_names,
            [resources[r] for r in project.resources if r in resources],
        )
        files.append(PortfolioFile(f"{path}/{README}", text))
    return files


def _order(path: str, areas: list[Area]) -> tuple[int, int]:
    """Root README first, then areas in layout order, each area's README before its folders."""
    top, _, rest = path.partition("/")
    if not rest:
        return (-1, 0)
    # The sort is stable, so inside an area subfolders keep their place before projects.
    return ([a.folder for a in areas].index(top), 0 if rest == README else 1)
