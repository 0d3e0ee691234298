"""Limits of the API and the assessment form: JSON depth, 405's ``Allow``, and an OpenAPI
document that says what the server accepts (issue 13: findings of the security probe)."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aicareers.engine.plans.build import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK
from aicareers.market.dataset import LEVELS
from aicareers.market.filters import REMOTE_RATIOS
from aicareers.web.api import market, schemas
from aicareers.web.api.nesting import MAX_DEPTH, nests_deeper_than

from .web_fixtures import api_token, bearer, client, csrf, signed_in_client, web_app, web_settings

__all__ = ["client", "signed_in_client", "web_app", "web_settings"]  # fixtures used here

DEEP_ARRAY = "[" * 1000 + "]" * 1000  # about 2 KB: a RecursionError in json.loads
DEEP_OBJECT = '{"a":' * 1000 + "1" + "}" * 1000
JSON = {"content-type": "application/json"}


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.fixture
def token(signed_in_client: Any) -> str:
    return api_token(signed_in_client("ada@example.org"))


@pytest.fixture
def spec(web_app: FastAPI) -> dict[str, Any]:
    found: dict[str, Any] = web_app.openapi()
    return found


# JSON depth --------------------------------------------------------------------------------


def test_the_scan_counts_brackets_outside_strings_only() -> None:
    assert not nests_deeper_than(nested(MAX_DEPTH).encode())
    assert nests_deeper_than(nested(MAX_DEPTH + 1).encode())
    in_strings = json.dumps({"text": "[" * 500, "more": ["{" * 500, '\\"[[[']}).encode()
    assert not nests_deeper_than(in_strings)
    assert nests_deeper_than(DEEP_OBJECT.encode())
    assert not nests_deeper_than(b"[" * 20 + b"]" * 20 + b"[" * 20 + b"]" * 20)  # siblings


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT, f'{{"skills": {DEEP_ARRAY}}}'])
@pytest.mark.parametrize("path", ["/api/v1/assess", "/api/v1/plans", "/api/v1/plans/1/events"])
def test_deeply_nested_bodies_are_422_naming_the_limit(
    client: TestClient, token: str, path: str, body: str
) -> None:
    answer = client.post(path, content=body, headers={**JSON, **bearer(token)})
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "too-deeply-nested"
    assert error["details"] == {"limit": MAX_DEPTH}
    assert f"{MAX_DEPTH} levels" in error["message"]


@pytest.mark.parametrize("text", [DEEP_ARRAY, DEEP_OBJECT, "  \n" + DEEP_OBJECT])
def test_deeply_nested_json_in_the_text_field_is_422(client: TestClient, text: str) -> None:
    answer = client.post("/api/v1/assess", json={"text": text})
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["details"]["field"] == "text"
    assert f"{MAX_DEPTH} levels" in error["message"]


def test_a_json_resume_pasted_as_text_is_still_read(client: TestClient) -> None:
    resume = {"basics": {"label": "Data engineer"},
              "skills": [{"name": "Python", "keywords": ["pandas", "SQL"]}]}  # fmt: skip
    answer = client.post("/api/v1/assess", json={"text": json.dumps(resume), "top": 1})
    assert answer.status_code == 200, answer.text


def test_text_set_aside_for_a_file_is_not_scanned(client: TestClient) -> None:
    files = {"file": ("cv.txt", b"Data engineer: Python, SQL, Airflow and Spark for 5 years.")}
    answer = client.post("/api/v1/assess", data={"text": DEEP_OBJECT, "top": "1"}, files=files)
    assert answer.status_code == 200, answer.text


def test_deeply_nested_json_pasted_in_the_form_is_422(client: TestClient) -> None:
    form = {"csrf_token": csrf(client, "/assess"), "text": DEEP_OBJECT}
    answer = client.post("/assess", data=form)
    assert answer.status_code == 422, answer.text[:300]
    assert f"more than {MAX_DEPTH} levels deep" in answer.text
    assert "<textarea" in answer.text  # the form again, not an error page


# 405 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("put", "/api/v1/plans", "GET, POST"),
        ("delete", "/api/v1/plans/7/events", "GET, POST"),
        ("post", "/api/v1/careers", "GET"),
        ("delete", "/api/v1/plans/7", "GET"),
    ],
)
def test_405_allows_every_method_of_the_path(
    client: TestClient, method: str, path: str, allow: str
) -> None:
    answer = client.request(method, path)
    assert answer.status_code == 405, answer.text
    assert answer.headers["allow"] == allow
    assert answer.json()["error"]["code"] == "method-not-allowed"


# The OpenAPI document -----------------------------------------------------------------------


def responses(spec: dict[str, Any], method: str, path: str) -> set[str]:
    return set(spec["paths"][path][method]["responses"])


def test_400_and_415_are_documented_where_the_server_gives_them(
    client: TestClient, token: str, spec: dict[str, Any]
) -> None:
    not_utf8 = client.post("/api/v1/plans", content=b'{"career": "\xff"}',
                           headers={**JSON, **bearer(token)})  # fmt: skip
    assert not_utf8.status_code == 400
    assert "400" in responses(spec, "post", "/api/v1/plans")
    assert "400" in responses(spec, "post", "/api/v1/plans/{plan_id}/events")
    wrong_type = client.post("/api/v1/postings/analyze", content=b"x",
                             headers={"content-type": "text/plain"})  # fmt: skip
    assert wrong_type.status_code == 415
    assert "415" in responses(spec, "post", "/api/v1/postings/analyze")


def test_assess_keeps_its_documented_errors(spec: dict[str, Any]) -> None:
    assert {"200", "413", "415", "422"} <= responses(spec, "post", "/api/v1/assess")


def parameter(spec: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    params = spec["paths"][path]["get"]["parameters"]
    found: dict[str, Any] = next(p["schema"] for p in params if p["name"] == name)
    return found


def test_compare_ids_say_two_to_four_different_ids(
    client: TestClient, spec: dict[str, Any]
) -> None:
    ids = parameter(spec, "/api/v1/compare", "ids")
    assert (ids["minItems"], ids["maxItems"], ids["uniqueItems"]) == (2, 4, True)
    item = re.compile(ids["items"]["pattern"])
    assert item.search("mlops-engineer")
    assert not item.search("")
    assert not item.search(" ")
    assert not item.search("a,b")
    assert client.get("/api/v1/compare?ids=").status_code == 422  # what the schema now refuses


@pytest.mark.parametrize("path", ["/api/v1/plans/{plan_id}", "/api/v1/plans/{plan_id}/steps"])
def test_today_is_a_day_from_2000_to_five_years_ahead(spec: dict[str, Any], path: str) -> None:
    pattern = re.compile(parameter(spec, path, "today")["pattern"])
    this_year = dt.date.today().year
    assert pattern.search("2000-01-01")
    assert pattern.search(f"{this_year}-12-31")
    assert pattern.search(f"{this_year + 4}-06-30")
    assert not pattern.search("1999-12-31")
    assert not pattern.search("0108-07-13")
    assert not pattern.search(f"{this_year + 6}-01-01")
    assert not pattern.search("2026-13-01")


def test_plan_body_schema_states_the_services_ranges(spec: dict[str, Any]) -> None:
    body = schemas.PlanCreate.model_json_schema()["properties"]
    assert (body["hours_per_week"]["minimum"], body["hours_per_week"]["maximum"]) == (
        MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK,
    )  # fmt: skip
    platform = body["platforms"]["items"]
    assert platform["minLength"] == 1
    assert re.search(platform["pattern"], "coursera")
    assert not re.search(platform["pattern"], "-")
    assert re.search(body["start"]["pattern"], "2026-12-01")
    assert "PlanCreate" in json.dumps(spec["paths"]["/api/v1/plans"]["post"]["requestBody"])


def test_blank_platforms_and_bad_days_are_still_refused_by_the_server(
    client: TestClient, token: str
) -> None:
    plan = {"career": "mlops-engineer", "skills": ["Python"]}
    blank = client.post("/api/v1/plans", json={**plan, "platforms": [""]}, headers=bearer(token))
    assert blank.status_code == 422
    assert blank.json()["error"]["details"]["field"] == "platforms"
    made = client.post("/api/v1/plans", json=plan, headers=bearer(token)).json()
    early = client.get(f"/api/v1/plans/{made['id']}?today=1999-12-31", headers=bearer(token))
    assert early.status_code == 422


def test_salary_filters_name_their_values(spec: dict[str, Any]) -> None:
    assert parameter(spec, "/api/v1/salaries", "level")["enum"] == list(LEVELS)
    assert parameter(spec, "/api/v1/salaries", "remote")["enum"] == list(REMOTE_RATIOS)
    assert market.LEVELS == LEVELS
    for name, other in (("career", "job_title"), ("job_title", "career")):
        params = spec["paths"]["/api/v1/salaries"]["get"]["parameters"]
        described = next(p for p in params if p["name"] == name)
        assert f"not with {other}" in (described.get("description") or "")


@pytest.mark.parametrize(
    ("path", "field"),
    [("/api/v1/postings/analyze", "input_format"), ("/api/v1/postings/analyze", "limit"),
     ("/api/v1/assess", "years"), ("/api/v1/assess", "title")],
)  # fmt: skip
def test_form_fields_are_never_null(spec: dict[str, Any], path: str, field: str) -> None:
    form = spec["paths"][path]["post"]["requestBody"]["content"]["multipart/form-data"]
    prop = form["schema"]["properties"][field]
    assert "null" not in json.dumps(prop)
    assert prop.get("type") or prop.get("enum") or prop.get("anyOf")
