"""The match page and ``POST /api/v1/match``: the same report as ``service.match``, laid out
with both texts' words side by side; bad input keeps what was typed and says what to change.

The resumes and postings are written for these tests."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest
from fastapi.testclient import TestClient

from aicareers.documents.match import MatchReport
from aicareers.service.match import MAX_POSTING_CHARS, AssessInput, match
from aicareers.web.app import create_app
from aicareers.web.settings import WebSettings

from .test_api_catalog import error_of
from .web_fixtures import client, csrf, settings_for, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

RESUME = """Sam Okafor
Austin, TX

EXPERIENCE
Data Engineer, Freightly, 2020 - Present
- Shipped forecasting models to production with Kubeflow and Docker
- Wrote Python services and SQL queries over the shipment warehouse

Analyst, Tollgate, 2017 - 2020
- Built weekly reports in Excel
"""
POSTING = """MLOps Engineer
About us
We move freight across Texas.
Requirements
- 3+ years of experience building ML pipelines
- Strong Python
- Experience with Spark
Nice to have
- Terraform is a plus
Pay: $120,000 - $150,000 a year
"""
GERMAN = (
    "Datenanalyst (m/w/d)\nWir suchen eine Datenanalystin für unser Team in Hamburg. Sie "
    "arbeiten mit unseren Fachabteilungen zusammen und erstellen Berichte für die Leitung. "
    "Ihr Profil: mehrjährige Erfahrung in der Datenanalyse, sehr gute Kenntnisse in SQL und "
    "Python, Freude an der Arbeit im Team und eine strukturierte Arbeitsweise. Wir bieten "
    "flexible Arbeitszeiten, Homeoffice und ein freundliches Team."
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
URL = "/api/v1/match"


@pytest.fixture(scope="module")
def expected() -> MatchReport:
    """The service's own report for RESUME and POSTING (the web settings match by meaning)."""
    return match(AssessInput(text=RESUME), POSTING, semantic=WebSettings().semantic)


def as_json(report: MatchReport) -> Any:
    """The report as JSON reads it back (tuples become lists)."""
    return json.loads(json.dumps(msgspec.to_builtins(report)))


def post(client: TestClient, files: dict[str, object] | None = None, **fields: str):  # type: ignore[no-untyped-def]
    """POST /match as the form does (multipart), with the page's CSRF token."""
    data = {"csrf_token": csrf(client, "/match"), **fields}
    return client.post("/match", data=data, files=files or {"file": ("", b"")})


def row_of(page: str, skill: str) -> str:
    """The skills table's row whose header cell is ``skill``."""
    for row in re.findall(r"<tr id=\"skill-\d+\">(.*?)</tr>", page, flags=re.S):
        if f'<th scope="row">{html.escape(skill)}</th>' in row:
            return str(row)
    raise AssertionError(f"no row for {skill}")


def kept(page: str, name: str) -> str:
    """The text the form shows again in its textarea ``name``."""
    found = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, flags=re.S)
    assert found is not None, f"no textarea {name}"
    return html.unescape(found.group(1))


def test_the_form_labels_both_sides_and_says_links_are_not_fetched(client: TestClient) -> None:
    page = client.get("/match")
    assert page.status_code == 200
    ids = set(re.findall(r'<(?:input|textarea|select)[^>]*\bid="([^"]+)"', page.text))
    labels = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', page.text))
    assert {"match-text", "match-file", "match-posting", "match-title"} <= ids <= labels
    assert "<legend>Your resume</legend>" in page.text
    assert "<legend>The job posting</legend>" in page.text
    assert "We never open links" in page.text
    assert 'enctype="multipart/form-data"' in page.text
    assert '<a href="/match" aria-current="page">Match a job</a>' in page.text


def test_the_result_shows_the_services_fit_and_both_texts_words(
    client: TestClient, expected: MatchReport
) -> None:
    page = post(client, text=RESUME, posting=POSTING)
    assert page.status_code == 200, page.text
    fit = re.search(r'id="fit-score">(\d+)<', page.text)
    assert fit is not None
    assert int(fit.group(1)) == expected.fit
    # A must-have met by meaning: the posting's words marked in context, the resume's beside.
    met = next(s for s in expected.skills if s.id == "ml-pipelines")
    assert met.kind == "must"
    assert met.matched
    assert met.resume_quote is not None
    row = row_of(page.text, met.name)
    assert "Must-have" in row
    assert '<span class="met">Met</span>' in row
    assert "building <mark>ML pipelines</mark>" in row
    assert f'<q class="evidence">{met.resume_quote.text}</q>' in row
    # A missing must-have with the hours it takes, and the total for all of them.
    gap = next(s for s in expected.skills if s.kind == "must" and not s.matched and s.learn_hours)
    row = row_of(page.text, gap.name)
    assert '<span class="missing">Missing</span>' in row
    assert f'<td class="num">{gap.learn_hours}</td>' in row
    assert f"{expected.missing_must_hours} hours" in page.text


def test_the_result_shows_the_posting_as_read_and_a_plan_link(
    client: TestClient, expected: MatchReport
) -> None:
    page = post(client, text=RESUME, posting=POSTING).text
    assert expected.posting.career == "mlops-engineer"
    assert f'<a href="/careers/mlops-engineer">{expected.posting.career_name}</a>' in page
    assert "$120,000 to $150,000 a year" in page
    assert "3 or more" in page
    link = re.search(r'href="(/plans/new\?career=mlops-engineer[^"]*)"', page)
    assert link is not None
    assert "python" in html.unescape(link.group(1))  # skills already shown, left out of it
    # A part the texts cannot measure is said to be so, not shown as 0.
    parts = msgspec.to_builtins(expected.parts)
    assert page.count("not measured") == sum(value is None for value in parts.values())


def test_the_api_answers_the_services_report(client: TestClient, expected: MatchReport) -> None:
    answer = client.post(URL, json={"resume_text": RESUME, "posting": POSTING})
    assert answer.status_code == 200, answer.text
    assert answer.json() == as_json(expected)


def test_the_api_reads_an_uploaded_resume(client: TestClient) -> None:
    files = {"file": ("resume.txt", RESUME.encode(), "text/plain")}
    form = {"posting": POSTING, "posting_title": "Platform engineer"}
    answer = client.post(URL, data=form, files=files)
    assert answer.status_code == 200, answer.text
    person = AssessInput(file=RESUME.encode(), filename="resume.txt")
    report = match(person, POSTING, "Platform engineer", semantic=WebSettings().semantic)
    assert answer.json() == as_json(report)
    assert answer.json()["posting"]["title"] == "Platform engineer"


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        ({"resume_text": RESUME, "posting": " \n "}, "invalid-input", "The posting is empty"),
        ({"resume_text": RESUME}, "invalid-request", "posting"),
        ({"resume_text": RESUME, "posting": POSTING, "url": "x"}, "invalid-request", "url"),
    ],
    ids=["blank-posting", "no-posting", "unknown-field"],
)
def test_the_api_refuses_bad_bodies_with_422(
    client: TestClient, body: dict[str, str], code: str, words: str
) -> None:
    error = error_of(client.post(URL, json=body), 422)
    assert error["code"] == code
    assert words in error["message"]


def test_an_empty_posting_keeps_the_resume_and_says_what_to_do(client: TestClient) -> None:
    page = post(client, text=RESUME, posting="   \n ", posting_title="Data analyst")
    assert 400 <= page.status_code < 500
    assert 'role="alert"' in page.text
    assert "The posting is empty" in page.text
    assert kept(page.text, "text") == RESUME
    assert 'value="Data analyst"' in page.text


def test_a_too_long_posting_keeps_both_texts(client: TestClient) -> None:
    long = POSTING + "We ship freight. " * (MAX_POSTING_CHARS // 17 + 10)
    page = post(client, text=RESUME, posting=long)
    assert page.status_code == 422
    assert f"up to {MAX_POSTING_CHARS:,}" in page.text
    assert kept(page.text, "text") == RESUME
    assert kept(page.text, "posting") == long


def test_an_unreadable_file_keeps_the_posting(client: TestClient) -> None:
    page = post(client, files={"file": ("cv.pdf", PNG, "application/pdf")}, posting=POSTING)
    assert page.status_code in (415, 422)
    assert "PNG image" in page.text
    assert "choose a file again" in page.text
    assert kept(page.text, "posting") == POSTING


def test_a_too_large_file_is_413_with_the_posting_kept(tmp_path: Path) -> None:
    with TestClient(create_app(settings_for(tmp_path, max_upload_bytes=2048))) as small:
        big = ("cv.txt", b"Python developer. " * 200, "text/plain")
        page = post(small, files={"file": big}, posting=POSTING)
    assert page.status_code == 413
    assert "the limit is" in page.text
    assert kept(page.text, "posting") == POSTING


def test_a_german_posting_says_it_is_not_read_as_english(client: TestClient) -> None:
    page = post(client, text=RESUME, posting=GERMAN)
    assert page.status_code == 200, page.text
    assert "This posting does not read as English" in page.text


def test_a_posting_with_no_skill_we_know_shows_no_fit(client: TestClient) -> None:
    barista = "Barista\nRequirements\n- Latte art\n- A friendly manner with guests\n"
    page = post(client, text=RESUME, posting=barista)
    assert page.status_code == 200, page.text
    assert 'id="fit-score">not measured<' in page.text
    assert "We could not read any skill this posting asks for" in page.text


def test_the_form_without_a_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/match")
    page = client.post("/match", data={"text": RESUME, "posting": POSTING})
    assert page.status_code == 403


def test_the_api_documents_both_bodies(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operation = spec["paths"][URL]["post"]
    content = operation["requestBody"]["content"]
    assert set(content) == {"application/json", "multipart/form-data"}
    assert "posting" in content["application/json"]["schema"]["required"]
    assert content["multipart/form-data"]["schema"]["properties"]["file"]["format"] == "binary"
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"fit", "parts", "skills", "missing_must_hours"} <= set(answer["properties"])
    assert "POST /api/v1/match" in client.get("/api/docs").text
