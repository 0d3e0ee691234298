"""The assessment page shows pay where the person lives when they say where that is."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from aicareers.taxonomy.wages import load_wages

from .web_fixtures import client, csrf, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here


def assess_page(client: TestClient, location: str) -> str:
    data = {"csrf_token": csrf(client, "/assess"), "title": "Registered nurse",
            "skills": "patient care, care coordination", "location": location}  # fmt: skip
    answer = client.post("/assess", data=data, files={"file": ("", b"")})
    assert answer.status_code == 200, answer.text
    return html.unescape(re.sub(r"\s+", " ", answer.text))


def test_a_nurse_in_ohio_sees_ohio_pay_on_the_page(client: TestClient) -> None:
    page = assess_page(client, "Columbus, OH")
    nurse = load_wages().row("29-1141", "OH")
    assert nurse is not None
    assert nurse.p50 is not None
    assert "Pay where you live: Ohio" in page
    assert f"Registered Nurses: median ${nurse.p50:,} in Ohio" in re.sub(r"<[^>]+>", "", page)
    assert 'href="/careers/ai-assisted-healthcare-coordinator?place=OH"' in page
    assert "Bureau of Labor Statistics" in page


def test_a_nurse_in_germany_is_told_the_survey_is_us_only(client: TestClient) -> None:
    page = assess_page(client, "Berlin, Germany")
    assert "Pay where you live: Germany" in page
    assert "covers the United States only" in page
    assert "U.S. survey only" in page


def test_no_place_no_pay_section(client: TestClient) -> None:
    assert "Pay where you live" not in assess_page(client, "")
