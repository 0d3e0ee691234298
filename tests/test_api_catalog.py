"""The read-only API (careers, compare, salaries, occupations) answers what the CLI prints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .web_fixtures import client, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

InvokeJson = Callable[..., Any]


def error_of(answer: Any, status: int) -> dict[str, Any]:
    """The error object of an answer that must have ``status`` and the one error shape."""
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert isinstance(body["error"]["message"], str)
    assert body["error"]["message"]
    assert isinstance(body["error"]["details"], dict)
    found: dict[str, Any] = body["error"]
    return found


@pytest.mark.parametrize("sort", ["rank", "title", "salary"])
def test_careers_list_equals_the_cli(
    client: TestClient, invoke_json: InvokeJson, sort: str
) -> None:
    answer = client.get("/api/v1/careers", params={"sort": sort})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == invoke_json("careers", "list", "--sort", sort, "--format", "json")
    assert len(answer.json()) == 20


def test_careers_default_order_is_the_guides(client: TestClient) -> None:
    ranks = [c["rank"] for c in client.get("/api/v1/careers").json()]
    assert ranks == list(range(1, 21))


def test_unknown_sort_is_422(client: TestClient) -> None:
    error = error_of(client.get("/api/v1/careers", params={"sort": "pay"}), 422)
    assert error["code"] == "invalid-request"
    assert error["details"]["fields"][0]["field"] == "sort"


def test_one_career_equals_the_cli(client: TestClient, invoke_json: InvokeJson) -> None:
    answer = client.get("/api/v1/careers/mlops-engineer")
    assert answer.status_code == 200
    assert answer.json() == invoke_json("careers", "show", "mlops-engineer", "--format", "json")


def test_unknown_career_is_404_with_suggestions(client: TestClient) -> None:
    error = error_of(client.get("/api/v1/careers/mlops"), 404)
    assert error["code"] == "not-found"
    assert error["details"]["suggestions"] == ["mlops-engineer"]
    assert "mlops-engineer" in error["message"]


def test_compare_equals_the_cli(client: TestClient, invoke_json: InvokeJson) -> None:
    ids = ["prompt-engineer", "mlops-engineer", "ai-ethics-officer"]
    answer = client.get("/api/v1/compare", params={"ids": ids})
    assert answer.status_code == 200
    assert answer.json() == invoke_json("careers", "compare", *ids, "--format", "json")
    joined = client.get("/api/v1/compare", params={"ids": ",".join(ids)})
    assert joined.json() == answer.json()


@pytest.mark.parametrize(
    "ids",
    [
        ["prompt-engineer"],
        ["prompt-engineer", "prompt-engineer"],
        ["prompt-engineer", "mlops-engineer", "ai-ethics-officer", "ai-product-manager",
         "ai-safety-researcher"],
    ],
    ids=["one", "repeated", "five"],
)  # fmt: skip
def test_compare_needs_two_to_four_distinct_ids(client: TestClient, ids: list[str]) -> None:
    assert error_of(client.get("/api/v1/compare", params={"ids": ids}), 422)["code"]


def test_compare_without_ids_is_422(client: TestClient) -> None:
    error = error_of(client.get("/api/v1/compare"), 422)
    assert error["details"]["fields"][0]["field"] == "ids"


def test_compare_unknown_id_is_404(client: TestClient) -> None:
    answer = client.get("/api/v1/compare", params={"ids": ["prompt-engineer", "nurse"]})
    assert error_of(answer, 404)["details"]["id"] == "nurse"


def test_salary_bands_equal_the_cli(client: TestClient, invoke_json: InvokeJson) -> None:
    answer = client.get("/api/v1/salaries/bands")
    assert answer.json() == invoke_json("salaries", "bands", "--format", "json")


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"career": "mlops-engineer", "level": "SE"},
        {"career": "data-scientist", "country": "US", "group_by": "level"},
        {"job_title": "data scientist", "remote": "100", "year": "2024", "distinct_rows": "true"},
        {"career": "ai-ethics-officer", "country": "DE"},  # few salaries: suppressed
    ],
    ids=["all", "career-level", "role-country-group", "title-remote-year", "suppressed"],
)
def test_salaries_equal_the_cli(
    client: TestClient, invoke_json: InvokeJson, options: dict[str, str]
) -> None:
    args = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        args += [flag] if value == "true" else [flag, value]
    answer = client.get("/api/v1/salaries", params=options)
    assert answer.status_code == 200, answer.text
    assert answer.json() == invoke_json("salaries", *args, "--format", "json")


def test_suppressed_salaries_have_null_figures(client: TestClient) -> None:
    report = client.get("/api/v1/salaries", params={"career": "ai-ethics-officer",
                                                    "country": "DE"}).json()  # fmt: skip
    assert report["suppressed"] is True
    assert report["p50"] is None


@pytest.mark.parametrize(
    ("options", "status"),
    [
        ({"level": "XX"}, 422),
        ({"remote": "30"}, 422),
        ({"remote": "many"}, 422),
        ({"year": "1999"}, 422),
        ({"country": "Atlantis"}, 422),
        ({"group_by": "colour"}, 422),
        ({"career": "mlops-engineer", "job_title": "data scientist"}, 422),
        ({"career": "mlops"}, 404),
        ({"job_title": "chief vibes officer"}, 422),
    ],
)
def test_bad_salary_filters_are_4xx(
    client: TestClient, options: dict[str, str], status: int
) -> None:
    error_of(client.get("/api/v1/salaries", params=options), status)


def test_title_coding_equals_the_cli(client: TestClient, invoke_json: InvokeJson) -> None:
    title = "Sr. RN - ICU nights"
    answer = client.get("/api/v1/occupations/code", params={"title": title, "top": 3})
    assert answer.status_code == 200
    expected = invoke_json("occupations", "code", title, "--top", "3", "--format", "json")
    assert answer.json() == expected
    assert answer.json()["occupations"][0]["code"] == "29-1141.00"


@pytest.mark.parametrize(
    "params", [{}, {"title": ""}, {"title": "   "}, {"title": "x", "top": "0"}]
)
def test_title_coding_needs_a_title(client: TestClient, params: dict[str, str]) -> None:
    error_of(client.get("/api/v1/occupations/code", params=params), 422)


@pytest.mark.parametrize("onet", [False, True])
def test_similar_occupations_equal_the_cli(
    client: TestClient, invoke_json: InvokeJson, onet: bool
) -> None:
    params = {"top": "5", "onet_related": str(onet).lower()}
    answer = client.get("/api/v1/occupations/15-1252.00/similar", params=params)
    assert answer.status_code == 200
    flags = ["--onet-related"] if onet else []
    expected = invoke_json("occupations", "similar", "15-1252.00", "--top", "5", *flags,
                           "--format", "json")  # fmt: skip
    assert answer.json() == expected


def test_similar_unknown_code_is_404(client: TestClient) -> None:
    error = error_of(client.get("/api/v1/occupations/15-1252.99/similar"), 404)
    assert "15-1252.00" in error["details"]["suggestions"]


def test_similar_top_out_of_range_is_422(client: TestClient) -> None:
    error_of(client.get("/api/v1/occupations/15-1252.00/similar", params={"top": "0"}), 422)
