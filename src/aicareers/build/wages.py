"""Add the U.S. wage survey (BLS OEWS, May 2025) to the taxonomy artifact: pay by occupation
and state, and the O*NET-SOC -> SOC crosswalk.

    python -m aicareers.build.wages [--oews DIR] [--out DIR]

Reads the official national workbook and the state extract (see ../shared/data/SOURCES.md
section 6). Every cell is read as text first: ``*``, ``**``, ``#`` and ``~`` are the survey's
codes for "no estimate", "top-coded" and "too few establishments", never numbers, so they
become NaN and are counted in the manifest. The artifact gets three files (listed, with their
hashes, in the taxonomy manifest): ``wages.npy`` (float32, one row per area and occupation),
``wages_keys.npy`` (int16 area and occupation index of each row) and ``wages.json.gz`` (areas,
occupations, the crosswalk, the columns and the release).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from ..knowledge.us_states import states
from ..taxonomy.artifact import write_files
from ..taxonomy.manifest import DEFAULT_DIR, Manifest, file_entry, read_manifest, write_manifest
from ..taxonomy.wages import (
    ARRAY,
    COLUMNS,
    KEYS,
    RELEASE,
    SOURCE,
    TABLE,
    WAGE_FILES,
)
from .readers import require_dir, require_file

DEFAULT_OEWS = Path("../shared/data/oews")
NATIONAL = "national_M2025_dl.xlsx"
STATES = "laborcompare_M2025/states"
# The national workbook's columns for each artifact column, in ``COLUMNS`` order.
NATIONAL_COLUMNS = (
    "TOT_EMP", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "A_MEAN", "H_MEDIAN",
    "JOBS_1000", "LOC_QUOTIENT",
)  # fmt: skip
# The state extract's short keys for the same columns (SOURCES.md gives the mapping).
STATE_KEYS = ("emp", "p10", "p25", "med", "p75", "p90", "avg", "hmed", "j1k", "lq")
CODES = {"*": "no wage estimate", "**": "no employment estimate", "#": "top-coded",
         "~": "under 0.5% of establishments report it"}  # fmt: skip
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
# O*NET-SOC occupations whose SOC code the survey publishes only inside a combined code (BLS
# "OEWS-only" aggregates). Reviewed by hand against the survey's titles; the rest either match
# their SOC code, or the survey's XX-XXX0 aggregate of their broad group, or are not surveyed.
COMBINED = {
    "21-1011": "21-1018", "21-1014": "21-1018",  # substance abuse / mental health counselors
    "25-2055": "25-2052", "25-2056": "25-2052",  # special education, kindergarten + elementary
    "25-9042": "25-9045", "25-9043": "25-9045", "25-9049": "25-9045",  # teaching assistants
    "51-2022": "51-2028", "51-2023": "51-2028",  # electrical and electromechanical assemblers
    "53-1042": "53-1047", "53-1043": "53-1047", "53-1044": "53-1047", "53-1049": "53-1047",
}  # fmt: skip
NOT_SURVEYED = {
    "11-1031": "legislators are elected, not surveyed as employees",
    "45-3031": "fishing and hunting workers are mostly self-employed; the survey leaves them out",
    "55": "the survey does not cover the armed forces",
}


def cell(value: Any, codes: Counter[str]) -> float:
    """A survey cell read as text: a number, or NaN for a code or a blank (the code counted)."""
    text = str(value).strip() if value is not None else ""
    if text in CODES:
        codes[text] += 1
        return float("nan")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = text.replace(",", "")
    return float(text) if NUMBER.match(text) else float("nan")


def read_national(path: Path, codes: Counter[str]) -> dict[str, tuple[str, list[float]]]:
    """``{soc: (title, values)}`` for the detailed occupations of the national workbook."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(path.stem).to_python()
    header = [str(h) for h in rows[0]]
    at = {name: header.index(name) for name in (*NATIONAL_COLUMNS, "OCC_CODE", "OCC_TITLE",
                                                "O_GROUP")}  # fmt: skip
    found = {}
    for row in rows[1:]:
        if str(row[at["O_GROUP"]]) != "detailed":
            continue
        values = [cell(row[at[name]], codes) for name in NATIONAL_COLUMNS]
        found[str(row[at["OCC_CODE"]])] = (str(row[at["OCC_TITLE"]]), values)
    return found


def read_state(path: Path) -> dict[str, list[float]]:
    """``{soc: values}`` of one state's file; a key the extract dropped is NaN (suppressed)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    found = {}
    for soc, row in data["occupations"].items():
        found[soc] = [cell(row[key], Counter()) if key in row else float("nan")
                      for key in STATE_KEYS]  # fmt: skip
    return found


def _folder_hash(folder: Path) -> str:
    """One SHA-256 over the sorted names and SHA-256s of a folder's JSON files."""
    import hashlib

    lines = [f"{p.name} {file_entry(p)['sha256']}" for p in sorted(folder.glob("*.json"))]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def crosswalk(onet_codes: list[str], published: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """O*NET-SOC code -> the survey's SOC code, and the codes with none (code -> why)."""
    mapped: dict[str, str] = {}
    missing: dict[str, str] = {}
    for code in onet_codes:
        soc = code[:7]
        for candidate in (soc, COMBINED.get(soc), soc[:6] + "0"):
            if candidate in published:
                mapped[code] = candidate
                break
        else:
            why = NOT_SURVEYED.get(soc) or NOT_SURVEYED.get(soc[:2])
            missing[code] = why or "the survey publishes no estimate for it"
    return mapped, missing


def build_wages(oews_dir: Path, onet_codes: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The artifact's wage files and the manifest's ``wages`` section."""
    require_dir(oews_dir, "OEWS")
    require_file(oews_dir / NATIONAL)
    require_dir(oews_dir / STATES, "OEWS state extract")
    codes: Counter[str] = Counter()
    national = read_national(oews_dir / NATIONAL, codes)
    socs = sorted(national)
    soc_index = {soc: i for i, soc in enumerate(socs)}
    areas = [{"code": "US", "name": "United States", "fips": "00"}]
    keys, values = [], []
    for soc in socs:
        keys.append((0, soc_index[soc]))
        values.append(national[soc][1])
    for state in states():
        path = oews_dir / STATES / f"{state.fips}.json"
        require_file(path)
        areas.append({"code": state.code, "name": state.name, "fips": state.fips})
        for soc, row in sorted(read_state(path).items()):
            if soc in soc_index:  # the state extract has no code the national file lacks
                keys.append((len(areas) - 1, soc_index[soc]))
                values.append(row)
    mapped, missing = crosswalk(onet_codes, set(socs))
    table = {
        "release": RELEASE,
        "columns": list(COLUMNS),
        "areas": areas,
        "occupations": {"soc": socs, "title": [national[s][0] for s in socs]},
        "crosswalk": mapped,
        "not_surveyed": missing,
    }
    files = {
        ARRAY: np.asarray(values, dtype=np.float32),
        KEYS: np.asarray(keys, dtype=np.int16),
        TABLE: table,
    }
    section = {
        **SOURCE,
        "release": RELEASE,
        "files": {
            NATIONAL: file_entry(oews_dir / NATIONAL),
            STATES: {"files": len(areas) - 1, "sha256_of_hashes": _folder_hash(oews_dir / STATES)},
        },
        "rows": len(values),
        "areas": len(areas),
        "occupations": len(socs),
        "codes_read_as_missing": {CODES[c]: n for c, n in sorted(codes.items())},
        "crosswalk": {
            "mapped": len(mapped), "not_surveyed": len(missing), "combined_codes": len(COMBINED)
        },
    }
    return files, section


def add_wages(oews_dir: Path = DEFAULT_OEWS, folder: Path | None = None) -> Manifest:
    """Write the wage files into the artifact ``folder`` and record them in its manifest."""
    from ..taxonomy.artifact import read_table

    folder = Path(folder) if folder is not None else DEFAULT_DIR
    manifest = read_manifest(folder)
    onet_codes = list(read_table(folder, "occupations.json.gz")["code"])
    files, section = build_wages(Path(oews_dir), onet_codes)
    entries = {k: v for k, v in manifest["files"].items() if k not in WAGE_FILES}
    entries.update(write_files(folder, files))
    manifest["files"] = entries
    manifest["wages"] = section
    write_manifest(folder, manifest)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--oews", type=Path, default=DEFAULT_OEWS, help="the oews/ data folder")
    parser.add_argument("--out", type=Path, default=None, help="the taxonomy artifact folder")
    args = parser.parse_args(argv)
    manifest = add_wages(args.oews, args.out)
    section = manifest["wages"]
    print(f"Wages {section['release']}: {section['rows']:,} rows, {section['areas']} areas, "
          f"{section['occupations']} occupations; crosswalk {section['crosswalk']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
