"""What an assessment says about itself: how sure it is, what a score means, and nothing
ranked when nothing was recognised (CLI, page and API alike)."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from aicareers.documents.reading import SCORE_LEGEND
from aicareers.service.assess import AssessInput, assess

from .conftest import Invoke
from .test_api_catalog import error_of
from .web_fixtures import client, csrf, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

NOTHING = "I enjoy long walks on the beach with my dog and my family every weekend."


def test_nothing_recognised_is_a_clear_cli_error_not_a_ranking(invoke: Invoke) -> None:
    result = invoke("assess", "-", input=NOTHING)
    assert result.exit_code == 2
    assert "job title" in result.stderr
    assert "skills" in result.stderr
    assert "--title" in result.stderr  # the hint, as a command to run
    assert "0/100" not in result.stdout


def test_too_short_text_is_422_nothing_recognised(client: TestClient) -> None:
    error = error_of(client.post("/api/v1/assess", json={"text": "Hello there"}), 422)
    assert error["code"] == "nothing-recognised"
    assert "too short" in error["message"]
    assert error["details"]["words"] == 2


def test_page_gives_the_form_back_with_what_to_add(client: TestClient) -> None:
    data = {"csrf_token": csrf(client, "/assess"), "text": NOTHING}
    page = client.post("/assess", data=data, files={"file": ("", b"")})
    assert page.status_code == 422
    assert "job title" in page.text
    assert NOTHING in page.text  # nothing typed is lost


def test_reading_line_says_how_sure_and_what_would_sharpen_it() -> None:
    thin = assess(AssessInput(skills="SQL"), top=1).reading
    full = assess(
        AssessInput(title="Registered nurse", years=8, quiz="5,4,3,2,1,5,4,3,2,1,5,4",
                    skills="patient care, triage, EHR documentation, HIPAA, scheduling, Excel"),
        top=1,
    ).reading  # fmt: skip
    assert thin is not None
    assert full is not None
    assert thin.certainty == "low"
    assert full.certainty == "high"
    assert "job title" in thin.summary  # what would sharpen it
    assert "8 years" in full.summary


def test_zero_percent_occupations_are_not_shown() -> None:
    doc = assess(AssessInput(title="UX designer"), top=1)
    assert doc.occupations
    assert all(round(100 * o.confidence) > 0 for o in doc.occupations)


def test_shared_onet_title_is_coded_by_meaning() -> None:
    # O*NET lists "UX Designer" under web interface designers and under software testers.
    doc = assess(AssessInput(title="UX designer"), top=3)
    assert doc.occupations[0].code == "15-1255.00"
    assert all(o.code != "15-1253.00" or o.confidence < 0.1 for o in doc.occupations)
    assert "mlops-engineer" not in [c.id for c in doc.careers]


def test_legend_is_printed_with_the_ranking(invoke: Invoke) -> None:
    table = invoke("assess", "--title", "Paralegal", "--top", "3")
    assert table.exit_code == 0, table.stderr
    assert " ".join(SCORE_LEGEND.split()[:6]) in " ".join(table.stdout.split())
    markdown = invoke("assess", "--title", "Paralegal", "--format", "markdown")
    assert SCORE_LEGEND in markdown.stdout
    as_json = json.loads(invoke("assess", "--title", "Paralegal", "--format", "json").stdout)
    assert as_json["reading"]["certainty"] in {"low", "medium", "high"}


def test_listed_skills_count_even_when_none_is_one_of_ours() -> None:
    listed = "AutoCAD, Primavera P6, quantity surveying, site supervision, bar bending schedules"
    reading = assess(AssessInput(title="Civil engineer", skills=listed), top=1).reading
    assert reading is not None
    assert "5 skills" in reading.summary
    assert "listing the skills" not in reading.summary


def test_typed_fields_that_say_nothing_are_not_called_short_text(invoke: Invoke) -> None:
    result = invoke("assess", "--skills", "knitting")
    assert result.exit_code == 2
    assert "too short" not in result.stderr
    assert "could not find" in result.stderr
