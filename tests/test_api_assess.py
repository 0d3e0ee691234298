"""``POST /api/v1/assess``: the CLI's assessment for JSON or an upload; 4xx for bad input."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aicareers.web.settings import WebSettings

from .conftest import Invoke
from .test_api_catalog import error_of
from .web_fixtures import client, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

RESUMES = Path(__file__).parent / "fixtures" / "resumes"
URL = "/api/v1/assess"
MB = 1_048_576
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


def cli_assessment(invoke: Invoke, *args: str, stdin: str | None = None) -> Any:
    result = invoke("assess", *args, "--format", "json", input=stdin)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_fields_equal_the_cli(client: TestClient, invoke: Invoke) -> None:
    body = {
        "title": "UX designer",
        "skills": ["Figma", "user research", "usability testing"],
        "years": 6,
        "location": "Berlin, Germany",
        "top": 3,
    }
    answer = client.post(URL, json=body)
    assert answer.status_code == 200, answer.text
    expected = cli_assessment(
        invoke, "--title", "UX designer", "--skills", "Figma, user research, usability testing",
        "--years", "6", "--location", "Berlin, Germany", "--top", "3",
    )  # fmt: skip
    assert answer.json() == expected
    assert len(answer.json()["careers"]) == 3


def test_skills_as_one_string_are_split_like_the_cli(client: TestClient) -> None:
    as_list = client.post(URL, json={"skills": ["Python", "SQL"], "top": 2}).json()
    as_text = client.post(URL, json={"skills": "Python, SQL", "top": 2}).json()
    assert as_list == as_text


def test_text_equals_the_cli_reading_stdin(client: TestClient, invoke: Invoke) -> None:
    text = (RESUMES / "nurse.txt").read_text(encoding="utf-8")
    answer = client.post(URL, json={"text": text, "top": 5})
    assert answer.status_code == 200
    assert answer.json() == cli_assessment(invoke, "-", "--top", "5", stdin=text)
    report = answer.json()
    for career in report["careers"]:
        for matched in career["matched"]:
            for quote in matched["evidence"]:
                assert report["profile"]["text"][quote["start"] : quote["end"]] == quote["text"]


@pytest.mark.parametrize("name", ["ux_designer.md", "software_engineer.md", "marketer.txt"])
def test_upload_equals_the_cli_with_the_file(client: TestClient, invoke: Invoke, name: str) -> None:
    path = RESUMES / name
    files = {"file": (name, path.read_bytes(), "text/plain")}
    answer = client.post(URL, files=files, data={"top": "4", "years": "7"})
    assert answer.status_code == 200, answer.text
    assert answer.json() == cli_assessment(invoke, str(path), "--top", "4", "--years", "7")


def test_docx_upload_is_read(client: TestClient) -> None:
    files = {"file": ("cv.docx", _docx("Registered nurse. Patient care, triage, EHR."), "")}
    answer = client.post(URL, files=files, data={"top": "1"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["profile"]["source"] == "docx"


def test_pdf_upload_equals_the_cli(client: TestClient, invoke: Invoke, tmp_path: Path) -> None:
    data = _pdf(["Jane Roe", "EXPERIENCE", "Data Analyst, Acme Ltd, 2018 - 2022", "SKILLS",
                 "Python, SQL, Tableau"])  # fmt: skip
    path = tmp_path / "jane.pdf"
    path.write_bytes(data)
    answer = client.post(URL, files={"file": ("jane.pdf", data, "application/pdf")})
    assert answer.status_code == 200, answer.text
    assert answer.json() == cli_assessment(invoke, str(path))
    assert answer.json()["profile"]["source"] == "pdf"


def test_repeated_form_skills_are_joined(client: TestClient) -> None:
    form = client.post(URL, data={"skills": ["Python", "SQL"], "top": "2"})
    assert form.status_code == 200, form.text
    assert form.json() == client.post(URL, json={"skills": "Python, SQL", "top": 2}).json()


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u0000\u0000"])
def test_empty_text_is_422(client: TestClient, text: str) -> None:
    error = error_of(client.post(URL, json={"text": text}), 422)
    assert error["code"] == "empty-document"


def test_empty_file_is_422(client: TestClient) -> None:
    answer = client.post(URL, files={"file": ("cv.txt", b"", "text/plain")})
    assert error_of(answer, 422)["code"] == "empty-document"


def test_nothing_to_assess_is_422(client: TestClient) -> None:
    assert error_of(client.post(URL, json={}), 422)["code"] == "invalid-profile"


def test_png_named_pdf_is_refused(client: TestClient) -> None:
    answer = client.post(URL, files={"file": ("resume.pdf", PNG, "application/pdf")})
    assert answer.status_code in (415, 422)
    error = error_of(answer, answer.status_code)
    assert error["code"] == "unsupported-document"
    assert error["details"]["filename"] == "resume.pdf"


def test_text_named_pdf_is_refused(client: TestClient) -> None:
    answer = client.post(URL, files={"file": ("resume.pdf", b"just some text", "")})
    assert answer.status_code in (415, 422)
    assert error_of(answer, answer.status_code)["code"] == "corrupt-document"


def test_file_over_10_mb_is_413(client: TestClient) -> None:
    big = b"nurse " * (10 * MB // 6 + 100)
    answer = client.post(URL, files={"file": ("cv.txt", big, "text/plain")})
    error = error_of(answer, 413)
    assert error["code"] in {"document-too-large", "too-large"}


def test_text_over_10_mb_is_413(client: TestClient) -> None:
    answer = client.post(URL, json={"text": "a " * (5 * MB + 10)})
    assert error_of(answer, 413)["details"]["limit"] == 10 * MB


def test_declared_length_over_the_limit_is_413_before_reading(client: TestClient) -> None:
    def body() -> Any:
        yield b"{}"

    headers = {"content-type": "application/json", "content-length": str(20 * MB)}
    answer = client.post(URL, content=body(), headers=headers)
    assert error_of(answer, 413)["code"] == "too-large"


def test_streamed_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Any:  # no Content-Length: the body is counted as it arrives
        for _ in range(12):
            yield b" " * MB

    answer = client.post(URL, content=chunks(), headers={"content-type": "application/json"})
    error_of(answer, 413)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "x", "top": 0}, "top"),
        ({"title": "x", "top": 21}, "top"),
        ({"title": "x", "years": -1}, "years"),
        ({"title": "x", "skills": [1, 2]}, "skills"),
        ({"title": "x", "colour": "blue"}, "colour"),
        ({"title": ["x"]}, "title"),
    ],
)
def test_invalid_fields_are_422(client: TestClient, body: dict[str, Any], field: str) -> None:
    error = error_of(client.post(URL, json=body), 422)
    assert error["code"] == "invalid-request"
    assert error["details"]["fields"][0]["field"].split(".")[0] == field


@pytest.mark.parametrize(
    ("content", "kind", "status"),
    [
        (b"[1, 2", "application/json", 422),
        (b'"text"', "application/json", 422),
        (b"\xff\xfe", "application/json", 422),
        (b'{"years": 1e400, "title": "x"}', "application/json", 422),
        (b'{"title": "\\ud800"}', "application/json", 422),
        (b"title=x", "text/plain", 415),
        (b"--zzz\r\nbroken", "multipart/form-data; boundary=zzz", 422),
    ],
)
def test_malformed_bodies_are_4xx(
    client: TestClient, content: bytes, kind: str, status: int
) -> None:
    error_of(client.post(URL, content=content, headers={"content-type": kind}), status)


def test_file_field_must_be_a_file(client: TestClient) -> None:
    answer = client.post(URL, data={"file": "not a file"})
    assert error_of(answer, 422)["code"] == "invalid-request"


def test_file_and_text_together_read_the_file_and_say_so(client: TestClient) -> None:
    # The same rule as the web page and the Python API: the file wins, and a note says so.
    files = {"file": ("a.txt", b"Registered nurse", "")}
    answer = client.post(URL, files=files, data={"text": "Prompt engineer"})
    assert answer.status_code == 200, answer.text
    profile = answer.json()["profile"]
    assert profile["text"] == "Registered nurse"
    assert "left the pasted text aside" in profile["notes"][0]


def test_nothing_is_stored(client: TestClient, web_settings: WebSettings) -> None:
    text = (RESUMES / "nurse.txt").read_bytes()
    assert client.post(URL, files={"file": ("cv.txt", text, "")}).status_code == 200
    assert client.post(URL, json={"title": "Data analyst"}).status_code == 200
    path = str(web_settings.database_url).removeprefix("sqlite:///")
    with closing(sqlite3.connect(path)) as db:
        for table in ("assessments", "profiles", "plans"):
            assert db.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)  # fmt: skip
FIELD_NAMES = ["text", "title", "past_titles", "skills", "years", "location", "education",
               "interests", "quiz", "hours_per_week", "top", "other"]  # fmt: skip
BODIES = st.one_of(
    JSON,
    st.dictionaries(st.sampled_from(FIELD_NAMES), JSON, max_size=5),
    st.dictionaries(st.sampled_from(FIELD_NAMES), st.text(max_size=200), max_size=5),
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=BODIES)
def test_random_json_never_gives_500(client: TestClient, body: Any) -> None:
    # json.dumps writes Infinity for huge floats, which is not JSON: the API must still say 422.
    answer = client.post(
        URL, content=json.dumps(body), headers={"content-type": "application/json"}
    )
    assert answer.status_code in (200, 413, 415, 422), answer.text
    if answer.status_code != 200:
        error_of(answer, answer.status_code)
    else:
        assert {
            "profile",
            "occupations",
            "careers",
            "skills",
            "engine_version",
        } <= answer.json().keys()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=300),
    name=st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv.json", "Profile.csv", "x"]),
)
def test_random_uploads_never_give_500(client: TestClient, data: bytes, name: str) -> None:
    answer = client.post(URL, files={"file": (name, data, "application/octet-stream")})
    assert answer.status_code in (200, 415, 422), answer.text


def _docx(text: str) -> bytes:
    """A Word document holding ``text`` as one paragraph."""
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(lines: list[str]) -> bytes:
    """A PDF with a text layer, one line per entry."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
