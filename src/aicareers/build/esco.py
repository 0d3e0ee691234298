"""ESCO v1.1.1 CSV files -> artifact tables: skills, occupations and their skill relations.

URIs share long prefixes, so tables store the part after the prefix and the loader puts it back.
Descriptions are cut to their first sentence (at most ``DESCRIPTION_CHARS``): consumers show a
hint and embed labels, and the full texts would double the artifact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ..taxonomy.artifact import Table
from .readers import Row, read_csv

SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"
DESCRIPTION_CHARS = 200
FILES = {
    "skills": (
        "skills_en.csv",
        (
            "conceptUri",
            "skillType",
            "reuseLevel",
            "preferredLabel",
            "altLabels",
            "hiddenLabels",
            "description",
        ),
    ),
    "occupations": (
        "occupations_en.csv",
        ("conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description", "code"),
    ),
    "relations": ("occupationSkillRelations.csv", ("occupationUri", "relationType", "skillUri")),
}
SOURCE_FILES = tuple(sorted(name for name, _ in FILES.values()))
SENTENCE_END = re.compile(r"(?<=[.!?])\s")

Files = dict[str, Table | np.ndarray[Any, Any]]


def short_description(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """The first sentence of ``text``, whitespace collapsed, cut at a word within ``limit``."""
    text = " ".join(text.split())
    first = SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def labels(cell: str, preferred: str) -> list[str]:
    """A newline-separated label cell as a list, without blanks, repeats or the preferred label."""
    seen = {preferred}
    result = []
    for label in (part.strip() for part in cell.split("\n")):
        if label and label not in seen:
            seen.add(label)
            result.append(label)
    return result


def strip_prefix(uri: str, prefix: str) -> str:
    """The part of ``uri`` after ``prefix`` (the whole URI if it does not start with it)."""
    return uri[len(prefix) :] if uri.startswith(prefix) else uri


def _rows(esco_dir: Path, key: str, step: Callable[[str], None]) -> list[Row]:
    name, needed = FILES[key]
    step(f"ESCO {name}")
    return list(read_csv(esco_dir / name, needed))


def _skills(rows: list[Row]) -> Table:
    return {
        "uri_prefix": SKILL_PREFIX,
        "uri": [strip_prefix(row["conceptUri"], SKILL_PREFIX) for row in rows],
        "label": [row["preferredLabel"].strip() for row in rows],
        "alt_labels": [labels(row["altLabels"], row["preferredLabel"].strip()) for row in rows],
        "hidden_labels": [labels(row["hiddenLabels"], "") for row in rows],
        "type": [row["skillType"] for row in rows],
        "reuse": [row["reuseLevel"] for row in rows],
        "description": [short_description(row["description"]) for row in rows],
    }


def _occupations(rows: list[Row]) -> Table:
    return {
        "uri_prefix": OCCUPATION_PREFIX,
        "uri": [strip_prefix(row["conceptUri"], OCCUPATION_PREFIX) for row in rows],
        "label": [row["preferredLabel"].strip() for row in rows],
        "alt_labels": [labels(row["altLabels"], row["preferredLabel"].strip()) for row in rows],
        "isco_group": [row["iscoGroup"] for row in rows],
        "code": [row["code"] for row in rows],
        "description": [short_description(row["description"]) for row in rows],
    }


def _relations(
    rows: list[Row], skills: list[Row], occupations: list[Row]
) -> tuple[np.ndarray[Any, Any], int]:
    skill = {row["conceptUri"]: i for i, row in enumerate(skills)}
    occupation = {row["conceptUri"]: i for i, row in enumerate(occupations)}
    triples = [
        (
            occupation[row["occupationUri"]],
            skill[row["skillUri"]],
            row["relationType"] == "essential",
        )
        for row in rows
        if row["occupationUri"] in occupation and row["skillUri"] in skill
    ]
    # uint16 holds every index: ESCO has about 14,000 skills and 3,000 occupations.
    array = np.array(triples, dtype=np.uint16).reshape(-1, 3)
    return array, len(rows) - len(triples)


def build_esco(esco_dir: Path, step: Callable[[str], None]) -> tuple[Files, dict[str, int]]:
    """Every ESCO file of the artifact, and how many relation rows named unknown concepts."""
    skills = _rows(esco_dir, "skills", step)
    occupations = _rows(esco_dir, "occupations", step)
    relations, dropped = _relations(_rows(esco_dir, "relations", step), skills, occupations)
    files: Files = {
        "esco_skills.json.gz": _skills(skills),
        "esco_occupations.json.gz": _occupations(occupations),
        "esco_relations.npy": relations,
    }
    return files, ({"relations": dropped} if dropped else {})
