"""The cohort page: a coach uploads a results file and reads, or downloads, the same report
the CLI makes; bad files get the form back with a message and a 4xx status."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from aicareers.cli.app import cli
from aicareers.web.app import create_app

from . import cohort_sample as sample
from .web_fixtures import client, csrf, settings_for, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here


def upload(client: TestClient, content: bytes, name: str = "results.jsonl",
           **form: str) -> httpx.Response:  # fmt: skip
    data = {"csrf_token": csrf(client, "/cohort"), **form}
    return client.post("/cohort", data=data, files={"file": (name, content, "application/jsonl")})


@pytest.fixture
def content(tmp_path: Path) -> bytes:
    return sample.write(tmp_path).read_bytes()


def test_the_form_is_linked_from_the_menu(client: TestClient) -> None:
    home = client.get("/")
    assert 'href="/cohort"' in home.text
    page = client.get("/cohort")
    assert page.status_code == 200
    assert 'name="file"' in page.text
    assert 'name="by"' in page.text


def test_the_page_shows_the_report(client: TestClient, content: bytes) -> None:
    answer = upload(client, content, by="site", action="show")
    assert answer.status_code == 200, answer.text
    page = answer.text
    assert "Report on results.jsonl" in page
    assert "6 results read from 8 lines" in page
    assert "The whole cohort" in page
    assert "site: North" in page
    assert "site: South" in page
    assert 'role="img"' in page
    assert sample.QUOTE not in page
    assert "Jordan Example" not in page


def test_words_only_when_the_box_is_ticked(client: TestClient, content: bytes) -> None:
    page = upload(client, content, include_text="yes", action="show").text
    assert sample.QUOTE in page
    assert "Jordan Example" in page


def test_downloads_are_the_cli_report(client: TestClient, content: bytes, tmp_path: Path) -> None:
    answer = upload(client, content, by="site", action="json")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == 'attachment; filename="cohort-report.json"'
    path = tmp_path / "results.jsonl"
    path.write_bytes(content)
    cli_json: dict[str, Any] = json.loads(
        CliRunner()
        .invoke(cli, ["cohort", "report", str(path), "--by", "site", "--format", "json"])
        .stdout
    )
    assert answer.json() == cli_json
    html = upload(client, content, action="html")
    assert html.headers["content-type"].startswith("text/html")
    assert html.headers["content-disposition"] == 'attachment; filename="cohort-report.html"'
    assert html.text.startswith("<!doctype html>")
    assert "<script" not in html.text


def test_a_gzip_upload_is_read(client: TestClient, content: bytes) -> None:
    answer = upload(client, gzip.compress(content), name="results.jsonl.gz")
    assert answer.status_code == 200
    assert "6 results read from 8 lines" in answer.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,resume\nAda,Python\n", "people.csv holds no results"),
        (b"", "people.csv is empty"),
    ],
)
def test_a_wrong_file_gets_the_form_back(client: TestClient, content: bytes, message: str) -> None:
    answer = upload(client, content, name="people.csv")
    assert answer.status_code == 422
    assert message in answer.text
    assert "results of a batch assessment" in answer.text
    assert 'name="file"' in answer.text


def test_a_missing_column_says_so(client: TestClient, content: bytes) -> None:
    answer = upload(client, content, by="programme")
    assert answer.status_code == 422
    assert "no column &#39;programme&#39;" in answer.text
    assert 'value="programme"' in answer.text  # what was typed is kept


def test_no_file_chosen(client: TestClient) -> None:
    answer = client.post("/cohort", data={"csrf_token": csrf(client, "/cohort")})
    assert answer.status_code == 422
    assert "Choose a results file" in answer.text


def test_without_the_csrf_token_nothing_is_read(client: TestClient, content: bytes) -> None:
    client.get("/cohort")
    answer = client.post("/cohort", files={"file": ("results.jsonl", content, "text/plain")})
    assert answer.status_code == 403


def test_a_file_over_the_limit_is_413(tmp_path: Path, content: bytes) -> None:
    assert len(content) > 2_000
    with TestClient(create_app(settings_for(tmp_path, max_upload_bytes=2_000))) as small:
        answer = upload(small, content)
    assert answer.status_code == 413
    assert "the limit here is 0 MB" not in answer.text  # the limit is said in a useful unit
    assert "gzip" in answer.text


def api(client: TestClient, content: bytes, name: str = "results.jsonl",
        **form: str) -> httpx.Response:  # fmt: skip
    files = {"file": (name, content, "application/jsonl")}
    return client.post("/api/v1/cohort/report", data=form, files=files)


def test_the_api_answers_the_cli_document(client: TestClient, content: bytes) -> None:
    answer = api(client, content, by="site")
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["by"] == "site"
    assert [g["group"] for g in data["groups"]] == ["North", "South"]
    assert {c["id"]: c["top1"] for c in data["cohort"]["careers"]} == sample.TOP1
    assert sample.QUOTE not in answer.text
    assert sample.QUOTE in api(client, content, include_text="true").text


def test_the_api_refuses_what_it_cannot_read(client: TestClient, content: bytes) -> None:
    wrong = api(client, b"name,resume\nAda,Python\n", name="people.csv")
    assert wrong.status_code == 422
    assert "people.csv holds no results" in wrong.json()["error"]["message"]
    column = api(client, content, by="programme")
    assert column.status_code == 422
    assert "no column 'programme'" in column.json()["error"]["message"]
    unknown = api(client, content, colour="blue")
    assert unknown.status_code == 422
    as_json = client.post("/api/v1/cohort/report", json={"by": "site"})
    assert as_json.status_code == 415
