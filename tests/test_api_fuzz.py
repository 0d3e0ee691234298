"""schemathesis against ``/openapi.json``: generated requests, in-process, seeded and bounded.

Every operation of the API gets requests generated from its own OpenAPI description and
sent to the ASGI app (no server, no network); the plan endpoints carry a real account's
API token, and that account has a plan, so plan ids are not all unknown. A case fails on a
5xx, an answer whose status, content type, headers or body the document does not declare,
or a request valid by the document that the server refuses (the document must say what the
server accepts). Hypothesis is derandomized and each operation capped at ``EXAMPLES``, so a
run is the same run every time and stays well under a minute on two busy cores.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi import checks

from aicareers.web.app import create_app

from .web_fixtures import api_token, bearer, settings_for, sign_up

EXAMPLES = 15  # per operation and mode; 16 operations x 2 modes -> a few hundred cases
CHECKS = [
    not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.positive_data_acceptance,
]
OPERATIONS = [
    "GET /api/v1/careers",
    "GET /api/v1/careers/{career_id}",
    "GET /api/v1/careers/{career_id}/pay",
    "GET /api/v1/compare",
    "GET /api/v1/salaries/bands",
    "GET /api/v1/salaries",
    "POST /api/v1/assess",
    "POST /api/v1/match",
    "GET /api/v1/occupations/code",
    "GET /api/v1/occupations/{code}/similar",
    "GET /api/v1/plans",
    "POST /api/v1/plans",
    "GET /api/v1/plans/{plan_id}",
    "GET /api/v1/plans/{plan_id}/steps",
    "POST /api/v1/plans/{plan_id}/events",
    "GET /api/v1/plans/{plan_id}/events",
    "GET /api/v1/plans/{plan_id}/export",
    "POST /api/v1/plans/{plan_id}/share",
    "DELETE /api/v1/plans/{plan_id}/share",
    "GET /api/v1/shared/{token}",
    "POST /api/v1/postings/analyze",
    "POST /api/v1/cohort/report",
    "GET /api/v1/skills",
    "GET /api/v1/skills/{skill_id}",
    "GET /api/v1/steps",
    "GET /api/v1/emerging",
    "GET /api/v1/challenges",
    "GET /api/v1/hubs",
    "GET /api/v1/certifications",
    "GET /api/v1/resources",
    "GET /api/v1/statistics",
    "GET /api/v1/sources",
    "GET /api/v1/search",
]
# Operations whose acceptance depends on content no schema can state: whether a text names
# anything assessable, whether a file holds postings, whether a job title or country is in
# the salary data (and career with job_title, which OpenAPI cannot forbid across two query
# parameters). They are fuzzed for 5xx and conformance, not for positive data acceptance.
CONTENT_DEPENDENT = {
    "POST /api/v1/assess",
    "POST /api/v1/match",  # and whether a posting's text is blank once stripped
    "POST /api/v1/postings/analyze",
    "POST /api/v1/cohort/report",  # whether a file holds results of a batch
    "GET /api/v1/salaries",
    "GET /api/v1/careers/{career_id}/pay",  # whether a typed place names a state or country
}
# No parameter or body to break: negative generation has nothing to make.
NOTHING_TO_BREAK = {
    "GET /api/v1/careers/{career_id}",
    "GET /api/v1/salaries/bands",
    "GET /api/v1/plans",
    "GET /api/v1/skills",  # its one parameter takes any text
    "GET /api/v1/skills/{skill_id}",
    "GET /api/v1/steps",
    "GET /api/v1/emerging",
    "GET /api/v1/challenges",
    "GET /api/v1/hubs",
    "GET /api/v1/certifications",
    "GET /api/v1/statistics",
    "GET /api/v1/sources",
}
PLAN = {"career": "mlops-engineer", "skills": ["Python"], "start": "2026-01-05"}


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """One app and database for every generated case (a fresh one per case would be slow)."""
    app = create_app(settings_for(Path(tmp_path_factory.mktemp("fuzz")), semantic=False))
    with TestClient(app):  # runs the lifespan, so the store is closed at the end
        yield app


@pytest.fixture(scope="module")
def fuzz_token(fuzz_app: FastAPI) -> str:
    """A signed-up account's API token; the account has one plan (id 1)."""
    with TestClient(fuzz_app, follow_redirects=False) as browser:
        sign_up(browser, "fuzz@example.org")
        token = api_token(browser)
        made = browser.post("/api/v1/plans", json=PLAN, headers=bearer(token))
        assert made.status_code == 201, made.text
    return token


@pytest.fixture(scope="module")
def api_schema(fuzz_app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


def test_every_operation_is_fuzzed(api_schema: Any) -> None:
    """A new endpoint fails here until it is added to OPERATIONS (and so fuzzed too)."""
    found = {op.ok().label for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


# Every operation with valid requests; with invalid ones, those that have something to break.
CASES = [(label, GenerationMode.POSITIVE) for label in OPERATIONS] + [
    (label, GenerationMode.NEGATIVE) for label in OPERATIONS if label not in NOTHING_TO_BREAK
]


@pytest.mark.parametrize(("label", "mode"), CASES)
def test_generated_requests_are_answered_as_documented(
    label: str, mode: GenerationMode, api_schema: Any, fuzz_token: str
) -> None:
    operation = api_schema.find_operation_by_label(label)
    # Requests that break the document (negative) must still never be a 5xx or undocumented.
    positive = mode is GenerationMode.POSITIVE and label not in CONTENT_DEPENDENT
    wanted = CHECKS if positive else CHECKS[:-1]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,  # the same cases on every run: a failure here is a real regression
        deadline=None,  # the first assessment loads the engine
        phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure prints its case
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def run(case: Any) -> None:
        case.call_and_validate(headers=bearer(fuzz_token), checks=wanted)

    run()
