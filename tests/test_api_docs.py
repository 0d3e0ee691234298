"""OpenAPI lists every API route, and the docs page works offline."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from aicareers.web.api import (
    assess,
    catalog,
    cohort,
    guide,
    market,
    match,
    occupations,
    pay,
    plans,
    postings,
    reference,
    v1,
)

from .web_fixtures import client, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

ERROR_REF = "#/components/schemas/ErrorBody"


def api_routes() -> set[tuple[str, str]]:
    """(method, path) of every route the API modules define, under /api/v1."""
    modules = (
        catalog, pay, market, assess, match, occupations, plans, postings, guide, reference,
        cohort,
    )  # fmt: skip
    return {
        (method.lower(), v1.PREFIX + route.path)
        for module in modules
        for route in module.router.routes
        if isinstance(route, APIRoute)
        for method in route.methods
    }


def test_openapi_lists_every_api_route(client: TestClient) -> None:
    answer = client.get("/openapi.json")
    assert answer.status_code == 200
    spec = answer.json()
    documented = {
        (method, path)
        for path, item in spec["paths"].items()
        if path.startswith("/api/v1/")
        for method in item
    }
    served = api_routes()
    assert served == documented
    assert len(served) >= 15
    assert ("post", "/api/v1/assess") in served


def test_every_operation_documents_its_errors_in_the_one_shape(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, item in spec["paths"].items():
        if not path.startswith("/api/v1/"):
            continue
        for method, operation in item.items():
            assert operation.get("summary"), (method, path)
            assert operation.get("description"), (method, path)
            for status, response in operation["responses"].items():
                if status.startswith("4"):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": ERROR_REF}, (method, path, status)


def test_request_bodies_are_documented(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assess = spec["paths"]["/api/v1/assess"]["post"]["requestBody"]["content"]
    assert set(assess) == {"application/json", "multipart/form-data"}
    assert "text" in assess["application/json"]["schema"]["properties"]
    assert assess["multipart/form-data"]["schema"]["properties"]["file"]["format"] == "binary"
    plans = spec["paths"]["/api/v1/plans"]["post"]["requestBody"]["content"]
    assert plans["application/json"]["schema"] == {"$ref": "#/components/schemas/PlanCreate"}
    careers = spec["paths"]["/api/v1/careers"]["get"]["responses"]["200"]["content"]
    item = careers["application/json"]["schema"]["items"]
    assert {"id", "title", "summary", "salary", "key_skills"} <= set(item["properties"])


@pytest.mark.parametrize("path", ["/docs", "/api/docs"])
def test_docs_page_lists_every_endpoint_offline(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "https://cdn" not in html
    # Nothing is loaded from elsewhere: every script, stylesheet and image is our own.
    for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html):
        assert url.startswith("/"), url
    for method, route in api_routes():
        assert f"{method.upper()} {route}" in html, (method, route)
    assert 'href="/openapi.json"' in html
    assert "curl -X POST -H &#39;Content-Type: application/json&#39;" in html


def test_fastapis_cdn_pages_are_off(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404
    assert "swagger-ui" not in client.get("/docs").text
