"""The wage survey in the artifact agrees with its source files, cell by cell where it counts.

Checks the May 2025 figures of three occupations in three states against the state extract
and nationally against the official BLS workbook (read independently here, every cell as
text), that nothing the survey withheld became 0, and the O*NET-SOC crosswalk.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from aicareers.knowledge.space import default_space
from aicareers.knowledge.us_states import state
from aicareers.taxonomy.manifest import DEFAULT_DIR
from aicareers.taxonomy.wages import ARRAY, KEYS, TABLE, WAGE_FILES, load_wages

OEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "oews"
needs_oews = pytest.mark.skipif(not OEWS.is_dir(), reason=f"needs the OEWS source in {OEWS}")
# Registered nurses, software developers, medical and health services managers.
OCCUPATIONS = ("29-1141", "15-1252", "11-9111")
STATES = ("OH", "TX", "CA")
STATE_KEYS = {"employment": "emp", "p10": "p10", "p25": "p25", "p50": "med", "p75": "p75",
              "p90": "p90", "mean": "avg", "location_quotient": "lq"}  # fmt: skip
NATIONAL_COLUMNS = {
    "employment": "TOT_EMP", "p10": "A_PCT10", "p25": "A_PCT25", "p50": "A_MEDIAN",
    "p75": "A_PCT75", "p90": "A_PCT90", "mean": "A_MEAN",
}  # fmt: skip
CODES = {"*", "**", "#", "~"}


def state_file(code: str) -> dict[str, dict[str, float]]:
    path = OEWS / "laborcompare_M2025" / "states" / f"{state(code).fips}.json"
    occupations: dict[str, dict[str, float]] = json.loads(path.read_text())["occupations"]
    return occupations


@needs_oews
@pytest.mark.parametrize("area", STATES)
@pytest.mark.parametrize("soc", OCCUPATIONS)
def test_state_figures_equal_the_source_file(soc: str, area: str) -> None:
    source = state_file(area)[soc]
    row = load_wages().row(soc, area)
    assert row is not None
    for field, key in STATE_KEYS.items():
        expected = source.get(key)
        got = getattr(row, field)
        if expected is None:
            assert got is None, (soc, area, field)
        else:
            assert got == pytest.approx(expected, abs=0.01), (soc, area, field)


@needs_oews
def test_national_figures_equal_the_official_workbook() -> None:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(OEWS / "national_M2025_dl.xlsx")).get_sheet_by_name(
        "national_M2025_dl").to_python()  # fmt: skip
    header = [str(h) for h in rows[0]]
    at = {name: header.index(name) for name in (*NATIONAL_COLUMNS.values(), "OCC_CODE", "O_GROUP")}
    wanted = {
        str(r[at["OCC_CODE"]]): r
        for r in rows[1:]
        if str(r[at["O_GROUP"]]) == "detailed" and str(r[at["OCC_CODE"]]) in OCCUPATIONS
    }
    assert sorted(wanted) == sorted(OCCUPATIONS)
    for soc, source in wanted.items():
        row = load_wages().row(soc)
        assert row is not None
        for field, column in NATIONAL_COLUMNS.items():
            text = str(source[at[column]]).strip()
            got = getattr(row, field)
            if text in CODES:
                assert got is None
            else:
                assert got == pytest.approx(float(text), abs=0.5), (soc, field)


@needs_oews
def test_a_withheld_cell_is_none_never_zero() -> None:
    wages = load_wages()
    checked = 0
    for area in ("OH", "WY", "DC", "AK"):
        for soc, source in state_file(area).items():
            row = wages.row(soc, area)
            assert row is not None
            for field, key in STATE_KEYS.items():
                if key not in source:
                    assert getattr(row, field) is None, (area, soc, field)
                    checked += 1
    assert checked > 50  # small states withhold many cells: the test saw some
    # And nowhere in the artifact is a figure stored as 0: missing is NaN.
    values = np.load(DEFAULT_DIR / ARRAY)
    assert not (values == 0).any()
    assert np.isnan(values).any()


def test_every_career_anchor_has_a_survey_code_and_combined_codes_map() -> None:
    wages = load_wages()
    for target in default_space():
        for anchor in target.anchors:
            assert wages.soc_for(anchor.code), (target.career, anchor.code)
    # OEWS publishes some occupations only inside a combined code.
    assert wages.soc_for("21-1014.00") == "21-1018"
    assert wages.soc_for("13-1021.00") == "13-1020"
    assert wages.soc_for("55-3016.00") is None
    assert "armed forces" in (wages.not_surveyed("55-3016.00") or "")


def test_the_wage_files_are_small_and_listed_with_their_hashes() -> None:
    manifest = json.loads((DEFAULT_DIR / "manifest.json").read_text())
    assert set(WAGE_FILES) <= set(manifest["files"])
    assert sum(manifest["files"][name]["size"] for name in WAGE_FILES) <= 5 * 1024 * 1024
    section = manifest["wages"]
    assert section["release"] == "May 2025"
    assert "Bureau of Labor Statistics" in section["cite"]
    assert section["areas"] == 52  # the U.S., 50 states and DC
    keys = np.load(DEFAULT_DIR / KEYS)
    assert keys.shape == (section["rows"], 2)
    assert TABLE in manifest["files"]


@needs_oews
def test_the_shipped_files_are_what_the_build_makes_from_the_sources() -> None:
    from aicareers.build.wages import build_wages
    from aicareers.taxonomy.artifact import encode, read_table

    codes = list(read_table(DEFAULT_DIR, "occupations.json.gz")["code"])
    files, _ = build_wages(OEWS, codes)
    for name, content in files.items():
        assert encode(name, content) == (DEFAULT_DIR / name).read_bytes(), name
