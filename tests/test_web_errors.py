"""Errors in the web app: one JSON shape under /api/, a helpful page elsewhere, never a 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from markupsafe import escape

from aicareers import errors as core
from aicareers.web.errors import classify

from .web_fixtures import client, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

RAISED: dict[str, Exception] = {
    "unknown-career": core.UnknownIdError(
        "career",
        "mlops",
        ["mlops-engineer"],
        core.listing(command="aicareers careers list", page="/careers"),
    ),
    "cli-only-hint": core.TaxonomyError(
        "No taxonomy artifact.", hint=core.Hint("rebuild it", command="aicareers data build")
    ),
    "empty": core.EmptyDocumentError("cv.txt"),
    "unsupported": core.UnsupportedDocumentError("An image.", "cv.png"),
    "corrupt": core.CorruptDocumentError("The PDF is cut short.", "cv.pdf"),
    "too-large": core.DocumentTooLargeError(11 * 1_048_576, 10 * 1_048_576, "cv.pdf"),
    "profile": core.ProfileError("years", "Years must be between 0 and 60."),
    "input": core.UserInputError("Unknown sort 'x'."),
    "store": core.DatabaseUnavailableError("The database does not answer."),
    "bug": RuntimeError("secret internal detail"),
}
EXPECTED = {
    "unknown-career": (404, "not-found"),
    "cli-only-hint": (503, "unavailable"),
    "empty": (422, "empty-document"),
    "unsupported": (415, "unsupported-document"),
    "corrupt": (422, "corrupt-document"),
    "too-large": (413, "document-too-large"),
    "profile": (422, "invalid-profile"),
    "input": (422, "invalid-input"),
    "store": (503, "database-unavailable"),
    "bug": (500, "internal-error"),
}


@pytest.fixture
def raising(web_app: FastAPI) -> Iterator[TestClient]:
    """The app with routes that raise each error, as a page and as an API endpoint."""
    probe = APIRouter()

    @probe.get("/_raise/{name}")
    @probe.get("/api/v1/_raise/{name}")
    def boom(name: str) -> None:
        raise RAISED[name]

    @probe.get("/api/v1/_count")
    def count(n: int) -> dict[str, int]:
        return {"n": n}

    web_app.include_router(probe)
    with TestClient(web_app, raise_server_exceptions=False) as browser:
        yield browser


@pytest.mark.parametrize("name", list(RAISED))
def test_api_errors_have_one_shape(raising: TestClient, name: str) -> None:
    answer = raising.get(f"/api/v1/_raise/{name}")
    status, code = EXPECTED[name]
    assert answer.status_code == status
    body = answer.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["details"], dict)
    assert "Traceback" not in answer.text
    assert "secret internal detail" not in answer.text


@pytest.mark.parametrize("name", list(RAISED))
def test_pages_show_the_message_with_the_same_status(raising: TestClient, name: str) -> None:
    answer = raising.get(f"/_raise/{name}")
    assert answer.status_code == EXPECTED[name][0]
    assert answer.headers["content-type"].startswith("text/html")
    assert '<a href="/">Home</a>' in answer.text
    raised = RAISED[name]
    if isinstance(raised, core.AicareersError):
        assert str(escape(str(raised))) in answer.text
    assert "secret internal detail" not in answer.text


def test_the_hint_is_in_the_details_not_in_the_message(raising: TestClient) -> None:
    error = raising.get("/api/v1/_raise/unknown-career").json()["error"]
    assert error["message"] == "No career with id 'mlops'. Did you mean: mlops-engineer?"
    assert error["details"]["hint"] == {"goal": "see every id", "page": "/careers"}


def test_a_hint_for_the_command_line_only_is_left_out(raising: TestClient) -> None:
    error = raising.get("/api/v1/_raise/cli-only-hint").json()["error"]
    assert error == {"code": "unavailable", "message": "No taxonomy artifact.", "details": {}}
    page = raising.get("/_raise/cli-only-hint").text
    assert "aicareers data build" not in page
    assert "Rebuild it" not in page


def test_pages_show_the_hint_as_a_link(raising: TestClient) -> None:
    page = raising.get("/_raise/unknown-career").text
    assert (
        "No career with id &#39;mlops&#39;. Did you mean: mlops-engineer? "
        '<a href="/careers">See every id</a>.'
    ) in page


def test_details_help_a_program_recover(raising: TestClient) -> None:
    details = raising.get("/api/v1/_raise/unknown-career").json()["error"]["details"]
    assert details == {
        "kind": "career", "id": "mlops", "suggestions": ["mlops-engineer"],
        "hint": {"goal": "see every id", "page": "/careers"},
    }  # fmt: skip
    page = raising.get("/_raise/unknown-career")
    assert '<a href="/careers/mlops-engineer">mlops-engineer</a>' in page.text
    too_large = raising.get("/api/v1/_raise/too-large").json()["error"]["details"]
    assert too_large["limit"] == 10 * 1_048_576
    assert too_large["filename"] == "cv.pdf"


def test_validation_errors_are_422_in_the_same_shape(raising: TestClient) -> None:
    answer = raising.get("/api/v1/_count", params={"n": "many"})
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "invalid-request"
    assert error["details"]["fields"][0]["field"] == "n"
    assert "n:" in error["message"]


def test_unknown_addresses_are_404(client: TestClient) -> None:
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "not-found"
    page = client.get("/no/such/page")
    assert page.status_code == 404
    assert "There is nothing at this address" in page.text
    assert client.delete("/api/v1/_raise/x").status_code in {404, 405}


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/no/such/page", "/api/v1/nothing", "/static/style.css"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert "script-src 'self'" in headers["content-security-policy"]


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    limit = client.app.state.settings.max_upload_bytes  # type: ignore[attr-defined]
    big = b"x" * (limit + 2 * 1_048_576)
    api = client.post("/api/v1/assess", content=big, headers={"content-type": "text/plain"})
    assert api.status_code == 413
    assert api.json()["error"]["code"] == "too-large"
    page = client.post("/signin", content=big, headers={"content-type": "text/plain"})
    assert page.status_code == 413
    assert "too large" in page.text


def test_a_streamed_body_over_the_limit_is_cut_off(client: TestClient) -> None:
    limit = client.app.state.settings.max_upload_bytes  # type: ignore[attr-defined]

    def chunks() -> Iterator[bytes]:
        for _ in range(limit // 1_048_576 + 3):
            yield b"x" * 1_048_576

    form = {"content-type": "application/x-www-form-urlencoded"}
    answer = client.post("/signin", content=chunks(), headers=form)
    assert answer.status_code == 413
    assert "too large" in answer.text


def test_classify_covers_every_error_of_ours() -> None:
    ours = [cls for cls in vars(core).values()
            if isinstance(cls, type) and issubclass(cls, core.AicareersError)]  # fmt: skip
    assert len(ours) >= 15
    for exc in RAISED.values():
        if isinstance(exc, core.AicareersError):
            status, code, _ = classify(exc)
            assert 400 <= status < 600
            assert code == code.lower()
            assert " " not in code


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [("DELETE", "/assess", "GET, POST"), ("PUT", "/careers", "GET"),
     ("DELETE", "/api/v1/plans", "GET, POST")],
)  # fmt: skip
def test_405_allow_lists_every_method_of_the_path(
    client: TestClient, method: str, path: str, allow: str
) -> None:
    answer = client.request(method, path)
    assert answer.status_code == 405
    assert answer.headers["allow"] == allow
