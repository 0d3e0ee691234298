"""Plans over the API: token auth, the CLI's documents, and no way into another user's plans."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import icalendar
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aicareers.cli.app import cli

from .test_api_catalog import error_of
from .web_fixtures import (
    SignedIn,
    api_token,
    bearer,
    client,
    signed_in_client,
    web_app,
    web_settings,
)

__all__ = ["client", "signed_in_client", "web_app", "web_settings"]  # fixtures used here

PLAN = {
    "career": "mlops-engineer",
    "skills": ["Python", "SQL"],
    "hours_per_week": 5,
    "start": "2026-01-05",
}
CLI_PLAN = ["--career", "mlops-engineer", "--skills", "Python, SQL", "--hours-per-week", "5",
            "--start", "2026-01-05"]  # fmt: skip
# Values that name the moment or the database, not the plan.
VOLATILE = {"id", "created_at", "at", "since", "last_activity"}


@pytest.fixture
def token(signed_in_client: SignedIn) -> str:
    return api_token(signed_in_client("ada@example.org"))


@pytest.fixture
def other_token(signed_in_client: SignedIn) -> str:
    return api_token(signed_in_client("bob@example.org"))


def cli_json(db: str, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["plan", "--database", db, *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def stable(value: Any) -> Any:
    """``value`` without ids and timestamps, to compare documents from two databases."""
    if isinstance(value, dict):
        return {k: stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [stable(v) for v in value]
    return value


def create(client: TestClient, token: str, **changes: Any) -> dict[str, Any]:
    answer = client.post("/api/v1/plans", json={**PLAN, **changes}, headers=bearer(token))
    assert answer.status_code == 201, answer.text
    plan: dict[str, Any] = answer.json()
    return plan


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/plans"),
        ("post", "/api/v1/plans"),
        ("get", "/api/v1/plans/1"),
        ("get", "/api/v1/plans/1/steps"),
        ("get", "/api/v1/plans/1/events"),
        ("post", "/api/v1/plans/1/events"),
        ("get", "/api/v1/plans/1/export?format=md"),
        ("post", "/api/v1/plans/1/share"),
        ("delete", "/api/v1/plans/1/share"),
    ],
)
@pytest.mark.parametrize("header", [None, "Bearer nonsense", "Basic YWRhOnB3", "Bearer "])
def test_plans_need_a_valid_token(
    client: TestClient, method: str, path: str, header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    answer = client.request(method, path, headers=headers, json={})
    assert error_of(answer, 401)["code"] == "unauthorized"
    assert answer.headers["www-authenticate"] == "Bearer"


def test_a_session_cookie_is_not_a_token(signed_in_client: SignedIn) -> None:
    browser = signed_in_client("eve@example.org")
    error_of(browser.get("/api/v1/plans"), 401)


def test_create_equals_the_cli(client: TestClient, token: str, tmp_path: Path) -> None:
    plan = create(client, token)
    expected = cli_json(f"sqlite:///{tmp_path / 'cli.db'}", "create", *CLI_PLAN)
    assert stable(plan) == stable(expected)
    assert plan["career"] == "mlops-engineer"
    assert "learn-python" not in [s["id"] for s in plan["steps"]]


def test_show_list_and_steps(client: TestClient, token: str) -> None:
    plan = create(client, token)
    auth = bearer(token)
    shown = client.get(f"/api/v1/plans/{plan['id']}", headers=auth)
    assert shown.json() == plan
    listed = client.get("/api/v1/plans", headers=auth).json()
    assert listed == [plan]
    steps = client.get(f"/api/v1/plans/{plan['id']}/steps", headers=auth).json()
    assert steps == plan["steps"]
    later = client.get(f"/api/v1/plans/{plan['id']}", params={"today": "2027-06-01"},
                       headers=auth).json()  # fmt: skip
    assert later["progress"]["as_of"] == "2027-06-01"
    assert later["progress"]["overdue"]


def test_events_equal_the_cli(client: TestClient, token: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    plan = create(client, token)
    theirs = cli_json(db, "create", *CLI_PLAN)
    step = plan["steps"][0]["id"]
    auth = bearer(token)
    url = f"/api/v1/plans/{plan['id']}/events"
    answer = client.post(url, json={"step": step, "status": "done", "note": "course done"},
                         headers=auth)  # fmt: skip
    assert answer.status_code == 201, answer.text
    expected = cli_json(db, "step", str(theirs["id"]), step, "--done", "--note", "course done")
    assert stable(answer.json()) == stable(expected)
    assert answer.json()["event"]["status"] == "done"
    assert answer.json()["progress"]["steps_done"] == 1

    history = client.get(url, headers=auth).json()
    assert stable(history) == stable(cli_json(db, "history", str(theirs["id"])))
    assert [e["step"] for e in history["events"]] == [step]
    shown = client.get(f"/api/v1/plans/{plan['id']}/steps", headers=auth).json()
    assert shown[0]["status"] == "done"
    assert shown[0]["note"] == "course done"


@pytest.mark.parametrize(("word", "status"), [("start", "in_progress"), ("skip", "skipped")])
def test_cli_words_for_statuses(client: TestClient, token: str, word: str, status: str) -> None:
    plan = create(client, token)
    url = f"/api/v1/plans/{plan['id']}/events"
    answer = client.post(url, json={"step": plan["steps"][0]["id"], "status": word},
                         headers=bearer(token))  # fmt: skip
    assert answer.json()["event"]["status"] == status


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"step": "learn-sql", "status": "finished"}, 422),
        ({"status": "done"}, 422),
        ({"step": "learn-nothing", "status": "done"}, 404),
        ({"step": "FIRST", "status": "reopened"}, 422),  # nothing to reopen
    ],
)
def test_bad_events_are_4xx(
    client: TestClient, token: str, body: dict[str, str], status: int
) -> None:
    plan = create(client, token)
    if body.get("step") == "FIRST":
        body = {**body, "step": plan["steps"][0]["id"]}
    url = f"/api/v1/plans/{plan['id']}/events"
    error_of(client.post(url, json=body, headers=bearer(token)), status)
    assert client.get(url, headers=bearer(token)).json()["events"] == []


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"career": "mlops"}, 404),
        ({"hours_per_week": 0.1}, 422),
        ({"hours_per_week": 1000}, 422),
        ({"start": "yesterday"}, 422),
        ({"start": "1999-01-01"}, 422),
        ({"assessment_id": 999}, 404),
        ({"platforms": [""]}, 422),
        ({"career": None}, 422),
        ({"hours": 5}, 422),
    ],
)
def test_bad_plans_are_4xx(
    client: TestClient, token: str, changes: dict[str, Any], status: int
) -> None:
    answer = client.post("/api/v1/plans", json={**PLAN, **changes}, headers=bearer(token))
    error_of(answer, status)
    assert client.get("/api/v1/plans", headers=bearer(token)).json() == []


@pytest.mark.parametrize(
    ("fmt", "media"),
    [("md", "text/markdown"), ("ics", "text/calendar"), ("csv", "text/csv"),
     ("json", "application/json")],
)  # fmt: skip
def test_exports(client: TestClient, token: str, fmt: str, media: str) -> None:
    plan = create(client, token)
    answer = client.get(f"/api/v1/plans/{plan['id']}/export", params={"format": fmt},
                        headers=bearer(token))  # fmt: skip
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media)
    assert f'filename="plan-{plan["id"]}.{fmt}"' in answer.headers["content-disposition"]
    if fmt == "json":
        assert stable(answer.json()) == stable(plan)
    elif fmt == "ics":
        calendar = icalendar.Calendar.from_ical(answer.content)
        assert len(calendar.walk("VEVENT")) == len(plan["steps"]) + len(plan["milestones"])
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(answer.text)))
        assert [r["id"] for r in rows][: len(plan["steps"])] == [s["id"] for s in plan["steps"]]
    else:
        assert plan["career_title"] in answer.text


def test_unknown_export_format_is_422(client: TestClient, token: str) -> None:
    plan = create(client, token)
    answer = client.get(f"/api/v1/plans/{plan['id']}/export", params={"format": "pdf"},
                        headers=bearer(token))  # fmt: skip
    error_of(answer, 422)


@pytest.mark.parametrize("plan_id", ["0", "-1", "abc", "99999999999999999999", "2147483648"])
def test_impossible_plan_ids_are_4xx(client: TestClient, token: str, plan_id: str) -> None:
    answer = client.get(f"/api/v1/plans/{plan_id}", headers=bearer(token))
    assert answer.status_code in (404, 422)
    error_of(answer, answer.status_code)


def test_another_users_plan_answers_like_a_missing_one(
    client: TestClient, token: str, other_token: str
) -> None:
    mine = create(client, token)
    theirs = bearer(other_token)
    own = create(client, other_token)  # so both users have plans and suggestions to give
    missing = own["id"] + 100
    for suffix in ("", "/steps", "/events", "/export?format=ics"):
        stolen = client.get(f"/api/v1/plans/{mine['id']}{suffix}", headers=theirs)
        absent = client.get(f"/api/v1/plans/{missing}{suffix}", headers=theirs)
        assert stolen.status_code == absent.status_code == 404
        assert stolen.json() == _with_id(absent.json(), missing, mine["id"])
    event = {"step": mine["steps"][0]["id"], "status": "done"}
    stolen = client.post(f"/api/v1/plans/{mine['id']}/events", json=event, headers=theirs)
    absent = client.post(f"/api/v1/plans/{missing}/events", json=event, headers=theirs)
    assert stolen.status_code == absent.status_code == 404
    assert stolen.json() == _with_id(absent.json(), missing, mine["id"])
    # The owner's plan is untouched and still theirs alone.
    history = client.get(f"/api/v1/plans/{mine['id']}/events", headers=bearer(token)).json()
    assert history["events"] == []
    assert [p["id"] for p in client.get("/api/v1/plans", headers=theirs).json()] == [own["id"]]


def _with_id(body: dict[str, Any], old: int, new: int) -> dict[str, Any]:
    """``body`` as it would read for plan ``new`` instead of ``old``."""
    text = (
        json.dumps(body).replace(f"'{old}'", f"'{new}'").replace(f'"id": "{old}"', f'"id": "{new}"')
    )
    changed: dict[str, Any] = json.loads(text)
    return changed


PLAN_FIELDS = [*PLAN, "free_only", "platforms", "assessment_id", "note"]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.sampled_from(["mlops-engineer", "2026-02-30", "today", "done", "learn-sql", "skip"]),
    st.lists(st.text(max_size=10), max_size=3),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.dictionaries(st.sampled_from(PLAN_FIELDS), VALUES, max_size=6),
    event=st.dictionaries(st.sampled_from(["step", "status", "note", "at"]), VALUES, max_size=4),
)
def test_random_plan_and_event_bodies_never_give_500(
    client: TestClient, token: str, body: dict[str, Any], event: dict[str, Any]
) -> None:
    auth = {**bearer(token), "content-type": "application/json"}
    created = client.post("/api/v1/plans", content=json.dumps(body), headers=auth)
    assert created.status_code in (201, 404, 422), created.text
    if created.status_code != 201:
        error_of(created, created.status_code)
        return
    url = f"/api/v1/plans/{created.json()['id']}/events"
    answer = client.post(url, content=json.dumps(event), headers=auth)
    assert answer.status_code in (201, 404, 422), answer.text


SHARED = re.compile(r"http://testserver/shared/([A-Za-z0-9_-]{43})")


def share(client: TestClient, token: str, plan_id: int) -> str:
    """Share the plan over the API; the token of its link."""
    answer = client.post(f"/api/v1/plans/{plan_id}/share", headers=bearer(token))
    assert answer.status_code == 201, answer.text
    assert answer.json()["plan"] == plan_id
    assert answer.headers["cache-control"] == "no-store"
    found = SHARED.fullmatch(answer.json()["url"])
    assert found is not None, answer.json()
    return found.group(1)


def test_a_shared_plan_reads_without_a_token_and_without_notes(
    client: TestClient, token: str
) -> None:
    plan = create(client, token)
    step = plan["steps"][0]["id"]
    note = {"step": step, "status": "done", "note": "ask Sam at Acme for a referral"}
    client.post(f"/api/v1/plans/{plan['id']}/events", json=note, headers=bearer(token))
    link = share(client, token, plan["id"])
    answer = client.get(f"/api/v1/shared/{link}")  # no Authorization header
    assert answer.status_code == 200, answer.text
    assert answer.headers["x-robots-tag"] == "noindex"
    assert answer.headers["referrer-policy"] == "no-referrer"
    shared = answer.json()
    assert "Acme" not in answer.text
    assert shared["steps"][0]["status"] == "done"
    assert shared["steps"][0]["note"] is None
    assert shared["created_at"] is None
    owners = client.get(f"/api/v1/plans/{plan['id']}", headers=bearer(token)).json()
    assert stable(shared["steps"]) == stable([{**s, "note": None} for s in owners["steps"]])


def test_sharing_again_or_stopping_ends_the_old_link(
    client: TestClient, token: str, other_token: str
) -> None:
    plan = create(client, token)
    first = share(client, token, plan["id"])
    second = share(client, token, plan["id"])
    assert error_of(client.get(f"/api/v1/shared/{first}"), 404)["code"] == "not-found"
    assert client.get(f"/api/v1/shared/{second}").status_code == 200
    # Another account can neither share nor stop someone else's plan.
    theirs = bearer(other_token)
    error_of(client.post(f"/api/v1/plans/{plan['id']}/share", headers=theirs), 404)
    error_of(client.delete(f"/api/v1/plans/{plan['id']}/share", headers=theirs), 404)
    assert client.get(f"/api/v1/shared/{second}").status_code == 200
    stopped = client.delete(f"/api/v1/plans/{plan['id']}/share", headers=bearer(token))
    assert stopped.status_code == 204
    assert stopped.content == b""
    error_of(client.get(f"/api/v1/shared/{second}"), 404)
    again = client.delete(f"/api/v1/plans/{plan['id']}/share", headers=bearer(token))
    assert again.status_code == 204  # stopping twice is still "not shared"


@pytest.mark.parametrize("link", ["nothing", "a" * 43, "a" * 201])
def test_unknown_links_are_4xx(client: TestClient, link: str) -> None:
    answer = client.get(f"/api/v1/shared/{link}")
    error_of(answer, 422 if len(link) > 200 else 404)
