"""The reviewed map from the salary data's job titles to careers and reference roles.

``data/title_map.yaml`` holds it as data: each of the guide's careers lists the job titles that
name it, each adjacent *reference role* (data scientist, ML engineer, ...) lists its titles, and
everything else is ``other``. Titles match case-insensitively.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from ..errors import CatalogError

TITLE_MAP = Path(__file__).with_name("data") / "title_map.yaml"
OTHER = "other"
RoleKind = Literal["career", "reference", "other"]


@dataclass(frozen=True)
class TitleMap:
    """Job title -> role id, where a role is a career, a reference role or ``other``."""

    careers: Mapping[str, tuple[str, ...]]
    references: Mapping[str, tuple[str, ...]]
    reference_names: Mapping[str, str]
    other: tuple[str, ...]
    _by_title: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        groups = [*self.careers.items(), *self.references.items(), (OTHER, self.other)]
        for role, titles in groups:
            for title in titles:
                key = title.casefold()
                if key in self._by_title:
                    raise CatalogError(
                        f"{TITLE_MAP.name}: '{title}' is mapped twice "
                        f"({self._by_title[key]} and {role})."
                    )
                self._by_title[key] = role

    def role_of(self, title: str) -> str | None:
        """The role id a job title maps to, or None when the map does not list it."""
        return self._by_title.get(title.casefold())

    def titles_of(self, role: str) -> tuple[str, ...]:
        """The job titles mapped to a career or reference role (empty when there are none)."""
        if role == OTHER:
            return self.other
        return self.careers.get(role) or self.references.get(role) or ()

    def kind(self, role: str) -> RoleKind:
        """Whether ``role`` is one of the guide's careers, a reference role or ``other``."""
        if role in self.references:
            return "reference"
        return "other" if role == OTHER else "career"

    def problems(self, career_ids: Iterable[str], titles: Iterable[str]) -> list[str]:
        """What is wrong against the catalog's career ids and the data's titles (empty if ok)."""
        known = set(career_ids)
        found = [f"unknown career id '{c}'" for c in self.careers if c not in known]
        found += [f"reference role '{r}' reuses a career id" for r in self.references if r in known]
        found += [f"job title not mapped: '{t}'" for t in titles if self.role_of(t) is None]
        return found


def _titles(value: Any, where: str) -> tuple[str, ...]:
    """A YAML list of job titles, checked."""
    if not isinstance(value, list) or not all(isinstance(t, str) and t for t in value):
        raise CatalogError(f"{TITLE_MAP.name}: {where} must be a list of job titles.")
    return tuple(value)


def parse_title_map(raw: Any) -> TitleMap:
    """Build a ``TitleMap`` from the parsed YAML document, with errors that name the entry."""
    if not isinstance(raw, dict) or not {"careers", "reference_roles", "other"} <= set(raw):
        raise CatalogError(f"{TITLE_MAP.name}: needs careers, reference_roles and other.")
    careers = {cid: _titles(ts or [], f"careers.{cid}") for cid, ts in raw["careers"].items()}
    references: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    for rid, entry in raw["reference_roles"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise CatalogError(f"{TITLE_MAP.name}: reference_roles.{rid} needs a name.")
        names[rid] = entry["name"]
        references[rid] = _titles(entry.get("titles"), f"reference_roles.{rid}.titles")
    return TitleMap(careers, references, names, _titles(raw["other"], "other"))


@cache
def load_title_map(path: Path = TITLE_MAP) -> TitleMap:
    """The title map, parsed once per process."""
    from ..knowledge.loader import read_yaml

    return parse_title_map(read_yaml(path))
