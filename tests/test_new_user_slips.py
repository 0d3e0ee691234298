"""Slips a new user hit (issue 15, section 3): each one pinned so that it stays fixed."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from .conftest import Invoke
from .web_fixtures import client, csrf, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here


# --- The highest education level, as every adapter asks for it ---------------------------


def test_cli_education_level_is_read(invoke: Invoke) -> None:
    result = invoke("assess", "--title", "nurse", "--education", "doctorate", "--format", "json")
    assert result.exit_code == 0, result.stderr
    education = json.loads(result.stdout)["profile"]["education"]
    assert [entry["level"] for entry in education] == ["doctorate"]


def test_api_education_level_is_read(client: TestClient) -> None:
    answer = client.post("/api/v1/assess", json={"title": "nurse", "education": "master"})
    assert answer.status_code == 200, answer.text
    assert [entry["level"] for entry in answer.json()["profile"]["education"]] == ["master"]


def test_form_education_level_is_read(client: TestClient) -> None:
    data = {"csrf_token": csrf(client, "/assess"), "title": "nurse", "education": "bachelor"}
    page = client.post("/assess", data=data, files={"file": ("", b"")})
    assert page.status_code == 200, page.text
    assert "needs a school" not in page.text
    assert "ai-assisted-healthcare-coordinator" in page.text
