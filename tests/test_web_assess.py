"""The assessment pages: paste, upload or type; ranked careers with the evidence marked."""

from __future__ import annotations

import io
import re
import sqlite3
from pathlib import Path

import docx
import pytest
from fastapi.testclient import TestClient
from fpdf import FPDF

from aicareers.web.app import create_app
from aicareers.web.routes.assess import highlight, snippet

from .web_fixtures import client, csrf, settings_for, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

RESUME = (
    "Software engineer with 6 years of experience.\n"
    "Built REST APIs in Python and shipped them with Docker and CI/CD pipelines.\n"
    "Mentored two junior developers."
)
LINES = ["Jane Roe", "EXPERIENCE", "Data Analyst, Acme Ltd, 2018 - 2022", "SKILLS",
         "Python, SQL, Tableau"]  # fmt: skip
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def post(client: TestClient, files: dict[str, object] | None = None, **fields: str):  # type: ignore[no-untyped-def]
    """POST /assess as the form does (multipart), with the page's CSRF token."""
    data = {"csrf_token": csrf(client, "/assess"), **fields}
    return client.post("/assess", data=data, files=files or {"file": ("", b"")})


def marked(html: str) -> list[str]:
    """The texts inside <mark> on a page."""
    return re.findall(r"<mark>(.*?)</mark>", html, flags=re.S)


def text_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in LINES:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def word_file() -> bytes:
    document = docx.Document()
    document.add_heading("Work Experience", level=1)
    document.add_paragraph("Data analyst, Acme Ltd, 2018 - 2022")
    document.add_paragraph("Built dashboards in Tableau and wrote SQL for the finance team.")
    document.add_heading("Skills", level=1)
    document.add_paragraph("Python, SQL, Tableau")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_form_has_every_input_labelled(client: TestClient) -> None:
    page = client.get("/assess")
    assert page.status_code == 200
    ids = set(re.findall(r'<(?:input|textarea|select)[^>]*\bid="([^"]+)"', page.text))
    labels = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', page.text))
    assert {"assess-text", "assess-file", "assess-title", "quiz-R1"} <= ids
    assert ids <= labels
    assert 'enctype="multipart/form-data"' in page.text
    assert '<details id="quiz">' in page.text  # closed unless asked for
    assert '<details id="quiz" open>' in client.get("/assess?quiz=1").text


def test_pasted_text_ranks_careers_and_marks_the_evidence(client: TestClient) -> None:
    page = post(client, text=RESUME)
    assert page.status_code == 200, page.text
    assert "Docker" in marked(page.text)
    assert "CI/CD pipelines" in marked(page.text)
    assert page.text.count('<meter class="bar" min="0" max="100"') == 20
    first = re.search(r'<th scope="row"><a href="/careers/([a-z-]+)">', page.text)
    assert first is not None
    assert first.group(1) == "mlops-engineer"
    assert page.text.count('action="/plans"') == 5
    # The quote sits in the person's words: the text around it is theirs too.
    assert re.search(r"shipped them with <mark>Docker</mark> and", page.text)


def test_make_a_plan_form_carries_the_skills_found(client: TestClient) -> None:
    page = post(client, text=RESUME)
    found = re.search(r'name="skills" value="([^"]*)"', page.text)
    assert found is not None
    assert {"container-orchestration", "ci-cd"} <= set(found.group(1).split(","))


def test_typed_fields_alone_are_enough(client: TestClient) -> None:
    page = post(client, title="UX designer", skills="Figma, user research", years="6")
    assert page.status_code == 200, page.text
    assert "Figma" in marked(page.text)
    assert "Years of experience: 6.0" in page.text


def test_uploaded_docx(client: TestClient) -> None:
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    page = post(client, files={"file": ("cv.docx", word_file(), mime)})
    assert page.status_code == 200, page.text
    assert "Tableau" in marked(page.text)


def test_uploaded_pdf(client: TestClient) -> None:
    page = post(client, files={"file": ("cv.pdf", text_pdf(), "application/pdf")})
    assert page.status_code == 200, page.text
    assert "Tableau" in marked(page.text)


def test_file_wins_over_pasted_text_and_says_so(client: TestClient) -> None:
    page = post(client, text=RESUME, files={"file": ("cv.pdf", text_pdf(), "application/pdf")})
    assert page.status_code == 200
    assert "left the pasted text aside" in page.text
    assert "Docker" not in marked(page.text)


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"text": ""}, "Nothing to assess"), ({"text": "  \n "}, "is empty")],
    ids=["nothing", "blank"],
)
def test_empty_text_gives_the_form_back_with_422(
    client: TestClient, fields: dict[str, str], message: str
) -> None:
    page = post(client, **fields)
    assert page.status_code == 422
    assert message in page.text
    assert 'role="alert"' in page.text
    assert 'name="text"' in page.text  # the form again, not an error page


def test_png_named_pdf_is_refused(client: TestClient) -> None:
    page = post(client, files={"file": ("cv.pdf", PNG, "application/pdf")})
    assert page.status_code in (415, 422)
    assert "PNG image" in page.text
    assert 'name="text"' in page.text


def test_scanned_pdf_is_refused_with_a_way_out(client: TestClient) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 120, style="F")
    page = post(client, files={"file": ("scan.pdf", bytes(pdf.output()), "application/pdf")})
    assert page.status_code == 422
    assert "no text layer" in page.text


def test_too_large_file_is_413_with_the_form(tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path, max_upload_bytes=2048))
    with TestClient(app) as small:
        page = post(small, files={"file": ("cv.txt", b"Python developer. " * 200, "text/plain")})
    assert page.status_code == 413
    assert "the limit is" in page.text
    assert 'name="text"' in page.text


def test_bad_years_and_half_a_quiz_keep_what_was_typed(client: TestClient) -> None:
    page = post(client, title="Nurse", years="lots")
    assert page.status_code == 422
    assert "must be a number" in page.text
    assert 'value="Nurse"' in page.text
    quiz = post(client, title="Nurse", **{"quiz-R1": "4", "quiz-I1": "5"})
    assert quiz.status_code == 422
    assert "10 unrated" in quiz.text
    assert '<details id="quiz" open>' in quiz.text


def test_full_quiz_is_used(client: TestClient) -> None:
    ids = ["R1", "R2", "I1", "I2", "A1", "A2", "S1", "S2", "E1", "E2", "C1", "C2"]
    ratings = ["1", "1", "5", "5", "2", "2", "3", "3", "2", "2", "4", "4"]
    answers = dict(zip(ids, ratings, strict=True))
    page = post(client, title="Analyst", **{f"quiz-{k}": v for k, v in answers.items()})
    assert page.status_code == 200, page.text
    assert (
        "Strongest interests: Investigative, Conventional and Social (from your answers)"
        in page.text
    )


def test_form_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/assess")
    page = client.post("/assess", data={"text": RESUME}, files={"file": ("", b"")})
    assert page.status_code == 403


def test_anonymous_assessment_stores_nothing(client: TestClient, tmp_path: Path) -> None:
    assert post(client, text=RESUME).status_code == 200
    with sqlite3.connect(tmp_path / "web.db") as db:
        counts = [db.execute(f"select count(*) from {t}").fetchone()[0]
                  for t in ("assessments", "profiles")]  # fmt: skip
    assert counts == [0, 0]


def test_highlight_escapes_the_text_and_merges_overlaps() -> None:
    text = "<b>Python</b> & SQL"
    html = str(highlight(text, [(3, 9), (5, 9), (16, 19)]))
    assert html == "&lt;b&gt;<mark>Python</mark>&lt;/b&gt; &amp; <mark>SQL</mark>"


def test_snippet_keeps_whole_words_and_one_line() -> None:
    text = "alpha beta gamma\ndelta Kubernetes epsilon zeta eta"
    start = text.index("Kubernetes")
    html = str(snippet(text, start, start + len("Kubernetes"), context=12))
    assert html == "… gamma delta <mark>Kubernetes</mark> epsilon …"
