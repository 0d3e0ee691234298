"""Matching a resume to a job posting in a real browser: both boxes filled, the fit and the
skills table shown, axe-core on the form and the result at desktop and phone widths, and
nothing scrolling sideways on a 390 px phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .support import assert_accessible, require_playwright

require_playwright()
from playwright.sync_api import Page, expect  # noqa: E402

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
RESUME = """Sam Okafor
Austin, TX

EXPERIENCE
Data Engineer, Freightly, 2020 - Present
- Shipped forecasting models to production with Kubeflow and Docker
- Wrote Python services and SQL queries over the shipment warehouse

Analyst, Tollgate, 2017 - 2020
- Built weekly reports in Excel
"""
# A long unbroken address in the posting must wrap, not widen the page.
POSTING = """MLOps Engineer
About us
We move freight across Texas: https://careers.example.org/jobs/mlops-engineer-platform-team-austin
Requirements
- 3+ years of experience building ML pipelines
- Strong Python
- Experience with Spark
Nice to have
- Terraform is a plus
Pay: $120,000 - $150,000 a year
"""


def sideways(page: Page) -> int:
    """How many pixels the page is wider than the viewport (0: nothing scrolls sideways)."""
    return int(page.evaluate("() => document.documentElement.scrollWidth - innerWidth"))


@pytest.mark.parametrize("width", WIDTHS)
def test_match_a_posting_and_read_the_result(axe_page: Page, axe_js: Path, width: str) -> None:
    page = axe_page
    page.set_viewport_size(WIDTHS[width])  # type: ignore[arg-type]
    page.goto("/")
    if width == "phone":  # the main pages sit behind the one menu button
        page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Match a job").click()
    expect(page).to_have_url(re.compile(r"/match$"))
    assert sideways(page) <= 0, f"the form scrolls sideways at {width} width"
    assert_accessible(page, axe_js, f"the match form at {width} width")

    resume = page.get_by_role("group", name="Your resume")
    posting = page.get_by_role("group", name="The job posting")
    resume.get_by_label(re.compile("^Paste your resume")).fill(RESUME)
    posting.get_by_label(re.compile("^Paste the job posting")).fill(POSTING)
    page.get_by_role("button", name="Show how I fit").click()

    main = page.locator("main")
    expect(main.get_by_role("heading", name=re.compile(r"^Your fit: \d+ of 100$"))).to_be_visible()
    table = main.get_by_role("table", name=re.compile("^The posting's skills"))
    expect(table).to_be_visible()
    pipelines = table.get_by_role("row", name=re.compile("^ML training pipelines"))
    expect(pipelines).to_contain_text("Met")
    expect(pipelines).to_contain_text("Kubeflow")
    expect(
        table.get_by_role("row", name=re.compile("^Large-scale data processing"))
    ).to_contain_text("Missing")
    expect(main.get_by_role("link", name=re.compile("^Make a plan for"))).to_be_visible()
    assert sideways(page) <= 0, f"the result scrolls sideways at {width} width"
    assert_accessible(page, axe_js, f"the match result at {width} width")


def test_an_empty_posting_keeps_the_resume(page: Page) -> None:
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    page.goto("/match")
    page.get_by_label(re.compile("^Paste your resume")).fill(RESUME)
    page.get_by_label(re.compile("^Paste the job posting")).fill("   ")  # passes `required`
    page.get_by_role("button", name="Show how I fit").click()
    expect(page.get_by_role("alert")).to_contain_text("The posting is empty")
    expect(page.get_by_label(re.compile("^Paste your resume"))).to_have_value(RESUME)
    assert sideways(page) <= 0
