"""axe-core on the guide's pages (steps, skills, one skill, emerging, challenges, pay by level)
on a 1280 px screen and a 390 px phone, and the Step 1 table followed as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import assert_accessible, require_playwright

require_playwright()
from playwright.sync_api import Page, expect  # noqa: E402

PAGES = (
    "/steps",
    "/skills",
    "/skills/python",
    "/skills/no-such-skill",
    "/emerging",
    "/challenges",
    "/salaries/bands",
)
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_guide_page_is_accessible(axe_page: Page, axe_js: Path, path: str, width: str) -> None:
    page = axe_page
    page.set_viewport_size(WIDTHS[width])  # type: ignore[arg-type]
    response = page.goto(path)
    assert response is not None
    assert response.status == (404 if "no-such" in path else 200)
    assert_accessible(page, axe_js, f"{path} at {width} width")


def test_step_one_table_leads_to_careers_and_a_skill_to_its_page(page: Page) -> None:
    page.goto("/steps")
    table = page.get_by_role("table", name="Where your background leads most easily")
    table.get_by_role("link", name="Healthcare professional", exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith("/careers?background=healthcare")
    expect(
        page.get_by_role("link", name="AI-Assisted Healthcare Coordinator").first
    ).to_be_visible()

    page.goto("/skills")
    page.get_by_role("main").get_by_role("link", name="Python", exact=True).first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Python")
    expect(page.get_by_role("heading", name="How to learn it")).to_be_visible()
