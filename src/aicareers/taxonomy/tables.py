"""Typed views over the artifact's columnar tables: records for one row, tables for many."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import UnknownIdError, listing

Array = np.ndarray[Any, Any]
# Where every O*NET code is listed (no web page lists them).
OCCUPATION_IDS = listing(command="aicareers occupations list")


def hundredths(raw: Array) -> Array:
    """uint16 hundredths (65535 = not rated) -> float32 values with NaN where not rated."""
    values = raw.astype(np.float32) / 100.0
    values[raw == 0xFFFF] = np.nan
    return values


@dataclass(frozen=True, slots=True)
class Occupation:
    """One O*NET occupation."""

    code: str
    title: str
    description: str
    job_zone: int | None
    interests: tuple[float, ...] | None  # RIASEC occupational-interest scores, 1-7


@dataclass(frozen=True)
class Occupations:
    """All O*NET occupations, in code order; row ``i`` is occupation index ``i`` everywhere."""

    codes: list[str]
    titles: list[str]
    descriptions: list[str]
    job_zones: Array  # uint8, 0 where O*NET assigns none
    interests: Array  # float32 (n, 6) in RIASEC order, NaN where not rated

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {code: i for i, code in enumerate(self.codes)})

    def __len__(self) -> int:
        return len(self.codes)

    def index(self, code: str) -> int:
        """The row of occupation ``code``; ``UnknownIdError`` when there is none."""
        found: int | None = self.__dict__["_index"].get(code)
        if found is None:
            raise UnknownIdError("O*NET occupation", code, [], OCCUPATION_IDS)
        return found

    def __getitem__(self, i: int) -> Occupation:
        zone = int(self.job_zones[i])
        row = self.interests[i]
        interests = None if np.isnan(row).all() else tuple(round(float(v), 2) for v in row)
        return Occupation(
            self.codes[i], self.titles[i], self.descriptions[i], zone or None, interests
        )

    def get(self, code: str) -> Occupation:
        """The occupation with ``code``."""
        return self[self.index(code)]


@dataclass(frozen=True)
class Ratings:
    """An O*NET rating domain (Skills or Knowledge): occupation x element matrices."""

    element_ids: list[str]
    element_names: list[str]
    importance: Array  # float32 (occupations, elements), 1-5, NaN where not rated
    level: Array  # float32 (occupations, elements), 0-7, NaN where not rated


@dataclass(frozen=True)
class Titles:
    """Job titles naming O*NET occupations: official, alternate, short and reported."""

    texts: list[str]
    occupation: Array  # int32 occupation index per title
    kind: list[str]  # "title", "alternate", "short" or "reported"

    def for_occupation(self, index: int) -> list[tuple[str, str]]:
        """``(title, kind)`` pairs of occupation ``index``."""
        return [(self.texts[i], self.kind[i]) for i in np.flatnonzero(self.occupation == index)]


@dataclass(frozen=True, slots=True)
class Technology:
    """A technology (software) example of an occupation."""

    example: str
    commodity_code: int
    commodity_title: str
    hot: bool
    in_demand: bool


@dataclass(frozen=True)
class TechnologySkills:
    """O*NET Technology Skills: examples with their UNSPSC commodity and hot/in-demand flags."""

    occupation: Array  # int32
    examples: list[str]
    commodity_codes: list[int]
    commodity_titles: list[str]
    hot: Array  # bool
    in_demand: Array  # bool

    def for_occupation(self, index: int) -> list[Technology]:
        """Technology examples of occupation ``index``."""
        return [
            Technology(
                self.examples[i],
                self.commodity_codes[i],
                self.commodity_titles[i],
                bool(self.hot[i]),
                bool(self.in_demand[i]),
            )
            for i in np.flatnonzero(self.occupation == index)
        ]


@dataclass(frozen=True, slots=True)
class Task:
    """A task statement of an occupation."""

    id: int
    text: str
    type: str  # "Core", "Supplemental" or "" where O*NET has no rating


@dataclass(frozen=True)
class Tasks:
    """O*NET task statements, and detailed work activities (DWAs) linked to them."""

    occupation: Array  # int32
    ids: list[int]
    texts: list[str]
    types: list[str]
    dwa_ids: list[str]
    dwa_titles: list[str]
    link_occupation: Array  # int32, one entry per task-DWA link
    link_task: Array  # int32 task row, -1 if the task is not in Task Statements
    link_dwa: Array  # int32 DWA row

    def for_occupation(self, index: int) -> list[Task]:
        """Tasks of occupation ``index``, in O*NET's order."""
        rows = np.flatnonzero(self.occupation == index)
        return [Task(self.ids[i], self.texts[i], self.types[i]) for i in rows]

    def dwas_for_occupation(self, index: int) -> list[str]:
        """Distinct DWA titles of occupation ``index``, in DWA-id order."""
        rows = sorted(set(self.link_dwa[self.link_occupation == index].tolist()))
        return [self.dwa_titles[i] for i in rows]


@dataclass(frozen=True, slots=True)
class EscoSkill:
    """One ESCO skill or knowledge concept."""

    uri: str
    label: str
    alt_labels: tuple[str, ...]
    hidden_labels: tuple[str, ...]
    skill_type: str  # "skill/competence", "knowledge" or ""
    reuse_level: str
    description: str  # first sentence only


@dataclass(frozen=True, slots=True)
class EscoOccupation:
    """One ESCO occupation."""

    uri: str
    label: str
    alt_labels: tuple[str, ...]
    isco_group: str
    code: str
    description: str  # first sentence only


@dataclass(frozen=True, slots=True)
class RelatedOccupation:
    """One row of O*NET's Related Occupations (benchmark ground truth; display as O*NET's)."""

    code: str
    related_code: str
    tier: str  # "Primary-Short", "Primary-Long" or "Supplemental"
    index: int  # O*NET's rank, 1 = most related
