"""The plans API end to end on PostgreSQL (the rest of the API tests run on SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from fastapi.testclient import TestClient

from aicareers.web.settings import WebSettings

from .web_fixtures import (
    SignedIn,
    api_token,
    bearer,
    client,
    settings_on,
    signed_in_client,
    web_app,
)

__all__ = ["client", "signed_in_client", "web_app"]  # fixtures used here

PLAN = {"career": "prompt-engineer", "skills": ["Python"], "hours_per_week": 4,
        "start": "2026-02-02"}  # fmt: skip


@pytest.fixture
def web_settings(tmp_path: Path) -> Iterator[WebSettings]:
    with settings_on("postgresql", tmp_path) as settings:
        yield settings


def test_plans_round_trip_and_stay_private(client: TestClient, signed_in_client: SignedIn) -> None:
    mine = bearer(api_token(signed_in_client("ada@example.org")))
    theirs = bearer(api_token(signed_in_client("bob@example.org")))
    created = client.post("/api/v1/plans", json=PLAN, headers=mine)
    assert created.status_code == 201, created.text
    plan = created.json()
    url = f"/api/v1/plans/{plan['id']}"
    step = plan["steps"][0]["id"]
    for status in ("in_progress", "done"):
        sent = client.post(f"{url}/events", json={"step": step, "status": status}, headers=mine)
        assert sent.status_code == 201, sent.text
    shown = client.get(url, headers=mine).json()
    assert shown["progress"]["steps_done"] == 1
    assert shown["steps"][0]["status"] == "done"
    events = client.get(f"{url}/events", headers=mine).json()["events"]
    assert [e["status"] for e in events] == ["in_progress", "done"]
    ics = client.get(f"{url}/export", params={"format": "ics"}, headers=mine)
    calendar = icalendar.Calendar.from_ical(ics.text)
    assert [c for c in calendar.walk() if c.name == "VEVENT"]
    # Another user's token sees nothing and changes nothing.
    assert client.get(url, headers=theirs).status_code == 404
    refused = client.post(f"{url}/events", json={"step": step, "status": "skipped"}, headers=theirs)
    assert refused.status_code == 404
    assert client.get(url, headers=mine).json()["steps"][0]["status"] == "done"


def test_a_shared_plan_on_postgresql(client: TestClient, signed_in_client: SignedIn) -> None:
    mine = bearer(api_token(signed_in_client("cy@example.org")))
    plan = client.post("/api/v1/plans", json=PLAN, headers=mine).json()
    url = f"/api/v1/plans/{plan['id']}"
    step = plan["steps"][0]["id"]
    client.post(f"{url}/events", json={"step": step, "status": "done", "note": "private"},
                headers=mine)  # fmt: skip
    link = client.post(f"{url}/share", headers=mine).json()["url"]
    token = link.rsplit("/", 1)[1]
    shared = client.get(f"/api/v1/shared/{token}")
    assert shared.status_code == 200, shared.text
    assert shared.json()["steps"][0]["status"] == "done"
    assert "private" not in shared.text
    assert client.get(link.removeprefix("http://testserver")).status_code == 200  # the page
    assert client.delete(f"{url}/share", headers=mine).status_code == 204
    assert client.get(f"/api/v1/shared/{token}").status_code == 404
