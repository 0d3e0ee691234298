"""O*NET 29.3 Excel sheets -> artifact tables (columnar JSON) and arrays (occupation x element).

Ratings are stored as uint16 hundredths (O*NET gives two decimals), so values load back exactly;
``MISSING`` marks an occupation that O*NET did not rate. Related Occupations go to a separate,
clearly named benchmark table: they are the ground truth that similarity is judged against.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import TaxonomyError
from ..taxonomy.artifact import Table
from .readers import Row, as_float, as_int, read_xlsx

CODE = "O*NET-SOC Code"
MISSING = 0xFFFF
RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
TITLE_KINDS = ("title", "alternate", "short", "reported")
RATING_COLUMNS = (CODE, "Element ID", "Element Name", "Scale ID", "Data Value")

FILES = {
    "occupations": ("Occupation Data.xlsx", (CODE, "Title", "Description")),
    "alternate": ("Alternate Titles.xlsx", (CODE, "Alternate Title", "Short Title")),
    "reported": ("Sample of Reported Titles.xlsx", (CODE, "Reported Job Title")),
    "skills": ("Skills.xlsx", RATING_COLUMNS),
    "knowledge": ("Knowledge.xlsx", RATING_COLUMNS),
    "technology": (
        "Technology Skills.xlsx",
        (CODE, "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"),
    ),
    "job_zones": ("Job Zones.xlsx", (CODE, "Job Zone")),
    "interests": ("Interests.xlsx", (CODE, "Element Name", "Scale ID", "Data Value")),
    "tasks": ("Task Statements.xlsx", (CODE, "Task ID", "Task", "Task Type")),
    "task_dwas": ("Tasks to DWAs.xlsx", (CODE, "Task ID", "DWA ID")),
    "dwas": ("DWA Reference.xlsx", ("IWA ID", "DWA ID", "DWA Title")),
    "iwas": ("IWA Reference.xlsx", ("IWA ID", "IWA Title")),
    "related": (
        "Related Occupations.xlsx",
        (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
    ),
}
SOURCE_FILES = ("Read Me.txt", *sorted(name for name, _ in FILES.values()))

Files = dict[str, Table | np.ndarray[Any, Any]]


def centi(value: float) -> int:
    """A two-decimal rating as a uint16 count of hundredths."""
    return MISSING if value != value else round(value * 100)


class OnetReader:
    """Reads the O*NET sheets once each and knows the occupation index."""

    def __init__(self, onet_dir: Path, step: Callable[[str], None]) -> None:
        self.dir = onet_dir
        self.step = step
        self.index: dict[str, int] = {}
        self.skipped: dict[str, int] = {}

    def rows(self, key: str) -> list[Row]:
        """The rows of one sheet, read with its needed columns checked."""
        name, needed = FILES[key]
        self.step(f"O*NET {name}")
        return read_xlsx(self.dir / name, needed)

    def known(
        self, key: str, rows: list[Row], column: str = CODE, index: dict[str, int] | None = None
    ) -> list[Row]:
        """Rows whose ``column`` is a known code (occupation by default); counts the others."""
        codes = self.index if index is None else index
        kept = [row for row in rows if row[column] in codes]
        if len(kept) < len(rows):
            self.skipped[key] = self.skipped.get(key, 0) + len(rows) - len(kept)
        return kept


def _occupations(reader: OnetReader) -> Table:
    rows = reader.rows("occupations")
    reader.index = {row[CODE]: i for i, row in enumerate(rows)}
    if len(reader.index) != len(rows):
        raise TaxonomyError(f"{reader.dir / FILES['occupations'][0]} repeats an occupation code.")
    return {
        "code": [row[CODE] for row in rows],
        "title": [row["Title"] for row in rows],
        "description": [row["Description"] for row in rows],
    }


def _job_zones(reader: OnetReader) -> np.ndarray[Any, Any]:
    zones = np.zeros(len(reader.index), dtype=np.uint8)  # 0: O*NET assigns no job zone
    for row in reader.known("job_zones", reader.rows("job_zones")):
        zones[reader.index[row[CODE]]] = as_int(row["Job Zone"])
    return zones


def _interests(reader: OnetReader) -> np.ndarray[Any, Any]:
    matrix = np.full((len(reader.index), len(RIASEC)), MISSING, dtype=np.uint16)
    column = {name: j for j, name in enumerate(RIASEC)}
    for row in reader.known("interests", reader.rows("interests")):
        if row["Scale ID"] == "OI" and row["Element Name"] in column:
            value = centi(as_float(row["Data Value"]))
            matrix[reader.index[row[CODE]], column[row["Element Name"]]] = value
    return matrix


def _ratings(reader: OnetReader, key: str) -> tuple[Table, Files]:
    rows = reader.known(key, reader.rows(key))
    names: dict[str, str] = {}
    for row in rows:
        names.setdefault(row["Element ID"], row["Element Name"])
    ids = sorted(names)
    column = {element: j for j, element in enumerate(ids)}
    shape = (len(reader.index), len(ids))
    scales = {"IM": np.full(shape, MISSING, np.uint16), "LV": np.full(shape, MISSING, np.uint16)}
    for row in rows:
        if row["Scale ID"] in scales:
            value = centi(as_float(row["Data Value"]))
            scales[row["Scale ID"]][reader.index[row[CODE]], column[row["Element ID"]]] = value
    elements = {"id": ids, "name": [names[element] for element in ids]}
    return elements, {f"{key}_importance.npy": scales["IM"], f"{key}_level.npy": scales["LV"]}


def _titles(reader: OnetReader, occupations: Table) -> Table:
    seen: set[tuple[str, int, int]] = set()
    table: Table = {"kinds": list(TITLE_KINDS), "title": [], "occupation": [], "kind": []}

    def add(title: str, occupation: int, kind: str) -> None:
        key = (title, occupation, TITLE_KINDS.index(kind))
        if title and key not in seen:
            seen.add(key)
            table["title"].append(title)
            table["occupation"].append(occupation)
            table["kind"].append(key[2])

    for i, title in enumerate(occupations["title"]):
        add(title, i, "title")
    for row in reader.known("alternate", reader.rows("alternate")):
        add(row["Alternate Title"], reader.index[row[CODE]], "alternate")
        add(row["Short Title"], reader.index[row[CODE]], "short")
    for row in reader.known("reported", reader.rows("reported")):
        add(row["Reported Job Title"], reader.index[row[CODE]], "reported")
    return table


def _technology(reader: OnetReader) -> Table:
    rows = reader.known("technology", reader.rows("technology"))
    commodities: dict[int, str] = {}
    for row in rows:
        commodities.setdefault(as_int(row["Commodity Code"]), row["Commodity Title"])
    codes = sorted(commodities)
    position = {code: i for i, code in enumerate(codes)}
    return {
        "commodities": {"code": codes, "title": [commodities[code] for code in codes]},
        "occupation": [reader.index[row[CODE]] for row in rows],
        "example": [row["Example"] for row in rows],
        "commodity": [position[as_int(row["Commodity Code"])] for row in rows],
        "hot": [int(row["Hot Technology"] == "Y") for row in rows],
        "in_demand": [int(row["In Demand"] == "Y") for row in rows],
    }


def _tasks(reader: OnetReader) -> Table:
    rows = reader.known("tasks", reader.rows("tasks"))
    return {
        "occupation": [reader.index[row[CODE]] for row in rows],
        "id": [as_int(row["Task ID"]) for row in rows],
        "text": [row["Task"] for row in rows],
        # "" where O*NET has no incumbent rating to say whether a task is core or supplemental.
        "type": [row["Task Type"] for row in rows],
    }


def _dwas(reader: OnetReader, tasks: Table) -> Table:
    iwas = {row["IWA ID"]: row["IWA Title"] for row in reader.rows("iwas")}
    ref = reader.rows("dwas")
    position = {row["DWA ID"]: i for i, row in enumerate(ref)}
    task_row = {
        (occ, tid): i
        for i, (occ, tid) in enumerate(zip(tasks["occupation"], tasks["id"], strict=True))
    }
    links: Table = {"occupation": [], "task": [], "dwa": []}
    rows = reader.known("task_dwas", reader.rows("task_dwas"))
    rows = reader.known("task_dwas", rows, column="DWA ID", index=position)
    for row in rows:
        occupation = reader.index[row[CODE]]
        links["occupation"].append(occupation)
        links["task"].append(task_row.get((occupation, as_int(row["Task ID"])), -1))
        links["dwa"].append(position[row["DWA ID"]])
    iwa_ids = sorted(iwas)
    iwa_position = {iwa: i for i, iwa in enumerate(iwa_ids)}
    return {
        "id": [row["DWA ID"] for row in ref],
        "title": [row["DWA Title"] for row in ref],
        "iwa": [iwa_position.get(row["IWA ID"], -1) for row in ref],
        "iwas": {"id": iwa_ids, "title": [iwas[iwa] for iwa in iwa_ids]},
        "links": links,
    }


def _related(reader: OnetReader) -> Table:
    rows = reader.known("related", reader.rows("related"))
    rows = reader.known("related", rows, column="Related O*NET-SOC Code")
    return {
        "note": "O*NET Related Occupations: benchmark ground truth and display only; "
        "never an input to occupation similarity.",
        "occupation": [reader.index[row[CODE]] for row in rows],
        "related": [reader.index[row["Related O*NET-SOC Code"]] for row in rows],
        "tier": [row["Relatedness Tier"] for row in rows],
        "index": [as_int(row["Index"]) for row in rows],
    }


def build_onet(onet_dir: Path, step: Callable[[str], None]) -> tuple[Files, dict[str, int]]:
    """Every O*NET file of the artifact, and the count of rows skipped per sheet."""
    reader = OnetReader(onet_dir, step)
    occupations = _occupations(reader)
    skills, skill_arrays = _ratings(reader, "skills")
    knowledge, knowledge_arrays = _ratings(reader, "knowledge")
    tasks = _tasks(reader)
    files: Files = {
        "occupations.json.gz": occupations,
        "job_zones.npy": _job_zones(reader),
        "interests.npy": _interests(reader),
        "elements.json.gz": {"riasec": list(RIASEC), "skills": skills, "knowledge": knowledge},
        **skill_arrays,
        **knowledge_arrays,
        "titles.json.gz": _titles(reader, occupations),
        "technology.json.gz": _technology(reader),
        "tasks.json.gz": tasks,
        "dwas.json.gz": _dwas(reader, tasks),
        "benchmark_related.json.gz": _related(reader),
    }
    return files, reader.skipped
