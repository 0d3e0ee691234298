"""``POST /api/v1/postings/analyze``: the CLI's totals and per-posting rows for an upload."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from aicareers.cli.postings import postings

from .test_api_catalog import error_of
from .test_postings import ROWS, write_csv
from .web_fixtures import client, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

URL = "/api/v1/postings/analyze"
# How long the run took differs from run to run; everything else must match.
TIMINGS = {"seconds", "rows_per_second"}


def cli_analysis(path: Path, *args: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    out = path.with_suffix(".out.json")
    result = CliRunner().invoke(
        postings,
        ["analyze", str(path), "--workers", "1", "--out", str(out), "--format", "json", *args],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    summary: dict[str, Any] = json.loads(result.stdout)
    return summary, json.loads(out.read_text(encoding="utf-8"))


def without_timings(summary: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in summary.items() if k not in TIMINGS}


@pytest.fixture
def jobs(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "jobs.csv", ROWS)


def test_csv_equals_the_cli(client: TestClient, jobs: Path) -> None:
    answer = client.post(URL, files={"file": ("jobs.csv", jobs.read_bytes(), "text/csv")})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    summary, records = cli_analysis(jobs)
    rows = body.pop("postings")
    assert body.pop("postings_truncated") is False
    assert without_timings(body) == without_timings(summary)
    assert rows == records
    assert body["rows"]["analysed"] == len(ROWS)


def test_options_and_row_cap(client: TestClient, jobs: Path) -> None:
    form = {"currency": "usd", "limit": "6", "rows": "2", "title_col": "Job Title"}
    answer = client.post(URL, files={"file": ("jobs.csv", jobs.read_bytes(), "")}, data=form)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    summary, records = cli_analysis(jobs, "--currency", "USD", "--limit", "6",
                                    "--title-col", "Job Title")  # fmt: skip
    assert [r["row"] for r in body.pop("postings")] == [0, 1]
    assert body.pop("postings_truncated") is True
    assert without_timings(body) == without_timings(summary)
    assert len(records) == 6


def test_jsonl_by_input_format(client: TestClient) -> None:
    lines = [
        json.dumps({"title": "Prompt Engineer", "description": "LLM prompts, Python."}),
        "not json",
        json.dumps({"title": "MLOps Engineer", "description": "Kubernetes"}),
    ]
    data = ("\n".join(lines) + "\n").encode()
    answer = client.post(URL, files={"file": ("upload", data, "")},
                         data={"input_format": "jsonl"})  # fmt: skip
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["rows"] == {"analysed": 2, "malformed": 1, "read": 3}
    assert [p["career"] for p in body["postings"]] == ["prompt-engineer", "mlops-engineer"]


@pytest.mark.parametrize(
    ("files", "data", "status"),
    [
        ({"file": ("jobs.xlsx", b"PK\x03\x04", "")}, {}, 422),  # no format known
        ({"file": ("companies.csv", b"Company,Location\nAcme,Berlin\n", "")}, {}, 422),
        ({"file": ("jobs.csv", b"Job Title,Job Description\nA,B\n", "")},
         {"title_col": "Nope"}, 422),
        ({"file": ("jobs.parquet", b"not parquet at all", "")}, {}, 422),
        ({"file": ("jobs.csv", b"", "")}, {}, 422),
        ({"file": ("jobs.csv", b"Job Title,Job Description\nA,B\n", "")}, {"rows": "5000"}, 422),
        ({"file": ("jobs.csv", b"Job Title,Job Description\nA,B\n", "")}, {"limit": "0"}, 422),
        ({"file": ("jobs.csv", b"Job Title,Job Description\nA,B\n", "")}, {"workers": "9"}, 422),
        ({}, {"title_col": "x"}, 422),
    ],
)  # fmt: skip
def test_bad_uploads_are_4xx(
    client: TestClient, files: dict[str, Any], data: dict[str, str], status: int
) -> None:
    error_of(client.post(URL, files=files or None, data=data), status)


def test_json_body_is_415(client: TestClient) -> None:
    error_of(client.post(URL, json={"file": "jobs.csv"}), 415)


def test_upload_over_10_mb_is_413(client: TestClient) -> None:
    big = b"Job Title,Job Description\n" + b"Engineer,Python\n" * (11 * 1_048_576 // 16)
    error_of(client.post(URL, files={"file": ("jobs.csv", big, "text/csv")}), 413)


def test_file_name_cannot_escape_the_temporary_folder(client: TestClient, jobs: Path) -> None:
    files = {"file": ("../../etc/jobs.csv", jobs.read_bytes(), "")}
    answer = client.post(URL, files=files)
    assert answer.status_code == 200, answer.text
    assert answer.json()["input"]["file"] == "jobs.csv"
