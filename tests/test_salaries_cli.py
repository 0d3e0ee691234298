"""``aicareers salaries`` and ``aicareers hubs --from-data`` on the shipped salary data."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aicareers.knowledge import default_catalog

from .conftest import Invoke

JsonInvoke = Callable[..., Any]
CONTRACT = {"filters", "n", "p10", "p25", "p50", "p75", "p90", "mean", "suppressed",
            "seed_range", "groups"}  # fmt: skip


def shipped_count(**where: Any) -> int:
    """Rows of the shipped Parquet matching ``where``, counted with pyarrow (not our code)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from aicareers.market.dataset import PARQUET

    table = pq.read_table(PARQUET)
    mask = None
    for column, value in where.items():
        test = pc.equal(table.column(column).cast("string"), str(value))
        mask = test if mask is None else pc.and_(mask, test)
    return len(table) if mask is None else int(pc.sum(mask).as_py())


def test_json_contract(invoke_json: JsonInvoke) -> None:
    data = invoke_json("salaries", "--career", "mlops-engineer", "--group-by", "level",
                       "--format", "json")  # fmt: skip
    assert set(data) >= CONTRACT
    assert set(data["filters"]) >= {"career", "job_title", "level", "country", "remote", "year"}
    assert data["filters"]["career"] == "mlops-engineer"
    assert data["suppressed"] is False
    assert data["n"] > 100
    assert data["p10"] <= data["p25"] <= data["p50"] <= data["p75"] <= data["p90"]
    assert [g["key"] for g in data["groups"]] == ["EN", "MI", "SE"]
    assert sum(g["n"] for g in data["groups"]) == data["n"]
    assert {"year", "n", "p50", "suppressed"} == set(data["trend"][0])
    assert sum(p["n"] for p in data["trend"]) == data["n"]
    assert data["source"]["license"] == "CC0 1.0"


def test_seed_range_is_the_guides_range(invoke_json: JsonInvoke) -> None:
    career = next(c for c in default_catalog().careers if c.id == "prompt-engineer")
    data = invoke_json("salaries", "--career", "prompt-engineer", "--format", "json")
    assert data["seed_range"]["min"] == career.salary.min
    assert data["seed_range"]["max"] == career.salary.max
    assert data["role"]["titles"] == ["Prompt Engineer"]
    reference = invoke_json("salaries", "--career", "data-scientist", "--format", "json")
    assert reference["seed_range"] is None
    assert reference["role"]["kind"] == "reference"


def test_job_title_is_exact_and_case_insensitive(invoke_json: JsonInvoke) -> None:
    upper = invoke_json("salaries", "--job-title", "DATA SCIENTIST", "--format", "json")
    exact = invoke_json("salaries", "--job-title", "Data Scientist", "--format", "json")
    assert upper["n"] == exact["n"] == shipped_count(job_title="Data Scientist")
    assert upper["p50"] == exact["p50"]
    assert upper["filters"]["job_title"] == "Data Scientist"
    # "Lead Data Scientist" is a different title: an exact filter does not pull it in.
    lead = invoke_json("salaries", "--job-title", "lead data scientist", "--format", "json")
    assert lead["n"] == shipped_count(job_title="Lead Data Scientist")


def test_filters_count_the_right_rows(invoke_json: JsonInvoke) -> None:
    data = invoke_json("salaries", "--level", "se", "--country", "gb", "--remote", "100",
                       "--year", "2024", "--format", "json")  # fmt: skip
    expected = shipped_count(experience_level="SE", company_location="GB", remote_ratio=100,
                             work_year=2024)  # fmt: skip
    assert data["n"] == expected
    assert data["filters"] == {"career": None, "job_title": None, "level": "SE",
                               "country": "GB", "remote": 100, "year": 2024,
                               "distinct_rows": False}  # fmt: skip


def test_suppressed_below_ten(invoke: Invoke, invoke_json: JsonInvoke) -> None:
    data = invoke_json("salaries", "--career", "autonomous-systems-operator", "--format", "json")
    assert data["n"] < 10
    assert data["suppressed"] is True
    assert data["p50"] is None
    assert data["mean"] is None
    assert "fewer than 10" in data["message"]
    table = invoke("salaries", "--career", "autonomous-systems-operator").stdout
    assert "fewer than 10" in table
    assert "withheld" in table


def test_table_reads_for_a_career_changer(invoke: Invoke) -> None:
    out = invoke("salaries", "--career", "mlops-engineer", "--group-by", "level").stdout
    assert "Machine Learning Operations (MLOps) Engineer" in out
    assert "The guide's range: $130,000 \u2013 $200,000 a year" in out
    assert "Salaries" in out
    assert "Median by year" in out
    assert "ai-jobs.net" in out
    assert "CC0" in out
    assert "Senior" in out


def test_bands_still_work(invoke: Invoke, invoke_json: JsonInvoke) -> None:
    assert "Entry level" in invoke("salaries", "bands").stdout
    assert len(invoke_json("salaries", "bands", "--format", "json")["bands"]) == 3


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--career", "mlops"], "Did you mean: mlops-engineer?"),
        (["--job-title", "Data Scientst"], "Did you mean: Data Scientist"),
        (["--country", "XX"], "Unknown country 'XX'"),
        (["--level", "JR"], "Unknown experience level 'JR'"),
        (["--year", "2019"], "covers 2020 to 2025"),
        (["--remote", "30"], "Remote ratio must be"),
        (["--career", "prompt-engineer", "--job-title", "Prompt Engineer"], "not both"),
        (["--chart", "chart.pdf"], ".svg or .png"),
    ],
)
def test_bad_input_exits_2_with_a_message(invoke: Invoke, args: list[str], words: str) -> None:
    result = invoke("salaries", *args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert result.stdout == ""


def test_chart_beside_json(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "pay.svg"
    result = invoke("salaries", "--career", "data-engineer", "--chart", str(path),
                    "--format", "json")  # fmt: skip
    assert result.exit_code == 0
    assert json.loads(result.stdout)["n"] > 0
    assert path.read_bytes().lstrip().startswith(b"<?xml")
    assert "Chart written to" in result.stderr
    trend = tmp_path / "trend.png"
    assert invoke("salaries", "--group-by", "year", "--chart", str(trend)).exit_code == 0
    assert trend.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_hubs_from_data(invoke: Invoke, invoke_json: JsonInvoke) -> None:
    data = invoke_json("hubs", "--from-data", "--format", "json")
    assert [h["country_code"] for h in data["hubs"]] == ["US", "US", "US", "GB", "CA", "SG"]
    assert data["countries"][0]["code"] == "US"
    assert data["countries"][0]["n"] == shipped_count(company_location="US")
    assert sum(c["n"] for c in data["countries"]) == data["n"] == 151_445
    assert "not cities" in data["city_note"]
    careers = [r for r in data["remote_by_career"] if r["kind"] == "career"]
    assert len(careers) == 20
    table = invoke("hubs", "--from-data").stdout
    assert "Toronto" in table
    assert "Remote work by career" in table
    assert "Where the AI jobs are" in invoke("hubs").stdout  # the guide's list is unchanged


def test_cli_start_imports_no_market_code() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from aicareers.cli import cli\n"
        "assert CliRunner().invoke(cli, ['careers', 'list']).exit_code == 0\n"
        "heavy = ('aicareers.market', 'aicareers.charts', 'pyarrow', 'matplotlib')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_cli_offers_the_service_groupings() -> None:
    # The CLI spells the choices out so that starting it does not import numpy.
    from aicareers.cli import salaries
    from aicareers.service import market

    assert tuple(salaries.GROUP_BYS) == tuple(market.GROUP_BYS)
